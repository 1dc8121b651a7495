# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

from frappe.model.document import Document


class SMSLog(Document):
	"""One SMS sent through SMS Settings' gateway, as Frappe's send_sms records it
	(frappe.core.doctype.sms_settings.sms_settings.create_sms_log). Frappe v15 writes this log
	but does not ship its DocType (frappe/frappe#28332): without it every SMS Frappe sends fails
	after the gateway has taken it."""

	pass
