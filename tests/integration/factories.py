"""Records for integration tests, created inside the test's transaction."""

from contextlib import nullcontext

import frappe

PROVINCE = "Bà Rịa - Vũng Tàu"


def agency(name: str, kind: str = "Department", parent: str | None = None, members=(), group: int = 0) -> str:
	doc = frappe.get_doc(
		{
			"doctype": "Agency",
			"agency_name": name,
			"kind": kind,
			"province": PROVINCE,
			"parent_agency": parent,
			"is_group": group,
			"members": [{"user": u, "is_focal_point": 1 if i == 0 else 0} for i, u in enumerate(members)],
		}
	).insert(ignore_permissions=True)
	return doc.name


def add_member(agency_name: str, user: str, focal: bool = False) -> None:
	doc = frappe.get_doc("Agency", agency_name)
	doc.append("members", {"user": user, "is_focal_point": 1 if focal else 0})
	doc.save(ignore_permissions=True)


def user(email: str, *roles: str) -> str:
	if not frappe.db.exists("User", email):
		frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": email.split("@")[0],
				"send_welcome_email": 0,
				"roles": [{"role": r} for r in roles],
			}
		).insert(ignore_permissions=True)
	return email


def plan(year: int = 2018, title: str = "Kế hoạch thử nghiệm") -> str:
	return (
		frappe.get_doc({"doctype": "Annual Plan", "title": title, "year": year, "province": PROVINCE})
		.insert(ignore_permissions=True)
		.name
	)


