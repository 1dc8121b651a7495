"""Agency names in plans, without a site."""

import datetime as dt

import pytest

from onestop.agency_names import find_provinces, fold, normalise, standard_vocabulary

V = standard_vocabulary()


@pytest.mark.parametrize(
	"written, canonical",
	[
		("Sở Thông tin và truyền thông", "Sở Thông tin và Truyền thông"),
		("Sở TT&TT", "Sở Thông tin và Truyền thông"),
		("Sở TT & TT", "Sở Thông tin và Truyền thông"),
		("Sở Thông tin và Truyền thông", "Sở Thông tin và Truyền thông"),
		("VP UBND tỉnh", "Văn phòng UBND tỉnh"),
		("Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng UBND tỉnh"),
		("Văn phòng Uỷ ban nhân dân tỉnh", "Văn phòng UBND tỉnh"),
		("Lao động – TBXH", "Sở Lao động - Thương binh và Xã hội"),
		("Đài PT-TH", "Đài Phát thanh - Truyền hình tỉnh"),
		("Công An tỉnh", "Công an tỉnh"),
		("các Sở, ngành liên quan", "Các Sở, ban, ngành"),
		("Các sở, ban, ngành thuộc UBND tỉnh", "Các Sở, ban, ngành"),
		("UBND các huyện, thị xã, thành phố", "UBND cấp huyện"),
		("Các cơ quan HCNN TW đóng trên địa bàn", "Các cơ quan Trung ương đóng trên địa bàn"),
		("Trung tâm HC công của tỉnh", "Trung tâm Hành chính công tỉnh"),
	],
)
def test_variants_resolve_to_one_name(written, canonical):
	assert V.resolve(written) == canonical


def test_leading_agencies_are_the_subject_of_a_sentence():
	assert V.leading("Sở Tài chính và Sở Kế hoạch và Đầu tư tham mưu UBND tỉnh bố trí kinh phí")[0] == [
		"Sở Tài chính",
		"Sở Kế hoạch và Đầu tư",
	]
	assert V.leading("Giao Sở Tư pháp:")[0] == ["Sở Tư pháp"]
	assert V.leading("Văn phòng UBND tỉnh (Bộ phận tiếp nhận và trả kết quả tập trung) chủ trì")[0] == [
		"Văn phòng UBND tỉnh"
	]
	assert V.leading("Tham mưu UBND tỉnh ban hành Quy chế")[0] == []


def test_a_collective_followed_by_its_list_gives_the_list():
	names, _ = V.leading("Các phòng: Phòng đấu thầu và Giám sát đầu tư, Tổng hợp, quy hoạch.")
	assert names == ["Phòng Đấu thầu và Giám sát đầu tư", "Phòng Tổng hợp, quy hoạch"]


def test_agencies_named_by_their_shape():
	assert V.find_all("phối hợp với Viễn thông An Giang nâng cấp") == ["Viễn thông An Giang"]
	assert V.leading("Báo Bà Rịa – Vũng Tàu thường xuyên")[0] == ["Báo Bà Rịa - Vũng Tàu"]


def test_agencies_after_a_preposition_are_not_actors():
	text = (
		"các đơn vị phân loại thủ tục tại Trung tâm Phục vụ hành chính công, báo cáo về Văn phòng UBND tỉnh"
	)
	assert V.actors(text) == []
	assert V.actors("thì các Sở, ban, ngành báo cáo") == ["Các Sở, ban, ngành"]


def test_normal_forms():
	assert normalise("Uỷ ban  hoà  –  Quý hoàn") == "Ủy ban hòa - Quý hoàn"
	assert fold("Đài PT-TH") == fold("Đài PT – TH") == "đài pt - th"


def test_provinces():
	assert find_provinces("UBND tỉnh Quảng Bình; tỉnh Quảng Bình; Bà Rịa-Vũng Tàu") == [
		"Quảng Bình",
		"Bà Rịa - Vũng Tàu",
	]


