# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, nowdate

from onestop.budget_rules import allowance
from onestop.core.clock import now as clock_now
from onestop.core.naming import next_name


class StaffSecondment(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		budget_line: DF.Link | None
		centre: DF.Link | None
		charged_amount: DF.Currency
		civil_servant: DF.Link
		counter: DF.Link | None
		decision_date: DF.Date | None
		decision_number: DF.Data | None
		ended_on: DF.Date | None
		from_date: DF.Date
		full_name: DF.Data | None
		home_agency: DF.Link | None
		monthly_allowance: DF.Currency
		notes: DF.SmallText | None
		plan_task: DF.Link | None
		rejection_reason: DF.SmallText | None
		status: DF.Literal["Proposed", "Approved", "Active", "Ended", "Rejected"]
		to_date: DF.Date
	# end: auto-generated types

	def autoname(self):
		# the series row is made first: two first records of a new prefix at once (core/naming.py)
		self.name = next_name(f"BP-{nowdate()[:4]}-", 4)

	def validate(self):
		if getdate(self.to_date) < getdate(self.from_date):
			frappe.throw(_("A secondment cannot end before it starts."))
		if (self.monthly_allowance or 0) < 0:
			frappe.throw(_("The monthly allowance cannot be negative."))
		self.centre = self.centre or frappe.db.get_single_value("Onestop Settings", "receiving_unit")
		# the home agency is the civil servant's, whatever the request says
		self.home_agency = frappe.db.get_value("Civil Servant", self.civil_servant, "home_agency")
		if (
			self.is_new()
			and frappe.db.get_value("Civil Servant", self.civil_servant, "status") == "Left the Service"
		):
			frappe.throw(_("{0} has left the service.").format(self.full_name or self.civil_servant))
		self.refuse_overlap()
		self.apply_state_change()
		self.charged_amount = self.budget_charge()[0]

	def refuse_overlap(self):
		"""One officer, one secondment at a time. Secondments of one officer saved at once queue
		on the officer's row, and the overlap is looked for with a locking read (which sees what
		the others committed meanwhile; a plain read would not)."""
		frappe.db.get_value("Civil Servant", self.civil_servant, "name", for_update=True)
		S = frappe.qb.DocType("Staff Secondment")
		overlapping = (
			frappe.qb.from_(S)
			.select(S.name)
			.where(S.civil_servant == self.civil_servant)
			.where(S.name != (self.name or ""))
			.where(S.status.notin(("Rejected", "Ended")))
			.where(S.from_date <= self.to_date)
			.where(S.to_date >= self.from_date)
			.limit(1)
			.for_update()
			.run(pluck=True)
		)
		if overlapping and self.status not in ("Rejected", "Ended"):
			frappe.throw(
				_("{0} is already seconded for these dates ({1}).").format(
					self.full_name or self.civil_servant, overlapping[0]
				)
			)

	def apply_state_change(self):
		before = self.get_doc_before_save()
		if not before or before.status == self.status:
			return
		if self.status == "Rejected" and not (self.rejection_reason or "").strip():
			frappe.throw(_("Give the reason for not approving the secondment."))
		if self.status == "Ended" and not self.ended_on:
			self.ended_on = min(getdate(clock_now()), getdate(self.to_date))

	def budget_charge(self) -> tuple[int, str]:
		"""The support allowance for the months of the secondment (to its end, or the day it
		ended) that fall in the budget line's fiscal year, in VND (resources/budget.py)."""
		if self.status == "Rejected" or not self.budget_line or not self.monthly_allowance:
			return 0, ""
		year = frappe.db.get_value("Budget Line", self.budget_line, "fiscal_year")
		end = getdate(self.ended_on or self.to_date)
		amount = allowance(self.monthly_allowance, getdate(self.from_date), end, int(year or 0))
		return amount, _("Support allowance of {0}, {1} to {2}").format(
			self.full_name, frappe.format(self.from_date, "Date"), frappe.format(end, "Date")
		)
