"""Spending charged to budget lines, checked where the spending is saved.

A spending DocType (Staff Secondment, Training Course, Uniform Issue, Construction Project)
says what it charges with a method `budget_charge() -> (amount in VND, description)` and its
Link field `budget_line`; the doc_events in hooks.py then call check_charge (validate),
post_charge (on_update) and release_charge (on_trash). The check locks the budget line's row
(SELECT … FOR UPDATE), so two spendings saved at once cannot both take the last money.
Rules: onestop.budget_rules.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.query_builder import DocType
from frappe.query_builder.functions import Coalesce, Sum
from frappe.utils import fmt_money, today

from onestop.budget_rules import check, spendable


class OverspendError(frappe.ValidationError):
	"""A spending exceeds what remains on its budget line (which says Stop)."""


LINE_FIELDS = [
	"name",
	"title",
	"fiscal_year",
	"status",
	"approved_amount",
	"allocated_amount",
	"on_overspend",
]


def check_charge(doc, method=None) -> None:
	"""validate: stop (or warn about) a spending over what remains on its budget line.

	Raises OverspendError naming the line, the amount and what remains; nothing is saved.
	"""
	amount, _description = doc.budget_charge()
	if not doc.get("budget_line") or not amount:
		return
	line = frappe.db.get_value("Budget Line", doc.budget_line, LINE_FIELDS, as_dict=True, for_update=True)
	if not line:
		return  # the Link validation reports it
	limit = spendable(line.status, line.approved_amount, line.allocated_amount)
	check_line_agency(doc, line.name)
	others = charged(doc.budget_line, exclude=(doc.doctype, doc.name), locking=True)
	verdict = check(amount, limit, others, line.on_overspend or "Stop")
	if not verdict.over_by:
		return
	message = _(
		"{0} charges {1} to budget line {2} ({3}), which has {4} left of {5} ({6}): {7} over."
	).format(
		_(doc.doctype),
		money(amount),
		line.name,
		line.title,
		money(max(0, limit - others)),
		money(limit),
		_(line.status),
		money(verdict.over_by),
	)
	if not verdict.allowed:
		frappe.throw(message + " " + _("Nothing was saved."), OverspendError, title=_("Over the Budget"))
	frappe.msgprint(message, title=_("Over the Budget"), indicator="orange", alert=True)


def post_charge(doc, method=None) -> None:
	"""on_update: the spending's Budget Charge, replaced, and the lines' spent amounts."""
	amount, description = doc.budget_charge()
	lines = set(_lines_charged_by(doc))
	frappe.db.delete("Budget Charge", {"voucher_type": doc.doctype, "voucher_name": doc.name})
	if doc.get("budget_line") and amount:
		frappe.get_doc(
			{
				"doctype": "Budget Charge",
				"budget_line": doc.budget_line,
				"voucher_type": doc.doctype,
				"voucher_name": doc.name,
				"amount": amount,
				"charged_on": today(),
				"description": (description or "")[:300],
			}
		).insert(ignore_permissions=True)
		lines.add(doc.budget_line)
	for line in lines:
		refresh_line(line)


def release_charge(doc, method=None) -> None:
	"""on_trash: the spending charges nothing any more."""
	lines = set(_lines_charged_by(doc))
	frappe.db.delete("Budget Charge", {"voucher_type": doc.doctype, "voucher_name": doc.name})
	for line in lines:
		refresh_line(line)


def charged(budget_line: str, exclude: tuple[str, str] | None = None, locking: bool = False) -> int:
	"""VND charged to a budget line, leaving out one spending (doctype, name) if given.

	locking: read the charges with a locking read (SELECT … FOR UPDATE). Under MariaDB's
	REPEATABLE READ a plain SELECT sees the snapshot of the transaction's first read, which
	may predate charges committed while this transaction waited for the line's lock; every
	check or total that guards the money reads with locking=True after locking the line."""
	C = DocType("Budget Charge")
	query = frappe.qb.from_(C).select(Coalesce(Sum(C.amount), 0)).where(C.budget_line == budget_line)
	if exclude:
		query = query.where((C.voucher_type != exclude[0]) | (C.voucher_name != exclude[1]))
	if locking:
		query = query.for_update()
	return int(query.run()[0][0] or 0)


def check_line_agency(doc, line: str) -> None:
	"""An agency user charges spending to their own agencies' budget lines only."""
	from onestop.core.permissions import SCOPES, is_restricted, user_agencies

	scope = SCOPES.get(doc.doctype)
	if not scope or not is_restricted(scope=scope):
		return
	agency = frappe.db.get_value("Budget Line", line, "requesting_agency")
	if agency not in user_agencies():
		frappe.throw(
			_("Budget line {0} belongs to {1}; charge your agency's spending to its own lines.").format(
				line, agency
			),
			frappe.PermissionError,
		)


def refresh_line(name: str) -> None:
	"""Store a budget line's spent and remaining amounts (VND), read under the line's lock."""
	line = frappe.db.get_value("Budget Line", name, LINE_FIELDS, as_dict=True, for_update=True)
	if not line:
		return
	spent = charged(name, locking=True)
	remaining = spendable(line.status, line.approved_amount, line.allocated_amount) - spent
	frappe.db.set_value(
		"Budget Line", name, {"spent_amount": spent, "remaining_amount": remaining}, update_modified=False
	)


def _lines_charged_by(doc) -> list[str]:
	return frappe.get_all(
		"Budget Charge",
		filters={"voucher_type": doc.doctype, "voucher_name": doc.name},
		pluck="budget_line",
	)


def money(amount) -> str:
	return fmt_money(amount, precision=0, currency="VND")
