"""Who reaches which records: agency users see their agencies' records only.

Agency users (Agency Officer, Agency Head on plan tasks; Processing and Approving Officers
on dossiers) reach a record when one of "their" agencies is on it: the lead or a
co-operating agency of a plan task, the competent agency or another agency with a stage of a
dossier (its Other Agencies, kept from its stages), the home agency of a civil servant or a
secondment, the requesting agency of a budget line, the lead agency or a co-organiser of a
training course, the lead or responsible agency of a construction project or milestone
(SCOPES lists them all).
Their agencies are those whose Members table lists them, with the offices under them and the
collectives above them ("Các Sở, ban, ngành" for a department). Users holding a role that sees
everything (coordinators, leadership, finance, the centre's receiving officers on dossiers) are not
restricted; their DocPerms say what they may do.

Frappe's User Permission cannot say "lead or co-operating": it filters each Link field on its
own. Hence these hooks (registered in hooks.py), built on the Agency tree.
"""

from __future__ import annotations

from dataclasses import dataclass

import frappe
from frappe import _
from frappe.query_builder import DocType


@dataclass(frozen=True)
class AgencyScope:
	"""How the records of a DocType name their agencies."""

	doctype: str
	link_fields: tuple[str, ...]  # the record's own agency fields
	table_field: str | None  # its child table listing more agencies, if any
	child_doctype: str | None
	child_field: str | None
	restricted_roles: frozenset[str]
	unrestricted_roles: frozenset[str]

	@property
	def link_field(self) -> str:
		return self.link_fields[0]


EVERYTHING = frozenset({"Administrator", "System Manager", "Plan Coordinator", "Leadership"})
AGENCY_USERS = frozenset({"Agency Officer", "Agency Head"})

PLAN_TASK = AgencyScope(
	"Plan Task",
	("lead_agency",),
	"co_agencies",
	"Plan Task Agency",
	"agency",
	AGENCY_USERS,
	EVERYTHING | {"Finance Reviewer"},
)
DOSSIER = AgencyScope(
	"Dossier",
	("competent_agency",),
	"other_agencies",
	"Dossier Agency",
	"agency",
	# an integration client (onestop.api) reaches its agencies' dossiers only, whatever else it holds
	frozenset({"Processing Officer", "Approving Officer", "Integration Client"}),
	EVERYTHING | {"Receiving Officer"},
)


# an agency's share of a task: its own agency's officers act on it, no one else's
ASSIGNMENT = AgencyScope(
	"Plan Task Assignment", ("agency",), None, None, None, AGENCY_USERS, EVERYTHING | {"Finance Reviewer"}
)


def _resource(doctype: str, *link_fields: str, table: tuple[str, str, str] | None = None) -> AgencyScope:
	"""Staff, training, money and construction: an agency's officers and head reach their
	agency's records; finance (which reviews every spending) and the centre reach all."""
	table_field, child_doctype, child_field = table or (None, None, None)
	return AgencyScope(
		doctype,
		link_fields,
		table_field,
		child_doctype,
		child_field,
		AGENCY_USERS,
		EVERYTHING | {"Finance Reviewer"},
	)


SCOPES: dict[str, AgencyScope] = {
	scope.doctype: scope
	for scope in (
		PLAN_TASK,
		ASSIGNMENT,
		DOSSIER,
		_resource("Civil Servant", "home_agency"),
		_resource("Staff Secondment", "home_agency"),
		_resource("Training Course", "lead_agency", table=("co_organisers", "Training Organiser", "agency")),
		_resource("Budget Line", "requesting_agency"),
		_resource("Uniform Issue", "agency"),
		_resource("Construction Project", "lead_agency"),
		_resource("Construction Milestone", "lead_agency", "responsible_agency"),
		_resource("Weekly Report", "agency"),
		# the SMS and e-mail to a dossier's applicant: seen where the dossier's agency is seen
		AgencyScope(
			"Applicant Message",
			("competent_agency",),
			None,
			None,
			None,
			DOSSIER.restricted_roles,
			DOSSIER.unrestricted_roles,
		),
	)
}


def is_restricted(user: str | None = None, scope: AgencyScope = PLAN_TASK) -> bool:
	"""True when the user reaches only their agencies' records of this scope."""
	user = user or frappe.session.user
	if user == "Administrator":
		return False
	roles = set(frappe.get_roles(user))
	return bool(roles & scope.restricted_roles) and not roles & scope.unrestricted_roles


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
		for b in frappe.get_all("Agency", filters={"name": ("in", own)}, fields=["lft", "rgt"]):
			related = (
				frappe.qb.from_(agency)
				.select(agency.name)
				.where(
					((agency.lft >= b.lft) & (agency.rgt <= b.rgt))
					| ((agency.lft < b.lft) & (agency.rgt > b.rgt))
				)
				.run(pluck=True)
			)
			result.update(related)
	cache[user] = result
	return result


def visible_agencies(scope: AgencyScope, user: str | None = None) -> set[str] | None:
	"""The agencies whose records of `scope` the user may see in reports: None when unrestricted
	(every agency), else user_agencies (possibly empty). One meaning of "my agency" for the
	lists (scoped_query_conditions), the reports and the KPIs."""
	return user_agencies(user) if is_restricted(user, scope) else None


def restrict_query(query, column, scope: AgencyScope, user: str | None = None):
	"""A query builder `query` narrowed to the rows whose `column` (an agency Link) is one of
	the user's agencies when `scope` restricts them; unchanged otherwise. The reports' single
	way to apply the agency scope."""
	agencies = visible_agencies(scope, user)
	return query if agencies is None else query.where(column.isin(sorted(agencies) or [""]))


