"""Dossiers on the real site: codes, legal deadlines, the workflow by role, supplements,
lateness and apologies, the forms of both regimes, the public status page."""

import datetime as dt

import frappe
import pytest
from frappe.model.workflow import WorkflowTransitionError

from onestop.core.clock import at
from onestop.procedures.api import complete_stage, issue_apology
from onestop.procedures.doctype.dossier.dossier import DossierStateError, LateDossierError

from .factories import CENTRE, CENTRE_CODE, agency, dossier, move, procedure

DT = dt.datetime


@pytest.fixture
def department():
	from .factories import USERS

	return agency(
		"_Test Sở Tư pháp",
		members=[USERS["processor"][0], USERS["approver"][0]],
	)


# ------------------------------------------------------------------ receipt
def test_code_appointment_and_stages_on_receipt(department):
	proc = procedure(legal_days=3, agency=department)
	first = dossier(proc, DT(2025, 10, 6, 10, 0))  # Monday, regime of Circular 03/2025
	second = dossier(proc, DT(2025, 10, 6, 11, 0))
	assert first == f"{CENTRE_CODE}-251006-0001" and second == f"{CENTRE_CODE}-251006-0002"
	doc = frappe.get_doc("Dossier", first)
	assert (doc.forms_regime, doc.rules) == ("2025", "118/2025/NĐ-CP")
	assert doc.due_at == DT(2025, 10, 9, 10, 0)  # three working days later
	assert [s.stage_name for s in doc.stages] == ["Tiếp nhận", "Thẩm định", "Trả kết quả"]
	assert doc.stages[0].due_at == DT(2025, 10, 6, 15, 45)  # half a day: 90 + 135 minutes of office time
	assert doc.stages[-1].due_at == doc.due_at and doc.public_token


def test_an_old_dossier_keeps_the_2018_regime(department):
	proc = procedure(legal_days=3, agency=department)
	doc = frappe.get_doc("Dossier", dossier(proc, DT(2019, 3, 4, 9, 0)))
	assert (doc.forms_regime, doc.rules) == ("2018", "61/2018/NĐ-CP")
	assert doc.name.startswith(f"{CENTRE_CODE}-190304-")


def test_due_dates_over_tet_and_the_provinces_own_days(department):
	proc = procedure(legal_days=3, agency=department)
	over_tet = frappe.get_doc("Dossier", dossier(proc, DT(2025, 1, 24, 10, 0)))
	assert over_tet.due_at == DT(2025, 2, 5, 10, 0)
	frappe.get_doc(
		{"doctype": "Calendar Exception", "date": "2025-10-07", "kind": "Day Off", "description": "Nghỉ bù"}
	).insert()
	with_day_off = frappe.get_doc("Dossier", dossier(proc, DT(2025, 10, 6, 10, 0)))
	assert with_day_off.due_at == DT(2025, 10, 10, 10, 0)


def test_a_same_day_procedure_with_a_cut_off(department):
	proc = procedure(
		legal_days=0, agency=department, stages=[("Tiếp nhận và giải quyết", CENTRE, 0)], cut_off="15:00"
	)
	before = frappe.get_doc("Dossier", dossier(proc, DT(2025, 10, 6, 14, 30)))
	after = frappe.get_doc("Dossier", dossier(proc, DT(2025, 10, 6, 15, 30)))
	assert before.due_at == DT(2025, 10, 6, 17, 0)
	assert after.due_at == DT(2025, 10, 7, 17, 0)


def test_the_version_in_force_on_the_receipt_date_is_required(department):
	from onestop.procedures.doctype.administrative_procedure.administrative_procedure import new_version

	v1 = procedure(legal_days=10, agency=department)
	v2 = new_version(v1, "2025-07-01")
	frappe.db.set_value("Administrative Procedure", v2, "legal_days", 10)
	with pytest.raises(frappe.ValidationError, match="not in force"):
		dossier(v1, DT(2025, 10, 6, 9, 0))
	assert frappe.get_doc("Dossier", dossier(v1, DT(2025, 6, 2, 9, 0))).procedure == v1
	assert frappe.get_doc("Dossier", dossier(v2, DT(2025, 10, 6, 9, 0))).procedure == v2


# ------------------------------------------------------------------ the workflow by role
def users():
	from .factories import USERS

	return {k: v[0] for k, v in USERS.items()}


