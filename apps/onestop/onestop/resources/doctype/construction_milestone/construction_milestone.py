# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from onestop.core.clock import now as clock_now
from onestop.milestones import slippage_days
from onestop.resources.doctype.construction_project.construction_project import as_milestone, refresh


class ConstructionMilestone(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		actual_end: DF.Date | None
		actual_start: DF.Date | None
		baseline_end: DF.Date | None
		baseline_start: DF.Date | None
		document: DF.Attach | None
		lead_agency: DF.Link | None
		milestone_name: DF.Data
		notes: DF.SmallText | None
		photo: DF.AttachImage | None
		planned_end: DF.Date
		planned_start: DF.Date
		progress: DF.Percent
		project: DF.Link
		responsible_agency: DF.Link | None
		slippage_days: DF.Int
		status: DF.Literal["Not Started", "In Progress", "Done"]
		weight: DF.Float
	# end: auto-generated types

	def validate(self):
		if getdate(self.planned_end) < getdate(self.planned_start):
			frappe.throw(_("A milestone cannot end before it starts."))
		if self.actual_end and self.actual_start and getdate(self.actual_end) < getdate(self.actual_start):
			frappe.throw(_("A milestone cannot end before it starts."))
		if not 0 < (self.weight or 0) <= 100:
			frappe.throw(_("The weight is a share of the project above 0 and up to 100 %."))
		if not 0 <= (self.progress or 0) <= 100:
			frappe.throw(_("Progress is between 0 and 100 %."))
		others = frappe.get_all(
			"Construction Milestone",
			filters={"project": self.project, "name": ("!=", self.name or "")},
			fields=["sum(weight) as total"],
		)[0].total
		if float(others or 0) + self.weight > 100.001:
			frappe.throw(
				_(
					"The milestones of {0} would weigh {1} % together; their weights add up to 100 % at most."
				).format(self.project, round(float(others or 0) + self.weight, 2))
			)
		today = getdate(clock_now())
		if self.status == "Done":
			self.progress = 100
			self.actual_end = self.actual_end or today
		elif self.progress and self.status == "Not Started":
			self.status = "In Progress"
		if self.status != "Not Started" and not self.actual_start:
			self.actual_start = min(today, getdate(self.actual_end or today))
		self.slippage_days = slippage_days(as_milestone(self), today)

	def on_update(self):
		refresh(self.project)
		before = self.get_doc_before_save()
		if before and before.project != self.project:
			refresh(before.project)

	def on_trash(self):
		refresh(self.project)
