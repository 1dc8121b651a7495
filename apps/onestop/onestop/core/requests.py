"""Frappe's own whitelisted save paths, each run again once when a deadlock rolled it back
(hooks.py `override_whitelisted_methods`). Two officers saving different records can meet in
the gap locks of a child table's parent index; a deadlock is a reason to retry, not an error
to show."""

from __future__ import annotations

import frappe
from frappe.client import insert as _insert
from frappe.client import save as _save
from frappe.client import set_value as _set_value
from frappe.desk.form.save import savedocs as _savedocs
from frappe.model.workflow import apply_workflow as _apply_workflow
from frappe.translate import get_language

from onestop.core.db import retry_deadlock

savedocs = frappe.whitelist(methods=["POST"])(retry_deadlock(_savedocs))
apply_workflow = frappe.whitelist(methods=["POST"])(retry_deadlock(_apply_workflow))
save = frappe.whitelist(methods=["POST", "PUT"])(retry_deadlock(_save))
insert = frappe.whitelist(methods=["POST", "PUT"])(retry_deadlock(_insert))
set_value = frappe.whitelist(methods=["POST", "PUT"])(retry_deadlock(_set_value))


def before_request() -> None:
	"""hooks.py before_request: Frappe's login lockout raises SecurityException, which carries
	no HTTP status and so reaches the client as a 500; it is a 429 (Too Many Requests), which
	browsers and API clients understand. (SecurityException is raised for the lockout only.)

	A visitor's language: Frappe chooses it before the session is known, when the visitor is
	not yet Guest, so public pages came out in English whatever the browser asked for; chosen
	again now, by Frappe's own order (?_lang, the preferred_language cookie, Accept-Language,
	the site's language)."""
	frappe.SecurityException.http_status_code = 429
	if frappe.session.user == "Guest":
		frappe.local.lang = get_language()
