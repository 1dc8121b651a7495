"""Figures for the number cards of the Dossiers workspace (custom cards call these)."""

from __future__ import annotations

import datetime as dt

import frappe
from frappe.utils import getdate

from onestop.dossier_timing import percent
from onestop.procedures.kpi_queries import dossier_counts


def _year_total() -> dict:
	today = getdate()
	return dossier_counts(dt.date(today.year, 1, 1), today)[0]


@frappe.whitelist()
def on_time_rate(filters: str | None = None) -> dict:
	"""% of this year's settled dossiers settled early or on time."""
	total = _year_total()
	return {
		"value": percent(total["early"] + total["on_time"], total["resolved"]) or 0,
		"fieldtype": "Percent",
	}


@frappe.whitelist()
def online_rate(filters: str | None = None) -> dict:
	"""% of this year's dossiers filed online."""
	total = _year_total()
	return {"value": percent(total["online"], total["received"]) or 0, "fieldtype": "Percent"}
