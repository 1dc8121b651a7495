# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

from frappe.model.document import Document


class ProcedureComponent(Document):
	"""One component of a procedure's dossier (thành phần hồ sơ) as the published procedure
	lists it: what the applicant brings, in which form (original, certified copy, copy), how
	many."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		component: DF.Data
		copy_kind: DF.Literal["Original", "Certified Copy", "Copy"]
		optional: DF.Check
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		quantity: DF.Int
	# end: auto-generated types

	pass
