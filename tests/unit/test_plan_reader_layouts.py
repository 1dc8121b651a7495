"""The plan reader on the layouts of real documents, without a site: excerpts of the corpus
in tests/corpus/docs (hard-wrapped as they were copied), each with what a reader must get."""

import datetime as dt

import pytest

from onestop.agency_names import era_note, standard_vocabulary
from onestop.plan_parser import PlanParseError, parse_plan
from onestop.plan_reader.labelled import split_fields, starts_with_label
from onestop.plan_reader.text import is_hard_wrapped, logical_lines

HEADER = """|
ỦY BAN NHÂN
DÂN
TỈNH NGHỆ AN
-------
|
CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số:
1026/KH-UBND
|
Nghệ An, ngày 26
tháng 11 năm 2025
|

KẾ HOẠCH

TRIỂN KHAI THỰC HIỆN
CHỈ THỊ SỐ 32/CT-TTG VỀ BẢO VỆ BÍ MẬT NHÀ NƯỚC

"""

DIRECTIVE = """III. PHÂN CÔNG NHIỆM VỤ

1. Công an tỉnh

- Chủ trì, phối hợp với các cơ quan, đơn vị có liên
quan tham mưu Chủ tịch UBND tỉnh kiện toàn Ban Chỉ đạo bảo vệ bí mật nhà nước trên
địa bàn tỉnh Nghệ An.

- Chủ trì, phối hợp Bộ Chỉ huy Quân sự tỉnh và sở, ngành
có liên quan tham mưu xây dựng chính sách đặc thù.

2. Sở Nội vụ:

a) Chủ trì, phối hợp với Sở Tài
chính rà soát biên chế; hoàn thành trước ngày
15 tháng 12 năm 2025.

b) Nghiên cứu tích hợp nội dung bài giảng vào chương trình đào tạo công chức.

3. UBND các xã, phường

- Tổ chức phổ biến Luật Bảo vệ bí mật nhà nước.

|
Nơi nhận:
- Văn phòng Chính phủ;
|
"""


def test_hard_wrapped_lines_are_joined_back_into_paragraphs():
	lines = [x.text for x in logical_lines(HEADER + DIRECTIVE)]
	assert "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN" in lines
	assert "Số: 1026/KH-UBND" in lines
	assert "Nghệ An, ngày 26 tháng 11 năm 2025" in lines
	assert "TRIỂN KHAI THỰC HIỆN CHỈ THỊ SỐ 32/CT-TTG VỀ BẢO VỆ BÍ MẬT NHÀ NƯỚC" in lines
	assert any(
		x.startswith("a) Chủ trì, phối hợp với Sở Tài chính rà soát") for x in lines
	)  # "Sở Tài\nchính"
	assert not any(set(x) <= set("-") for x in lines)  # rules gone


def test_a_mid_sentence_dash_does_not_open_an_item():
	text = (
		"1. Phát triển kinh tế\n- xã hội của tỉnh theo hướng tăng trưởng xanh, phát triển\nnhanh, bền vững.\n"
		* 3
	)
	assert is_hard_wrapped(text.split("\n"))
	(first, *_) = logical_lines(text)
	assert (
		first.text
		== "1. Phát triển kinh tế - xã hội của tỉnh theo hướng tăng trưởng xanh, phát triển nhanh, bền vững."
	)


def test_the_same_text_wrapped_differently_reads_the_same():
	plan = parse_plan(HEADER + DIRECTIVE)
	rewrapped = parse_plan(
		(HEADER + DIRECTIVE).replace("Sở Tài\nchính", "Sở Tài chính").replace("ngày\n15", "ngày 15")
	)
	assert [(t.key, t.lead, t.co, t.deadline.due) for t in plan.tasks] == [
		(t.key, t.lead, t.co, t.deadline.due) for t in rewrapped.tasks
	]


def test_header_read_from_an_interleaved_two_column_copy():
	plan = parse_plan(HEADER + DIRECTIVE)
	assert (plan.number, plan.date, plan.year, plan.kind) == (
		"1026/KH-UBND",
		dt.date(2025, 11, 26),
		2025,
		"Kế hoạch",
	)
	assert (plan.province, plan.issuer) == ("Nghệ An", "UBND tỉnh Nghệ An")


