"""The plan parser on the five seed documents, without a site.

Expectations are written by hand from reading each document, not copied from the parser.
"""

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from onestop.plan_parser import PlanParseError, parse_file, parse_plan

ROOT = Path(__file__).resolve().parents[2]
PLANS = ROOT / "fixtures" / "plans"
SEED_000 = PLANS / "2018-ba-ria-vung-tau-490-qd-ubnd.txt"
SEED_001 = PLANS / "2021-ba-ria-vung-tau-so-khdt-thong-bao-cchc.txt"
SEED_002 = PLANS / "2019-an-giang-4-tai-cho.txt"
SEED_003 = PLANS / "2019-ba-ria-vung-tau-6940-ubnd-vp.txt"
SEED_004 = PLANS / "2018-quang-binh-1655-kh-ubnd.txt"

VP = "Văn phòng UBND tỉnh"
SBN = "Các Sở, ban, ngành"
CENTRE = "Bộ phận tiếp nhận và trả kết quả tập trung cấp tỉnh"
TTTT = "Sở Thông tin và Truyền thông"


@pytest.fixture(scope="module")
def plans():
	return {p.name: parse_file(p) for p in (SEED_000, SEED_001, SEED_002, SEED_003, SEED_004)}


def task(plans, seed: Path, key: str) -> dict:
	found = [t for t in plans[seed.name].as_dict()["tasks"] if t["key"] == key]
	assert found, f"{seed.name}: no task {key}"
	return found[0]


