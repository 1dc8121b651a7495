"""Whitelisted methods of the Planning module."""

from __future__ import annotations

import copy

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from onestop.plan_reader.files import document_text
from onestop.plan_reader.model import PlanParseError
from onestop.planning import plan_import
from onestop.planning.plan_import import PlanImportError, import_plan_text, known_agencies, read_plan
from onestop.task_status import days_overdue


def _text_of(text: str | None, file_url: str | None) -> tuple[str, str | None]:
	"""The plan's text, pasted or read from an uploaded file; and the file's name."""
	if file_url:
		file = frappe.get_doc("File", {"file_url": file_url})
		file.check_permission("read")
		content = file.get_content()
		data = content if isinstance(content, bytes) else content.encode("utf-8")
		try:
			return document_text(data, file.file_name), file.file_name
		except PlanParseError as e:
			raise PlanImportError(e.message) from None
	if not text:
		frappe.throw(_("Attach the plan's file or paste its text."))
	return text, None


@frappe.whitelist(methods=["POST"])
def review_plan(text: str | None = None, file_url: str | None = None, year: int | None = None) -> dict:
	"""Read a plan for the coordinator's review, writing nothing.

	Returns {"plan": the structured plan (as the parser gives it, each task with "lead_agency"
	and "co_agencies": the register's Agency for each name, None where the register does not
	know the name yet), "summary": what importing it as read would change, "source_name"}.
	Plan Coordinators only. Raises PlanImportError as import_plan does."""
	frappe.only_for(["Plan Coordinator", "System Manager"])
	text, source_name = _text_of(text, file_url)
	data = read_plan(text, int(year) if year else None)
	known = known_agencies(data)
	for task in data["tasks"]:
		task["lead_agency"] = known.get(task.get("lead")) if task.get("lead") else None
		task["co_agencies"] = [known.get(c) or c for c in task.get("co") or []]
	report = plan_import.import_plan(copy.deepcopy(data), source_name=source_name, dry_run=True)
	return {"plan": data, "summary": report.summary(), "source_name": source_name}


@frappe.whitelist(methods=["POST"])
def import_reviewed_plan(
	plan: str | dict, aliases: str | list | None = None, source_name: str | None = None
) -> dict:
	"""Import a plan as the coordinator corrected it in the review grid, all or nothing.

	plan: the structured plan from review_plan, tasks corrected (lead and co-operating agencies
	as Agency names, deadline, due date) and the lines that are not tasks removed. aliases:
	[[name as the document wrote it, Agency]]: names to remember as aliases of those agencies,
	so that the next plan of the province reads them. Returns the ImportReport as a dict.
	Plan Coordinators only. Raises PlanImportError (nothing written) for an invalid task or
	an unknown Agency."""
	frappe.only_for(["Plan Coordinator", "System Manager"])
	data = copy.deepcopy(frappe.parse_json(plan))
	for task in data.get("tasks") or []:
		if "lead_agency" in task:  # the grid's choice, empty when the coordinator cleared it
			task["lead"] = task.pop("lead_agency") or None
		if "co_agencies" in task:
			task["co"] = [c for c in task.pop("co_agencies") or [] if c]
	savepoint = "onestop_reviewed_plan"
	frappe.db.savepoint(savepoint)
	try:
		for written, agency in frappe.parse_json(aliases or "[]"):
			remember_alias(written, agency)
		report = plan_import.import_plan(data, source_name=source_name)
	except Exception:
		frappe.db.rollback(save_point=savepoint)
		raise
	return {**report.as_dict(), "summary": report.summary()}


def remember_alias(written: str, agency: str) -> None:
	"""Keep `written` (a name as a plan wrote it) as an alias of `agency`."""
	written = (written or "").strip()
	if not written or not frappe.db.exists("Agency", agency):
		raise PlanImportError(_("{0} is not an agency of the register.").format(agency))
	doc = frappe.get_doc("Agency", agency)
	if written != doc.agency_name and written not in {a.alias for a in doc.aliases}:
		doc.append("aliases", {"alias": written})
		doc.save()