def test_agency_headings_own_their_items():
	tasks = {t.key: t for t in parse_plan(HEADER + DIRECTIVE).tasks}
	assert tasks["III.1-1"].lead == "Công an tỉnh" and tasks["III.1-1"].co == ["Các cơ quan liên quan"]
	assert tasks["III.1-2"].co == ["Bộ Chỉ huy Quân sự tỉnh", "Các Sở, ban, ngành"]
	assert tasks["III.2.a"].lead == "Sở Nội vụ" and tasks["III.2.a"].co == ["Sở Tài chính"]
	assert tasks["III.2.a"].deadline.due == dt.date(2025, 12, 15)  # "ngày\n15 tháng 12 năm 2025"
	assert tasks["III.2.b"].lead == "Sở Nội vụ" and tasks["III.2.b"].deadline.kind == "none"
	assert tasks["III.3-1"].lead == "UBND các xã, phường, đặc khu"


LABELLED = """Hà Nội, ngày 29 tháng 11 năm 2025

II. NỘI
DUNG

1. Tổ chức tập huấn chuyên
sâu, bồi dưỡng kiến thức pháp luật

- Cơ quan chủ trì: Bộ Công
an.

- Cơ quan phối hợp: các bộ,
cơ quan ngang bộ, cơ quan thuộc Chính phủ.

- Thời gian thực hiện: năm
2025 và các năm tiếp theo.

2. Rà soát văn bản quy phạm
pháp luật

- Cơ quan thực hiện: Bộ Công
an.

- Thời gian thực hiện:

+ Các bộ gửi kết quả rà soát về Bộ
Công an trước ngày 15 tháng 12 năm 2025.

+ Bộ Công an báo cáo Thủ tướng Chính phủ trước ngày 31 tháng 12 năm 2025.

3. Xây dựng Cổng thông tin. Đơn vị chủ trì: Bộ Công an; Thời gian hoàn thành: Quý IV/2026.
"""


def test_labelled_fields_on_their_own_lines_and_inline():
	tasks = {t.key: t for t in parse_plan(LABELLED).tasks}
	one = tasks["II.1"]
	assert (one.lead, one.co, one.deadline.kind) == ("Bộ Công an", ["Các bộ, cơ quan ngang bộ"], "ongoing")
	assert one.title.startswith("Tổ chức tập huấn chuyên sâu")
	two = tasks["II.2"]
	assert two.lead == "Bộ Công an" and two.deadline.due == dt.date(2025, 12, 31)
	assert two.milestones == ["15 tháng 12 năm 2025", "31 tháng 12 năm 2025"] or len(two.milestones) == 2
	three = tasks["II.3"]
	assert (three.lead, three.deadline.due) == ("Bộ Công an", dt.date(2026, 12, 31))


def test_label_helpers():
	assert starts_with_label("- Cơ quan chủ trì: Bộ Công an.") == "lead"
	assert starts_with_label("- Thời hạn ban hành: trước ngày 01 tháng 01 năm 2026.") == "time"
	assert starts_with_label("- Chủ động rà soát: các văn bản") is None
	head, fields = split_fields("Nhiệm vụ: Rà soát; Đơn vị chủ trì: Sở Tư pháp; Kinh phí: ngân sách tỉnh.")
	assert head == ""
	assert fields == {"content": "Rà soát", "lead": "Sở Tư pháp", "budget": "ngân sách tỉnh."}


ATTACHED = """|
ỦY BAN NHÂN DÂN
TỈNH SƠN LA
|
Số: 2954/QĐ-UBND
|
Sơn La, ngày 20
tháng 11 năm 2025
|

QUYẾT ĐỊNH

VỀ VIỆC BAN HÀNH KẾ HOẠCH XUẤT KHẨU SẢN PHẨM HÀNG HÓA TỈNH
SƠN LA GIAI ĐOẠN 2026 - 2030

QUYẾT ĐỊNH:

Điều 1. Ban
hành kèm theo Quyết định này Kế hoạch xuất khẩu sản phẩm hàng hóa tỉnh Sơn La.

Điều 2. Giao
Sở Công Thương chủ trì, phối hợp với các Sở, ban, ngành triển khai thực hiện Kế hoạch này.

Điều 3. Quyết
định này có hiệu lực kể từ ngày ký ban hành.

|
Nơi nhận:
- Như Điều 3;
|
TM. ỦY BAN NHÂN DÂN
|

KẾ HOẠCH

XUẤT KHẨU SẢN PHẨM HÀNG HÓA TỈNH SƠN LA GIAI ĐOẠN 2026 -
2030

I. MỤC TIÊU

1. Duy trì tốc độ tăng trưởng xuất khẩu ổn định.

II. NHIỆM VỤ

1. Sở Công Thương

- Tổ chức các hội chợ thương mại.

1. Trung
tâm Xúc tiến đầu tư, thương mại và du lịch

- Tổ chức các chương trình xúc tiến thương mại.
"""


