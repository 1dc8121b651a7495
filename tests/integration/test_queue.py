"""Queue numbers at the counters (onestop.procedures.queue) and their times (report Queue Times,
number card Average Waiting Today), on the test site, in a transaction rolled back after each test.

Hand-worked day, 02/12/2026 (times in minutes): field A (prefix TA) is served by counter 1
(officer: the processing officer) and counter 2; field B (prefix TB) by counter 2 alone.
  t1 TA001 taken 08:00, called by counter 1 at 08:10, started 08:12, finished 08:20: waited 10, served 8
  t4 TB001 taken 08:01
  t2 TA002 taken 08:05, called by counter 1 at 08:25, started 08:25, finished 08:40: waited 20, served 15
  t3 TA003 taken 08:06
  t4 called by counter 2 at 08:30 (the oldest it serves), finished 08:36 unstarted: waited 29, served 6
  t3 called by counter 1 at 08:41, absent at 08:45: waited 35
  t5 TB002 taken 08:50, still waiting
Counter 1 / A: 3 tickets, 3 called, 2 done, 1 no-show; waiting average (10+20+35)/3 = 21.7,
p90 = 35 (the 3rd of 3); service average (8+15)/2 = 11.5, p90 = 15.
Counter 2 / B: 1 ticket, waited 29, served 6. Not called / B: t5. Average waiting of the day:
(10+20+35+29)/4 = 23.5.
"""

import datetime as dt

import frappe
import pytest

from onestop.core.clock import at
from onestop.procedures import queue
from onestop.procedures.queue import QueueError
from onestop.procedures.queue_stats import average_waiting_today
from onestop.procedures.report.queue_times.queue_times import execute as queue_report

from .factories import USERS, agency, dossier, procedure

DAY = dt.date(2026, 12, 2)
RECEIVER = USERS["receiver"][0]
PROCESSOR = USERS["processor"][0]
OUTSIDER = USERS["outsider"][0]


def moment(hh: int, mm: int) -> dt.datetime:
	return dt.datetime.combine(DAY, dt.time(hh, mm))


def field(name: str, prefix: str) -> str:
	return (
		frappe.get_doc({"doctype": "Procedure Field", "field_name": name, "queue_prefix": prefix})
		.insert(ignore_permissions=True)
		.name
	)


