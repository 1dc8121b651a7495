"""The Agency register: names, aliases, the tree."""

import frappe

from onestop.planning.agency_register import Register
from onestop.planning.doctype.agency.agency import get_children

from .factories import agency


def test_names_are_plain_in_the_home_province_and_qualified_elsewhere():
	register = Register("An Giang")
	other = register.ensure("Sở Tư pháp")
	assert other == "Sở Tư pháp - An Giang"
	assert frappe.db.get_value("Agency", other, "parent_agency") == "Các Sở, ban, ngành - An Giang"
	home = Register("Bà Rịa - Vũng Tàu").ensure("Sở Tư pháp")
	assert home == "Sở Tư pháp"


def test_offices_are_named_after_their_department():
	register = Register("Bà Rịa - Vũng Tàu")
	department = register.ensure("Sở Kế hoạch và Đầu tư")
	office = register.ensure("Văn phòng Sở", scope=department)
	assert office == "Văn phòng Sở (Sở KH&ĐT)"
	assert register.find("Văn phòng Sở", scope=department) == office
	assert register.find("Văn phòng Sở") is None  # an office is only found inside its department
	assert (
		Register("Bà Rịa - Vũng Tàu").find("Văn phòng Sở", scope=department) == office
	)  # after a reload too


def test_any_written_form_finds_the_agency():
	name = Register("Bà Rịa - Vũng Tàu").ensure("Sở Thông tin và Truyền thông")
	register = Register("Bà Rịa - Vũng Tàu")
	for written in ("Sở TT&TT", "Sở Thông tin và truyền thông", "Sở TTTT"):
		assert register.find(register_name(written)) == name


def register_name(written):
	from onestop.agency_names import standard_vocabulary

	return standard_vocabulary().resolve(written)


def test_the_tree_lists_top_agencies_of_a_province():
	top = agency("_Test Nhóm", "Collective", group=1)
	agency("_Test Sở con", parent=top)
	roots = {n.value for n in get_children(parent="", province="Bà Rịa - Vũng Tàu")}
	assert top in roots and "_Test Sở con" not in roots
	assert [n.value for n in get_children(parent=top)] == ["_Test Sở con"]
	assert top not in {n.value for n in get_children(parent="", province="An Giang")}