ROLE_USER = {
	"Receiving Officer": "receiver",
	"Processing Officer": "processor",
	"Approving Officer": "approver",
	"Leadership": "leader",
	"Plan Coordinator": "coordinator",
}
# (from, action, to, roles allowed), as the Workflow "Dossier" defines them
TRANSITIONS = [
	("Received", "Forward", "Processing", {"Receiving Officer"}),
	("Received", "Request Supplement", "Supplement Requested", {"Receiving Officer"}),
	("Received", "Refuse", "Refused", {"Receiving Officer"}),
	("Received", "Withdraw", "Withdrawn", {"Receiving Officer"}),
	("Processing", "Request Supplement", "Supplement Requested", {"Processing Officer", "Approving Officer"}),
	("Processing", "Approve", "Approved", {"Approving Officer"}),
	("Processing", "Refuse", "Refused", {"Approving Officer"}),
	("Supplement Requested", "Resubmit", "Processing", {"Receiving Officer"}),
	("Approved", "Mark Result Ready", "Result Ready", {"Approving Officer", "Receiving Officer"}),
	("Refused", "Mark Result Ready", "Result Ready", {"Receiving Officer"}),
	("Result Ready", "Return Result", "Result Returned", {"Receiving Officer"}),
]
NEEDS = {
	"Request Supplement": {"supplement_reason": "Thiếu bản sao giấy tờ tùy thân"},
	"Refuse": {"refusal_reason": "Không thuộc thẩm quyền"},
	"Withdraw": {"withdrawn_reason": "Người nộp rút hồ sơ"},
	"Return Result": {"return_channel": "Direct"},
}


@pytest.mark.parametrize("state, action, to, allowed", TRANSITIONS)
@pytest.mark.parametrize("role", list(ROLE_USER))
def test_transition_by_role(department, state, action, to, allowed, role):
	proc = procedure(legal_days=3, agency=department)
	name = dossier(proc, DT(2025, 10, 6, 9, 0))
	values = {"status": state}
	if state == "Supplement Requested":
		values["supplement_requested_at"] = DT(2025, 10, 6, 10, 0)
	frappe.db.set_value("Dossier", name, {**values, **NEEDS.get(action, {})})
	user = users()[ROLE_USER[role]]
	moment = DT(2025, 10, 7, 9, 0)  # before the appointment: no apology needed
	if role in allowed:
		assert move(name, action, moment, user).status == to
	else:
		with pytest.raises((WorkflowTransitionError, frappe.PermissionError)):
			move(name, action, moment, user)
		frappe.set_user("Administrator")
		assert frappe.db.get_value("Dossier", name, "status") == state


def test_a_processing_officer_of_another_agency_cannot_reach_the_dossier(department):
	u = users()
	agency("_Test Sở khác", members=[u["other_processor"]])
	name = dossier(procedure(legal_days=3, agency=department), DT(2025, 10, 6, 9, 0))
	assert frappe.has_permission("Dossier", "read", doc=name, user=u["processor"])
	assert not frappe.has_permission("Dossier", "read", doc=name, user=u["other_processor"])
	frappe.set_user(u["other_processor"])
	assert name not in frappe.get_list("Dossier", pluck="name")


@pytest.mark.parametrize("literal_names", [500, 0])  # names listed in the query, or a subquery
def test_an_agency_with_a_stage_of_an_inter_agency_procedure_reaches_the_dossier(
	department, literal_names, monkeypatch
):
	from onestop.core import permissions

	monkeypatch.setattr(permissions, "LITERAL_NAMES", literal_names)
	u = users()
	other = agency("_Test Sở Tài nguyên và Môi trường", members=[u["other_processor"]])
	stages = [("Tiếp nhận", CENTRE, 0.5), ("Thẩm định", department, 1.5), ("Xác nhận", other, 1)]
	shared = dossier(procedure(legal_days=3, agency=department, stages=stages), DT(2025, 10, 6, 9, 0))
	alone = dossier(procedure(legal_days=3, agency=department), DT(2025, 10, 6, 10, 0))
	assert [r.agency for r in frappe.get_doc("Dossier", shared).other_agencies] == [CENTRE, other]
	frappe.set_user(u["other_processor"])
	frappe.local.onestop_user_agencies = None
	listed = frappe.get_list("Dossier", pluck="name")
	assert shared in listed and alone not in listed
	assert frappe.has_permission("Dossier", "read", doc=shared) and not frappe.has_permission(
		"Dossier", "read", doc=alone
	)
	frappe.set_user(u["processor"])  # an agency in no other dossier's stages lists by its own agency alone
	frappe.local.onestop_user_agencies = None
	assert "`name` in" not in permissions.query_conditions(doctype="Dossier")
	assert {shared, alone} <= set(frappe.get_list("Dossier", pluck="name"))