# (seed, key, lead, co, deadline kind, start, due, quarter, recurrence)
EXPECTED = [
	# Decision 490/QĐ-UBND, Bà Rịa - Vũng Tàu, 2018: the main annual plan
	(SEED_000, "II.1.a-1", SBN, [], "month", "2018-02-01", "2018-02-28", "Q1", None),  # secondment
	(SEED_000, "II.1.b-1", VP, ["Sở Nội vụ", TTTT], "none", None, None, None, None),  # training
	(SEED_000, "II.1.b-2", VP, [], "quarter", "2018-01-01", "2018-03-31", "Q1", None),  # uniforms
	(SEED_000, "II.1.b-3", VP, ["Công an tỉnh", SBN], "quarter", "2018-01-01", "2018-03-31", "Q1", None),  # ID cards
	(SEED_000, "II.2.a-1", VP, [TTTT, "Các cơ quan liên quan"], "quarter", "2018-04-01", "2018-06-30", "Q2", None),
	(SEED_000, "II.2.c-2", SBN, [], "recurring", "2018-01-01", None, "Q1", "weekly"),
	(SEED_000, "II.3.a-2", SBN, [], "ongoing", "2018-04-01", None, "Q2", None),  # deadline not in italics
	(SEED_000, "II.3.b-4", CENTRE, ["Sở Khoa học và Công nghệ"], "year", "2018-01-01", "2018-12-31", "Q4", None),
	(SEED_000, "II.5.b", SBN, [], "recurring", "2018-01-01", None, "Q1", "weekly"),  # before 15:00 Thursday
	(SEED_000, "II.5.c", CENTRE, [], "recurring", "2018-01-01", None, "Q1", "weekly"),  # Friday afternoon
	(SEED_000, "II.6.b-3", "Sở Nội vụ", ["Ban Tổ chức Tỉnh ủy", VP], "quarter", "2018-04-01", "2018-06-30", "Q2", None),
	(SEED_000, "II.6.c", "Sở Xây dựng", [], "year", "2018-01-01", "2018-12-31", "Q4", None),  # headquarters
	(SEED_000, "II.6.d", "Đài Phát thanh - Truyền hình tỉnh", ["Báo Bà Rịa - Vũng Tàu"], "ongoing", None, None, None, None),
	(SEED_000, "IV.2", "Sở Tài chính", [], "none", None, None, None, None),  # finance appraisal
	# Notice of the Department of Planning and Investment, 04/2021: tasks of its offices
	(SEED_001, "II.4-1", "Phòng Thanh tra", ["Các phòng chuyên môn"], "none", None, None, None, None),
	(SEED_001, "II.3-9", "Phòng Đăng ký kinh doanh", [], "year", "2021-01-01", "2025-12-31", "Q4", None),
	(SEED_001, "II.1-15", "Văn phòng Sở", ["Các phòng chuyên môn"], "recurring", None, None, None, "weekly"),
	(SEED_001, "II.4-3", "Phòng Thanh tra", [], "year", "2021-01-01", "2021-12-31", "Q4", None),
	(
		SEED_001,
		"II.5-1",
		"Phòng Đấu thầu và Giám sát đầu tư",
		["Phòng Tổng hợp, quy hoạch", "Phòng Kế hoạch phát triển kinh tế", "Phòng Kế hoạch phát triển xã hội"],
		"none",
		None,
		None,
		None,
		None,
	),
	# An Giang, 2019: "4 tại chỗ"; deadlines on lines of their own after the items
	(SEED_002, "II.1-1", SBN, [], "date", None, "2019-08-30", "Q3", None),
	(SEED_002, "II.2-1", SBN, [], "date", None, "2019-09-15", "Q3", None),
	(SEED_002, "II.2-2", SBN, [], "date", None, "2019-09-15", "Q3", None),
	(SEED_002, "II.4-2", SBN, [], "ongoing", "2019-10-01", None, "Q4", None),
	(SEED_002, "III.5", TTTT, ["Viễn thông An Giang"], "none", None, None, None, None),
	# Official letter 6940/UBND-VP, 15/7/2019
	(SEED_003, "1.b", "Sở Tư pháp", [], "month", "2019-07-01", "2019-07-31", "Q3", None),
	(SEED_003, "3.a", SBN, ["UBND cấp huyện"], "date", None, "2019-07-15", "Q3", None),
	(SEED_003, "3.d", "UBND cấp huyện", [], "recurring", None, None, None, "monthly"),
	# Plan 1655/KH-UBND, Quảng Bình: the appendix table
	(SEED_004, "PL.I.1", VP, [], "quarter", "2018-07-01", "2018-09-30", "Q3", None),
	(SEED_004, "PL.I.2", TTTT, [SBN], "month", "2018-11-01", "2018-11-30", "Q4", None),
	(SEED_004, "PL.III.1-2", TTTT, [], "quarter", "2018-10-01", "2018-12-31", "Q4", None),  # merged-cell row
	(SEED_004, "PL.III.1-3", TTTT, [VP], "none", None, None, None, None),  # "Theo yêu cầu từng giai đoạn"
	(SEED_004, "PL.III.4", TTTT, ["Các cơ quan liên quan"], "none", None, None, None, None),  # "Theo lộ trình …"
	(SEED_004, "PL.II.3", SBN, [VP, "Các cơ quan Trung ương đóng trên địa bàn"], "recurring", None, None, None, "yearly"),
	(SEED_004, "PL.IV.3", VP, [SBN, "UBND cấp huyện", "UBND cấp xã", "Các cơ quan Trung ương đóng trên địa bàn"], "recurring", None, None, None, "quarterly"),
	(SEED_004, "III.4", "Sở Tài chính", ["Sở Kế hoạch và Đầu tư"], "recurring", None, None, None, "yearly"),
]  # fmt: skip


@pytest.mark.parametrize("seed, key, lead, co, kind, start, due, quarter, recurrence", EXPECTED)
def test_task(plans, seed, key, lead, co, kind, start, due, quarter, recurrence):
	t = task(plans, seed, key)
	assert (t["lead"], t["co"]) == (lead, co)
	assert (
		t["deadline_kind"],
		t["start"],
		t["due"],
		t["quarter"],
		t["recurrence"],
	) == (
		kind,
		start,
		due,
		quarter,
		recurrence,
	)


