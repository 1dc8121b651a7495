"""The reception screen's server side on the real site (onestop.procedures.reception): the
accent-insensitive search, the applicant looked up within the caller's agency scope, the
appointment shown before saving and the one saved, the three outcomes (receipt, supplement
request, refusal) through the Dossier's insert path and Workflow, and bad input as HTTP 417."""

import datetime as dt
import json

import frappe
import pytest

from onestop.core.clock import at
from onestop.core.landing import role_home_page
from onestop.procedures.reception import (
	AppointmentChangedError,
	ReceptionError,
	find_applicant,
	procedure_details,
	receive,
	search_procedures,
)

from .factories import USERS, agency, dossier, procedure

DT = dt.datetime
MONDAY = DT(2025, 10, 6, 10, 0)  # Circular 03/2025's forms are in force
RECEIVER = USERS["receiver"][0]
PROCESSOR = USERS["processor"][0]
COMPONENTS = [
	{"component": "Đơn đề nghị cấp giấy phép xây dựng", "copy_kind": "Original", "quantity": 1},
	{"component": "Bản sao giấy tờ về quyền sử dụng đất", "copy_kind": "Certified Copy", "quantity": 1},
	{"component": "Bản vẽ thiết kế xây dựng", "copy_kind": "Original", "quantity": 2},
	{"component": "Bản kê khai kinh nghiệm của tổ chức thiết kế", "copy_kind": "Copy", "optional": 1},
]
APPLICANT = {
	"applicant_type": "Person",
	"applicant_name": "Trần Thị Tiếp Nhận",
	"applicant_id": "077190001234",
	"phone": "0909000111",
	"address": "5 Trần Hưng Đạo, Vũng Tàu",
}


@pytest.fixture
def department():
	return agency("_Test Sở Xây dựng tiếp nhận", members=[PROCESSOR])


@pytest.fixture
def permit(department):
	"""A building permit procedure of 3 working days, 150,000 VND, with four components."""
	code = "T.RCP" + frappe.generate_hash(length=4)
	name = procedure(code, legal_days=3, agency=department, fee=150000, components=COMPONENTS)
	frappe.db.set_value(
		"Administrative Procedure", name, "procedure_name", "Cấp giấy phép xây dựng nhà ở Đồng Xoài thử"
	)
	return name


def handed_in(*indexes):
	return [
		{
			"document": COMPONENTS[i]["component"],
			"copy_kind": COMPONENTS[i]["copy_kind"],
			"quantity": COMPONENTS[i]["quantity"],
		}
		for i in indexes
	]


def as_receiver(call, *args, **kwargs):
	frappe.set_user(RECEIVER)
	try:
		return call(*args, **kwargs)
	finally:
		frappe.set_user("Administrator")


# ------------------------------------------------------------------ search
def test_words_without_accents_find_the_procedure(permit):
	with at(MONDAY):
		for typed in ("cap giay phep xay dung nha o dong xoai", "CAP GIAY PHEP dong xoai", "xoai dong nha"):
			found = as_receiver(search_procedures, typed)
			assert found and found[0].name == permit, typed
		code = frappe.db.get_value("Administrative Procedure", permit, "procedure_code")
		assert as_receiver(search_procedures, code)[0].name == permit
		assert as_receiver(search_procedures, "dong xoai khong co") == []
		assert as_receiver(search_procedures, "   ") == []


def test_only_the_version_in_force_is_found(permit):
	frappe.db.set_value("Administrative Procedure", permit, "active_from", "2026-01-01")
	with at(MONDAY):
		assert as_receiver(search_procedures, "dong xoai thu") == []


# ------------------------------------------------------------------ details and appointment
def test_the_screen_shows_components_fee_time_and_the_appointment(permit):
	with at(MONDAY):
		shown = as_receiver(procedure_details, permit)
	assert [c["component"] for c in shown["components"]] == [c["component"] for c in COMPONENTS]
	assert [c["optional"] for c in shown["components"]] == [0, 0, 0, 1]
	assert (shown["fee"], shown["legal_days"], shown["forms_regime"]) == (150000, 3, "2025")
	assert shown["received_at"] == "2025-10-06 10:00:00"
	# three working days on the calendar, as the Dossier controller times a dossier received then
	saved = frappe.get_doc("Dossier", dossier(permit, MONDAY))
	assert shown["due_at"] == str(saved.due_at) == "2025-10-09 10:00:00"


