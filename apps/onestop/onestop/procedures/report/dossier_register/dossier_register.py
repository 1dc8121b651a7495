# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

import datetime as dt

import frappe
from frappe import _
from frappe.query_builder import DocType
from frappe.query_builder.functions import Min
from frappe.utils import getdate


def execute(filters=None):
	"""The dossier register (Sổ theo dõi hồ sơ): form 06 of Circular 01/2018/TT-VPCP and form 07
	of Circular 03/2025/TT-VPCP, for the dossiers received in the period (default: today).
	Its print view (dossier_register.html) lays it out as the form does, on A4 landscape."""
	D = DocType("Dossier")
	S = DocType("Dossier Stage")
	filters = frappe._dict(filters or {})
	start = dt.datetime.combine(getdate(filters.from_date or getdate()), dt.time.min)
	end = dt.datetime.combine(getdate(filters.to_date or getdate()), dt.time.max)
	forwarded = (
		frappe.qb.from_(S)
		.select(Min(S.completed_at))
		.where((S.parent == D.name) & (S.parenttype == "Dossier") & (S.idx == 1))
	)
	query = (
		frappe.qb.from_(D)
		.select(
			D.name,
			D.procedure_name,
			D.applicant_name,
			D.address,
			D.phone,
			D.competent_agency,
			D.received_at,
			D.due_at,
			forwarded.as_("forwarded_at"),
			D.result_ready_at,
			D.returned_at,
			D.status,
		)
		.where(D.received_at[start:end])
		.orderby(D.received_at)
	)
	if filters.get("receiving_unit"):
		query = query.where(D.receiving_unit == filters.receiving_unit)
	rows = query.run(as_dict=True)
	for i, row in enumerate(rows, 1):
		row["idx"] = i
		row["count"] = 1
		status = row["status"]  # a Select value: the form shows it translated, so does the register
		row["status"] = _(status)
	return columns(), rows


def columns():
	def c(label, field, fieldtype="Data", width=140, **kw):
		return {"label": label, "fieldname": field, "fieldtype": fieldtype, "width": width, **kw}

	return [
		c(_("No."), "idx", "Int", 50),
		c(_("Dossier Code"), "name", "Link", 190, options="Dossier"),
		c(_("Procedure"), "procedure_name", width=240),
		c(_("Dossiers"), "count", "Int", 70),
		c(_("Applicant"), "applicant_name", width=170),
		c(_("Address"), "address", width=160),
		c(_("Phone"), "phone", width=110),
		c(_("Competent Agency"), "competent_agency", "Link", 170, options="Agency"),
		c(_("Received At"), "received_at", "Datetime", 150),
		c(_("Appointment"), "due_at", "Datetime", 150),
		c(_("Sent to the Agency"), "forwarded_at", "Datetime", 150),
		c(_("Result Received"), "result_ready_at", "Datetime", 150),
		c(_("Returned At"), "returned_at", "Datetime", 150),
		c(_("Status"), "status", width=120),
	]
