"""Whitelisted actions on dossiers beyond the workflow's buttons."""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import get_datetime

from onestop.core.assignment import assign_to_agency
from onestop.core.clock import now
from onestop.core.permissions import acts_for


@frappe.whitelist(methods=["POST"])
def complete_stage(name: str, note: str | None = None) -> dict:
	"""Finish the dossier's current stage and hand it to the next one.

	The user must act for the stage's agency (or see every dossier). A late dossier needs its
	apology first (LateDossierError). Returns {"stage": the next stage's name or None,
	"assigned": the users now assigned}.
	"""
	doc = frappe.get_doc("Dossier", name)
	doc.check_permission("write")
	if doc.status != "Processing":
		frappe.throw(_("Stages are handed on while the dossier is being processed."))
	current = doc.current_stage()
	if not current:
		frappe.throw(_("Every stage of this dossier is done."))
	if not acts_for(current.agency):
		frappe.throw(_("Only {0} hands on this stage.").format(current.agency), frappe.PermissionError)
	moment = now()
	doc.require_apology_if_late(moment)
	following = doc.complete_current_stage(moment, note)
	doc.save()
	assigned = []
	if following:
		assigned = assign_to_agency(
			"Dossier", doc.name, following.agency, _("{0}: stage {1}").format(doc.name, following.stage_name)
		)
	return {"stage": following.stage_name if following else None, "assigned": assigned}


@frappe.whitelist(methods=["POST"])
def issue_apology(name: str, reason: str, new_due_at: str, extension_requested: bool = False) -> dict:
	"""Record the apology and new appointment of a late dossier (form 04 of both circulars;
	under Circular 03/2025 it also asks to extend the processing time).

	reason: why the dossier is late. new_due_at: the new appointment (a datetime after now).
	Returns {"apology_issued_at", "new_due_at"}. The dossier's appointment stays: it is still
	counted late against it.
	"""
	doc = frappe.get_doc("Dossier", name)
	doc.check_permission("write")
	if doc.status not in ("Received", "Processing", "Supplement Requested"):
		frappe.throw(_("An apology is issued while the dossier is still open."))
	if not (reason or "").strip():
		frappe.throw(_("Give the reason for the delay."))
	moment = now()
	if get_datetime(new_due_at) <= moment:
		frappe.throw(_("The new appointment must be later than now."))
	doc.apology_reason = reason.strip()
	doc.apology_issued_at = moment
	doc.new_due_at = get_datetime(new_due_at)
	doc.extension_requested = 1 if int(extension_requested or 0) else 0
	doc.save()
	return {"apology_issued_at": doc.apology_issued_at, "new_due_at": doc.new_due_at}
