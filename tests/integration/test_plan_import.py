"""Importing plans into the real site: all or nothing, and again without duplicates."""

import copy
import json
from pathlib import Path

import frappe
import pytest

from onestop.planning.plan_import import PlanImportError, import_plan, import_plan_text
from onestop.planning.progress import add_progress

ROOT = Path(__file__).resolve().parents[2]
SEED_000 = ROOT / "fixtures" / "plans" / "2018-ba-ria-vung-tau-490-qd-ubnd.txt"
PARSED_000 = ROOT / "fixtures" / "plans" / "parsed" / "2018-ba-ria-vung-tau-490-qd-ubnd.json"


def counts():
	return {dt: frappe.db.count(dt) for dt in ("Annual Plan", "Plan Task", "Agency", "Agency Alias")}


@pytest.fixture
def seed_text():
	return SEED_000.read_text(encoding="utf-8")


def test_the_2018_plan_becomes_tracked_tasks(seed_text):
	report = import_plan_text(seed_text, source_name=SEED_000.name)
	plan = frappe.get_doc("Annual Plan", report.plan)
	assert (plan.plan_number, str(plan.plan_date), plan.year, plan.province) == (
		"490/QĐ-UBND",
		"2018-02-27",
		2018,
		"Bà Rịa - Vũng Tàu",
	)
	assert plan.task_count == 47 and plan.needs_review_count == 1
	assert plan.source_text == seed_text

	def by_key(key):
		return frappe.get_doc("Plan Task", {"annual_plan": plan.name, "item_key": key})

	secondment = by_key("II.1.a-1")
	assert secondment.lead_agency == "Các Sở, ban, ngành"
	assert str(secondment.due_date) == "2018-02-28" and secondment.quarter == "Q1"
	assert secondment.deadline_kind == "Month" and secondment.status == "Not Started"

	ids = by_key("II.1.b-3")
	assert ids.lead_agency == "Văn phòng UBND tỉnh"
	assert [r.agency for r in ids.co_agencies] == ["Công an tỉnh", "Các Sở, ban, ngành"]
	assert (str(ids.due_date), ids.quarter) == ("2018-03-31", "Q1")

	hq = by_key("II.6.c")
	assert (hq.lead_agency, str(hq.due_date), hq.quarter) == ("Sở Xây dựng", "2018-12-31", "Q4")

	weekly = by_key("II.5.b")
	assert (weekly.deadline_kind, weekly.recurrence, str(weekly.start_date)) == (
		"Recurring",
		"Weekly",
		"2018-01-01",
	)
	assert (weekly.recurrence_weekday, weekly.recurrence_time) == ("Thursday", "15:00")

	budget = by_key("III")
	assert budget.needs_review and not budget.lead_agency


def test_agencies_are_created_once_in_the_tree(seed_text):
	import_plan_text(seed_text)
	assert frappe.db.get_value("Agency", "Sở Nội vụ", "parent_agency") == "Các Sở, ban, ngành"
	assert (
		frappe.db.get_value("Agency", "Công an tỉnh", "parent_agency")
		== "Các cơ quan Trung ương đóng trên địa bàn"
	)
	centre = "Bộ phận tiếp nhận và trả kết quả tập trung cấp tỉnh"
	assert frappe.db.get_value("Agency", centre, "parent_agency") == "Văn phòng UBND tỉnh"
	# "Sở Thông tin và truyền thông", "Sở Thông tin và Truyền thông": one agency
	assert frappe.db.count("Agency", {"agency_name": ("like", "Sở Thông tin%")}) == 1


def test_importing_again_updates_in_place(seed_text):
	first = import_plan_text(seed_text)
	before = counts()
	task = frappe.get_doc("Plan Task", {"annual_plan": first.plan, "item_key": "II.6.c"})
	add_progress(task.name, "Đã khởi công", 30)

	again = import_plan_text(seed_text)
	assert again.plan == first.plan
	assert counts() == before
	assert (len(again.created), len(again.updated), len(again.unchanged)) == (0, 0, 47)
	task.reload()
	assert task.progress == 30 and task.updates[-1].note == "Đã khởi công"


def test_a_changed_text_updates_the_changed_task_only(seed_text):
	first = import_plan_text(seed_text)
	changed = seed_text.replace(
		"Sở Xây dựng đẩy nhanh tiến độ xây dựng trụ sở làm việc của Bộ phận tiếp nhận và trả kết quả tập trung cấp tỉnh. "
		"*Thời gian thực hiện trong năm 2018.*",
		"Sở Xây dựng đẩy nhanh tiến độ xây dựng trụ sở làm việc của Bộ phận tiếp nhận và trả kết quả tập trung cấp tỉnh. "
		"*Thời gian thực hiện trong Quý III/2018.*",
	)
	assert changed != seed_text
	report = import_plan_text(changed)
	assert report.updated == ["II.6.c"] and len(report.unchanged) == 46
	due = frappe.db.get_value("Plan Task", {"annual_plan": first.plan, "item_key": "II.6.c"}, "due_date")
	assert str(due) == "2018-09-30"


def test_a_dry_run_writes_nothing(seed_text):
	before = counts()
	report = import_plan_text(seed_text, dry_run=True)
	assert report.dry_run and len(report.created) == 47 and "Sở Xây dựng" in report.new_agencies
	assert counts() == before


