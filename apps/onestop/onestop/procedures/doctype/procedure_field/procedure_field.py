# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from onestop.queue_numbers import valid_prefix


class ProcedureField(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		field_code: DF.Data | None
		field_name: DF.Data
		queue_prefix: DF.Data | None
		sector: DF.Data | None
	# end: auto-generated types

	def validate(self):
		self.check_queue_prefix()

	def check_queue_prefix(self):
		"""One or two capital letters, not another field's (queue numbers are unique per day and
		prefix: onestop.procedures.queue)."""
		self.queue_prefix = (self.queue_prefix or "").strip().upper() or None
		if not self.queue_prefix:
			return
		if not valid_prefix(self.queue_prefix):
			frappe.throw(_("A queue ticket prefix is one or two capital letters (A, B, …, AA)."))
		other = frappe.db.get_value(
			"Procedure Field", {"queue_prefix": self.queue_prefix, "name": ("!=", self.name)}
		)
		if other:
			frappe.throw(_("The prefix {0} is already the field {1}'s.").format(self.queue_prefix, other))
