"""Deadline phrases of Vietnamese plans, read into dates. Plain Python (no Frappe).

A plan states when a task is due in words: "Quý I/2018", "trong tháng 02/2018",
"trước ngày 30/8/2019", "chậm nhất đến 15/7/2019", "trong năm 2018", "6 tháng đầu năm",
"từ tháng 01/2018", "thường xuyên", "hằng năm", "hàng tuần … thứ 5", "theo lộ trình …".
`parse_deadline` turns such a phrase into a `Deadline`: its kind, start and due dates, the
quarter, and a recurrence. A phrase it cannot read keeps its text with kind "unparsed", so
nothing is dropped silently and the coordinator can fix it by hand.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import asdict, dataclass

from onestop.agency_names import normalise

KINDS = ("date", "month", "quarter", "half_year", "year", "ongoing", "recurring", "none", "unparsed")
RECURRENCES = ("weekly", "monthly", "quarterly", "yearly")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Deadline:
	"""A deadline read from a plan.

	kind: one of KINDS. start/due: dates or None. quarter: "Q1".."Q4", the quarter of the
	due date (of the start date when there is no due date). recurrence: one of RECURRENCES
	or None; weekday (0 = Monday) and time ("HH:MM") refine a weekly recurrence.
	"""

	text: str
	kind: str
	start: dt.date | None = None
	due: dt.date | None = None
	quarter: str | None = None
	recurrence: str | None = None
	weekday: int | None = None
	time: str | None = None

	def as_dict(self) -> dict:
		d = asdict(self)
		d["start"] = self.start.isoformat() if self.start else None
		d["due"] = self.due.isoformat() if self.due else None
		return d


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_Y = r"(20\d{2})"
_SEP = r"\s*/\s*"
# Each pattern yields (kind, start, due) from its match; the first to match in the text wins.
_DATE = re.compile(rf"(?<!\d)(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}{_Y}(?!\d)")
_DATE_WORDS = re.compile(rf"(?:ngày\s+|(?<![\d/]))(\d{{1,2}})\s+tháng\s+(\d{{1,2}})\s+năm\s+{_Y}")
_MONTH = re.compile(rf"tháng\s+(\d{{1,2}}){_SEP}{_Y}(?!\d)|tháng\s+(\d{{1,2}})\s+năm\s+{_Y}")
_QUARTER = re.compile(rf"quý\s+(iv|i{{1,3}}|[1-4])(?:{_SEP}|\s+năm\s+){_Y}")
_HALF = re.compile(rf"(06|6)\s+tháng\s+(đầu|cuối)\s+năm(?:\s+{_Y})?")
_RANGE = re.compile(rf"(?:giai đoạn|từ năm|năm|các năm)\s+{_Y}\s*-\s*{_Y}")
_YEAR = re.compile(rf"(?:trong|cả|hết|cuối|năm)\s+(?:năm\s+)?{_Y}(?!\s*/)|^năm\s+{_Y}")
_FROM = re.compile(r"(?:^|\W)(?:bắt đầu(?: thực hiện)?\s+từ|kể từ|từ)\s+(?=ngày|tháng|quý|năm|\d)")
# A quarter, month or day without its year ("trong quý III", "tháng 12", "trước ngày 15/12"):
# the plan's year, unless a rhythm repeats it ("trước ngày 15/12 hằng năm").
_QUARTER_ALONE = re.compile(r"quý\s+(iv|i{1,3}|[1-4])(?![\wÀ-ỹ/])(?!\s+năm\s+20)")
_MONTH_ALONE = re.compile(r"(?<![\d/])tháng\s+(\d{1,2})(?![\d/])(?!\s*năm\s+20)(?!\s*/)")
_DAY_MONTH = re.compile(
	r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})(?!\s*/|\d)|ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?!\d)(?!\s*năm\s+20)"
)
# A time limit counted from the plan itself ("trong thời hạn 10 ngày kể từ ngày nhận Kế hoạch
# này"): a date; from an event ("trong 03 ngày làm việc kể từ ngày nhận được kiến nghị", "thời
# gian niêm yết là 30 ngày"): a standing rule, no date.
_FROM_THIS = re.compile(
	r"(\d{1,3})\s*ngày(\s*làm việc)?\s*,?\s*(?:kể\s+)?từ\s+(?:ngày|khi)\s+(?:nhận|ký|ban hành)"
	r"[^.;]{0,20}?(?:kế hoạch|quyết định|chỉ thị|công văn|thông báo|văn bản)\s+này"
)
_DURATION = re.compile(r"(?<![\d/])\d{1,3}\s*(?:ngày|tuần|tháng)(?![\wÀ-ỹ])")

_RECURRENCE_CUES = (
	("weekly", re.compile(r"h[àằ]ng tuần|mỗi tuần|\d+\s*lần\s*/\s*tuần")),
	("monthly", re.compile(r"h[àằ]ng tháng|mỗi tháng|\d+\s*lần\s*/\s*tháng")),
	("quarterly", re.compile(r"h[àằ]ng quý|mỗi quý")),
	("yearly", re.compile(r"h[àằ]ng năm|mỗi năm|định kỳ năm")),
)
_ONGOING = re.compile(r"thường xuyên|liên tục|duy trì|các năm tiếp theo")
_UNSCHEDULED = re.compile(
	r"theo lộ trình|theo yêu cầu|khi có yêu cầu|theo tiến độ|theo chỉ đạo|khi được yêu cầu|theo quy định của"
)
_WEEKDAY = re.compile(r"(?:thứ\s*(2|3|4|5|6|7|hai|ba|tư|năm|sáu|bảy))|(chủ nhật)")
_WEEKDAY_NUM = {
	"2": 0,
	"hai": 0,
	"3": 1,
	"ba": 1,
	"4": 2,
	"tư": 2,
	"5": 3,
	"năm": 3,
	"6": 4,
	"sáu": 4,
	"7": 5,
	"bảy": 5,
}
_TIME = re.compile(r"(?<!\d)(\d{1,2})\s*(?:giờ|h)\s*(\d{2})?(?!\w)")


def _month_end(year: int, month: int) -> dt.date:
	return dt.date(year, month, calendar.monthrange(year, month)[1])


def quarter_of(day: dt.date | None) -> str | None:
	return f"Q{(day.month - 1) // 3 + 1}" if day else None


def _expression(
	t: str, year: int | None, alone: int | None = None
) -> tuple[str, dt.date, dt.date | None, int] | None:
	"""The first date expression in folded text t: (kind, first day, last day, position).
	`alone`: the year of a quarter, month or day written without one."""
	found = []
	if alone:
		for m in _QUARTER_ALONE.finditer(t):
			q = _ROMAN[m[1]]
			found.append(("quarter", dt.date(alone, 3 * q - 2, 1), _month_end(alone, 3 * q), m.start()))
		for m in _MONTH_ALONE.finditer(t):
			if 1 <= int(m[1]) <= 12:
				found.append(("month", dt.date(alone, int(m[1]), 1), _month_end(alone, int(m[1])), m.start()))
		for m in _DAY_MONTH.finditer(t):
			day, month = (int(m[1]), int(m[2])) if m[1] else (int(m[3]), int(m[4]))
			found.append(
				("date", _safe_date(alone, month, day) if 1 <= month <= 12 else None, None, m.start())
			)
	for m in _DATE.finditer(t):
		found.append(("date", _safe_date(int(m[3]), int(m[2]), int(m[1])), None, m.start()))
	for m in _DATE_WORDS.finditer(t):
		found.append(("date", _safe_date(int(m[3]), int(m[2]), int(m[1])), None, m.start()))
	for m in _MONTH.finditer(t):
		month, y = (int(m[1]), int(m[2])) if m[1] else (int(m[3]), int(m[4]))
		if 1 <= month <= 12:
			found.append(("month", dt.date(y, month, 1), _month_end(y, month), m.start()))
	for m in _QUARTER.finditer(t):
		q, y = _ROMAN[m[1]], int(m[2])
		found.append(("quarter", dt.date(y, 3 * q - 2, 1), _month_end(y, 3 * q), m.start()))
	for m in _HALF.finditer(t):
		y = int(m[3]) if m[3] else year
		if y:
			first = m[2] == "đầu"
			found.append(
				("half_year", dt.date(y, 1 if first else 7, 1), _month_end(y, 6 if first else 12), m.start())
			)
	for m in _RANGE.finditer(t):
		found.append(("year", dt.date(int(m[1]), 1, 1), dt.date(int(m[2]), 12, 31), m.start()))
	for m in _YEAR.finditer(t):
		y = int(m[1] or m[2])
		if not any(pos <= m.start() < pos + 12 for *_, pos in found):
			found.append(("year", dt.date(y, 1, 1), dt.date(y, 12, 31), m.start()))
	found = [f for f in found if f[1] is not None]
	if not found:
		return None
	kind, first, last, pos = min(found, key=lambda f: f[3])
	if kind == "date":
		last = first
	return kind, first, last, pos


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
	try:
		return dt.date(y, m, d)
	except ValueError:
		return None


def recurrence_in(text: str) -> str | None:
	"""The recurrence a text states ("hàng tuần" → "weekly"), or None."""
	t = normalise(text).lower()
	for name, cue in _RECURRENCE_CUES:
		if cue.search(t):
			return name
	return None


def weekly_slot(text: str) -> tuple[int | None, str | None]:
	"""Weekday (0 = Monday) and time ("HH:MM") of a weekly duty: "trước 15 giờ ngày thứ 5" → (3, "15:00")."""
	t = normalise(text).lower()
	weekday = None
	m = _WEEKDAY.search(t)
	if m:
		weekday = 6 if m[2] else _WEEKDAY_NUM[m[1]]
	time = None
	m = _TIME.search(t)
	if m and int(m[1]) < 24:
		time = f"{int(m[1]):02d}:{m[2] or '00'}"
	return weekday, time


def parse_deadline(
	text: str | None, *, year: int | None = None, context: str = "", issued: dt.date | None = None
) -> Deadline:
	"""Read a deadline phrase.

	text: the phrase as written ("Thời gian thực hiện trong Quý I/2018."), or "" / None
	when the task states none. year: the plan's year, for phrases without one ("6 tháng đầu
	năm"). context: the task's full text, read for a recurrence when the phrase gives only a
	start ("… báo cáo hàng tuần … trước 15 giờ ngày thứ 5 …", "từ tháng 01/2018" → weekly
	from 2018-01-01, Thursday 15:00).

	Returns a Deadline; never raises. Kinds: date (a fixed day), month, quarter, half_year,
	year (the whole period; due on its last day), ongoing (from a start, or "thường
	xuyên"), recurring, none (no deadline, or an unscheduled one: "theo lộ trình …",
	"khi có yêu cầu", a time limit from an event: "trong 03 ngày làm việc kể từ ngày nhận được
	kiến nghị"), unparsed (words it cannot read). A quarter, month or day without a year is in
	`year`; a time limit from the plan itself ("trong thời hạn 10 ngày kể từ ngày nhận Kế hoạch
	này") runs from `issued`, the plan's date.
	"""
	raw = (text or "").strip()
	t = normalise(raw).lower().strip(" .;()")
	if not t:
		return Deadline(raw, "none")
	recurrence = recurrence_in(t)
	expr = _expression(t, year, None if recurrence else year)
	weekday, time = weekly_slot(t)
	from_match = _FROM.search(t)

	if expr and from_match and from_match.end() <= expr[3] + 1:
		kind, first, _last, _pos = expr
		recurrence = recurrence or recurrence_in(context)
		if recurrence:
			if weekday is None and time is None:
				weekday, time = weekly_slot(context)
			return _recurring(raw, recurrence, first, weekday, time)
		return Deadline(raw, "ongoing", start=first, quarter=quarter_of(first))
	if expr:
		kind, first, last, _pos = expr
		if kind == "year" and _ONGOING.search(t):
			return Deadline(raw, "ongoing", start=first, quarter=quarter_of(first))
		start = None if kind == "date" else first
		return Deadline(raw, kind, start=start, due=last, quarter=quarter_of(last))
	m = _FROM_THIS.search(t)
	if m and issued and not recurrence:
		due = _after(issued, int(m[1]), working=bool(m[2]))
		return Deadline(raw, "date", due=due, quarter=quarter_of(due))
	if recurrence:
		return _recurring(raw, recurrence, None, weekday, time)
	if _ONGOING.search(t):
		return Deadline(raw, "ongoing")
	if _UNSCHEDULED.search(t) or _DURATION.search(t):
		return Deadline(raw, "none")
	return Deadline(raw, "unparsed")


def _after(day: dt.date, days: int, working: bool) -> dt.date:
	"""`days` days (working days when `working`) after `day`."""
	if not working:
		return day + dt.timedelta(days=days)
	from onestop.working_days import WorkingCalendar

	return WorkingCalendar().add_working_days(day, days)


def _recurring(raw: str, recurrence: str, start: dt.date | None, weekday, time) -> Deadline:
	if recurrence != "weekly":
		weekday = time = None
	return Deadline(
		raw,
		"recurring",
		start=start,
		quarter=quarter_of(start),
		recurrence=recurrence,
		weekday=weekday,
		time=time,
	)


# A deadline stated inside a task's sentence rather than in a sentence of its own.
INLINE_DEADLINE = re.compile(
	r"(?:(?:chậm nhất|hoàn thành|trước ngày|đến ngày|bắt đầu từ|kể từ|từ ngày|từ tháng|từ quý|"
	r"trong (?:tháng|quý|năm)|trong giai đoạn|thực hiện trong|vào ngày|dịp|đến hết|hết năm)"
	r"[^.;:()]{0,40}?(?:\d{1,2}\s*/\s*\d{1,2}\s*/\s*20\d{2}|\d{1,2}\s*/\s*20\d{2}|"
	r"(?:ngày\s+)?\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+20\d{2}|tháng\s+\d{1,2}\s+năm\s+20\d{2}|"
	r"(?:iv|i{1,3}|[1-4])\s*/\s*20\d{2}|20\d{2}(?:\s*-\s*20\d{2})?)"
	r"|(?:trong|trước|hết|cuối|đầu)\s+(?:quý\s+(?:iv|i{1,3}|[1-4])|tháng\s+\d{1,2})(?![\wÀ-ỹ/])(?!\s*năm)"
	r"|trong(?: thời hạn| vòng)?\s+\d{1,3}\s*ngày(?:\s*làm việc)?\s*,?\s*kể\s+từ\s+ngày\s+(?:nhận|ký|ban hành)"
	r"[^.;]{0,20}?(?:kế hoạch|quyết định|chỉ thị|công văn|thông báo|văn bản)\s+này)",
	re.I,
)


_MILESTONE = re.compile(
	rf"quý\s+(iv|i{{1,3}}|[1-4])(?:{_SEP}{_Y}|\s+năm\s+{_Y})?|(?<!\d)\d{{1,2}}{_SEP}\d{{1,2}}{_SEP}20\d{{2}}(?!\d)"
	rf"|ngày\s+\d{{1,2}}\s+tháng\s+\d{{1,2}}\s+năm\s+20\d{{2}}|tháng\s+\d{{1,2}}{_SEP}20\d{{2}}(?!\d)"
)


def milestones_in(text: str | None, year: int | None = None) -> list[str]:
	"""The milestones of a deadline phrase that names several dates, in order: "Quý II và
	Quý IV/2019" → ["Quý II/2019", "Quý IV/2019"]; "… trước ngày 15/12/2025; … trước ngày
	31/12/2025" → ["15/12/2025", "31/12/2025"]. One date, or a span ("từ … đến …", "giai
	đoạn 2021 - 2025"), gives []. A quarter without a year takes the next one's (else `year`).
	The task is due on the last milestone."""
	t = normalise(text or "").lower()
	if not t or re.search(r"\btừ\b|\bđến\b|giai đoạn|20\d{2}\s*-\s*20\d{2}", t):
		return []
	found = [m for m in _MILESTONE.finditer(t)]
	if len(found) < 2:
		return []
	out: list[str] = []
	for i, m in enumerate(found):
		if m.group(1):
			y = m.group(2) or m.group(3)
			if y is None:
				later = next((n for n in found[i + 1 :] if n.group(1) and (n.group(2) or n.group(3))), None)
				y = (later.group(2) or later.group(3)) if later else (str(year) if year else None)
			out.append(f"Quý {m.group(1).upper()}/{y}" if y else f"Quý {m.group(1).upper()}")
		else:
			out.append(m.group(0))
	return list(dict.fromkeys(out)) if len(set(out)) > 1 else []
