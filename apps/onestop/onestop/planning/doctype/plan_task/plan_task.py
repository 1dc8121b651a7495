# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

import re

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.model.naming import make_autoname
from frappe.utils import getdate, nowdate

from onestop.core.permissions import leads_task
from onestop.deadlines import quarter_of
from onestop.planning.assignments import shares_of, sync_assignments
from onestop.planning.task_steps import TaskStateError, apply_step, keep_history, progress_of_updates
from onestop.task_status import days_overdue, shared_progress


class PlanTask(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from onestop.planning.doctype.plan_task_agency.plan_task_agency import PlanTaskAgency
		from onestop.planning.doctype.plan_task_evidence.plan_task_evidence import PlanTaskEvidence
		from onestop.planning.doctype.plan_task_update.plan_task_update import PlanTaskUpdate

		annual_plan: DF.Link
		assigned_agency: DF.Link | None
		co_agencies: DF.TableMultiSelect[PlanTaskAgency]
		completed_on: DF.Date | None
		deadline_kind: DF.Literal[
			"",
			"Fixed Date",
			"Month",
			"Quarter",
			"Half Year",
			"Year",
			"Ongoing",
			"Recurring",
			"None",
			"Unparsed",
		]
		deadline_text: DF.SmallText | None
		details: DF.LongText | None
		due_date: DF.Date | None
		evidence: DF.Table[PlanTaskEvidence]
		expected_product: DF.SmallText | None
		item_key: DF.Data | None
		lead_agency: DF.Link | None
		needs_review: DF.Check
		par_criterion: DF.Data | None
		par_rank: DF.Int
		par_score: DF.Float
		plan_year: DF.Int
		progress: DF.Percent
		quarter: DF.Literal["", "Q1", "Q2", "Q3", "Q4"]
		recurrence: DF.Literal["", "Weekly", "Monthly", "Quarterly", "Yearly"]
		recurrence_time: DF.Data | None
		recurrence_weekday: DF.Literal[
			"", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
		]
		ref: DF.Data | None
		responsible_user: DF.Link | None
		return_reason: DF.SmallText | None
		review_notes: DF.SmallText | None
		section: DF.SmallText | None
		start_date: DF.Date | None
		status: DF.Literal["Not Started", "In Progress", "Submitted", "Done", "Returned"]
		title: DF.Data
		updates: DF.Table[PlanTaskUpdate]
	# end: auto-generated types

	def autoname(self):
		year = frappe.db.get_value("Annual Plan", self.annual_plan, "year") or getdate(nowdate()).year
		self.name = make_autoname(f"NV-{year}-.#####", doc=self)

	def validate(self):
		self.set_plan_year()
		self.tidy_agencies()
		self.validate_dates()
		self.set_quarter()
		self.clear_recurrence_details()
		self.keep_history()
		self.set_progress()
		self.set_responsible_user()
		self.apply_state_change()

	def set_plan_year(self):
		self.plan_year = frappe.db.get_value("Annual Plan", self.annual_plan, "year")

	def tidy_agencies(self):
		"""Co-operating agencies: no repeats, and never the lead agency itself."""
		seen = {self.lead_agency}
		rows = []
		for row in self.co_agencies:
			if row.agency and row.agency not in seen:
				seen.add(row.agency)
				rows.append(row)
		self.co_agencies = rows

	def validate_dates(self):
		if self.start_date and self.due_date and getdate(self.start_date) > getdate(self.due_date):
			frappe.throw(
				_("The start date {0} is after the due date {1}.").format(
					frappe.format(self.start_date, "Date"), frappe.format(self.due_date, "Date")
				)
			)

	def set_quarter(self):
		self.quarter = (
			quarter_of(getdate(self.due_date or self.start_date))
			if (self.due_date or self.start_date)
			else None
		)

	def clear_recurrence_details(self):
		"""Weekday and time of day belong to a weekly recurrence only; a time is HH:MM."""
		if self.recurrence != "Weekly":
			self.recurrence_weekday = None
			self.recurrence_time = None
		if self.recurrence_time:
			m = re.fullmatch(r"\s*(\d{1,2})[:hg](\d{2})?\s*", self.recurrence_time)
			if not m or int(m[1]) > 23 or int(m[2] or 0) > 59:
				frappe.throw(_("Time of day {0} is not a time (HH:MM).").format(self.recurrence_time))
			self.recurrence_time = f"{int(m[1]):02d}:{m[2] or '00'}"

	def keep_history(self):
		keep_history(self)

	def set_progress(self):
		"""Progress is never typed: the latest update's figure (100 once Done), or, for a task
		shared among agencies, the weighted mean of their shares (planning/assignments.py)."""
		shares = shares_of(self.name) if not self.is_new() else []
		self.progress = (
			shared_progress([(s.progress, s.weight) for s in shares]) if shares else progress_of_updates(self)
		)

	def set_responsible_user(self):
		if self.responsible_user or not self.lead_agency:
			return
		focal = frappe.get_all(
			"Agency Member",
			filters={"parent": self.lead_agency, "parenttype": "Agency", "is_focal_point": 1},
			pluck="user",
			order_by="idx",
			limit=1,
		)
		self.responsible_user = focal[0] if focal else None

	def apply_state_change(self):
		"""What each workflow step requires and records (planning/task_steps.py). A task shared
		among agencies takes no step of its own: each agency acts on its share, and the task's
		status follows theirs."""
		before = self.get_doc_before_save()
		if before and before.status != self.status and not self.is_new() and shares_of(self.name):
			frappe.throw(
				_(
					"This task is shared among agencies: each agency acts on its own share, and the task follows."
				),
				TaskStateError,
			)
		apply_step(self, leads_task(self), self.lead_agency)

	def on_update(self):
		if self.has_value_changed("lead_agency"):
			sync_assignments(self.name)

	@property
	def days_overdue(self) -> int:
		"""Days past the due date today (0 when not overdue)."""
		return days_overdue(
			getdate(self.due_date) if self.due_date else None, self.status, getdate(nowdate())
		)
