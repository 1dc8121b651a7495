# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

import datetime as dt

import frappe
from frappe import _
from frappe.utils import getdate

from onestop.dossier_timing import percent
from onestop.procedures.digitisation import digitisation_counts
from onestop.procedures.kpi_queries import dossier_counts, procedure_shares, total_of

LINKS = {"Competent Agency": "Agency", "Procedure Field": "Procedure Field"}


def execute(filters=None):
	"""Received, settled early / on time / late, pending, overdue, % on time, average handling
	time, online and on-the-spot shares and satisfaction, per agency, field, procedure or month,
	for the dossiers received in the period. Every count opens its dossiers (see the .js)."""
	filters = frappe._dict(filters or {})
	today = getdate()
	from_date = getdate(filters.from_date or dt.date(today.year, 1, 1))
	to_date = getdate(filters.to_date or today)
	group_by = filters.group_by or "Competent Agency"
	selection = {k: filters.get(k) for k in ("competent_agency", "field", "procedure_code", "channel")}
	rows = dossier_counts(from_date, to_date, group_by, **selection)
	total = total_of(rows)
	data = [_with_rates(r) for r in rows]
	with_digitisation(data, total, from_date, to_date, group_by, selection)
	return columns(group_by), data, None, chart(data, group_by), summary(_with_rates(total))


def with_digitisation(data, total, from_date, to_date, group_by, selection) -> None:
	"""The Decision 766 digitisation shares (procedures/digitisation.py) beside each row's counts,
	and in the total."""
	filters = {
		"agency": selection.get("competent_agency"),
		"procedure_code": selection.get("procedure_code"),
		"field": selection.get("field"),
		"channel": selection.get("channel"),
	}
	by_group = {r["group"]: r for r in digitisation_counts(from_date, to_date, group_by, **filters)}
	for row in data:
		row.update(_digitisation_shares(by_group.get(row["group"], {})))
	total.update(_digitisation_shares(digitisation_counts(from_date, to_date, None, **filters)[0]))


def _digitisation_shares(row: dict) -> dict:
	return {key: row.get(key) for key in ("all_digitised_rate", "result_digitised_rate", "reuse_rate")}


def _with_rates(row: dict) -> dict:
	row = dict(row)
	row["on_time_rate"] = percent(row["early"] + row["on_time"], row["resolved"])
	row["online_rate"] = percent(row["online"], row["received"])
	row["on_the_spot_rate"] = percent(row["on_the_spot"], row["received"])
	row["satisfaction_rate"] = percent(row["satisfied"], row["rated"])
	return row


def columns(group_by: str) -> list[dict]:
	group = {"label": _(group_by), "fieldname": "group", "width": 240}
	group.update(
		{"fieldtype": "Link", "options": LINKS[group_by]} if group_by in LINKS else {"fieldtype": "Data"}
	)

	def count(field, label, width=90):
		return {"label": label, "fieldname": field, "fieldtype": "Int", "width": width}

	def rate(field, label):
		return {"label": label, "fieldname": field, "fieldtype": "Percent", "width": 100}

	return [
		group,
		count("received", _("Received")),
		count("resolved", _("Settled")),
		count("early", _("Early")),
		count("on_time", _("On Time")),
		count("late", _("Late")),
		rate("on_time_rate", _("% On Time")),
		count("pending", _("Pending")),
		count("overdue", _("Overdue")),
		{
			"label": _("Average Handling (working days)"),
			"fieldname": "avg_days",
			"fieldtype": "Float",
			"precision": 2,
			"width": 120,
		},
		rate("online_rate", _("% Filed Online")),
		rate("on_the_spot_rate", _("% On the Spot")),
		rate("satisfaction_rate", _("% Satisfied")),
		rate("all_digitised_rate", _("% Dossiers Fully Digitised")),
		rate("result_digitised_rate", _("% Results Digitised")),
		rate("reuse_rate", _("% Dossiers Reusing Stored Documents")),
	]


def chart(rows: list[dict], group_by: str) -> dict:
	top = rows if group_by == "Month" else rows[:10]
	return {
		"data": {
			"labels": [r["group"] or "-" for r in top],
			"datasets": [
				{"name": _("Early"), "values": [r["early"] for r in top]},
				{"name": _("On Time"), "values": [r["on_time"] for r in top]},
				{"name": _("Late"), "values": [r["late"] for r in top]},
			],
		},
		"type": "bar",
		"barOptions": {"stacked": 1},
		"colors": ["#2f9e44", "#74c0fc", "#e03131"],
	}


def summary(total: dict) -> list[dict]:
	shares = procedure_shares()
	on_the_spot_procedures = percent(shares["on_the_spot"], shares["procedures"])
	return [
		{"label": _("Received"), "value": total["received"], "datatype": "Int", "indicator": "Blue"},
		{
			"label": _("% On Time"),
			"value": total["on_time_rate"],
			"datatype": "Percent",
			"indicator": "Green",
		},
		{
			"label": _("Overdue"),
			"value": total["overdue"],
			"datatype": "Int",
			"indicator": "Red" if total["overdue"] else "Green",
		},
		{
			"label": _("% Filed Online"),
			"value": total["online_rate"],
			"datatype": "Percent",
			"indicator": "Blue",
		},
		{
			"label": _("% Procedures Fully Online"),
			"value": percent(shares["full_online"], shares["procedures"]),
			"datatype": "Percent",
			"indicator": "Blue",
		},
		{
			"label": _("% Procedures on the Spot (target 20%)"),
			"value": on_the_spot_procedures,
			"datatype": "Percent",
			"indicator": "Green" if (on_the_spot_procedures or 0) >= 20 else "Orange",
		},
		{
			"label": _("% Dossiers on the Spot"),
			"value": total["on_the_spot_rate"],
			"datatype": "Percent",
			"indicator": "Blue",
		},
		{
			"label": _("% Satisfied"),
			"value": total["satisfaction_rate"],
			"datatype": "Percent",
			"indicator": "Green",
		},
		{
			"label": _("% Dossiers Fully Digitised"),
			"value": total.get("all_digitised_rate"),
			"datatype": "Percent",
			"indicator": "Blue",
		},
		{
			"label": _("% Results Digitised"),
			"value": total.get("result_digitised_rate"),
			"datatype": "Percent",
			"indicator": "Blue",
		},
	]
