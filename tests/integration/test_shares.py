"""Each department's own share of a task led by a collective: shares made from the Agency
tree, each acted on by its own agency only, the task's status and progress following them,
the matrix, reminders and the overdue report per share."""

import datetime as dt

import frappe
import pytest
from frappe.model.workflow import WorkflowPermissionError, WorkflowTransitionError

from onestop.planning.assignments import remove_share, share_task, shares_of
from onestop.planning.progress import add_share_progress
from onestop.planning.task_steps import TaskStateError

from .factories import World, act, agency

REFUSED = (WorkflowTransitionError, WorkflowPermissionError, frappe.PermissionError, TaskStateError)


@pytest.fixture
def world():
	return World()


def share(world, agency_name):
	return next(s.name for s in shares_of(world.task_all) if s.agency == agency_name)


def test_a_collectives_task_gets_one_share_per_member(world):
	assert sorted(s.agency for s in shares_of(world.task_all)) == sorted([world.a, world.b])
	assert shares_of(world.task_a) == []
	todo = frappe.get_all(
		"ToDo",
		filters={"reference_type": "Plan Task Assignment", "reference_name": share(world, world.a)},
		pluck="allocated_to",
	)
	assert todo == [world.officer_a]  # the agency's focal point holds its share


def test_each_department_sees_and_acts_on_its_own_share_only(world):
	mine, theirs = share(world, world.a), share(world, world.b)
	assert frappe.has_permission("Plan Task Assignment", "read", doc=mine, user=world.officer_a)
	assert not frappe.has_permission("Plan Task Assignment", "read", doc=theirs, user=world.officer_a)
	frappe.set_user(world.officer_a)
	assert set(
		frappe.get_list("Plan Task Assignment", filters={"plan_task": world.task_all}, pluck="name")
	) == {mine}
	with pytest.raises(frappe.PermissionError):
		add_share_progress(theirs, "làm hộ", 50)
	frappe.set_user("Administrator")
	with pytest.raises(REFUSED):
		act("Plan Task Assignment", theirs, "Start", world.officer_a)


def test_the_task_follows_its_shares_and_takes_no_step_of_its_own(world):
	a, b = share(world, world.a), share(world, world.b)
	act("Plan Task Assignment", a, "Start", world.officer_a)
	frappe.set_user(world.officer_a)
	add_share_progress(a, "Đã ban hành quyết định", 100)
	frappe.set_user("Administrator")
	task = frappe.get_doc("Plan Task", world.task_all)
	assert (task.status, task.progress) == ("In Progress", 50)
	act("Plan Task Assignment", a, "Submit for Review", world.officer_a)
	act("Plan Task Assignment", a, "Accept", world.coordinator)
	assert frappe.db.get_value("Plan Task", world.task_all, "status") == "In Progress"  # B has not started
	act("Plan Task Assignment", b, "Start", world.officer_b)
	act("Plan Task Assignment", b, "Submit for Review", world.officer_b)
	assert frappe.db.get_value("Plan Task", world.task_all, "status") == "Submitted"  # all handed in
	act("Plan Task Assignment", b, "Return", world.coordinator, return_reason="Thiếu quyết định")
	assert frappe.db.get_value("Plan Task", world.task_all, "status") == "In Progress"
	act("Plan Task Assignment", b, "Resume", world.officer_b)
	act("Plan Task Assignment", b, "Submit for Review", world.officer_b)
	assert frappe.db.get_value("Plan Task", world.task_all, "status") == "Submitted"
	act("Plan Task Assignment", b, "Accept", world.coordinator)
	task.reload()
	assert (task.status, task.progress, str(task.completed_on)) == ("Done", 100, frappe.utils.nowdate())
	with pytest.raises(REFUSED):
		act("Plan Task", world.task_all, "Reopen", world.coordinator)


def test_the_coordinator_weighs_adds_and_removes_shares(world):
	c = agency("_Test Đài Phát thanh", parent=world.departments)
	frappe.set_user(world.coordinator)
	made = share_task(world.task_a, [world.b, c])  # joint leads
	assert len(made) == 2 and share_task(world.task_a, [c]) == []
	frappe.set_user("Administrator")
	b_share = next(s.name for s in shares_of(world.task_a) if s.agency == world.b)
	act("Plan Task Assignment", b_share, "Start", world.officer_b)
	frappe.set_user(world.officer_b)
	add_share_progress(b_share, "Đã làm", 90)
	frappe.set_user("Administrator")
	frappe.db.set_value("Plan Task Assignment", made[1], "weight", 2)
	frappe.get_doc("Plan Task Assignment", b_share).save()
	assert frappe.db.get_value("Plan Task", world.task_a, "progress") == 30  # (90×1 + 0×2) / 3
	frappe.set_user(world.coordinator)
	with pytest.raises(frappe.ValidationError):
		remove_share(b_share)  # started
	remove_share(made[1])
	assert {s.agency for s in shares_of(world.task_a)} == {world.b}


def test_reminders_and_the_overdue_report_count_shares(world):
	from onestop.planning.api import overdue_tasks
	from onestop.planning.task_reminders import task_reminders

	frappe.db.set_value("Plan Task", world.task_all, "due_date", "2018-04-30")
	a = share(world, world.a)
	act("Plan Task Assignment", a, "Start", world.officer_a)
	act("Plan Task Assignment", a, "Submit for Review", world.officer_a)
	act("Plan Task Assignment", a, "Accept", world.coordinator)
	rows = [r for r in overdue_tasks("2018-05-10", world.plan) if r.name == world.task_all]
	assert [(r.lead_agency, r.days_overdue) for r in rows] == [(world.b, 10)]  # A's share is done
	frappe.db.set_value("Plan Task", world.task_all, "plan_year", 2018)
	reminders = [
		r for r in task_reminders(dt.datetime(2018, 4, 23, 8, 30)) if r.doctype == "Plan Task Assignment"
	]
	assert {r.name for r in reminders} == {share(world, world.b)}  # 7 days before, to B only
	assert reminders[0].recipients == [world.officer_b]


def test_the_matrix_shows_each_agencys_share(world):
	from onestop.planning.report.assignment_matrix.assignment_matrix import execute

	a = share(world, world.a)
	act("Plan Task Assignment", a, "Start", world.officer_a)
	act("Plan Task Assignment", a, "Submit for Review", world.officer_a)
	columns, rows, _, _, summary = execute({"annual_plan": world.plan})
	labels = [c["label"] for c in columns]
	assert [r["task"] for r in rows] == [world.task_all]
	cells = {
		labels[i]: rows[0].get(c["fieldname"])
		for i, c in enumerate(columns)
		if c["fieldname"].startswith("a")
	}
	assert cells[world.a].startswith("Submitted|") and cells[world.b].startswith("Not Started|")
	assert {s["label"]: s["value"] for s in summary}["Awaiting Acceptance"] == 1
	frappe.set_user(world.officer_a)
	_, theirs, *_ = execute({"annual_plan": world.plan})
	assert [k for k in theirs[0] if k.startswith("a")] == ["a0"]  # an officer sees their own share only
