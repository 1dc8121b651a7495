# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import get_datetime, getdate

from onestop.core.calendar import parse_time, site_calendar
from onestop.core.clock import now as clock_now
from onestop.core.naming import next_name
from onestop.dossier_codes import DEFAULT_PATTERN, CodePatternError, code_parts
from onestop.dossier_timing import StageTiming, late_stage, resolution
from onestop.legal_regimes import forms_for, rules_for
from onestop.procedures import daily_counts, digitisation, document_store

OPEN = ("Received", "Processing", "Supplement Requested")
RESOLVED = ("Approved", "Refused")


class LateDossierError(frappe.ValidationError):
	"""A late dossier moves on only after its apology (form 04) is issued."""


class DossierStateError(frappe.ValidationError):
	"""A state change without what it needs (a reason, a return channel)."""


class Dossier(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from onestop.procedures.doctype.dossier_agency.dossier_agency import DossierAgency
		from onestop.procedures.doctype.dossier_document.dossier_document import DossierDocument
		from onestop.procedures.doctype.dossier_stage.dossier_stage import DossierStage

		address: DF.SmallText | None
		all_components_digitised: DF.Check
		apology_issued_at: DF.Datetime | None
		apology_reason: DF.SmallText | None
		applicant_id: DF.Data | None
		applicant_name: DF.Data
		applicant_type: DF.Literal["Person", "Organisation"]
		channel: DF.Literal["Direct", "Online", "Postal"]
		competent_agency: DF.Link | None
		components_digitised: DF.Int
		components_total: DF.Int
		days_late: DF.Float
		documents: DF.Table[DossierDocument]
		dossier_code: DF.Data | None
		due_at: DF.Datetime | None
		email: DF.Data | None
		extension_requested: DF.Check
		fee: DF.Currency
		fee_paid: DF.Check
		field: DF.Link | None
		forms_regime: DF.Literal["2018", "2025"]
		handling_days: DF.Float
		late_agency: DF.Link | None
		late_stage: DF.Data | None
		new_due_at: DF.Datetime | None
		on_the_spot: DF.Check
		online_level: DF.Literal["Not Online", "Partly Online", "Full Online"]
		other_agencies: DF.TableMultiSelect[DossierAgency]
		paused_days: DF.Float
		phone: DF.Data | None
		procedure: DF.Link
		procedure_code: DF.Data | None
		procedure_name: DF.Data | None
		public_token: DF.Data | None
		received_at: DF.Datetime
		received_by: DF.Link | None
		receiving_unit: DF.Link | None
		refusal_reason: DF.SmallText | None
		resolution: DF.Literal["", "Early", "On Time", "Late"]
		resolved_at: DF.Datetime | None
		resubmitted_at: DF.Datetime | None
		result: DF.SmallText | None
		result_digitised: DF.Check
		result_digitised_at: DF.Datetime | None
		result_digitised_by: DF.Link | None
		result_file: DF.Attach | None
		result_kind: DF.Literal["", "Original", "Certified Copy", "Copy"]
		result_valid_until: DF.Date | None
		result_ready_at: DF.Datetime | None
		return_channel: DF.Literal["", "Direct", "Postal", "Online"]
		returned_at: DF.Datetime | None
		reused_documents: DF.Int
		rules: DF.Data | None
		rated_at: DF.Datetime | None
		satisfaction: DF.Literal["", "Very Satisfied", "Satisfied", "Not Satisfied"]
		satisfaction_comment: DF.SmallText | None
		signed_at: DF.Datetime | None
		signed_by: DF.Link | None
		signed_file_hash: DF.Data | None
		signed_result: DF.Attach | None
		signer_serial: DF.Data | None
		signer_subject: DF.Data | None
		signing_certificate: DF.Link | None
		stages: DF.Table[DossierStage]
		status: DF.Literal[
			"Received",
			"Processing",
			"Supplement Requested",
			"Approved",
			"Refused",
			"Result Ready",
			"Result Returned",
			"Withdrawn",
		]
		stop_reason: DF.SmallText | None
		supplement_count: DF.Int
		supplement_reason: DF.SmallText | None
		supplement_requested_at: DF.Datetime | None
		withdrawn_reason: DF.SmallText | None
	# end: auto-generated types

	def autoname(self):
		self.set_receipt_context()
		self.name = self.dossier_code = next_dossier_code(self)

	def validate(self):
		if self.is_new():
			self.set_receipt_context()
			self.start_clock()
		self.apply_state_change()
		self.set_other_agencies()
		self.keep_citizen_rating()
		digitisation.stamp(self)

	def on_update(self):
		daily_counts.record(self, self.get_doc_before_save())
		document_store.keep(self)

	def on_trash(self):
		daily_counts.forget(self)

	def set_other_agencies(self):
		"""The agencies with a stage here besides the competent agency (the receiving unit,
		the agencies of inter-agency procedures): their officers see the dossier too
		(core.permissions)."""
		others = []
		for row in self.stages:
			if row.agency and row.agency not in (self.competent_agency, *others):
				others.append(row.agency)
		if [r.agency for r in self.other_agencies] != others:
			self.set("other_agencies", [{"agency": a} for a in others])

	def keep_citizen_rating(self):
		"""The rating is the citizen's (Decision 766/QĐ-TTg): no save, from the desk, REST or
		code, enters or changes it; the stored one is kept (none on a new dossier). Only
		onestop.procedures.rating.record_rating writes it."""
		from onestop.procedures.rating import RATING_FIELDS

		before = self.get_doc_before_save()
		for fieldname in RATING_FIELDS:
			self.set(fieldname, before.get(fieldname) if before else None)

	# -------------------------------------------------------------- receipt
	def set_receipt_context(self):
		"""Receiving unit, and the rules and forms in force on the receipt date."""
		self.received_at = self.received_at or clock_now()
		self.receiving_unit = self.receiving_unit or frappe.db.get_single_value(
			"Onestop Settings", "receiving_unit"
		)
		day = getdate(self.received_at)
		self.forms_regime = forms_for(day).key
		self.rules = rules_for(day).decree

	def procedure_doc(self):
		return frappe.get_cached_doc("Administrative Procedure", self.procedure)

	def cut_off(self):
		proc = self.procedure_doc()
		return parse_time(proc.same_day_cut_off, "15:00") if proc.same_day_cut_off else None

	def start_clock(self):
		"""Appointment and stage due times from the working calendar; the procedure version
		must be the one in force on the receipt date."""
		from onestop.procedures.doctype.administrative_procedure.administrative_procedure import (
			version_in_force,
		)

		proc = self.procedure_doc()
		in_force = version_in_force(proc.procedure_code, self.received_at)
		if in_force != proc.name:
			frappe.throw(
				_("Version {0} is not in force on {1}; use {2}.").format(
					proc.name, frappe.format(getdate(self.received_at), "Date"), in_force or _("none")
				)
			)
		calendar = site_calendar()
		received = get_datetime(self.received_at)
		self.due_at = calendar.appointment(received, proc.legal_days, self.cut_off())
		self.received_by = self.received_by or frappe.session.user
		self.public_token = self.public_token or frappe.generate_hash(length=20)
		if not self.fee and proc.fee:
			self.fee = proc.fee
		stages = proc.stages or [
			frappe._dict(
				stage_name=_("Processing"),
				agency=proc.competent_agency,
				role=None,
				working_days=proc.legal_days,
			)
		]
		self.set("stages", [])
		for row in stages:
			self.append(
				"stages",
				{
					"stage_name": row.stage_name,
					"agency": row.agency,
					"role": row.role,
					"working_days": row.working_days,
				},
			)
		self.stages[0].started_at = received
		self.time_open_stages(received)

	def time_open_stages(self, start):
		"""Due moments of the stages not yet done, one after the other from `start`."""
		calendar = site_calendar()
		clock = calendar.clock_start(get_datetime(start), self.cut_off())
		cumulative = 0.0
		for row in self.stages:
			if row.completed_at:
				continue
			cumulative += row.working_days or 0
			if cumulative <= 0:
				row.due_at = self.due_at
			else:
				row.due_at = calendar.add_office_minutes(clock, cumulative * calendar.hours.minutes_per_day)

	# -------------------------------------------------------------- state changes
	def apply_state_change(self):
		before = self.get_doc_before_save()
		old = before.status if before else None
		new = self.status
		if old == new or old is None:
			return
		now = clock_now()
		if new in RESOLVED:
			self.require_apology_if_late(now)
		handler = STATE_HANDLERS.get(new)
		if handler:
			handler(self, old, now)

	def require_apology_if_late(self, now):
		"""Decree 61/2018/NĐ-CP and Decree 118/2025/NĐ-CP: a dossier settled after its
		appointment carries an apology with a new appointment (form 04) to the applicant."""
		if self.due_at and now > get_datetime(self.due_at) and not self.apology_issued_at:
			frappe.throw(
				_(
					"This dossier is past its appointment ({0}): issue the apology and new appointment first."
				).format(frappe.format(self.due_at, "Datetime")),
				LateDossierError,
			)

	def on_processing(self, old, now):
		if old == "Received":
			self.complete_current_stage(now)
		elif old == "Supplement Requested":
			self.restart_after_supplement(now)

	def on_supplement_requested(self, old, now):
		if not (self.supplement_reason or "").strip():
			frappe.throw(_("Say what the applicant must supplement."), DossierStateError)
		self.supplement_requested_at = now
		self.supplement_count = (self.supplement_count or 0) + 1

	def restart_after_supplement(self, now):
		"""The processing time counts again in full from the resubmission (the clock stood
		still while the applicant completed the dossier)."""
		self.resubmitted_at = now
		paused = site_calendar().working_days_elapsed(get_datetime(self.supplement_requested_at), now)
		self.paused_days = round((self.paused_days or 0) + paused, 2)
		proc = self.procedure_doc()
		self.due_at = site_calendar().appointment(now, proc.legal_days, self.cut_off())
		current = self.current_stage()
		if current:
			current.started_at = now
		self.time_open_stages(now)

	def on_approved(self, old, now):
		self.settle(now)
		stages = self.open_stages()
		for row in stages[:-1]:
			self.finish_stage(row, now)

	def on_refused(self, old, now):
		if not (self.refusal_reason or "").strip():
			frappe.throw(_("Give the reason for refusing the dossier."), DossierStateError)
		self.settle(now)
		for row in self.open_stages():
			self.finish_stage(row, now)

	def on_result_ready(self, old, now):
		self.result_ready_at = now

	def on_result_returned(self, old, now):
		if not self.return_channel:
			frappe.throw(_("Choose how the result was returned."), DossierStateError)
		self.returned_at = now
		for row in self.open_stages():
			self.finish_stage(row, now)

	def on_withdrawn(self, old, now):
		if not ((self.withdrawn_reason or "").strip() or (self.stop_reason or "").strip()):
			frappe.throw(_("Give the reason for withdrawing the dossier."), DossierStateError)
		for row in self.open_stages():
			self.finish_stage(row, now)

	def settle(self, now):
		"""Resolution (early, on time, late), handling time and, when late, where."""
		self.resolved_at = now
		self.resolution = resolution(get_datetime(self.due_at), now)
		elapsed = site_calendar().working_days_elapsed(get_datetime(self.received_at), now)
		self.handling_days = round(max(0.0, elapsed - (self.paused_days or 0)), 2)
		if self.resolution == "Late":
			self.days_late = round(site_calendar().working_days_elapsed(get_datetime(self.due_at), now), 2)
			stage = self.stage_that_made_it_late(now)
			self.late_stage = stage.name if stage else None
			self.late_agency = stage.agency if stage else self.competent_agency

	# -------------------------------------------------------------- stages
	def open_stages(self):
		return [row for row in self.stages if not row.completed_at]

	def current_stage(self):
		stages = self.open_stages()
		return stages[0] if stages else None

	def finish_stage(self, row, now):
		row.completed_at = now
		row.started_at = row.started_at or now

	def complete_current_stage(self, now, note: str | None = None):
		"""Hand the dossier to the next stage: the current one is done now, the next starts now."""
		current = self.current_stage()
		if not current:
			return None
		self.finish_stage(current, now)
		if note:
			current.note = note
		following = self.current_stage()
		if following:
			following.started_at = now
		return following

	def stage_that_made_it_late(self, now):
		timings = [
			StageTiming(
				row.stage_name,
				row.agency,
				get_datetime(row.due_at) if row.due_at else None,
				get_datetime(row.completed_at) if row.completed_at else None,
			)
			for row in self.stages
		]
		return late_stage(timings, now)

	@property
	def is_late(self) -> bool:
		"""Past the appointment: settled after it, or open after it (computed, not a state)."""
		if not self.due_at:
			return False
		moment = get_datetime(self.resolved_at) if self.resolved_at else clock_now()
		return moment > get_datetime(self.due_at)


def next_dossier_code(doc) -> str:
	"""The dossier code of the regime in force on the receipt date, numbered per receiving
	unit and day (Circular 01/2018/TT-VPCP, Art. 19; the 2025 pattern is a site setting)."""
	settings = frappe.get_cached_doc("Onestop Settings")
	pattern = settings.get(f"code_pattern_{doc.forms_regime}") or DEFAULT_PATTERN
	if not doc.receiving_unit:
		frappe.throw(_("Set the receiving unit in Onestop Settings before receiving dossiers."))
	agency_code = frappe.db.get_value("Agency", doc.receiving_unit, "electronic_code")
	if not agency_code:
		frappe.throw(
			_("Set the electronic ID code of {0} (Agency) to number its dossiers.").format(
				frappe.bold(doc.receiving_unit)
			)
		)
	proc = frappe.get_cached_doc("Administrative Procedure", doc.procedure)
	field_code = frappe.db.get_value("Procedure Field", proc.field, "field_code") or ""
	try:
		prefix, digits, suffix = code_parts(
			pattern,
			getdate(doc.received_at),
			agency_code,
			field_code=field_code,
			procedure_code=proc.procedure_code,
		)
	except CodePatternError as e:
		frappe.throw(_("The dossier code pattern in Onestop Settings is not valid: {0}").format(str(e)))
	return f"{next_name(prefix, digits)}{suffix}"


# What entering each state records (the Workflow "Dossier" says who may enter it)
STATE_HANDLERS = {
	"Processing": Dossier.on_processing,
	"Supplement Requested": Dossier.on_supplement_requested,
	"Approved": Dossier.on_approved,
	"Refused": Dossier.on_refused,
	"Result Ready": Dossier.on_result_ready,
	"Result Returned": Dossier.on_result_returned,
	"Withdrawn": Dossier.on_withdrawn,
}


def on_doctype_update():
	"""Indexes for the KPIs over millions of dossiers: period, agency and state in one."""
	frappe.db.add_index("Dossier", ["received_at", "competent_agency", "status"], "received_agency_status")
	frappe.db.add_index("Dossier", ["status", "due_at"], "status_due")
	frappe.db.add_index("Dossier", ["resolved_at", "resolution"], "resolved_resolution")
	# an agency's dossiers newest first (its officers' list)
	frappe.db.add_index("Dossier", ["competent_agency", "received_at"], "agency_received")
	# the late ones of a period, ranked and counted per agency on the index alone
	frappe.db.add_index(
		"Dossier",
		["resolution", "received_at", "late_agency", "competent_agency", "days_late"],
		"late_by_period",
	)
	# the digitisation rates of a period per agency on the index alone (procedures/digitisation.py)
	frappe.db.add_index(
		"Dossier",
		[
			"received_at",
			"competent_agency",
			"status",
			"all_components_digitised",
			"result_digitised",
			"reused_documents",
		],
		"digitisation_by_period",
	)
