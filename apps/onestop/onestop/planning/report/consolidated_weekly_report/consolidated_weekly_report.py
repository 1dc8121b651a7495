# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt
"""The centre's consolidated weekly report to the provincial leaders (seed 000, II.5): for a
week, every reporting agency with its report's state, when it was filed and whether late, its
figures, problems and remedies; the summary counts who filed, who is late, who has not filed,
and the totals. Due Friday (onestop.weekly_cycle.centre_report_due); printed from the report's
Print menu (consolidated_weekly_report.html) as the PDF for the leaders."""

from __future__ import annotations

import frappe
from frappe import _

from onestop.core.calendar import site_calendar
from onestop.core.clock import now as clock_now
from onestop.planning.weekly_reports import reporting_agencies
from onestop.weekly_cycle import Week, agency_report_due, centre_report_due

FIGURES = ("dossiers_received", "dossiers_resolved", "dossiers_late")


def execute(filters: dict | None = None):
	"""filters: {"week": "2026-W48"} (this week when absent). Returns columns, rows (one per
	reporting agency, and any other agency that filed), None, None and the summary."""
	filters = frappe._dict(filters or {})
	try:
		week = Week.parse(filters.week) if filters.week else Week.of(clock_now())
	except ValueError:
		frappe.throw(_("Write the week as an ISO week, e.g. {0}.").format(Week.of(clock_now()).label))
	rows = consolidate(week)
	return columns(), rows, None, None, summary(week, rows)


def consolidate(week: Week) -> list[dict]:
	"""One row per agency: its report of `week` (or none), state, filing, figures, problems."""
	reports = {
		r.agency: r
		for r in frappe.get_all(
			"Weekly Report",
			filters={"week": week.label},
			fields=[
				"name",
				"agency",
				"status",
				"submitted_at",
				"is_late",
				*FIGURES,
				"problems",
				"remedies",
				"last_week_outcome",
			],
		)
	}
	agencies = list(dict.fromkeys([*reporting_agencies(), *sorted(reports)]))
	due = agency_report_due(week, site_calendar().is_working_day)
	now = clock_now()
	rows = []
	for agency in agencies:
		report = reports.get(agency) or frappe._dict()
		filed = report.get("status") in ("Submitted", "Acknowledged")
		if filed:
			standing = _("Filed Late") if report.is_late else _("Filed On Time")
		else:
			standing = _("Overdue") if now >= due else _("Not Yet Filed")
		rows.append(
			{
				"agency": agency,
				"report": report.get("name"),
				"status": report.get("status"),
				"standing": standing,
				"filed": int(filed),
				"late": int(bool(report.get("is_late")) or (not filed and now >= due)),
				"submitted_at": report.get("submitted_at"),
				**{f: (report.get(f) or 0) if filed else None for f in FIGURES},
				"problems": report.get("problems") if filed else None,
				"remedies": report.get("remedies") if filed else None,
				"last_week_outcome": report.get("last_week_outcome") if filed else None,
			}
		)
	return rows


def summary(week: Week, rows: list[dict]) -> list[dict]:
	filed = [r for r in rows if r["filed"]]
	calendar = site_calendar()
	return [
		{"label": _("Agencies"), "value": len(rows), "datatype": "Int"},
		{"label": _("Filed"), "value": len(filed), "datatype": "Int", "indicator": "Green"},
		{
			"label": _("Filed Late"),
			"value": sum(r["late"] for r in filed),
			"datatype": "Int",
			"indicator": "Orange",
		},
		{"label": _("Not Filed"), "value": len(rows) - len(filed), "datatype": "Int", "indicator": "Red"},
		{
			"label": _("Dossiers Received"),
			"value": sum(r["dossiers_received"] or 0 for r in filed),
			"datatype": "Int",
		},
		{
			"label": _("Dossiers Late"),
			"value": sum(r["dossiers_late"] or 0 for r in filed),
			"datatype": "Int",
			"indicator": "Red",
		},
		{
			"label": _("Due to the Leaders"),
			"value": frappe.format(centre_report_due(week, calendar.is_working_day), "Datetime"),
			"datatype": "Data",
		},
	]


def columns() -> list[dict]:
	return [
		{"fieldname": "agency", "label": _("Agency"), "fieldtype": "Link", "options": "Agency", "width": 220},
		{"fieldname": "report", "label": _("Weekly Report"), "fieldtype": "Link", "options": "Weekly Report", "width": 150},
		{"fieldname": "standing", "label": _("Filing"), "fieldtype": "Data", "width": 120},
		{"fieldname": "submitted_at", "label": _("Submitted At"), "fieldtype": "Datetime", "width": 150},
		{"fieldname": "dossiers_received", "label": _("Dossiers Received"), "fieldtype": "Int", "width": 90},
		{"fieldname": "dossiers_resolved", "label": _("Dossiers Resolved"), "fieldtype": "Int", "width": 90},
		{"fieldname": "dossiers_late", "label": _("Dossiers Late"), "fieldtype": "Int", "width": 90},
		{"fieldname": "problems", "label": _("Problems"), "fieldtype": "Small Text", "width": 240},
		{"fieldname": "remedies", "label": _("Remedies"), "fieldtype": "Small Text", "width": 240},
		{"fieldname": "last_week_outcome", "label": _("What Came of Them"), "fieldtype": "Small Text", "width": 200},
	]  # fmt: skip
