"""The site's working calendar: Vietnam's holidays, the province's Calendar Exceptions and the
office hours of Onestop Settings, as a `WorkingCalendar` (see onestop.working_days)."""

from __future__ import annotations

import datetime as dt

import frappe
from frappe import _

from onestop.working_days import OfficeHours, WorkingCalendar


def parse_time(value: str | None, default: str) -> dt.time:
	"""An "HH:MM" setting as a time; raises ValidationError naming the value."""
	text = (value or default).strip()
	try:
		hour, minute = text.split(":")[:2]
		return dt.time(int(hour), int(minute))
	except (ValueError, TypeError):
		frappe.throw(_("{0} is not a time of day (HH:MM).").format(text))


def office_hours() -> OfficeHours:
	s = frappe.get_cached_doc("Onestop Settings")
	return OfficeHours(
		morning=(parse_time(s.morning_start, "07:30"), parse_time(s.morning_end, "11:30")),
		afternoon=(parse_time(s.afternoon_start, "13:30"), parse_time(s.afternoon_end, "17:00")),
	)


def site_calendar() -> WorkingCalendar:
	"""The calendar dossiers are timed with, built once per request."""
	calendar = getattr(frappe.local, "onestop_calendar", None)
	if calendar is None:
		rows = frappe.get_all("Calendar Exception", fields=["date", "kind"])
		calendar = WorkingCalendar(
			days_off=[r.date for r in rows if r.kind == "Day Off"],
			working_days=[r.date for r in rows if r.kind == "Working Day"],
			hours=office_hours(),
		)
		frappe.local.onestop_calendar = calendar
	return calendar


def clear_calendar_cache(*args, **kwargs) -> None:
	frappe.local.onestop_calendar = None
