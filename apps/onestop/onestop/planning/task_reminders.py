"""Plan task reminders (a source of planning/reminders.py): 7 days and 1 day before a task's
due date, and each working day once it is overdue, to the task's responsible user and its
lead agency's focal points. The schedule is onestop.weekly_cycle.task_reminder_keys."""

from __future__ import annotations

import datetime as dt

import frappe
from frappe import _
from frappe.utils import add_days

from onestop.planning.assignment import focal_points
from onestop.planning.reminders import Reminder
from onestop.weekly_cycle import DUE_SOON_DAYS, task_reminder_keys

OPEN = ("Not Started", "In Progress", "Returned")  # Submitted waits for the coordinator


def task_reminders(moment: dt.datetime) -> list[Reminder]:
	"""The reminders due at `moment` for the open tasks of this year's and last year's plans
	(older plans' leftovers are for the coordinator's overdue report, not for daily mail)."""
	today = moment.date()
	rows = frappe.get_all(
		"Plan Task",
		filters={
			"status": ("in", OPEN),
			"due_date": ("<=", add_days(today, DUE_SOON_DAYS[0])),
			"plan_year": (">=", today.year - 1),
		},
		fields=["name", "ref", "title", "due_date", "lead_agency", "responsible_user"],
		order_by="due_date asc, name asc",
	)
	reminders, agencies = [], {}
	for row in rows:
		for key in task_reminder_keys(row.name, row.due_date, False, today):
			if row.lead_agency not in agencies:
				agencies[row.lead_agency] = focal_points(row.lead_agency) if row.lead_agency else []
			due = frappe.format(row.due_date, "Date")
			task = f"{row.ref or row.name} {row.title}"[:200]
			if key.startswith("task-overdue"):
				subject = _("Overdue since {0}: {1}").format(due, task)
			else:
				subject = _("Due on {0}: {1}").format(due, task)
			recipients = [u for u in (row.responsible_user, *agencies[row.lead_agency]) if u]
			reminders.append(Reminder(key, "Plan Task", row.name, subject, recipients))
	return reminders
