"""The province's setting "The Agency Head Submits" (Onestop Settings): officers draft, only
the agency head submits a task, a share of a task or a weekly report; refused on the server
whatever the request (a workflow action, or a save that sets the status)."""

import datetime as dt

import frappe
import pytest
from frappe.model.workflow import WorkflowPermissionError, WorkflowTransitionError, get_transitions

from onestop.core.clock import at
from onestop.core.rules import HeadSubmitsError
from onestop.planning.assignments import shares_of

from .factories import World, act

REFUSED = (WorkflowTransitionError, WorkflowPermissionError, HeadSubmitsError)
THURSDAY = dt.datetime(2026, 11, 26, 9, 0)  # week 2026-W48, before the report is due


@pytest.fixture
def world():
	w = World()
	w.share_a = next(s.name for s in shares_of(w.task_all) if s.agency == w.a)
	return w


def head_submits(on: bool) -> None:
	frappe.db.set_single_value("Onestop Settings", "head_submits", int(on))


def actions(doctype, name, user):
	frappe.set_user(user)
	frappe.local.onestop_user_agencies = None
	try:
		return {t.action for t in get_transitions(frappe.get_doc(doctype, name))}
	finally:
		frappe.set_user("Administrator")


def status(doctype, name):
	return frappe.db.get_value(doctype, name, "status")


def save_as(user, doctype, name, **values):
	"""What a REST PUT or the desk's save does: the record saved as `user` with `values`."""
	frappe.set_user(user)
	frappe.local.onestop_user_agencies = None
	try:
		doc = frappe.get_doc(doctype, name)
		doc.update(values)
		doc.save()
	finally:
		frappe.set_user("Administrator")


@pytest.mark.parametrize("doctype", ["Plan Task", "Plan Task Assignment"])
def test_the_officer_drafts_and_the_head_submits_a_task_or_share(world, doctype):
	name = world.task_a if doctype == "Plan Task" else world.share_a
	head_submits(True)
	act(doctype, name, "Start", world.officer_a)  # the officer still works on it
	assert "Submit for Review" not in actions(doctype, name, world.officer_a)
	with pytest.raises(REFUSED):
		act(doctype, name, "Submit for Review", world.officer_a)
	with pytest.raises(REFUSED):
		save_as(world.officer_a, doctype, name, status="Submitted")
	assert status(doctype, name) == "In Progress"
	assert "Submit for Review" in actions(doctype, name, world.head_a)
	act(doctype, name, "Submit for Review", world.head_a)
	assert status(doctype, name) == "Submitted"


def test_without_the_setting_the_officer_submits(world):
	head_submits(False)
	act("Plan Task Assignment", world.share_a, "Start", world.officer_a)
	act("Plan Task Assignment", world.share_a, "Submit for Review", world.officer_a)
	assert status("Plan Task Assignment", world.share_a) == "Submitted"


def test_the_officer_drafts_and_the_head_files_the_weekly_report(world):
	head_submits(True)
	with at(THURSDAY):
		report = frappe.get_doc({"doctype": "Weekly Report", "agency": world.a, "week": "2026-W48"}).insert()
	save_as(world.officer_a, "Weekly Report", report.name, problems="Thiếu máy quét")  # drafts
	assert "Submit" not in actions("Weekly Report", report.name, world.officer_a)
	with pytest.raises(REFUSED):
		act("Weekly Report", report.name, "Submit", world.officer_a, THURSDAY)
	with pytest.raises(REFUSED), at(THURSDAY):
		save_as(world.officer_a, "Weekly Report", report.name, status="Submitted")
	assert status("Weekly Report", report.name) == "Draft"
	act("Weekly Report", report.name, "Submit", world.head_a, THURSDAY)
	assert status("Weekly Report", report.name) == "Submitted"
	assert frappe.db.get_value("Weekly Report", report.name, "problems") == "Thiếu máy quét"
