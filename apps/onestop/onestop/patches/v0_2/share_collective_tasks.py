"""Tasks led by a collective ("Các Sở, ban, ngành", "UBND cấp huyện") get one share per member
agency (Plan Task Assignment). The task's own updates stay on the task as its history; the
shares start Not Started, and the task's status then follows them."""

import frappe

from onestop.planning.assignments import sync_assignments


def execute():
	collectives = frappe.get_all("Agency", filters={"kind": "Collective"}, pluck="name")
	for task in frappe.get_all(
		"Plan Task", filters={"lead_agency": ("in", collectives or [""])}, pluck="name"
	):
		sync_assignments(task)
