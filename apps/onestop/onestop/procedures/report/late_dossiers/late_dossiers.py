# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

import datetime as dt

import frappe
from frappe import _
from frappe.query_builder import DocType
from frappe.query_builder.functions import Coalesce, Count
from frappe.utils import get_datetime, getdate

from onestop.core import clock
from onestop.core.calendar import site_calendar
from onestop.core.permissions import DOSSIER, restrict_query
from onestop.dossier_timing import TICKING_STATES

LIMIT = 500


def execute(filters=None):
	"""Dossiers settled late or still open past their appointment, with the stage and agency
	that made them late: the agencies and stages to inspect (Decision 490/QĐ-UBND, II.4.a).

	filters: from_date, to_date (receipt dates; default this year), competent_agency. The
	chart and summary count all of them; the table lists the LIMIT latest by most working days.
	"""
	filters = frappe._dict(filters or {})
	today = getdate()
	start = dt.datetime.combine(getdate(filters.from_date or dt.date(today.year, 1, 1)), dt.time.min)
	end = dt.datetime.combine(getdate(filters.to_date or today), dt.time.max)
	now = clock.now()
	agency = filters.get("competent_agency")
	settled = settled_late(start, end, agency)
	still_open = open_overdue(start, end, now, agency)
	by_agency = dict(settled_late_by_agency(start, end, agency))
	for row in still_open:
		key = row.late_agency or row.competent_agency
		by_agency[key] = by_agency.get(key, 0) + 1
	top = sorted(by_agency.items(), key=lambda kv: -kv[1])[:10]
	rows = sorted(settled + still_open, key=lambda r: -(r.days_late or 0))[:LIMIT]
	chart = {
		"data": {
			"labels": [k for k, _v in top],
			"datasets": [{"name": _("Late Dossiers"), "values": [v for _k, v in top]}],
		},
		"type": "bar",
		"colors": ["#e03131"],
	}
	summary = [
		{
			"label": _("Settled Late"),
			"value": sum(by_agency.values()) - len(still_open),
			"datatype": "Int",
			"indicator": "Red",
		},
		{
			"label": _("Open Past the Appointment"),
			"value": len(still_open),
			"datatype": "Int",
			"indicator": "Red",
		},
		{
			"label": _("Agency to Inspect First"),
			"value": top[0][0] if top else "-",
			"datatype": "Data",
			"indicator": "Orange",
		},
	]
	return columns(), rows, None, chart, summary


FIELDS = (
	"name",
	"procedure_name",
	"competent_agency",
	"received_at",
	"due_at",
	"resolved_at",
	"status",
	"late_stage",
	"late_agency",
	"days_late",
	"apology_issued_at",
)


def _scoped(query, D, agency):
	if agency:
		query = query.where(D.competent_agency == agency)
	return restrict_query(query, D.competent_agency, DOSSIER)


def settled_late(start, end, agency=None) -> list:
	"""The LIMIT settled-late dossiers received between start and end with the most working
	days late (stored when they were settled). The ranking reads only the covering index
	(resolution, received_at, late_agency, competent_agency, days_late); the LIMIT rows found
	are then read by name."""
	D = DocType("Dossier")
	ranked = (
		frappe.qb.from_(D)
		.select(D.name)
		.where(D.resolution == "Late")
		.where(D.received_at[start:end])
		.orderby(D.days_late, order=frappe.qb.desc)
		.limit(LIMIT)
	)
	names = [r[0] for r in _scoped(ranked, D, agency).run()]
	if not names:
		return []
	rows = frappe.qb.from_(D).select(*(D[f] for f in FIELDS)).where(D.name.isin(names)).run(as_dict=True)
	return sorted(rows, key=lambda r: -(r.days_late or 0))


def settled_late_by_agency(start, end, agency=None) -> list[tuple[str, int]]:
	"""(agency that made them late, count) of the settled-late dossiers of the period, counted
	on the covering index alone."""
	D = DocType("Dossier")
	late_agency = Coalesce(D.late_agency, D.competent_agency)
	query = (
		frappe.qb.from_(D)
		.select(late_agency, Count("*"))
		.where(D.resolution == "Late")
		.where(D.received_at[start:end])
		.groupby(late_agency)
	)
	return _scoped(query, D, agency).run()


def open_overdue(start, end, now, agency=None) -> list:
	"""Open dossiers (clock running) past their appointment at `now`, with the first stage
	past its own due moment and the working days late so far."""
	D = DocType("Dossier")
	S = DocType("Dossier Stage")
	query = (
		frappe.qb.from_(D)
		.select(*(D[f] for f in FIELDS))
		.where(D.status.isin(TICKING_STATES))
		.where(D.due_at < now)
		.where(D.received_at[start:end])
	)
	rows = _scoped(query, D, agency).run(as_dict=True)
	if not rows:
		return rows
	stages = (
		frappe.qb.from_(S)
		.select(S.parent, S.stage_name, S.agency)
		.where(S.parenttype == "Dossier")
		.where(S.parent.isin([r.name for r in rows]))
		.where(S.completed_at.isnull())
		.where(S.due_at < now)
		.orderby(S.parent)
		.orderby(S.idx)
		.run(as_dict=True)
	)
	first = {}
	for stage in stages:
		first.setdefault(stage.parent, stage)
	calendar = site_calendar()
	for row in rows:
		if row.name in first:
			row.late_stage, row.late_agency = first[row.name].stage_name, first[row.name].agency
		row.days_late = round(calendar.working_days_elapsed(get_datetime(row.due_at), now), 2)
	return rows


def columns():
	return [
		{"label": _("Dossier"), "fieldname": "name", "fieldtype": "Link", "options": "Dossier", "width": 200},
		{"label": _("Procedure"), "fieldname": "procedure_name", "fieldtype": "Data", "width": 260},
		{
			"label": _("Competent Agency"),
			"fieldname": "competent_agency",
			"fieldtype": "Link",
			"options": "Agency",
			"width": 180,
		},
		{"label": _("Appointment"), "fieldname": "due_at", "fieldtype": "Datetime", "width": 150},
		{"label": _("Resolved At"), "fieldname": "resolved_at", "fieldtype": "Datetime", "width": 150},
		{
			"label": _("Working Days Late"),
			"fieldname": "days_late",
			"fieldtype": "Float",
			"precision": 2,
			"width": 110,
		},
		{"label": _("Late at Stage"), "fieldname": "late_stage", "fieldtype": "Data", "width": 140},
		{
			"label": _("Late at Agency"),
			"fieldname": "late_agency",
			"fieldtype": "Link",
			"options": "Agency",
			"width": 180,
		},
		{
			"label": _("Apology Issued At"),
			"fieldname": "apology_issued_at",
			"fieldtype": "Datetime",
			"width": 150,
		},
	]
