# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.query_builder import Case
from frappe.query_builder.functions import Count, Sum
from frappe.utils import getdate

from onestop.core.permissions import SCOPES, restrict_query
from onestop.dossier_timing import percent

GROUPS = {"Category": "category", "Requesting Agency": "requesting_agency", "Budget Line": "name"}


def execute(filters=None):
	"""Budget against actual for a fiscal year: requested, appraised, approved, allocated,
	spent (what is charged) and remaining, in VND, per category, requesting agency or line;
	what the Department of Finance reviews. Each line count opens its budget lines.

	filters: fiscal_year (default this year), category, requesting_agency, group_by.
	"""
	filters = frappe._dict(filters or {})
	year = int(filters.fiscal_year or getdate().year)
	group_by = filters.group_by or "Category"
	B = frappe.qb.DocType("Budget Line")
	group = B[GROUPS[group_by]]
	limit = (
		Case()
		.when(B.status == "Allocated", B.allocated_amount)
		.when(B.status == "Approved", B.approved_amount)
		.else_(0)
	)
	query = (
		frappe.qb.from_(B)
		.select(
			group.as_("group"),
			Count("*").as_("lines"),
			Sum(B.requested_amount).as_("requested"),
			Sum(B.appraised_amount).as_("appraised"),
			Sum(B.approved_amount).as_("approved"),
			Sum(B.allocated_amount).as_("allocated"),
			Sum(limit).as_("spendable"),
			Sum(B.spent_amount).as_("spent"),
		)
		.where(B.fiscal_year == year)
		.groupby(group)
		.orderby(group)
	)
	for field in ("category", "requesting_agency"):
		if filters.get(field):
			query = query.where(B[field] == filters[field])
	query = restrict_query(query, B.requesting_agency, SCOPES["Budget Line"])
	if group_by == "Budget Line":
		query = query.select(B.title, B.status, B.category, B.requesting_agency)
	rows = query.run(as_dict=True)
	for row in rows:
		for key in ("requested", "appraised", "approved", "allocated", "spendable", "spent"):
			row[key] = int(row[key] or 0)
		row["remaining"] = row["spendable"] - row["spent"]
		row["used"] = percent(row["spent"], row["spendable"])
	return columns(group_by), rows, None, chart(rows), summary(rows)


def columns(group_by: str) -> list[dict]:
	if group_by == "Budget Line":
		first = [
			{
				"label": _("Budget Line"),
				"fieldname": "group",
				"fieldtype": "Link",
				"options": "Budget Line",
				"width": 150,
			},
			{"label": _("Title"), "fieldname": "title", "fieldtype": "Data", "width": 240},
			{"label": _("Status"), "fieldname": "status", "fieldtype": "Data", "width": 130},
		]
	elif group_by == "Requesting Agency":
		first = [
			{
				"label": _("Requesting Agency"),
				"fieldname": "group",
				"fieldtype": "Link",
				"options": "Agency",
				"width": 240,
			}
		]
	else:
		first = [{"label": _("Category"), "fieldname": "group", "fieldtype": "Data", "width": 200}]

	def vnd(field, label):
		return {"label": label, "fieldname": field, "fieldtype": "Currency", "options": "VND", "width": 140}

	return [
		*first,
		{"label": _("Lines"), "fieldname": "lines", "fieldtype": "Int", "width": 70},
		vnd("requested", _("Requested")),
		vnd("appraised", _("Appraised")),
		vnd("approved", _("Approved")),
		vnd("allocated", _("Allocated")),
		vnd("spent", _("Spent")),
		vnd("remaining", _("Remaining")),
		{"label": _("% Used"), "fieldname": "used", "fieldtype": "Percent", "width": 90},
	]


def chart(rows: list[dict]) -> dict:
	return {
		"data": {
			"labels": [_(r["group"]) if r["group"] else "-" for r in rows],
			"datasets": [
				{"name": _("Spendable"), "values": [r["spendable"] for r in rows]},
				{"name": _("Spent"), "values": [r["spent"] for r in rows]},
			],
		},
		"type": "bar",
		"colors": ["#74c0fc", "#e8590c"],
	}


def summary(rows: list[dict]) -> list[dict]:
	spendable = sum(r["spendable"] for r in rows)
	spent = sum(r["spent"] for r in rows)
	return [
		{
			"label": _("Requested"),
			"value": sum(r["requested"] for r in rows),
			"datatype": "Currency",
			"currency": "VND",
		},
		{"label": _("Approved or Allocated"), "value": spendable, "datatype": "Currency", "currency": "VND"},
		{
			"label": _("Spent"),
			"value": spent,
			"datatype": "Currency",
			"currency": "VND",
			"indicator": "Orange",
		},
		{
			"label": _("Remaining"),
			"value": spendable - spent,
			"datatype": "Currency",
			"currency": "VND",
			"indicator": "Green" if spendable >= spent else "Red",
		},
	]
