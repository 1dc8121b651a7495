"""Assigning a record to an agency: a ToDo for each of its focal points.

Frappe assigns to users only; an agency's focal points (Agency Members marked as such, or all
its members when none is) stand for it. Used by plan tasks, their shares and dossier stages.
"""

from __future__ import annotations

import frappe
from frappe.desk.form.assign_to import add as add_assignment


def focal_points(agency: str) -> list[str]:
	"""Enabled users who receive an agency's work (its focal points, else all its members)."""
	members = frappe.get_all(
		"Agency Member",
		filters={"parent": agency, "parenttype": "Agency"},
		fields=["user", "is_focal_point"],
		order_by="idx",
	)
	users = [m.user for m in members if m.is_focal_point] or [m.user for m in members]
	enabled = (
		set(frappe.get_all("User", filters={"name": ("in", users), "enabled": 1}, pluck="name"))
		if users
		else set()
	)
	return [u for u in users if u in enabled]


def assign_to_agency(doctype: str, name: str, agency: str | None, description: str) -> list[str]:
	"""Open a ToDo on the record for each focal point of `agency` not yet assigned.
	Returns the users assigned now."""
	if not agency:
		return []
	already = set(
		frappe.get_all(
			"ToDo",
			filters={"reference_type": doctype, "reference_name": name, "status": "Open"},
			pluck="allocated_to",
		)
	)
	# only users whose roles read the DocType: Frappe would otherwise share the record with
	# them (an agency's focal point for plan tasks may have no role on dossiers)
	users = [
		u for u in focal_points(agency) if u not in already and frappe.has_permission(doctype, "read", user=u)
	]
	if users:
		add_assignment(
			{"assign_to": users, "doctype": doctype, "name": name, "description": description},
			ignore_permissions=True,
		)
	return users