def test_a_decision_carrying_its_plan_reads_the_plan_not_its_articles():
	plan = parse_plan(ATTACHED)
	assert (plan.number, plan.date, plan.kind) == ("2954/QĐ-UBND", dt.date(2025, 11, 20), "Quyết định")
	assert plan.issuer == "UBND tỉnh Sơn La"
	assert plan.title.startswith("Kế hoạch xuất khẩu sản phẩm hàng hóa tỉnh Sơn La")
	assert [t.lead for t in plan.tasks] == [
		"Sở Công Thương",
		"Trung tâm Xúc tiến đầu tư, thương mại và du lịch",
	]
	assert not any("Điều" in t.ref for t in plan.tasks)


def test_a_repeated_reference_gets_a_unique_key_instead_of_a_refusal():
	keys = [t.key for t in parse_plan(ATTACHED).tasks]
	assert keys == ["II.1-1", "II.1-1#2"]


TABLE = """Hà Nội, ngày 05 tháng 3 năm 2025

PHỤ LỤC

DANH MỤC NHIỆM VỤ

|
Số TT
|
Nội dung nhiệm vụ
|
Cơ quan chủ trì
|
Cơ quan phối hợp
|
Thời gian hoàn thành
|
Sản phẩm
|
|
I
|
XÂY DỰNG THỂ
CHẾ
|
|
1
|
Xây dựng quy chế phối hợp
|
Sở Tư pháp
|
Sở Nội vụ; Văn phòng UBND tỉnh
|
Quý II/2025
|
Quyết định của UBND tỉnh
|
|
2
|
Rà soát thủ tục hành
chính nội bộ
|
Văn phòng UBND tỉnh
|
Các sở, ban, ngành
|
Tháng 6/2025
|
Báo cáo
|
|
II
|
TRUYỀN THÔNG
|
|
1
|
Tuyên truyền
|
Sở Văn hóa, Thể thao và Du lịch
|
|
Thường xuyên
|
Tin bài
|
"""


def test_a_table_flattened_one_cell_a_line_with_group_rows():
	plan = parse_plan(TABLE)
	tasks = {t.key: t for t in plan.tasks}
	assert list(tasks) == ["PL.I.1", "PL.I.2", "PL.II.1"]
	one = tasks["PL.I.1"]
	assert (one.lead, one.co, one.deadline.due, one.product) == (
		"Sở Tư pháp",
		["Sở Nội vụ", "Văn phòng UBND tỉnh"],
		dt.date(2025, 6, 30),
		"Quyết định của UBND tỉnh",
	)
	assert tasks["PL.I.2"].text == "Rà soát thủ tục hành chính nội bộ"
	assert tasks["PL.I.2"].section == "Xây dựng thể chế"
	assert tasks["PL.II.1"].deadline.kind == "ongoing"


@pytest.mark.parametrize(
	"text, year, source",
	[
		("Nghệ An, ngày\n26 tháng 11 năm 2025\n\n1. Sở Nội vụ rà soát biên chế.\n", 2025, None),
		("Số: 72/2025/QĐ-UBND\n\n1. Sở Nội vụ rà soát biên chế.\n", 2025, "document number"),
		("1. Sở Nội vụ rà soát biên chế trong Quý III/2024.\n", 2024, "deadlines"),
	],
)
def test_the_year_from_the_date_the_number_or_the_deadlines(text, year, source):
	plan = parse_plan(text)
	assert plan.year == year
	if source:
		assert source in " ".join(plan.warnings) or source == "document number"


def test_the_year_given_by_the_caller_and_no_year_at_all():
	text = "1. Sở Nội vụ rà soát biên chế trong quý III.\n"
	assert parse_plan(text, year=2026).year == 2026
	plan = parse_plan(text)
	assert plan.year is None and any("year" in w for w in plan.warnings)
	assert plan.tasks[0].notes  # undated work is flagged for review


