"""Import a procedure catalogue from a Data Import file (CSV or XLSX), all or nothing.

The file is Frappe's Data Import template ("Download Template" on Administrative Procedure
or Procedure Field: National Code, Procedure Name, …, Stage (Stages), Working Days (Stages)),
and it is read by Data Import's own parser. Frappe's Data Import tool commits each record as
it goes (a failing row leaves the others in); this import checks the template first, then
inserts every record inside one savepoint and rolls all of them back if one fails, naming the
row. Records that already exist (same name) are left as they are and counted.
"""

from __future__ import annotations

import frappe
from frappe import _
from frappe.core.doctype.data_import.importer import ImportFile


class CatalogueImportError(frappe.ValidationError):
	"""The file cannot be imported; nothing was written."""


def import_catalogue(doctype: str, file: str, dry_run: bool = False) -> dict:
	"""Import `file` (a path, or the URL of an uploaded File) into `doctype`.

	Returns {"created": [names], "existing": [names], "rows": int}. Raises
	CatalogueImportError naming the rows at fault; then nothing is written. A dry run checks
	every record (their controllers' validation included) and writes nothing.
	"""
	if doctype not in ("Administrative Procedure", "Procedure Field"):
		frappe.throw(_("Only procedure catalogues are imported here."))
	# a local path is read in Data Import's console mode; an uploaded File by its URL
	local = not file.startswith(("/files/", "/private/files/"))
	parsed = ImportFile(doctype, file, import_type="Insert New Records", console=local)
	problems = [_describe(w) for w in parsed.get_warnings() if w.get("type") != "info"]
	problems += _template_problems(parsed, doctype)
	if problems:
		raise CatalogueImportError(
			_("The file does not fit the template: {0}. Nothing was imported.").format(
				"; ".join(problems[:10])
			)
		)
	savepoint = "onestop_catalogue_import"
	frappe.db.savepoint(savepoint)
	created, existing, rows = [], [], 0
	try:
		for payload in parsed.get_payloads_for_import():
			rows += len(payload.rows)
			doc = frappe.new_doc(doctype)
			doc.update(payload.doc)
			row_numbers = ", ".join(str(r.row_number) for r in payload.rows)
			try:
				doc.set_new_name()
				if frappe.db.exists(doctype, doc.name):
					existing.append(doc.name)
					continue
				doc.insert()
				created.append(doc.name)
			except frappe.MandatoryError as e:
				missing = [_(doc.meta.get_label(f.strip())) for f in str(e).rsplit(":", 1)[-1].split(",")]
				raise CatalogueImportError(
					_("Row {0}: no value for {1}. Nothing was imported.").format(
						row_numbers, ", ".join(missing)
					)
				) from e
			except frappe.ValidationError as e:
				raise CatalogueImportError(
					_("Row {0}: {1}. Nothing was imported.").format(
						row_numbers, frappe.utils.strip_html(str(e)).rstrip(".")
					)
				) from e
	except Exception:
		frappe.db.rollback(save_point=savepoint)
		raise
	if dry_run:
		frappe.db.rollback(save_point=savepoint)
	return {"created": created, "existing": existing, "rows": rows}


def _template_problems(parsed: ImportFile, doctype: str) -> list[str]:
	"""Columns Data Import would skip without a word (a misspelt header loses its whole
	column) and mandatory fields that have no column."""
	columns = parsed.header.columns
	problems = [
		_("column {0} matches no field").format(c.header_title)
		for c in columns
		if c.header_title and not c.df
	]
	mapped = {(c.df.parent, c.df.fieldname) for c in columns if c.df}
	tables = {c.df.parent for c in columns if c.df and c.df.parent != doctype}
	for dt in (doctype, *sorted(tables)):
		for df in frappe.get_meta(dt).get("fields", {"reqd": 1}):
			if (dt, df.fieldname) not in mapped and df.default is None:
				problems.append(_("the mandatory column {0} is missing").format(_(df.label)))
	return problems


def _describe(warning: dict) -> str:
	row = warning.get("row")
	message = frappe.utils.strip_html(warning.get("message") or "")
	return _("row {0}: {1}").format(row, message) if row else message


@frappe.whitelist(methods=["POST"])
def import_catalogue_file(doctype: str, file_url: str, dry_run: bool = False) -> dict:
	"""Desk entry point: import an uploaded catalogue file, all or nothing (see import_catalogue)."""
	frappe.has_permission(doctype, "create", throw=True)
	return import_catalogue(doctype, file_url, dry_run=bool(int(dry_run or 0)))
