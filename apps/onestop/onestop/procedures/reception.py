"""The reception screen's server side (desk page /app/reception, procedures/page/reception).

At the counter the receiving officer finds the procedure, looks the applicant up by ID
number, ticks the components handed in, sees the appointment, and saves: the dossier is
received (receipt, form 01), or its supplement is requested on the spot (form 02), or it is
refused (form 03). Decree 61/2018/NĐ-CP, Art. 19 and Decree 118/2025/NĐ-CP (receiving a
dossier: check its components, give a receipt with the appointment when it is complete, guide
the applicant in writing when it is not, refuse in writing when it is not receivable); forms of
Circular 01/2018/TT-VPCP and Circular 03/2025/TT-VPCP (onestop.procedures.forms).

The dossier is made through its normal insert path (DocPerms, the Workflow's initial state,
the controller's validation, the agency scope); its appointment comes from the Dossier
controller's own code (Dossier.set_receipt_context and start_clock), run on an unsaved dossier
for the preview, so the appointment shown is the one saved.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import frappe
from frappe import _
from frappe.utils import get_datetime, getdate

from onestop.core.clock import now as clock_now
from onestop.core.inputs import clean_value
from onestop.procedures import document_store
from onestop.procedures.forms import FORM_KINDS, forms_for_dossier, print_format
from onestop.text_search import Candidate, rank

QUERY_MAX = 200  # characters of a search
RESULTS_MAX = 50
DOCUMENTS_MAX = 100  # rows of components on one dossier
STALE_MINUTES = 30  # a preview older than this is computed again before saving
ID_PATTERN = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.\-/]{4,24}$")  # CCCD 12 digits, CMND 9, tax code, passport
KINDS = ("Original", "Certified Copy", "Copy")
APPLICANT_TYPES = ("Person", "Organisation")
APPLICANT_FIELDS = ("applicant_type", "applicant_name", "applicant_id", "phone", "email", "address")
# what saving does: (workflow action after the insert, the form handed to the applicant)
OUTCOMES = {
	"receive": (None, "01"),
	"supplement": ("Request Supplement", "02"),
	"refuse": ("Refuse", "03"),
}


class ReceptionError(frappe.ValidationError):
	"""Input the reception screen cannot act on (HTTP 417)."""


class AppointmentChangedError(ReceptionError):
	"""The appointment computed at saving is not the one the screen showed."""


# ------------------------------------------------------------------ procedures
@frappe.whitelist()
def search_procedures(query: str, limit: int = 20) -> list[dict]:
	"""The procedures in force today that `query` names, best first.

	query: a national code or its start ("1.0010"), or words of the name typed with or
	without accents ("cap giay phep" finds "Cấp giấy phép …"; onestop.text_search), at most
	QUERY_MAX characters. limit: 1 to RESULTS_MAX results.
	Returns [{"name", "procedure_code", "procedure_name", "legal_days" (working days),
	"fee" (VND), "competent_agency", "field"}]; [] for an empty query. Only procedures the
	caller may read (DocPerms of Administrative Procedure). Raises ReceptionError (417) for a
	query that is too long.
	"""
	frappe.has_permission("Administrative Procedure", "read", throw=True)
	query = (query or "").strip()
	if len(query) > QUERY_MAX:
		frappe.throw(_("Type at most {0} characters to search.").format(QUERY_MAX), ReceptionError)
	limit = max(1, min(int(limit or 20), RESULTS_MAX))
	if not query:
		return []
	rows = procedures_in_force(getdate(clock_now()))
	by_name = {r.name: r for r in rows}
	found = rank(query, (Candidate(r.name, r.procedure_code, r.procedure_name) for r in rows), limit)
	return [by_name[c.key] for c in found]


def procedures_in_force(day: dt.date) -> list[frappe._dict]:
	"""The versions in force on `day` that the session user may read."""
	return frappe.get_list(
		"Administrative Procedure",
		filters=[["active_from", "<=", day]],
		or_filters=[["active_to", "is", "not set"], ["active_to", ">=", day]],
		fields=[
			"name",
			"procedure_code",
			"procedure_name",
			"legal_days",
			"fee",
			"competent_agency",
			"field",
		],
		limit_page_length=0,
		order_by="procedure_code asc",
	)


@frappe.whitelist()
def procedure_details(procedure: str, received_at: str | None = None) -> dict:
	"""What the counter shows of a procedure before saving: its components, fee, time and the
	appointment a dossier received at `received_at` would get.

	procedure: an Administrative Procedure (a version). received_at: "YYYY-MM-DD HH:MM[:SS]"
	in the site's time zone; now (to the minute) when empty.
	Returns {"name", "procedure_code", "procedure_name", "competent_agency", "field",
	"legal_days" (working days), "fee" (VND), "fee_note", "online_level", "on_the_spot",
	"components": [{"component", "copy_kind", "quantity", "optional"}], "stages":
	[{"stage_name", "agency", "working_days"}], "received_at", "due_at" (the appointment,
	on the site's working-day calendar), "forms_regime" ("2018" | "2025"), "rules" (the decree)}.
	Raises PermissionError without the right to create dossiers or read the procedure, and
	ReceptionError / ValidationError (417) for a bad moment or a version not in force then.
	"""
	frappe.has_permission("Dossier", "create", throw=True)
	proc = _procedure(procedure)
	moment = _moment(received_at)
	doc = _unsaved_dossier(proc.name, moment)
	return {
		"name": proc.name,
		"procedure_code": proc.procedure_code,
		"procedure_name": proc.procedure_name,
		"competent_agency": proc.competent_agency,
		"field": proc.field,
		"legal_days": proc.legal_days,
		"fee": proc.fee,
		"fee_note": proc.fee_note,
		"online_level": proc.online_level,
		"on_the_spot": proc.on_the_spot,
		"components": [
			{
				"component": row.component,
				"copy_kind": row.copy_kind,
				"quantity": row.quantity or 1,
				"optional": row.optional,
			}
			for row in proc.get("components") or []
		],
		"stages": [
			{"stage_name": s.stage_name, "agency": s.agency, "working_days": s.working_days}
			for s in doc.stages
		],
		"received_at": _text(moment),
		"due_at": _text(doc.due_at),
		"forms_regime": doc.forms_regime,
		"rules": doc.rules,
	}


def _procedure(name: str):
	if not name or not isinstance(name, str) or not frappe.db.exists("Administrative Procedure", name):
		frappe.throw(_("Choose a procedure from the list."), ReceptionError)
	proc = frappe.get_doc("Administrative Procedure", name)
	proc.check_permission("read")
	return proc


def _moment(value: str | None) -> dt.datetime:
	"""The receipt moment: `value` (checked as a Datetime field is) or now, to the minute."""
	if value in (None, ""):
		moment = clock_now()
	else:
		moment = get_datetime(clean_value(value, "Datetime", label=_("Received At")))
	return moment.replace(second=0, microsecond=0)


def _unsaved_dossier(procedure: str, moment: dt.datetime):
	"""A Dossier not saved, with the receipt context and clock its controller sets on insert."""
	doc = frappe.new_doc("Dossier")
	doc.procedure = procedure
	doc.received_at = moment
	doc.set_receipt_context()
	doc.start_clock()
	return doc


def _text(value) -> str | None:
	return get_datetime(value).strftime("%Y-%m-%d %H:%M:%S") if value else None


# ------------------------------------------------------------------ applicant
@frappe.whitelist()
def find_applicant(applicant_id: str, procedure: str | None = None) -> dict:
	"""The applicant's details from their earlier dossiers, to prefill the counter's form.

	applicant_id: the ID number (CCCD/CMND), tax code or passport number, 5 to 25 letters,
	digits, dots, dashes or slashes. procedure: the procedure being received (optional; passed
	to the document store, when the site has it, to offer reusable documents).
	Returns {"found": bool, "applicant": {"applicant_type", "applicant_name", "applicant_id",
	"phone", "email", "address"} from the latest dossier (None when none), "dossiers":
	[{"name", "procedure_name", "received_at", "status"}] (the latest 5), "count": int,
	"reusable": list | None (None when the site has no document store)}.
	Only dossiers the caller may read count (Frappe's list with the agency scope,
	core.permissions): an officer never learns of an applicant's dossiers in other agencies.
	Raises ReceptionError (417) for a malformed number, PermissionError without read access
	to dossiers.
	"""
	frappe.has_permission("Dossier", "read", throw=True)
	applicant_id = (applicant_id or "").strip()
	if not ID_PATTERN.match(applicant_id):
		frappe.throw(
			_("{0} is not an ID number, tax code or passport number.").format(
				frappe.bold(frappe.utils.escape_html(applicant_id[:40]) or "…")
			),
			ReceptionError,
		)
	earlier = frappe.get_list(
		"Dossier",
		filters={"applicant_id": applicant_id},
		fields=["name", "procedure_name", "received_at", "status", *APPLICANT_FIELDS],
		order_by="received_at desc",
		limit_page_length=5,
	)
	count = (
		frappe.get_list(
			"Dossier",
			filters={"applicant_id": applicant_id},
			fields=["count(name) as n"],
			limit_page_length=1,
		)[0].n
		if earlier
		else 0
	)
	latest = earlier[0] if earlier else None
	return {
		"found": bool(latest),
		"applicant": {f: latest.get(f) for f in APPLICANT_FIELDS} if latest else None,
		"dossiers": [
			{
				"name": d.name,
				"procedure_name": d.procedure_name,
				"received_at": _text(d.received_at),
				"status": d.status,
			}
			for d in earlier
		],
		"count": count,
		"reusable": reusable_documents(applicant_id, procedure),
	}


def reusable_documents(applicant_id: str, procedure: str | None) -> list:
	"""What the applicant's document store (procedures/document_store.py) holds that this
	reception may reuse instead of asking for the paper again: its reusable_documents, which
	checks its own permissions and returns the shape it documents."""
	return list(document_store.reusable_documents(applicant_id, procedure) or [])


# ------------------------------------------------------------------ saving
@frappe.whitelist(methods=["POST"])
def receive(
	procedure: str,
	applicant: str | dict,
	documents: str | list | None = None,
	received_at: str | None = None,
	shown_due_at: str | None = None,
	outcome: str = "receive",
	reason: str | None = None,
	reuse: str | list | None = None,
) -> dict:
	"""Save what the counter did with a dossier and return the form to print.

	procedure: the Administrative Procedure (version in force). applicant (JSON object):
	{"applicant_type": "Person" | "Organisation", "applicant_name" (required), "applicant_id",
	"phone", "email", "address"}. documents (JSON list): the components handed in,
	[{"document", "copy_kind": "Original" | "Certified Copy" | "Copy", "quantity" (1 or more)}],
	at most DOCUMENTS_MAX (their scans are attached to the saved dossier: a component is
	digitised when its scan is, procedures/digitisation.py). received_at: the receipt moment the screen's
	preview used (procedure_details), not in the future nor older than STALE_MINUTES; now when
	empty. shown_due_at: the appointment the screen showed; when given it must be the one
	computed now, else AppointmentChangedError (417) says the new one and nothing is saved.
	outcome: "receive" (every required component handed in; receipt, form 01), "supplement"
	(what is missing, in `reason`; form 02: the Workflow's Request Supplement) or "refuse"
	(why, in `reason`; form 03: the Workflow's Refuse). reuse (JSON list): Applicant Documents
	(names, as reusable_documents lists them) taken from the applicant's document store instead
	of the paper (document_store.reuse_document: each fills its component row, attaches its
	file and is counted; Decree 45/2020/NĐ-CP, Art. 16); not with a refusal.
	Returns {"name", "status", "received_at", "due_at", "form": {"number", "label",
	"print_format"}, "print_url", "forms": forms_for_dossier(name), "reused" (documents
	reused)}.
	The dossier is inserted as the caller (DocPerms, Workflow, controller validation); the
	workflow action is applied as the caller too. Raises ReceptionError (417) for bad input,
	PermissionError (403) without the right to receive dossiers.
	"""
	frappe.has_permission("Dossier", "create", throw=True)
	if outcome not in OUTCOMES:
		frappe.throw(_("Choose to receive, request a supplement or refuse."), ReceptionError)
	proc = _procedure(procedure)
	values = _applicant(applicant)
	rows = _documents(documents)
	reused = _reuse(reuse, outcome)
	for name in reused:  # a document taken from the store is a component handed in
		entry = frappe.db.get_value(document_store.STORE, name, ["document_kind", "copy_kind"], as_dict=True)
		if not entry or not frappe.has_permission(document_store.STORE, "read", doc=name):
			frappe.throw(_("No stored document {0}.").format(name), ReceptionError)
		if not any(r["document"].lower() == entry.document_kind.strip().lower() for r in rows):
			kind = entry.copy_kind if entry.copy_kind in KINDS else "Copy"
			rows.append({"document": entry.document_kind.strip(), "copy_kind": kind, "quantity": 1})
	reason = (reason or "").strip()
	action, number = OUTCOMES[outcome]
	if action and not reason:
		frappe.throw(
			_("Say what the applicant must supplement.")
			if outcome == "supplement"
			else _("Give the reason for refusing the dossier."),
			ReceptionError,
		)
	if outcome == "receive":
		missing = missing_components(proc, rows)
		if missing:
			frappe.throw(
				_("Not handed in: {0}. Request a supplement instead, or tick what was handed in.").format(
					"; ".join(missing)
				),
				ReceptionError,
			)
	moment = _receipt_moment(received_at)
	if shown_due_at:
		due = _unsaved_dossier(proc.name, moment).due_at
		if get_datetime(due) != get_datetime(clean_value(shown_due_at, "Datetime", label=_("Appointment"))):
			frappe.throw(
				_("The appointment is now {0}, not the one shown. Check it and save again.").format(
					frappe.format(due, "Datetime")
				),
				AppointmentChangedError,
			)
	doc = frappe.get_doc(
		{
			"doctype": "Dossier",
			"procedure": proc.name,
			"channel": "Direct",
			"received_at": moment,
			**values,
			"documents": rows,
			"supplement_reason": reason if outcome == "supplement" else None,
			"refusal_reason": reason if outcome == "refuse" else None,
		}
	)
	doc.insert()
	if action:
		from frappe.model.workflow import apply_workflow

		doc = apply_workflow(doc, action)
	for document in reused:
		document_store.reuse_document(doc.name, document)
	if reused:
		doc.reload()
	regime = doc.forms_regime
	fmt = print_format(regime, number)
	forms = forms_for_dossier(doc.name)
	form = next((f for f in forms if f["number"] == number), None) or {
		"number": number,
		"label": FORM_KINDS[(regime, number)],
		"print_format": fmt,
	}
	return {
		"name": doc.name,
		"status": doc.status,
		"received_at": _text(doc.received_at),
		"due_at": _text(doc.due_at),
		"form": form,
		"print_url": print_url(doc.name, fmt),
		"forms": forms,
		"reused": len(reused),
	}


def print_url(name: str, fmt: str) -> str:
	"""The desk's print view of a dossier in a legal form, printing as it opens."""
	from urllib.parse import urlencode

	query = urlencode(
		{"doctype": "Dossier", "name": name, "format": fmt, "no_letterhead": 1, "trigger_print": 1}
	)
	return f"/printview?{query}"


def missing_components(proc, rows: list[dict]) -> list[str]:
	"""The procedure's required components not among `rows` (by name, as the screen sends
	them)."""
	handed = {(r.get("document") or "").strip().casefold() for r in rows}
	return [
		c.component
		for c in proc.get("components") or []
		if not c.optional and c.component.strip().casefold() not in handed
	]


def _receipt_moment(value: str | None) -> dt.datetime:
	moment = _moment(value)
	now = clock_now()
	if moment > now + dt.timedelta(minutes=1):
		frappe.throw(_("The receipt time cannot be in the future."), ReceptionError)
	if moment < now - dt.timedelta(minutes=STALE_MINUTES):
		frappe.throw(
			_("The screen was opened more than {0} minutes ago: the appointment is computed again.").format(
				STALE_MINUTES
			),
			AppointmentChangedError,
		)
	return moment


def _parse(value, kind: type, what: str):
	if isinstance(value, str):
		try:
			value = json.loads(value) if value.strip() else kind()
		except ValueError:
			value = None
	if not isinstance(value, kind):
		frappe.throw(_("{0} is not in the expected form.").format(what), ReceptionError)
	return value


def _applicant(value) -> dict:
	data = _parse(value, dict, _("Applicant"))
	out = {}
	for field in APPLICANT_FIELDS:
		item = data.get(field)
		if item is not None and not isinstance(item, str):
			frappe.throw(_("{0} must be text.").format(_(_label(field))), ReceptionError)
		out[field] = (item or "").strip() or None
	if not out["applicant_name"]:
		frappe.throw(_("Enter the applicant's name."), ReceptionError)
	out["applicant_type"] = out["applicant_type"] or "Person"
	if out["applicant_type"] not in APPLICANT_TYPES:
		frappe.throw(_("Choose a person or an organisation."), ReceptionError)
	if out["applicant_id"] and not ID_PATTERN.match(out["applicant_id"]):
		frappe.throw(
			_("{0} is not an ID number, tax code or passport number.").format(
				frappe.bold(frappe.utils.escape_html(out["applicant_id"][:40]))
			),
			ReceptionError,
		)
	return out


def _label(fieldname: str) -> str:
	return frappe.get_meta("Dossier").get_label(fieldname)


def _reuse(value, outcome: str) -> list[str]:
	names = _parse(value if value is not None else [], list, _("Reused Documents"))
	if len(names) > DOCUMENTS_MAX:
		frappe.throw(_("At most {0} documents on one dossier.").format(DOCUMENTS_MAX), ReceptionError)
	if any(not isinstance(n, str) or not n.strip() for n in names):
		frappe.throw(_("Name each reused document as the document store lists it."), ReceptionError)
	if names and outcome == "refuse":
		frappe.throw(_("A refused dossier takes no documents from the store."), ReceptionError)
	return list(dict.fromkeys(n.strip() for n in names))


def _documents(value) -> list[dict]:
	rows = _parse(value if value is not None else [], list, _("Documents Submitted"))
	if len(rows) > DOCUMENTS_MAX:
		frappe.throw(_("At most {0} documents on one dossier.").format(DOCUMENTS_MAX), ReceptionError)
	out = []
	for i, row in enumerate(rows, 1):
		if not isinstance(row, dict):
			frappe.throw(_("Row {0}: not a document.").format(i), ReceptionError)
		name = row.get("document")
		if not isinstance(name, str) or not name.strip():
			frappe.throw(_("Row {0}: name the document.").format(i), ReceptionError)
		kind = row.get("copy_kind") or "Original"
		if kind not in KINDS:
			frappe.throw(_("Row {0}: choose original, certified copy or copy.").format(i), ReceptionError)
		quantity = clean_value(
			row.get("quantity") or 1, "Int", label=_("Row {0}: {1}").format(i, _("Quantity"))
		)
		if quantity < 1:
			frappe.throw(_("Row {0}: the quantity is at least 1.").format(i), ReceptionError)
		out.append(
			{
				"document": name.strip(),
				"copy_kind": kind,
				"quantity": quantity,
			}
		)
	return out
