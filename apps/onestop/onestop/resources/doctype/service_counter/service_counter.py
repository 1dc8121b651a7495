# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

from frappe.model.document import Document


class ServiceCounter(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		agency: DF.Link
		counter_name: DF.Data
		description: DF.SmallText | None
		is_active: DF.Check
		staff_required: DF.Int
	# end: auto-generated types
	pass