def test_every_task_has_the_json_fields_of_the_contract(plans):
	keys = {
		"ref",
		"title",
		"text",
		"lead",
		"co",
		"product",
		"deadline_text",
		"deadline_kind",
		"start",
		"due",
	}
	keys |= {"quarter", "recurrence"}
	for plan in plans.values():
		data = plan.as_dict()
		assert {"number", "date", "issuer", "year", "title", "tasks"} <= set(data)
		for t in data["tasks"]:
			assert keys <= set(t), t["key"]
			assert t["title"] and t["text"]
			assert isinstance(t["co"], list)


@pytest.mark.parametrize(
	"seed, tasks, number, date, year, province, issuer",
	[
		(
			SEED_000,
			47,
			"490/QĐ-UBND",
			dt.date(2018, 2, 27),
			2018,
			"Bà Rịa - Vũng Tàu",
			"UBND tỉnh Bà Rịa - Vũng Tàu",
		),
		(
			SEED_001,
			53,
			"TB-SKHĐT",
			None,
			2021,
			"Bà Rịa - Vũng Tàu",
			"Sở Kế hoạch và Đầu tư",
		),
		(SEED_002, 23, None, None, 2019, "An Giang", "UBND tỉnh An Giang"),
		(
			SEED_003,
			12,
			"6940/UBND-VP",
			dt.date(2019, 7, 15),
			2019,
			"Bà Rịa - Vũng Tàu",
			"UBND tỉnh Bà Rịa - Vũng Tàu",
		),
		(
			SEED_004,
			31,
			"1655/KH-UBND",
			dt.date(2018, 10, 3),
			2018,
			"Quảng Bình",
			"UBND tỉnh Quảng Bình",
		),
	],
)
def test_plan_header(plans, seed, tasks, number, date, year, province, issuer):
	plan = plans[seed.name]
	assert len(plan.tasks) == tasks
	assert (plan.number, plan.date, plan.year, plan.province, plan.issuer) == (
		number,
		date,
		year,
		province,
		issuer,
	)


def test_titles(plans):
	assert plans[SEED_000.name].title == (
		"Kế hoạch hoạt động Bộ phận tiếp nhận và trả kết quả tập trung cấp tỉnh của tỉnh Bà Rịa - Vũng Tàu năm 2018"
	)
	assert plans[SEED_004.name].title.startswith("Kế hoạch triển khai thực hiện Nghị định số 61/2018/NĐ-CP")
	assert plans[SEED_004.name].title.endswith("tại tỉnh Quảng Bình")
	assert (
		task(plans, SEED_002, "II.5")["title"]
		== "Ứng dụng công nghệ thông tin trong giải quyết thủ tục hành chính"
	)


def test_purpose_and_requirements_hold_no_task(plans):
	for name in (SEED_000.name, SEED_002.name, SEED_004.name):
		assert not [t for t in plans[name].tasks if t.ref.split(".")[0] == "I"], name


def test_addressees_and_closing_words_are_not_tasks(plans):
	keys = [t.key for t in plans[SEED_003.name].tasks]
	assert keys == [
		"1.a",
		"1.b",
		"1.c",
		"2.a",
		"2.b",
		"3.a",
		"3.b",
		"3.c",
		"3.d",
		"3.đ",
		"4",
		"5",
	]
	assert task(plans, SEED_004, "III.6")["lead"] == VP  # not the closing "Yêu cầu các sở, …" paragraph
	assert not [t for t in plans[SEED_004.name].tasks if t.ref == "II"]  # "Thực hiện theo … Phụ lục"


def test_weekly_report_rhythm(plans):
	t = task(plans, SEED_000, "II.5.b")
	assert (t["recurrence_weekday"], t["recurrence_time"]) == (3, "15:00")


def test_a_task_without_a_named_lead_is_kept_and_flagged(plans):
	t = task(plans, SEED_000, "III")
	assert t["lead"] is None and t["needs_review"] and t["notes"]
	assert t["text"].startswith("Kinh phí thực hiện Kế hoạch được cấp phát")


