"""The deadline grammar, without a site."""

import datetime as dt

import pytest

from onestop.deadlines import parse_deadline, quarter_of, recurrence_in, weekly_slot

D = dt.date


@pytest.mark.parametrize(
	"text, kind, start, due, quarter",
	[
		("Quý I/2018", "quarter", D(2018, 1, 1), D(2018, 3, 31), "Q1"),
		("Thời gian thực hiện trong Quý I/2018.", "quarter", D(2018, 1, 1), D(2018, 3, 31), "Q1"),
		(
			"Thời gian hoàn thành việc ban hành trong quý II/2018.",
			"quarter",
			D(2018, 4, 1),
			D(2018, 6, 30),
			"Q2",
		),
		("Quý III/2018", "quarter", D(2018, 7, 1), D(2018, 9, 30), "Q3"),
		(
			"Trình UBND tỉnh ban hành Kế hoạch trong Quý IV/2018",
			"quarter",
			D(2018, 10, 1),
			D(2018, 12, 31),
			"Q4",
		),
		("quý 3 năm 2019", "quarter", D(2019, 7, 1), D(2019, 9, 30), "Q3"),
		("Thời gian thực hiện trong tháng 02/2018.", "month", D(2018, 2, 1), D(2018, 2, 28), "Q1"),
		("Tháng 11/2018", "month", D(2018, 11, 1), D(2018, 11, 30), "Q4"),
		("Thời gian hoàn thành trong tháng 07/2019.", "month", D(2019, 7, 1), D(2019, 7, 31), "Q3"),
		("tháng 2 năm 2020", "month", D(2020, 2, 1), D(2020, 2, 29), "Q1"),
		("Thời gian thực hiện: hoàn thành trước ngày 30/8/2019.", "date", None, D(2019, 8, 30), "Q3"),
		("Chậm nhất đến 15/7/2019", "date", None, D(2019, 7, 15), "Q3"),
		("chậm nhất ngày 5 tháng 3 năm 2020", "date", None, D(2020, 3, 5), "Q1"),
		("Thời gian thực hiện trong năm 2018.", "year", D(2018, 1, 1), D(2018, 12, 31), "Q4"),
		("(Thực hiện trong giai đoạn 2021-2025)", "year", D(2021, 1, 1), D(2025, 12, 31), "Q4"),
		("6 tháng đầu năm", "half_year", D(2018, 1, 1), D(2018, 6, 30), "Q2"),
		("6 tháng cuối năm 2019", "half_year", D(2019, 7, 1), D(2019, 12, 31), "Q4"),
		("Thời gian bắt đầu thực hiện từ tháng 01/2018.", "ongoing", D(2018, 1, 1), None, "Q1"),
		("Thời gian thực hiện bắt đầu từ Quý II/2018.", "ongoing", D(2018, 4, 1), None, "Q2"),
		("từ ngày 01/10/2019 và duy trì thường xuyên", "ongoing", D(2019, 10, 1), None, "Q4"),
		("Thường xuyên trong năm 2019 và các năm tiếp theo.", "ongoing", D(2019, 1, 1), None, "Q1"),
		("Thường xuyên", "ongoing", None, None, None),
		("Thường xuyên và định kỳ theo quy định.", "ongoing", None, None, None),
		("Theo lộ trình của Văn phòng Chính phủ, Bộ Thông tin và Truyền thông", "none", None, None, None),
		("Theo yêu cầu từng giai đoạn", "none", None, None, None),
		("Khi có yêu cầu", "none", None, None, None),
		("", "none", None, None, None),
		("sau khi có chỉ đạo mới", "unparsed", None, None, None),
	],
)
def test_deadline_phrases(text, kind, start, due, quarter):
	d = parse_deadline(text, year=2018)
	assert (d.kind, d.start, d.due, d.quarter) == (kind, start, due, quarter)
	assert d.text == text.strip()


