"""Digitisation of dossiers and results, and reuse of what was digitised: the arithmetic, no Frappe.

Decision 766/QĐ-TTg of 23/06/2022 (the indicators serving and judging the service of citizens
and businesses), group "Số hóa hồ sơ, kết quả giải quyết TTHC": the share of dossiers whose
components were all digitised at reception, the share of results digitised, and the reuse of
digitised data (Decree 107/2021/NĐ-CP, Art. 1.9, and Decree 45/2020/NĐ-CP, Art. 16: what an
applicant gave once in electronic form is not asked for again).

- A component is digitised when its scan is attached to the dossier or it is taken from the
  applicant's document store (reuse).
- A dossier has all components digitised when it lists at least one component and every one is
  digitised.
- A dossier has a result once it is approved (Approved, Result Ready, Result Returned); the
  result is digitised when its file (scan or PDF, signed or not) is on the dossier.
- Shares are percentages with two decimals, None when nothing is counted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

RESULT_STATES = ("Approved", "Result Ready", "Result Returned")
COUNTS = ("received", "all_digitised", "with_result", "result_digitised", "reusing", "reused_documents")


def percent(part: int, whole: int) -> float | None:
	"""part / whole as a percentage with two decimals; None when whole is 0."""
	return round(100.0 * part / whole, 2) if whole else None


def component_counts(rows: Iterable[Mapping]) -> dict:
	"""{"total", "digitised", "reused", "all_digitised"} of a dossier's component rows, each a
	mapping with "attachment" (the scan's URL or empty) and "reused_from" (a store entry or
	empty)."""
	total = digitised = reused = 0
	for row in rows:
		total += 1
		if row.get("reused_from"):
			reused += 1
		if row.get("attachment") or row.get("reused_from"):
			digitised += 1
	return {
		"total": total,
		"digitised": digitised,
		"reused": reused,
		"all_digitised": bool(total) and digitised == total,
	}


def rates(counts: Mapping) -> dict:
	"""The counts (COUNTS) with their shares: all_digitised_rate (of received),
	result_digitised_rate (of dossiers with a result), reuse_rate (dossiers that reused at least
	one document, of received)."""
	out = {key: int(counts.get(key) or 0) for key in COUNTS}
	out["all_digitised_rate"] = percent(out["all_digitised"], out["received"])
	out["result_digitised_rate"] = percent(out["result_digitised"], out["with_result"])
	out["reuse_rate"] = percent(out["reusing"], out["received"])
	return out


def is_valid_on(day: dt.date, valid_from: dt.date | None, valid_until: dt.date | None) -> bool:
	"""True when a stored document may be reused on `day`: within its validity (either end
	open when empty, both inclusive)."""
	return (valid_from is None or valid_from <= day) and (valid_until is None or day <= valid_until)
