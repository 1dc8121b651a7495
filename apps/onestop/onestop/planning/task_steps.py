"""The steps of the Plan Task workflow, shared by a plan task and by each agency's share of one
(Plan Task Assignment): what each step requires and records, and the history they keep.

Who may take which step is the Workflow's (fixtures/workflow.json); this module adds what the
Workflow cannot say: only the agency in charge submits, a return gives its reason (kept in the
updates), Done stamps the day, and a submitted or done record is the coordinator's to change.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from onestop.core.permissions import is_restricted
from onestop.core.rules import check_head_submits
from onestop.task_status import latest_progress


class TaskStateError(frappe.ValidationError):
	"""A change the task's state does not allow (editing a submitted task, returning without a reason)."""


def keep_history(doc) -> None:
	"""Progress updates and evidence are appended by onestop.planning.progress, stamped by the
	server; a save through the document API (the form, REST, a workflow action) keeps the stored
	rows and completed_on as they are, whatever the client sent. A new record's rows are stamped
	with the user and the day that create them."""
	before = doc.get_doc_before_save()
	if not before:
		for row in doc.updates:
			row.updated_by, row.update_date = frappe.session.user, nowdate()
		for row in doc.evidence:
			row.added_by = frappe.session.user
		doc.completed_on = None
		return
	doc.set("updates", [row.as_dict() for row in before.updates])
	doc.set("evidence", [row.as_dict() for row in before.evidence])
	doc.completed_on = before.completed_on


def progress_of_updates(doc) -> float:
	"""The latest update's figure (100 once Done)."""
	progress = latest_progress([(getdate(r.update_date), r.idx, r.progress) for r in doc.updates])
	return 100 if doc.status == "Done" else (progress or 0)


def apply_step(doc, in_charge: bool, agency: str | None) -> None:
	"""What the step taken on `doc` (a Plan Task or a Plan Task Assignment) requires and
	records. in_charge: the user acts for the agency in charge (`agency`). Raises
	TaskStateError."""
	before = doc.get_doc_before_save()
	old = before.status if before else None
	new = doc.status
	if old == new:
		if new in ("Submitted", "Done") and is_restricted():
			frappe.throw(
				_("This task is {0}; only the plan coordinator can change it now.").format(_(new)),
				TaskStateError,
			)
		return
	if new == "Submitted":
		check_head_submits()
	if new == "Submitted" and not in_charge:
		frappe.throw(
			_("Only the lead agency ({0}) submits this task.").format(agency or _("not set")), TaskStateError
		)
	if new == "Returned":
		reason = (doc.return_reason or "").strip()
		if not reason:
			frappe.throw(_("Give the reason for returning the task."), TaskStateError)
		doc.append(
			"updates",
			{
				"update_date": nowdate(),
				"progress": doc.progress,
				"note": _("Returned: {0}").format(reason),
				"updated_by": frappe.session.user,
			},
		)
	if old == "Returned":
		doc.return_reason = None
	if new == "Done":
		doc.completed_on = nowdate()
		doc.progress = 100
	elif old == "Done":
		doc.completed_on = None
