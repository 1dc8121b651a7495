# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt
"""Plan progress by quarter or by lead agency on a chosen day: tasks done on time, done late,
overdue, in progress and not started, and the share done on time (onestop.task_status.standing).
A task led by a collective counts as its departments' shares (Plan Task Assignment): by lead
agency each share under its own agency; by quarter the task once for whoever reads all its
shares, an agency's own shares for its officers. Only what the user may read is counted (an
agency officer sees their agency's)."""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from onestop.dossier_timing import percent
from onestop.task_status import STANDINGS, standing

GROUPS = {"Quarter": "quarter", "Lead Agency": "lead_agency"}


def execute(filters: dict | None = None):
	"""filters: annual_plan (optional), as_of (date, today by default), group_by ("Quarter" or
	"Lead Agency"). Returns columns, rows, None, a bar chart of the standings, a summary."""
	filters = frappe._dict(filters or {})
	as_of = getdate(filters.as_of or nowdate())
	field = GROUPS.get(filters.group_by or "Quarter", "quarter")
	rows = progress(as_of, field, filters.annual_plan)
	for row in rows:  # the tasks without a deadline (or lead) get a named row of their own
		row["unset"] = int(not row["group"])
		row["label"] = row["group"] or (_("No Deadline") if field == "quarter" else _("No Lead Agency"))
	return columns(filters.group_by or "Quarter"), rows, None, chart(rows), summary(rows)


def progress(as_of, field: str, annual_plan: str | None = None) -> list[dict]:
	"""One row per quarter (or lead agency) on `as_of`: how many tasks (row "tasks"), how
	many of them are agencies' shares of a task (row "shares") and their standings
	(onestop.task_status.standing), counted over work_items; row "names" gives, for "tasks"
	and each standing, the Plan Tasks counted (a share's task for a share). Only what the user
	may read."""
	groups: dict[str, dict] = {}
	for item in work_items(field, annual_plan):
		key = item.get(field) or ""
		row = groups.setdefault(key, {"group": key, "tasks": 0, "shares": 0, **dict.fromkeys(STANDINGS, 0)})
		row["tasks"] += 1
		row["shares"] += int(bool(item.get("share")))
		where = standing(item.due_date, item.status, item.completed_on, as_of)
		row[where] += 1
		names = row.setdefault("names", {"tasks": []})  # what each count opens (a share: its task)
		names["tasks"].append(item.name)
		names.setdefault(where, []).append(item.name)
	rows = sorted(groups.values(), key=lambda r: (r["group"] == "", r["group"]))
	for row in rows:
		row["on_time_rate"] = percent(row["done_on_time"], row["tasks"]) or 0
	return rows


def work_items(field: str, annual_plan: str | None = None) -> list[frappe._dict]:
	"""What the report counts: each task the user may read, except that a task shared among
	agencies (Plan Task Assignment) counts as its agencies' shares where they are what the
	user reads or what the grouping asks for.

	field: "lead_agency" counts every share the user may read under its own agency (the task
	itself, led by a collective, is not counted beside them); "quarter" counts a shared task
	once, by its derived status, for a user who reads all its shares (the coordinator, the
	leadership), and a department's own shares one by one for a user who reads only some (an
	agency officer sees where their agency's share stands, not the task's). Each item has
	name, status, due_date, completed_on, quarter, lead_agency (a share's: its agency) and
	share (the share's name, None for a task)."""
	task_filters = {"annual_plan": annual_plan} if annual_plan else {}
	tasks = frappe.get_list(
		"Plan Task",
		filters=task_filters,
		fields=["name", "status", "due_date", "completed_on", "quarter", "lead_agency"],
		limit_page_length=0,
	)
	names = [t.name for t in tasks] or [""]
	counts = dict(
		frappe.get_all(
			"Plan Task Assignment",
			filters={"plan_task": ("in", names)},
			fields=["plan_task", "count(name) as shares"],
			group_by="plan_task",
			as_list=True,
		)
	)
	readable: dict[str, list] = {}
	for share in frappe.get_list(
		"Plan Task Assignment",
		filters={"plan_task": ("in", names)},
		fields=["name", "plan_task", "agency", "status", "due_date", "completed_on", "quarter"],
		order_by="agency",
		limit_page_length=0,
	):
		readable.setdefault(share.plan_task, []).append(share)
	items = []
	for task in tasks:
		shares = readable.get(task.name, [])
		whole = field != "lead_agency" and len(shares) == counts.get(task.name, 0)
		if not counts.get(task.name) or whole or not shares:  # e.g. a co-operating agency's officer
			items.append(frappe._dict(task, share=None))
			continue
		items.extend(
			frappe._dict(
				name=task.name,
				share=s.name,
				status=s.status,
				due_date=s.due_date or task.due_date,
				completed_on=s.completed_on,
				quarter=s.quarter or task.quarter,
				lead_agency=s.agency,
			)
			for s in shares
		)
	return items


def columns(group_by: str) -> list[dict]:
	group = {"fieldname": "label", "label": _(group_by), "fieldtype": "Data", "width": 220}
	counts = [
		("tasks", _("Tasks")),
		("shares", _("Of Which Agencies' Shares")),
		("done_on_time", _("Done On Time")),
		("done_late", _("Done Late")),
		("overdue", _("Overdue")),
		("in_progress", _("In Progress")),
		("not_started", _("Not Started")),
	]
	return [
		group,
		*({"fieldname": f, "label": label, "fieldtype": "Int", "width": 110} for f, label in counts),
		{"fieldname": "on_time_rate", "label": _("% Done On Time"), "fieldtype": "Percent", "width": 120},
	]


def chart(rows: list[dict]) -> dict:
	return {
		"data": {
			"labels": [r["group"] or _("No Deadline") for r in rows],
			"datasets": [
				{"name": _("Done On Time"), "values": [r["done_on_time"] for r in rows]},
				{"name": _("Done Late"), "values": [r["done_late"] for r in rows]},
				{"name": _("Overdue"), "values": [r["overdue"] for r in rows]},
				{"name": _("In Progress"), "values": [r["in_progress"] for r in rows]},
				{"name": _("Not Started"), "values": [r["not_started"] for r in rows]},
			],
		},
		"type": "bar",
		"barOptions": {"stacked": 1},
		"colors": ["#29CD42", "#ECAD4B", "#E24C4C", "#2490EF", "#B8C2CC"],
	}


def summary(rows: list[dict]) -> list[dict]:
	total = sum(r["tasks"] for r in rows)
	on_time = sum(r["done_on_time"] for r in rows)
	return [
		{"label": _("Tasks"), "value": total, "datatype": "Int"},
		{"label": _("Done On Time"), "value": on_time, "datatype": "Int", "indicator": "Green"},
		{
			"label": _("Overdue"),
			"value": sum(r["overdue"] for r in rows),
			"datatype": "Int",
			"indicator": "Red",
		},
		{
			"label": _("% Done On Time"),
			"value": percent(on_time, total) or 0,
			"datatype": "Percent",
		},
	]
