"""Progress and evidence of a plan task, appended one row at a time.

A progress update or a piece of evidence is added by a whitelisted method that inserts its row
alone, under a lock on the task's row, and stamps who and when on the server. No whole-document
save is involved, so two officers recording progress never reject each other ("modified after
you opened it"), and nobody rewrites the history: saving the task through the document API
keeps its stored rows (PlanTask.keep_history).
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import cint, flt, getdate, now_datetime, nowdate, strip_html

from onestop.core.db import lock, retry_deadlock
from onestop.core.permissions import is_restricted
from onestop.task_status import latest_progress

NOTE_LIMIT = 2000  # characters of a progress note
DESCRIPTION_LIMIT = 140


class ProgressError(frappe.ValidationError):
	"""A progress update or evidence the task cannot take."""


def clean_text(value, label: str, limit: int, *, required: bool) -> str:
	"""Plain text from a client: tags stripped, spaces trimmed, at most `limit` characters.
	Raises ProgressError when required and empty, or too long."""
	text = strip_html(str(value or "")).strip()
	if required and not text:
		frappe.throw(_("{0} is required.").format(_(label)), ProgressError)
	if len(text) > limit:
		frappe.throw(_("{0} is longer than {1} characters.").format(_(label), limit), ProgressError)
	return text


def parse_percent(value) -> float | None:
	"""A progress figure from a client: None when not given, else a number from 0 to 100.
	Raises ProgressError for anything else ("abc", -50, 150)."""
	if value in (None, ""):
		return None
	try:
		number = float(value)
	except (TypeError, ValueError):
		frappe.throw(_("Progress must be a number from 0 to 100."), ProgressError)
	if not 0 <= number <= 100:
		frappe.throw(_("Progress must be a number from 0 to 100."), ProgressError)
	return number


def open_for(task: str, doctype: str = "Plan Task") -> str:
	"""Check that the user may add to `task` (a Plan Task or an agency's share, Plan Task
	Assignment) now; returns its status. Its row is locked until the request ends, so
	concurrent additions to one record queue one behind the other."""
	frappe.has_permission(doctype, "write", doc=task, throw=True)
	lock(doctype, task)
	status = frappe.db.get_value(doctype, task, "status", for_update=True)
	if status in ("Submitted", "Done") and is_restricted():
		frappe.throw(
			_("This task is {0}; only the plan coordinator can change it now.").format(_(status)),
			ProgressError,
		)
	return status


def next_idx(task: str, parentfield: str, parenttype: str = "Plan Task") -> int:
	table = "Plan Task Update" if parentfield == "updates" else "Plan Task Evidence"
	last = frappe.db.sql(
		f"select max(idx) from `tab{table}` where parent = %s and parenttype = %s and parentfield = %s",
		(task, parenttype, parentfield),
	)[0][0]
	return cint(last) + 1


def insert_row(task: str, parentfield: str, values: dict, parenttype: str = "Plan Task") -> str:
	"""Insert one row of a record's updates or evidence (the record's row is locked)."""
	doctype = "Plan Task Update" if parentfield == "updates" else "Plan Task Evidence"
	row = frappe.get_doc(
		{
			"doctype": doctype,
			"parent": task,
			"parenttype": parenttype,
			"parentfield": parentfield,
			"idx": next_idx(task, parentfield, parenttype),
			**values,
		}
	)
	row.db_insert()
	return row.name


def attach_file(task: str, file_url: str, doctype: str = "Plan Task") -> str:
	"""Attach to `task` (a Plan Task, or a share: Plan Task Assignment) a file the user has just
	uploaded (their own, not attached elsewhere); returns its URL. Frappe stores identical
	contents once, so several File records (of several users) may share one URL: the user's own
	unattached one is taken. Raises ProgressError for a file that is not theirs to give."""
	files = frappe.get_all(
		"File",
		filters={"file_url": file_url},
		fields=["name", "owner", "attached_to_doctype", "attached_to_name"],
		order_by="creation desc",
	)
	if not files:
		frappe.throw(_("The file {0} was not uploaded.").format(file_url), ProgressError)
	if any(f.attached_to_doctype == doctype and f.attached_to_name == task for f in files):
		return file_url
	mine = next((f for f in files if f.owner == frappe.session.user and not f.attached_to_doctype), None)
	if not mine:
		frappe.throw(_("The file {0} cannot be attached to this task.").format(file_url), ProgressError)
	frappe.db.set_value(
		"File",
		mine.name,
		{"attached_to_doctype": doctype, "attached_to_name": task, "attached_to_field": "evidence"},
	)
	return file_url


def refresh_progress(task: str, doctype: str = "Plan Task") -> float | None:
	"""The record's progress is the latest update's figure (task_status.latest_progress); a
	task shared among agencies takes its progress from their shares instead, and a share's
	progress moves its task's."""
	from onestop.planning.assignments import refresh_task, shares_of

	if doctype == "Plan Task" and shares_of(task):
		return frappe.db.get_value("Plan Task", task, "progress")
	rows = frappe.get_all(
		"Plan Task Update",
		filters={"parent": task, "parenttype": doctype},
		fields=["update_date", "idx", "progress"],
	)
	progress = latest_progress([(getdate(r.update_date), r.idx, r.progress) for r in rows])
	if progress is not None:
		frappe.db.set_value(doctype, task, "progress", progress, update_modified=False)
	if doctype == "Plan Task Assignment":
		refresh_task(frappe.db.get_value(doctype, task, "plan_task"))
	return progress


