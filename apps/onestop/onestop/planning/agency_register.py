"""The Agency register of a site: names in plans → Agency records.

A plan names agencies in many ways; `agency_names` reads them into canonical names and
this module finds (or, on import, creates) the Agency record of the plan's province for
each. Agencies of the site's own province (Onestop Settings) are named plainly
("Sở Nội vụ"); those of another province's plan carry the province ("Sở Nội vụ - An Giang");
offices inside an agency carry their agency ("Văn phòng Sở (Sở KH&ĐT)").
"""

from __future__ import annotations

import frappe
from frappe import _

from onestop.agency_names import (
	BY_NAME,
	COLLECTIVE_DEPARTMENTS,
	COLLECTIVE_DISTRICTS,
	COLLECTIVE_UNITS,
	Vocabulary,
	fold,
	standard_vocabulary,
)


def home_province() -> str:
	"""The province the site serves (Onestop Settings), e.g. "Bà Rịa - Vũng Tàu"."""
	return frappe.db.get_single_value("Onestop Settings", "province") or (
		frappe.get_meta("Onestop Settings").get_field("province").default or ""
	)


def agency_docname(agency_name: str, province: str | None, kind: str | None, parent: str | None) -> str:
	"""The document name of an Agency: its name, qualified by its agency when it is an office
	inside one, and by its province when that is not the site's own."""
	name = agency_name.strip()
	known = BY_NAME.get(name)
	if parent and (kind == "Unit" or (known and known.scoped)):
		owner = frappe.db.get_value(
			"Agency", parent, ["short_name", "agency_name", "parent_agency"], as_dict=True
		)
		if owner and owner.agency_name == COLLECTIVE_UNITS and owner.parent_agency:
			owner = frappe.db.get_value(
				"Agency", owner.parent_agency, ["short_name", "agency_name"], as_dict=True
			)
		if owner:
			name = f"{name} ({owner.short_name or owner.agency_name})"
	if province and province != home_province():
		name = f"{name} - {province}"
	return name


def clear_register_cache() -> None:
	frappe.local.onestop_agency_register = None


def _register_rows() -> list[dict]:
	"""Every Agency with its aliases, read once per request (and again after a change).

	Kept in the request, not in Redis: an import that is rolled back must not leave its
	agencies behind for other requests."""
	rows = getattr(frappe.local, "onestop_agency_register", None)
	if rows is not None:
		return rows
	rows = frappe.get_all(
		"Agency",
		fields=["name", "agency_name", "short_name", "kind", "province", "parent_agency"],
		order_by="lft",
	)
	aliases = frappe.get_all("Agency Alias", fields=["parent", "alias"], filters={"parenttype": "Agency"})
	by_agency: dict[str, list[str]] = {}
	for a in aliases:
		by_agency.setdefault(a.parent, []).append(a.alias)
	for row in rows:
		row["aliases"] = by_agency.get(row.name, [])
	frappe.local.onestop_agency_register = rows
	return rows


def vocabulary_for(province: str | None) -> Vocabulary:
	"""The standard vocabulary plus the province's own Agency names, short names and aliases."""
	vocabulary = standard_vocabulary()
	for a in _register_rows():
		if a["province"] in (province, None, ""):
			vocabulary.add(a["agency_name"], a["kind"], a["short_name"] or "", *a["aliases"])
	return vocabulary