@frappe.whitelist(methods=["POST"])
def import_plan(
	text: str | None = None, file_url: str | None = None, dry_run: bool = False, year: int | None = None
) -> dict:
	"""Import a plan from its text (pasted) or its file (.txt, .docx, or .pdf with a text layer).

	text / file_url: the plan's text, or the URL of an uploaded File holding it.
	dry_run: true to get the report of what would change without writing. year: the plan's
	year when the document gives none. Returns the ImportReport as a dict, with "summary"
	(text). Plan Coordinators only. Raises PlanImportError (a ValidationError, nothing
	written) for a file that cannot be read (too large, not UTF-8, scanned, an old .doc) or
	text that is not a plan.
	"""
	frappe.only_for(["Plan Coordinator", "System Manager"])
	text, source_name = _text_of(text, file_url)
	report = import_plan_text(
		text, source_name=source_name, dry_run=bool(int(dry_run or 0)), year=int(year) if year else None
	)
	return {**report.as_dict(), "summary": report.summary()}


@frappe.whitelist()
def overdue_tasks(as_of: str | None = None, annual_plan: str | None = None) -> list[dict]:
	"""Plan Tasks overdue on `as_of` (default today): due before that day and not Done; a task
	shared among agencies is listed once per agency whose share is overdue (row "share").

	Only what the user may read. Returns rows of name, title, lead_agency (the share's agency
	for a share), due_date, status, days_overdue (calendar days), share, sorted by due date.
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
	shares: dict[str, list] = {}
	for share in frappe.get_list(
		"Plan Task Assignment",
		filters={"plan_task": ("in", [r.name for r in rows] or [""])},
		fields=["name", "plan_task", "agency", "status"],
		order_by="agency",
		limit_page_length=0,
	):
		shares.setdefault(share.plan_task, []).append(share)
	shared = set(  # tasks with shares, the user's or not: never listed as a whole
		frappe.get_all(
			"Plan Task Assignment",
			filters={"plan_task": ("in", [r.name for r in rows] or [""])},
			pluck="plan_task",
			distinct=True,
		)
	)
	out = []
	for row in rows:
		if row.name in shared:
			for share in shares.get(row.name, []):
				if share.status != "Done":
					out.append(
						frappe._dict(
							row,
							lead_agency=share.agency,
							status=share.status,
							share=share.name,
							days_overdue=days_overdue(getdate(row.due_date), share.status, day),
						)
					)
			continue
		row["share"] = None
		row["days_overdue"] = days_overdue(getdate(row.due_date), row.status, day)
		out.append(row)
	return out


@frappe.whitelist()
@frappe.read_only()
def overdue_count(filters: str | None = None) -> dict:
	"""Number card "Overdue Tasks": the rows of the Overdue Tasks report today (a task, or each
	overdue share of a shared task), so that the card and the report it stands for agree."""
	return {"value": len(overdue_tasks()), "fieldtype": "Int"}


@frappe.whitelist()
def task_period(filters: str | list | dict | None = None) -> dict:
	"""The period the Plan Tasks matching `filters` span, for the calendar to open on (a plan of
	another year shows nothing in today's month).

	filters: the list's filters (Frappe's list or dict form, e.g. [["Plan Task", "annual_plan",
	"=", "KH-2018-0001"]]). Only the tasks the user may read. Returns {"first": the earliest due
	date (else start date) as YYYY-MM-DD, "last": the latest due date (else start date)}; both
	None when no matching task has a date."""
	filters = frappe.parse_json(filters) if isinstance(filters, str) else filters
	(row,) = frappe.get_list(
		"Plan Task",
		filters=filters or [],
		fields=[
			"min(due_date) as first_due",
			"max(due_date) as last_due",
			"min(start_date) as first_start",
			"max(start_date) as last_start",
		],
		limit_page_length=1,
	)
	first = row.first_due or row.first_start
	last = row.last_due or row.last_start
	return {"first": str(first) if first else None, "last": str(last) if last else None}
