# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from onestop.planning.weekly_reports import dossier_figures
from onestop.procedures.calendar import site_calendar
from onestop.procedures.clock import now as clock_now
from onestop.weekly_cycle import Week, agency_report_due, is_filed_late


class WeeklyReport(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		acknowledged_at: DF.Datetime | None
		acknowledged_by: DF.Link | None
		agency: DF.Link
		dossiers_late: DF.Int
		dossiers_received: DF.Int
		dossiers_resolved: DF.Int
		due_at: DF.Datetime | None
		figures_from_dossiers: DF.Check
		is_late: DF.Check
		last_week_outcome: DF.SmallText | None
		last_week_remedies: DF.SmallText | None
		problems: DF.SmallText | None
		remedies: DF.SmallText | None
		status: DF.Literal["Draft", "Submitted", "Acknowledged"]
		submitted_at: DF.Datetime | None
		tasks_progress: DF.SmallText | None
		week: DF.Data
		week_start: DF.Date | None

	# end: auto-generated types
	def validate(self):
		week = self.parsed_week()
		self.week, self.week_start = week.label, week.monday
		is_working_day = site_calendar().is_working_day
		self.due_at = agency_report_due(week, is_working_day)
		self.refuse_duplicate()
		if not self.last_week_remedies:
			self.last_week_remedies = frappe.db.get_value(
				"Weekly Report", {"agency": self.agency, "week": week.previous().label}, "remedies"
			)
		if self.status == "Draft":
			figures = dossier_figures(self.agency, week)
			self.figures_from_dossiers = int(figures is not None)
			if figures:
				self.update(figures)
		self.apply_state_change(week, is_working_day)

	def parsed_week(self) -> Week:
		try:
			return Week.parse(self.week or "")
		except ValueError:
			frappe.throw(
				_("Write the week as an ISO week, e.g. {0}.").format(Week.of(clock_now()).label),
				title=_("Week"),
			)

	def refuse_duplicate(self):
		other = frappe.db.exists(
			"Weekly Report", {"agency": self.agency, "week": self.week, "name": ("!=", self.name or "")}
		)
		if other:
			frappe.throw(
				_("{0} already has a report for week {1}: {2}.").format(self.agency, self.week, other)
			)

	def apply_state_change(self, week: Week, is_working_day):
		"""What each step of the Workflow "Weekly Report" records: the filing moment and
		whether it was late (Thursday 15:00, seed 000 II.5), and who acknowledged it."""
		before = self.get_doc_before_save()
		if not before or before.status == self.status:
			return
		if self.status == "Submitted":
			if (self.last_week_remedies or "").strip() and not (self.last_week_outcome or "").strip():
				frappe.throw(_("Say what came of last week's remedies before filing the report."))
			self.submitted_at = clock_now()
			self.is_late = int(is_filed_late(week, self.submitted_at, is_working_day))
		elif self.status == "Acknowledged":
			self.acknowledged_by = frappe.session.user
			self.acknowledged_at = clock_now()
