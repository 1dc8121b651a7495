"""Agency names in plans, without a site."""

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
