"""Queue numbers: the fields the centre's counters call (those listed on a counter, else the
fields of its agency's procedures) get their ticket prefixes (A, B, …), so the kiosk offers
them on sites whose counters were made before queue numbers existed."""

import frappe

from onestop.procedures.queue import counter_fields, ensure_prefixes


def execute():
	fields = set()
	for counter in frappe.get_all("Service Counter", filters={"is_active": 1}, pluck="name"):
		fields.update(counter_fields(counter))
	if fields:
		ensure_prefixes(sorted(fields))
