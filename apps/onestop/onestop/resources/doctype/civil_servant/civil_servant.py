# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from onestop.core.naming import next_name


class CivilServant(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		email: DF.Data | None
		full_name: DF.Data
		grade: DF.Data | None
		home_agency: DF.Link
		phone: DF.Data | None
		position: DF.Data | None
		status: DF.Literal["In Service", "Left the Service"]
		user: DF.Link | None
	# end: auto-generated types

	def autoname(self):
		# the series row is made first: two first records of a new prefix at once (core/naming.py)
		self.name = next_name("CB-", 5)

	def validate(self):
		self.full_name = " ".join((self.full_name or "").split())
		if self.user and frappe.db.exists(
			"Civil Servant", {"user": self.user, "name": ("!=", self.name or "")}
		):
			frappe.throw(_("User {0} belongs to another civil servant.").format(self.user))

	def onload(self):
		"""Their secondments and training, shown on the record (civil_servant.js)."""
		from onestop.resources.doctype.training_course.training_course import training_history

		if self.is_new():
			return
		self.set_onload(
			"secondments",
			frappe.get_all(
				"Staff Secondment",
				filters={"civil_servant": self.name},
				fields=["name", "status", "from_date", "to_date", "ended_on", "counter", "centre"],
				order_by="from_date desc",
			),
		)
		self.set_onload("training", training_history(self.name))