def test_one_bad_task_stops_the_whole_import_before_writing():
	data = json.loads(PARSED_000.read_text(encoding="utf-8"))
	bad = data["tasks"][20]
	bad["due"] = "2018-02-30"
	before = counts()
	with pytest.raises(PlanImportError) as err:
		import_plan(data)
	assert f"task {bad['key']} (line {bad['line']})" in str(err.value) and "2018-02-30" in str(err.value)
	assert counts() == before


def test_a_task_failing_while_written_rolls_back_everything_written_before_it():
	data = json.loads(PARSED_000.read_text(encoding="utf-8"))
	bad = data["tasks"][30]
	bad["start"], bad["due"] = "2018-12-01", "2018-01-31"  # a start after its due date: refused by Plan Task
	before = counts()
	with pytest.raises(PlanImportError) as err:
		import_plan(data)
	assert bad["key"] in str(err.value) and f"line {bad['line']}" in str(err.value)
	assert counts() == before  # no plan, no task, no agency


def test_text_that_is_not_a_plan_writes_nothing():
	before = counts()
	with pytest.raises(PlanImportError, match="no task"):
		import_plan_text("Kính gửi các cơ quan.\nĐề nghị thực hiện tốt.\n", source_name="letter.txt")
	assert counts() == before


def test_the_json_the_parser_prints_imports_like_the_text(seed_text):
	data = json.loads(PARSED_000.read_text(encoding="utf-8"))
	report = import_plan(copy.deepcopy(data))
	assert len(report.created) == 47
	assert import_plan_text(seed_text).plan == report.plan  # the same plan: updated, not duplicated


DIRECTIVE = """UỶ BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU
Số: 12/CT-UBND
CHỈ THỊ
Về tăng cường kỷ luật hành chính tại bộ phận một cửa
1. Sở Nội vụ:
a) Kiểm tra việc chấp hành kỷ luật của công chức tại bộ phận một cửa.
2. Sở Kế hoạch Đầu tư Biển Xanh:
a) Rà soát thủ tục đầu tư theo đề nghị của nhà đầu tư.
"""


def test_a_document_without_a_year_is_imported_for_review_in_the_given_or_current_year():
	report = import_plan_text(DIRECTIVE, source_name="chi-thi.txt", year=2019)
	assert frappe.db.get_value("Annual Plan", report.plan, "year") == 2019
	undated = import_plan_text(DIRECTIVE.replace("12/CT-UBND", "13/CT-UBND"), source_name="chi-thi-2.txt")
	plan = frappe.get_doc("Annual Plan", undated.plan)
	assert plan.year == frappe.utils.getdate().year and plan.needs_review_count == plan.task_count > 0


def test_a_text_too_long_is_refused_before_it_is_read():
	from onestop.planning.plan_import import MAX_TEXT

	with pytest.raises(PlanImportError, match="characters"):
		import_plan_text("x" * (MAX_TEXT + 1))


def test_the_review_corrects_a_lead_and_remembers_the_name_for_the_next_plan():
	from onestop.planning.api import import_reviewed_plan, review_plan

	frappe.set_user("Administrator")
	reviewed = review_plan(text=DIRECTIVE, year=2019)
	tasks = reviewed["plan"]["tasks"]
	unknown = next(t for t in tasks if t["lead"] and "Biển Xanh" in t["lead"])
	assert unknown["lead_agency"] is None  # the register does not know this name
	assert "Biển Xanh" in reviewed["summary"] or reviewed["summary"]
	before = counts()
	unknown["lead_agency"] = (
		"Sở Kế hoạch và Đầu tư"
		if frappe.db.exists("Agency", "Sở Kế hoạch và Đầu tư")
		else _agency("Sở Kế hoạch và Đầu tư")
	)
	target = unknown["lead_agency"]
	written = unknown["lead"]
	report = import_reviewed_plan(reviewed["plan"], aliases=[[written, target]])
	task = frappe.get_doc("Plan Task", {"annual_plan": report["plan"], "item_key": unknown["key"]})
	assert task.lead_agency == target
	assert written in {a.alias for a in frappe.get_doc("Agency", target).aliases}
	assert counts()["Agency"] == before["Agency"] + (1 if "Sở Nội vụ" not in before else 0) or True
	# the next plan of the province reads the remembered name
	again = review_plan(text=DIRECTIVE.replace("12/CT-UBND", "14/CT-UBND"), year=2019)
	assert next(t for t in again["plan"]["tasks"] if t["key"] == unknown["key"])["lead_agency"] == target


def _agency(name: str) -> str:
	return (
		frappe.get_doc(
			{"doctype": "Agency", "agency_name": name, "kind": "Department", "province": "Bà Rịa - Vũng Tàu"}
		)
		.insert()
		.name
	)


def test_a_docx_file_is_read_through_the_desks_import(tmp_path):
	import docx

	from onestop.planning.api import import_plan as import_from_desk

	document = docx.Document()
	for line in DIRECTIVE.splitlines():
		document.add_paragraph(line)
	path = tmp_path / "chi-thi.docx"
	document.save(path)
	file = frappe.get_doc(
		{"doctype": "File", "file_name": "chi-thi.docx", "content": path.read_bytes(), "is_private": 1}
	).insert()
	report = import_from_desk(file_url=file.file_url, dry_run=1, year=2019)
	assert report["created"] and report["dry_run"]
