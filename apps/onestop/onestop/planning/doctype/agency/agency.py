# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.utils.nestedset import NestedSet

from onestop.agency_names import fold, normalise
from onestop.planning.agency_register import agency_docname, clear_register_cache
from onestop.planning.assignment import follow_focal_points


class Agency(NestedSet):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from onestop.planning.doctype.agency_alias.agency_alias import AgencyAlias
		from onestop.planning.doctype.agency_member.agency_member import AgencyMember

		agency_name: DF.Data
		aliases: DF.Table[AgencyAlias]
		disabled: DF.Check
		electronic_code: DF.Data | None
		is_group: DF.Check
		kind: DF.Literal[
			"People's Committee",
			"Office",
			"Department",
			"Centre",
			"Unit",
			"District",
			"Central Agency",
			"Party Body",
			"Media",
			"Enterprise",
			"Collective",
		]
		lft: DF.Int
		members: DF.Table[AgencyMember]
		old_parent: DF.Link | None
		parent_agency: DF.Link | None
		province: DF.Data | None
		rgt: DF.Int
		short_name: DF.Data | None
	# end: auto-generated types

	nsm_parent_field = "parent_agency"

	def autoname(self):
		self.name = agency_docname(self.agency_name, self.province, self.kind, self.parent_agency)

	def validate(self):
		self.agency_name = normalise(self.agency_name)
		self.short_name = normalise(self.short_name or "") or None
		self.validate_parent_province()
		self.tidy_aliases()
		self.validate_members()

	def on_update(self):
		super().on_update()
		clear_register_cache()
		follow_focal_points(self)

	def on_trash(self):
		super().on_trash()
		clear_register_cache()

	def validate_parent_province(self):
		if not self.parent_agency:
			return
		parent_province = frappe.db.get_value("Agency", self.parent_agency, "province")
		if parent_province and self.province and parent_province != self.province:
			frappe.throw(
				_("Agency {0} is in {1}; a parent agency must be in the same province ({2}).").format(
					frappe.bold(self.parent_agency), parent_province, self.province
				)
			)

	def tidy_aliases(self):
		"""Drop empty and repeated aliases, and those equal to the name itself."""
		seen = {fold(self.agency_name)}
		kept = []
		for row in self.aliases:
			key = fold(row.alias or "")
			if key and key not in seen:
				seen.add(key)
				row.alias = normalise(row.alias)
				kept.append(row)
		self.aliases = kept

	def validate_members(self):
		users = [m.user for m in self.members]
		duplicates = {u for u in users if users.count(u) > 1}
		if duplicates:
			frappe.throw(_("{0} is listed twice among the members.").format(", ".join(sorted(duplicates))))

	@property
	def focal_points(self) -> list[str]:
		"""Users marked as focal point, else every member."""
		return [m.user for m in self.members if m.is_focal_point] or [m.user for m in self.members]


@frappe.whitelist()
def home_province() -> str | None:
	"""The site's own province (Onestop Settings), where the Agency tree opens: every desk user
	sees the tree, only coordinators read the settings."""
	return frappe.db.get_single_value("Onestop Settings", "province")


@frappe.whitelist()
def get_children(
	doctype: str = "Agency", parent: str | None = None, province: str | None = None, **kwargs
) -> list[dict]:
	"""Nodes of the Agency tree view under `parent` ("" or None: the top), in tree order.

	province: only agencies of that province. Returns [{value, title, expandable}].
	"""
	filters = [["parent_agency", "=", parent] if parent else ["parent_agency", "is", "not set"]]
	if province:
		filters.append(["province", "=", province])
	return frappe.get_list(
		"Agency",
		fields=["name as value", "agency_name as title", "is_group as expandable"],
		filters=filters,
		order_by="lft",
	)