def test_the_table_keeps_products(plans):
	t = task(plans, SEED_004, "PL.I.1")
	assert t["product"] == "Ban hành Kế hoạch của UBND tỉnh"
	assert task(plans, SEED_004, "PL.II.1")["product"].count("\n") == 1  # two product lines


def test_an_unreadable_deadline_is_kept_and_flagged():
	text = (
		"Hà Nội, ngày 01 tháng 02 năm 2020\n\nI. NHIỆM VỤ\n\n1. Sở Nội vụ:\n\n"
		"- Rà soát biên chế. *Thời gian thực hiện: sau khi có chỉ đạo mới.*\n"
	)
	plan = parse_plan(text)
	(t,) = plan.as_dict()["tasks"]
	assert t["deadline_kind"] == "unparsed"
	assert t["deadline_text"] == "Thời gian thực hiện: sau khi có chỉ đạo mới."
	assert t["needs_review"]


def test_text_that_is_not_a_plan_is_refused():
	with pytest.raises(PlanParseError, match="empty"):
		parse_plan("  \n")
	with pytest.raises(PlanParseError, match="no task"):
		parse_plan("Kính gửi các cơ quan.\nĐề nghị thực hiện tốt.\n")


def test_a_malformed_table_row_is_a_warning_with_its_line_not_a_refusal():
	text = SEED_004.read_text(encoding="utf-8")
	broken = text.replace("\tQuý III/2018\n\n\t2\n", "\tQuý III/2018\n\n\tabc\n", 1)
	plan = parse_plan(broken)
	assert any("line" in w and "abc" in w for w in plan.warnings)
	assert any(t.key == "PL.I.3" for t in plan.tasks)  # the rows after it are still read


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
	path = tmp_path / "plan.txt"
	path.write_bytes(b"I. NHI\xcaM V\xd9\n1. S\xf4 N\xf4i v\xf9")  # an 8-bit legacy encoding
	with pytest.raises(PlanParseError, match="not UTF-8"):
		parse_file(path)


def test_utf16_and_a_byte_order_mark_are_read(tmp_path):
	text = SEED_003.read_text(encoding="utf-8")
	for name, data in (
		("bom.txt", b"\xef\xbb\xbf" + text.encode()),
		("utf16.txt", text.encode("utf-16")),
	):
		path = tmp_path / name
		path.write_bytes(data)
		assert len(parse_file(path).tasks) == len(parse_file(SEED_003).tasks)


def test_parsed_fixtures_are_what_the_parser_produces():
	"""fixtures/plans/parsed/*.json is the parser's output for each seed: regenerate it with
	`python -m onestop.plan_parser FILE --json` when the parser changes on purpose."""
	parsed = sorted((PLANS / "parsed").glob("*.json"))
	assert len(parsed) == 5
	for path in parsed:
		expected = json.loads(path.read_text(encoding="utf-8"))
		assert parse_file(PLANS / f"{path.stem}.txt").as_dict() == expected, path.name


def test_command_line_prints_json():
	env_path = str(ROOT / "apps" / "onestop")
	out = subprocess.run(
		[sys.executable, "-m", "onestop.plan_parser", str(SEED_000), "--json"],
		capture_output=True,
		text=True,
		env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"},
		check=True,
	)
	data = json.loads(out.stdout)
	assert data["number"] == "490/QĐ-UBND" and len(data["tasks"]) == 47


def test_command_line_reports_a_bad_file(tmp_path):
	bad = tmp_path / "empty.txt"
	bad.write_text("")
	out = subprocess.run(
		[sys.executable, "-m", "onestop.plan_parser", str(bad), "--json"],
		check=False,
		capture_output=True,
		text=True,
		env={"PYTHONPATH": str(ROOT / "apps" / "onestop"), "PATH": "/usr/bin:/bin"},
	)
	assert out.returncode == 1 and "empty" in out.stderr and out.stdout == ""