def test_the_appointment_shown_is_the_appointment_saved(permit):
	# Friday 14:20 before a weekend: three working days end on Wednesday 14:20
	friday = DT(2025, 10, 10, 14, 20, 37)
	with at(friday):
		shown = as_receiver(procedure_details, permit)
		result = as_receiver(
			receive,
			permit,
			json.dumps(APPLICANT),
			json.dumps(handed_in(0, 1, 2)),
			received_at=shown["received_at"],
			shown_due_at=shown["due_at"],
		)
	doc = frappe.get_doc("Dossier", result["name"])
	assert shown["due_at"] == result["due_at"] == str(doc.due_at) == "2025-10-15 14:20:00"
	assert (doc.status, doc.received_by, doc.channel, doc.fee) == ("Received", RECEIVER, "Direct", 150000)
	assert (doc.applicant_name, doc.applicant_id, doc.phone) == (
		APPLICANT["applicant_name"],
		APPLICANT["applicant_id"],
		APPLICANT["phone"],
	)
	assert [(d.document, d.copy_kind, d.quantity) for d in doc.documents] == [
		(COMPONENTS[0]["component"], "Original", 1),
		(COMPONENTS[1]["component"], "Certified Copy", 1),
		(COMPONENTS[2]["component"], "Original", 2),
	]
	assert result["form"]["number"] == "01"
	assert result["form"]["print_format"] == "Dossier 2025 Form 01 Receipt"
	assert "trigger_print=1" in result["print_url"] and doc.name.replace("/", "%2F") in result["print_url"]


def test_an_appointment_that_changed_since_it_was_shown_is_not_saved(permit):
	before = frappe.db.count("Dossier", {"procedure": permit})
	with at(MONDAY):
		shown = as_receiver(procedure_details, permit)
		# the province declares Tuesday a day off after the screen showed the appointment
		frappe.get_doc(
			{"doctype": "Calendar Exception", "date": "2025-10-07", "kind": "Day Off", "description": "Nghỉ"}
		).insert()
		frappe.local.onestop_calendar = None
		with pytest.raises(AppointmentChangedError) as caught:
			as_receiver(
				receive,
				permit,
				json.dumps(APPLICANT),
				json.dumps(handed_in(0, 1, 2)),
				received_at=shown["received_at"],
				shown_due_at=shown["due_at"],
			)
	assert caught.value.http_status_code == 417
	assert frappe.db.count("Dossier", {"procedure": permit}) == before


# ------------------------------------------------------------------ supplement and refusal
def test_an_incomplete_dossier_is_not_received_but_its_supplement_is_requested(permit):
	with at(MONDAY):
		shown = as_receiver(procedure_details, permit)
		with pytest.raises(ReceptionError, match="Bản vẽ thiết kế"):
			as_receiver(receive, permit, APPLICANT, handed_in(0, 1), received_at=shown["received_at"])
		result = as_receiver(
			receive,
			permit,
			APPLICANT,
			handed_in(0, 1),
			received_at=shown["received_at"],
			outcome="supplement",
			reason="Bổ sung 02 bộ bản vẽ thiết kế xây dựng",
		)
	doc = frappe.get_doc("Dossier", result["name"])
	assert (doc.status, doc.supplement_count) == ("Supplement Requested", 1)
	assert doc.supplement_reason == "Bổ sung 02 bộ bản vẽ thiết kế xây dựng"
	assert doc.supplement_requested_at == MONDAY
	assert result["form"]["number"] == "02"
	assert result["form"]["print_format"] == "Dossier 2025 Form 02 Supplement Request"


