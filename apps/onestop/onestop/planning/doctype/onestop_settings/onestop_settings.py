# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

from frappe.model.document import Document

from onestop.core.calendar import clear_calendar_cache, parse_time
from onestop.planning.agency_register import clear_register_cache


class OnestopSettings(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		afternoon_end: DF.Data | None
		afternoon_start: DF.Data | None
		code_pattern_2018: DF.Data | None
		code_pattern_2025: DF.Data | None
		head_submits: DF.Check
		morning_end: DF.Data | None
		morning_start: DF.Data | None
		province: DF.Data
		receiving_unit: DF.Link | None
		secondment_reminder_days: DF.Int
		uniform_entitlement: DF.Currency
	# end: auto-generated types

	def validate(self):
		for field in ("morning_start", "morning_end", "afternoon_start", "afternoon_end"):
			if self.get(field):
				self.set(field, parse_time(self.get(field), "07:30").strftime("%H:%M"))

	def on_update(self):
		clear_register_cache()
		clear_calendar_cache()
