"""Which rules and which forms apply to a dossier, by its receipt date. Plain Python.

A dossier is handled under the rules in force when it was received, and its forms are those
of the circular in force then; it keeps them to the end even if the law changes meanwhile.

- Decree 61/2018/NĐ-CP of 23/04/2018 (in force 21/06/2018; amended by Decree 107/2021/NĐ-CP)
  with Circular 01/2018/TT-VPCP of 23/11/2018 (in force 06/01/2019): forms 01–06; dossier
  code `V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX` (Circular 01/2018, Art. 19).
- Decree 118/2025/NĐ-CP of 09/06/2025 (in force 01/07/2025; amended by Decree
  367/2025/NĐ-CP) with Circular 03/2025/TT-VPCP of 15/09/2025: forms 01–07.

Between 01/07/2025 and 14/09/2025 the new decree applies with the old circular's forms,
since the new circular did not exist yet. Online service levels: "toàn trình" (fully online)
and "một phần" (partly online) since Decree 42/2022/NĐ-CP; the older levels 3 and 4 of
Decree 43/2011/NĐ-CP map to them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Rules:
	key: str  # "2018" | "2025"
	decree: str
	in_force_from: dt.date


@dataclass(frozen=True)
class Forms:
	key: str  # "2018" | "2025"
	circular: str
	in_force_from: dt.date
	forms: tuple[tuple[str, str], ...]  # (number, title)


RULES = (
	Rules("2018", "61/2018/NĐ-CP", dt.date(2018, 6, 21)),
	Rules("2025", "118/2025/NĐ-CP", dt.date(2025, 7, 1)),
)

FORMS = (
	Forms(
		"2018",
		"01/2018/TT-VPCP",
		dt.date(2019, 1, 6),
		(
			("01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
			("02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
			("03", "Phiếu từ chối tiếp nhận giải quyết hồ sơ"),
			("04", "Phiếu xin lỗi và hẹn lại ngày trả kết quả"),
			("05", "Phiếu kiểm soát quá trình giải quyết hồ sơ"),
			("06", "Sổ theo dõi hồ sơ"),
		),
	),
	Forms(
		"2025",
		"03/2025/TT-VPCP",
		dt.date(2025, 9, 15),
		(
			("01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
			("02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
			("03", "Phiếu từ chối tiếp nhận giải quyết hồ sơ"),
			("04", "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết"),
			("05", "Thông báo dừng giải quyết hồ sơ"),
			("06", "Phiếu kiểm soát quá trình giải quyết hồ sơ"),
			("07", "Sổ theo dõi hồ sơ"),
		),
	),
)


def rules_for(received_on: dt.date) -> Rules:
	"""The decree a dossier received on that day is handled under (the earliest for older dates)."""
	return _latest(RULES, received_on)


def forms_for(received_on: dt.date) -> Forms:
	"""The circular whose forms a dossier received on that day is printed with."""
	return _latest(FORMS, received_on)


def _latest(items, day: dt.date):
	chosen = items[0]
	for item in items:
		if item.in_force_from <= day:
			chosen = item
	return chosen


ONLINE_LEVELS = ("Full Online", "Partly Online", "Not Online")


def online_level(level: str | int | None) -> str:
	"""The current online service level for a level as written, new or old.

	"toàn trình" / 4 → "Full Online"; "một phần" / 3 → "Partly Online"; 1, 2, none → "Not Online"
	(Decree 42/2022/NĐ-CP, Art. 11, which replaced the levels 1–4 of Decree 43/2011/NĐ-CP).
	"""
	text = str(level or "").strip().lower()
	if text in ("full online", "toàn trình", "toan trinh", "4", "mức độ 4", "muc do 4", "level 4"):
		return "Full Online"
	if text in ("partly online", "một phần", "mot phan", "3", "mức độ 3", "muc do 3", "level 3"):
		return "Partly Online"
	return "Not Online"
