# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

import datetime as dt

import frappe
from frappe import _
from frappe.query_builder import DocType
from frappe.query_builder.functions import Count
from frappe.utils import get_datetime, getdate

from onestop.planning.permissions import DOSSIER, is_restricted, user_agencies
from onestop.procedures import clock
from onestop.procedures.calendar import site_calendar

LIMIT = 500


def execute(filters=None):
	"""Dossiers settled late or still open past their appointment, with the stage and agency
	that made them late: the agencies and stages to inspect (Decision 490/QĐ-UBND, II.4.a).
	The chart and summary count all of them; the table lists the LIMIT latest-by-most."""
	filters = frappe._dict(filters or {})
	today = getdate()
	start = dt.datetime.combine(getdate(filters.from_date or dt.date(today.year, 1, 1)), dt.time.min)
	end = dt.datetime.combine(getdate(filters.to_date or today), dt.time.max)
	now = clock.now()
	rows = late_rows(start, end, now, filters.get("competent_agency"))
	calendar = site_calendar()
	for row in rows:
		row["days_late"] = calendar.working_days_elapsed(
			get_datetime(row.due_at), get_datetime(row.resolved_at or now)
		)
	rows.sort(key=lambda r: -r["days_late"])
	by_agency = {}
	for row in rows:
		key = row.late_agency or row.competent_agency
		by_agency[key] = by_agency.get(key, 0) + 1
	top = sorted(by_agency.items(), key=lambda kv: -kv[1])[:10]
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
			"value": sum(1 for r in rows if r.resolved_at),
			"datatype": "Int",
			"indicator": "Red",
		},
		{
			"label": _("Open Past the Appointment"),
			"value": sum(1 for r in rows if not r.resolved_at),
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
	return columns(), rows[:LIMIT], None, chart, summary


def late_rows(start, end, now, agency=None) -> list:
	"""Late (settled) and overdue (open, clock running) dossiers received between start and end."""
	D = DocType("Dossier")
	S = DocType("Dossier Stage")
	fields = (D.name, D.procedure_name, D.competent_agency, D.received_at, D.due_at, D.resolved_at, D.status)
	fields += (D.late_stage, D.late_agency, D.apology_issued_at)
	query = (
		frappe.qb.from_(D)
		.select(*fields)
		.where(D.received_at[start:end])
		.where((D.resolution == "Late") | (D.status.isin(("Received", "Processing")) & (D.due_at < now)))
	)
	if agency:
		query = query.where(D.competent_agency == agency)
	if is_restricted(scope=DOSSIER):
		query = query.where(D.competent_agency.isin(sorted(user_agencies()) or [""]))
	rows = query.run(as_dict=True)
	open_names = [r.name for r in rows if not r.resolved_at]
	if open_names:
		# the first stage of each open dossier that is past its own due moment
		stages = (
			frappe.qb.from_(S)
			.select(S.parent, S.stage_name, S.agency)
			.where(S.parenttype == "Dossier")
			.where(S.parent.isin(open_names))
			.where(S.completed_at.isnull())
			.where(S.due_at < now)
			.orderby(S.parent)
			.orderby(S.idx)
			.run(as_dict=True)
		)
		first = {}
		for s in stages:
			first.setdefault(s.parent, s)
		for row in rows:
			if row.name in first:
				row.late_stage, row.late_agency = first[row.name].stage_name, first[row.name].agency
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
		{"label": _("Working Days Late"), "fieldname": "days_late", "fieldtype": "Float", "width": 110},
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


def late_count_by_agency(start, end) -> dict:
	"""{agency: settled-late count} for the period (used by the dashboard)."""
	D = DocType("Dossier")
	rows = (
		frappe.qb.from_(D)
		.select(D.late_agency, Count("*").as_("count"))
		.where(D.received_at[start:end])
		.where(D.resolution == "Late")
		.groupby(D.late_agency)
		.run(as_dict=True)
	)
	return {r.late_agency: r.count for r in rows}
