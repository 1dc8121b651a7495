"""The dossier figures behind the KPI reports, number cards and charts: aggregates in SQL on
indexed columns (received_at, competent_agency, status, due_at, resolution), never a loop over
documents. Definitions are those of onestop.dossier_timing."""

from __future__ import annotations

import datetime as dt

import frappe
from frappe.query_builder import Case, DocType
from frappe.query_builder.functions import Avg, Count, DateFormat, Sum

from onestop.planning.permissions import DOSSIER, is_restricted, user_agencies
from onestop.procedures import clock

OPEN_STATES = ("Received", "Processing", "Supplement Requested")
TICKING = ("Received", "Processing")  # open, and the clock runs (a supplement stops it)
GROUPS = {
	"Competent Agency": "competent_agency",
	"Procedure Field": "field",
	"Procedure": "procedure_code",
	"Month": None,  # DATE_FORMAT(received_at, '%Y-%m')
}


def _flag(condition):
	return Sum(Case().when(condition, 1).else_(0))


def dossier_counts(
	from_date: dt.date,
	to_date: dt.date,
	group_by: str | None = None,
	now: dt.datetime | None = None,
	**filters,
) -> list[dict]:
	"""Counts of dossiers received from `from_date` to `to_date` (inclusive), per group.

	group_by: one of GROUPS, or None for one total row. filters: competent_agency, field,
	procedure_code, channel (exact values). now: the moment "overdue" is judged at.
	Each row: group, received, resolved, early, on_time, late, pending, overdue, online,
	on_the_spot, rated, satisfied, avg_days (working days, resolved dossiers).
	Restricted users (agency officers) count only their agencies' dossiers.
	"""
	now = now or clock.now()
	D = DocType("Dossier")
	start = dt.datetime.combine(from_date, dt.time.min)
	end = dt.datetime.combine(to_date, dt.time.max)
	if group_by == "Month":
		group = DateFormat(D.received_at, "%Y-%m")
	elif group_by:
		group = D[GROUPS[group_by]]
	else:
		group = None
	query = frappe.qb.from_(D).select(
		Count("*").as_("received"),
		_flag(D.resolved_at.isnotnull()).as_("resolved"),
		_flag(D.resolution == "Early").as_("early"),
		_flag(D.resolution == "On Time").as_("on_time"),
		_flag(D.resolution == "Late").as_("late"),
		_flag(D.status.isin(OPEN_STATES)).as_("pending"),
		_flag(D.status.isin(TICKING) & (D.due_at < now)).as_("overdue"),
		_flag(D.channel == "Online").as_("online"),
		_flag(D.on_the_spot == 1).as_("on_the_spot"),
		_flag(D.satisfaction.isin(("Very Satisfied", "Satisfied", "Not Satisfied"))).as_("rated"),
		_flag(D.satisfaction.isin(("Very Satisfied", "Satisfied"))).as_("satisfied"),
		# settled dossiers only: an open one has no handling time yet (0 in its column)
		Avg(Case().when(D.resolved_at.isnotnull(), D.handling_days)).as_("avg_days"),
	)
	query = query.where(D.received_at[start:end])
	for field in ("competent_agency", "field", "procedure_code", "channel"):
		if filters.get(field):
			query = query.where(D[field] == filters[field])
	if is_restricted(scope=DOSSIER):
		agencies = sorted(user_agencies()) or [""]
		query = query.where(D.competent_agency.isin(agencies))
	if group is not None:
		query = query.select(group.as_("group")).groupby(group)
		query = (
			query.orderby(group) if group_by == "Month" else query.orderby(Count("*"), order=frappe.qb.desc)
		)
	rows = query.run(as_dict=True)
	for row in rows:
		for key in (
			"resolved",
			"early",
			"on_time",
			"late",
			"pending",
			"overdue",
			"online",
			"on_the_spot",
			"rated",
			"satisfied",
		):
			row[key] = int(row[key] or 0)
		row["avg_days"] = round(float(row["avg_days"]), 2) if row["avg_days"] is not None else None
		row.setdefault("group", None)
	return rows


def procedure_shares() -> dict:
	"""Shares of the procedures in force: fully online and settled on the spot ("4 tại chỗ").
	Returns {"procedures", "full_online", "on_the_spot"} (counts)."""
	P = DocType("Administrative Procedure")
	row = (
		frappe.qb.from_(P)
		.select(
			Count("*").as_("procedures"),
			_flag(P.online_level == "Full Online").as_("full_online"),
			_flag(P.on_the_spot == 1).as_("on_the_spot"),
		)
		.where(P.is_current == 1)
		.run(as_dict=True)[0]
	)
	return {k: int(v or 0) for k, v in row.items()}
