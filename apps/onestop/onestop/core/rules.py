"""Who may change which fields of a record in each state, enforced on the server.

Frappe's Workflow says which role may take which action, and its "allow edit" role per state
is applied in the browser only; a REST PUT or a crafted workflow call can change any field.
A DocType declares here, per state, the fields each role may change, and per target state
the fields its workflow action fills in (a reason, an amount); `check_edits` refuses
anything else, whatever the request sent.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import frappe
from frappe import _

IGNORED = frozenset(
	{
		"modified",
		"modified_by",
		"creation",
		"owner",
		"idx",
		"docstatus",
		"_user_tags",
		"_comments",
		"_assign",
		"_liked_by",
		"_seen",
	}
)


class EditRefusedError(frappe.PermissionError):
	"""A field changed that the user may not change in the record's state (HTTP 403)."""


@dataclass(frozen=True)
class EditRules:
	"""editable: {state: {role: fields}}: what each role may change while the record is in a
	state (including the reason or amount an action out of that state asks for: the desk saves
	it just before the action). on_action: {target state: fields}: what the action into that state may fill in
	(beside what the acting role may edit in the state left). derived: fields the server
	computes on every save (never compared). state_field: the workflow state field."""

	editable: dict[str, dict[str, frozenset[str]]]
	on_action: dict[str, frozenset[str]] = field(default_factory=dict)
	derived: frozenset[str] = frozenset()
	state_field: str = "status"


def changed_fields(doc, before) -> set[str]:
	"""Data fields whose value differs between the stored record and `doc` (tables: by their
	rows' data)."""
	changed = set()
	for df in doc.meta.fields:
		if df.fieldtype in ("Section Break", "Column Break", "Tab Break", "HTML", "Button", "Heading"):
			continue
		name = df.fieldname
		if df.fieldtype in frappe.model.table_fields:
			old = [_row_data(r) for r in before.get(name) or []]
			new = [_row_data(r) for r in doc.get(name) or []]
			if old != new:
				changed.add(name)
		elif _norm(doc.get(name), df.fieldtype) != _norm(before.get(name), df.fieldtype):
			changed.add(name)
	return changed


def _row_data(row) -> dict:
	return {
		k: v
		for k, v in row.as_dict().items()
		if k not in IGNORED and k not in ("name", "parent", "parenttype", "parentfield", "doctype")
	}


def _norm(value, fieldtype: str):
	if value in (None, ""):
		return None
	if fieldtype in ("Currency", "Float", "Percent", "Int", "Check"):
		return float(value)
	return str(value)


def allowed_for(rules: EditRules, state: str | None, roles: set[str]) -> set[str]:
	by_role = rules.editable.get(state or "", {})
	return set().union(*(by_role.get(role, frozenset()) for role in roles)) if by_role else set()


def check_edits(doc, rules: EditRules, user: str | None = None) -> None:
	"""Refuse a save that changes fields the user may not change in the record's state.

	New records are governed by the DocPerms (and the controller's own checks); Administrator
	and saves flagged `ignore_edit_rules` by server code (the workflow's own side effects, the
	demo loader) are not checked. Raises EditRefusedError naming the fields."""
	before = doc.get_doc_before_save()
	user = user or frappe.session.user
	if not before or user == "Administrator" or doc.flags.ignore_edit_rules:
		return
	roles = set(frappe.get_roles(user))
	old_state, new_state = before.get(rules.state_field), doc.get(rules.state_field)
	allowed = allowed_for(rules, old_state, roles)
	if old_state != new_state:
		allowed |= set(rules.on_action.get(new_state, frozenset())) | {rules.state_field}
	changed = changed_fields(doc, before) - set(rules.derived) - IGNORED
	refused = sorted(changed - allowed)
	if refused:
		labels = ", ".join(_(doc.meta.get_label(f)) for f in refused)
		frappe.throw(
			_("In the state {0} you cannot change: {1}.").format(_(old_state or _("Draft")), labels),
			EditRefusedError,
			title=_("Not Editable"),
		)


HEAD_ROLES = frozenset({"Agency Head", "Plan Coordinator", "System Manager"})


class HeadSubmitsError(frappe.PermissionError):
	"""An agency officer submitting where the province has its agency heads submit (HTTP 403)."""


def head_submits() -> bool:
	"""The province's setting (Onestop Settings, "The Agency Head Submits"): officers draft,
	only the agency's head submits its tasks, shares and weekly reports (issue 12, seed 000
	II.5: a department's report goes out under its head's approval)."""
	return bool(frappe.db.get_single_value("Onestop Settings", "head_submits"))


def check_head_submits(user: str | None = None) -> None:
	"""Refuse a step into Submitted by a user who is not an agency head (nor a coordinator),
	when the setting asks for the head's approval. The workflow hides the officer's Submit
	button under the same setting (fixtures/workflow.json); this holds whatever the request.
	Raises HeadSubmitsError."""
	user = user or frappe.session.user
	if user == "Administrator" or not head_submits():
		return
	if not HEAD_ROLES & set(frappe.get_roles(user)):
		frappe.throw(
			_("Your agency's head submits it: save it as a draft for the head's approval."),
			HeadSubmitsError,
			title=_("Agency Head's Approval"),
		)
