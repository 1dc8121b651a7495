"""Digitised components and results of dossiers, and the Decision 766 digitisation rates.

At reception each component of a dossier (its Documents table, filled from the procedure's
list) is scanned and attached to the dossier as a private file, or taken from the applicant's
document store (document_store.reuse_document); at return the result likewise (Result File).
The dossier's controller calls `stamp` on every save: who digitised what and when, taken from
the save itself (a request cannot set them), and the dossier's counters (components,
digitised, all digitised, reused, result digitised) that the rates add up.

The rates (`digitisation_rates`) are the indicators of Decision 766/QĐ-TTg of 23/06/2022,
group "Số hóa hồ sơ, kết quả giải quyết TTHC" (see onestop/digitisation_rules.py for the
definitions), counted over the dossiers received in a period in one aggregate query, under the
caller's agency scope. The open API's indicator export reads them from here.
"""

from __future__ import annotations

import datetime as dt

import frappe
from frappe import _
from frappe.query_builder import Case, DocType
from frappe.query_builder.functions import Count, DateFormat, Sum
from frappe.utils import getdate

from onestop.core import clock
from onestop.core.permissions import DOSSIER, restrict_query
from onestop.digitisation_rules import RESULT_STATES, component_counts, rates

GROUPS = {
	"Competent Agency": "competent_agency",
	"Procedure Field": "field",
	"Procedure": "procedure_code",
	"Month": None,
}


class DigitisationError(frappe.ValidationError):
	"""A scan or result that cannot be taken as digitised (HTTP 417)."""


class SignedResultError(frappe.ValidationError):
	"""A signed result changed without a new signature (HTTP 417)."""


# ------------------------------------------------------------------ on the dossier
def stamp(doc) -> None:
	"""Dossier validate: stamp each component whose scan was attached (or changed) and the
	result, check that every scan is a private file attached to this dossier, refuse a change
	to a signed result, and set the dossier's digitisation counters.
	Raises DigitisationError or SignedResultError (HTTP 417)."""
	before = doc.get_doc_before_save()
	old_rows = {row.name: row for row in (before.documents if before else [])}
	user, now = frappe.session.user, clock.now()
	for row in doc.documents:
		old = old_rows.get(row.name)
		changed = (old.attachment if old else None) != row.attachment
		if row.reused_from and not (old and old.reused_from == row.reused_from):
			if not frappe.flags.onestop_reusing:
				row.reused_from = old.reused_from if old else None  # only reuse_document sets it
		if changed and row.attachment:
			_check_private_scan(doc, row.attachment, row.document)
			row.digitised_by, row.digitised_at = user, now
			if old and old.reused_from == row.reused_from and not frappe.flags.onestop_reusing:
				row.reused_from = None  # a new scan replaces the reused one
		elif not row.attachment:
			row.digitised_by = row.digitised_at = row.reused_from = None
		elif old:
			row.digitised_by, row.digitised_at = old.digitised_by, old.digitised_at
		row.digitised = 1 if (row.attachment or row.reused_from) else 0
	counts = component_counts(doc.documents)
	doc.components_total = counts["total"]
	doc.components_digitised = counts["digitised"]
	doc.all_components_digitised = 1 if counts["all_digitised"] else 0
	doc.reused_documents = counts["reused"]
	_stamp_result(doc, before, user, now)


def _stamp_result(doc, before, user, now) -> None:
	signing = frappe.flags.onestop_signing
	if before and before.signed_file_hash and not signing:
		for field in ("result_file", "signed_result", "signed_file_hash"):
			if before.get(field) != doc.get(field):
				frappe.throw(
					_("The result is signed: it cannot be replaced without a new signature (Sign Result)."),
					SignedResultError,
				)
	if not signing:
		for field in ("signed_result", "signed_by", "signed_at", "signing_certificate", "signer_subject"):
			doc.set(field, before.get(field) if before else None)  # only signing.sign_result sets them
		for field in ("signer_serial", "signed_file_hash"):
			doc.set(field, before.get(field) if before else None)
	old_file = before.result_file if before else None
	if doc.result_file and doc.result_file != old_file:
		_check_private_scan(doc, doc.result_file, _("Result"))
		doc.result_digitised_by, doc.result_digitised_at = user, now
	elif not doc.result_file:
		doc.result_digitised_by = doc.result_digitised_at = None
	elif before:
		doc.result_digitised_by, doc.result_digitised_at = (
			before.result_digitised_by,
			before.result_digitised_at,
		)
	doc.result_digitised = 1 if (doc.result_file or doc.signed_result) else 0


def _check_private_scan(doc, file_url: str, what: str) -> None:
	"""A scan is a private file attached to this dossier (its readers, and no one else, read it).
	On a new dossier, a private file the user uploaded unattached is attached once the dossier
	is saved (attach_pending)."""
	if doc.is_new():
		own = frappe.db.get_value(
			"File",
			{"file_url": file_url, "attached_to_doctype": ("is", "not set"), "owner": frappe.session.user},
			"is_private",
		)
		if own is None:
			frappe.throw(
				_("Save the dossier first, then attach the scan of {0}.").format(frappe.bold(what)),
				DigitisationError,
			)
		if not own:
			frappe.throw(
				_("The scan of {0} must be a private file: upload it again with Private ticked.").format(
					frappe.bold(what)
				),
				DigitisationError,
			)
		doc.flags.onestop_pending_scans = [*(doc.flags.onestop_pending_scans or []), file_url]
		return
	found = frappe.db.get_value(
		"File",
		{"file_url": file_url, "attached_to_doctype": "Dossier", "attached_to_name": doc.name},
		["name", "is_private"],
		as_dict=True,
	)
	if not found:
		found = _attach_own_upload(doc, file_url)
	if not found:
		frappe.throw(
			_("The scan of {0} must be a file attached to this dossier.").format(frappe.bold(what)),
			DigitisationError,
		)
	if not found.is_private:
		frappe.throw(
			_("The scan of {0} must be a private file: upload it again with Private ticked.").format(
				frappe.bold(what)
			),
			DigitisationError,
		)


