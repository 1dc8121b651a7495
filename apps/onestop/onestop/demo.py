"""Demo users for a site that shows the seed plans (fixtures/demo/users.json)."""

from __future__ import annotations

import frappe
from frappe.utils.password import update_password

from onestop.planning.agency_register import Register, home_province


def load_demo_users(users: list[dict], password: str) -> list[str]:
	"""Create or update each user with its roles and agency memberships.

	users: [{"email", "first_name", "roles": [...], "language"?, "agencies": [{"agency",
	"position"?, "focal_point"?}]}]. password: set for every demo user.
	Returns the users' emails.
	"""
	register = Register(home_province())
	emails = []
	for spec in users:
		email = spec["email"]
		if frappe.db.exists("User", email):
			user = frappe.get_doc("User", email)
		else:
			user = frappe.new_doc("User")
			user.email = email
			user.send_welcome_email = 0
		user.first_name = spec["first_name"]
		user.last_name = spec.get("last_name")
		user.language = spec.get("language", "vi")
		user.user_type = "System User"
		user.enabled = 1
		have = {r.role for r in user.roles}
		for role in spec.get("roles", []):
			if role not in have:
				user.append("roles", {"role": role})
		user.flags.ignore_permissions = True
		user.flags.no_welcome_mail = True
		user.save()
		update_password(email, password)
		for membership in spec.get("agencies", []):
			agency = register.find(membership["agency"]) or register.ensure(membership["agency"])
			_add_member(agency, email, membership)
		emails.append(email)
	return emails


def _add_member(agency: str, user: str, membership: dict) -> None:
	doc = frappe.get_doc("Agency", agency)
	row = next((m for m in doc.members if m.user == user), None)
	if row is None:
		row = doc.append("members", {"user": user})
	row.position = membership.get("position")
	row.is_focal_point = 1 if membership.get("focal_point") else 0
	doc.save(ignore_permissions=True)
