"""The weekly reporting cycle and the task reminder schedule, as plain Python (no Frappe).

Seed 000 (Decision 490/QĐ-UBND, II.5): every agency reports to the centre weekly, before
15:00 on Thursday; the centre reports to the provincial leaders on Friday; each report carries
the remedies for last week's problems. Times are wall-clock times of the province
(Asia/Ho_Chi_Minh), the site's time zone, in which Frappe stores its datetimes.

A due moment that falls on a day off moves to the same hour of the next working day (Civil
Code 2015, Art. 148(5): a period whose last day is a day off ends on the next working day).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

PROVINCE_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
AGENCY_REPORT_DUE = (3, dt.time(15, 0))  # Thursday 15:00 (seed 000, II.5)
AGENCY_REPORT_REMINDER = (3, dt.time(10, 0))  # Thursday 10:00: those not filed are reminded
CENTRE_REPORT_DUE = (4, dt.time(17, 0))  # Friday, end of office hours
DUE_SOON_DAYS = (7, 1)  # tasks are reminded 7 days and 1 day before their due date

IsWorkingDay = Callable[[dt.date], bool]


@dataclass(frozen=True, order=True)
class Week:
	"""An ISO week (Monday to Sunday), written "2026-W48"."""

	year: int
	week: int

	@classmethod
	def of(cls, day: dt.date | dt.datetime) -> Week:
		year, week, _weekday = (day.date() if isinstance(day, dt.datetime) else day).isocalendar()
		return cls(year, week)

	@classmethod
	def parse(cls, label: str) -> Week:
		""" "2026-W48" → Week(2026, 48). Raises ValueError on anything else."""
		try:
			year, week = label.strip().upper().split("-W")
			monday = dt.date.fromisocalendar(int(year), int(week), 1)
		except ValueError as e:
			raise ValueError(f"not an ISO week: {label!r} (write it as 2026-W48)") from e
		return cls.of(monday)

	@property
	def label(self) -> str:
		return f"{self.year}-W{self.week:02d}"

	@property
	def monday(self) -> dt.date:
		return dt.date.fromisocalendar(self.year, self.week, 1)

	@property
	def sunday(self) -> dt.date:
		return self.monday + dt.timedelta(days=6)

	def previous(self) -> Week:
		return Week.of(self.monday - dt.timedelta(days=7))

	def at(self, weekday: int, time: dt.time, is_working_day: IsWorkingDay | None = None) -> dt.datetime:
		"""The moment `time` on `weekday` (0 = Monday) of this week, moved to the next working
		day when that day is off (is_working_day given)."""
		day = self.monday + dt.timedelta(days=weekday)
		while is_working_day and not is_working_day(day):
			day += dt.timedelta(days=1)
		return dt.datetime.combine(day, time)

	def __str__(self) -> str:
		return self.label


def agency_report_due(week: Week, is_working_day: IsWorkingDay | None = None) -> dt.datetime:
	"""When an agency's weekly report is due: Thursday 15:00 local time (seed 000, II.5)."""
	return week.at(*AGENCY_REPORT_DUE, is_working_day)


def agency_report_reminder(week: Week, is_working_day: IsWorkingDay | None = None) -> dt.datetime:
	"""When agencies that have not filed are reminded: Thursday 10:00 local time."""
	return week.at(*AGENCY_REPORT_REMINDER, is_working_day)


def centre_report_due(week: Week, is_working_day: IsWorkingDay | None = None) -> dt.datetime:
	"""When the centre's consolidated report goes to the leaders: Friday 17:00 local time."""
	return week.at(*CENTRE_REPORT_DUE, is_working_day)


def local_time(moment: dt.datetime) -> dt.datetime:
	"""A moment as the province's naive wall-clock time (how Frappe stores datetimes on a
	site in Asia/Ho_Chi_Minh). An aware moment is converted; a naive one is taken as local."""
	if moment.tzinfo is None:
		return moment
	return moment.astimezone(PROVINCE_TZ).replace(tzinfo=None)


def is_filed_late(week: Week, filed_at: dt.datetime, is_working_day: IsWorkingDay | None = None) -> bool:
	"""True when a report of `week` filed at `filed_at` (aware, or naive local) is past its due
	moment. Filed at 15:00:00 sharp is late: the plan says before 15:00."""
	return local_time(filed_at) >= agency_report_due(week, is_working_day)


def task_reminder_keys(name: str, due: dt.date | None, done: bool, today: dt.date) -> list[str]:
	"""The reminder events of a plan task on `today`: each key is sent once per recipient.

	- "task-due-7:{name}:{due}" when the due date is 2 to 7 days away,
	- "task-due-1:{name}:{due}" when it is tomorrow or today,
	- "task-overdue:{name}:{today}" once it has passed, one a day (the sender runs on
	working days only, so once a working day).
	Keys carry the due date, so a task given a new date is reminded again. None for a task
	that is done or has no due date.
	"""
	if done or not due:
		return []
	left = (due - today).days
	if left < 0:
		return [f"task-overdue:{name}:{today.isoformat()}"]
	if left <= DUE_SOON_DAYS[1]:
		return [f"task-due-1:{name}:{due.isoformat()}"]
	if left <= DUE_SOON_DAYS[0]:
		return [f"task-due-7:{name}:{due.isoformat()}"]
	return []
