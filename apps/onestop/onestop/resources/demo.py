"""Demo resources (fixtures/resources/*.json): service counters, civil servants, budget lines,
secondments, a training course, a uniform issue and the headquarters project, each linked to
the plan task it serves.

Every record is made through its controller and, for Budget Line and Staff Secondment,
brought to its state through the real Workflow, so the budget checks, the charges and the
milestone figures are the ones the desk computes. Records are found again by their natural
keys (counter name; officer name; budget line title and year; officer and
dates; course title; officer and issue date; project name): loading twice adds nothing.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.model.workflow import apply_workflow

# the Workflow actions that bring a new record to each state (Administrator holds every role)
BUDGET_PATH = {
	"Draft": [],
	"Submitted": ["Submit"],
	"Under Finance Review": ["Submit", "Start Review"],
	"Returned": ["Submit", "Return"],
	"Approved": ["Submit", "Start Review", "Approve"],
	"Allocated": ["Submit", "Start Review", "Approve", "Allocate"],
}
SECONDMENT_PATH = {
	"Proposed": [],
	"Approved": ["Approve"],
	"Active": ["Approve", "Start Secondment"],
	"Ended": ["Approve", "Start Secondment", "End Secondment"],
}


def load_resources(data: dict) -> dict[str, int]:
	"""Make the records of one resources fixture that are not there yet.

	data: the fixture's JSON (see fixtures/README.md). Returns {DocType: records made}.
	Raises frappe.ValidationError (translated) when a named agency, plan task, officer or
	budget line is missing, or when a record breaks a rule (an overspend, the uniform
	entitlement); the caller rolls back, so nothing of the file is kept.
	"""
	made: dict[str, int] = {}

	def count(doctype: str) -> None:
		made[doctype] = made.get(doctype, 0) + 1

	plan = _plan(data["plan"])
	settings = frappe.get_single("Onestop Settings")
	for field, value in (data.get("settings") or {}).items():
		if not settings.get(field):
			settings.set(field, value)
			settings.save()

	for row in data.get("service_counters", []):
		if not frappe.db.exists("Service Counter", row["counter_name"]):
			frappe.get_doc({"doctype": "Service Counter", **row}).insert()
			count("Service Counter")

	for row in data.get("civil_servants", []):
		if not _servant(row["full_name"], required=False):
			frappe.get_doc({"doctype": "Civil Servant", **row}).insert()
			count("Civil Servant")

	for row in data.get("budget_lines", []):
		if frappe.db.exists("Budget Line", {"title": row["title"], "fiscal_year": row["fiscal_year"]}):
			continue
		fields = _without(
			row, "task", "task_title", "status", "appraised_amount", "allocated_amount", "return_reason"
		)
		doc = frappe.get_doc({"doctype": "Budget Line", **fields, "plan_task": _task(plan, row)}).insert()
		for action in BUDGET_PATH[row.get("status", "Draft")]:
			if action == "Approve":
				doc.appraised_amount = row["appraised_amount"]
				doc.save()
			elif action == "Allocate":
				doc.allocated_amount = row["allocated_amount"]
				doc.save()
			elif action == "Return":
				doc.return_reason = row["return_reason"]
				doc.save()
			doc = apply_workflow(doc, action)
		count("Budget Line")

	for row in data.get("secondments", []):
		servant = _servant(row["civil_servant"])
		if frappe.db.exists("Staff Secondment", {"civil_servant": servant, "from_date": row["from_date"]}):
			continue
		fields = _without(row, "task", "task_title", "status", "civil_servant", "budget_line")
		doc = frappe.get_doc(
			{
				"doctype": "Staff Secondment",
				**fields,
				"civil_servant": servant,
				"budget_line": _line(row.get("budget_line")),
				"plan_task": _task(plan, row),
			}
		).insert()
		for action in SECONDMENT_PATH[row.get("status", "Proposed")]:
			if action == "End Secondment":
				doc.ended_on = row["to_date"]
			doc = apply_workflow(doc, action)
		count("Staff Secondment")

	for row in data.get("training_courses", []):
		if frappe.db.exists("Training Course", {"course_title": row["course_title"]}):
			continue
		fields = _without(row, "task", "task_title", "co_organisers", "participants", "budget_line")
		frappe.get_doc(
			{
				"doctype": "Training Course",
				**fields,
				"co_organisers": [{"agency": a} for a in row.get("co_organisers", [])],
				"participants": [
					{**p, "civil_servant": _servant(p["civil_servant"])} for p in row.get("participants", [])
				],
				"budget_line": _line(row.get("budget_line")),
				"plan_task": _task(plan, row),
			}
		).insert()
		count("Training Course")

	for row in data.get("uniform_issues", []):
		servant = _servant(row["civil_servant"])
		if frappe.db.exists("Uniform Issue", {"civil_servant": servant, "issue_date": row["issue_date"]}):
			continue
		fields = _without(row, "task", "task_title", "civil_servant", "budget_line")
		frappe.get_doc(
			{
				"doctype": "Uniform Issue",
				**fields,
				"civil_servant": servant,
				"budget_line": _line(row.get("budget_line")),
				"plan_task": _task(plan, row),
			}
		).insert()
		count("Uniform Issue")

	for row in data.get("construction_projects", []):
		if frappe.db.exists("Construction Project", {"project_name": row["project_name"]}):
			continue
		_project(plan, row)
		count("Construction Project")
	return made


def _project(plan: str, row: dict) -> None:
	"""The project, its milestones with their first approved (baseline) and current planned
	dates, then its payments charged to its budget line."""
	fields = _without(row, "task", "task_title", "milestones", "payments", "budget_line")
	project = frappe.get_doc(
		{"doctype": "Construction Project", **fields, "plan_task": _task(plan, row)}
	).insert()
	milestones = {}
	for m in row.get("milestones", []):
		doc = frappe.get_doc(
			{
				"doctype": "Construction Milestone",
				"project": project.name,
				**_without(m, "baseline", "planned", "actual"),
				"baseline_start": m["baseline"][0],
				"baseline_end": m["baseline"][1],
				"planned_start": m["planned"][0],
				"planned_end": m["planned"][1],
				"actual_start": (m.get("actual") or [None, None])[0],
				"actual_end": (m.get("actual") or [None, None])[1],
			}
		).insert()
		milestones[m["milestone_name"]] = doc.name
	project.reload()
	project.baseline_set_on = (
		min(m["baseline"][0] for m in row["milestones"]) if row.get("milestones") else None
	)
	project.budget_line = _line(row.get("budget_line"))
	for p in row.get("payments", []):
		project.append("payments", {**p, "milestone": milestones.get(p.get("milestone"))})
	project.save()


def _plan(number: str) -> str:
	name = frappe.db.get_value("Annual Plan", {"plan_number": number})
	if not name:
		frappe.throw(_("Plan {0} is not on the site: import it first.").format(number))
	return name


def _task(plan: str, row: dict) -> str | None:
	"""The plan's task with the row's section reference (and title start, when several)."""
	if not row.get("task"):
		return None
	tasks = frappe.get_all(
		"Plan Task",
		filters={"annual_plan": plan, "ref": row["task"]},
		fields=["name", "title"],
		order_by="name asc",
	)
	tasks = [t for t in tasks if t.title.startswith(row.get("task_title", ""))]
	if not tasks:
		frappe.throw(_("Plan {0} has no task {1} {2}.").format(plan, row["task"], row.get("task_title", "")))
	return tasks[0].name


def _servant(full_name: str, required: bool = True) -> str | None:
	name = frappe.db.get_value("Civil Servant", {"full_name": full_name})
	if not name and required:
		frappe.throw(_("No civil servant named {0}.").format(full_name))
	return name


def _line(title: str | None) -> str | None:
	if not title:
		return None
	name = frappe.db.get_value("Budget Line", {"title": title})
	if not name:
		frappe.throw(_("No budget line titled {0}.").format(title))
	return name


def _without(row: dict, *keys: str) -> dict:
	return {k: v for k, v in row.items() if k not in keys}