def record_agencies(doc, scope: AgencyScope) -> set[str]:
	"""The agencies on a record as stored: a request cannot widen its own access by sending
	the record with another agency on it."""
	name = doc.get("name")
	own = name and frappe.db.get_value(scope.doctype, name, ["name", *scope.link_fields], as_dict=True)
	if own:
		own.pop("name")
		more = (
			frappe.db.get_values(
				scope.child_doctype,
				{"parent": name, "parenttype": scope.doctype},
				scope.child_field,
				pluck=True,
			)
			if scope.table_field
			else []
		)
		return {*own.values(), *more} - {None, ""}
	rows = (doc.get(scope.table_field) or []) if scope.table_field else []
	own = (doc.get(f) for f in scope.link_fields)
	return {*own, *(r.get(scope.child_field) for r in rows)} - {None, ""}


def has_scoped_permission(doc, user: str | None, scope: AgencyScope) -> bool | None:
	"""False when a restricted user's agencies are not on the record; None to let DocPerms decide."""
	user = user or frappe.session.user
	if not is_restricted(user, scope):
		return None
	if isinstance(doc, str):
		doc = frappe._dict(name=doc)
	if not doc.get("name") or (hasattr(doc, "is_new") and doc.is_new()):
		return None  # creation is governed by the DocPerms
	return None if record_agencies(doc, scope) & user_agencies(user) else False


def scoped_query_conditions(user: str | None, scope: AgencyScope) -> str:
	"""The WHERE fragment for a restricted user's lists and reports ("" when unrestricted).

	"Their agency is the record's own agency, or one listed in its child table". The second
	half is written as the optimiser handles best: left out when their agencies are in no
	child row (a department without inter-agency dossiers lists by the (agency, received)
	index alone), a literal list of names when there are a few, a subquery otherwise.
	"""
	user = user or frappe.session.user
	if not is_restricted(user, scope):
		return ""
	agencies = sorted(user_agencies(user))
	if not agencies:
		return "1=0"
	table, child = f"`tab{scope.doctype}`", f"`tab{scope.child_doctype}`"
	names = ", ".join(frappe.db.escape(a) for a in agencies)
	own = " or ".join(f"{table}.`{field}` in ({names})" for field in scope.link_fields)
	if not scope.table_field:
		return f"({own})"
	C = DocType(scope.child_doctype)
	involved = (
		frappe.qb.from_(C)
		.select(C.parent)
		.distinct()
		.where(C.parenttype == scope.doctype)
		.where(C[scope.child_field].isin(agencies))
		.limit(LITERAL_NAMES + 1)
		.run(pluck=True)
	)
	if not involved:
		return f"({own})"
	if len(involved) <= LITERAL_NAMES:
		listed = ", ".join(frappe.db.escape(n) for n in involved)
		return f"({own} or {table}.`name` in ({listed}))"
	return (
		f"({own} or {table}.`name` in (select c.`parent` from {child} c "
		f"where c.`parenttype` = {frappe.db.escape(scope.doctype)} and c.`{scope.child_field}` in ({names})))"
	)


LITERAL_NAMES = 500


# ------------------------------------------------------------------ hooks (hooks.py)
def has_permission(doc, ptype: str | None = None, user: str | None = None) -> bool | None:
	"""has_permission hook of every DocType in SCOPES: False when a restricted user's
	agencies are not on the stored record, None to let the DocPerms decide."""
	return has_scoped_permission(doc, user, SCOPES[doc.doctype])


def query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""permission_query_conditions hook of every DocType in SCOPES (Frappe passes the
	DocType): the WHERE fragment of scoped_query_conditions."""
	return scoped_query_conditions(user, SCOPES[doctype])


def leads_task(doc, user: str | None = None) -> bool:
	"""True when the user acts for the task's lead agency (or is not restricted)."""
	user = user or frappe.session.user
	if not is_restricted(user, PLAN_TASK):
		return True
	return bool(doc.lead_agency and doc.lead_agency in user_agencies(user))


def acts_for(agency: str | None, user: str | None = None, scope: AgencyScope = DOSSIER) -> bool:
	"""True when the user may act for `agency` (or is not restricted in this scope)."""
	user = user or frappe.session.user
	if not is_restricted(user, scope):
		return True
	return bool(agency and agency in user_agencies(user))


def check_acting_agency(doc, method=None) -> None:
	"""doc_events validate of the agency-owned records (staff, training, money, construction,
	weekly reports): an agency user saves them in their own agencies' name only, whatever the
	request says. An empty agency is filled with the user's own when they belong to one.
	Raises frappe.PermissionError (HTTP 403). Plan tasks and dossiers are not concerned: their
	agencies are set by the coordinator (permission level 1) and by the dossier's stages."""
	scope = SCOPES.get(doc.doctype)
	if not scope or scope in (PLAN_TASK, ASSIGNMENT, DOSSIER) or not is_restricted(scope=scope):
		return
	field = scope.link_field
	if not doc.get(field):
		own = member_agencies(frappe.session.user)
		if len(own) == 1:
			doc.set(field, own[0])
	agency = doc.get(field)
	if {doc.get(f) for f in scope.link_fields} & user_agencies():
		return
	frappe.throw(
		_("You act for {0}; you cannot save a record in the name of {1}.").format(
			", ".join(member_agencies(frappe.session.user)) or _("no agency"), agency or _("no agency")
		),
		frappe.PermissionError,
	)
