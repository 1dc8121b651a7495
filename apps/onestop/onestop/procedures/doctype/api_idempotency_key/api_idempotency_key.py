# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

from frappe.model.document import Document


# written by onestop.api.calls.claim_key, never edited by hand
class APIIdempotencyKey(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		client: DF.Link
		created_at: DF.Datetime | None
		dossier: DF.Link | None
		fingerprint: DF.Data | None
		idempotency_key: DF.Data
	# end: auto-generated types

	def autoname(self):
		from onestop.api.calls import key_name

		self.name = key_name(self.client, self.idempotency_key)