def test_reasons_are_required(department):
	name = dossier(procedure(legal_days=3, agency=department), DT(2025, 10, 6, 9, 0))
	with pytest.raises(DossierStateError):
		move(name, "Refuse", DT(2025, 10, 6, 10, 0))
	with pytest.raises(DossierStateError):
		move(name, "Request Supplement", DT(2025, 10, 6, 10, 0))


# ------------------------------------------------------------------ supplements, lateness
def test_a_supplement_stops_the_clock_and_restarts_it_on_resubmission(department):
	name = dossier(procedure(legal_days=3, agency=department), DT(2025, 10, 6, 9, 0))
	move(name, "Forward", DT(2025, 10, 6, 9, 30))
	move(name, "Request Supplement", DT(2025, 10, 6, 14, 0), supplement_reason="Bổ sung bản sao")
	doc = move(name, "Resubmit", DT(2025, 10, 13, 9, 0))  # a week later
	assert doc.status == "Processing" and doc.supplement_count == 1
	assert doc.due_at == DT(2025, 10, 16, 9, 0)  # the full three days again from the resubmission
	assert (
		doc.paused_days == 4.6
	)  # 14:00 Mon 06/10 to 09:00 Mon 13/10: (180 + 4 × 450 + 90) / 450 office minutes
	doc = move(name, "Approve", DT(2025, 10, 15, 10, 0), users()["approver"])
	assert doc.resolution == "Early"  # not late: the week waiting for the applicant does not count


def test_a_late_dossier_needs_its_apology_and_names_the_stage_that_made_it_late(department):
	name = dossier(procedure(legal_days=3, agency=department), DT(2025, 10, 6, 9, 0))
	move(name, "Forward", DT(2025, 10, 6, 9, 30))
	frappe.set_user(users()["processor"])
	with at(DT(2025, 10, 10, 9, 0)):  # the appointment was 09/10 09:00
		with pytest.raises(LateDossierError):
			complete_stage(name)
		issue_apology(name, "Chờ ý kiến cơ quan phối hợp", "2025-10-14 09:00:00")
		complete_stage(name)
	doc = move(name, "Approve", DT(2025, 10, 10, 10, 0), users()["approver"])
	assert doc.resolution == "Late"
	assert (doc.late_stage, doc.late_agency) == ("Thẩm định", department)
	assert doc.handling_days == 4.13  # 09:00 Mon to 10:00 Fri: (360 + 3 × 450 + 150) / 450


def test_approving_late_without_an_apology_is_refused(department):
	name = dossier(procedure(legal_days=3, agency=department), DT(2025, 10, 6, 9, 0))
	move(name, "Forward", DT(2025, 10, 6, 9, 30))
	with pytest.raises(LateDossierError):
		move(name, "Approve", DT(2025, 10, 10, 9, 0), users()["approver"])


def test_the_whole_way_to_the_applicant(department):
	name = dossier(procedure(legal_days=3, agency=department), DT(2025, 10, 6, 9, 0))
	move(name, "Forward", DT(2025, 10, 6, 9, 30), users()["receiver"])
	frappe.set_user(users()["processor"])
	with at(DT(2025, 10, 7, 9, 0)):
		result = complete_stage(name, "Đủ điều kiện")
	assert result["stage"] == "Trả kết quả"
	move(name, "Approve", DT(2025, 10, 7, 10, 0), users()["approver"])
	move(name, "Mark Result Ready", DT(2025, 10, 7, 11, 0), users()["approver"])
	doc = move(name, "Return Result", DT(2025, 10, 8, 8, 0), users()["receiver"], return_channel="Postal")
	assert doc.status == "Result Returned" and doc.resolution == "Early"
	assert all(s.completed_at for s in doc.stages)


