# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

from frappe.model.document import Document


class BudgetCharge(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		amount: DF.Currency
		budget_line: DF.Link
		charged_on: DF.Date | None
		description: DF.Data | None
		voucher_name: DF.DynamicLink
		voucher_type: DF.Link
	# end: auto-generated types
	pass
