# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

import frappe
from frappe.model.document import Document
from frappe.model.naming import make_autoname

from onestop.agency_names import fold


class AnnualPlan(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		document_kind: DF.Literal["", "Decision", "Plan", "Notice", "Official Letter", "Directive"]
		import_notes: DF.SmallText | None
		issuer: DF.Data | None
		last_imported_on: DF.Datetime | None
		needs_review_count: DF.Int
		plan_date: DF.Date | None
		plan_key: DF.Data | None
		plan_number: DF.Data | None
		province: DF.Data | None
		source_name: DF.Data | None
		source_text: DF.Code | None
		task_count: DF.Int
		title: DF.Data
		year: DF.Int
	# end: auto-generated types

	def autoname(self):
		self.name = make_autoname(f"KH-{self.year}-.###", doc=self)

	def validate(self):
		self.plan_key = plan_key(self.province, self.year, self.plan_number, self.title)

	def refresh_counts(self):
		"""Store the number of tasks, and of tasks the coordinator should review."""
		counts = frappe.get_all(
			"Plan Task",
			filters={"annual_plan": self.name},
			fields=["count(name) as tasks", "sum(needs_review) as review"],
		)[0]
		self.db_set({"task_count": counts.tasks or 0, "needs_review_count": counts.review or 0})


def plan_key(province: str | None, year: int | str, number: str | None, title: str | None) -> str:
	"""What makes a plan the same plan on re-import: its province, year and number (or title)."""
	return "|".join([fold(province or ""), str(year), fold(number or title or "")])[:140]
