"""Working days late of the dossiers settled late before the Dossier stored it."""

import frappe
from frappe.utils import get_datetime

from onestop.core.calendar import site_calendar


def execute():
	calendar = site_calendar()
	for row in frappe.get_all(
		"Dossier",
		filters={"resolution": "Late", "days_late": 0},
		fields=["name", "due_at", "resolved_at"],
	):
		days = calendar.working_days_elapsed(get_datetime(row.due_at), get_datetime(row.resolved_at))
		frappe.db.set_value("Dossier", row.name, "days_late", round(days, 2), update_modified=False)