def test_both_eras_of_local_administration():
	old = "Vũng Tàu, ngày 05 tháng 3 năm 2019\n\n1. Sở Kế hoạch và Đầu tư chủ trì, phối hợp với UBND các huyện, thị xã, thành phố.\n"
	new = old.replace("năm 2019", "năm 2025").replace("tháng 3", "tháng 11")
	(old_task,) = parse_plan(old).tasks
	(new_task,) = parse_plan(new).tasks
	assert (old_task.lead, old_task.co, old_task.warnings) == (
		"Sở Kế hoạch và Đầu tư",
		["UBND cấp huyện"],
		[],
	)
	assert new_task.lead == "Sở Kế hoạch và Đầu tư"  # flagged, not silently mapped
	assert any("Sở Tài chính" in w for w in new_task.warnings)
	assert any("UBND cấp huyện" in w for w in new_task.warnings)
	assert era_note("Sở Nông nghiệp và Môi trường", dt.date(2019, 1, 1))
	assert era_note("Sở Nông nghiệp và Môi trường", dt.date(2025, 11, 1)) is None
	vocabulary = standard_vocabulary()
	assert vocabulary.dated(dt.date(2025, 11, 1)).resolve("các địa phương") == "UBND các xã, phường, đặc khu"
	assert vocabulary.resolve("UBND các xã, phường") == "UBND các xã, phường, đặc khu"
	assert vocabulary.resolve("Trung tâm Phục vụ hành chính công tỉnh") == "Trung tâm Phục vụ hành chính công"


def test_a_news_article_is_refused_with_the_reason():
	with pytest.raises(PlanParseError, match="no task found"):
		parse_plan("Sáng nay, Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết.\n\nHội nghị diễn ra tốt đẹp.\n")


SEED_MISREADINGS = """Vũng Tàu, ngày 05 tháng 3 năm 2019

1. Các Sở, ban, ngành:

a) Xử lý nghiêm các bộ phận, cá nhân thường xuyên có hồ sơ trễ hẹn, quá hạn.

b) Lãnh đạo các Sở, ngành thường xuyên kiểm tra phiếu góp ý (ít nhất 01 lần/tuần).

c) Kết nối dữ liệu với phần mềm của Tổng Công ty Bưu chính khi có yêu cầu.

d) Sở Nội vụ kiểm tra công vụ. *Thời gian thực hiện: Quý II và Quý IV/2019.*
"""


def test_adjectives_rhythms_and_milestones():
	tasks = {t.key: t for t in parse_plan(SEED_MISREADINGS).tasks}
	assert tasks["1.a"].deadline.kind == "none"  # "thường xuyên có hồ sơ trễ hẹn" describes
	assert tasks["1.b"].deadline.recurrence == "weekly"
	assert tasks["1.c"].deadline.text == ""  # "khi có yêu cầu" belongs to a clause
	d = tasks["1.d"]
	assert d.milestones == ["Quý II/2019", "Quý IV/2019"]
	assert (d.deadline.kind, d.deadline.due, d.deadline.recurrence) == (
		"quarter",
		dt.date(2019, 12, 31),
		None,
	)


SUBJECTS = """Nghệ An, ngày 25 tháng 11 năm 2025

Điều 6. Trách nhiệm Văn phòng UBND tỉnh

1. Tiếp nhận, phân loại kiến nghị thuộc thẩm quyền giải quyết của UBND tỉnh.

2. Trường hợp kiến nghị được chuyển trực tiếp đến các sở, ban, ngành, UBND cấp xã, nếu thuộc thẩm quyền giải quyết thì sở, ban, ngành, UBND cấp xã chủ động giải quyết.

Điều 7. Thi đua, khen thưởng

1. Hàng năm, Văn phòng UBND tỉnh rà soát, tổng hợp, tham mưu Chủ tịch UBND tỉnh khen thưởng.

2. Tăng cường tuyên truyền về chính sách đặc thù của địa phương và vai trò của Sở Tư pháp.
"""


