"""The weekly reporting cycle (seed 000, II.5) and the task reminder schedule, without a site."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from onestop.weekly_cycle import (
	Week,
	agency_report_due,
	agency_report_reminder,
	centre_report_due,
	is_filed_late,
	local_time,
	task_reminder_keys,
)
from onestop.working_days import WorkingCalendar

D, T = dt.date, dt.datetime
UTC = ZoneInfo("UTC")


def test_iso_weeks_across_the_new_year():
	assert Week.of(D(2026, 11, 23)).label == "2026-W48"
	assert Week.of(D(2027, 1, 1)) == Week(2026, 53)  # a Friday: still the last week of 2026
	assert Week.of(D(2026, 1, 1)).label == "2026-W01"  # a Thursday: the first week of 2026
	assert Week.parse("2026-w48").monday == D(2026, 11, 23)
	assert Week(2027, 1).previous() == Week(2026, 53)
	with pytest.raises(ValueError, match="2026-W48"):
		Week.parse("tuần 48")


def test_the_agency_report_is_due_thursday_15_00_and_the_centre_report_friday():
	week = Week(2026, 48)
	assert agency_report_reminder(week) == T(2026, 11, 26, 10, 0)
	assert agency_report_due(week) == T(2026, 11, 26, 15, 0)
	assert centre_report_due(week) == T(2026, 11, 27, 17, 0)


def test_lateness_is_judged_on_the_province_clock():
	week = Week(2026, 48)
	# 07:59 UTC is 14:59 in Hà Nội (UTC+7): on time; 08:00 UTC is 15:00: late
	assert not is_filed_late(week, T(2026, 11, 26, 7, 59, tzinfo=UTC))
	assert is_filed_late(week, T(2026, 11, 26, 8, 0, tzinfo=UTC))
	assert local_time(T(2026, 11, 26, 20, 30, tzinfo=UTC)) == T(2026, 11, 27, 3, 30)
	# a naive moment is already local
	assert not is_filed_late(week, T(2026, 11, 26, 14, 59, 59))
	assert is_filed_late(week, T(2026, 11, 27, 9, 0))
	# a report of an earlier week filed this week is late, one filed ahead is not
	assert is_filed_late(Week(2026, 47), T(2026, 11, 23, 8, 0))
	assert not is_filed_late(Week(2026, 49), T(2026, 11, 26, 16, 0))


def test_a_thursday_off_moves_the_due_moment_to_the_next_working_day():
	calendar = WorkingCalendar()
	# 30/04/2026 (Reunification Day) is a Thursday, 01/05 a holiday too: due Monday 04/05 15:00
	week = Week.of(D(2026, 4, 30))
	assert agency_report_due(week, calendar.is_working_day) == T(2026, 5, 4, 15, 0)
	assert agency_report_due(Week(2026, 48), calendar.is_working_day) == T(2026, 11, 26, 15, 0)


@pytest.mark.parametrize(
	"today, keys",
	[
		(D(2026, 11, 1), []),  # 29 days ahead
		(D(2026, 11, 22), []),  # 8 days ahead
		(D(2026, 11, 23), ["task-due-7:NV-1:2026-11-30"]),  # 7 days
		(D(2026, 11, 28), ["task-due-7:NV-1:2026-11-30"]),  # 2 days
		(D(2026, 11, 29), ["task-due-1:NV-1:2026-11-30"]),  # tomorrow
		(D(2026, 11, 30), ["task-due-1:NV-1:2026-11-30"]),  # today
		(D(2026, 12, 1), ["task-overdue:NV-1:2026-12-01"]),  # one key per day once overdue
		(D(2026, 12, 2), ["task-overdue:NV-1:2026-12-02"]),
	],
)
def test_task_reminders_seven_days_one_day_and_each_day_overdue(today, keys):
	assert task_reminder_keys("NV-1", D(2026, 11, 30), False, today) == keys


def test_no_reminder_for_a_task_done_or_without_a_date():
	assert task_reminder_keys("NV-1", D(2026, 11, 30), True, D(2026, 12, 1)) == []
	assert task_reminder_keys("NV-1", None, False, D(2026, 12, 1)) == []
