# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

import frappe
from frappe.model.document import Document
from frappe.query_builder import Interval
from frappe.query_builder.functions import Now


# written by onestop.api.calls after each call of the open API, never edited by hand
class APICallLog(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		called_at: DF.Datetime | None
		dossier: DF.Link | None
		duration_ms: DF.Int
		http_method: DF.Data | None
		idempotency_key: DF.Data | None
		method: DF.Data | None
		status_code: DF.Int
		user: DF.Link | None
	# end: auto-generated types

	@staticmethod
	def clear_old_logs(days: int = 180) -> None:
		"""Log Settings' daily clean-up (hooks.py default_log_clearing_doctypes): calls older
		than `days` days are removed."""
		table = frappe.qb.DocType("API Call Log")
		frappe.db.delete(table, filters=(table.creation < (Now() - Interval(days=days))))
