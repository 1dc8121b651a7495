"""What the applicant is told and when (onestop.applicant_messages), without a site."""

import datetime as dt
import itertools

import pytest

from onestop.applicant_messages import (
	APOLOGY,
	FIRST_RETRY_MINUTES,
	LONGEST_WAIT_MINUTES,
	MAX_ATTEMPTS,
	RECEIVED,
	RESULT_READY,
	SUPPLEMENT,
	Event,
	events,
	phone_number,
	retry_at,
	send_after,
	short_moment,
)
from onestop.working_days import WorkingCalendar

DT = dt.datetime
OPEN = {"status": "Processing", "supplement_count": 0, "apology_issued_at": None, "new_due_at": None}


def test_a_new_dossier_is_its_receipt():
	assert events(None, {**OPEN, "status": "Received"}) == [Event(RECEIVED, "1")]


def test_each_supplement_request_is_an_event_of_its_own():
	first = events(OPEN, {**OPEN, "status": SUPPLEMENT, "supplement_count": 1})
	second = events(OPEN, {**OPEN, "status": SUPPLEMENT, "supplement_count": 2})
	assert first == [Event(SUPPLEMENT, "1")] and second == [Event(SUPPLEMENT, "2")]
	# saving the dossier again while it waits for the supplement brings nothing new
	waiting = {**OPEN, "status": SUPPLEMENT, "supplement_count": 1}
	assert events(waiting, dict(waiting)) == []


def test_result_ready_once_and_other_changes_bring_nothing():
	assert events(OPEN, {**OPEN, "status": RESULT_READY}) == [Event(RESULT_READY, "1")]
	for status in ("Processing", "Approved", "Refused", "Result Returned", "Withdrawn"):
		before = {**OPEN, "status": "Received" if status == "Processing" else "Processing"}
		assert events(before, {**OPEN, "status": status}) == [], status


def test_an_apology_is_keyed_by_its_new_appointment():
	issued = DT(2025, 10, 9, 10, 0)
	after = {**OPEN, "apology_issued_at": issued, "new_due_at": DT(2025, 10, 13, 9, 0)}
	assert events(OPEN, after) == [Event(APOLOGY, "2025-10-13 09:00")]
	# the same apology saved again (stored as text by the database) is no new event
	assert events({**after, "apology_issued_at": "2025-10-09 10:00:00.000000"}, after) == []
	# issued again with the same new appointment (a repeated request): the same event, so the
	# same message key, which the outbox writes once
	again = {**after, "apology_issued_at": DT(2025, 10, 9, 10, 5)}
	assert events(after, again) == [Event(APOLOGY, "2025-10-13 09:00")]
	later = {**again, "apology_issued_at": DT(2025, 10, 13, 8, 0), "new_due_at": DT(2025, 10, 15, 9, 0)}
	assert events(again, later) == [Event(APOLOGY, "2025-10-15 09:00")]


def test_the_key_names_dossier_event_occurrence_and_channel():
	event = Event(SUPPLEMENT, "2")
	assert (
		event.key("000.00.99.H99-251006-0001", "SMS")
		== "000.00.99.H99-251006-0001|Supplement Requested|2|SMS"
	)
	assert event.key("X", "SMS") != event.key("X", "Email")


CALENDAR = WorkingCalendar(national=False)  # Monday to Friday, 07:30–11:30 and 13:30–17:00


@pytest.mark.parametrize(
	("moment", "expected"),
	[
		(DT(2025, 10, 6, 9, 0), DT(2025, 10, 6, 9, 0)),  # Monday morning: at once
		(DT(2025, 10, 6, 12, 0), DT(2025, 10, 6, 13, 30)),  # lunch break: the afternoon opening
		(DT(2025, 10, 6, 19, 30), DT(2025, 10, 7, 7, 30)),  # evening: next morning
		(DT(2025, 10, 11, 10, 0), DT(2025, 10, 13, 7, 30)),  # Saturday: Monday morning
	],
)
def test_other_messages_wait_for_office_hours(moment, expected):
	for kind in (SUPPLEMENT, RESULT_READY, APOLOGY):
		assert send_after(kind, moment, CALENDAR) == expected


def test_the_receipt_goes_at_any_hour():
	for moment in (DT(2025, 10, 6, 19, 30), DT(2025, 10, 11, 10, 0)):
		assert send_after(RECEIVED, moment, CALENDAR) == moment


def test_retries_wait_longer_each_time_then_stop():
	moment = DT(2025, 10, 6, 9, 0)
	waits = [(retry_at(n, moment) - moment).total_seconds() / 60 for n in range(1, MAX_ATTEMPTS)]
	assert waits[0] == FIRST_RETRY_MINUTES
	assert all(b >= a for a, b in itertools.pairwise(waits))
	assert max(waits) <= LONGEST_WAIT_MINUTES
	assert retry_at(MAX_ATTEMPTS, moment) is None


@pytest.mark.parametrize(
	("text", "number"),
	[
		("0909123456", "0909123456"),
		("0909 123 456", "0909123456"),
		("(0254) 3.852.123", "02543852123"),
		("+84 909-123-456", "+84909123456"),
		("", None),
		(None, None),
		("không có", None),
		("12345", None),
		("0909123456789", None),
	],
)
def test_phone_numbers(text, number):
	assert phone_number(text) == number


def test_moments_as_the_messages_write_them():
	assert short_moment(DT(2025, 10, 6, 9, 5)) == "09:05 ngày 06/10/2025"
	assert short_moment(None) == ""
