# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document


class ApplicantDocument(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		applicant_id: DF.Data
		applicant_name: DF.Data | None
		competent_agency: DF.Link | None
		copy_kind: DF.Literal["", "Original", "Certified Copy", "Copy"]
		digitised_at: DF.Datetime | None
		digitised_by: DF.Link | None
		document_kind: DF.Data
		file: DF.Attach
		reuse_count: DF.Int
		source: DF.Literal["Component", "Result"]
		source_dossier: DF.Link
		valid_from: DF.Date | None
		valid_until: DF.Date | None
	# end: auto-generated types

	# A digitised component or result kept for its applicant (procedures/document_store.py),
	# made and updated from the dossiers; officers set only its validity.

	def validate(self):
		if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
			frappe.throw(_("Valid Until cannot be before Valid From."))
		if not self.is_new():
			before = self.get_doc_before_save()
			if before and not self.flags.ignore_permissions:
				# only the validity is the officers'; the rest comes from the dossier
				for field in (
					"applicant_id",
					"document_kind",
					"source",
					"file",
					"source_dossier",
					"reuse_count",
				):
					self.set(field, before.get(field))


def on_doctype_update():
	"""One entry per dossier, source and kind (document_store.keep); an applicant's documents
	found by ID number."""
	frappe.db.add_unique(
		"Applicant Document", ["source_dossier", "source", "document_kind"], "source_kind_unique"
	)
