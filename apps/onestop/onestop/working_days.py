"""Working days and office hours for legal deadlines. Plain Python (no Frappe).

Administrative procedures state their processing time in working days ("ngày làm
việc"); the appointment printed on the receipt (form 01 of Circular 01/2018/TT-VPCP and of
Circular 03/2025/TT-VPCP) is that many working days after the dossier is received. A working day is
Monday to Friday, except Vietnam's public holidays and days off (Labour Code 2019,
Art. 112, with the Government's yearly decisions on Tết and swapped days, as the
`holidays` package keeps them), plus the province's own changes: extra days off and
compensatory working days (the Calendar Exception records of the site).

Time is counted along office hours (morning and afternoon sessions): N working days are
N times the minutes of a working day, so a dossier received at 10:00 on Monday with a
3-day limit is due at 10:00 on Thursday, and a half-day limit is half the minutes of a day.
A dossier received outside office hours, on a day off, or after a procedure's same-day
cut-off ("hồ sơ nhận sau 15 giờ trả trong ngày làm việc tiếp theo") starts counting at the
next working day's opening.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import holidays

T = dt.time


@dataclass(frozen=True)
class OfficeHours:
	"""The sessions of a working day (default: 07:30–11:30 and 13:30–17:00)."""

	morning: tuple[dt.time, dt.time] = (T(7, 30), T(11, 30))
	afternoon: tuple[dt.time, dt.time] = (T(13, 30), T(17, 0))

	@property
	def sessions(self) -> tuple[tuple[dt.time, dt.time], ...]:
		return (self.morning, self.afternoon)

	@property
	def minutes_per_day(self) -> int:
		return sum(_minutes(end) - _minutes(start) for start, end in self.sessions)

	@property
	def opening(self) -> dt.time:
		return self.morning[0]

	@property
	def closing(self) -> dt.time:
		return self.afternoon[1]


def _minutes(t: dt.time) -> int:
	return t.hour * 60 + t.minute


@lru_cache(maxsize=64)
def _national(year: int) -> tuple[frozenset, frozenset]:
	"""(days off, weekend working days) of Vietnam in a year."""
	calendar = holidays.VN(years=year)
	working = frozenset(d for d in getattr(calendar, "weekend_workdays", ()) if d.year == year)
	return frozenset(calendar.keys()), working


class WorkingCalendar:
	"""Which days are working days, and how office time adds up.

	days_off / working_days: the province's own exceptions (they win over the national
	calendar). hours: the office sessions. national: False to ignore Vietnam's holidays
	(for tests of the arithmetic alone).
	"""

	def __init__(
		self,
		days_off: Iterable[dt.date] = (),
		working_days: Iterable[dt.date] = (),
		hours: OfficeHours | None = None,
		national: bool = True,
	):
		self.days_off = frozenset(days_off)
		self.working_days = frozenset(working_days)
		self.hours = hours or OfficeHours()
		self.national = national

	# -------------------------------------------------------------- days
	def is_working_day(self, day: dt.date) -> bool:
		"""True for a working day: the province's exceptions first, then Vietnam's calendar."""
		if day in self.working_days:
			return True
		if day in self.days_off:
			return False
		national_off, national_working = _national(day.year) if self.national else (frozenset(), frozenset())
		if day.weekday() >= 5:
			return day in national_working
		return day not in national_off

	def in_office_hours(self, moment: dt.datetime) -> bool:
		"""True during a session of a working day (when reminders may be sent)."""
		if not self.is_working_day(moment.date()):
			return False
		now = moment.time()
		return any(start <= now < end for start, end in self.hours.sessions)

	def next_working_day(self, day: dt.date) -> dt.date:
		"""The first working day after `day`."""
		day += dt.timedelta(days=1)
		while not self.is_working_day(day):
			day += dt.timedelta(days=1)
		return day

	def add_working_days(self, day: dt.date, days: int) -> dt.date:
		"""The working day `days` working days after `day` (`day` itself when 0 and working)."""
		if days == 0:
			return day if self.is_working_day(day) else self.next_working_day(day)
		for _ in range(days):
			day = self.next_working_day(day)
		return day

	def working_days_between(self, start: dt.date, end: dt.date) -> int:
		"""Working days after `start` up to and including `end` (0 when end <= start)."""
		count, day = 0, start
		while day < end:
			day += dt.timedelta(days=1)
			count += self.is_working_day(day)
		return count

	# -------------------------------------------------------------- office time
	def clock_start(self, received_at: dt.datetime, cut_off: dt.time | None = None) -> dt.datetime:
		"""When the processing time starts for a dossier received at `received_at`.

		Inside office hours: at once. During the lunch break: at the afternoon opening.
		Before opening: at opening. After closing, on a day off, or after the procedure's
		same-day cut-off: at the next working day's opening.
		"""
		day, now = received_at.date(), received_at.time()
		late = now >= self.hours.closing or (cut_off is not None and now > cut_off)
		if not self.is_working_day(day) or late:
			return dt.datetime.combine(self.next_working_day(day), self.hours.opening)
		for start, end in self.hours.sessions:
			if now < start:
				return dt.datetime.combine(day, start)
			if now < end:
				return received_at.replace(second=0, microsecond=0)
		return dt.datetime.combine(
			self.next_working_day(day), self.hours.opening
		)  # unreachable: closing handled

	def add_office_minutes(self, start: dt.datetime, minutes: float) -> dt.datetime:
		"""The moment `minutes` of office time after `start` (start must be inside office hours)."""
		remaining = minutes
		moment = start
		while True:
			day = moment.date()
			if self.is_working_day(day):
				for s_start, s_end in self.hours.sessions:
					session_start = dt.datetime.combine(day, s_start)
					session_end = dt.datetime.combine(day, s_end)
					if moment >= session_end:
						continue
					moment = max(moment, session_start)
					available = (session_end - moment).total_seconds() / 60
					if remaining <= available:
						return moment + dt.timedelta(minutes=remaining)
					remaining -= available
					moment = session_end
			moment = dt.datetime.combine(self.next_working_day(day), self.hours.opening)

	def appointment(
		self, received_at: dt.datetime, working_days: float, cut_off: dt.time | None = None
	) -> dt.datetime:
		"""The appointment (due moment) for `working_days` of processing time.

		0 days (a same-day procedure): the close of the day the clock starts. Otherwise the
		clock start plus `working_days` × the minutes of a working day, along office hours.
		"""
		start = self.clock_start(received_at, cut_off)
		if working_days <= 0:
			return dt.datetime.combine(start.date(), self.hours.closing)
		return self.add_office_minutes(start, working_days * self.hours.minutes_per_day)

	def office_minutes_between(self, start: dt.datetime, end: dt.datetime) -> float:
		"""Office time, in minutes, from `start` to `end` (0 when end <= start)."""
		if end <= start:
			return 0.0
		total = 0.0
		day = start.date()
		while day <= end.date():
			if self.is_working_day(day):
				for s_start, s_end in self.hours.sessions:
					a = max(start, dt.datetime.combine(day, s_start))
					b = min(end, dt.datetime.combine(day, s_end))
					if b > a:
						total += (b - a).total_seconds() / 60
			day += dt.timedelta(days=1)
		return total

	def working_days_elapsed(self, start: dt.datetime, end: dt.datetime) -> float:
		"""Office time from `start` to `end`, in working days (2 decimals)."""
		return round(self.office_minutes_between(start, end) / self.hours.minutes_per_day, 2)