def _add(doctype: str, name: str, note, progress, attachment, description) -> dict:
	note = clean_text(note, "Note", NOTE_LIMIT, required=True)
	figure = parse_percent(progress)
	open_for(name, doctype)
	user = frappe.session.user
	update = insert_row(
		name,
		"updates",
		{"update_date": nowdate(), "progress": figure, "note": note, "updated_by": user},
		doctype,
	)
	evidence = None
	if attachment:
		evidence = insert_row(
			name,
			"evidence",
			{
				"attachment": attach_file(name, attachment, doctype),
				"description": clean_text(description, "Description", DESCRIPTION_LIMIT, required=False),
				"added_by": user,
			},
			doctype,
		)
	current = refresh_progress(name, doctype)
	comment = _("Progress recorded: {0}").format(f"{flt(figure):g}% — {note}" if figure is not None else note)
	frappe.get_doc(doctype, name).add_comment("Info", comment[:NOTE_LIMIT])
	return {"progress": current, "update": update, "evidence": evidence, "at": str(now_datetime())}


@frappe.whitelist(methods=["POST"])
@retry_deadlock
def add_progress(
	task: str,
	note: str,
	progress: float | str | None = None,
	attachment: str | None = None,
	description: str | None = None,
) -> dict:
	"""Record progress on a plan task: a dated note with an optional figure, and optionally a
	piece of evidence uploaded with it, in one step. (A co-operating agency records its
	contribution this way without owning the task's status.)

	task: the Plan Task's name. note: what was done (plain text, at most 2,000 characters).
	progress: percent done, 0–100 (optional). attachment: the URL of a File the user has just
	uploaded (optional), with its description (at most 140 characters).
	Returns {"progress": the task's progress after the update, "update": the row's name,
	"evidence": the evidence row's name or None}.
	Raises frappe.PermissionError for a task the user cannot update, ProgressError (HTTP 417)
	for a task under review (Submitted or Done: the coordinator's) or bad input.
	"""
	return _add("Plan Task", task, note, progress, attachment, description)


@frappe.whitelist(methods=["POST"])
@retry_deadlock
def add_share_progress(
	assignment: str,
	note: str,
	progress: float | str | None = None,
	attachment: str | None = None,
	description: str | None = None,
) -> dict:
	"""Record progress on an agency's share of a plan task (Plan Task Assignment), as
	add_progress does on a task; the task's progress follows its shares'. Raises as
	add_progress does."""
	return _add("Plan Task Assignment", assignment, note, progress, attachment, description)


@frappe.whitelist(methods=["POST"])
@retry_deadlock
def add_evidence(task: str, attachment: str, description: str | None = None) -> dict:
	"""Add a piece of evidence (a file the user has just uploaded) to a plan task.

	Returns {"evidence": the row's name}. Raises as add_progress does."""
	open_for(task)
	row = insert_row(
		task,
		"evidence",
		{
			"attachment": attach_file(task, attachment),
			"description": clean_text(description, "Description", DESCRIPTION_LIMIT, required=False),
			"added_by": frappe.session.user,
		},
	)
	return {"evidence": row}