def test_a_dossier_refused_at_the_counter_gets_the_refusal_form(permit):
	with at(MONDAY):
		result = as_receiver(
			receive,
			permit,
			APPLICANT,
			[],
			outcome="refuse",
			reason="Hồ sơ không thuộc thẩm quyền giải quyết của tỉnh",
		)
	doc = frappe.get_doc("Dossier", result["name"])
	assert (doc.status, doc.refusal_reason) == ("Refused", "Hồ sơ không thuộc thẩm quyền giải quyết của tỉnh")
	assert doc.resolved_at == MONDAY
	assert (result["form"]["number"], result["form"]["print_format"]) == (
		"03",
		"Dossier 2025 Form 03 Refusal",
	)
	assert result["status"] == "Refused" and "Form+03+Refusal" in result["print_url"]


def test_a_reason_is_required_to_refuse_or_request_a_supplement(permit):
	with at(MONDAY):
		for outcome in ("refuse", "supplement"):
			with pytest.raises(ReceptionError):
				as_receiver(receive, permit, APPLICANT, [], outcome=outcome, reason="  ")


# ------------------------------------------------------------------ applicant lookup
def test_the_applicant_is_prefilled_from_earlier_dossiers_within_the_callers_scope(permit):
	other = agency("_Test Sở khác tiếp nhận")
	elsewhere = procedure(legal_days=2, agency=other)
	ours_id, theirs_id = "077190005555", "077190006666"
	dossier(permit, MONDAY, applicant_id=ours_id, applicant_name="Lê Văn Của Sở", phone="0911000222")
	dossier(
		elsewhere,
		MONDAY,
		applicant_id=theirs_id,
		applicant_name="Phạm Thị Sở Khác",
		address="9 Nơi Khác",
		phone="0922000333",
	)
	# the receiving officer (the centre: every dossier) finds both
	found = as_receiver(find_applicant, theirs_id)
	assert found["found"] and found["count"] == 1
	assert found["applicant"]["applicant_name"] == "Phạm Thị Sở Khác"
	assert (found["applicant"]["address"], found["applicant"]["phone"]) == ("9 Nơi Khác", "0922000333")
	# the processing officer of the permit's department finds its applicant, not the other's
	frappe.set_user(PROCESSOR)
	frappe.local.onestop_user_agencies = None
	mine = find_applicant(ours_id)
	assert mine["found"] and mine["applicant"]["applicant_name"] == "Lê Văn Của Sở"
	hidden = find_applicant(theirs_id)
	assert hidden == {
		"found": False,
		"applicant": None,
		"dossiers": [],
		"count": 0,
		"reusable": hidden["reusable"],
	}
	# an agency officer has no access to dossiers at all
	frappe.set_user(USERS["officer_a"][0])
	with pytest.raises(frappe.PermissionError):
		find_applicant(ours_id)


def test_a_new_applicant_is_not_found():
	found = as_receiver(find_applicant, "079999999999")
	assert (found["found"], found["applicant"], found["count"]) == (False, None, 0)