@pytest.mark.parametrize(
	"text, recurrence",
	[
		("Thường xuyên hằng năm", "yearly"),
		("Hàng năm", "yearly"),
		("Theo thời hạn thực hiện chế độ báo cáo định kỳ hàng quý", "quarterly"),
		("báo cáo hàng tháng về UBND tỉnh", "monthly"),
		("ít nhất 01 lần/tuần", "weekly"),
	],
)
def test_recurring_phrases(text, recurrence):
	d = parse_deadline(text, year=2018)
	assert d.kind == "recurring"
	assert d.recurrence == recurrence
	assert d.due is None


def test_weekly_report_before_thursday_1500_takes_its_rhythm_from_the_task_text():
	task = (
		"Các Sở, ban, ngành duy trì chế độ báo cáo hàng tuần về Bộ phận tiếp nhận và trả kết quả "
		"tập trung trước 15 giờ ngày thứ 5 hàng tuần về tình hình tiếp nhận, giải quyết hồ sơ trong tuần."
	)
	d = parse_deadline("Thời gian chính thức thực hiện từ tháng 01/2018.", year=2018, context=task)
	assert (d.kind, d.recurrence, d.start, d.weekday, d.time) == (
		"recurring",
		"weekly",
		D(2018, 1, 1),
		3,
		"15:00",
	)


def test_friday_afternoon_report_is_weekly_on_friday():
	d = parse_deadline("Thời gian thực hiện chậm nhất trong chiều thứ 6 hàng tuần, bắt đầu từ tháng 01/2018.")
	assert (d.kind, d.recurrence, d.start, d.weekday) == ("recurring", "weekly", D(2018, 1, 1), 4)


def test_a_fixed_due_date_wins_over_recurrence_words_in_the_task():
	d = parse_deadline(
		"Thời gian thực hiện chậm nhất trong Quý I/2018.", context="chế độ báo cáo định kỳ hàng tuần"
	)
	assert (d.kind, d.due, d.recurrence) == ("quarter", D(2018, 3, 31), None)


def test_a_legal_reference_date_is_not_a_deadline():
	d = parse_deadline("theo Quyết định số 3241/QĐ-UBND của UBND tỉnh")
	assert d.kind == "unparsed" and d.due is None


def test_an_impossible_date_is_not_read():
	assert parse_deadline("trước ngày 31/2/2019").kind == "unparsed"


def test_helpers():
	assert quarter_of(D(2018, 12, 31)) == "Q4" and quarter_of(None) is None
	assert recurrence_in("định kỳ hàng tuần") == "weekly" and recurrence_in("trong năm 2018") is None
	assert weekly_slot("trước 15 giờ 30 ngày thứ năm") == (3, "15:30")
	assert weekly_slot("chủ nhật") == (6, None)


@pytest.mark.parametrize(
	"text, kind, due",
	[
		("trong quý III", "quarter", D(2025, 9, 30)),  # the plan's year
		("trước ngày 15/12", "date", D(2025, 12, 15)),
		("trong tháng 12", "month", D(2025, 12, 31)),
		("trước ngày 15/12 hằng năm", "recurring", None),  # every year: no single date
		("vào ngày 19 tháng 12 năm 2025", "date", D(2025, 12, 19)),
		("dịp 19 tháng 12 năm 2025", "date", D(2025, 12, 19)),
		("Trong 03 ngày làm việc kể từ ngày nhận được kiến nghị", "none", None),  # from each petition
		("Thời gian niêm yết là 30 ngày.", "none", None),
	],
)
def test_a_year_left_out_and_time_limits(text, kind, due):
	d = parse_deadline(text, year=2025)
	assert (d.kind, d.due) == (kind, due)


def test_a_time_limit_from_the_plan_itself_runs_from_its_date():
	text = "trong thời hạn 10 ngày kể từ ngày nhận Kế hoạch này"
	assert parse_deadline(text, year=2025, issued=D(2025, 11, 17)).due == D(2025, 11, 27)
	working = "trong thời hạn 05 ngày làm việc kể từ ngày ký Quyết định này"
	assert parse_deadline(working, year=2025, issued=D(2025, 11, 21)).due == D(2025, 11, 28)
	assert parse_deadline(text, year=2025).kind == "none"  # no date to count from
