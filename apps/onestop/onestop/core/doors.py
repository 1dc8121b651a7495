"""The side doors of Frappe's API held to the same agency scope as the forms.

- `frappe.client.get_count` counts with `frappe.db.count`, without any permission: an officer
  could count another agency's dossiers by any field (an applicant's ID number, digit by
  digit). It is overridden (hooks.py) to count through `frappe.get_list`, which applies the
  DocType's permissions and onestop's query conditions.
- A child table read on its own (`/api/resource/<child>?parent=<DocType>`) is checked by
  Frappe against the parent DocType only; the child tables of agency-scoped records get the
  parent's query conditions (`child_query_conditions`).
- Assigning a record shares it with the assignee (Frappe's assign_to) when they cannot read it;
  a record carrying personal data is never shared with a user whose roles cannot read its
  DocType (`check_share`).
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.client import get_safe_filters

from onestop.core.permissions import SCOPES, scoped_query_conditions

# the child tables of the agency-scoped DocTypes, and their parent (tests/http/test_doors.py
# checks that every child table of a scoped DocType is listed)
CHILD_SCOPES = {
	"Plan Task Agency": ("Plan Task",),
	"Plan Task Update": ("Plan Task", "Plan Task Assignment"),
	"Plan Task Evidence": ("Plan Task", "Plan Task Assignment"),
	"Dossier Document": ("Dossier",),
	"Dossier Stage": ("Dossier",),
	"Dossier Agency": ("Dossier",),
	"Training Organiser": ("Training Course",),
	"Training Session": ("Training Course",),
	"Training Participant": ("Training Course",),
	"Uniform Issue Item": ("Uniform Issue",),
	"Construction Payment": ("Construction Project",),
}
# DocTypes whose records carry applicants' or officers' personal data
PERSONAL = frozenset({"Dossier", "Civil Servant", "Staff Secondment", "Training Course"})


@frappe.whitelist()
def get_count(doctype: str, filters=None, debug=False, cache=False) -> int:
	"""frappe.client.get_count (whose arguments it takes) through the user's permissions:
	the number of records of `doctype` matching `filters` that the user may read.
	Raises frappe.PermissionError when the user may not read the DocType at all."""
	if not frappe.has_permission(doctype, "read"):
		frappe.throw(_("Not permitted"), frappe.PermissionError)
	rows = frappe.get_list(
		doctype, filters=get_safe_filters(filters), fields=["count(*) as count"], limit_page_length=0
	)
	return int(rows[0].count) if rows else 0


def child_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""permission_query_conditions of the child tables in CHILD_SCOPES: a row is listed when
	its parent record is one the user may read ("" when the user is not restricted)."""
	table = f"`tab{doctype}`"
	parts = []
	for parent in CHILD_SCOPES[doctype]:
		condition = scoped_query_conditions(user, SCOPES[parent])
		if not condition:
			return ""
		parts.append(
			f"({table}.`parenttype` = {frappe.db.escape(parent)} and {table}.`parent` in "
			f"(select `name` from `tab{parent}` where {condition}))"
		)
	return "(" + " or ".join(parts) + ")"


def check_share(doc, method=None) -> None:
	"""DocShare validate: a record carrying personal data is shared (by an assignment, or by
	hand) only with users whose roles read its DocType. Raises frappe.PermissionError."""
	if doc.share_doctype not in PERSONAL or not doc.user or doc.user == "Administrator":
		return
	if not frappe.has_permission(doc.share_doctype, "read", user=doc.user):
		frappe.throw(
			_("{0} cannot read {1} records; they are not shared by an assignment.").format(
				doc.user, _(doc.share_doctype)
			),
			frappe.PermissionError,
		)
