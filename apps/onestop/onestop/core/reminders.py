"""Reminders: a system notification and an e-mail for each event, once per recipient, sent
during office hours of working days only.

The scheduler runs send_due_reminders at set hours of the site's time zone (hooks.py), not
at Frappe's midnight "daily" run. A run on a public holiday, a province day off, or outside
office hours sends nothing; the next run on a working day sends what is due then. Each
(event, recipient) pair is written to Reminder Log under a name derived from both, so a
reminder is never sent twice, even by two runs at once.

Sources are functions `(moment: datetime) -> Iterable[Reminder]` listed in the hook
`onestop_reminder_sources` (hooks.py), called
with the run's local moment.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

import frappe

from onestop.core.calendar import site_calendar
from onestop.core.clock import now as clock_now
from onestop.core.jobs import guarded


@dataclass
class Reminder:
	key: str  # the event ("secondment-end:BP-2018-0001:2018-12-31"); sent once per recipient
	doctype: str
	name: str
	subject: str
	recipients: list[str] = field(default_factory=list)


def send_due_reminders(moment: dt.datetime | None = None) -> int:
	"""Send what is due at `moment` (now by default). Returns how many notifications went out.
	A source or a notification that fails is logged and skipped (core/jobs.py)."""
	moment = moment or clock_now()
	if not site_calendar().in_office_hours(moment):
		return 0
	sent = 0
	for source in frappe.get_hooks("onestop_reminder_sources"):
		reminders = []
		with guarded("reminders", source):
			reminders = list(frappe.get_attr(source)(moment))
		for reminder in reminders:
			for user in dict.fromkeys(reminder.recipients):
				with guarded("reminders", f"{reminder.key} to {user}"):
					sent += send(reminder, user, moment)
	return sent


def send_weekly_report_reminders() -> int:
	"""The Thursday 10:00 run (hooks.py): the reminders due then, among them the weekly
	reports not yet filed. Frappe keeps one schedule per method, so this run has a name of its
	own beside the daily send_due_reminders. Returns how many notifications went out."""
	return send_due_reminders()


def send(reminder: Reminder, user: str, moment: dt.datetime) -> int:
	"""Notify `user` unless this event was already sent to them. Returns 1 if sent, else 0."""
	name = hashlib.md5(f"{reminder.key}|{user}".encode()).hexdigest()
	if frappe.db.exists("Reminder Log", name):
		return 0
	log = frappe.get_doc(
		{
			"doctype": "Reminder Log",
			"event_key": reminder.key,
			"recipient": user,
			"reference_doctype": reminder.doctype,
			"reference_name": reminder.name,
			"subject": reminder.subject[:300],
			"sent_at": moment,
		}
	)
	log.name = name
	try:
		log.db_insert()
	except frappe.DuplicateEntryError:
		return 0  # another run sent it a moment ago
	frappe.get_doc(
		{
			"doctype": "Notification Log",
			"for_user": user,
			"type": "Alert",
			"document_type": reminder.doctype,
			"document_name": reminder.name,
			"subject": reminder.subject,
			"from_user": "Administrator",
		}
	).insert(ignore_permissions=True)
	# a system notification (type Alert) is not mailed by Frappe: the e-mail goes on its own
	email = frappe.db.get_value("User", user, "email")
	if email:
		frappe.sendmail(
			recipients=[email],
			subject=reminder.subject,
			message=f'<p>{frappe.utils.escape_html(reminder.subject)}</p><p><a href="{frappe.utils.get_url_to_form(reminder.doctype, reminder.name)}">{frappe.utils.escape_html(reminder.name)}</a></p>',
			reference_doctype=reminder.doctype,
			reference_name=reminder.name,
		)
	return 1


def users_with_role(role: str) -> list[str]:
	"""Enabled desk users holding `role`."""
	holders = frappe.get_all("Has Role", filters={"role": role, "parenttype": "User"}, pluck="parent")
	if not holders:
		return []
	return frappe.get_all(
		"User",
		filters={"name": ("in", holders), "enabled": 1, "user_type": "System User"},
		pluck="name",
		order_by="name",
	)
