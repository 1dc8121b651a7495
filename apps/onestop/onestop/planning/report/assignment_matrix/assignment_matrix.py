# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt
"""The coordinator's matrix: a plan's shared tasks × the agencies sharing them, each cell the
agency's share (status, days late) opening that share."""

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from onestop.task_status import days_overdue


def execute(filters=None):
	"""filters: annual_plan (required), quarter (Q1–Q4), collective (an Agency of kind
	Collective: its tasks and members only). Rows: the plan's tasks that have shares; columns:
	task, title, due date, then one per agency, each cell "status|days late|share name" (the
	.js draws it). Only the shares the user may read are shown."""
	filters = frappe._dict(filters or {})
	if not filters.annual_plan:
		return columns([]), [], _("Choose a plan."), None, []
	task_filters = {"annual_plan": filters.annual_plan}
	if filters.quarter:
		task_filters["quarter"] = filters.quarter
	if filters.collective:
		task_filters["lead_agency"] = filters.collective
	tasks = frappe.get_list(
		"Plan Task",
		filters=task_filters,
		fields=["name", "ref", "title", "due_date", "status"],
		order_by="ref, name",
		limit_page_length=0,
	)
	shares = frappe.get_list(
		"Plan Task Assignment",
		filters={"plan_task": ("in", [t.name for t in tasks] or [""])},
		fields=["name", "plan_task", "agency", "status", "due_date"],
		limit_page_length=0,
	)
	agencies = sorted({s.agency for s in shares})
	index = {a: i for i, a in enumerate(agencies)}
	today = getdate(nowdate())
	by_task: dict[str, dict] = {}
	counts = {"Submitted": 0, "Done": 0, "overdue": 0}
	for share in shares:
		late = days_overdue(getdate(share.due_date) if share.due_date else None, share.status, today)
		by_task.setdefault(share.plan_task, {})[f"a{index[share.agency]}"] = (
			f"{share.status}|{late}|{share.name}"
		)
		counts[share.status] = counts.get(share.status, 0) + 1
		counts["overdue"] += 1 if late else 0
	rows = [
		{
			"task": t.name,
			"ref": t.ref,
			"title": t.title,
			"due_date": t.due_date,
			"status": t.status,
			**by_task[t.name],
		}
		for t in tasks
		if t.name in by_task
	]
	summary = [
		{"label": _("Shares"), "value": len(shares), "datatype": "Int", "indicator": "Blue"},
		{
			"label": _("Awaiting Acceptance"),
			"value": counts["Submitted"],
			"datatype": "Int",
			"indicator": "Orange",
		},
		{"label": _("Done"), "value": counts["Done"], "datatype": "Int", "indicator": "Green"},
		{"label": _("Overdue"), "value": counts["overdue"], "datatype": "Int", "indicator": "Red"},
	]
	return columns(agencies), rows, None, None, summary


def columns(agencies: list[str]) -> list[dict]:
	short = dict(
		frappe.get_all(
			"Agency", filters={"name": ("in", agencies or [""])}, fields=["name", "short_name"], as_list=True
		)
	)
	return [
		{
			"label": _("Plan Task"),
			"fieldname": "task",
			"fieldtype": "Link",
			"options": "Plan Task",
			"width": 120,
		},
		{"label": _("Reference"), "fieldname": "ref", "fieldtype": "Data", "width": 80},
		{"label": _("Title"), "fieldname": "title", "fieldtype": "Data", "width": 260},
		{"label": _("Due Date"), "fieldname": "due_date", "fieldtype": "Date", "width": 100},
		{"label": _("Status"), "fieldname": "status", "fieldtype": "Data", "width": 110},
		*(
			{"label": short.get(a) or a, "fieldname": f"a{i}", "fieldtype": "Data", "width": 120}
			for i, a in enumerate(agencies)
		),
	]
