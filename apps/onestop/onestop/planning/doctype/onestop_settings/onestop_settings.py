# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

from frappe.model.document import Document

from onestop.planning.agency_register import clear_register_cache


class OnestopSettings(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		province: DF.Data
	# end: auto-generated types

	def on_update(self):
		clear_register_cache()
