# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from onestop.core.calendar import site_calendar
from onestop.core.clock import now as clock_now
from onestop.core.naming import next_name
from onestop.core.rules import EditRules, check_edits, check_head_submits
from onestop.planning.weekly_reports import dossier_figures, recorded_progress
from onestop.weekly_cycle import Week, agency_report_due, is_filed_late

_CONTENT = frozenset(
	{
		"tasks_progress",
		"problems",
		"remedies",
		"last_week_outcome",
		"dossiers_received",
		"dossiers_resolved",
		"dossiers_late",
	}
)
# The agency drafts and files its report (seed 000, II.5); once filed it is the centre's to
# acknowledge, and an acknowledged report is frozen.
EDIT_RULES = EditRules(
	editable={
		"Draft": {
			"Agency Officer": _CONTENT,
			"Agency Head": _CONTENT,
			"Plan Coordinator": _CONTENT | {"agency", "week"},
		},
	},
	derived=frozenset(
		{
			"week_start",
			"due_at",
			"submitted_at",
			"is_late",
			"figures_from_dossiers",
			"recorded_progress",
			"last_week_remedies",
			"acknowledged_by",
			"acknowledged_at",
		}
	),
)


class DuplicateWeeklyReportError(frappe.ValidationError):
	"""A second report of one agency for one week."""


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
		recorded_progress: DF.SmallText | None
		remedies: DF.SmallText | None
		status: DF.Literal["Draft", "Submitted", "Acknowledged"]
		submitted_at: DF.Datetime | None
		tasks_progress: DF.SmallText | None
		week: DF.Data
		week_start: DF.Date | None

	# end: auto-generated types

	def autoname(self):
		# the series row is made first: two first records of a new prefix at once (core/naming.py)
		self.name = next_name(f"BC-{self.parsed_week().label}-", 5)

	def validate(self):
		check_edits(self, EDIT_RULES)
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
		before = self.get_doc_before_save()
		if self.status == "Draft" or (before and before.status == "Draft"):  # kept as filed
			self.recorded_progress = recorded_progress(self.agency, week)
		self.apply_state_change(week, is_working_day)

	def onload(self):
		"""A draft shows what its agency has recorded on its tasks so far this week."""
		if self.status == "Draft" and self.agency and self.week:
			try:
				week = Week.parse(self.week)
			except ValueError:
				return
			self.recorded_progress = recorded_progress(self.agency, week)

	def parsed_week(self) -> Week:
		"""The report's ISO week: from 2015 (before onestop's first plans) to the current week;
		a week to come cannot be reported on (and would count as filed on time)."""
		current = Week.of(clock_now())
		try:
			week = Week.parse(self.week or "")
		except ValueError:
			frappe.throw(_("Write the week as an ISO week, e.g. {0}.").format(current.label), title=_("Week"))
		if week.monday.year < 2015 or week.monday > current.monday:
			frappe.throw(
				_("Week {0} cannot be reported on: give a week from 2015 to this week ({1}).").format(
					self.week, current.label
				),
				title=_("Week"),
			)
		return week

	def refuse_duplicate(self):
		other = frappe.db.exists(
			"Weekly Report", {"agency": self.agency, "week": self.week, "name": ("!=", self.name or "")}
		)
		if other:
			self.duplicate(other)

	def duplicate(self, other: str | None = None):
		frappe.throw(
			_("{0} already has a report for week {1}: {2}.").format(self.agency, self.week, other or ""),
			DuplicateWeeklyReportError,
		)

	def show_unique_validation_message(self, e):
		"""Two reports of one agency and week saved at once: the unique key (agency, week)
		refuses the second; say so in the same words as the check in validate."""
		self.duplicate(frappe.db.get_value("Weekly Report", {"agency": self.agency, "week": self.week}))

	def apply_state_change(self, week: Week, is_working_day):
		"""What each step of the Workflow "Weekly Report" records: the filing moment and
		whether it was late (Thursday 15:00, seed 000 II.5), and who acknowledged it."""
		before = self.get_doc_before_save()
		if not before or before.status == self.status:
			return
		if self.status == "Submitted":
			check_head_submits()
			if (self.last_week_remedies or "").strip() and not (self.last_week_outcome or "").strip():
				frappe.throw(_("Say what came of last week's remedies before filing the report."))
			self.submitted_at = clock_now()
			self.is_late = int(is_filed_late(week, self.submitted_at, is_working_day))
		elif self.status == "Acknowledged":
			self.acknowledged_by = frappe.session.user
			self.acknowledged_at = clock_now()


def on_doctype_update():
	"""One report per agency and ISO week, held by MariaDB itself (saves at once included)."""
	frappe.db.add_unique("Weekly Report", ["agency", "week"], constraint_name="agency_week")
