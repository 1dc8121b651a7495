"""Accent-insensitive procedure search (onestop.text_search), without a site."""

from onestop.text_search import Candidate, fold, fold_code, rank, score

CATALOGUE = [
	Candidate("1.001021-v1", "1.001021", "Cấp giấy phép xây dựng nhà ở riêng lẻ"),
	Candidate("1.001016-v1", "1.001016", "Cấp giấy phép xây dựng mới đối với công trình cấp I, cấp II"),
	Candidate("1.001018-v1", "1.001018", "Gia hạn giấy phép xây dựng"),
	Candidate("1.001005-v1", "1.001005", "Đăng ký khai sinh có yếu tố nước ngoài"),
	Candidate("1.001037-v1", "1.001037", "Đổi giấy phép lái xe do ngành Giao thông vận tải cấp"),
	Candidate("2.000100-v1", "2.000100", "Chứng thực bản sao từ bản chính giấy tờ, văn bản"),
]


def keys(query, limit=20):
	return [c.key for c in rank(query, CATALOGUE, limit)]


def test_fold_removes_every_vietnamese_mark_and_d_bar():
	assert fold("Cấp giấy phép") == "cap giay phep"
	assert fold("ĐĂNG KÝ KHAI SINH") == "dang ky khai sinh"
	assert fold("đổi, ủy quyền; ưu tiên – ngoài") == "doi uy quyen uu tien ngoai"
	# the same text typed decomposed (as some keyboards send it) folds alike
	import unicodedata

	assert fold(unicodedata.normalize("NFD", "Chứng thực bản sao")) == "chung thuc ban sao"
	assert fold(None) == "" and fold("   ") == ""


def test_words_without_accents_find_the_procedure():
	# the names starting with the words first, then one holding them apart ("… giấy phép … cấp")
	assert keys("cap giay phep") == ["1.001021-v1", "1.001016-v1", "1.001037-v1"]
	assert keys("giay phep xay dung") == ["1.001018-v1", "1.001021-v1", "1.001016-v1"]
	assert keys("dang ky khai sinh") == ["1.001005-v1"]
	assert keys("Đăng ký khai sinh") == ["1.001005-v1"]


def test_words_match_in_any_order_and_by_their_start():
	assert keys("nha o xay") == ["1.001021-v1"]
	assert keys("lai xe doi") == ["1.001037-v1"]
	assert keys("chung thu ban") == ["2.000100-v1"]
	assert keys("xay nha tre") == []  # "tre" begins no word of any name


def test_a_code_finds_its_procedure_first():
	assert keys("1.001021") == ["1.001021-v1"]
	assert keys(" 1.00101 ") == ["1.001016-v1", "1.001018-v1"]
	assert score("1.001021", CATALOGUE[0]) == 100
	assert fold_code(" 1.001 021 ") == "1.001021"


def test_the_phrase_ranks_above_scattered_words():
	start = score("cap giay phep", CATALOGUE[0])
	inside = score("giay phep xay dung", CATALOGUE[2])
	scattered = score("xay cap", CATALOGUE[0])
	assert start > inside > scattered > 0


def test_nothing_typed_finds_nothing_and_the_limit_holds():
	assert keys("") == [] and keys("  ,. ") == []
	assert len(keys("giay", limit=2)) == 2
	assert keys("giay", limit=0) == []
