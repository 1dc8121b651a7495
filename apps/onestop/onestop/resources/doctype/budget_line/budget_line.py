# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint, getdate, nowdate

from onestop.budget_rules import spendable
from onestop.core.naming import next_name
from onestop.core.rules import EditRules, check_edits
from onestop.resources.budget import charged, money

_REQUEST = frozenset(
	{"title", "fiscal_year", "category", "requesting_agency", "plan_task", "requested_amount", "description"}
)
_REQUESTERS = ("Agency Officer", "Agency Head", "Plan Coordinator")
# Decree 163/2016/NĐ-CP (the State Budget Law's decree): the requesting agency drafts, the
# Department of Finance appraises, the provincial People's Committee (Leadership) approves and
# allocates. The per-line overspend policy is finance's.
EDIT_RULES = EditRules(
	editable={
		"Draft": {role: _REQUEST for role in _REQUESTERS},
		"Returned": {role: _REQUEST for role in _REQUESTERS},
		"Submitted": {"Finance Reviewer": frozenset({"return_reason"})},
		"Under Finance Review": {
			"Finance Reviewer": frozenset(
				{"appraised_amount", "appraisal_note", "on_overspend", "return_reason"}
			),
			"Leadership": frozenset({"approved_amount", "return_reason"}),
		},
		"Approved": {
			"Finance Reviewer": frozenset({"on_overspend"}),
			"Leadership": frozenset({"allocated_amount"}),
		},
		"Allocated": {"Finance Reviewer": frozenset({"on_overspend"})},
	},
	on_action={
		"Returned": frozenset({"return_reason"}),
		"Approved": frozenset({"approved_amount"}),
		"Allocated": frozenset({"allocated_amount"}),
	},
	derived=frozenset({"spent_amount", "remaining_amount"}),
)
MAX_AMOUNT = 10**15  # VND; a line above a million billion is a typing error


class BudgetLine(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		allocated_amount: DF.Currency
		appraisal_note: DF.SmallText | None
		appraised_amount: DF.Currency
		approved_amount: DF.Currency
		category: DF.Literal[
			"Support Allowances",
			"Uniforms",
			"Training",
			"IT System",
			"Headquarters Construction",
			"Communication",
			"Other",
		]
		description: DF.SmallText | None
		fiscal_year: DF.Int
		on_overspend: DF.Literal["Stop", "Warn"]
		plan_task: DF.Link | None
		remaining_amount: DF.Currency
		requested_amount: DF.Currency
		requesting_agency: DF.Link
		return_reason: DF.SmallText | None
		spent_amount: DF.Currency
		status: DF.Literal["Draft", "Submitted", "Under Finance Review", "Approved", "Returned", "Allocated"]
		title: DF.Data
	# end: auto-generated types

	def autoname(self):
		# the series row is made first: two first records of a new prefix at once (core/naming.py)
		self.name = next_name(f"NS-{cint(self.fiscal_year) or nowdate()[:4]}-", 4)

	def validate(self):
		check_edits(self, EDIT_RULES)
		self.fiscal_year = self.fiscal_year or getdate().year
		for field in ("requested_amount", "appraised_amount", "approved_amount", "allocated_amount"):
			if not 0 <= (self.get(field) or 0) <= MAX_AMOUNT:
				frappe.throw(
					_("{0} must be between 0 and {1}.").format(
						_(self.meta.get_label(field)), money(MAX_AMOUNT)
					)
				)
		self.apply_state_change()
		self.check_caps()

	def check_caps(self):
		"""On every save, whatever changed: the allocation stays within the approval, and what
		may be spent never falls below what is already spent. The spent total is read under
		the line's lock (a locking read sees what other transactions committed)."""
		if self.allocated_amount and self.allocated_amount > (self.approved_amount or 0):
			frappe.throw(
				_("The allocated amount ({0}) cannot exceed the approved amount ({1}).").format(
					money(self.allocated_amount), money(self.approved_amount)
				)
			)
		limit = spendable(self.status, self.approved_amount, self.allocated_amount)
		if self.is_new():
			self.spent_amount = 0
		else:
			frappe.db.get_value("Budget Line", self.name, "name", for_update=True)
			self.spent_amount = charged(self.name, locking=True)
		if self.spent_amount > limit and self.status in ("Approved", "Allocated"):
			frappe.throw(
				_("{0} is already spent on this line; what may be spent ({1}) cannot be lower.").format(
					money(self.spent_amount), money(limit)
				)
			)
		self.remaining_amount = limit - self.spent_amount

	def apply_state_change(self):
		"""What each step of the Workflow "Budget Line" needs: the Department of Finance
		appraises before the leadership approves; allocation stays within the approval; a
		returned request says why."""
		before = self.get_doc_before_save()
		if before and before.status == self.status:
			return
		if self.status == "Approved":
			if not self.appraised_amount:
				frappe.throw(_("The Department of Finance appraises the request before it is approved."))
			self.approved_amount = self.approved_amount or self.appraised_amount
		elif self.status == "Allocated":
			self.allocated_amount = self.allocated_amount or self.approved_amount
		elif self.status == "Returned" and not (self.return_reason or "").strip():
			frappe.throw(_("Give the reason for returning the request."))
