# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt
"""Plan tasks overdue on a chosen day (due before it and not Done), oldest first, with their
lead agency and the days overdue; a task shared among agencies once per agency whose share is
overdue. Each row opens its task, and its share (onestop.planning.api.overdue_tasks).
"""

from __future__ import annotations

import frappe
from frappe import _

from onestop.planning.api import overdue_tasks


def execute(filters: dict | None = None):
	"""filters: as_of (date, today by default), annual_plan and lead_agency (optional)."""
	filters = frappe._dict(filters or {})
	rows = overdue_tasks(filters.as_of, filters.annual_plan)
	if filters.lead_agency:
		rows = [r for r in rows if r.lead_agency == filters.lead_agency]
	columns = [
		{
			"fieldname": "name",
			"label": _("Plan Task"),
			"fieldtype": "Link",
			"options": "Plan Task",
			"width": 130,
		},
		{"fieldname": "title", "label": _("Title"), "fieldtype": "Data", "width": 360},
		{
			"fieldname": "lead_agency",
			"label": _("Lead Agency"),
			"fieldtype": "Link",
			"options": "Agency",
			"width": 200,
		},
		{
			"fieldname": "share",
			"label": _("Agency's Share"),
			"fieldtype": "Link",
			"options": "Plan Task Assignment",
			"width": 120,
		},
		{"fieldname": "due_date", "label": _("Due Date"), "fieldtype": "Date", "width": 100},
		{"fieldname": "status", "label": _("Status"), "fieldtype": "Data", "width": 110},
		{"fieldname": "days_overdue", "label": _("Days Overdue"), "fieldtype": "Int", "width": 110},
	]
	for row in rows:
		status = row.status  # a workflow state, translated with the app's states
		row["status"] = _(status)
	return columns, rows
