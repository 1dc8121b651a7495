# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, nowdate

from onestop.core.naming import next_name


class TrainingCourse(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from onestop.resources.doctype.training_organiser.training_organiser import TrainingOrganiser
		from onestop.resources.doctype.training_participant.training_participant import TrainingParticipant
		from onestop.resources.doctype.training_session.training_session import TrainingSession

		budget_line: DF.Link | None
		co_organisers: DF.TableMultiSelect[TrainingOrganiser]
		cost: DF.Currency
		course_title: DF.Data
		end_date: DF.Date | None
		lead_agency: DF.Link
		participants: DF.Table[TrainingParticipant]
		plan_task: DF.Link | None
		sessions: DF.Table[TrainingSession]
		start_date: DF.Date | None
		status: DF.Literal["Planned", "Held", "Cancelled"]
		topic_kind: DF.Literal["Professional Skills", "Communication and Conduct", "One-stop IT System"]
		venue: DF.Data | None
	# end: auto-generated types

	def autoname(self):
		# the series row is made first: two first records of a new prefix at once (core/naming.py)
		self.name = next_name(f"TH-{nowdate()[:4]}-", 3)

	def validate(self):
		dates = sorted(getdate(s.session_date) for s in self.sessions)
		self.start_date, self.end_date = (dates[0], dates[-1]) if dates else (None, None)
		if (self.cost or 0) < 0:
			frappe.throw(_("The cost cannot be negative."))
		seen = set()
		for row in self.participants:
			if row.civil_servant in seen:
				frappe.throw(
					_("Row {0}: {1} is listed twice.").format(row.idx, row.full_name or row.civil_servant)
				)
			seen.add(row.civil_servant)
			if not row.attended and (row.score or row.result or row.certificate):
				frappe.throw(
					_("Row {0}: {1} did not attend, so has no score, result or certificate.").format(
						row.idx, row.full_name or row.civil_servant
					)
				)
			if row.score is not None and not 0 <= row.score <= 100:
				frappe.throw(_("Row {0}: a score is between 0 and 100.").format(row.idx))

	def budget_charge(self) -> tuple[int, str]:
		"""The course's cost in VND, unless it was cancelled (resources/budget.py)."""
		if self.status == "Cancelled":
			return 0, ""
		return int(self.cost or 0), _("Training: {0}").format(self.course_title)


@frappe.whitelist()
def training_history(civil_servant: str) -> list[dict]:
	"""The courses a civil servant took part in, newest first: [{course, course_title,
	topic_kind, start_date, end_date, status, attended, score, result, certificate}]."""
	frappe.has_permission("Civil Servant", "read", doc=civil_servant, throw=True)
	C = frappe.qb.DocType("Training Course")
	P = frappe.qb.DocType("Training Participant")
	return (
		frappe.qb.from_(P)
		.join(C)
		.on(C.name == P.parent)
		.select(
			C.name.as_("course"),
			C.course_title,
			C.topic_kind,
			C.start_date,
			C.end_date,
			C.status,
			P.attended,
			P.score,
			P.result,
			P.certificate,
		)
		.where(P.parenttype == "Training Course")
		.where(P.civil_servant == civil_servant)
		.orderby(C.start_date, order=frappe.qb.desc)
		.run(as_dict=True)
	)
