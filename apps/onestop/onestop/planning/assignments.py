"""Each agency's share of a plan task (Plan Task Assignment).

A task led by a collective ("Các Sở, ban, ngành", "UBND cấp huyện") is the work of each of its
member agencies: it gets one share per member, made from the Agency tree when the task is made
or its lead changes; the coordinator can add agencies to any task (joint leads) or remove a
share not yet started. Each agency works its own share through the Plan Task workflow; the
task's status and progress follow from its shares (task_status.shared_status and
shared_progress), never typed.
"""

from __future__ import annotations

import frappe
from frappe import _

from onestop.core.assignment import assign_to_agency
from onestop.task_status import shared_progress, shared_status


def shares_of(task: str) -> list:
	"""The shares of a task: name, agency, status, progress, weight, completed_on, focal_point."""
	if not task:
		return []
	return frappe.get_all(
		"Plan Task Assignment",
		filters={"plan_task": task},
		fields=["name", "agency", "status", "progress", "weight", "completed_on", "focal_point"],
		order_by="agency",
	)


def members_of(agency: str | None) -> list[str]:
	"""The member agencies of a collective (its children in the Agency tree, not disabled);
	[] for an agency that is not a collective."""
	if not agency or frappe.db.get_value("Agency", agency, "kind") != "Collective":
		return []
	return frappe.get_all(
		"Agency", filters={"parent_agency": agency, "disabled": 0}, pluck="name", order_by="agency_name"
	)


def sync_assignments(task: str) -> list[str]:
	"""Give each member of the task's collective lead a share (those missing); returns the
	shares made. Shares already there are kept (the coordinator removes them)."""
	lead = frappe.db.get_value("Plan Task", task, "lead_agency")
	return add_shares(task, members_of(lead))


def add_shares(task: str, agencies: list[str]) -> list[str]:
	have = {s.agency for s in shares_of(task)}
	made = []
	for agency in agencies:
		if agency in have:
			continue
		doc = frappe.get_doc({"doctype": "Plan Task Assignment", "plan_task": task, "agency": agency})
		doc.insert(ignore_permissions=True)
		made.append(doc.name)
	if made:
		refresh_task(task)
	return made


def refresh_task(task: str) -> None:
	"""The task's status, progress and completion day, from its shares (none: left alone)."""
	shares = shares_of(task)
	if not shares:
		return
	status = shared_status([s.status for s in shares])
	done = [s.completed_on for s in shares if s.completed_on]
	frappe.db.set_value(
		"Plan Task",
		task,
		{
			"status": status,
			"progress": shared_progress([(s.progress, s.weight) for s in shares]),
			"completed_on": max(done) if status == "Done" and done else None,
		},
		update_modified=False,
	)


@frappe.whitelist(methods=["POST"])
def share_task(task: str, agencies: list[str] | str) -> list[str]:
	"""Share a task among more agencies (joint leads): one share for each agency not yet on
	it. Returns the shares made. Plan Coordinators only."""
	frappe.only_for(["Plan Coordinator", "System Manager"])
	frappe.has_permission("Plan Task", "write", doc=task, throw=True)
	agencies = frappe.parse_json(agencies) if isinstance(agencies, str) else agencies
	for agency in agencies:
		if not frappe.db.exists("Agency", agency):
			frappe.throw(_("{0} is not an agency of the register.").format(agency))
	return add_shares(task, list(agencies))


@frappe.whitelist(methods=["POST"])
def remove_share(assignment: str) -> None:
	"""Remove an agency's share of a task, unless it has started (its history is kept).
	Plan Coordinators only."""
	frappe.only_for(["Plan Coordinator", "System Manager"])
	doc = frappe.get_doc("Plan Task Assignment", assignment)
	if doc.status != "Not Started" or doc.updates:
		frappe.throw(_("{0} has started its share; return it instead of removing it.").format(doc.agency))
	task = doc.plan_task
	doc.delete(ignore_permissions=True)
	refresh_task(task)


def notify_share(doc) -> None:
	"""Assign the share to its agency's focal points (their ToDo)."""
	assign_to_agency("Plan Task Assignment", doc.name, doc.agency, doc.task_title or doc.plan_task)
