"""Who sees which plan tasks.

Plan Coordinators, Leadership, Finance Reviewers and System Managers see every task (their
DocPerms say what they may do with it). A user who holds only agency roles (Agency Officer,
Agency Head) sees the tasks where one of "their" agencies is the lead or a co-operating
agency. Their agencies are those whose Members table lists them, with the offices under
those agencies and the collectives above them ("Các Sở, ban, ngành" for a department).

Frappe's User Permission cannot say "lead or co-operating": it filters each Link field on
its own, so a task co-operated by the user's agency and led by another would be hidden.
Hence the hooks below (registered in hooks.py), built on the Agency tree.
"""

from __future__ import annotations

import frappe
from frappe.query_builder import DocType

UNRESTRICTED_ROLES = {"Administrator", "System Manager", "Plan Coordinator", "Leadership", "Finance Reviewer"}
AGENCY_ROLES = {"Agency Officer", "Agency Head"}


def is_restricted(user: str | None = None) -> bool:
	"""True when the user sees only their agencies' tasks."""
	user = user or frappe.session.user
	if user == "Administrator":
		return False
	roles = set(frappe.get_roles(user))
	return bool(roles & AGENCY_ROLES) and not roles & UNRESTRICTED_ROLES


def clear_user_agencies_cache() -> None:
	frappe.local.onestop_user_agencies = None


def member_agencies(user: str) -> list[str]:
	"""Agencies whose Members table lists `user`."""
	return frappe.get_all("Agency Member", filters={"user": user, "parenttype": "Agency"}, pluck="parent")


def user_agencies(user: str | None = None) -> set[str]:
	"""The agencies a user acts for: their own, the offices under them, the collectives above.

	Returns a set of Agency names (empty for a user in no agency). Cached per request.
	"""
	user = user or frappe.session.user
	cache = getattr(frappe.local, "onestop_user_agencies", None)
	if cache is None:
		cache = frappe.local.onestop_user_agencies = {}
	if user in cache:
		return cache[user]
	own = member_agencies(user)
	result: set[str] = set(own)
	if own:
		agency = DocType("Agency")
		bounds = frappe.get_all("Agency", filters={"name": ("in", own)}, fields=["lft", "rgt"])
		for b in bounds:
			below = (
				frappe.qb.from_(agency)
				.select(agency.name)
				.where((agency.lft >= b.lft) & (agency.rgt <= b.rgt))
				.run(pluck=True)
			)
			above = (
				frappe.qb.from_(agency)
				.select(agency.name)
				.where((agency.lft < b.lft) & (agency.rgt > b.rgt))
				.run(pluck=True)
			)
			result.update(below, above)
	cache[user] = result
	return result


def task_agencies(doc) -> set[str]:
	"""Lead and co-operating agencies of a task as stored: a request cannot widen its own
	access by sending a task with another lead agency."""
	name = doc.get("name")
	if name and frappe.db.exists("Plan Task", name):
		lead = frappe.db.get_value("Plan Task", name, "lead_agency")
		co = frappe.get_all(
			"Plan Task Agency", filters={"parent": name, "parenttype": "Plan Task"}, pluck="agency"
		)
		return {lead, *co} - {None, ""}
	return {doc.get("lead_agency"), *(row.agency for row in doc.get("co_agencies") or [])} - {None, ""}


def plan_task_has_permission(doc, ptype: str | None = None, user: str | None = None) -> bool | None:
	"""has_permission hook of Plan Task: an agency user only reaches their agencies' tasks.

	Returns False to deny, None to leave the decision to the DocPerms.
	"""
	user = user or frappe.session.user
	if not is_restricted(user):
		return None
	if isinstance(doc, str):
		doc = frappe._dict(name=doc)
	if not doc.get("name") or (hasattr(doc, "is_new") and doc.is_new()):
		return None  # creation is governed by the DocPerms (agency roles cannot create)
	return None if task_agencies(doc) & user_agencies(user) else False


def plan_task_query_conditions(user: str | None = None) -> str:
	"""permission_query_conditions hook of Plan Task: the WHERE fragment for list views and
	reports of an agency user. Empty string for unrestricted users."""
	user = user or frappe.session.user
	if not is_restricted(user):
		return ""
	agencies = user_agencies(user)
	if not agencies:
		return "1=0"
	names = ", ".join(frappe.db.escape(a) for a in sorted(agencies))
	return (
		f"(`tabPlan Task`.`lead_agency` in ({names}) or exists (select 1 from `tabPlan Task Agency` pta "
		f"where pta.`parent` = `tabPlan Task`.`name` and pta.`parenttype` = 'Plan Task' "
		f"and pta.`agency` in ({names})))"
	)


def leads_task(doc, user: str | None = None) -> bool:
	"""True when the user acts for the task's lead agency (or coordinates the plan)."""
	user = user or frappe.session.user
	if not is_restricted(user):
		return True
	return bool(doc.lead_agency and doc.lead_agency in user_agencies(user))