def test_the_subject_of_a_clause_after_an_opening_phrase():
	tasks = {t.line: t for t in parse_plan(SUBJECTS).tasks}
	assert tasks[5].lead == "Văn phòng UBND tỉnh"  # the article's heading
	assert (tasks[7].lead, tasks[7].co) == (
		"Các Sở, ban, ngành",
		["UBND các xã, phường, đặc khu"],
	)  # "… thì …"
	assert tasks[11].lead == "Văn phòng UBND tỉnh"  # "Hàng năm, Văn phòng UBND tỉnh …"
	assert tasks[13].lead is None  # "… vai trò của Sở Tư pháp" only mentions it


def test_an_agency_the_text_only_mentions_is_not_its_lead():
	text = "Hà Tĩnh, ngày 19 tháng 11 năm 2025\n\nIII. NHIỆM VỤ\n\n1. Rà soát chính sách đặc thù địa phương.\n\n2. Tuyên truyền về vai trò của Sở Tư pháp.\n"
	for task in parse_plan(text).tasks:
		assert task.lead is None and task.notes == ["lead agency not found in the text"]


def test_the_agencies_a_preamble_addresses():
	text = (
		"Bà Rịa – Vũng Tàu, ngày 10 tháng 04 năm 2021\n\n"
		"Lãnh đạo Sở chỉ đạo các Phòng ban chuyên môn thực hiện một số nội dung sau:\n\n"
		"I. Chỉ đạo chung:\n\n1. Xây dựng văn bản QPPL được giao đúng tiến độ.\n"
	)
	(task,) = parse_plan(text).tasks
	assert (task.lead, task.notes) == ("Các phòng chuyên môn", [])


def test_localities_in_a_central_document_are_the_provinces():
	text = (
		"|\nTHỦ TƯỚNG CHÍNH PHỦ\n|\nSố: 12/QĐ-TTg\n|\nHà Nội, ngày 10 tháng 11 năm 2025\n|\n\n"
		"1. Bộ Xây dựng chủ trì, phối hợp với các địa phương rà soát danh mục dự án.\n\n"
		"2. Các tỉnh Nghệ An, Quảng Ngãi khẩn trương hoàn thiện báo cáo.\n"
	)
	plan = parse_plan(text)
	first, second = plan.tasks
	assert plan.province is None  # "Hà Nội, ngày …" is where it was signed
	assert first.co == ["UBND các tỉnh, thành phố trực thuộc trung ương"]
	assert (second.lead, second.co) == ("UBND tỉnh Nghệ An", ["UBND tỉnh Quảng Ngãi"])
	provincial = parse_plan(
		text.replace("THỦ TƯỚNG CHÍNH PHỦ", "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH").replace("QĐ-TTg", "QĐ-UBND")
	)
	assert provincial.tasks[0].co == ["UBND các xã, phường, đặc khu"]  # the communes and wards
	earlier = parse_plan(
		text.replace("THỦ TƯỚNG CHÍNH PHỦ", "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH")
		.replace("QĐ-TTg", "QĐ-UBND")
		.replace("năm 2025", "năm 2019")
	)
	assert earlier.tasks[0].co == ["UBND cấp huyện"]  # before 1 July 2025, the districts


def test_a_headings_deadline_and_inline_dates():
	text = (
		"Hà Nội, ngày 18 tháng 11 năm 2025\n\nIII. NHIỆM VỤ TRỌNG TÂM\n\n"
		"1. Hoàn thành mục tiêu đưa vào khai thác 3.000 km đường bộ cao tốc trong năm 2025\n\n"
		"a) Bộ Quốc phòng chỉ đạo các quân khu hỗ trợ thiết bị.\n\n"
		"b) Bộ Xây dựng tổ chức lễ khánh thành vào ngày 19 tháng 12 năm 2025.\n\n"
		"2. Sở Nội vụ rà soát biên chế trong quý III.\n"
	)
	a, b, c = parse_plan(text).tasks
	assert a.deadline.due == dt.date(2025, 12, 31)  # the heading's "trong năm 2025"
	assert b.deadline.due == dt.date(2025, 12, 19)
	assert c.deadline.due == dt.date(2025, 9, 30)  # a quarter in the plan's year


