"""Load a province's agency register from JSON (fixtures/agencies/*.json).

    {"province": "Bà Rịa - Vũng Tàu",
     "agencies": [{"name": "Sở Nội vụ", "short": "SNV", "kind": "Department",
                   "parent": "Các Sở, ban, ngành", "aliases": ["..."],
                   "scope": "Sở Kế hoạch và Đầu tư"}]}

`scope` places an office ("Văn phòng Sở") inside its agency; `code` is its electronic ID
code; `receiving_unit: true` marks the centre that receives dossiers (Onestop Settings).
Loading again updates the records in place. All or nothing, like the plan import.
"""

from __future__ import annotations

import frappe
from frappe import _

from onestop.agency_names import KINDS, fold
from onestop.planning.agency_register import Register, clear_register_cache


class RegisterImportError(frappe.ValidationError):
	pass


def load_register(data: dict) -> dict:
	"""Create or update the agencies of `data`; returns {"created": [...], "updated": [...]}."""
	province = data.get("province")
	entries = data.get("agencies")
	if not province or not isinstance(entries, list):
		raise RegisterImportError(_("An agency register needs a province and a list of agencies."))
	for i, entry in enumerate(entries, 1):
		if not entry.get("name"):
			raise RegisterImportError(_("Agency #{0} has no name. Nothing was loaded.").format(i))
		if entry.get("kind") and entry["kind"] not in KINDS:
			raise RegisterImportError(
				_("Agency {0}: unknown kind {1}. Nothing was loaded.").format(entry["name"], entry["kind"])
			)
	savepoint = "onestop_register_import"
	frappe.db.savepoint(savepoint)
	result = {"created": [], "updated": []}
	try:
		register = Register(province)
		for entry in entries:
			scope = register.find(entry["scope"]) if entry.get("scope") else None
			if entry.get("scope") and not scope:
				scope = register.ensure(entry["scope"])
			found = register.find(entry["name"], scope)
			name = found or register.ensure(entry["name"], scope)
			if not found:
				result["created"].append(name)
			if _update(name, entry, register):
				if found:
					result["updated"].append(name)
			if entry.get("receiving_unit"):
				settings = frappe.get_single("Onestop Settings")
				if settings.receiving_unit != name:
					settings.receiving_unit = name
					settings.save(ignore_permissions=True)
	except Exception:
		frappe.db.rollback(save_point=savepoint)
		clear_register_cache()
		raise
	return result


def _update(name: str, entry: dict, register: Register) -> bool:
	doc = frappe.get_doc("Agency", name)
	changed = False
	for fieldname, key in (("short_name", "short"), ("kind", "kind"), ("electronic_code", "code")):
		if entry.get(key) and doc.get(fieldname) != entry[key]:
			doc.set(fieldname, entry[key])
			changed = True
	if entry.get("parent"):
		parent = register.find(entry["parent"]) or register.ensure(entry["parent"])
		if doc.parent_agency != parent:
			doc.parent_agency = parent
			changed = True
	have = {fold(a.alias) for a in doc.aliases} | {fold(doc.agency_name)}
	for alias in entry.get("aliases") or []:
		if fold(alias) not in have:
			doc.append("aliases", {"alias": alias})
			have.add(fold(alias))
			changed = True
	if entry.get("group") is not None and bool(doc.is_group) != bool(entry["group"]):
		doc.is_group = 1 if entry["group"] else 0
		changed = True
	if changed:
		doc.save(ignore_permissions=True)
	return changed
