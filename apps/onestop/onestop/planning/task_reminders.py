"""Plan task reminders (a source of core/reminders.py): 7 days and 1 day before a task's
due date, and each working day once it is overdue, to the task's responsible user and its
lead agency's focal points. The schedule is onestop.weekly_cycle.task_reminder_keys."""

from __future__ import annotations

import datetime as dt

import frappe
from frappe import _
from frappe.utils import add_days

from onestop.core.assignment import focal_points
from onestop.core.reminders import Reminder
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
	shares = open_shares([row.name for row in rows])
	for row in rows:
		if row.name in shares:  # shared among agencies: each agency is reminded of its own share
			reminders.extend(share_reminders(row, shares[row.name], today))
			continue
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


def open_shares(tasks: list[str]) -> dict[str, list]:
	"""{task: its shares} for the tasks shared among agencies (every share, open or not)."""
	out: dict[str, list] = {}
	for share in frappe.get_all(
		"Plan Task Assignment",
		filters={"plan_task": ("in", tasks or [""])},
		fields=["name", "plan_task", "agency", "status", "focal_point"],
		order_by="agency",
	):
		out.setdefault(share.plan_task, []).append(share)
	return out


def share_reminders(task, shares: list, today: dt.date) -> list[Reminder]:
	"""The reminders of a shared task: to each agency whose share is still open."""
	reminders = []
	due = frappe.format(task.due_date, "Date")
	label = f"{task.ref or task.name} {task.title}"[:180]
	for share in shares:
		if share.status not in OPEN:
			continue
		recipients = list(dict.fromkeys(u for u in (share.focal_point, *focal_points(share.agency)) if u))
		for key in task_reminder_keys(share.name, task.due_date, False, today):
			template = (
				_("Overdue since {0}: {1} ({2})")
				if key.startswith("task-overdue")
				else _("Due on {0}: {1} ({2})")
			)
			reminders.append(
				Reminder(
					key,
					"Plan Task Assignment",
					share.name,
					template.format(due, label, share.agency),
					recipients,
				)
			)
	return reminders