# ------------------------------------------------------------------ forms and the status page
@pytest.mark.parametrize(
	"received, regime, numbers",
	[
		(DT(2019, 3, 4, 9, 0), "2018", ["01", "02", "03", "04", "05"]),
		(DT(2025, 10, 6, 9, 0), "2025", ["01", "02", "03", "04", "05", "06"]),
	],
)
def test_forms_render_for_both_regimes(department, received, regime, numbers):
	from onestop.procedures.forms import FORM_KINDS, form_title, print_format

	name = dossier(procedure(legal_days=3, agency=department), received)
	reasons = {
		"supplement_reason": "Bổ sung bản sao",
		"refusal_reason": "Không đủ điều kiện",
		"apology_reason": "Chậm",
		"new_due_at": received + dt.timedelta(days=10),
		"stop_reason": "Theo đề nghị",
	}
	frappe.db.set_value("Dossier", name, reasons)
	for number in numbers:
		html = frappe.get_print("Dossier", name, print_format(regime, number), no_letterhead=1)
		assert form_title(regime, number).upper() in html, number
		assert name in html and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in html
	receipt = frappe.get_print("Dossier", name, print_format(regime, "01"), no_letterhead=1)
	assert "Nguyễn Văn Thử" in receipt and "<svg" in receipt  # the QR code to the status page
	other = "2025" if regime == "2018" else "2018"
	wrong = frappe.get_print("Dossier", name, print_format(other, "01"), no_letterhead=1)
	wrong = wrong[wrong.find('<div class="print-format">') :]  # the page title names the applicant
	assert "không áp dụng" in wrong and "Nguyễn Văn Thử" not in wrong
	assert {k for k in FORM_KINDS if k[0] == regime} == {(regime, n) for n in numbers}


def test_the_forms_print_stored_markup_as_text(department):
	from onestop.procedures.forms import print_format

	name = dossier(procedure(legal_days=3, agency=department), dt.datetime(2026, 3, 2, 9, 0))
	# stored as an import or an old version might have left it (the input check removes it now)
	frappe.db.set_value(
		"Dossier", name, {"applicant_name": '<img src=x onerror="alert(1)">Lê <a href="//x">B</a>'}
	)
	html = frappe.get_print("Dossier", name, print_format("2025", "01"), no_letterhead=1)
	body = html[html.find('<div class="print-format">') :]
	assert "<img src=x" not in body and '<a href="//x">' not in body
	assert "&lt;img src=x" in body and "<svg" in body  # escaped as text; the QR code still drawn


def test_the_register_lists_the_days_dossiers(department):
	from frappe.desk.query_report import run

	proc = procedure(legal_days=3, agency=department)
	names = [dossier(proc, DT(2025, 10, 6, h, 0)) for h in (8, 9, 10)]
	result = run("Dossier Register", filters={"from_date": "2025-10-06", "to_date": "2025-10-06"})
	assert [r["name"] for r in result["result"]] == names


def test_the_public_status_page_shows_that_dossier_only_and_nothing_personal(department):
	from frappe.website.serve import get_response_content

	proc = procedure(legal_days=3, agency=department)
	mine = frappe.get_doc("Dossier", dossier(proc, DT(2025, 10, 6, 9, 0)))
	theirs = dossier(proc, DT(2025, 10, 6, 10, 0), applicant_name="Trần Thị Khác")
	frappe.set_user("Guest")
	frappe.local.form_dict = frappe._dict(ma=mine.name, t=mine.public_token)
	html = get_response_content("tra-cuu-ho-so")
	assert mine.name in html and mine.procedure_name in html
	for personal in ("Nguyễn Văn Thử", "077012345678", "0909123456", "Lê Lợi", theirs, "Trần Thị Khác"):
		assert personal not in html
	frappe.local.form_dict = frappe._dict(ma=mine.name, t="not-the-token")
	assert mine.procedure_name not in get_response_content("tra-cuu-ho-so")


def test_the_public_status_page_is_vietnamese_whatever_the_browser_says_with_an_english_switch(department):
	"""Issue 14: the citizen's page in Vietnamese for Guest even when the browser asks for English
	(frappe.local.lang set to "en" as Frappe sets it from Accept-Language), English through the
	switch (?_lang=en) which keeps the dossier's link; no navbar or "Built on Frappe" footer."""
	from frappe.website.serve import get_response_content

	proc = procedure(legal_days=3, agency=department)
	mine = frappe.get_doc("Dossier", dossier(proc, DT(2025, 10, 6, 9, 0)))
	frappe.set_user("Guest")
	lang = frappe.local.lang
	try:
		frappe.local.lang = "en"
		frappe.local.form_dict = frappe._dict(ma=mine.name, t=mine.public_token)
		html = get_response_content("tra-cuu-ho-so")
		assert "Tình trạng hồ sơ" in html and "Dossier Status" not in html
		assert f"ma={mine.name}" in html and "_lang=en" in html  # the switch keeps the link
		assert "Frappe" not in html.split("<body", 1)[1].replace("frappe", "")  # no footer credit
		assert "navbar" not in html.split("<body", 1)[1]
		frappe.local.form_dict = frappe._dict(ma=mine.name, t=mine.public_token, _lang="en")
		english = get_response_content("tra-cuu-ho-so")
		assert "Dossier Status" in english and mine.name in english
	finally:
		frappe.local.lang = lang
		frappe.set_user("Administrator")
