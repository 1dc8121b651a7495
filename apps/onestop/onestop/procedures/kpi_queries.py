"""The dossier figures behind the KPI reports, number cards and charts.

Counts come from Dossier Daily Count (daily_counts.py: the counters of dossier_timing.counts_of
per receipt day, agency, field, procedure and channel), so a year adds up tens of thousands of
counter rows, not hundreds of thousands of dossiers. "Overdue" depends on the moment it is
judged at, so it is counted on the open dossiers themselves, through the (status, due_at)
index: only dossiers whose clock runs are there.
"""

from __future__ import annotations

import datetime as dt

import frappe
from frappe.query_builder import Case, DocType
from frappe.query_builder.functions import Count, DateFormat, Sum

from onestop.core import clock
from onestop.core.permissions import DOSSIER, restrict_query
from onestop.dossier_timing import TICKING_STATES

GROUPS = {
	"Competent Agency": "competent_agency",
	"Procedure Field": "field",
	"Procedure": "procedure_code",
	"Month": None,  # the month received, "2025-10"
}
FILTERS = ("competent_agency", "field", "procedure_code", "channel")
INTS = (
	"received",
	"resolved",
	"early",
	"on_time",
	"late",
	"pending",
	"online",
	"on_the_spot",
	"rated",
	"satisfied",
)


def _flag(condition):
	return Sum(Case().when(condition, 1).else_(0))


def dossier_counts(
	from_date: dt.date,
	to_date: dt.date,
	group_by: str | None = None,
	now: dt.datetime | None = None,
	overdue: bool = True,
	**filters,
) -> list[dict]:
	"""Counts of the dossiers received from `from_date` to `to_date` (inclusive), per group.

	group_by: one of GROUPS, or None for one total row. filters: competent_agency, field,
	procedure_code, channel (exact values). now: the moment "overdue" is judged at (the
	dossier clock's now by default); overdue=False leaves "overdue" at 0 and saves its query.
	Each row: group, received, resolved, early, on_time, late, pending, overdue, online,
	on_the_spot, rated, satisfied (counts), handling_days (working days, summed), avg_days
	(working days per settled dossier, None when none). Restricted users (agency officers)
	count only their agencies' dossiers. Rows come largest first (by month for "Month").
	One query on the counters, and one on the open dossiers for "overdue".
	"""
	now = now or clock.now()
	C = DocType("Dossier Daily Count")
	group = _group(C, C.day, group_by)
	query = (
		frappe.qb.from_(C)
		.select(
			*(Sum(C[c]).as_(c) for c in ("received", "resolved", "early", "on_time", "late", "pending")),
			Sum(Case().when(C.channel == "Online", C.received).else_(0)).as_("online"),
			Sum(Case().when(C.on_the_spot == 1, C.received).else_(0)).as_("on_the_spot"),
			Sum(C.rated).as_("rated"),
			Sum(C.satisfied).as_("satisfied"),
			Sum(C.handling_days).as_("handling_days"),
		)
		.where(C.day[from_date:to_date])
	)
	query = _narrow(query, C, filters)
	if group is not None:
		query = query.select(group.as_("group")).groupby(group)
	rows = [row for row in query.run(as_dict=True) if row.received]
	late_now = _overdue(from_date, to_date, group_by, now, filters) if overdue else {}
	for row in rows:
		row.setdefault("group", None)
		for key in INTS:
			row[key] = int(row[key] or 0)
		row["overdue"] = late_now.get(row["group"], 0)
		row["handling_days"] = float(row["handling_days"] or 0)
		row["avg_days"] = average_days(row)
	if group_by == "Month":
		rows.sort(key=lambda r: r["group"])
	else:
		rows.sort(key=lambda r: -r["received"])
	if not rows and group is None:
		rows = [total_of([])]
	return rows


def average_days(row: dict) -> float | None:
	"""Working days per settled dossier of a counts row (None when none was settled)."""
	return round(row["handling_days"] / row["resolved"], 2) if row["resolved"] else None


def total_of(rows: list[dict]) -> dict:
	"""The total row of grouped counts rows (as dossier_counts gives without group_by), added
	up here rather than read again from the counters."""
	total = {"group": None, "handling_days": 0.0, "overdue": 0, **dict.fromkeys(INTS, 0)}
	for row in rows:
		for key in (*INTS, "overdue", "handling_days"):
			total[key] += row[key]
	total["avg_days"] = average_days(total)
	return total


def _group(table, day_column, group_by):
	if group_by == "Month":
		return DateFormat(day_column, "%Y-%m")
	return table[GROUPS[group_by]] if group_by else None


def _narrow(query, table, filters):
	for field in FILTERS:
		if filters.get(field):
			query = query.where(table[field] == filters[field])
	return restrict_query(query, table.competent_agency, DOSSIER)


def _overdue(from_date, to_date, group_by, now, filters) -> dict:
	"""{group: open dossiers past their appointment at `now`} (clock running only)."""
	D = DocType("Dossier")
	start, end = dt.datetime.combine(from_date, dt.time.min), dt.datetime.combine(to_date, dt.time.max)
	group = _group(D, D.received_at, group_by)
	query = (
		frappe.qb.from_(D)
		.select(Count("*").as_("count"))
		.where(D.status.isin(TICKING_STATES))
		.where(D.due_at < now)
		.where(D.received_at[start:end])
	)
	query = _narrow(query, D, filters)
	if group is not None:
		query = query.select(group.as_("group")).groupby(group)
	return {row.get("group"): int(row["count"]) for row in query.run(as_dict=True)}


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
