"""A document file as text: .txt, .docx (python-docx) and .pdf with a text layer (pdfplumber).

Checked before it is read: at most MAX_BYTES, and text in UTF-8 (with or without a byte
order mark) or UTF-16 with its mark. A scanned PDF (no text layer) and an old Word .doc are
refused with what to do instead.
"""

from __future__ import annotations

import io
from pathlib import Path

from onestop.plan_reader.model import PlanParseError

MAX_BYTES = 5 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".text", ".md", "")


def read_document(path: str | Path) -> str:
	"""The text of the document at `path`. Raises PlanParseError naming the file when it is
	too large, not text in a known encoding, a scanned PDF, an old .doc, or of a kind not read."""
	path = Path(path)
	size = path.stat().st_size
	if size > MAX_BYTES:
		raise PlanParseError(
			f"{path.name} is {size / 1048576:.1f} MB; a plan is read up to {MAX_BYTES // 1048576} MB"
		)
	data = path.read_bytes()
	return document_text(data, path.name)


def document_text(data: bytes, name: str) -> str:
	"""The text of a document given as bytes; `name` (a file name) tells its kind by its
	suffix, else its first bytes do. Raises PlanParseError as `read_document` does."""
	if len(data) > MAX_BYTES:
		raise PlanParseError(
			f"{name} is {len(data) / 1048576:.1f} MB; a plan is read up to {MAX_BYTES // 1048576} MB"
		)
	suffix = Path(name).suffix.lower()
	if data.startswith(b"%PDF") or suffix == ".pdf":
		return pdf_text(data, name)
	if data.startswith(b"\xd0\xcf\x11\xe0") or suffix == ".doc":
		raise PlanParseError(
			f"{name} is an old Word document (.doc): open it in Word or LibreOffice and save it as .docx "
			"(or `soffice --headless --convert-to docx FILE`), then read the .docx"
		)
	if data.startswith(b"PK\x03\x04") or suffix == ".docx":
		return docx_text(data, name)
	return decode_text(data, name)


def decode_text(data: bytes, name: str) -> str:
	"""Text bytes as str: UTF-8 (a byte order mark dropped) or UTF-16 with its mark."""
	if data.startswith((b"\xff\xfe", b"\xfe\xff")):
		try:
			return data.decode("utf-16")
		except UnicodeDecodeError as e:
			raise PlanParseError(f"{name} is not valid UTF-16 text ({e.reason} at byte {e.start})") from None
	try:
		return data.decode("utf-8-sig")
	except UnicodeDecodeError as e:
		raise PlanParseError(
			f"{name} is not UTF-8 text ({e.reason} at byte {e.start}): save it as UTF-8 "
			"(an old Vietnamese encoding such as TCVN3 or VNI must be converted to Unicode first)"
		) from None


def docx_text(data: bytes, name: str) -> str:
	"""Paragraphs and tables of a .docx in document order; a table comes out one cell between
	`|` lines, a row per `|` … `|` run, as the table reader reads it."""
	try:
		import docx
		from docx.document import Document as _Document
		from docx.oxml.ns import qn
		from docx.table import Table
		from docx.text.paragraph import Paragraph
	except ImportError:  # pragma: no cover - a dependency of the app
		raise PlanParseError("reading .docx needs python-docx (pip install python-docx)") from None
	try:
		document: _Document = docx.Document(io.BytesIO(data))
	except Exception as e:
		raise PlanParseError(f"{name} is not a readable .docx ({e})") from None
	out: list[str] = []
	for child in document.element.body.iterchildren():
		if child.tag == qn("w:p"):
			out.append(Paragraph(child, document).text)
		elif child.tag == qn("w:tbl"):
			out.extend(
				_table_lines([[c.text for c in _unique_cells(r.cells)] for r in Table(child, document).rows])
			)
			out.append("")
	return "\n".join(out)


def _unique_cells(cells):
	seen = []
	for c in cells:  # a merged cell is returned once per grid column it spans
		if not seen or c._tc is not seen[-1]._tc:
			seen.append(c)
	return seen


def _table_lines(rows: list[list[str]]) -> list[str]:
	lines: list[str] = []
	for row in rows:
		lines.append("|")
		for cell in row:
			lines.extend((cell or "").split("\n") if cell else [])
			lines.append("|")
	return lines


def pdf_text(data: bytes, name: str) -> str:
	"""The text layer of a PDF, page by page; tables found by pdfplumber come out as `|`
	cells. A PDF without text (a scan) is refused with how to add a text layer."""
	try:
		import pdfplumber
	except ImportError:  # pragma: no cover - a dependency of the app
		raise PlanParseError("reading .pdf needs pdfplumber (pip install pdfplumber)") from None
	pages: list[str] = []
	try:
		with pdfplumber.open(io.BytesIO(data)) as pdf:
			for page in pdf.pages:
				tables = page.find_tables()
				if tables:
					outside = page
					for t in tables:
						outside = outside.outside_bbox(t.bbox)
					text = outside.extract_text() or ""
					lines = [text]
					for t in tables:
						lines.extend(_table_lines([[c or "" for c in row] for row in t.extract()]))
					pages.append("\n".join(lines))
				else:
					pages.append(page.extract_text() or "")
	except Exception as e:
		raise PlanParseError(f"{name} is not a readable PDF ({e})") from None
	text = "\n".join(pages)
	if len("".join(text.split())) < 20:
		raise PlanParseError(
			f"{name} has no text layer (a scanned PDF): run OCR on it first, e.g. "
			"`ocrmypdf -l vie scan.pdf text.pdf`, then read the new PDF"
		)
	return text
