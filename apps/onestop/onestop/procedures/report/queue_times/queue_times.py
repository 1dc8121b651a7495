# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.utils import getdate

from onestop.core import clock
from onestop.procedures.queue_stats import GROUPS, queue_figures, ticket_times

MAX_DAYS = 366


def execute(filters=None):
	"""Waiting and service times per counter and field (Decision 766/QĐ-TTg: the time citizens
	spend at the centre): tickets, called, done, no-shows, still waiting; average and 90th
	percentile of the waiting (called − taken) and of the service (done − started), in minutes.

	filters: from_date, to_date (ticket dates, inclusive; default today; at most MAX_DAYS days),
	group_by ("Counter and Field", "Counter", "Procedure Field"), counter, field."""
	filters = frappe._dict(filters or {})
	today = clock.now().date()
	start, end = getdate(filters.from_date or today), getdate(filters.to_date or today)
	if end < start:
		frappe.throw(_("The end date is before the start date."))
	if (end - start).days >= MAX_DAYS:
		frappe.throw(_("Choose at most {0} days.").format(MAX_DAYS))
	group_by = filters.group_by or "Counter and Field"
	rows = queue_figures(ticket_times(start, end, filters.counter, filters.field), group_by)
	keys = GROUPS[group_by]
	chart = {
		"data": {
			"labels": [" · ".join(str(r.get(k) or _("Not called yet")) for k in keys) for r in rows],
			"datasets": [
				{"name": _("Average Waiting (minutes)"), "values": [r["waiting_avg"] or 0 for r in rows]}
			],
		},
		"type": "bar",
		"colors": ["#1f4e8c"],
	}
	called = [r for r in rows if r["called"]]
	summary = [
		{
			"label": _("Tickets"),
			"value": sum(r["tickets"] for r in rows),
			"datatype": "Int",
			"indicator": "Blue",
		},
		{
			"label": _("Served"),
			"value": sum(r["done"] for r in rows),
			"datatype": "Int",
			"indicator": "Green",
		},
		{
			"label": _("No-shows"),
			"value": sum(r["no_shows"] for r in rows),
			"datatype": "Int",
			"indicator": "Orange",
		},
		{
			"label": _("Longest Average Waiting (minutes)"),
			"value": max((r["waiting_avg"] for r in called if r["waiting_avg"] is not None), default=0),
			"datatype": "Float",
			"indicator": "Red",
		},
	]
	return columns(keys), rows, None, chart, summary


def columns(keys: tuple[str, ...]) -> list[dict]:
	cols = []
	if "counter" in keys:
		cols.append(
			{
				"fieldname": "counter",
				"label": _("Counter"),
				"fieldtype": "Link",
				"options": "Service Counter",
				"width": 140,
			}
		)
	if "field" in keys:
		cols.append(
			{
				"fieldname": "field",
				"label": _("Procedure Field"),
				"fieldtype": "Link",
				"options": "Procedure Field",
				"width": 220,
			}
		)
	minutes = {"fieldtype": "Float", "precision": 1, "width": 130}
	return [
		*cols,
		{"fieldname": "tickets", "label": _("Tickets"), "fieldtype": "Int", "width": 90},
		{"fieldname": "called", "label": _("Called"), "fieldtype": "Int", "width": 90},
		{"fieldname": "done", "label": _("Served"), "fieldtype": "Int", "width": 90},
		{"fieldname": "no_shows", "label": _("No-shows"), "fieldtype": "Int", "width": 100},
		{"fieldname": "waiting", "label": _("Still Waiting"), "fieldtype": "Int", "width": 110},
		{"fieldname": "waiting_avg", "label": _("Average Waiting (minutes)"), **minutes},
		{"fieldname": "waiting_p90", "label": _("90% Waited at Most (minutes)"), **minutes},
		{"fieldname": "service_avg", "label": _("Average Service (minutes)"), **minutes},
		{"fieldname": "service_p90", "label": _("90% Served Within (minutes)"), **minutes},
	]
