# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

from frappe.model.document import Document


class DossierDocument(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		attachment: DF.Attach | None
		copy_kind: DF.Literal["Original", "Certified Copy", "Copy"]
		digitised: DF.Check
		digitised_at: DF.Datetime | None
		digitised_by: DF.Link | None
		document: DF.Data
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		quantity: DF.Int
		reused_from: DF.Link | None
	# end: auto-generated types

	pass
