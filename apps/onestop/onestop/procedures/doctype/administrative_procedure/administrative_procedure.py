# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import add_days, getdate

from onestop.core.calendar import parse_time
from onestop.legal_regimes import online_level

# What a dossier is handled by: changing any of these on a procedure in use needs a new version.
LEGAL_FIELDS = ("legal_days", "same_day_cut_off", "competent_agency", "fee", "online_level", "on_the_spot")


class ProcedureVersionError(frappe.ValidationError):
	"""A procedure that dossiers use was changed in place."""


class AdministrativeProcedure(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from onestop.procedures.doctype.procedure_component.procedure_component import ProcedureComponent
		from onestop.procedures.doctype.procedure_stage.procedure_stage import ProcedureStage

		active_from: DF.Date
		active_to: DF.Date | None
		competent_agency: DF.Link
		components: DF.Table[ProcedureComponent]
		fee: DF.Currency
		fee_note: DF.SmallText | None
		field: DF.Link
		is_current: DF.Check
		legal_basis: DF.SmallText | None
		legal_days: DF.Float
		level: DF.Literal["Province", "District", "Commune"]
		on_the_spot: DF.Check
		online_level: DF.Literal["Not Online", "Partly Online", "Full Online"]
		postal_return: DF.Check
		previous_version: DF.Link | None
		procedure_code: DF.Data
		procedure_name: DF.Data
		publishing_decision: DF.Data | None
		same_day_cut_off: DF.Data | None
		stages: DF.Table[ProcedureStage]
		version: DF.Int
	# end: auto-generated types

	def autoname(self):
		self.version = self.version or 1
		self.name = f"{self.procedure_code.strip()}-v{self.version}"

	def validate(self):
		self.procedure_code = self.procedure_code.strip()
		self.online_level = online_level(self.online_level)
		self.validate_cut_off()
		self.validate_stages()
		self.validate_dates()
		self.protect_version_in_use()

	def on_update(self):
		self.db_set("is_current", 0 if self.active_to else 1, update_modified=False)

	def validate_cut_off(self):
		if self.same_day_cut_off:
			cut = parse_time(self.same_day_cut_off, "15:00")
			self.same_day_cut_off = cut.strftime("%H:%M")

	def validate_stages(self):
		"""The stages' working days add up to the legal time: the internal process published
		for each procedure splits its time among the agencies that handle it."""
		if self.legal_days is None:
			return  # a missing value is reported as such by the mandatory check
		if self.legal_days < 0:
			frappe.throw(_("The processing time cannot be negative."))
		for row in self.stages:
			if (row.working_days or 0) < 0:
				frappe.throw(_("Stage {0}: working days cannot be negative.").format(row.idx))
		if self.stages:
			total = round(sum(row.working_days or 0 for row in self.stages), 2)
			if abs(total - round(self.legal_days, 2)) > 0.001:
				frappe.throw(
					_("The stages add up to {0} working days; the processing time is {1}.").format(
						frappe.format(total, "Float"), frappe.format(self.legal_days, "Float")
					)
				)

	def validate_dates(self):
		if self.active_to and getdate(self.active_to) < getdate(self.active_from):
			frappe.throw(_("A version cannot end before it comes into force."))

	def protect_version_in_use(self):
		"""Dossiers keep the version they were received under: a procedure with dossiers is
		changed by creating its next version, never in place."""
		before = self.get_doc_before_save()
		if not before or not frappe.db.exists("Dossier", {"procedure": self.name}):
			return
		changed = [f for f in LEGAL_FIELDS if (before.get(f) or None) != (self.get(f) or None)]
		if stage_plan(before) != stage_plan(self):
			changed.append("stages")
		if changed:
			frappe.throw(
				_("Dossiers were received under this version; create a new version to change {0}.").format(
					", ".join(_(self.meta.get_label(f)) if f != "stages" else _("Stages") for f in changed)
				),
				ProcedureVersionError,
			)


def stage_plan(doc) -> list[tuple]:
	return [(r.stage_name, r.agency, r.role, round(r.working_days or 0, 2)) for r in doc.get("stages") or []]


@frappe.whitelist(methods=["POST"])
def new_version(name: str, active_from: str) -> str:
	"""Create the next version of a procedure, in force from `active_from` (a date).

	The version `name` then ends the day before and stops being current; dossiers received
	under it keep it. Returns the new version's name ("1.001193-v2"). Raises ValidationError
	when `active_from` is not after the version's own start.
	"""
	frappe.has_permission("Administrative Procedure", "create", throw=True)
	old = frappe.get_doc("Administrative Procedure", name)
	old.check_permission("write")
	if getdate(active_from) <= getdate(old.active_from):
		frappe.throw(
			_("The new version must come into force after {0}.").format(
				frappe.format(old.active_from, "Date")
			)
		)
	latest = frappe.get_all(
		"Administrative Procedure",
		filters={"procedure_code": old.procedure_code},
		fields=["max(version) as version"],
	)[0].version
	new = frappe.copy_doc(old)
	new.version = (latest or 1) + 1
	new.previous_version = old.name
	new.active_from = active_from
	new.active_to = None
	new.insert()
	old.db_set({"active_to": add_days(active_from, -1), "is_current": 0})
	return new.name


def version_in_force(procedure_code: str, day) -> str | None:
	"""The version of a procedure in force on `day` (a date), or None."""
	day = getdate(day)
	rows = frappe.get_all(
		"Administrative Procedure",
		filters={"procedure_code": procedure_code, "active_from": ("<=", day)},
		fields=["name", "active_to"],
		order_by="version desc",
	)
	for row in rows:
		if not row.active_to or getdate(row.active_to) >= day:
			return row.name
	return None
