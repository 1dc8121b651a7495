"""The document's header: number, date, kind, subject and issuer, and the plan's year.

The header is read from the logical lines before the body, wherever in them each part
stands: a copied two-column header puts the issuer, the motto, the number and the place and
date in any order between `|` lines.
"""

from __future__ import annotations

import collections
import datetime as dt
import re
from dataclasses import dataclass, field

from onestop.agency_names import PROVINCES, Vocabulary, normalise
from onestop.plan_reader.text import CELL, Line, sentence_case

NUMBER = re.compile(
	r"^Số(?:\s*(?:hiệu)?\s*:)?\s*(?:(\d+)\s*/\s*)?((?:\d{4}/)?[A-ZĐ][A-ZĐa-z0-9]*(?:[-–][A-ZĐa-z0-9]+)+)"
)
NUMBER_IN_ATTACHMENT = re.compile(
	r"kèm theo (?:Kế hoạch|Quyết định|Chỉ thị|Công văn) số\s*(\d+)\s*/\s*([A-ZĐa-z0-9/\-]+)\s*"
	r"ngày\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})"
)
_PLACE_DATE = re.compile(r"ngày\s+(\d{1,2})?\s*tháng\s+(\d{1,2})?\s*năm\s+(\d{4})")
KINDS = {
	"QUYẾT ĐỊNH": "Quyết định",
	"KẾ HOẠCH": "Kế hoạch",
	"THÔNG BÁO": "Thông báo",
	"CHỈ THỊ": "Chỉ thị",
	"CÔNG VĂN": "Công văn",
	"BÁO CÁO": "Báo cáo",
	"CHƯƠNG TRÌNH": "Chương trình",
	"NGHỊ QUYẾT": "Nghị quyết",
}
_KIND = re.compile(r"^(" + "|".join(KINDS) + r")\s*:?$")
_SUBJECT_PREFIX = re.compile(r"^(V/v|Về việc)\s+", re.I)
_YEAR_IN_NUMBER = re.compile(r"/(20\d{2})/")
_NOT_SUBJECT = re.compile(r"^(Căn cứ|Xét|Kính gửi|CỘNG HÒA|Độc lập|Số\b|ỦY BAN|UBND)")


@dataclass
class Header:
	"""What the header says. `year_source` names where the year came from."""

	number: str | None = None
	date: dt.date | None = None
	year: int | None = None
	year_source: str | None = None
	kind: str | None = None
	subject: str | None = None
	issuer_lines: list[str] = field(default_factory=list)


def read_header(lines: list[Line]) -> Header:
	"""Number, date, kind, subject and issuer lines from the logical lines before the body."""
	info = Header()
	texts = [normalise(x.text) for x in lines if x.text != CELL]
	for i, x in enumerate(texts):
		m = NUMBER.match(x)
		if m and info.number is None:
			info.number = f"{m[1]}/{m[2]}" if m[1] else m[2]
			continue
		m = _PLACE_DATE.search(x)
		if m and info.date is None and info.year is None and (re.search(r",\s*ngày", x) or i < 12):
			info.year, info.year_source = int(m[3]), "header date"
			if m[1] and m[2]:
				info.date = _date(int(m[3]), int(m[2]), int(m[1]))
			continue
		m = _KIND.match(x)
		if m and info.kind is None:
			info.kind = KINDS[m[1]]
			continue
		if info.subject is None and (_SUBJECT_PREFIX.match(x) or (info.kind and not _NOT_SUBJECT.match(x))):
			if len(x) > 15 and not _KIND.match(x):
				info.subject = x
		if x.upper() == x and len(x) > 3:
			info.issuer_lines.append(x)
	if info.kind is None and any(x.startswith("Kính gửi") for x in texts):
		info.kind = "Công văn"
	return info


def plan_year(header: Header, deadline_texts: list[str], given: int | None) -> tuple[int | None, str | None]:
	"""The plan's year and where it was read: the header's date, else the document number
	("…/2025/QĐ-UBND"), else the subject ("… năm 2025"), else the deadlines (the year most of
	them name), else `given` (the caller's --year). (None, None) when nothing gives one."""
	if header.year:
		return header.year, header.year_source
	m = _YEAR_IN_NUMBER.search(header.number or "")
	if m:
		return int(m[1]), "document number"
	m = re.search(r"năm\s+(20\d{2})(?!\s*-)", header.subject or "", re.I)
	if m:
		return int(m[1]), "subject"
	years = collections.Counter(
		int(y) for text in deadline_texts for y in re.findall(r"(?<!\d)(20\d{2})(?!\d)", text)
	)
	if years:
		return years.most_common(1)[0][0], "deadlines"
	if given:
		return given, "given"
	return None, None


def make_plan_title(kind: str | None, subject: str | None, attached_kind: str | None = None) -> str:
	"""The plan's title from its subject: "V/v triển khai …" → "Triển khai …"; a plan's
	title starts with "Kế hoạch"."""
	if not subject:
		return attached_kind or kind or "Kế hoạch"
	s = _SUBJECT_PREFIX.sub("", subject).strip(" .")
	if s.upper() == s:
		s = sentence_case(s, PROVINCES)
	s = re.sub(r"^(?:phê duyệt|ban hành)\s+", "", s, flags=re.I)
	s = s[0].upper() + s[1:]
	if kind == "Kế hoạch" and not s.lower().startswith("kế hoạch"):
		s = f"Kế hoạch {s[0].lower()}{s[1:]}"
	return s


_CITIES = ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế")


def issuer_of(header: Header, province: str | None, closing: str, vocabulary: Vocabulary) -> str | None:
	"""Who issued the document: the People's Committee of the province when its number or
	header says so, else the agency the number's code names ("…/TB-SKHĐT"), else the first
	line of the header ("BỘ XÂY DỰNG")."""
	code = header.number.split("/")[-1] if header.number else ""
	parts = re.split(r"[-–]", code)
	level = "thành phố" if province in _CITIES else "tỉnh"
	committee = f"UBND {level} {province}" if province else "UBND tỉnh"
	joined = " ".join(header.issuer_lines)
	if "UBND" in parts or "ỦY BAN NHÂN DÂN" in joined or "UBND" in joined:
		return committee
	for part in reversed(parts):
		name = vocabulary.resolve(part)
		if name:
			return name
	if re.search(r"TM\.\s*ỦY BAN NHÂN DÂN|KT\.\s*CHỦ TỊCH", closing):
		return committee
	for line in header.issuer_lines:
		if not re.match(r"CỘNG HÒA|ĐỘC LẬP", line):
			return sentence_case(line, PROVINCES)
	return None


def _date(y: int, m: int, d: int) -> dt.date | None:
	try:
		return dt.date(y, m, d)
	except ValueError:
		return None
