"""The working-day calendar, without a site."""

import datetime as dt

import pytest

from onestop.working_days import OfficeHours, WorkingCalendar

D, DT, T = dt.date, dt.datetime, dt.time
CAL = WorkingCalendar()


def test_vietnamese_public_holidays_are_not_working_days():
	assert not CAL.is_working_day(D(2025, 1, 29))  # Tết (first day of the lunar year)
	assert not CAL.is_working_day(D(2025, 9, 2))  # National Day
	assert not CAL.is_working_day(D(2025, 5, 2))  # the day off swapped with Saturday 26/04/2025
	assert CAL.is_working_day(D(2025, 4, 26))  # ... which was worked
	assert not CAL.is_working_day(D(2025, 4, 27))  # an ordinary Sunday
	assert CAL.is_working_day(D(2025, 2, 3))


def test_tet_spanning_a_weekend():
	# Tết 2025: 27/01 (Mon) to 01/02 (Sat), then Sunday 02/02: Friday 24/01 is followed by Monday 03/02.
	assert CAL.next_working_day(D(2025, 1, 24)) == D(2025, 2, 3)
	# received Friday 10:00 with 3 working days: the rest of Friday, Monday, Tuesday, and Wednesday to 10:00
	assert CAL.appointment(DT(2025, 1, 24, 10, 0), 3) == DT(2025, 2, 5, 10, 0)
	assert CAL.working_days_between(D(2025, 1, 24), D(2025, 2, 5)) == 3


def test_a_compensatory_working_saturday_counts():
	assert CAL.appointment(DT(2025, 4, 25, 10, 0), 1) == DT(2025, 4, 26, 10, 0)
	# then 30/04, 01/05 and the swapped 02/05 are off, and the weekend after
	assert CAL.appointment(DT(2025, 4, 29, 10, 0), 2) == DT(2025, 5, 6, 10, 0)


def test_receipt_after_the_same_day_cut_off():
	monday = D(2025, 10, 6)
	assert CAL.appointment(DT.combine(monday, T(14, 59)), 0, cut_off=T(15, 0)) == DT(2025, 10, 6, 17, 0)
	assert CAL.appointment(DT.combine(monday, T(15, 1)), 0, cut_off=T(15, 0)) == DT(2025, 10, 7, 17, 0)
	# a cut-off also moves a longer procedure to the next working day's opening
	assert CAL.appointment(DT.combine(monday, T(16, 0)), 1, cut_off=T(15, 0)) == DT(2025, 10, 7, 17, 0)


def test_outside_office_hours_the_clock_starts_at_the_next_opening():
	assert CAL.clock_start(DT(2025, 10, 6, 6, 45)) == DT(2025, 10, 6, 7, 30)
	assert CAL.clock_start(DT(2025, 10, 6, 12, 10)) == DT(2025, 10, 6, 13, 30)  # lunch break
	assert CAL.clock_start(DT(2025, 10, 6, 17, 30)) == DT(2025, 10, 7, 7, 30)
	assert CAL.clock_start(DT(2025, 10, 11, 9, 0)) == DT(2025, 10, 13, 7, 30)  # Saturday
	assert CAL.appointment(DT(2025, 10, 11, 9, 0), 1) == DT(2025, 10, 13, 17, 0)


def test_half_days_and_the_lunch_break():
	# 0.5 day = 225 minutes: 10:00 + 90 min to 11:30, then 135 min from 13:30
	assert CAL.appointment(DT(2025, 10, 6, 10, 0), 0.5) == DT(2025, 10, 6, 15, 45)
	assert CAL.office_minutes_between(DT(2025, 10, 6, 10, 0), DT(2025, 10, 6, 15, 45)) == 225
	assert CAL.working_days_elapsed(DT(2025, 10, 6, 10, 0), DT(2025, 10, 9, 10, 0)) == 3.0


def test_the_provinces_own_exceptions_win():
	calendar = WorkingCalendar(days_off=[D(2025, 10, 7)], working_days=[D(2025, 10, 11)])
	assert not calendar.is_working_day(D(2025, 10, 7))
	assert calendar.is_working_day(D(2025, 10, 11))
	assert calendar.appointment(DT(2025, 10, 6, 10, 0), 2) == DT(2025, 10, 9, 10, 0)


def test_other_office_hours():
	hours = OfficeHours(morning=(T(8, 0), T(12, 0)), afternoon=(T(13, 0), T(17, 0)))
	calendar = WorkingCalendar(hours=hours, national=False)
	assert hours.minutes_per_day == 480
	assert calendar.appointment(DT(2025, 10, 6, 8, 0), 1) == DT(2025, 10, 6, 17, 0)


@pytest.mark.parametrize("days", [0, 1, 5, 15, 30])
def test_add_working_days_lands_on_working_days(days):
	day = CAL.add_working_days(D(2025, 1, 20), days)
	assert CAL.is_working_day(day)
	assert CAL.working_days_between(D(2025, 1, 20), day) == days


@pytest.mark.parametrize(
	"moment, sends",
	[
		(DT(2025, 10, 6, 8, 30), True),  # Monday morning
		(DT(2025, 10, 6, 12, 0), False),  # lunch break
		(DT(2025, 10, 6, 17, 0), False),  # closing time
		(DT(2025, 10, 4, 9, 0), False),  # Saturday
		(DT(2025, 9, 2, 9, 0), False),  # National Day
		(DT(2025, 1, 29, 9, 0), False),  # Tết
		(DT(2025, 12, 31, 7, 29), False),  # before opening
	],
)
def test_reminders_go_out_in_office_hours_of_working_days_only(moment, sends):
	assert WorkingCalendar().in_office_hours(moment) is sends


def test_a_compensatory_working_saturday_is_a_sending_day():
	calendar = WorkingCalendar(working_days=[D(2025, 10, 4)])
	assert calendar.in_office_hours(DT(2025, 10, 4, 9, 0))
