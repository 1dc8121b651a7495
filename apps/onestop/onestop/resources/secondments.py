"""Secondments over time: started on their first day, ended after their last, and the
reminder before they end (Onestop Settings: Remind Before a Secondment Ends, 30 days)."""

from __future__ import annotations

import datetime as dt

import frappe
from frappe import _
from frappe.model.workflow import apply_workflow
from frappe.utils import add_days, getdate

from onestop.core.assignment import focal_points
from onestop.core.clock import now as clock_now
from onestop.core.jobs import guarded
from onestop.core.reminders import Reminder, users_with_role


def advance_secondments(today: dt.date | None = None) -> dict:
	"""Approved secondments whose first day has come become Active; Active ones past their
	last day become Ended (on their last day). Runs hourly in office hours (hooks.py).
	Returns {"started": [names], "ended": [names]}; a secondment that fails is logged and
	skipped (core/jobs.py)."""
	today = getdate(today or clock_now())
	done = {"started": [], "ended": []}
	for name in frappe.get_all(
		"Staff Secondment", filters={"status": "Approved", "from_date": ("<=", today)}, pluck="name"
	):
		with guarded("starting secondments", name):
			apply_workflow(frappe.get_doc("Staff Secondment", name), "Start Secondment")
			done["started"].append(name)
	for name in frappe.get_all(
		"Staff Secondment", filters={"status": "Active", "to_date": ("<", today)}, pluck="name"
	):
		with guarded("ending secondments", name):
			doc = frappe.get_doc("Staff Secondment", name)
			doc.ended_on = doc.to_date
			apply_workflow(doc, "End Secondment")
			done["ended"].append(name)
	return done


def ending_reminders(moment: dt.datetime) -> list[Reminder]:
	"""Active secondments ending within the reminder period: the centre's coordinators and
	the home agency's focal points are told, once per secondment and end date."""
	today = moment.date()
	days = frappe.db.get_single_value("Onestop Settings", "secondment_reminder_days") or 30
	rows = frappe.get_all(
		"Staff Secondment",
		filters={"status": "Active", "to_date": ("between", (today, add_days(today, days)))},
		fields=["name", "full_name", "home_agency", "to_date", "counter"],
	)
	coordinators = users_with_role("Plan Coordinator")
	return [
		Reminder(
			key=f"secondment-end:{row.name}:{row.to_date}",
			doctype="Staff Secondment",
			name=row.name,
			subject=_("The secondment of {0} ({1}) ends on {2}").format(
				row.full_name, row.home_agency, frappe.format(row.to_date, "Date")
			),
			recipients=[*coordinators, *focal_points(row.home_agency)],
		)
		for row in rows
	]
