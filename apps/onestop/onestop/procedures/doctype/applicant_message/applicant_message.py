# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

import frappe
from frappe.model.document import Document


class ApplicantMessage(Document):
	"""One SMS or e-mail to a dossier's applicant (onestop.procedures.messages writes and sends
	them; nobody creates or edits one by hand)."""

	pass


def on_doctype_update():
	"""The sending job reads the queued messages whose time has come."""
	frappe.db.add_index("Applicant Message", ["status", "send_after"], "status_send_after")
