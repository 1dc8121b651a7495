"""A document's text as logical lines: one paragraph, heading, table cell or `|` a line.

Texts reach the reader copied from a web page or a PDF: lines break mid-sentence, mid-name
("Sở Tài\\nchính") and mid-date ("ngày\\n26 tháng 11 năm 2025"), and the two-column header comes
out interleaved with stray `|` and `----` lines. `logical_lines` undoes that, so nothing after
it depends on where a copy broke a line:

- a hard-wrapped text (most lines end mid-sentence) is joined back into paragraphs; a line
  starts a new paragraph after a blank line, a `|`, or when it opens with an item marker
  ("1.", "a)", "- ", "Điều 2.") or a standalone word ("KẾ HOẠCH", "Nơi nhận:") where the
  line before could end;
- a text with one paragraph a line (a typed text, a .docx) keeps its lines, joining only a
  line that begins in lower case (a page break);
- `|` stays a line of its own (tables and the header's columns); rules of dashes go.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from onestop.agency_names import normalise


@dataclass
class Line:
	"""A logical line: its text and the 1-based number of the raw line it starts on."""

	text: str
	no: int


CELL = "|"
_RULE = re.compile(r"^[-_=–—.*]{3,}$")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_ROMAN_RE = "|".join(sorted(ROMAN, key=len, reverse=True))
# A line that opens an item: "I.", "1.", "1.1.", "a)", "- ", "+ ", "Điều 3.", "Chương II".
MARKER = re.compile(
	rf"^(?:(?:{_ROMAN_RE})\.\s|\d{{1,2}}\.\s|\d{{1,2}}(?:\.\d{{1,2}})+\.?\s|\d{{1,2}}\)\s|[a-zđ]\)\s?|[-–•+*]\s|"
	r"Điều\s+\d+|Chương\s+[IVXLC\d]+|Mục\s+\d+\.|[A-Z]\.\s)"
)
# Lines that stand alone whatever the line before them ends with.
STANDALONE = re.compile(
	r"^(?:(?:QUYẾT ĐỊNH|KẾ HOẠCH|CHỈ THỊ|THÔNG BÁO|CHƯƠNG TRÌNH|QUY CHẾ|QUY ĐỊNH|DANH MỤC|PHƯƠNG ÁN|"
	r"ĐỀ ÁN|NGHỊ QUYẾT|CÔNG VĂN|BÁO CÁO|PHỤ LỤC|BIỂU)(?:\s+(?:[IVX]+|\d+|SỐ\s*\d+)[a-z]?)?\s*:?$|"
	r"(?:QUYẾT NGHỊ|QUYẾT ĐỊNH):$|Căn cứ\s|Theo đề nghị|Xét đề nghị|Nơi nhận|Kính gửi|TM\.|KT\.|Q\.|"
	r"\((?:Kèm theo|Ban hành kèm theo)\b)"
)
# A line that ends on one of these words goes on in the next ("ngày\n26 tháng 11 năm 2025").
_DANGLING = re.compile(r"(?:\b(?:ngày|tháng|năm|số|của|và|các|với|tại|theo|về|cho|từ|đến)|,)$", re.I)
_CLAUSE_END = re.compile(r"[.;:!?…)\"”]\s*$|\./\.$")


def clean(line: str) -> str:
	"""A raw line without its markup: no-break spaces, bold stars, surrounding blanks."""
	return line.replace("\u00a0", " ").replace("\u200b", "").replace("**", "").strip()


def is_caps(text: str) -> bool:
	"""Whether `text` is written in capitals (a heading), ignoring digits and punctuation."""
	letters = [c for c in text if c.isalpha()]
	return len(letters) >= 2 and all(c.isupper() for c in letters)


def is_hard_wrapped(lines: list[str]) -> bool:
	"""Whether the text was wrapped at a fixed width: many lines end mid-sentence and the
	next line goes on in lower case."""
	texts = [clean(x) for x in lines]
	pairs = [(a, b) for a, b in itertools.pairwise(texts) if len(a) > 15 and b and a != CELL and b != CELL]
	if len(pairs) < 2:
		return False
	open_ = [(a, b) for a, b in pairs if not _CLAUSE_END.search(a)]
	lower = sum(1 for a, b in open_ if b[0].islower() or b[0].isdigit())
	going_on = sum(1 for a, b in open_ if not MARKER.match(b) and not STANDALONE.match(b))
	return (len(pairs) >= 4 and lower / len(pairs) > 0.15) or going_on / len(pairs) > 0.6


def _items_follow_blank_lines(raw: list[str]) -> bool:
	"""Whether the text's items ("1.", "a)", "- ") each follow a blank line (paragraphs spaced
	apart), so that a dash at the start of a line right after text is a word's dash."""
	after_blank = after_open = 0
	for previous, line in itertools.pairwise(clean(x) for x in raw):
		if not MARKER.match(line):
			continue
		if not previous:
			after_blank += 1
		elif not (
			_CLAUSE_END.search(previous) or is_caps(previous) or re.match(r"^(?:Điều|Chương)$", previous)
		):
			after_open += 1  # an item right after a line that ends mid-sentence
	return after_blank >= 5 and after_open <= max(2, after_blank / 20)


