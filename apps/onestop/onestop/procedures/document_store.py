"""The applicant's document store (kho dữ liệu điện tử của tổ chức, cá nhân): digitised
components and results kept per ID number or tax code, reused at the next reception.

Decree 45/2020/NĐ-CP (administrative procedures by electronic means), Art. 16, and Decree
107/2021/NĐ-CP, Art. 1.9: a component or result the applicant already gave in digitised form,
still valid, is not asked for again; the reuse is counted (Decision 766/QĐ-TTg's indicator of
the reuse of digitised data, see digitisation.py).

- Filled from the dossiers (`keep`, on every dossier save): each digitised component (not
  itself reused) and the digitised or signed result becomes an Applicant Document of the
  applicant's ID number, with its kind, file (the dossier's private file), source dossier and
  validity (the result's validity is the dossier's Result Valid Until).
- Offered at the next reception (`reusable_documents`) and taken into the new dossier
  (`reuse_document`): the row points at the store entry, a File record attaches the same
  private file to the new dossier, and the entry's reuse counter goes up once per dossier.
- Who reads the store: those who read a dossier of that applicant (`has_permission`,
  `query_conditions`); the files stay attached to dossiers, so a file is downloadable by the
  readers of a dossier it is attached to, and File lists keep the dossier scope
  (`file_query_conditions`). The public status page reads none of this.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.utils import getdate

from onestop.core import clock
from onestop.core.permissions import DOSSIER, is_restricted, scoped_query_conditions
from onestop.digitisation_rules import is_valid_on

STORE = "Applicant Document"
RESULT_KIND = "Kết quả giải quyết"  # the store's kind of a result: "<this> – <procedure name>"


class ReuseError(frappe.ValidationError):
	"""A stored document that cannot be reused in this dossier (HTTP 417)."""


# ------------------------------------------------------------------ filling the store
def keep(doc, method=None) -> None:
	"""Dossier on_update: the dossier's digitised components and result in the store (one entry
	per dossier, source and kind: updated when the scan changes, removed when it is removed)."""
	from onestop.procedures.digitisation import attach_pending

	attach_pending(doc)
	applicant = (doc.applicant_id or "").strip()
	wanted = {}
	if applicant:
		for row in doc.documents:
			if row.attachment and not row.reused_from:
				wanted[("Component", row.document)] = frappe._dict(
					file=row.attachment,
					copy_kind=row.copy_kind,
					by=row.digitised_by,
					at=row.digitised_at,
					valid_until=None,
				)
		result = doc.signed_result or doc.result_file
		if result:
			wanted[("Result", result_kind(doc))] = frappe._dict(
				file=result,
				copy_kind=doc.result_kind or None,
				by=doc.signed_by if doc.signed_result else doc.result_digitised_by,
				at=doc.signed_at if doc.signed_result else doc.result_digitised_at,
				valid_until=doc.result_valid_until,
			)
	existing = {
		(r.source, r.document_kind): r
		for r in frappe.get_all(
			STORE,
			filters={"source_dossier": doc.name},
			fields=["name", "source", "document_kind", "file", "applicant_id", "valid_until"],
		)
	}
	for key, entry in existing.items():
		if key not in wanted:
			frappe.delete_doc(STORE, entry.name, ignore_permissions=True, force=True)
	for (source, kind), want in wanted.items():
		old = existing.get((source, kind))
		values = {
			"applicant_id": applicant,
			"applicant_name": doc.applicant_name,
			"file": want.file,
			"copy_kind": want.copy_kind,
			"competent_agency": doc.competent_agency,
			"digitised_by": want.by,
			"digitised_at": want.at,
		}
		if old:
			if old.file != want.file or old.applicant_id != applicant or source == "Result":
				if source == "Result":
					values["valid_until"] = want.valid_until
				frappe.db.set_value(STORE, old.name, values)
			continue
		frappe.get_doc(
			{
				"doctype": STORE,
				"source": source,
				"document_kind": kind,
				"source_dossier": doc.name,
				"valid_from": getdate(want.at) if want.at else getdate(clock.now()),
				"valid_until": want.valid_until,
				**values,
			}
		).insert(ignore_permissions=True)


def result_kind(doc) -> str:
	return f"{RESULT_KIND} – {doc.procedure_name or doc.procedure}"


# ------------------------------------------------------------------ offering and reusing
@frappe.whitelist()
def reusable_documents(applicant_id: str, procedure: str | None = None) -> list[dict]:
	"""The stored documents of an applicant that can be reused today, for the reception screen.

	applicant_id: the ID card / citizen ID number or tax code, as on the dossier. procedure: an
	Administrative Procedure (name); when given, each entry says whether it matches one of the
	procedure's components by name (`matches_component`), and those come first.
	Returns a list (newest first within each group) of {"name" (the Applicant Document, to pass
	to reuse_document), "document_kind", "source" ("Component" or "Result"), "copy_kind",
	"file" (private URL, readable by the caller), "source_dossier", "valid_from", "valid_until"
	(dates or None: no limit), "digitised_at", "reuse_count", "matches_component" (bool)}.
	Only documents valid today, and only what the caller may read (the readers of a dossier of
	that applicant: core.permissions' dossier scope). An empty ID returns [].
	"""
	frappe.has_permission(STORE, "read", throw=True)
	applicant_id = (applicant_id or "").strip()
	if not applicant_id:
		return []
	components = set()
	if procedure:
		if not frappe.db.exists("Administrative Procedure", procedure):
			frappe.throw(_("No procedure {0}.").format(procedure))
		components = {
			(c.component or "").strip().lower()
			for c in frappe.get_cached_doc("Administrative Procedure", procedure).get("components") or []
		}
	rows = frappe.get_list(
		STORE,
		filters={"applicant_id": applicant_id},
		fields=[
			"name",
			"document_kind",
			"source",
			"copy_kind",
			"file",
			"source_dossier",
			"valid_from",
			"valid_until",
			"digitised_at",
			"reuse_count",
		],
		order_by="digitised_at desc, creation desc",
		limit_page_length=0,
	)
	today = getdate(clock.now())
	out = []
	for row in rows:
		if not is_valid_on(today, row.valid_from, row.valid_until):
			continue
		row["matches_component"] = (row.document_kind or "").strip().lower() in components
		out.append(row)
	out.sort(key=lambda r: not r["matches_component"])
	return out


@frappe.whitelist(methods=["POST"])
def reuse_document(dossier: str, document: str) -> dict:
	"""Take a stored document into a dossier instead of asking for the paper again, and count
	the reuse (Decree 45/2020/NĐ-CP, Art. 16; Decision 766/QĐ-TTg's reuse indicator).

	dossier: the Dossier (name) being received; document: an Applicant Document (name) as
	reusable_documents lists it. The document's kind fills the dossier's component row of that
	name (or a new row), which then points at the store entry and carries its file; the same
	private file is attached to the dossier. Once per dossier and document: a second call
	(even 20 at once) finds the row and counts nothing more.
	Returns {"dossier", "document", "row" (the component row's name), "reused" (True when this
	call recorded the reuse, False when it was recorded before), "reused_documents" (the
	dossier's count)}.
	Raises frappe.PermissionError (HTTP 403) when the caller cannot edit the dossier or read
	the document; ReuseError (HTTP 417) when the document belongs to another applicant, is not
	valid today, or the dossier is no longer open to components (settled or withdrawn).
	"""
	frappe.has_permission("Dossier", "write", doc=dossier, throw=True)
	frappe.has_permission(STORE, "read", doc=document, throw=True)
	locked = frappe.db.get_value(
		"Dossier", dossier, ["name", "applicant_id", "status"], as_dict=True, for_update=True
	)
	entry = frappe.db.get_value(
		STORE,
		document,
		["name", "applicant_id", "document_kind", "file", "copy_kind", "valid_from", "valid_until"],
		as_dict=True,
	)
	if not locked or not entry:
		frappe.throw(_("No such dossier or stored document."), ReuseError)
	if (locked.applicant_id or "").strip() != entry.applicant_id:
		frappe.throw(_("This stored document belongs to another applicant."), ReuseError)
	if locked.status not in ("Received", "Processing", "Supplement Requested"):
		frappe.throw(_("Components are taken into a dossier while it is open."), ReuseError)
	if not is_valid_on(getdate(clock.now()), entry.valid_from, entry.valid_until):
		frappe.throw(_("This stored document is no longer valid."), ReuseError)
	# a locking read sees what parallel calls committed while this one waited for the lock
	done = frappe.db.sql(
		"""select name from `tabDossier Document` where parenttype = 'Dossier' and parent = %s
		and reused_from = %s for update""",
		(dossier, document),
	)
	if done:
		count = frappe.db.get_value("Dossier", dossier, "reused_documents")
		return {
			"dossier": dossier,
			"document": document,
			"row": done[0][0],
			"reused": False,
			"reused_documents": count,
		}
	_attach_file(dossier, entry.file)
	doc = frappe.get_doc("Dossier", dossier)
	row = next(
		(
			r
			for r in doc.documents
			if (r.document or "").strip().lower() == entry.document_kind.strip().lower() and not r.attachment
		),
		None,
	) or doc.append("documents", {"document": entry.document_kind, "quantity": 1})
	row.attachment = entry.file
	row.copy_kind = entry.copy_kind or row.copy_kind
	row.reused_from = entry.name
	frappe.flags.onestop_reusing = True
	try:
		doc.save()
	finally:
		frappe.flags.onestop_reusing = False
	frappe.db.sql(
		f"update `tab{STORE}` set reuse_count = reuse_count + 1 where name = %s",  # nosemgrep
		(entry.name,),
	)
	return {
		"dossier": dossier,
		"document": document,
		"row": row.name,
		"reused": True,
		"reused_documents": doc.reused_documents,
	}


def _attach_file(dossier: str, file_url: str) -> None:
	"""The stored private file attached to the dossier too (its readers may then read it)."""
	if frappe.db.exists(
		"File", {"file_url": file_url, "attached_to_doctype": "Dossier", "attached_to_name": dossier}
	):
		return
	source = frappe.db.get_value(
		"File", {"file_url": file_url}, ["file_name", "file_size", "content_hash"], as_dict=True
	)
	if not source:
		frappe.throw(_("The stored file is missing."), ReuseError)
	file = frappe.get_doc(
		{
			"doctype": "File",
			"file_url": file_url,
			"file_name": source.file_name,
			"is_private": 1,
			"attached_to_doctype": "Dossier",
			"attached_to_name": dossier,
		}
	)
	file.flags.ignore_permissions = True
	file.insert()


# ------------------------------------------------------------------ who reads the store
def _readable_dossiers(user: str | None) -> str | None:
	"""The SQL condition on `tabDossier` of the dossiers the user reads; None when unrestricted."""
	user = user or frappe.session.user
	if not is_restricted(user, DOSSIER):
		return None
	return scoped_query_conditions(user, DOSSIER) or "1=1"


def has_permission(doc, ptype: str | None = None, user: str | None = None) -> bool | None:
	"""has_permission of Applicant Document: a restricted user (processing and approving
	officers) reaches an applicant's stored documents only when they read a dossier of that
	applicant; None lets the DocPerms decide."""
	condition = _readable_dossiers(user)
	if condition is None:
		return None
	if isinstance(doc, str):
		doc = frappe._dict(name=doc)
	applicant = doc.get("applicant_id") or (
		doc.get("name") and frappe.db.get_value(STORE, doc.get("name"), "applicant_id")
	)
	if not applicant:
		return False
	found = frappe.db.sql(
		f"select 1 from `tabDossier` where `tabDossier`.applicant_id = %s and {condition} limit 1",  # nosemgrep
		(applicant,),
	)
	return None if found else False


def query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""permission_query_conditions of Applicant Document: the documents of the applicants of
	the dossiers the user reads ("" when unrestricted)."""
	condition = _readable_dossiers(user)
	if condition is None:
		return ""
	return (
		f"(`tab{STORE}`.`applicant_id` in (select `tabDossier`.`applicant_id` from `tabDossier` "
		f"where {condition}))"
	)


def file_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	"""permission_query_conditions of File (added to Frappe's own): a restricted user lists the
	files of dossiers and stored documents they read, not every dossier's files."""
	condition = _readable_dossiers(user)
	if condition is None:
		return ""
	return (
		"(ifnull(`tabFile`.`attached_to_doctype`, '') not in ('Dossier', 'Applicant Document')"
		" or (`tabFile`.`attached_to_doctype` = 'Dossier' and `tabFile`.`attached_to_name` in "
		f"(select `tabDossier`.`name` from `tabDossier` where {condition}))"
		" or (`tabFile`.`attached_to_doctype` = 'Applicant Document' and `tabFile`.`attached_to_name` in "
		f"(select `tab{STORE}`.`name` from `tab{STORE}` where {query_conditions(user)})))"
	)