def task(
	plan_name: str, lead: str | None, co=(), due: str | None = None, title: str = "Nhiệm vụ thử nghiệm"
) -> str:
	return (
		frappe.get_doc(
			{
				"doctype": "Plan Task",
				"annual_plan": plan_name,
				"title": title,
				"lead_agency": lead,
				"co_agencies": [{"agency": a} for a in co],
				"due_date": due,
				"item_key": frappe.generate_hash(length=8),
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


USERS = {
	"coordinator": ("coord@test.onestop", "Plan Coordinator"),
	"leader": ("leader@test.onestop", "Leadership"),
	"finance": ("finance@test.onestop", "Finance Reviewer"),
	"officer_a": ("officer.a@test.onestop", "Agency Officer"),
	"head_a": ("head.a@test.onestop", "Agency Head"),
	"officer_b": ("officer.b@test.onestop", "Agency Officer"),
	"outsider": ("outsider@test.onestop", "Agency Officer"),
	"clerk": ("clerk@test.onestop", "Agency Officer"),
	"receiver": ("receiver@test.onestop", "Receiving Officer"),
	"processor": ("processor@test.onestop", "Processing Officer"),
	"approver": ("approver@test.onestop", "Approving Officer"),
	"other_processor": ("processor.other@test.onestop", "Processing Officer"),
}


def ensure_users() -> None:
	"""The test users and the one-stop centre, created once and kept on the test site (a Frappe
	User costs seconds to create; everything else is created per test and rolled back)."""
	for email, role in USERS.values():
		user(email, role)
	if not frappe.db.exists("Agency", CENTRE):
		frappe.get_doc(
			{
				"doctype": "Agency",
				"agency_name": CENTRE,
				"kind": "Centre",
				"province": PROVINCE,
				"electronic_code": CENTRE_CODE,
			}
		).insert(ignore_permissions=True)
	settings = frappe.get_single("Onestop Settings")
	if settings.receiving_unit != CENTRE:
		settings.receiving_unit = CENTRE
		settings.save(ignore_permissions=True)
	frappe.db.commit()  # nosemgrep: test setup on the test site


CENTRE = "_Test Trung tâm Phục vụ hành chính công"
CENTRE_CODE = "000.00.99.H99"


def procedure(
	code: str | None = None,
	legal_days: float = 3,
	agency: str | None = None,
	stages: list[tuple] | None = None,
	cut_off: str | None = None,
	active_from: str = "2018-01-01",
	**values,
) -> str:
	"""An Administrative Procedure (version 1) with stages (name, agency, working days)."""
	code = code or "T." + frappe.generate_hash(length=6)
	if not frappe.db.exists("Procedure Field", "_Test Lĩnh vực"):
		frappe.get_doc(
			{"doctype": "Procedure Field", "field_name": "_Test Lĩnh vực", "field_code": "TLV"}
		).insert(ignore_permissions=True)
	agency = agency or CENTRE
	stages = (
		stages
		if stages is not None
		else [("Tiếp nhận", CENTRE, 0.5), ("Thẩm định", agency, legal_days - 1), ("Trả kết quả", CENTRE, 0.5)]
	)
	return (
		frappe.get_doc(
			{
				"doctype": "Administrative Procedure",
				"procedure_code": code,
				"procedure_name": f"Thủ tục thử nghiệm {code}",
				"field": "_Test Lĩnh vực",
				"competent_agency": agency,
				"legal_days": legal_days,
				"same_day_cut_off": cut_off,
				"active_from": active_from,
				"stages": [{"stage_name": n, "agency": a, "working_days": d} for n, a, d in stages],
				**values,
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


def dossier(procedure_name: str, received_at, **values) -> str:
	from onestop.core.clock import at

	with at(received_at):
		return (
			frappe.get_doc(
				{
					"doctype": "Dossier",
					"procedure": procedure_name,
					"received_at": received_at,
					"applicant_name": "Nguyễn Văn Thử",
					"applicant_id": "077012345678",
					"phone": "0909123456",
					"address": "12 Lê Lợi, Vũng Tàu",
					"channel": "Direct",
					**values,
				}
			)
			.insert(ignore_permissions=True)
			.name
		)


def act(doctype: str, name: str, action: str, user: str, moment=None, **values):
	"""Apply the workflow `action` to a record as `user` (at `moment`, when given), setting
	`values` first; then Administrator again."""
	from frappe.model.workflow import apply_workflow

	from onestop.core.clock import at

	frappe.set_user(user)
	frappe.local.onestop_user_agencies = None
	try:
		with at(moment) if moment else nullcontext():
			doc = frappe.get_doc(doctype, name)
			if values:
				doc.update(values)
				doc.save()
			return apply_workflow(doc, action)
	finally:
		frappe.set_user("Administrator")


def move(name: str, action: str, moment, user: str = "Administrator", **values):
	"""Apply the workflow `action` to a dossier as `user` at `moment`, setting `values` first."""
	return act("Dossier", name, action, user, moment, **values)


class World:
	"""Two departments under a collective, each with its officer; a coordinator, a leader
	and a finance reviewer; one plan with a task led by each department, one led by B with
	A co-operating, and one led by the collective."""

	def __init__(self):
		for attr, (email, _role) in USERS.items():
			setattr(self, attr, email)
		self.departments = agency("_Test Các Sở, ban, ngành", "Collective", group=1)
		self.a = agency("_Test Sở A", parent=self.departments, members=[self.officer_a, self.head_a])
		self.b = agency("_Test Sở B", parent=self.departments, members=[self.officer_b])
		self.plan = plan()
		self.task_a = task(self.plan, self.a, due="2018-03-31", title="Nhiệm vụ của Sở A")
		self.task_b = task(self.plan, self.b, due="2018-06-30", title="Nhiệm vụ của Sở B")
		self.task_b_with_a = task(self.plan, self.b, co=[self.a], title="Sở B chủ trì, Sở A phối hợp")
		self.task_all = task(self.plan, self.departments, title="Việc của các Sở, ban, ngành")


# ------------------------------------------------------------------ resources
def civil_servant(full_name: str, agency_name: str, **values) -> str:
	return (
		frappe.get_doc(
			{"doctype": "Civil Servant", "full_name": full_name, "home_agency": agency_name, **values}
		)
		.insert(ignore_permissions=True)
		.name
	)


def budget_line(
	agency_name: str,
	requested: int,
	category: str = "Support Allowances",
	year: int = 2018,
	status: str = "Draft",
	allocated: int | None = None,
	on_overspend: str = "Stop",
) -> str:
	"""A budget line; with status Approved or Allocated its amounts are set as finance and the
	leadership would have (the workflow itself is tested in test_resources)."""
	doc = frappe.get_doc(
		{
			"doctype": "Budget Line",
			"title": f"Kinh phí thử nghiệm {category}",
			"fiscal_year": year,
			"category": category,
			"requesting_agency": agency_name,
			"requested_amount": requested,
			"on_overspend": on_overspend,
		}
	).insert(ignore_permissions=True)
	if status != "Draft":
		amount = allocated if allocated is not None else requested
		frappe.db.set_value(
			"Budget Line",
			doc.name,
			{
				"status": status,
				"appraised_amount": requested,
				"approved_amount": requested,
				"allocated_amount": amount,
			},
		)
		frappe.get_doc("Budget Line", doc.name).save(ignore_permissions=True)  # remaining amount
	return doc.name
