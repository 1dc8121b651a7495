"""Public status of one dossier: /tra-cuu-ho-so?ma=<dossier code>&t=<token>.

The link is printed as a QR code on the receipt (form 01). No login: the token in the link,
known only to whoever holds the receipt, opens that dossier alone. The page shows where the
dossier stands and when it is due, never who filed it.
"""

import frappe
from frappe import _

no_cache = 1

PUBLIC_FIELDS = ("name", "procedure_name", "received_at", "due_at", "status", "resolution", "new_due_at")


def get_context(context):
	context.no_cache = 1
	context.title = _("Dossier Status")
	code = (frappe.form_dict.get("ma") or "").strip()
	token = (frappe.form_dict.get("t") or "").strip()
	context.searched = bool(code)
	context.dossier = None
	if code and token:
		# a direct read: the token is the permission, and only public fields leave the database
		row = frappe.db.get_value(
			"Dossier", {"name": code, "public_token": token}, PUBLIC_FIELDS, as_dict=True
		)
		if row:
			stage = frappe.db.get_value(
				"Dossier Stage",
				{"parent": row.name, "parenttype": "Dossier", "completed_at": ("is", "not set")},
				"stage_name",
				order_by="idx asc",
			)
			row.current_stage = stage
			context.dossier = row
	return context
