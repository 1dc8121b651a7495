# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from onestop.core.clock import now as clock_now
from onestop.core.naming import next_name
from onestop.milestones import Milestone, is_late, slippage_days, weighted_progress


class ConstructionProject(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from onestop.resources.doctype.construction_payment.construction_payment import ConstructionPayment

		baseline_set_on: DF.Date | None
		budget_line: DF.Link | None
		contract_value: DF.Currency
		contractor: DF.Data | None
		late_milestones: DF.Int
		lead_agency: DF.Link
		location: DF.Data | None
		payments: DF.Table[ConstructionPayment]
		plan_task: DF.Link | None
		planned_finish: DF.Date | None
		planned_start: DF.Date | None
		progress: DF.Percent
		project_name: DF.Data
		slippage_days: DF.Int
		status: DF.Literal["Planning", "Under Construction", "Completed", "Suspended"]
		total_paid: DF.Currency
		total_weight: DF.Float
	# end: auto-generated types

	def autoname(self):
		# the series row is made first: two first records of a new prefix at once (core/naming.py)
		self.name = next_name("CT-", 4)

	def validate(self):
		for row in self.payments:
			if (row.amount or 0) <= 0:
				frappe.throw(_("Payment row {0}: the amount must be above 0.").format(row.idx))
			if (
				row.milestone
				and frappe.db.get_value("Construction Milestone", row.milestone, "project") != self.name
			):
				frappe.throw(
					_("Payment row {0}: {1} is a milestone of another project.").format(
						row.idx, row.milestone
					)
				)
		self.total_paid = sum(int(row.amount or 0) for row in self.payments)
		if not self.is_new():
			self.set_progress(getdate(clock_now()))

	def set_progress(self, as_of):
		"""Weighted progress, total weight, late milestones and slippage as of a date."""
		figures = progress_as_of(self.name, as_of)
		self.progress = figures["progress"]
		self.total_weight = figures["total_weight"]
		self.late_milestones = figures["late"]
		self.slippage_days = figures["slippage_days"]

	def budget_charge(self) -> tuple[int, str]:
		"""The payments made, in VND (resources/budget.py)."""
		return int(self.total_paid or 0), _("Construction payments: {0}").format(self.project_name)

	def onload(self):
		if self.total_weight and abs(self.total_weight - 100) > 0.001:
			self.set_onload("weights_warning", self.total_weight)


def as_milestone(row) -> Milestone:
	"""A Construction Milestone (document or row with these fields) for onestop.milestones."""
	return Milestone(
		float(row.weight or 0),
		float(row.progress or 0),
		row.status,
		getdate(row.planned_end),
		getdate(row.baseline_end) if row.baseline_end else None,
		getdate(row.actual_end) if row.actual_end else None,
	)


def milestones_of(project: str) -> list[Milestone]:
	rows = frappe.get_all(
		"Construction Milestone",
		filters={"project": project},
		fields=["weight", "progress", "status", "planned_end", "baseline_end", "actual_end"],
	)
	return [as_milestone(r) for r in rows]


def progress_as_of(project: str, as_of) -> dict:
	"""{progress (%), total_weight (%), late (milestones past their planned end and not
	done), slippage_days (the most any milestone's end is past its baseline)} on `as_of`."""
	items = milestones_of(project)
	as_of = getdate(as_of)
	return {
		"progress": weighted_progress(items),
		"total_weight": round(sum(m.weight for m in items), 2),
		"late": sum(1 for m in items if is_late(m, as_of)),
		"slippage_days": max((slippage_days(m, as_of) for m in items), default=0),
	}


def refresh(project: str) -> None:
	"""Store a project's figures as of today (after a milestone changes)."""
	if not project or not frappe.db.exists("Construction Project", project):
		return
	figures = progress_as_of(project, getdate(clock_now()))
	frappe.db.set_value(
		"Construction Project",
		project,
		{
			"progress": figures["progress"],
			"total_weight": figures["total_weight"],
			"late_milestones": figures["late"],
			"slippage_days": figures["slippage_days"],
		},
	)


@frappe.whitelist(methods=["POST"])
def set_baseline(project: str) -> int:
	"""Keep the milestones' planned dates as their baseline (those without one), the first
	approved dates that later slippage is measured against. Returns how many were set."""
	doc = frappe.get_doc("Construction Project", project)
	doc.check_permission("write")
	names = frappe.get_all(
		"Construction Milestone",
		filters={"project": project, "baseline_end": ("is", "not set")},
		pluck="name",
	)
	for name in names:
		milestone = frappe.get_doc("Construction Milestone", name)
		milestone.baseline_start, milestone.baseline_end = milestone.planned_start, milestone.planned_end
		milestone.save()
	if names and not doc.baseline_set_on:
		doc.db_set("baseline_set_on", getdate(clock_now()))
	refresh(project)
	return len(names)
