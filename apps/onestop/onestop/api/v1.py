"""The open API of onestop, version 1, for the province's integration platform (LGSP) and the
national public service portal: create a dossier received online, read a dossier's status and
stages, post a status change, list the changes since a moment, and export the Decision 766
indicators.

Paths: /api/method/onestop.api.v1.<method> (also /api/v1/method/… and, with the result under
"data" instead of "message", /api/v2/method/…). The OpenAPI 3 description is generated from
these functions (their signatures, return types and docstrings) and served at
/api/method/onestop.api.v1.openapi, readable at /api-docs.

Authentication: Frappe's token auth with the API key and secret of an integration user
(`Authorization: token <api_key>:<api_secret>`); the user holds the role "Integration Client"
and is a member of the agencies its system exchanges dossiers for (onestop.api.calls). OAuth 2
client credentials are not offered: Frappe v15's OAuth provider grants authorization_code,
refresh_token and password only.

Times are the site's local time (Asia/Ho_Chi_Minh, UTC+7), written "YYYY-MM-DD HH:MM:SS[.ffffff]"
without an offset; durations are working days (Decree 61/2018/NĐ-CP and Decree 118/2025/NĐ-CP).
Errors come back with Frappe's error body ({"exc_type", "_server_messages"}) and a status:
401 no or bad credentials, 403 not an integration user or outside its agencies, 404 no such
dossier open to it, 409 an idempotency key reused for another request, 417 a bad argument or
a step the dossier's rules refuse; never 500 for a bad request.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, TypedDict

import frappe
from frappe import _
from frappe.model.workflow import apply_workflow, get_transitions
from frappe.query_builder import DocType
from frappe.utils import get_datetime, getdate

from onestop.api.calls import (
	api_method,
	claim_key,
	client_agencies,
	dossier_in_scope,
	fingerprint,
	note,
	request_key,
	settle_key,
	shared_read,
)
from onestop.core.clock import now
from onestop.core.db import retry_deadlock
from onestop.core.inputs import clean_value
from onestop.procedures.indicators import FORMATS, indicator_rows, period, respond_with_file

VERSION = "1.0.0"
MAX_DOCUMENTS = 100
MAX_PAGE = 500
COPY_KINDS = ("Original", "Certified Copy", "Copy")
APPLICANT_TYPES = ("Person", "Organisation")
RETURN_CHANNELS = ("Online", "Postal", "Direct")
# the workflow actions an integration client may post, and the field its `reason` fills
# (the Workflow "Dossier" allows them to the role Integration Client)
ACTIONS: dict[str, str | None] = {
	"Request Supplement": "supplement_reason",
	"Resubmit": None,
	"Approve": "result",
	"Refuse": "refusal_reason",
	"Mark Result Ready": None,
	"Return Result": None,
	"Withdraw": "withdrawn_reason",
}
FUTURE_SLACK = dt.timedelta(minutes=5)  # clocks of two systems differ a little


class DocumentMeta(TypedDict):
	document: str
	copy_kind: Literal["Original", "Certified Copy", "Copy"]
	quantity: int


class DossierReceipt(TypedDict):
	dossier: str
	status: str
	received_at: str
	due_at: str | None
	created: bool


class Stage(TypedDict):
	stage: str
	agency: str | None
	started_at: str | None
	due_at: str | None
	completed_at: str | None


class DossierStatus(TypedDict):
	dossier: str
	procedure_code: str
	procedure_name: str
	competent_agency: str | None
	channel: str
	status: str
	received_at: str
	due_at: str | None
	new_due_at: str | None
	resolved_at: str | None
	resolution: str | None
	returned_at: str | None
	late: bool
	modified: str
	stages: list[Stage]


class StatusChange(TypedDict):
	dossier: str
	previous_status: str
	status: str
	modified: str


class Change(TypedDict):
	dossier: str
	status: str
	procedure_code: str
	competent_agency: str | None
	due_at: str | None
	resolution: str | None
	modified: str


class ChangePage(TypedDict):
	changes: list[Change]
	has_more: bool
	next_since: str | None
	next_after: str | None


class IndicatorTable(TypedDict):
	columns: list[str]
	rows: list[dict]


def moment(value) -> str | None:
	"""A datetime as the API writes it (microseconds kept, so a `since` cursor is exact)."""
	if not value:
		return None
	return get_datetime(value).isoformat(sep=" ", timespec="microseconds")


def _text(value, label: str, required: bool = False, limit: int = 140) -> str | None:
	if value is None or (isinstance(value, str) and not value.strip()):
		if required:
			frappe.throw(_("{0} is required.").format(label))
		return None
	if not isinstance(value, str):
		frappe.throw(_("{0} must be text.").format(label))
	return clean_value(value.strip(), "Data", length=limit, label=label)


def _documents(documents) -> list[dict]:
	if documents in (None, ""):
		return []
	if isinstance(documents, str):
		try:
			documents = frappe.parse_json(documents)
		except ValueError:
			frappe.throw(_("documents must be a JSON list of {document, copy_kind, quantity}."))
	if not isinstance(documents, list):
		frappe.throw(_("documents must be a JSON list of {document, copy_kind, quantity}."))
	if len(documents) > MAX_DOCUMENTS:
		frappe.throw(_("At most {0} documents per dossier.").format(MAX_DOCUMENTS))
	rows = []
	for i, row in enumerate(documents, start=1):
		if not isinstance(row, dict):
			frappe.throw(_("Document {0} must be an object {document, copy_kind, quantity}.").format(i))
		name = _text(row.get("document"), _("Document {0}: name").format(i), required=True)
		kind = row.get("copy_kind") or "Copy"
		if kind not in COPY_KINDS:
			frappe.throw(
				_("Document {0}: copy_kind is one of {1}.").format(i, ", ".join(COPY_KINDS)),
			)
		quantity = clean_value(row.get("quantity") or 1, "Int", label=_("Document {0}: quantity").format(i))
		if not 1 <= quantity <= 1000:
			frappe.throw(_("Document {0}: quantity must be from 1 to 1000.").format(i))
		rows.append({"document": name, "copy_kind": kind, "quantity": quantity})
	return rows


@frappe.whitelist(methods=["POST"])
@api_method
@retry_deadlock
def create_dossier(
	procedure_code: str,
	applicant_name: str,
	applicant_id: str | None = None,
	applicant_type: str = "Person",
	phone: str | None = None,
	email: str | None = None,
	address: str | None = None,
	documents: list[DocumentMeta] | None = None,
	received_at: str | None = None,
	idempotency_key: str | None = None,
) -> DossierReceipt:
	"""Create a dossier received online (channel Online), once per idempotency key.

	The dossier gets its code, appointment and stages as one received at the counter would
	(the procedure version in force on the receipt date, the working calendar). A retried call
	with the same key returns the same dossier (created false, HTTP 200) and never makes a
	second one, also when the calls arrive at once; the first call answers HTTP 201.

	Arguments:
		procedure_code: the procedure's national code (e.g. 1.001001); its version in force on the receipt date is used.
		applicant_name: the applicant's full name, or the organisation's name.
		applicant_id: citizen ID number, or the organisation's tax code.
		applicant_type: Person or Organisation.
		phone: the applicant's phone.
		email: the applicant's email.
		address: the applicant's address.
		documents: the dossier's components as metadata, at most 100: a JSON list of {document: name, copy_kind: Original | Certified Copy | Copy, quantity: 1-1000}. Files are not sent through this method.
		received_at: when the portal received it (YYYY-MM-DD HH:MM:SS, site time; not in the future); now when omitted.
		idempotency_key: the key of this request, 8 to 100 letters, digits or . _ : ~ - (a UUID fits); the Idempotency-Key header takes precedence.

	Errors: 403 the procedure is not one of the client's agencies'; 409 the key was used for a
	different request; 417 a missing or bad argument, no procedure of that code in force.
	"""
	agencies = client_agencies()
	key = request_key(idempotency_key)
	procedure_code = _text(procedure_code, _("National Code"), required=True, limit=40)
	if applicant_type not in APPLICANT_TYPES:
		frappe.throw(_("applicant_type is Person or Organisation."))
	received = now()
	if received_at:
		received = get_datetime(clean_value(received_at, "Datetime", label=_("Received At")))
		if received > now() + FUTURE_SLACK:
			frappe.throw(_("The receipt time {0} is in the future.").format(received_at))
	payload = {
		"procedure_code": procedure_code,
		"applicant_name": _text(applicant_name, _("Applicant Name"), required=True),
		"applicant_id": _text(applicant_id, _("ID or Tax Number"), limit=20),
		"applicant_type": applicant_type,
		"phone": _text(phone, _("Phone"), limit=20),
		"email": _text(email, _("Email")),
		"address": _text(address, _("Address"), limit=500),
		"documents": _documents(documents),
		"received_at": received_at and received,
	}
	from onestop.procedures.doctype.administrative_procedure.administrative_procedure import (
		version_in_force,
	)

	version = version_in_force(procedure_code, getdate(received))
	if not version:
		frappe.throw(
			_("No procedure {0} is in force on {1}.").format(
				procedure_code, frappe.format(getdate(received), "Date")
			)
		)
	procedure = frappe.get_cached_doc("Administrative Procedure", version)
	on_it = {procedure.competent_agency, *(row.agency for row in procedure.stages)} - {None, ""}
	if not on_it & agencies:
		frappe.throw(
			_("The procedure {0} is not handled by this integration user's agencies.").format(procedure_code),
			frappe.PermissionError,
		)
	made = claim_key(key, fingerprint(payload))
	if made:
		row = shared_read("Dossier", made, ["name", "status", "received_at", "due_at"])
		note(dossier=made)
		return _receipt(row, created=False)
	doc = frappe.get_doc(
		{
			"doctype": "Dossier",
			"procedure": version,
			"channel": "Online",
			"received_at": received,
			**{k: v for k, v in payload.items() if k not in ("procedure_code", "received_at", "documents")},
			"documents": payload["documents"],
		}
	).insert(ignore_permissions=True)
	settle_key(key, doc.name)
	note(dossier=doc.name)
	frappe.response["http_status_code"] = 201
	return _receipt(doc, created=True)


def _receipt(row, created: bool) -> DossierReceipt:
	return {
		"dossier": row.name,
		"status": row.status,
		"received_at": moment(row.received_at),
		"due_at": moment(row.due_at),
		"created": created,
	}


@frappe.whitelist(methods=["GET"])
@api_method
def get_dossier(dossier: str) -> DossierStatus:
	"""A dossier's status, appointment, outcome and stages (no personal data of the applicant).

	Arguments:
		dossier: the dossier code.

	Errors: 404 no such dossier among those the client's agencies are on.
	"""
	name = dossier_in_scope(dossier, client_agencies())
	note(dossier=name)
	doc = frappe.get_doc("Dossier", name)
	return {
		"dossier": doc.name,
		"procedure_code": doc.procedure_code,
		"procedure_name": doc.procedure_name,
		"competent_agency": doc.competent_agency,
		"channel": doc.channel,
		"status": doc.status,
		"received_at": moment(doc.received_at),
		"due_at": moment(doc.due_at),
		"new_due_at": moment(doc.new_due_at),
		"resolved_at": moment(doc.resolved_at),
		"resolution": doc.resolution or None,
		"returned_at": moment(doc.returned_at),
		"late": doc.is_late,
		"modified": moment(doc.modified),
		"stages": [
			{
				"stage": row.stage_name,
				"agency": row.agency,
				"started_at": moment(row.started_at),
				"due_at": moment(row.due_at),
				"completed_at": moment(row.completed_at),
			}
			for row in doc.stages
		],
	}


@frappe.whitelist(methods=["POST"])
@api_method
@retry_deadlock
def change_status(
	dossier: str, action: str, reason: str | None = None, return_channel: str | None = None
) -> StatusChange:
	"""Move a dossier on through its workflow (Workflow "Dossier"), with the dossier's own rules:
	a late dossier needs its apology before it is approved or refused, a supplement request,
	refusal or withdrawal needs its reason.

	Arguments:
		dossier: the dossier code.
		action: one of Request Supplement, Resubmit, Approve, Refuse, Mark Result Ready, Return Result, Withdraw.
		reason: what the applicant must supplement (Request Supplement), why it is refused (Refuse) or withdrawn (Withdraw); the result's summary (Approve).
		return_channel: how the result was returned (Return Result): Online (default), Postal or Direct.

	Errors: 404 no such dossier among those the client's agencies are on; 417 an unknown action,
	an action the dossier's state does not allow, a missing reason.
	"""
	agencies = client_agencies()
	if action not in ACTIONS:
		frappe.throw(_("action is one of: {0}.").format(", ".join(ACTIONS)))
	name = dossier_in_scope(dossier, agencies, for_update=True)
	note(dossier=name)
	doc = frappe.get_doc("Dossier", name)
	previous = doc.status
	if action not in {t.action for t in get_transitions(doc)}:
		frappe.throw(_("{0} is not possible while the dossier is {1}.").format(_(action), _(previous)))
	values = {}
	field = ACTIONS[action]
	if field and reason is not None:
		values[field] = clean_value(str(reason).strip(), "Small Text", label=_(doc.meta.get_label(field)))
	if action == "Return Result":
		channel = return_channel or "Online"
		if channel not in RETURN_CHANNELS:
			frappe.throw(_("return_channel is Online, Postal or Direct."))
		values["return_channel"] = channel
	if values:
		doc.update(values)
		doc.save()
	doc = apply_workflow(doc, action)
	return {
		"dossier": doc.name,
		"previous_status": previous,
		"status": doc.status,
		"modified": moment(doc.modified),
	}


@frappe.whitelist(methods=["GET"])
@api_method
def list_changes(since: str, after: str | None = None, limit: int = 100) -> ChangePage:
	"""The dossiers changed since a moment, for synchronisation: those of the client's agencies
	whose last change (modified) is at or after `since`, oldest change first (then by code),
	`limit` at a time. To read on, call again with since = next_since and after = next_after
	(the last row's moment and code) while has_more is true; keep them for the next
	synchronisation too.

	Arguments:
		since: the moment to start from (YYYY-MM-DD HH:MM:SS[.ffffff], site time).
		after: the code of the last dossier already read at exactly `since` (from next_after); rows at `since` up to it are skipped.
		limit: rows per page, 1 to 500 (100 by default).

	Errors: 417 a bad moment or limit.
	"""
	agencies = client_agencies()
	start = get_datetime(clean_value(since, "Datetime", label="since")) if since else None
	if not start:
		frappe.throw(_("Give the moment to list changes from: since (YYYY-MM-DD HH:MM:SS)."))
	limit = clean_value(limit if limit not in (None, "") else 100, "Int", label="limit")
	if not 1 <= limit <= MAX_PAGE:
		frappe.throw(_("limit must be from 1 to {0}.").format(MAX_PAGE))
	after = _text(after, "after")
	D, A = DocType("Dossier"), DocType("Dossier Agency")
	names = sorted(agencies)
	via_stage = (
		frappe.qb.from_(A).select(A.parent).where(A.parenttype == "Dossier").where(A.agency.isin(names))
	)
	newer = (
		(D.modified > start) | ((D.modified == start) & (D.name > after)) if after else D.modified >= start
	)
	rows = (
		frappe.qb.from_(D)
		.select(D.name, D.status, D.procedure_code, D.competent_agency, D.due_at, D.resolution, D.modified)
		.where(newer)
		.where(D.competent_agency.isin(names) | D.name.isin(via_stage))
		.orderby(D.modified)
		.orderby(D.name)
		.limit(limit + 1)
		.run(as_dict=True)
	)
	more = len(rows) > limit
	rows = rows[:limit]
	last = rows[-1] if rows else None
	return {
		"changes": [
			{
				"dossier": r.name,
				"status": r.status,
				"procedure_code": r.procedure_code,
				"competent_agency": r.competent_agency,
				"due_at": moment(r.due_at),
				"resolution": r.resolution or None,
				"modified": moment(r.modified),
			}
			for r in rows
		],
		"has_more": more,
		"next_since": moment(last.modified) if last else moment(start),
		"next_after": last.name if last else after,
	}


@frappe.whitelist(methods=["GET"])
@api_method
def indicators(
	from_date: str, to_date: str, agency: str | None = None, file_format: str = "json"
) -> IndicatorTable:
	"""The Decision 766/QĐ-TTg indicators of the dossiers received in a period, per competent
	agency of the client's and the total, in the stable column layout the README documents
	(onestop.indicator_layout.COLUMNS).

	Arguments:
		from_date: the period's first day of receipt (YYYY-MM-DD).
		to_date: its last day (YYYY-MM-DD), at most three years after from_date.
		agency: only this competent agency (one of the client's).
		file_format: json (the columns and rows), csv (UTF-8 with a byte order mark, header of codes) or xlsx (sheet 1 the same table, sheet 2 each column's Vietnamese name); csv and xlsx come as a file download.

	Errors: 403 an agency not among the client's; 417 bad dates or format.
	"""
	agencies = client_agencies()
	start, end = period(from_date, to_date)
	if agency and agency not in agencies:
		frappe.throw(
			_("{0} is not one of this integration user's agencies.").format(agency), frappe.PermissionError
		)
	file_format = (file_format or "json").strip().lower()
	if file_format not in ("json", *FORMATS):
		frappe.throw(_("The file format is json, csv or xlsx."))
	rows = indicator_rows(start, end, agency, agencies)
	if file_format != "json":
		respond_with_file(rows, file_format, start, end)
		return None
	from onestop.indicator_layout import CODES

	return {
		"columns": list(CODES),
		"rows": [{k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in r.items()} for r in rows],
	}


@frappe.whitelist(allow_guest=True, methods=["GET"])
def openapi() -> dict:
	"""This API's OpenAPI 3 description, generated from this module's functions (their
	arguments, types and docstrings), as the JSON document itself (not under "message").
	Public: no credentials needed."""
	import json
	import sys

	from werkzeug.wrappers import Response

	from onestop.api.openapi import describe

	spec = describe(sys.modules[__name__], title="onestop API", version=VERSION)
	return Response(json.dumps(spec, ensure_ascii=False, indent=1), mimetype="application/json")
