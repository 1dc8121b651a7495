"""Figures for the number cards and charts of the Dossiers workspace, read from the daily
counters (Dossier Daily Count) and, for what is overdue now, from the open dossiers through the
(status, due_at) index: never by reading the dossier table through. Agency officers see their
agencies' figures only (kpi_queries applies the scope). Each reads from the database replica
where the site has one (`read_from_replica`; frappe.read_only)."""

from __future__ import annotations

import datetime as dt

import frappe
from frappe import _
from frappe.query_builder import DocType
from frappe.query_builder.functions import Count
from frappe.utils import add_months, get_first_day

from onestop.core import clock
from onestop.core.permissions import DOSSIER, is_restricted, user_agencies
from onestop.dossier_timing import TICKING_STATES, percent
from onestop.procedures.kpi_queries import dossier_counts


def _today() -> dt.date:
	return clock.now().date()


def _year_total() -> dict:
	today = _today()
	return dossier_counts(dt.date(today.year, 1, 1), today, overdue=False)[0]


def _last_twelve_months() -> tuple[dt.date, dt.date]:
	today = _today()
	return get_first_day(add_months(today, -11)), today


@frappe.whitelist()
@frappe.read_only()
def on_time_rate(filters: str | None = None) -> dict:
	"""Number card: % of this year's settled dossiers settled early or on time."""
	total = _year_total()
	return {
		"value": percent(total["early"] + total["on_time"], total["resolved"]) or 0,
		"fieldtype": "Percent",
	}


@frappe.whitelist()
@frappe.read_only()
def online_rate(filters: str | None = None) -> dict:
	"""Number card: % of this year's dossiers filed online."""
	total = _year_total()
	return {"value": percent(total["online"], total["received"]) or 0, "fieldtype": "Percent"}


@frappe.whitelist()
@frappe.read_only()
def received_this_month(filters: str | None = None) -> dict:
	"""Number card: dossiers received since the first of this month."""
	today = _today()
	total = dossier_counts(get_first_day(today), today, overdue=False)[0]
	return {"value": total["received"], "fieldtype": "Int"}


@frappe.whitelist()
@frappe.read_only()
def overdue_now(filters: str | None = None) -> dict:
	"""Number card: open dossiers (clock running) past their appointment now, the same figure
	as the KPI report's "Overdue" and the Late Dossiers report's open ones."""
	D = DocType("Dossier")
	query = (
		frappe.qb.from_(D)
		.select(Count("*"))
		.where(D.status.isin(TICKING_STATES))
		.where(D.due_at < clock.now())
	)
	if is_restricted(scope=DOSSIER):
		query = query.where(D.competent_agency.isin(sorted(user_agencies()) or [""]))
	return {"value": int(query.run()[0][0]), "fieldtype": "Int"}


def received_by_month() -> dict:
	"""Chart data: dossiers received per month over the last twelve months."""
	rows = dossier_counts(*_last_twelve_months(), group_by="Month", overdue=False)
	return {
		"labels": [r["group"] for r in rows],
		"datasets": [{"name": _("Received"), "values": [r["received"] for r in rows]}],
	}


def by_resolution() -> dict:
	"""Chart data: dossiers settled early, on time and late over the last twelve months."""
	total = dossier_counts(*_last_twelve_months(), overdue=False)[0]
	return {
		"labels": [_("Early"), _("On Time"), _("Late")],
		"datasets": [{"name": _("Settled"), "values": [total["early"], total["on_time"], total["late"]]}],
	}


def late_by_agency(groups: int = 8) -> dict:
	"""Chart data: dossiers settled late per competent agency over the last twelve months,
	the `groups` agencies with the most."""
	rows = dossier_counts(*_last_twelve_months(), group_by="Competent Agency", overdue=False)
	top = sorted((r for r in rows if r["late"]), key=lambda r: -r["late"])[:groups]
	return {
		"labels": [r["group"] for r in top],
		"datasets": [{"name": _("Late"), "values": [r["late"] for r in top]}],
	}