def _attach_own_upload(doc, file_url: str):
	"""A file the user uploaded without attaching it (through the API) is attached to the
	dossier now; None when there is none."""
	found = frappe.db.get_value(
		"File",
		{"file_url": file_url, "attached_to_doctype": ("is", "not set"), "owner": frappe.session.user},
		["name", "is_private"],
		as_dict=True,
	)
	if found:
		frappe.db.set_value(
			"File", found.name, {"attached_to_doctype": "Dossier", "attached_to_name": doc.name}
		)
	return found


def attach_pending(doc) -> None:
	"""After a new dossier is saved: the scans uploaded before it existed are attached to it."""
	for file_url in doc.flags.onestop_pending_scans or []:
		_attach_own_upload(doc, file_url)
	doc.flags.onestop_pending_scans = None


# ------------------------------------------------------------------ rates
def digitisation_counts(
	from_date: dt.date | str,
	to_date: dt.date | str,
	group_by: str | None = None,
	agency: str | None = None,
	procedure_code: str | None = None,
	field: str | None = None,
	channel: str | None = None,
) -> list[dict]:
	"""Digitisation counts and rates of the dossiers received from `from_date` to `to_date`
	(dates, inclusive), per group (one of GROUPS, or None for one total row), for one competent
	agency, procedure code, field or channel when given.

	Each row: group, received, all_digitised (dossiers whose components were all digitised),
	with_result (dossiers approved, their result issued), result_digitised, reusing (dossiers
	that reused at least one stored document), reused_documents (documents reused), and
	all_digitised_rate, result_digitised_rate, reuse_rate (percent, 2 decimals, None when
	nothing is counted). Restricted users (agency officers) count only their agencies' dossiers.
	One aggregate query on Dossier.
	"""
	if group_by and group_by not in GROUPS:
		frappe.throw(_("Group by one of: {0}.").format(", ".join(_(g) for g in GROUPS)))
	D = DocType("Dossier")
	start = dt.datetime.combine(getdate(from_date), dt.time.min)
	end = dt.datetime.combine(getdate(to_date), dt.time.max)
	has_result = D.status.isin(RESULT_STATES)
	query = (
		frappe.qb.from_(D)
		.select(
			Count("*").as_("received"),
			Sum(D.all_components_digitised).as_("all_digitised"),
			Sum(Case().when(has_result, 1).else_(0)).as_("with_result"),
			Sum(Case().when(has_result & (D.result_digitised == 1), 1).else_(0)).as_("result_digitised"),
			Sum(Case().when(D.reused_documents > 0, 1).else_(0)).as_("reusing"),
			Sum(D.reused_documents).as_("reused_documents"),
		)
		.where(D.received_at[start:end])
	)
	for column, value in (
		("competent_agency", agency),
		("procedure_code", procedure_code),
		("field", field),
		("channel", channel),
	):
		if value:
			query = query.where(D[column] == value)
	query = restrict_query(query, D.competent_agency, DOSSIER)
	group = None
	if group_by == "Month":
		group = DateFormat(D.received_at, "%Y-%m")
	elif group_by:
		group = D[GROUPS[group_by]]
	if group is not None:
		query = query.select(group.as_("group")).groupby(group)
	out = []
	for row in query.run(as_dict=True):
		if not row.received:
			continue
		out.append({"group": row.get("group"), **rates(row)})
	return out or ([] if group is not None else [{"group": None, **rates({})}])


def digitisation_rates(
	from_date: dt.date | str, to_date: dt.date | str, agency: str | None = None, **filters
) -> dict:
	"""The Decision 766/QĐ-TTg digitisation indicators of the dossiers received from
	`from_date` to `to_date` (dates, inclusive), for one competent agency or all (agency=None),
	under the caller's agency scope. filters: procedure_code, field, channel.

	Returns {"from_date", "to_date", "agency", "received", "all_digitised", "with_result",
	"result_digitised", "reusing", "reused_documents" (counts), "all_digitised_rate",
	"result_digitised_rate", "reuse_rate" (percent with 2 decimals, None when the count they
	divide by is 0)}. Definitions: onestop/digitisation_rules.py.
	"""
	row = digitisation_counts(from_date, to_date, None, agency=agency, **filters)[0]
	row.pop("group", None)
	return {"from_date": getdate(from_date), "to_date": getdate(to_date), "agency": agency, **row}


@frappe.whitelist()
def procedure_rates(procedure_code: str, from_date: str | None = None, to_date: str | None = None) -> dict:
	"""The digitisation rates of one procedure's dossiers (all its versions) received from
	`from_date` (default 1 January of this year) to `to_date` (default today), as
	digitisation_rates returns them; shown on the Administrative Procedure form. Needs read
	permission on Administrative Procedure; the counts keep the caller's agency scope."""
	frappe.has_permission("Administrative Procedure", "read", throw=True)
	if not frappe.db.exists("Administrative Procedure", {"procedure_code": procedure_code}):
		frappe.throw(_("No procedure has the code {0}.").format(procedure_code))
	today = getdate()
	return digitisation_rates(
		from_date or dt.date(today.year, 1, 1), to_date or today, procedure_code=procedure_code
	)
