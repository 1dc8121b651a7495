"""Read a plan's own text into a structured plan. Plain Python (no Frappe).

    python -m onestop.plan_parser PLAN.txt --json

prints the plan as JSON: {number, date, issuer, province, year, kind, title, tasks: [...],
warnings: [...]}, each task with ref, key, title, text, lead, co, product, deadline_text,
deadline_kind, start, due, quarter, recurrence (and recurrence_weekday, recurrence_time,
section, line, needs_review, notes).

What it reads, as plans are written (Decision 490/QĐ-UBND and the other seeds):
- prose with headings: I. / 1. / a) / - ; every dash item is a task, and so is a numbered
  or lettered paragraph that has no items under it;
- the lead agency (chủ trì) from the task's own subject ("Sở Xây dựng đẩy nhanh …") or from
  its heading ("b) Văn phòng UBND tỉnh:"), co-operating agencies (phối hợp) from
  "chủ trì, phối hợp với …" clauses;
- deadlines in italics ("*Thời gian thực hiện trong Quý I/2018.*"), in a closing
  "Thời gian …" sentence or line, inline ("Chậm nhất đến 15/7/2019 …"), or as recurrence
  words ("hàng tuần", "thường xuyên");
- an appendix table flattened to text (STT | content | product | agencies | time), as in
  Plan 1655/KH-UBND.
Sections of purpose and requirements (MỤC ĐÍCH, YÊU CẦU) hold no tasks. A task whose lead
or deadline cannot be read is kept and flagged (needs_review) for the coordinator.
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import datetime as dt
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from onestop.agency_names import (
	PEOPLES_COMMITTEE,
	PROVINCES,
	Vocabulary,
	find_provinces,
	fold,
	normalise,
	spaced,
	standard_vocabulary,
)
from onestop.deadlines import INLINE_DEADLINE, Deadline, parse_deadline, recurrence_in

TITLE_LENGTH = 140


class PlanParseError(ValueError):
	"""The text cannot be read as a plan; `line` (1-based) says where, when known."""

	def __init__(self, message: str, line: int | None = None):
		self.line = line
		self.message = message
		super().__init__(f"line {line}: {message}" if line else message)


@dataclass
class Task:
	ref: str
	key: str
	title: str
	text: str
	lead: str | None
	co: list[str]
	product: str | None
	deadline: Deadline
	section: str | None
	line: int
	notes: list[str] = field(default_factory=list)

	def as_dict(self) -> dict:
		d = self.deadline
		return {
			"ref": self.ref,
			"key": self.key,
			"title": self.title,
			"text": self.text,
			"lead": self.lead,
			"co": self.co,
			"product": self.product,
			"deadline_text": d.text,
			"deadline_kind": d.kind,
			"start": d.start.isoformat() if d.start else None,
			"due": d.due.isoformat() if d.due else None,
			"quarter": d.quarter,
			"recurrence": d.recurrence,
			"recurrence_weekday": d.weekday,
			"recurrence_time": d.time,
			"section": self.section,
			"line": self.line,
			"needs_review": bool(self.notes),
			"notes": self.notes,
		}


@dataclass
class Plan:
	number: str | None
	date: dt.date | None
	issuer: str | None
	province: str | None
	year: int
	kind: str | None
	title: str
	tasks: list[Task]
	warnings: list[str] = field(default_factory=list)

	def as_dict(self) -> dict:
		return {
			"number": self.number,
			"date": self.date.isoformat() if self.date else None,
			"issuer": self.issuer,
			"province": self.province,
			"year": self.year,
			"kind": self.kind,
			"title": self.title,
			"tasks": [t.as_dict() for t in self.tasks],
			"warnings": self.warnings,
		}


# ------------------------------------------------------------------ text units
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
_MARKERS = (
	("roman", re.compile(r"^(" + "|".join(sorted(ROMAN, key=len, reverse=True)) + r")\.\s+(.+)$")),
	("arabic", re.compile(r"^(\d{1,2})\.\s+(.+)$")),
	("letter", re.compile(r"^([a-zđ])\)\s*(.+)$")),
	("dash", re.compile(r"^[-–•+]\s*(.+)$")),
	("article", re.compile(r"^Điều\s+(\d+)\.\s*(.*)$")),
)
LEVELS = {"roman": 1, "arabic": 2, "letter": 3, "dash": 4}
_SKIP_SECTION = re.compile(r"mục đích|yêu cầu", re.I)
_CLOSING = re.compile(r"^(Nơi nhận|KT\.|TM\.|Q\. ?CHỦ TỊCH|CHỦ TỊCH$|GIÁM ĐỐC$)")
_TIME_LINE = re.compile(r"^(Thời gian|Thời hạn|Tiến độ)( thực hiện| hoàn thành)?\s*:", re.I)
_APPENDIX = re.compile(r"^\s*PHỤ LỤC\s*$")
_POINTER = re.compile(r"phụ lục", re.I)


@dataclass
class Unit:
	kind: str
	label: str | None
	text: str
	line: int


@dataclass
class Node:
	kind: str
	label: str | None
	text: str
	line: int
	children: list = field(default_factory=list)  # Node, or Unit of kind "plain"

	@property
	def level(self) -> int:
		return LEVELS.get(self.kind, 0)


def _clean(line: str) -> str:
	return line.replace("\u00a0", " ").replace("**", "").strip()


def read_units(lines: list[str], first_line: int = 1) -> list[Unit]:
	"""Paragraphs of prose, each tagged by its leading marker. A paragraph that begins in
	lower case continues the one before it (a page break in the scan)."""
	units: list[Unit] = []
	for i, raw in enumerate(lines):
		text = _clean(raw)
		if not text:
			continue
		lineno = first_line + i
		for kind, pattern in _MARKERS:
			m = pattern.match(text)
			if m:
				label = m.group(1) if kind != "dash" else None
				body = m.group(2) if kind != "dash" else m.group(1)
				units.append(Unit(kind, label, body.strip(), lineno))
				break
		else:
			if units and text[0].islower():
				units[-1].text += " " + text
			else:
				units.append(Unit("plain", None, text, lineno))
	return units


def build_tree(units: list[Unit]) -> Node:
	"""Nest the body's units by level. The body starts at the first numbered heading and
	ends at the signature ("Nơi nhận", "TM.", "KT.") or at Điều 2 of a decision."""
	root = Node("root", None, "", 0)
	stack: list[Node] = [root]
	started = False
	for unit in units:
		if _CLOSING.match(unit.text) and started:
			break
		if unit.kind == "article":
			if started and unit.label != "1":
				break
			continue
		if unit.kind in ("roman", "arabic"):
			started = True
		if not started:
			continue
		if unit.kind in LEVELS:
			node = Node(unit.kind, unit.label, unit.text, unit.line)
			while stack[-1].level >= node.level:
				stack.pop()
			stack[-1].children.append(node)
			stack.append(node)
		else:
			while stack[-1].kind == "dash":
				stack.pop()
			stack[-1].children.append(unit)
	return root


# ------------------------------------------------------------------ roles
@dataclass
class Roles:
	leads: list[str] = field(default_factory=list)
	co: list[str] = field(default_factory=list)

	def __bool__(self) -> bool:
		return bool(self.leads)


_COOP = re.compile(r"phối hợp(?: chặt chẽ)?(?: với)?\s+")


def roles_in(text: str, vocabulary: Vocabulary) -> Roles:
	"""Lead agencies named as the subject of `text` and co-operating agencies after
	"phối hợp (với)". "Sở TT&TT và Sở KH&CN phối hợp." names co-operators only."""
	leads, end = vocabulary.leading(text)
	folded = fold(text)
	co: list[str] = []
	if leads and re.match(r"\s*phối hợp\W*$", folded[end:]):
		return Roles([], leads)
	for m in _COOP.finditer(folded):
		names, _ = vocabulary.leading(spaced(text)[m.end() :])
		co.extend(n for n in names if n not in co)
	return Roles(leads, [c for c in co if c not in leads])


def roles_of_cell(cell: str, vocabulary: Vocabulary) -> Roles:
	"""Agencies of a table cell: "- Sở TT&TT chủ trì tham mưu; - Các sở, ban, ngành phối hợp."."""
	leads: list[str] = []
	co: list[str] = []
	others: list[str] = []
	for item in re.split(r"\n\s*-\s*|;\s*|^\s*-\s*", cell.strip()):
		item = item.strip(" -.;\n")
		if not item:
			continue
		names, _ = vocabulary.leading(item)
		if not names:
			continue
		low = fold(item)
		if "chủ trì" in low:
			leads.extend(names)
		elif "phối hợp" in low:
			co.extend(names)
		else:
			others.extend(names)
	if not leads:
		leads, others = others[:1], others[1:]
	co = [*others, *co]
	return Roles(_unique(leads), [c for c in _unique(co) if c not in leads])


def _unique(items) -> list:
	return list(dict.fromkeys(items))


# ------------------------------------------------------------------ deadlines in text
_ITALIC = re.compile(r"\(?\*([^*]+)\*\)?")
_CLOSING_SENTENCE = re.compile(
	r"(?:(?<=[.;:])\s+|^)((?:Thời gian|Thời hạn|Bắt đầu thực hiện|Tiến độ)[^.]*(?:\.|$))\s*$"
)
_TIME_WORDS = re.compile(r"thời gian|quý|tháng|năm|ngày|thường xuyên|h[àằ]ng|từ|giai đoạn", re.I)
_CUE = re.compile(
	r"h[àằ]ng (?:tuần|tháng|quý|năm)|\d+\s*lần\s*/\s*(?:tuần|tháng)|mỗi (?:tuần|tháng)|thường xuyên|khi có yêu cầu",
	re.I,
)


def split_deadline(raw: str) -> tuple[str, str, bool]:
	"""(text without its deadline sentence, the deadline as written, whether it was stated
	as a deadline) for a task's text. Recurrence words inside the sentence ("hàng tuần",
	"thường xuyên") are a weak deadline: a "Thời gian …" line after the item overrides them."""
	for m in _ITALIC.finditer(raw):
		if _TIME_WORDS.search(m.group(1)):
			deadline = m.group(1).strip()
			rest = (raw[: m.start()] + raw[m.end() :]).strip()
			return _tidy(rest), _tidy(deadline), True
	text = _tidy(raw)
	m = _CLOSING_SENTENCE.search(text)
	if m and m.start(1) > 0:
		return text[: m.start(1)].strip(), m.group(1).strip(), True
	m = INLINE_DEADLINE.search(text)
	if m:
		return text, m.group(0).strip(), True
	m = _CUE.search(text)
	if m:
		return text, m.group(0), False
	return text, "", False


def _tidy(text: str) -> str:
	text = re.sub(r"<((?:https?://|www\.)[^>\s]+)>", r"\1", text)  # "<http://…>": a conversion artefact
	text = text.replace("*", "")
	text = re.sub(r"\s+", " ", text).strip()
	return re.sub(r"\s+([.,;:])", r"\1", text)


def make_title(text: str) -> str:
	"""The task's first sentence, cut at a word boundary to TITLE_LENGTH characters."""
	first = re.split(r"(?<=[.;])\s+(?=[A-ZĐÀ-Ỹ])", text, maxsplit=1)[0].rstrip(" .;:")
	if len(first) <= TITLE_LENGTH:
		return first
	cut = first[: TITLE_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:")
	return cut + "…"


# ------------------------------------------------------------------ tasks from prose
@dataclass
class _Draft:
	ref: str
	key: str
	text: str
	deadline_text: str
	title: str | None
	roles: Roles
	heading: Roles
	product: str | None
	section: str | None
	line: int
	stated: bool = True  # the deadline was stated as one (not read from recurrence words)


class _ProseReader:
	def __init__(self, vocabulary: Vocabulary):
		self.vocabulary = vocabulary
		self.drafts: list[_Draft] = []

	def read(self, root: Node) -> list[_Draft]:
		self._node(root, [], Roles(), None, skip=False)
		return self.drafts

	def _node(self, node: Node, labels: list[str], inherited: Roles, section: str | None, skip: bool) -> None:
		structural = [c for c in node.children if isinstance(c, Node)]
		if node.kind == "roman":
			skip = bool(_SKIP_SECTION.search(node.text))
		if node.kind in ("roman", "arabic"):
			section = sentence_case(node.text.rstrip(":"))
		heading = roles_in(node.text, self.vocabulary) if node.kind != "root" else Roles()
		if not heading:
			heading = Roles(inherited.leads, heading.co or inherited.co)
		pending: list[_Draft] = []
		dash_count = 0
		seen_structural = False
		body: list[Unit] = []
		for child in node.children:
			if isinstance(child, Unit):
				if _TIME_LINE.match(child.text):
					for draft in pending:
						if not draft.stated:
							draft.deadline_text = _TIME_LINE.sub("", child.text).strip() or child.text
							draft.stated = True
					pending = []
				elif not seen_structural:
					body.append(child)
				continue
			seen_structural = True
			before = len(self.drafts)
			if child.kind == "dash":
				dash_count += 1
				if not skip:
					ref = ".".join(labels)
					self._task(f"{ref}-{dash_count}", ref, child.text, heading, section, child.line)
			else:
				self._node(child, [*labels, child.label], heading, section, skip)
			pending.extend(self.drafts[before:])
		if structural or node.kind == "root" or skip:
			return
		# A numbered or lettered paragraph with no items under it is a task itself. A
		# heading ("5. Ứng dụng công nghệ thông tin …", "III. KINH PHÍ") takes the paragraphs
		# under it as its text; after a full sentence they are the document's closing words.
		ref = ".".join(labels)
		if body and is_heading(node.text):
			text = " ".join(u.text for u in body)
			if _POINTER.search(text) and len(text) < 200:
				return  # "Thực hiện theo các nhiệm vụ cụ thể tại Phụ lục": the table holds them
			self._task(
				ref,
				ref,
				text,
				heading if not roles_in(text, self.vocabulary) else Roles(),
				section,
				node.line,
			)
			self.drafts[-1].title = sentence_case(node.text.rstrip(":"))
		else:
			self._task(ref, ref, node.text, inherited, section, node.line)

	def _task(self, key: str, ref: str, raw: str, heading: Roles, section: str | None, line: int) -> _Draft:
		text, deadline_text, stated = split_deadline(raw)
		own = roles_in(text, self.vocabulary)
		draft = _Draft(ref, key, text, deadline_text, None, own, heading, None, section, line, stated)
		self.drafts.append(draft)
		return draft


def is_heading(text: str) -> bool:
	"""A heading ends without a full stop: "5. Ứng dụng CNTT …", "III. KINH PHÍ", "1. Mục đích:"."""
	return not text.rstrip().endswith((".", ";", "./."))


def resolve_roles(
	drafts: list[_Draft], vocabulary: Vocabulary
) -> list[tuple[str | None, list[str], list[str]]]:
	"""Lead and co-operating agencies of each draft: its own subject, else its heading's,
	else the first agency its text names, else the previous task's in the same section."""
	out = []
	previous: dict[str, str] = {}
	for d in drafts:
		notes: list[str] = []
		part = d.ref.split(".")[0] if "." in d.ref else ""
		if d.roles.leads:
			lead, co = d.roles.leads[0], [*d.roles.leads[1:], *d.roles.co]
		elif d.heading.leads:
			lead = d.heading.leads[0]
			co = [*d.heading.leads[1:], *(d.roles.co or d.heading.co)]
		else:
			named = [n for n in vocabulary.actors(d.text) if n != PEOPLES_COMMITTEE and n not in d.roles.co]
			lead = named[0] if named else previous.get(part)
			co = list(d.roles.co)
			if lead is None:
				notes.append("lead agency not found in the text")
			else:
				notes.append("lead agency inferred (the text names none as its subject)")
		if lead:
			previous[part] = lead
		out.append((lead, [c for c in _unique(co) if c != lead], notes))
	return out


# ------------------------------------------------------------------ appendix table
def read_table(lines: list[str], first_line: int, vocabulary: Vocabulary) -> list[_Draft]:
	"""Tasks of an appendix table flattened to text: each cell starts on a tab-led line.

	Columns are found from the header (STT, Nội dung, Sản phẩm, Cơ quan, Thời gian). A
	row whose STT and content cells are empty continues the numbered row above it (the
	table had merged cells there): its product cell names the sub-task.
	"""
	cells: list[list] = []
	for i, raw in enumerate(lines):
		if raw.startswith("\t"):
			cells.append([raw[1:], first_line + i])
		elif cells:
			cells[-1][0] += "\n" + raw
	values = [(_clean_cell(text), line) for text, line in cells]
	try:
		start = next(i for i, (text, _) in enumerate(values) if text.upper() == "STT")
	except StopIteration:
		raise PlanParseError("appendix table without an STT header", first_line) from None
	header = []
	i = start
	while i < len(values) and values[i][0] not in ROMAN and not values[i][0].isdigit():
		header.append(fold(values[i][0]))
		i += 1
	columns = {name: _column(header, words) for name, words in _COLUMNS.items()}
	if columns["content"] is None or columns["agencies"] is None:
		raise PlanParseError("appendix table: no content or agency column in its header", values[start][1])
	width = len(header)
	drafts: list[_Draft] = []
	section = roman = None
	parent: dict | None = None
	sub = 0
	while i < len(values):
		text, line = values[i]
		if text in ROMAN:
			roman, section = text, sentence_case(values[i + 1][0]) if i + 1 < len(values) else None
			i += 2
			continue
		row = [v for v, _ in values[i : i + width]]
		if len(row) < width:
			if any(row):
				raise PlanParseError(f"appendix table: a row has {len(row)} cells, expected {width}", line)
			break
		if roman is None:
			raise PlanParseError("appendix table: a task row before the first section (I, II, …)", line)
		get = {name: (row[col] if col is not None else "") for name, col in columns.items()}
		if text.isdigit():
			sub = 1
			parent = {"ref": f"PL.{roman}.{text}", "content": get["content"]}
			draft = _Draft(
				parent["ref"],
				parent["ref"],
				_tidy(get["content"]),
				_tidy(get["time"]),
				None,
				roles_of_cell(get["agencies"], vocabulary),
				Roles(),
				_tidy_multiline(get["product"]) or None,
				section,
				line,
			)
		elif not text and parent is not None:
			sub += 1
			product = _tidy_multiline(get["product"]) if get["product"] else ""
			draft = _Draft(
				parent["ref"],
				f"{parent['ref']}-{sub}",
				_tidy(parent["content"] + " — " + product.replace("\n", " ")),
				_tidy(get["time"]),
				make_title(product.replace("\n", " ").lstrip("- ")),
				roles_of_cell(get["agencies"], vocabulary),
				Roles(),
				product or None,
				section,
				line,
			)
		else:
			raise PlanParseError(f"appendix table: unexpected cell {text[:30]!r} where a row starts", line)
		drafts.append(draft)
		i += width
	return drafts


_COLUMNS = {
	"stt": ("stt",),
	"content": ("nội dung", "nhiệm vụ", "công việc"),
	"product": ("sản phẩm", "kết quả"),
	"agencies": ("cơ quan", "đơn vị", "chủ trì"),
	"time": ("thời gian", "thời hạn", "tiến độ"),
}


def _column(header: list[str], words: tuple[str, ...]) -> int | None:
	for i, name in enumerate(header):
		if any(w in name for w in words):
			return i
	return None


def _clean_cell(text: str) -> str:
	return "\n".join(line.replace("\u00a0", " ").strip() for line in text.splitlines()).strip()


def _tidy_multiline(text: str) -> str:
	items = [re.sub(r"\s+", " ", x).strip(" ;") for x in re.split(r"\n\s*\n", text) if x.strip()]
	return "\n".join(items)


# ------------------------------------------------------------------ document header
_NUMBER = re.compile(r"^Số\s*:?\s*(?:(\d+)\s*/\s*)?([A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)+)")
_NUMBER_IN_APPENDIX = re.compile(
	r"kèm theo (?:Kế hoạch|Quyết định) số\s*(\d+)\s*/\s*([A-ZĐ\-]+)\s*ngày\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})"
)
_PLACE_DATE = re.compile(r"ngày\s+(\d{1,2})?\s*tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
_KIND = re.compile(r"^(QUYẾT ĐỊNH|KẾ HOẠCH|THÔNG BÁO|CHỈ THỊ|CÔNG VĂN|BÁO CÁO)\s*:?$")
_SUBJECT_PREFIX = re.compile(r"^(V/v|Về việc)\s+", re.I)


def read_header(lines: list[str], body_start: int) -> dict:
	"""Number, date, kind, subject and issuer hints from the lines before the body."""
	head = [_clean(x) for x in lines[:body_start] if _clean(x)]
	info: dict = {
		"number": None,
		"date": None,
		"year": None,
		"kind": None,
		"subject": None,
		"issuer_words": [],
	}
	for x in head:
		x = x.replace("*", "")
		m = _NUMBER.match(x)
		if m and info["number"] is None:
			info["number"] = f"{m[1]}/{m[2]}" if m[1] else m[2]
			continue
		m = _PLACE_DATE.search(x)
		if m and info["year"] is None and re.search(r",\s*ngày", x):
			info["year"] = int(m[3])
			if m[1]:
				info["date"] = dt.date(int(m[3]), int(m[2]), int(m[1]))
			continue
		m = _KIND.match(x)
		if m and info["kind"] is None:
			info["kind"] = m[1].capitalize()
			continue
		if info["subject"] is None and (
			_SUBJECT_PREFIX.match(x) or (info["kind"] and not x.startswith("Căn cứ"))
		):
			if not _NUMBER.match(x) and not _KIND.match(x) and len(x) > 15:
				info["subject"] = x
		if x.upper() == x and ("ỦY BAN NHÂN DÂN" in x or "UBND" in x):
			info["issuer_words"].append("UBND")
	if info["kind"] is None and any(x.startswith("Kính gửi") for x in head):
		info["kind"] = "Công văn"
	return info


def make_plan_title(kind: str | None, subject: str | None) -> str:
	if not subject:
		return kind or "Kế hoạch"
	s = _SUBJECT_PREFIX.sub("", subject).strip(" .")
	if s.upper() == s:
		s = sentence_case(s)
	s = re.sub(r"^phê duyệt\s+", "", s, flags=re.I)
	s = s[0].upper() + s[1:]
	if kind == "Kế hoạch" and not s.lower().startswith("kế hoạch"):
		s = f"Kế hoạch {s[0].lower()}{s[1:]}"
	return s


_PROPER = [
	*PROVINCES,
	"Nghị định",
	"Quyết định",
	"Chính phủ",
	"Thủ tướng",
	"Ủy ban nhân dân",
	"Bộ",
	"Sở",
	"Phụ lục",
]


def sentence_case(text: str) -> str:
	"""Sentence case for a heading in capitals, keeping names and document codes:
	"TRIỂN KHAI NGHỊ ĐỊNH SỐ 61/2018/NĐ-CP … TỈNH QUẢNG BÌNH" → "Triển khai Nghị định số
	61/2018/NĐ-CP … tỉnh Quảng Bình". Text already in mixed case is returned unchanged."""
	text = normalise(text)
	if not text or text.upper() != text or not any(c.isalpha() for c in text):
		return text
	low = text.lower()
	for name in _PROPER:
		low = re.sub(r"(?<![\wÀ-ỹ])" + re.escape(name.lower()) + r"(?![\wÀ-ỹ])", name, low)
	low = re.sub(r"\S*\d\S*/\S+", lambda m: m.group(0).upper(), low)  # 61/2018/nđ-cp
	for code in ("UBND", "TTHC", "CNTT", "HĐND", "NĐ-CP", "QĐ-TTg"):
		low = re.sub(r"(?<![\wÀ-ỹ])" + re.escape(code.lower()) + r"(?![\wÀ-ỹ])", code, low)
	return low[0].upper() + low[1:]


def _issuer(
	info: dict, number: str | None, province: str | None, lines: list[str], vocabulary: Vocabulary
) -> str | None:
	code = number.split("/")[-1] if number else ""
	parts = code.split("-")
	suffix = province and f"tỉnh {province}"
	if "UBND" in parts or info["issuer_words"]:
		return f"UBND {suffix}" if suffix else "UBND tỉnh"
	for part in reversed(parts):
		name = vocabulary.resolve(part)
		if name:
			return name
	tail = "\n".join(lines[-30:])
	if re.search(r"TM\.\s*ỦY BAN NHÂN DÂN|KT\.\s*CHỦ TỊCH", tail):
		return f"UBND {suffix}" if suffix else "UBND tỉnh"
	return None


# ------------------------------------------------------------------ the whole plan
def parse_plan(text: str, vocabulary: Vocabulary | None = None) -> Plan:
	"""Read a plan from its text.

	text: the document as plain UTF-8 text. vocabulary: agency names to recognise (the
	standard vocabulary, plus a province's own register when called from a site).

	Returns a Plan whose tasks keep the document's order. Raises PlanParseError (with the
	line) when the text holds no task, when its appendix table is malformed, or when the
	plan's year cannot be told.
	"""
	vocabulary = vocabulary or standard_vocabulary()
	if not text or not text.strip():
		raise PlanParseError("the file is empty")
	lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
	appendix_at = next((i for i, x in enumerate(lines) if _APPENDIX.match(_clean(x))), None)
	prose_lines = lines[:appendix_at] if appendix_at is not None else lines

	units = read_units(prose_lines)
	body_start = next((u.line - 1 for u in units if u.kind in ("roman", "arabic")), len(prose_lines))
	drafts = _ProseReader(vocabulary).read(build_tree(units))
	if appendix_at is not None:
		drafts += read_table(lines[appendix_at + 1 :], appendix_at + 2, vocabulary)
	if not drafts:
		raise PlanParseError(
			"no task found: expected numbered sections (I., 1., a), - items) or an appendix table"
		)

	info = read_header(lines, body_start)
	number, date, year = info["number"], info["date"], info["year"]
	appendix_text = "\n".join(lines[appendix_at : appendix_at + 6]) if appendix_at is not None else ""
	m = _NUMBER_IN_APPENDIX.search(normalise(appendix_text))
	if m:
		number = number or f"{m[1]}/{m[2]}"
		date = date or _date(int(m[5]), int(m[4]), int(m[3]))
	if date:
		year = year or date.year
	header_text = "\n".join(lines[:body_start]) + "\n" + appendix_text
	provinces = find_provinces(header_text) or find_provinces(text)
	province = provinces[0] if provinces else None
	subject = info["subject"]
	if year is None and subject:
		m = re.search(r"năm\s+(20\d{2})", subject, re.I)
		year = int(m[1]) if m else None
	if year is None:
		years = collections.Counter(int(y) for d in drafts for y in re.findall(r"20\d{2}", d.deadline_text))
		year = years.most_common(1)[0][0] if years else None
	if year is None:
		raise PlanParseError("cannot tell the plan's year: no date in its header and no dated deadline")

	warnings: list[str] = []
	tasks: list[Task] = []
	local_names = _local_abbreviations(province)
	seen_keys: set[str] = set()
	for draft, (lead, co, notes) in zip(drafts, resolve_roles(drafts, vocabulary), strict=True):
		if draft.key in seen_keys:
			raise PlanParseError(f"two tasks share the reference {draft.key}", draft.line)
		seen_keys.add(draft.key)
		deadline = parse_deadline(draft.deadline_text, year=year, context=draft.text)
		if deadline.kind == "none" and not draft.deadline_text and recurrence_in(draft.text):
			deadline = parse_deadline(draft.text, year=year)
		if deadline.kind == "unparsed":
			notes = [*notes, f"deadline not understood: {draft.deadline_text!r}"]
		tasks.append(
			Task(
				ref=draft.ref,
				key=draft.key,
				title=draft.title or make_title(draft.text),
				text=draft.text,
				lead=local_names.get(lead, lead),
				co=_unique(local_names.get(c, c) for c in co),
				product=draft.product,
				deadline=deadline,
				section=draft.section,
				line=draft.line,
				notes=notes,
			)
		)
	if province is None:
		warnings.append("province not found in the document")
	if number is None:
		warnings.append("document number not found")
	return Plan(
		number=number,
		date=date,
		issuer=_issuer(info, number, province, lines, vocabulary),
		province=province,
		year=year,
		kind=info["kind"] or ("Kế hoạch" if appendix_at is not None else None),
		title=make_plan_title(info["kind"], subject),
		tasks=tasks,
		warnings=warnings,
	)


def _local_abbreviations(province: str | None) -> dict[str, str]:
	"""Names a plan shortens with its province's initials: "Báo QB" → "Báo Quảng Bình"."""
	if not province:
		return {}
	initials = "".join(w[0] for w in re.split(r"[\s-]+", province) if w).upper()
	return {f"Báo {initials}": f"Báo {province}"}


def _date(y: int, m: int, d: int) -> dt.date | None:
	try:
		return dt.date(y, m, d)
	except ValueError:
		return None


def parse_file(path: str | Path, vocabulary: Vocabulary | None = None) -> Plan:
	"""parse_plan on a UTF-8 file; PlanParseError names the file."""
	path = Path(path)
	try:
		text = path.read_text(encoding="utf-8")
	except UnicodeDecodeError as e:
		raise PlanParseError(f"{path.name} is not UTF-8 text ({e.reason} at byte {e.start})") from None
	try:
		return parse_plan(text, vocabulary)
	except PlanParseError as e:
		raise PlanParseError(f"{path.name}: {e.message}", e.line) from None


def main(argv: list[str] | None = None) -> int:
	parser = argparse.ArgumentParser(
		prog="python -m onestop.plan_parser", description="Read a plan's text into tasks."
	)
	parser.add_argument("file", help="the plan as UTF-8 text")
	parser.add_argument("--json", action="store_true", help="print the structured plan as JSON")
	args = parser.parse_args(argv)
	try:
		plan = parse_file(args.file)
	except (PlanParseError, OSError) as e:
		print(f"{args.file}: {e}", file=sys.stderr)
		return 1
	if args.json:
		json.dump(plan.as_dict(), sys.stdout, ensure_ascii=False, indent=1)
		print()
		return 0
	print(f"{plan.kind or ''} {plan.number or '(no number)'} — {plan.title}")
	print(f"issuer {plan.issuer}, {plan.province}, {plan.date or plan.year}: {len(plan.tasks)} tasks")
	for t in plan.tasks:
		d = t.deadline
		flag = " (!)" if t.notes else ""
		when = d.due or (f"from {d.start}" if d.start else "") or d.kind
		print(f"  {t.key:12} {str(t.lead)[:28]:28} {when!s:16} {d.recurrence or '':8} {t.title[:60]}{flag}")
	for w in plan.warnings:
		print(f"warning: {w}")
	return 0


if __name__ == "__main__":
	sys.exit(main())
