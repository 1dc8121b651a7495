"""Whitelisted methods of the Planning module."""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from onestop.planning.plan_import import import_plan_text
from onestop.task_status import days_overdue


@frappe.whitelist(methods=["POST"])
def import_plan(text: str | None = None, file_url: str | None = None, dry_run: bool = False) -> dict:
	"""Import a plan from its text (pasted, or an attached UTF-8 file).

	text / file_url: the plan's text, or the URL of an uploaded File holding it.
	dry_run: true to get the report of what would change without writing.
	Returns the ImportReport as a dict, with "summary" (text). Plan Coordinators only.
	Raises PlanImportError (a ValidationError, nothing written) for text that is not a plan.
	"""
	frappe.only_for(["Plan Coordinator", "System Manager"])
	source_name = None
	if file_url:
		file = frappe.get_doc("File", {"file_url": file_url})
		file.check_permission("read")
		content = file.get_content()
		try:
			text = content.decode("utf-8") if isinstance(content, bytes) else content
		except UnicodeDecodeError:
			frappe.throw(_("{0} is not UTF-8 text.").format(file.file_name))
		source_name = file.file_name
	if not text:
		frappe.throw(_("Attach the plan's file or paste its text."))
	report = import_plan_text(text, source_name=source_name, dry_run=bool(int(dry_run or 0)))
	return {**report.as_dict(), "summary": report.summary()}


@frappe.whitelist()
def overdue_tasks(as_of: str | None = None, annual_plan: str | None = None) -> list[dict]:
	"""Plan Tasks overdue on `as_of` (default today): due before that day and not Done.

	Only tasks the user may read. Returns rows of name, title, lead_agency, due_date, status,
	days_overdue (calendar days), sorted by due date.
	"""
	day = getdate(as_of or nowdate())
	filters = [["due_date", "is", "set"], ["due_date", "<", day], ["status", "!=", "Done"]]
	if annual_plan:
		filters.append(["annual_plan", "=", annual_plan])
	rows = frappe.get_list(
		"Plan Task",
		filters=filters,
		fields=["name", "title", "lead_agency", "due_date", "status"],
		order_by="due_date asc",
		limit_page_length=0,
	)
	for row in rows:
		row["days_overdue"] = days_overdue(getdate(row.due_date), row.status, day)
	return rows