REGULATION = """|
ỦY BAN NHÂN DÂN TỈNH BẮC NINH
|
Số: 80/2025/QĐ-UBND
|
Bắc Ninh, ngày 22 tháng 11 năm 2025
|

QUYẾT ĐỊNH

Điều 1. Ban hành kèm theo Quyết định này Quy định về Cổng thông tin điện tử tỉnh.

Điều 2. Quyết định này có hiệu lực thi hành từ ngày 05 tháng 12 năm 2025.

|
Nơi nhận:
- Như Điều 3;
|

QUY ĐỊNH

Chương I

QUY ĐỊNH CHUNG

Điều 1. Đối tượng áp dụng

1. Quy định này áp dụng cho các sở, cơ quan thuộc UBND tỉnh; UBND xã, phường trên địa bàn tỉnh (sau đây viết tắt là các cơ quan, đơn vị).

Điều 2. Các hành vi bị nghiêm cấm

1. Cản trở các cơ quan, tổ chức, cá nhân sử dụng chữ ký số.

2. Cổng TTĐT tỉnh sử dụng tên miền cấp 3 của Việt Nam.

3. Sở Khoa học và Công nghệ chủ trì hướng dẫn việc đăng ký tên miền.

Điều 3. Thi đua, khen thưởng

1. Kết quả thực hiện Quy định này là một tiêu chí để đánh giá mức độ hoàn thành nhiệm vụ.

Sở Nội vụ chủ trì, phối hợp với Văn phòng UBND tỉnh tham mưu bổ sung tiêu chí thi đua.

Chương II

TỔ CHỨC THỰC HIỆN

Điều 4. Trách nhiệm của các cơ quan, đơn vị

1. Cử người quản trị vận hành Cổng TTĐT thành phần của cơ quan, đơn vị.

2. Thực hiện báo cáo định kỳ tình hình hoạt động Cổng TTĐT thành phần theo các nội dung sau:

a) Tên báo cáo, nội dung báo cáo theo Phụ lục.

b) Định kỳ 6 tháng và hằng năm, gửi báo cáo về Sở Khoa học và Công nghệ.

Điều 5. Trách nhiệm của người quản trị vận hành Cổng thông tin điện tử

1. Bảo quản an toàn, bảo mật thông tin tài khoản truy cập quản trị.
"""


def test_a_regulation_s_rules_are_not_tasks_its_assignments_are():
	tasks = parse_plan(REGULATION).tasks
	texts = [t.text for t in tasks]
	assert not any(
		x.startswith(("Cản trở", "Cổng TTĐT tỉnh sử dụng", "Kết quả thực hiện", "Bảo quản")) for x in texts
	)
	by_text = {t.text[:20]: t for t in tasks}
	assert (
		by_text["Sở Khoa học và Công "].lead == "Sở Khoa học và Công nghệ"
	)  # a rule article's item that assigns
	assert (by_text["Sở Nội vụ chủ trì, p"].lead, by_text["Sở Nội vụ chủ trì, p"].co) == (
		"Sở Nội vụ",
		["Văn phòng UBND tỉnh"],
	)  # the paragraph after a full sentence
	assert not [t for t in tasks if t.text == ""]  # "Chương I / QUY ĐỊNH CHUNG" is a chapter's title


def test_a_documents_own_term_and_a_report_s_contents():
	tasks = parse_plan(REGULATION).tasks
	(first,) = [t for t in tasks if t.text.startswith("Cử người quản trị")]
	assert (first.lead, first.co) == (
		"Các Sở, ban, ngành",
		["UBND các xã, phường, đặc khu"],
	)  # "các cơ quan, đơn vị"
	(report,) = [t for t in tasks if t.text.startswith("Thực hiện báo cáo")]
	assert "Tên báo cáo" in report.text and report.deadline.recurrence  # one task with its parts
	assert not any(t.text.startswith("Tên báo cáo") for t in tasks)


def test_a_dash_that_goes_on_a_word_in_a_text_of_spaced_paragraphs():
	items = "".join(f"\n{n}. Nội dung thứ {n} của kế hoạch\nđược trình bày tại đây.\n" for n in range(1, 8))
	text = (
		"I. NHIỆM VỤ\n"
		+ items
		+ "\n8. Tiếp nhận và trả lời ý kiến\nbạn đọc tại chuyên mục Hỏi\n– Đáp/Phản ánh kiến nghị.\n"
	)
	last = [x.text for x in logical_lines(text)][-1]
	assert last == "8. Tiếp nhận và trả lời ý kiến bạn đọc tại chuyên mục Hỏi – Đáp/Phản ánh kiến nghị."