@pytest.mark.parametrize(
	"written, canonical",
	[
		("Viện kiểm sát nhân dân tỉnh", "Viện kiểm sát nhân dân tỉnh"),
		("Tòa án nhân dân tỉnh", "Tòa án nhân dân tỉnh"),
		("Ban Chỉ huy Bộ đội Biên phòng tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"),
		("Ban Tuyên giáo và Dân vận Thành ủy", "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
		("các tổ chức chính trị - xã hội", "Các tổ chức chính trị - xã hội"),
		("Thường trực HĐND tỉnh", "HĐND tỉnh"),
		("lực lượng Công an", "Công an tỉnh"),
		("ACV", "Tổng công ty Cảng hàng không Việt Nam"),
	],
)
def test_courts_commands_party_bodies_and_unions_are_agencies(written, canonical):
	assert V.resolve(written) == canonical


def test_regional_offices_of_central_agencies_are_named_as_written():
	text = (
		"Thuế tỉnh, Kiểm toán nhà nước khu vực II, Kho bạc nhà nước khu vực XI, Chi cục Hải quan khu vực XIX"
	)
	assert V.leading(text)[0] == [
		"Thuế tỉnh",
		"Kiểm toán nhà nước khu vực II",
		"Kho bạc nhà nước khu vực XI",
		"Chi cục Hải quan khu vực XIX",
	]
	assert V.find_all("phối hợp với Kho bạc nhà nước khu vực XI") == ["Kho bạc nhà nước khu vực XI"]


def test_a_short_unknown_name_inside_a_list_does_not_end_it():
	names, _ = V.leading(
		"Giám đốc các Sở, Thủ trưởng các ngành, cơ quan cấp tỉnh, UBND các xã, phường, các cơ quan, "
		"đơn vị có liên quan xây dựng kế hoạch"
	)
	assert names == ["Các Sở, ban, ngành", "UBND các xã, phường, đặc khu", "Các cơ quan liên quan"]


def test_the_communes_of_the_two_tier_era():
	assert V.resolve("UBND cấp xã") == "UBND cấp xã"
	assert V.dated(dt.date(2025, 11, 1)).resolve("UBND cấp xã") == "UBND các xã, phường, đặc khu"


def test_provinces_named_as_actors_in_a_central_document():
	central = V.central()
	assert central.leading("Các tỉnh Nghệ An, Quảng Ngãi, Cao Bằng khẩn trương hoàn thiện")[0] == [
		"UBND tỉnh Nghệ An",
		"UBND tỉnh Quảng Ngãi",
		"UBND tỉnh Cao Bằng",
	]
	assert central.leading("Thành phố Hà Nội và các tỉnh Bắc Ninh, Gia Lai đẩy nhanh")[0] == [
		"UBND thành phố Hà Nội",
		"UBND tỉnh Bắc Ninh",
		"UBND tỉnh Gia Lai",
	]
	assert central.leading("Ủy ban nhân dân các tỉnh, thành phố: Tuyên Quang, Hồ Chí Minh quyết liệt")[0] == [
		"UBND tỉnh Tuyên Quang",
		"UBND thành phố Hồ Chí Minh",
	]
	assert central.leading("các địa phương (Ninh Bình, Hải Phòng) để thống nhất")[0] == [
		"UBND tỉnh Ninh Bình",
		"UBND thành phố Hải Phòng",
	]
	assert central.resolve("các địa phương") == "UBND các tỉnh, thành phố trực thuộc trung ương"
	assert V.leading("Các tỉnh Nghệ An, Quảng Ngãi")[0] == []  # a province's own plan: not an agency


def test_a_documents_own_term_for_the_agencies_it_lists():
	vocabulary = V.copy()
	assert vocabulary.define("các cơ quan, đơn vị", ["Các Sở, ban, ngành", "UBND các xã, phường, đặc khu"])
	assert vocabulary.leading("Các cơ quan, đơn vị cử người quản trị")[0] == [
		"Các Sở, ban, ngành",
		"UBND các xã, phường, đặc khu",
	]
	assert V.resolve("các cơ quan, đơn vị") == "Các cơ quan liên quan"  # the standard vocabulary is untouched


def test_a_list_after_de_nghi_keeps_the_names_it_does_not_know():
	names, _ = V.leading(
		"Đề nghị Ủy ban MTTQ Việt Nam tỉnh, Hội Cựu chiến binh tỉnh, Liên đoàn Lao động tỉnh và các tổ chức "
		"chính trị - xã hội phối hợp tuyên truyền"
	)
	assert names == [
		"Ủy ban MTTQ Việt Nam tỉnh",
		"Hội Cựu chiến binh tỉnh",
		"Liên đoàn Lao động tỉnh",
		"Các tổ chức chính trị - xã hội",
	]
	assert V.leading("Đề nghị Hội Cựu chiến binh tỉnh, Hội Nông dân tỉnh phối hợp")[0] == [
		"Hội Cựu chiến binh tỉnh",
		"Hội Nông dân tỉnh",
	]
