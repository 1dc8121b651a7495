"""The weekly reporting cycle on the site (seed 000, II.5): a Weekly Report for every
reporting agency each Monday, its dossier figures, and the reminder on Thursday 10:00 to the
agencies that have not filed. The calendar arithmetic is onestop.weekly_cycle."""

from __future__ import annotations

import datetime as dt

import frappe
from frappe import _

from onestop.core.assignment import focal_points
from onestop.core.calendar import site_calendar
from onestop.core.clock import now as clock_now
from onestop.core.jobs import guarded
from onestop.core.reminders import Reminder
from onestop.weekly_cycle import Week, agency_report_due, agency_report_reminder

REPORTING_KINDS = ("Department", "District")  # the Sở, ban, ngành and the district UBND


def reporting_agencies() -> list[str]:
	"""The agencies that report weekly: departments and district People's Committees of the
	site's province (Onestop Settings), not disabled."""
	province = frappe.db.get_single_value("Onestop Settings", "province")
	filters = {"kind": ("in", REPORTING_KINDS), "disabled": 0}
	if province:
		filters["province"] = province
	return frappe.get_all("Agency", filters=filters, pluck="name", order_by="name")


def create_weekly_reports(moment: dt.datetime | None = None) -> list[str]:
	"""Scheduler (Monday morning, hooks.py): a Draft Weekly Report of this week for every
	reporting agency without one. Returns the names made (none twice)."""
	week = Week.of(moment or clock_now())
	have = set(frappe.get_all("Weekly Report", filters={"week": week.label}, pluck="agency"))
	made = []
	for agency in reporting_agencies():
		if agency not in have:
			with guarded("weekly reports", agency):
				doc = frappe.get_doc({"doctype": "Weekly Report", "agency": agency, "week": week.label})
				made.append(doc.insert(ignore_permissions=True).name)
	return made


def dossier_figures(agency: str, week: Week) -> dict | None:
	"""Dossiers of `agency` (competent agency) in the week: received, resolved, resolved late.
	None when the agency has no dossier on the site at all (its figures are then entered by
	hand)."""
	if not frappe.db.exists("Dossier", {"competent_agency": agency}):
		return None
	start = dt.datetime.combine(week.monday, dt.time.min)
	end = dt.datetime.combine(week.sunday, dt.time.max)
	received = frappe.db.count(
		"Dossier", {"competent_agency": agency, "received_at": ("between", (start, end))}
	)
	resolved = frappe.get_all(
		"Dossier",
		filters={"competent_agency": agency, "resolved_at": ("between", (start, end))},
		pluck="resolution",
	)
	return {
		"dossiers_received": received,
		"dossiers_resolved": len(resolved),
		"dossiers_late": sum(1 for r in resolved if r == "Late"),
	}


def recorded_progress(agency: str, week: Week) -> str:
	"""What `agency` recorded on its plan tasks in the week, one line per progress update
	(oldest first): the tasks it leads that are not shared among agencies, and its own shares
	(Plan Task Assignment) of the tasks of a collective or of joint leads. Each line:
	"dd/mm <reference> <title>: <progress>% - <note>". "" when nothing was recorded. The
	updates returned by the coordinator (their reason) are left out: they are not the agency's
	work."""
	monday, sunday = week.monday, week.sunday
	rows = frappe.db.sql(
		"""
		select u.update_date, u.idx, u.creation, u.progress, u.note, t.name as task, t.ref, t.title
		from `tabPlan Task Update` u
		join `tabPlan Task` t on t.name = u.parent
		where u.parenttype = 'Plan Task' and u.parentfield = 'updates'
			and t.lead_agency = %(agency)s and u.update_date between %(monday)s and %(sunday)s
			and not exists (select 1 from `tabPlan Task Assignment` s where s.plan_task = t.name)
		union all
		select u.update_date, u.idx, u.creation, u.progress, u.note, t.name as task, t.ref, t.title
		from `tabPlan Task Update` u
		join `tabPlan Task Assignment` s on s.name = u.parent
		join `tabPlan Task` t on t.name = s.plan_task
		where u.parenttype = 'Plan Task Assignment' and u.parentfield = 'updates'
			and s.agency = %(agency)s and u.update_date between %(monday)s and %(sunday)s
		order by update_date, creation, idx
		""",
		{"agency": agency, "monday": monday, "sunday": sunday},
		as_dict=True,
	)
	returned = _("Returned: {0}").format("")
	lines = []
	for row in rows:
		note = (row.note or "").strip()
		if note.startswith(("Returned:", returned.strip())):
			continue
		figure = f"{frappe.utils.flt(row.progress):g}%" if row.progress is not None else ""
		head = " ".join(p for p in (f"{row.update_date:%d/%m}", row.ref, row.title or row.task) if p)
		lines.append(" - ".join(p for p in (f"{head}: {figure}".rstrip(": "), note) if p))
	return "\n".join(lines)


def weekly_report_reminders(moment: dt.datetime) -> list[Reminder]:
	"""Reminder source (core/reminders.py): from Thursday 10:00 until the due moment, the
	focal points of each agency whose report of this week is not filed are reminded once."""
	week = Week.of(moment)
	is_working_day = site_calendar().is_working_day
	if not agency_report_reminder(week, is_working_day) <= moment < agency_report_due(week, is_working_day):
		return []
	rows = frappe.get_all(
		"Weekly Report", filters={"week": week.label, "status": "Draft"}, fields=["name", "agency"]
	)
	due = agency_report_due(week, is_working_day)
	return [
		Reminder(
			key=f"weekly-report:{row.name}",
			doctype="Weekly Report",
			name=row.name,
			subject=_("The weekly report of {0} for {1} is due {2}").format(
				row.agency, week.label, frappe.format(due, "Datetime")
			),
			recipients=focal_points(row.agency),
		)
		for row in rows
	]
