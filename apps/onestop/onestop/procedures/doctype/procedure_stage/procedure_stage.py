# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

from frappe.model.document import Document


class ProcedureStage(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		agency: DF.Link | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		role: DF.Link | None
		stage_name: DF.Data
		working_days: DF.Float
	# end: auto-generated types

	pass
