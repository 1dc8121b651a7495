"""The Plan Task workflow on the real site: every transition allowed and refused by role."""

import frappe
import pytest
from frappe.model.workflow import WorkflowTransitionError, apply_workflow, get_transitions

from onestop.planning.doctype.plan_task.plan_task import TaskStateError
from onestop.planning.progress import ProgressError, add_progress

from .factories import World

# (from, action, to, roles allowed) as the Workflow "Plan Task" defines them
TRANSITIONS = [
	("Not Started", "Start", "In Progress", {"Agency Officer", "Agency Head", "Plan Coordinator"}),
	("In Progress", "Submit for Review", "Submitted", {"Agency Officer", "Agency Head", "Plan Coordinator"}),
	("Submitted", "Accept", "Done", {"Plan Coordinator"}),
	("Submitted", "Return", "Returned", {"Plan Coordinator"}),
	("Returned", "Resume", "In Progress", {"Agency Officer", "Agency Head", "Plan Coordinator"}),
	("Done", "Reopen", "In Progress", {"Plan Coordinator"}),
]
ROLES = ["Agency Officer", "Agency Head", "Plan Coordinator", "Leadership", "Finance Reviewer"]


@pytest.fixture
def world():
	return World()


def user_for(world, role):
	return {
		"Agency Officer": world.officer_a,
		"Agency Head": world.head_a,
		"Plan Coordinator": world.coordinator,
		"Leadership": world.leader,
		"Finance Reviewer": world.finance,
	}[role]


def put_in_state(name, state):
	frappe.db.set_value("Plan Task", name, {"status": state, "return_reason": None})


def act(user, name, action, **values):
	frappe.set_user(user)
	frappe.local.onestop_user_agencies = None
	doc = frappe.get_doc("Plan Task", name)
	if values:
		doc.update(values)
		doc.save()
	return apply_workflow(doc, action)


@pytest.mark.parametrize("state, action, to, allowed", TRANSITIONS)
@pytest.mark.parametrize("role", ROLES)
def test_transition_by_role(world, state, action, to, allowed, role):
	put_in_state(world.task_a, state)
	values = (
		{"return_reason": "Thiếu hồ sơ kiểm chứng"}
		if action == "Return" and role == "Plan Coordinator"
		else {}
	)
	if role in allowed:
		doc = act(user_for(world, role), world.task_a, action, **values)
		assert doc.status == to
		assert frappe.db.get_value("Plan Task", world.task_a, "status") == to
	else:
		with pytest.raises((WorkflowTransitionError, frappe.PermissionError)):
			act(user_for(world, role), world.task_a, action)
		frappe.set_user("Administrator")
		assert frappe.db.get_value("Plan Task", world.task_a, "status") == state


def test_the_whole_loop(world):
	act(world.officer_a, world.task_a, "Start")
	act(world.officer_a, world.task_a, "Submit for Review")
	doc = act(world.coordinator, world.task_a, "Return", return_reason="Chưa có văn bản ban hành")
	assert doc.status == "Returned"
	assert "Chưa có văn bản ban hành" in doc.updates[-1].note
	doc = act(world.officer_a, world.task_a, "Resume")
	assert doc.status == "In Progress" and not doc.return_reason
	act(world.officer_a, world.task_a, "Submit for Review")
	doc = act(world.coordinator, world.task_a, "Accept")
	assert doc.status == "Done" and doc.progress == 100 and doc.completed_on


def test_returning_needs_a_reason(world):
	put_in_state(world.task_a, "Submitted")
	with pytest.raises(TaskStateError):
		act(world.coordinator, world.task_a, "Return")
	assert frappe.db.get_value("Plan Task", world.task_a, "status") == "Submitted"


def test_only_the_lead_agency_submits(world):
	put_in_state(world.task_b_with_a, "In Progress")
	with pytest.raises(TaskStateError):
		act(world.officer_a, world.task_b_with_a, "Submit for Review")  # A only co-operates
	doc = act(world.officer_b, world.task_b_with_a, "Submit for Review")
	assert doc.status == "Submitted"


def test_a_submitted_task_is_the_coordinators_to_change(world):
	put_in_state(world.task_a, "Submitted")
	frappe.set_user(world.officer_a)
	with pytest.raises(ProgressError):
		add_progress(world.task_a, "bổ sung sau khi gửi", 90)
	doc = frappe.get_doc("Plan Task", world.task_a)
	doc.details = "sửa sau khi gửi"
	with pytest.raises(TaskStateError):
		doc.save()


def test_setting_the_status_directly_goes_through_the_workflow(world):
	"""A Kanban drag or an API write of `status` is checked like a workflow action."""
	frappe.set_user(world.officer_a)
	doc = frappe.get_doc("Plan Task", world.task_a)
	doc.status = "Done"
	with pytest.raises(frappe.ValidationError):
		doc.save()


def test_available_actions_follow_the_role(world):
	frappe.set_user(world.officer_a)
	actions = {t["action"] for t in get_transitions(frappe.get_doc("Plan Task", world.task_a))}
	assert actions == {"Start"}
	put_in_state(world.task_a, "Submitted")
	frappe.set_user(world.officer_a)
	assert get_transitions(frappe.get_doc("Plan Task", world.task_a)) == []
	frappe.set_user(world.coordinator)
	actions = {t["action"] for t in get_transitions(frappe.get_doc("Plan Task", world.task_a))}
	assert actions == {"Accept", "Return"}
