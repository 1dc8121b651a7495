# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from onestop.core.naming import next_name
from onestop.core.permissions import ASSIGNMENT, acts_for
from onestop.planning.assignments import notify_share, refresh_task
from onestop.planning.task_steps import apply_step, keep_history, progress_of_updates


class PlanTaskAssignment(Document):
	"""One agency's share of a plan task: its own status through the Plan Task workflow, its
	own progress, updates and evidence (planning/assignments.py)."""

	def autoname(self):
		self.name = next_name("PC-", 6)

	def validate(self):
		self.set_focal_point()
		keep_history(self)
		if self.weight is None or self.weight < 0:
			frappe.throw(_("The weight of a share cannot be negative."))
		self.progress = progress_of_updates(self)
		apply_step(self, acts_for(self.agency, scope=ASSIGNMENT), self.agency)

	def set_focal_point(self):
		if self.focal_point:
			return
		self.focal_point = frappe.db.get_value(
			"Agency Member",
			{"parent": self.agency, "parenttype": "Agency", "is_focal_point": 1},
			"user",
			order_by="idx",
		)

	def after_insert(self):
		notify_share(self)

	def on_update(self):
		refresh_task(self.plan_task)

	def after_delete(self):
		refresh_task(self.plan_task)


def on_doctype_update():
	"""One share per agency and task."""
	frappe.db.add_unique("Plan Task Assignment", ["plan_task", "agency"], constraint_name="task_agency")