def counter(name: str, fields: list[str], officer: str | None = None, order: int = 0) -> str:
	return (
		frappe.get_doc(
			{
				"doctype": "Service Counter",
				"counter_name": name,
				"agency": agency(f"_Test Sở của {name}"),
				"sort_order": order,
				"officer": officer,
				"fields": [{"field": f} for f in fields],
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


@pytest.fixture
def hall():
	frappe.db.delete("Queue Ticket", {"ticket_date": ("in", [DAY, DAY + dt.timedelta(days=1)])})
	for name in frappe.get_all("Service Counter", pluck="name"):  # the site's own, if any: closed
		frappe.db.set_value("Service Counter", name, "is_active", 0)
	a = field("_Test Lĩnh vực hàng đợi A", "TA")
	b = field("_Test Lĩnh vực hàng đợi B", "TB")
	one = counter("_Test Quầy 1", [a], officer=PROCESSOR, order=1)
	two = counter("_Test Quầy 2", [a, b], order=2)
	return frappe._dict(a=a, b=b, one=one, two=two)


def take(field_name: str, when: dt.datetime) -> dict:
	frappe.set_user("Guest")
	try:
		with at(when):
			return queue.take_ticket(field_name)
	finally:
		frappe.set_user("Administrator")


def as_user(user: str, when: dt.datetime, call, *args):
	frappe.set_user(user)
	try:
		with at(when):
			return call(*args)
	finally:
		frappe.set_user("Administrator")


def ticket(name: str) -> frappe._dict:
	return frappe.db.get_value("Queue Ticket", name, "*", as_dict=True)


def test_numbers_count_per_day_and_prefix_and_say_who_is_ahead(hall):
	taken = [take(hall.a, moment(8, m)) for m in (0, 1, 2)] + [take(hall.b, moment(8, 3))]
	assert [t["number"] for t in taken] == ["TA001", "TA002", "TA003", "TB001"]
	assert [t["ahead"] for t in taken] == [0, 1, 2, 0]
	assert taken[0]["ticket"] == "20261202-TA001"
	assert taken[0]["field_name"] == "_Test Lĩnh vực hàng đợi A"
	assert queue.ticket_status(taken[2]["ticket"])["ahead"] == 2
	# the next day starts again at 1
	assert take(hall.a, moment(8, 0) + dt.timedelta(days=1))["number"] == "TA001"
	# the same place of the same day and prefix cannot be stored twice, even written directly
	with pytest.raises(frappe.DuplicateEntryError):
		frappe.get_doc(
			{
				"doctype": "Queue Ticket",
				"ticket_date": DAY,
				"prefix": "TA",
				"seq": 1,
				"ticket_number": "TA001",
				"field": hall.a,
				"taken_at": moment(9, 0),
			}
		).insert(ignore_permissions=True)


def test_a_field_no_open_counter_serves_takes_no_number(hall):
	lonely = field("_Test Lĩnh vực không quầy", "TC")
	with pytest.raises(QueueError):
		take(lonely, moment(8, 0))
	with pytest.raises(QueueError):
		take("_Test Lĩnh vực không có", moment(8, 0))
	frappe.db.set_value("Service Counter", hall.two, "is_active", 0)
	with pytest.raises(QueueError):
		take(hall.b, moment(8, 0))
	assert [f.field for f in queue.served_fields()] == [hall.a]


def test_counters_call_the_oldest_ticket_of_the_fields_they_serve(hall):
	t1 = take(hall.a, moment(8, 0))["ticket"]
	t4 = take(hall.b, moment(8, 1))["ticket"]
	t2 = take(hall.a, moment(8, 5))["ticket"]
	# counter 1 serves A only: TA001, not the older TB001 ... counter 2 serves both: TB001 first
	assert as_user(PROCESSOR, moment(8, 10), queue.call_next, hall.one)["ticket"]["number"] == "TA001"
	assert as_user(RECEIVER, moment(8, 11), queue.call_next, hall.two)["ticket"]["number"] == "TB001"
	assert ticket(t1).status == ticket(t4).status == "Called"
	assert (ticket(t1).counter, ticket(t1).called_by) == (hall.one, PROCESSOR)
	# calling the next number finishes the one at the counter (served from its call)
	assert as_user(PROCESSOR, moment(8, 20), queue.call_next, hall.one)["ticket"]["ticket"] == t2
	done = ticket(t1)
	assert (done.status, done.served_at, done.done_at) == ("Done", moment(8, 10), moment(8, 20))
	assert frappe.db.get_value("Service Counter", hall.one, "current_ticket") == t2
	# nobody left for counter 1: the counter is free, the ticket before done
	assert as_user(PROCESSOR, moment(8, 30), queue.call_next, hall.one)["ticket"] is None
	assert ticket(t2).status == "Done"
	assert frappe.db.get_value("Service Counter", hall.one, "current_ticket") is None


def test_who_may_call_at_a_counter(hall):
	take(hall.a, moment(8, 0))
	take(hall.b, moment(8, 1))
	# the officer at counter 1 calls there, not at counter 2; a receiving officer anywhere
	with pytest.raises(frappe.PermissionError):
		as_user(PROCESSOR, moment(8, 5), queue.call_next, hall.two)
	with pytest.raises(frappe.PermissionError):
		as_user(OUTSIDER, moment(8, 5), queue.call_next, hall.one)
	called = as_user(RECEIVER, moment(8, 5), queue.call_next, hall.two)["ticket"]
	with pytest.raises(frappe.PermissionError):
		as_user(PROCESSOR, moment(8, 6), queue.finish, called["ticket"])
	assert [c["counter"] for c in as_user(PROCESSOR, moment(8, 6), queue.counter_panel)["counters"]] == [
		hall.one
	]
	assert as_user(OUTSIDER, moment(8, 6), queue.counter_panel)["counters"] == []
	frappe.db.set_value("Service Counter", hall.one, "is_active", 0)
	with pytest.raises(QueueError):
		as_user(PROCESSOR, moment(8, 7), queue.call_next, hall.one)


def test_a_ticket_moves_from_call_to_service_to_done_or_absent(hall):
	first = take(hall.a, moment(8, 0))["ticket"]
	second = take(hall.a, moment(8, 1))["ticket"]
	as_user(RECEIVER, moment(8, 2), queue.call_next, hall.one)
	with pytest.raises(QueueError):  # a waiting ticket is not at a counter
		as_user(RECEIVER, moment(8, 2), queue.finish, second)
	as_user(RECEIVER, moment(8, 3), queue.recall, first)
	assert ticket(first).recalls == 1
	as_user(RECEIVER, moment(8, 4), queue.start_serving, first)
	with pytest.raises(QueueError):  # started already, and a served citizen is not absent
		as_user(RECEIVER, moment(8, 4), queue.start_serving, first)
	with pytest.raises(QueueError):
		as_user(RECEIVER, moment(8, 4), queue.no_show, first)
	as_user(RECEIVER, moment(8, 9), queue.finish, first)
	row = ticket(first)
	assert (row.status, row.served_at, row.done_at) == ("Done", moment(8, 4), moment(8, 9))
	assert frappe.db.get_value("Service Counter", hall.one, "current_ticket") is None
	as_user(RECEIVER, moment(8, 10), queue.call_next, hall.one)
	as_user(RECEIVER, moment(8, 12), queue.no_show, second)
	assert ticket(second).status == "No-show"
	assert ticket(second).done_at is None


def work_the_day(hall) -> dict:
	"""The module docstring's day."""
	t = {}
	t[1] = take(hall.a, moment(8, 0))["ticket"]
	t[4] = take(hall.b, moment(8, 1))["ticket"]
	t[2] = take(hall.a, moment(8, 5))["ticket"]
	t[3] = take(hall.a, moment(8, 6))["ticket"]
	steps = [
		(moment(8, 10), queue.call_next, hall.one),
		(moment(8, 12), queue.start_serving, t[1]),
		(moment(8, 20), queue.finish, t[1]),
		(moment(8, 25), queue.call_next, hall.one),
		(moment(8, 25), queue.start_serving, t[2]),
		(moment(8, 30), queue.call_next, hall.two),
		(moment(8, 36), queue.finish, t[4]),
		(moment(8, 40), queue.finish, t[2]),
		(moment(8, 41), queue.call_next, hall.one),
		(moment(8, 45), queue.no_show, t[3]),
	]
	for when, call, arg in steps:
		as_user(RECEIVER, when, call, arg)
	t[5] = take(hall.b, moment(8, 50))["ticket"]
	return t


def test_waiting_and_service_times_on_the_hand_worked_day(hall):
	t = work_the_day(hall)
	assert ticket(t[4]).counter == hall.two and ticket(t[3]).counter == hall.one
	columns, rows, _message, _chart, summary = queue_report(
		frappe._dict(from_date=DAY, to_date=DAY, group_by="Counter and Field")
	)
	by_group = {(r["counter"], r["field"]): r for r in rows}
	one_a = by_group[(hall.one, hall.a)]
	assert (one_a["tickets"], one_a["called"], one_a["done"], one_a["no_shows"], one_a["waiting"]) == (
		3,
		3,
		2,
		1,
		0,
	)
	assert (one_a["waiting_avg"], one_a["waiting_p90"]) == (21.7, 35)
	assert (one_a["service_avg"], one_a["service_p90"]) == (11.5, 15)
	two_b = by_group[(hall.two, hall.b)]
	assert (two_b["tickets"], two_b["waiting_avg"], two_b["service_avg"]) == (1, 29, 6)
	waiting_b = by_group[(None, hall.b)]
	assert (waiting_b["tickets"], waiting_b["waiting"], waiting_b["waiting_avg"]) == (1, 1, None)
	assert {c["fieldname"] for c in columns} >= {"counter", "field", "waiting_p90", "service_p90"}
	assert {s["label"]: s["value"] for s in summary}["No-shows"] == 1

	by_field = {
		r["field"]: r
		for r in queue_report(frappe._dict(from_date=DAY, to_date=DAY, group_by="Procedure Field"))[1]
	}
	assert (by_field[hall.b]["tickets"], by_field[hall.b]["called"], by_field[hall.b]["waiting"]) == (2, 1, 1)
	assert by_field[hall.a]["waiting_avg"] == 21.7

	with at(moment(9, 0)):
		assert average_waiting_today()["value"] == 23.5
	frappe.set_user(OUTSIDER)
	with pytest.raises(frappe.PermissionError):
		average_waiting_today()


def test_the_dossier_received_from_a_ticket_is_linked_to_it(hall):
	first = take(hall.a, moment(8, 0))["ticket"]
	second = take(hall.a, moment(8, 1))["ticket"]
	as_user(RECEIVER, moment(8, 5), queue.call_next, hall.one)
	proc = procedure(legal_days=3)
	frappe.set_user(RECEIVER)
	try:
		with at(moment(8, 6)):
			received = dossier(proc, moment(8, 6))
	finally:
		frappe.set_user("Administrator")
	assert ticket(first).dossier == received
	# a ticket named by the reception screen is linked even when another is at the counter
	named = dossier(proc, moment(8, 7), queue_ticket=second)
	assert ticket(second).dossier == named
	with pytest.raises(QueueError):
		dossier(proc, moment(8, 8), queue_ticket=second)
	state = queue._display_state()
	assert [(c["counter"], c["number"]) for c in state["counters"]] == [(hall.one, "TA001"), (hall.two, None)]