# ------------------------------------------------------------------ bad input
@pytest.mark.parametrize(
	"call",
	[
		lambda p: search_procedures("x" * 201),
		lambda p: find_applicant("12"),
		lambda p: find_applicant("<script>alert(1)</script>"),
		lambda p: procedure_details("Không có thủ tục này"),
		lambda p: procedure_details(p, received_at="ngày mai"),
		lambda p: procedure_details(p, received_at="2025-02-30 10:00"),
		lambda p: receive(p, "{not json", []),
		lambda p: receive(p, json.dumps(["a list"]), []),
		lambda p: receive(p, {**APPLICANT, "applicant_name": "  "}, handed_in(0, 1, 2)),
		lambda p: receive(p, {**APPLICANT, "applicant_type": "Robot"}, handed_in(0, 1, 2)),
		lambda p: receive(p, {**APPLICANT, "applicant_name": 42}, handed_in(0, 1, 2)),
		lambda p: receive(p, APPLICANT, "not a list"),
		lambda p: receive(p, APPLICANT, [{"document": "", "copy_kind": "Original"}]),
		lambda p: receive(p, APPLICANT, [{"document": "Đơn", "copy_kind": "Photocopy"}]),
		lambda p: receive(p, APPLICANT, [{"document": "Đơn", "quantity": 0}]),
		lambda p: receive(p, APPLICANT, [{"document": "Đơn", "quantity": "nhiều"}]),
		lambda p: receive(p, APPLICANT, [{"document": "Đơn"}] * 101),
		lambda p: receive(p, APPLICANT, handed_in(0, 1, 2), outcome="forward"),
		lambda p: receive(p, APPLICANT, handed_in(0, 1, 2), received_at="2025-10-06 11:00"),
		lambda p: receive(p, APPLICANT, handed_in(0, 1, 2), received_at="2025-10-06 08:00"),
		lambda p: receive(p, APPLICANT, handed_in(0, 1, 2), shown_due_at="hôm nay"),
	],
)
def test_bad_input_is_a_translated_417(permit, call):
	before = frappe.db.count("Dossier")
	with at(MONDAY), pytest.raises(frappe.ValidationError) as caught:
		as_receiver(call, permit)
	assert caught.value.http_status_code == 417
	assert frappe.db.count("Dossier") == before


def test_only_those_who_receive_dossiers_use_the_screen(permit):
	frappe.set_user(PROCESSOR)
	with at(MONDAY), pytest.raises(frappe.PermissionError):
		procedure_details(permit)
	with at(MONDAY), pytest.raises(frappe.PermissionError):
		receive(permit, APPLICANT, handed_in(0, 1, 2))


# ------------------------------------------------------------------ landing
def test_the_receiving_officer_lands_on_the_reception_screen():
	assert role_home_page(RECEIVER) == "/app/reception"
	assert role_home_page(PROCESSOR) is None
	assert frappe.db.exists("Page", "reception")
	roles = {r.role for r in frappe.get_doc("Page", "reception").roles}
	assert "Receiving Officer" in roles


# ------------------------------------------------------------------ the sample catalogue
def test_the_sample_catalogue_lists_components_and_old_sites_get_them():
	from pathlib import Path

	from onestop.patches.v0_3 import fill_sample_procedure_components as patch
	from onestop.planning.register_import import load_register
	from onestop.procedures.catalogue_import import import_catalogue

	root = Path(__file__).resolve().parents[2] / "fixtures"
	load_register(json.loads((root / "agencies" / "ba-ria-vung-tau.json").read_text(encoding="utf-8")))
	import_catalogue("Procedure Field", str(root / "procedures" / "procedure_fields.csv"))
	import_catalogue("Administrative Procedure", str(root / "procedures" / "administrative_procedures.csv"))
	house = frappe.get_doc("Administrative Procedure", "1.001021-v1")
	assert [(c.component, c.copy_kind, c.quantity, c.optional) for c in house.components] == [
		("Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01)", "Original", 1, 0),
		("Bản sao giấy tờ chứng minh quyền sử dụng đất", "Certified Copy", 1, 0),
		("Bản vẽ thiết kế xây dựng", "Original", 2, 0),
		("Bản kê khai năng lực, kinh nghiệm của tổ chức, cá nhân thiết kế", "Copy", 1, 1),
	]
	assert [s.stage_name for s in house.stages] == ["Tiếp nhận", "Thẩm định", "Phê duyệt", "Trả kết quả"]
	# a site that imported the catalogue before the components: the patch adds them, once
	frappe.db.delete("Procedure Component", {"parent": "1.001021-v1"})
	patch.execute()
	patch.execute()
	again = frappe.get_doc("Administrative Procedure", "1.001021-v1")
	assert [c.component for c in again.components] == [c.component for c in house.components]
	# the receiving officer finds it without accents and sees the components
	with at(MONDAY):
		found = as_receiver(search_procedures, "cap giay phep xay dung nha o")
		assert found[0].name == "1.001021-v1"
		shown = as_receiver(procedure_details, "1.001021-v1")
	assert len(shown["components"]) == 4 and shown["fee"] == house.fee
