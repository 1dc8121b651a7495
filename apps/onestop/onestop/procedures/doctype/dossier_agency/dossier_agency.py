# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

import frappe
from frappe.model.document import Document


class DossierAgency(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		agency: DF.Link
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
	# end: auto-generated types
	pass


def on_doctype_update():
	"""Which dossiers an agency takes part in (core.permissions reads it per list query)."""
	frappe.db.add_index("Dossier Agency", ["agency", "parent"], "agency_parent")
