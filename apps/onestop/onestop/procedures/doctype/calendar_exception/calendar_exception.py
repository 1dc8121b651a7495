# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

from frappe.model.document import Document

from onestop.core.calendar import clear_calendar_cache


class CalendarException(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		date: DF.Date
		description: DF.Data | None
		kind: DF.Literal["Day Off", "Working Day"]
	# end: auto-generated types

	def on_update(self):
		clear_calendar_cache()

	def on_trash(self):
		clear_calendar_cache()