def _opens_unit(previous: str, line: str) -> bool:
	"""Whether `line` starts a new paragraph after `previous` in a hard-wrapped text."""
	if STANDALONE.match(line) or STANDALONE.match(previous):
		return True
	if is_caps(previous) and not is_caps(line):
		return True
	m = MARKER.match(line)
	if not m:
		return False
	rest = line[m.end() :].lstrip()
	if _CLAUSE_END.search(previous) or is_caps(previous):
		return True
	return bool(rest) and (rest[0].isupper() or rest[0].isdigit()) and not line[0].isdigit()


def logical_lines(text: str) -> list[Line]:
	"""The text's logical lines (see the module's docstring). Tab-led lines (table cells of a
	converted document) are kept as they are, tab included."""
	raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
	wrapped = is_hard_wrapped(raw)
	spaced_items = wrapped and _items_follow_blank_lines(raw)
	out: list[Line] = []
	current: Line | None = None

	def flush() -> None:
		nonlocal current
		if current is not None:
			out.append(current)
			current = None

	broken = False  # a blank line since the current paragraph's last line
	for no, line in enumerate(raw, 1):
		if line.startswith("\t"):
			flush()
			out.append(Line(line.replace("\u00a0", " ").rstrip(), no))
			continue
		text_ = clean(line)
		if not text_:
			broken = True
			continue
		if text_ == CELL or set(text_) == {CELL}:
			flush()
			out.append(Line(CELL, no))
			continue
		if _RULE.match(text_):
			flush()
			continue
		# a line in lower case goes on with the paragraph before it, even over a blank
		# line (a page break); otherwise a blank line ends a paragraph and, in a wrapped
		# text, so does a line that opens an item
		goes_on = (text_[0].islower() and not MARKER.match(text_)) or (
			current is not None and _DANGLING.search(current.text) is not None and not MARKER.match(text_)
		)
		if (
			spaced_items
			and current is not None
			and not broken
			and text_[0] in "-–"
			and not _CLAUSE_END.search(current.text)
			and not is_caps(current.text)
		):
			goes_on = True  # "… chuyên mục Hỏi\n– Đáp": items of this text follow a blank line
		if current is not None and (
			goes_on or (wrapped and not broken and not _opens_unit(current.text, text_))
		):
			current.text += " " + text_
		else:
			flush()
			current = Line(text_, no)
		broken = False
	flush()
	for line in out:
		if not line.text.startswith("\t"):
			line.text = re.sub(r"\s+", " ", line.text)
	return out


def tidy(text: str) -> str:
	"""One line of task text: links unwrapped, stars gone, one space, no space before
	punctuation."""
	text = re.sub(r"<((?:https?://|www\.)[^>\s]+)>", r"\1", text)  # "<http://…>": a conversion artefact
	text = text.replace("*", "")
	text = re.sub(r"\s+", " ", text).strip()
	return re.sub(r"\s+([.,;:])", r"\1", text)


TITLE_LENGTH = 140


def make_title(text: str) -> str:
	"""The task's first sentence, cut at a word boundary to TITLE_LENGTH characters."""
	first = re.split(r"(?<=[.;])\s+(?=[A-ZĐÀ-Ỹ])", text, maxsplit=1)[0].rstrip(" .;:")
	if len(first) <= TITLE_LENGTH:
		return first
	cut = first[: TITLE_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:")
	return cut + "…"


def sentence_case(text: str, proper: tuple[str, ...] = ()) -> str:
	"""Sentence case for a heading in capitals, keeping names and document codes:
	"TRIỂN KHAI NGHỊ ĐỊNH SỐ 61/2018/NĐ-CP … TỈNH QUẢNG BÌNH" → "Triển khai Nghị định số
	61/2018/NĐ-CP … tỉnh Quảng Bình". Text already in mixed case is returned unchanged.
	`proper`: names to keep capitalised (provinces)."""
	text = normalise(text)
	if not text or text.upper() != text or not any(c.isalpha() for c in text):
		return text
	low = text.lower()
	for name in (*proper, *_PROPER):
		low = re.sub(r"(?<![\wÀ-ỹ])" + re.escape(name.lower()) + r"(?![\wÀ-ỹ])", name, low)
	low = re.sub(r"\b(cơ|toàn|cán|nội) (Sở|Bộ)\b", lambda m: f"{m[1]} {m[2].lower()}", low)  # "cơ sở"
	low = re.sub(r"\S*\d\S*/\S+", lambda m: m.group(0).upper(), low)  # 61/2018/nđ-cp
	for code in ("UBND", "TTHC", "CNTT", "HĐND", "NĐ-CP", "QĐ-TTg"):
		low = re.sub(r"(?<![\wÀ-ỹ])" + re.escape(code.lower()) + r"(?![\wÀ-ỹ])", code, low)
	return low[0].upper() + low[1:]


_PROPER = (
	"Nghị định",
	"Quyết định",
	"Chính phủ",
	"Thủ tướng",
	"Ủy ban nhân dân",
	"Bộ",
	"Sở",
	"Phụ lục",
)
