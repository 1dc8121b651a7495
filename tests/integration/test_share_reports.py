"""Plan Progress and the weekly report count each department's share of a collective's task,
on a small data set worked out by hand."""

import datetime as dt

import frappe
import pytest

from onestop.core.clock import at
from onestop.planning.assignments import refresh_task, shares_of
from onestop.planning.progress import add_progress, add_share_progress
from onestop.planning.report.plan_progress.plan_progress import execute as progress_report

from .factories import World, act


@pytest.fixture
def world():
	"""The World's tasks as of 15/07/2018:
	- Sở A leads task_a, due 31/03, not started: overdue;
	- Sở B leads task_b, due 30/06, not started: overdue; and task_b_with_a, no due date: not started;
	- task_all (the collective's), due 30/04: Sở A's share done on 10/03 (on time), Sở B's
	share in progress (overdue); the task itself In Progress, overdue."""
	w = World()
	frappe.db.set_value("Plan Task", w.task_all, "due_date", "2018-04-30")
	shares = {s.agency: s.name for s in shares_of(w.task_all)}
	w.share_a, w.share_b = shares[w.a], shares[w.b]
	frappe.db.set_value(
		"Plan Task Assignment",
		w.share_a,
		{"status": "Done", "completed_on": "2018-03-10", "progress": 100, "due_date": "2018-04-30"},
	)
	frappe.db.set_value(
		"Plan Task Assignment", w.share_b, {"status": "In Progress", "due_date": "2018-04-30"}
	)
	refresh_task(w.task_all)
	return w


def report(filters, user="Administrator"):
	frappe.set_user(user)
	frappe.local.onestop_user_agencies = None
	try:
		_columns, rows, _msg, _chart, summary = progress_report(filters)
	finally:
		frappe.set_user("Administrator")
	return {r["group"]: r for r in rows}, {s["label"]: s["value"] for s in summary}


KEYS = ("tasks", "shares", "done_on_time", "done_late", "overdue", "in_progress", "not_started")


def figures(row):
	return tuple(row[k] for k in KEYS)


def totals(rows):
	return tuple(sum(r[k] for r in rows.values()) for k in KEYS)


def test_by_lead_agency_each_share_counts_under_its_department(world):
	rows, summary = report({"annual_plan": world.plan, "as_of": "2018-07-15", "group_by": "Lead Agency"})
	assert world.departments not in rows  # the collective's task counts as its members' shares
	#                        tasks shares on-time late overdue in-progress not-started
	assert figures(rows[world.a]) == (2, 1, 1, 0, 1, 0, 0)
	assert figures(rows[world.b]) == (3, 1, 0, 0, 2, 0, 1)
	assert rows[world.a]["on_time_rate"] == 50.0
	# each count opens the tasks it counted: Sở A's share opens the collective's task
	names = rows[world.a]["names"]
	assert (names["done_on_time"], names["overdue"]) == ([world.task_all], [world.task_a])
	assert sorted(names["tasks"]) == sorted([world.task_a, world.task_all])
	assert summary["Tasks"] == 5 and summary["Done On Time"] == 1 and summary["Overdue"] == 3


def test_by_quarter_the_coordinator_counts_the_task_an_officer_their_share(world):
	rows, _summary = report({"annual_plan": world.plan, "as_of": "2018-07-15", "group_by": "Quarter"})
	# the four tasks once each, the collective's by its derived status (In Progress, past due)
	assert totals(rows) == (4, 0, 0, 0, 3, 0, 1)
	assert figures(rows["Q1"]) == (1, 0, 0, 0, 1, 0, 0)  # task_a, due 31/03
	rows, _summary = report(
		{"annual_plan": world.plan, "as_of": "2018-07-15", "group_by": "Quarter"}, world.officer_a
	)
	# Sở A's officer: its task (overdue), the one it co-operates on (no date), and its own share,
	# done on time, not the collective task's standing
	assert totals(rows) == (3, 1, 1, 0, 1, 0, 1)
	rows, _summary = report(
		{"annual_plan": world.plan, "as_of": "2018-07-15", "group_by": "Lead Agency"}, world.officer_a
	)
	assert figures(rows[world.a]) == (2, 1, 1, 0, 1, 0, 0) and world.departments not in rows
	assert rows[world.b]["tasks"] == 1  # the task it co-operates on; not Sở B's share


def as_user(user: str) -> None:
	frappe.set_user(user)
	frappe.local.onestop_user_agencies = None


def week_of_update(update: str, day: str) -> None:
	frappe.db.set_value("Plan Task Update", update, "update_date", day)


def test_the_weekly_report_lists_the_progress_recorded_on_its_shares(world):
	for share in (world.share_a, world.share_b):
		frappe.db.set_value("Plan Task Assignment", share, {"status": "In Progress", "completed_on": None})
	frappe.db.set_value("Plan Task", world.task_a, "ref", "II.5.b")
	act("Plan Task", world.task_a, "Start", world.officer_a)
	as_user(world.officer_a)
	on_share = add_share_progress(world.share_a, "Đã ban hành quyết định biệt phái", 60)["update"]
	on_task = add_progress(world.task_a, "Đã trình dự thảo", 30)["update"]
	earlier = add_share_progress(world.share_a, "Đã họp triển khai", 10)["update"]
	as_user(world.officer_b)
	theirs = add_share_progress(world.share_b, "Việc của Sở B", 20)["update"]
	frappe.set_user("Administrator")
	week_of_update(on_share, "2026-11-24")  # week 2026-W48: Monday 23/11 to Sunday 29/11
	week_of_update(on_task, "2026-11-25")
	week_of_update(earlier, "2026-11-20")  # the week before
	week_of_update(theirs, "2026-11-24")
	with at(dt.datetime(2026, 11, 26, 9, 0)):
		doc = frappe.get_doc({"doctype": "Weekly Report", "agency": world.a, "week": "2026-W48"}).insert()
	lines = doc.recorded_progress.splitlines()
	assert lines == [
		"24/11 Việc của các Sở, ban, ngành: 60% - Đã ban hành quyết định biệt phái",
		"25/11 II.5.b Nhiệm vụ của Sở A: 30% - Đã trình dự thảo",
	]
	b_report = frappe.get_doc({"doctype": "Weekly Report", "agency": world.b, "week": "2026-W48"})
	with at(dt.datetime(2026, 11, 26, 9, 0)):
		b_report.insert()
	assert b_report.recorded_progress == "24/11 Việc của các Sở, ban, ngành: 20% - Việc của Sở B"
	# filed: the list is kept as it stood when the report went out
	with at(dt.datetime(2026, 11, 26, 10, 0)):
		act("Weekly Report", doc.name, "Submit", world.officer_a)
	week_of_update(earlier, "2026-11-27")
	assert frappe.db.get_value("Weekly Report", doc.name, "recorded_progress").count("\n") == 1
