"""Where a desk user lands after logging in: the home page of their role.

Frappe reads Role.home_page for website users only; desk users land on their default workspace
or the first one. Frappe's on_session_creation hook (hooks.py) runs after the login has set the
response's home page, and here a desk user whose role names a desk route (the Receiving
Officer's "/app/reception", fixtures/role.json) lands there instead, unless their own default
workspace is set (a choice of theirs, which wins).
"""

from __future__ import annotations

import frappe


def role_home_page(user: str) -> str | None:
	"""The desk route (/app/…) of the first of `user`'s roles that names one, by role name;
	None when none does."""
	roles = [r for r in frappe.get_roles(user) if r not in ("All", "Guest")]
	if not roles:
		return None
	pages = frappe.get_all(
		"Role",
		filters={"name": ("in", roles), "disabled": 0, "desk_access": 1, "home_page": ("like", "/app/%")},
		pluck="home_page",
		order_by="name asc",
	)
	return pages[0] if pages else None


def land_on_role_home(login_manager) -> None:
	"""on_session_creation hook: send a desk user to their role's home page."""
	response = frappe.local.response
	if response.get("message") != "Logged In" or not login_manager.user:
		return
	info = getattr(login_manager, "info", None)
	if info and info.get("default_workspace"):
		return
	page = role_home_page(login_manager.user)
	if page:
		response["home_page"] = page
