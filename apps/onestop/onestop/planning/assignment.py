"""Assigning a plan task to an agency (core/assignment.py makes the ToDos). A plan task assigned to an agency keeps the agency
(Plan Task.assigned_agency), so when the agency's focal points change its open tasks follow:
the new focal points get a ToDo, those no longer focal points have theirs cancelled.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.desk.form.assign_to import add as add_assignment
from frappe.desk.form.assign_to import remove as remove_assignment

from onestop.core.assignment import assign_to_agency, focal_points


def open_assignees(doctype: str, name: str) -> set[str]:
	return set(
		frappe.get_all(
			"ToDo",
			filters={"reference_type": doctype, "reference_name": name, "status": "Open"},
			pluck="allocated_to",
		)
	)


@frappe.whitelist(methods=["POST"])
def assign_task_to_agency(task: str, agency: str) -> list[str]:
	"""Assign a Plan Task to an agency: one ToDo for each of its focal points (Frappe assigns
	to users only), and the agency kept on the task so that later changes of its focal points
	are followed (follow_focal_points). The focal points of an agency the task was assigned to
	before lose their ToDos.

	task: Plan Task name; agency: Agency name. Returns the users assigned now.
	Raises frappe.PermissionError unless the user is a Plan Coordinator who may write the
	task, and a translated
	ValidationError when the agency has no enabled member to receive it.
	"""
	doc = frappe.get_doc("Plan Task", task)
	doc.check_permission("write")
	if not {"Plan Coordinator", "System Manager"} & set(frappe.get_roles()):
		frappe.throw(_("Only plan coordinators assign tasks to agencies."), frappe.PermissionError)
	users = focal_points(agency)
	if not users:
		frappe.throw(
			_("{0} has no member to receive the task: add its focal point on the agency first.").format(
				agency
			)
		)
	previous = doc.assigned_agency
	doc.db_set("assigned_agency", agency)
	if previous and previous != agency:
		for user in (open_assignees("Plan Task", task) & set(focal_points(previous))) - set(users):
			remove_assignment("Plan Task", task, user, ignore_permissions=True)
	return assign_to_agency("Plan Task", task, agency, doc.title)


def follow_focal_points(agency, method=None) -> None:
	"""Agency on_update: the open tasks assigned to the agency follow its focal points. Those
	who stopped being focal points lose their ToDos on these tasks; anyone assigned by hand
	keeps theirs."""
	before = agency.get_doc_before_save()
	if not before:
		return
	users = set(focal_points(agency.name))
	were = {m.user for m in before.members if m.is_focal_point} or {m.user for m in before.members}
	if were == users:
		return
	dropped = were - users
	tasks = frappe.get_all(
		"Plan Task",
		filters={"assigned_agency": agency.name, "status": ("!=", "Done")},
		fields=["name", "title"],
	)
	for task in tasks:
		for user in open_assignees("Plan Task", task.name) & dropped:
			remove_assignment("Plan Task", task.name, user, ignore_permissions=True)
		assign_to_agency("Plan Task", task.name, agency.name, task.title)
