"""Waiting and service times at the counters (report Queue Times, number card Average Waiting
Today): waiting = called_at − taken_at (every ticket called, no-shows included); service =
done_at − served_at (tickets done). Minutes; averages and the 90th percentile (nearest rank,
onestop.queue_numbers). Read as one query of the tickets' times over the (ticket_date, …) index;
no document is loaded."""

from __future__ import annotations

import datetime as dt

import frappe
from frappe import _
from frappe.query_builder import DocType

from onestop.core import clock
from onestop.queue_numbers import minutes_between, summarize

GROUPS = {"Counter and Field": ("counter", "field"), "Counter": ("counter",), "Procedure Field": ("field",)}


def ticket_times(start: dt.date, end: dt.date, counter: str | None = None, field: str | None = None) -> list:
	"""The tickets taken from `start` to `end` (dates, inclusive): counter, field, status and
	their four moments."""
	T = DocType("Queue Ticket")
	query = (
		frappe.qb.from_(T)
		.select(T.counter, T.field, T.status, T.taken_at, T.called_at, T.served_at, T.done_at)
		.where(T.ticket_date.between(start, end))
	)
	if counter:
		query = query.where(T.counter == counter)
	if field:
		query = query.where(T.field == field)
	return query.run(as_dict=True)


def queue_figures(rows: list, group_by: str = "Counter and Field") -> list[dict]:
	"""Per group of `rows` (ticket_times): tickets, called, done, no_shows, waiting (not called
	yet), waiting_avg / waiting_p90 (minutes, called tickets), service_avg / service_p90
	(minutes, done tickets); sorted by the group's values. A ticket never called has no counter."""
	keys = GROUPS.get(group_by)
	if not keys:
		frappe.throw(_("Group by one of: {0}.").format(", ".join(_(g) for g in GROUPS)))
	groups: dict[tuple, list] = {}
	for row in rows:
		groups.setdefault(tuple(row.get(k) for k in keys), []).append(row)
	out = []
	for key, members in sorted(groups.items(), key=lambda kv: tuple(v or "" for v in kv[0])):
		waits = summarize(minutes_between(r.taken_at, r.called_at) for r in members if r.called_at)
		services = summarize(
			minutes_between(r.served_at, r.done_at) for r in members if r.status == "Done" and r.done_at
		)
		out.append(
			{
				**dict(zip(keys, key, strict=True)),
				"tickets": len(members),
				"called": sum(1 for r in members if r.called_at),
				"done": sum(1 for r in members if r.status == "Done"),
				"no_shows": sum(1 for r in members if r.status == "No-show"),
				"waiting": sum(1 for r in members if r.status == "Waiting"),
				"waiting_avg": waits["average"],
				"waiting_p90": waits["p90"],
				"service_avg": services["average"],
				"service_p90": services["p90"],
			}
		)
	return out


def average_waiting(day: dt.date) -> float | None:
	"""Average minutes from taking to being called, over the tickets of `day` called so far."""
	return summarize(minutes_between(r.taken_at, r.called_at) for r in ticket_times(day, day) if r.called_at)[
		"average"
	]


@frappe.whitelist()
def average_waiting_today(filters: str | None = None) -> dict:
	"""Number card "Average Waiting Today": {value: minutes (0 when nobody was called yet),
	fieldtype: "Float"}. Raises frappe.PermissionError unless the user may read queue tickets."""
	frappe.has_permission("Queue Ticket", "read", throw=True)
	return {"value": average_waiting(clock.now().date()) or 0, "fieldtype": "Float"}
