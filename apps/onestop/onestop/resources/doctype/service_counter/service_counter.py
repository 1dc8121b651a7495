# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

from frappe.model.document import Document


class ServiceCounter(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from onestop.resources.doctype.service_counter_field.service_counter_field import (
			ServiceCounterField,
		)

		agency: DF.Link
		counter_name: DF.Data
		current_ticket: DF.Link | None
		description: DF.SmallText | None
		fields: DF.TableMultiSelect[ServiceCounterField]
		is_active: DF.Check
		officer: DF.Link | None
		sort_order: DF.Int
		staff_required: DF.Int
	# end: auto-generated types
	pass
