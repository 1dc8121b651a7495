"""Plans given as files: .docx, .pdf with a text layer, a scanned PDF, an old .doc, size."""

import datetime as dt

import pytest

from onestop.plan_parser import PlanParseError, parse_file
from onestop.plan_reader import files

PARAGRAPHS = [
	"ỦY BAN NHÂN DÂN TỈNH NGHỆ AN",
	"Số: 1026/KH-UBND",
	"Nghệ An, ngày 26 tháng 11 năm 2025",
	"KẾ HOẠCH",
	"Bảo vệ bí mật nhà nước",
	"I. PHÂN CÔNG NHIỆM VỤ",
	"1. Công an tỉnh",
	"- Chủ trì, phối hợp với Sở Nội vụ rà soát quy chế; hoàn thành trước ngày 15/12/2025.",
	"2. Sở Tư pháp thẩm định quy chế trong Quý I/2026.",
]


def test_a_docx_with_a_table(tmp_path):
	docx = pytest.importorskip("docx")
	document = docx.Document()
	for text in PARAGRAPHS:
		document.add_paragraph(text)
	document.add_paragraph("PHỤ LỤC")
	table = document.add_table(rows=3, cols=4)
	rows = [
		("STT", "Nội dung", "Cơ quan chủ trì", "Thời gian hoàn thành"),
		("1", "Tập huấn công chức", "Sở Nội vụ", "Tháng 3/2026"),
		("2", "Kiểm tra việc thực hiện", "Công an tỉnh", "Quý II/2026"),
	]
	for row, values in zip(table.rows, rows, strict=True):
		for cell, value in zip(row.cells, values, strict=True):
			cell.text = value
	path = tmp_path / "plan.docx"
	document.save(path)
	plan = parse_file(path)
	assert (plan.number, plan.date) == ("1026/KH-UBND", dt.date(2025, 11, 26))
	leads = {t.key: (t.lead, t.deadline.due) for t in plan.tasks}
	assert leads["I.1-1"] == ("Công an tỉnh", dt.date(2025, 12, 15))
	assert leads["I.2"] == ("Sở Tư pháp", dt.date(2026, 3, 31))
	assert leads["PL.1"] == ("Sở Nội vụ", dt.date(2026, 3, 31))
	assert leads["PL.2"] == ("Công an tỉnh", dt.date(2026, 6, 30))


def _font():
	for path in (
		"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
		"/usr/share/fonts/dejavu/DejaVuSans.ttf",
	):
		try:
			open(path, "rb").close()
			return path
		except OSError:
			continue
	return None


def test_a_pdf_with_a_text_layer(tmp_path):
	fpdf = pytest.importorskip("fpdf")
	pytest.importorskip("pdfplumber")
	font = _font()
	if font is None:
		pytest.skip("no Unicode TrueType font (fonts-dejavu-core) to write Vietnamese into a PDF")
	pdf = fpdf.FPDF()
	pdf.add_page()
	pdf.add_font("DejaVu", "", font)
	pdf.set_font("DejaVu", size=11)
	for text in PARAGRAPHS:
		pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
	path = tmp_path / "plan.pdf"
	pdf.output(str(path))
	plan = parse_file(path)
	assert plan.number == "1026/KH-UBND" and plan.year == 2025
	assert [t.lead for t in plan.tasks] == ["Công an tỉnh", "Sở Tư pháp"]


def test_a_scanned_pdf_says_how_to_ocr_it(tmp_path):
	fpdf = pytest.importorskip("fpdf")
	pytest.importorskip("pdfplumber")
	pdf = fpdf.FPDF()
	pdf.add_page()
	pdf.rect(20, 20, 100, 50, style="F")  # an image of a page, no text
	path = tmp_path / "scan.pdf"
	pdf.output(str(path))
	with pytest.raises(PlanParseError, match="ocrmypdf"):
		parse_file(path)


def test_an_old_word_document_says_save_as_docx(tmp_path):
	path = tmp_path / "plan.doc"
	path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
	with pytest.raises(PlanParseError, match=r"save it as \.docx"):
		parse_file(path)


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path, monkeypatch):
	monkeypatch.setattr(files, "MAX_BYTES", 100)
	path = tmp_path / "big.txt"
	path.write_text("1. Sở Nội vụ rà soát.\n" * 20, encoding="utf-8")
	with pytest.raises(PlanParseError, match="MB"):
		parse_file(path)
