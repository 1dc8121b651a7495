# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.query_builder.functions import Coalesce
from frappe.utils import getdate

from onestop.core.clock import now as clock_now
from onestop.core.permissions import SCOPES, visible_agencies

ON_DUTY = ("Approved", "Active", "Ended")


def execute(filters=None):
	"""Officers at the centre on a date against what each agency must second ("đủ số lượng",
	seed 000 II.1.a and II.6.b): per agency, or per counter (who is at each counter).

	filters: date (default today), group_by "Agency" | "Counter". Agency officers see their
	agencies only.
	"""
	filters = frappe._dict(filters or {})
	day = getdate(filters.date or clock_now())
	by_counter = filters.group_by == "Counter"
	counters = frappe.get_all(
		"Service Counter",
		filters={"is_active": 1},
		fields=["name", "agency", "staff_required"],
		order_by="name",
	)
	on_duty = seconded_on(day)
	groups: dict[str, dict] = {}
	for counter in counters:
		key = counter.name if by_counter else counter.agency
		row = groups.setdefault(key, _row(key, counter.agency, by_counter))
		row["counters"] += 1
		row["required"] += int(counter.staff_required or 0)
	for s in on_duty:
		agency = s.counter_agency or s.home_agency
		key = (s.counter or _("(no counter)")) if by_counter else agency
		row = groups.setdefault(key, _row(key, agency, by_counter))
		row["seconded"] += 1
		row["officers"].append(s.full_name)
	rows = []
	visible = visible_agencies(SCOPES["Staff Secondment"])
	for row in sorted(groups.values(), key=lambda r: r["group"]):
		if visible is not None and row["agency"] not in visible:
			continue
		row["gap"] = max(0, row["required"] - row["seconded"])
		row["officers"] = ", ".join(sorted(row["officers"]))
		rows.append(row)
	summary = [
		{
			"label": _("Staff Required"),
			"value": sum(r["required"] for r in rows),
			"datatype": "Int",
			"indicator": "Blue",
		},
		{
			"label": _("Seconded"),
			"value": sum(r["seconded"] for r in rows),
			"datatype": "Int",
			"indicator": "Green",
		},
		{
			"label": _("Short"),
			"value": sum(r["gap"] for r in rows),
			"datatype": "Int",
			"indicator": "Red" if any(r["gap"] for r in rows) else "Green",
		},
	]
	return columns(by_counter), rows, None, None, summary


def _row(key, agency, by_counter):
	return {"group": key, "agency": agency, "counters": 0, "required": 0, "seconded": 0, "officers": []}


def seconded_on(day) -> list:
	"""Secondments covering `day`: approved or under way, from their first to their last day
	(the day they ended, if they ended early)."""
	S = frappe.qb.DocType("Staff Secondment")
	C = frappe.qb.DocType("Service Counter")
	end = Coalesce(S.ended_on, S.to_date)
	return (
		frappe.qb.from_(S)
		.left_join(C)
		.on(C.name == S.counter)
		.select(S.name, S.full_name, S.home_agency, S.counter, C.agency.as_("counter_agency"))
		.where(S.status.isin(ON_DUTY))
		.where(S.from_date <= day)
		.where(end >= day)
		.run(as_dict=True)
	)


def columns(by_counter: bool) -> list[dict]:
	first = (
		{
			"label": _("Counter"),
			"fieldname": "group",
			"fieldtype": "Link",
			"options": "Service Counter",
			"width": 200,
		}
		if by_counter
		else {
			"label": _("Agency"),
			"fieldname": "group",
			"fieldtype": "Link",
			"options": "Agency",
			"width": 240,
		}
	)
	cols = [first]
	if by_counter:
		cols.append(
			{
				"label": _("Agency"),
				"fieldname": "agency",
				"fieldtype": "Link",
				"options": "Agency",
				"width": 200,
			}
		)
	else:
		cols.append({"label": _("Counters"), "fieldname": "counters", "fieldtype": "Int", "width": 90})
	return [
		*cols,
		{"label": _("Staff Required"), "fieldname": "required", "fieldtype": "Int", "width": 110},
		{"label": _("Seconded"), "fieldname": "seconded", "fieldtype": "Int", "width": 100},
		{"label": _("Short"), "fieldname": "gap", "fieldtype": "Int", "width": 80},
		{"label": _("Officers"), "fieldname": "officers", "fieldtype": "Data", "width": 360},
	]
