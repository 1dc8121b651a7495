"""The plan progress and overdue tasks reports on a small data set worked out by hand, and
what an agency officer sees in them."""

import frappe
import pytest

from onestop.planning.report.overdue_tasks.overdue_tasks import execute as overdue_report
from onestop.planning.report.plan_progress.plan_progress import execute as progress_report

from .factories import World, task


@pytest.fixture
def world():
	w = World()
	# Sở A: done on time (Q1), done late (due 15/04, done 20/05); Sở B: overdue (due 30/06)
	frappe.db.set_value("Plan Task", w.task_a, {"status": "Done", "completed_on": "2018-03-20"})
	w.late = task(w.plan, w.a, due="2018-04-15", title="Việc Sở A làm trễ")
	frappe.db.set_value("Plan Task", w.late, {"status": "Done", "completed_on": "2018-05-20"})
	return w


def rows_by(filters):
	_columns, rows, _msg, chart, summary = progress_report(filters)
	return {r["group"]: r for r in rows}, chart, {s["label"]: s["value"] for s in summary}


def test_progress_by_lead_agency_on_a_day(world):
	rows, chart, summary = rows_by(
		{"annual_plan": world.plan, "as_of": "2018-07-15", "group_by": "Lead Agency"}
	)
	a, b = rows[world.a], rows[world.b]
	# each department also has its share (not started, no date) of the collective's task, which
	# counts under the department rather than under the collective
	assert world.departments not in rows
	assert (a["tasks"], a["done_on_time"], a["done_late"], a["shares"], a["on_time_rate"]) == (
		3,
		1,
		1,
		1,
		33.3,
	)
	# Sở B leads its task due 30/06 (overdue on 15/07) and the one without a date (not started)
	assert (b["tasks"], b["overdue"], b["not_started"], b["shares"]) == (3, 1, 2, 1)
	assert summary["Tasks"] == 6 and summary["Done On Time"] == 1 and summary["Overdue"] == 1
	assert summary["% Done On Time"] == 16.7
	assert len(chart["data"]["datasets"]) == 5


def test_progress_before_the_work_was_done(world):
	rows, _chart, _summary = rows_by(
		{"annual_plan": world.plan, "as_of": "2018-03-01", "group_by": "Lead Agency"}
	)
	a = rows[world.a]
	# on 01/03 neither was done yet nor due: both were under way (their later completion shows
	# they had been started, not when)
	assert (a["done_on_time"], a["done_late"], a["overdue"], a["in_progress"]) == (0, 0, 0, 2)


def test_overdue_tasks_on_a_day_and_what_an_officer_sees(world):
	_columns, rows = overdue_report({"as_of": "2018-07-15", "annual_plan": world.plan})
	assert [(r["name"], r["days_overdue"]) for r in rows] == [(world.task_b, 15)]
	frappe.set_user(world.officer_a)
	frappe.local.onestop_user_agencies = None
	rows, _chart, _summary = rows_by(
		{"annual_plan": world.plan, "as_of": "2018-07-15", "group_by": "Lead Agency"}
	)
	# Sở A's officer counts its own tasks, the one it co-operates on and the collective's
	assert world.a in rows and rows[world.b]["tasks"] == 1


def test_the_dashboard_chart_stacks_each_quarter_by_standing(world):
	from onestop.planning.dashboard_chart_source.plan_tasks_by_quarter.plan_tasks_by_quarter import get

	frappe.db.set_value("Plan Task", world.task_a, "quarter", "Q1")
	frappe.db.set_value("Plan Task", world.late, "quarter", "Q2")
	frappe.db.set_value("Plan Task", world.task_b, "quarter", "Q2")
	data = get(chart_name="Plan Progress by Quarter", no_cache=1, filters={"annual_plan": world.plan})
	series = {d["name"]: d["values"] for d in data["datasets"]}
	assert data["labels"] == ["Q1", "Q2"]  # tasks without a quarter are left out
	assert series["Done On Time"] == [1, 0] and series["Done Late"] == [0, 1]
	assert series["Overdue"] == [0, 1]  # Sở B's task, due 30/06/2018, as of today