class Register:
	"""Agency records of one province, found by any of their names."""

	def __init__(self, province: str | None):
		self.province = province or None
		self.rows = [a for a in _register_rows() if (a["province"] or None) == self.province]
		self.by_name = {a["name"]: a for a in self.rows}
		self.by_key: dict[tuple[str, str | None], str] = {}
		for a in self.rows:
			for alias in (a["agency_name"], *a["aliases"]):
				self.by_key.setdefault((fold(alias), self._scope_of(a)), a["name"])
			if a["short_name"]:
				self.by_key.setdefault((fold(a["short_name"]), self._scope_of(a)), a["name"])
		self.created: list[str] = []

	def _scope_of(self, row: dict) -> str | None:
		"""The agency an office belongs to (offices of a department: "Văn phòng Sở"); None for
		every agency whose name is unique in the province."""
		known = BY_NAME.get(row["agency_name"])
		if (known and not known.scoped) or (not known and row["kind"] != "Unit"):
			return None
		parent = row["parent_agency"]
		parent_row = self.by_name.get(parent)
		if parent_row and parent_row["agency_name"] == COLLECTIVE_UNITS:
			return parent_row["parent_agency"]
		return parent

	def find(self, name: str, scope: str | None = None) -> str | None:
		"""The Agency for a name from a plan, or None. Offices ("Văn phòng Sở") are looked
		up inside `scope`, the agency that issued the plan."""
		known = BY_NAME.get(name)
		if known and known.scoped:
			return self.by_key.get((fold(name), scope))
		return self.by_key.get((fold(name), None))

	def plan(self, name: str, scope: str | None = None) -> tuple[str | None, list[dict]]:
		"""(existing Agency or None, the Agency records that `ensure` would create)."""
		existing = self.find(name, scope)
		if existing:
			return existing, []
		return None, self._new_records(name, scope)

	def ensure(self, name: str, scope: str | None = None) -> str:
		"""The Agency for a name, created (with its missing parents) if the register lacks it."""
		existing = self.find(name, scope)
		if existing:
			return existing
		for record in self._new_records(name, scope):
			if record["parent_direct"]:
				parent = record["parent_direct"]
			elif record["parent_name"]:
				parent = self.ensure(record["parent_name"], record["parent_scope"])
			else:
				parent = None
			doc = frappe.get_doc(
				{
					"doctype": "Agency",
					"agency_name": record["agency_name"],
					"short_name": record["short_name"],
					"kind": record["kind"],
					"province": self.province,
					"parent_agency": parent,
					"is_group": record["is_group"],
					"aliases": [{"alias": a} for a in record["aliases"]],
				}
			)
			doc.insert(ignore_permissions=True)
			key_scope = record["scope"] if record["scoped"] else None
			self.by_key[(fold(record["agency_name"]), key_scope)] = doc.name
			self.created.append(doc.name)
			if record["agency_name"] == name:
				return doc.name
		raise frappe.ValidationError(_("Could not create agency {0}").format(name))

	def _new_records(self, name: str, scope: str | None) -> list[dict]:
		known = BY_NAME.get(name)
		kind = known.kind if known else guess_kind(name)
		scoped = bool(known and known.scoped) or kind == "Unit"
		if scoped and not scope:
			scoped = False
		parent_name, parent_scope = None, None
		if known and known.parent:
			parent_name = known.parent
		elif kind == "Unit" and scope:
			parent_name, parent_scope = COLLECTIVE_UNITS, scope
		elif kind == "District":
			parent_name = COLLECTIVE_DISTRICTS
		elif kind == "Department":
			parent_name = COLLECTIVE_DEPARTMENTS
		parent_direct = None
		if name == COLLECTIVE_UNITS and scope:
			parent_name, parent_direct = None, scope  # the offices of one agency hang under it
		record = {
			"agency_name": name,
			"short_name": known.short if known else None,
			"kind": kind,
			"is_group": 1 if kind in ("Collective", "Office") or name == COLLECTIVE_UNITS else 0,
			"aliases": [a for a in (known.aliases if known else ()) if fold(a) != fold(name)],
			"scoped": scoped,
			"scope": scope,
			"parent_name": parent_name,
			"parent_scope": parent_scope,
			"parent_direct": parent_direct,
		}
		parents: list[dict] = []
		if parent_name and not self.find(parent_name, parent_scope):
			parents = self._new_records(parent_name, parent_scope)
		return [*parents, record]


def guess_kind(name: str) -> str:
	"""The kind of an agency the vocabulary does not know, from the first words of its name."""
	low = fold(name)
	if low.startswith(("ubnd huyện", "ubnd thị xã", "ubnd thành phố", "ủy ban nhân dân huyện")):
		return "District"
	if low.startswith(("phòng ", "văn phòng sở", "tổ ", "bộ phận ")):
		return "Unit"
	if low.startswith(("báo ", "đài ")):
		return "Media"
	if low.startswith(("viễn thông", "bưu", "công ty", "tổng công ty")):
		return "Enterprise"
	if low.startswith(("các ", "những ")):
		return "Collective"
	if low.startswith(("cục ", "chi cục", "kho bạc", "bảo hiểm", "công an")):
		return "Central Agency"
	return "Department"
