# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

import frappe
from frappe.model.document import Document


# counters kept by onestop.procedures.daily_counts, never edited by hand
class DossierDailyCount(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		channel: DF.Data | None
		competent_agency: DF.Link | None
		day: DF.Date
		early: DF.Int
		field: DF.Link | None
		handling_days: DF.Float
		late: DF.Int
		on_the_spot: DF.Check
		on_time: DF.Int
		pending: DF.Int
		procedure_code: DF.Data | None
		rated: DF.Int
		received: DF.Int
		resolved: DF.Int
		satisfied: DF.Int
	# end: auto-generated types

	pass


def on_doctype_update():
	frappe.db.add_index("Dossier Daily Count", ["day", "competent_agency"], "day_agency")
