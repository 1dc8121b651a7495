# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.query_builder.functions import Coalesce, Sum
from frappe.utils import getdate, nowdate

from onestop.core.naming import next_name
from onestop.resources.budget import money


class EntitlementError(frappe.ValidationError):
	"""A uniform issue beyond the officer's yearly entitlement."""


class UniformIssue(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from onestop.resources.doctype.uniform_issue_item.uniform_issue_item import UniformIssueItem

		agency: DF.Link | None
		budget_line: DF.Link | None
		civil_servant: DF.Link
		entitlement_note: DF.SmallText | None
		full_name: DF.Data | None
		issue_date: DF.Date
		items: DF.Table[UniformIssueItem]
		plan_task: DF.Link | None
		total_amount: DF.Currency
	# end: auto-generated types

	def autoname(self):
		# the series row is made first: two first records of a new prefix at once (core/naming.py)
		self.name = next_name(f"TP-{nowdate()[:4]}-", 4)

	def validate(self):
		for row in self.items:
			if (row.quantity or 0) <= 0 or (row.unit_price or 0) < 0 or int(row.quantity) != row.quantity:
				frappe.throw(_("Row {0}: give a quantity above 0 and a price of at least 0.").format(row.idx))
			row.amount = int(row.quantity) * int(row.unit_price or 0)
		self.total_amount = sum(row.amount for row in self.items)
		self.check_entitlement()

	def check_entitlement(self):
		"""The yearly entitlement per officer (Onestop Settings), counted over the calendar
		year of the issue date: an issue beyond it is refused."""
		entitlement = int(frappe.db.get_single_value("Onestop Settings", "uniform_entitlement") or 0)
		if not entitlement:
			self.entitlement_note = None
			return
		year = getdate(self.issue_date).year
		# issues to one officer queue on the officer's row; the sum is a locking read, which
		# sees what the issues saved meanwhile committed (a plain read would not)
		frappe.db.get_value("Civil Servant", self.civil_servant, "name", for_update=True)
		U = frappe.qb.DocType("Uniform Issue")
		issued = (
			frappe.qb.from_(U)
			.select(Coalesce(Sum(U.total_amount), 0))
			.where(U.civil_servant == self.civil_servant)
			.where(U.name != (self.name or ""))
			.where(U.issue_date[f"{year}-01-01" : f"{year}-12-31"])
			.for_update()
			.run()[0][0]
		)
		issued = int(issued or 0)
		if issued + self.total_amount > entitlement:
			frappe.throw(
				_(
					"{0} has been issued {1} of uniforms in {2}; this issue of {3} would exceed the yearly entitlement of {4}."
				).format(
					self.full_name or self.civil_servant,
					money(issued),
					year,
					money(self.total_amount),
					money(entitlement),
				),
				EntitlementError,
				title=_("Beyond the Entitlement"),
			)
		self.entitlement_note = _("{0} of {1} used in {2}, this issue included.").format(
			money(issued + self.total_amount), money(entitlement), year
		)

	def budget_charge(self) -> tuple[int, str]:
		"""The issue's total in VND (resources/budget.py)."""
		return int(self.total_amount or 0), _("Uniforms for {0}").format(self.full_name)
