# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from onestop.budget_rules import spendable
from onestop.resources.budget import charged, money


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

	def validate(self):
		self.fiscal_year = self.fiscal_year or getdate().year
		for field in ("requested_amount", "appraised_amount", "approved_amount", "allocated_amount"):
			if (self.get(field) or 0) < 0:
				frappe.throw(_("{0} cannot be negative.").format(_(self.meta.get_label(field))))
		self.apply_state_change()
		self.spent_amount = 0 if self.is_new() else charged(self.name)
		self.remaining_amount = (
			spendable(self.status, self.approved_amount, self.allocated_amount) - self.spent_amount
		)

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
			if self.allocated_amount > (self.approved_amount or 0):
				frappe.throw(
					_("The allocated amount ({0}) cannot exceed the approved amount ({1}).").format(
						money(self.allocated_amount), money(self.approved_amount)
					)
				)
		elif self.status == "Returned" and not (self.return_reason or "").strip():
			frappe.throw(_("Give the reason for returning the request."))
