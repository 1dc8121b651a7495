"""Tasks of prose: numbered sections, articles, agency headings, items and labelled fields.

What it reads, as plans, directives and regulations are written:
- headings I. / 1. / 1.1. / a) / - / + and the articles of a decision or regulation
  (Chương, Điều); every dash item is a task, and so is a numbered or lettered paragraph
  with no items under it;
- the lead agency (chủ trì) from the task's own subject ("Sở Xây dựng đẩy nhanh …") or from
  its heading ("b) Văn phòng UBND tỉnh:", "1. Sở Nội vụ", "Điều 9. Trách nhiệm của Sở Tư
  pháp"), co-operating agencies (phối hợp) from "chủ trì, phối hợp với …" clauses;
- labelled fields under a heading or in its paragraph ("- Cơ quan chủ trì: …",
  "Thời gian thực hiện: …");
- deadlines in italics, in a closing "Thời gian …" sentence or line, inline, or as
  recurrence words.
Sections of purpose, goals, scope and definitions hold no tasks; nor do the articles of a
decision that only issue, approve or bring into force.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from onestop.agency_names import PEOPLES_COMMITTEE, Vocabulary, fold, normalise, spaced
from onestop.plan_reader.labelled import split_fields, starts_with_label
from onestop.plan_reader.model import Draft, Roles
from onestop.plan_reader.roles import OPENING, clause_subject, heading_roles, named_list, roles_in, unique
from onestop.plan_reader.text import ROMAN, Line, sentence_case, tidy
from onestop.plan_reader.timing import split_deadline

_ROMAN_RE = "|".join(sorted(ROMAN, key=len, reverse=True))
MARKERS = (
	("chapter", re.compile(r"^Chương\s+([IVXLC]+|\d+)\b\.?\s*(.*)$")),
	("article", re.compile(r"^Điều\s+(\d+)\s*[.:]?\s*(.*)$")),
	("roman", re.compile(rf"^({_ROMAN_RE})\.\s*(.+)$")),
	("decimal", re.compile(r"^(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\.?\s+(.+)$")),
	("arabic", re.compile(r"^(\d{1,2})\.\s*(.+)$")),
	("letter", re.compile(r"^([a-zđ])\)\s*(.+)$")),
	("dash", re.compile(r"^[-–•]\s*(.+)$")),
	("plus", re.compile(r"^[+*]\s*(.+)$")),
)
LEVELS = {
	"chapter": 1,
	"roman": 1,
	"article": 2,
	"arabic": 3,
	"decimal": 3.5,
	"letter": 4,
	"dash": 5,
	"plus": 6,
}
ITEM_KINDS = ("dash", "plus")
# Sections that state purposes, goals, scope or the situation: no tasks under them.
SKIP_SECTION = re.compile(
	r"^(?:mục đích|yêu cầu|mục tiêu|chỉ tiêu|quan điểm|căn cứ|phạm vi|đối tượng|giải thích|nguyên tắc|"
	r"hiệu lực|sự cần thiết|thực trạng|tình hình|kết quả đạt được|đánh giá|bối cảnh|định hướng|tầm nhìn)",
	re.I,
)
# Articles of a decision that only issue, approve, repeal or bring something into force.
BOILERPLATE_ARTICLE = re.compile(
	r"^(?:ban hành|phê duyệt|công bố|bãi bỏ|quyết định này|chỉ thị này|quy định này|quy chế này|kế hoạch này)"
	r"|chịu trách nhiệm thi hành|có hiệu lực(?: thi hành)?(?: kể)? từ|thi hành quyết định này",
	re.I,
)
# Articles of a regulation that assign work; the others hold rules, read only for the
# items that name who acts.
RESPONSIBILITY = re.compile(
	r"trách nhiệm|nhiệm vụ|tổ chức thực hiện|phân công|phối hợp|thi hành|báo cáo|kiểm tra|giám sát", re.I
)
# Articles of a regulation that assign work ("Trách nhiệm của Sở …", "Phối hợp trong …",
# "Đề nghị Ủy ban MTTQ …", "Tổ chức thực hiện"), unless they are the duties of persons (officials,
# clerks, a portal's operators and users); the others hold rules.
ASSIGNING_ARTICLE = re.compile(
	r"^(?:trách nhiệm|nhiệm vụ|tổ chức thực hiện|triển khai thực hiện|phân công|phối hợp|đề nghị|giao\b|"
	r"điều khoản thi hành|tổng hợp báo cáo|chế độ báo cáo|báo cáo)",
	re.I,
)
PERSONS_ARTICLE = re.compile(
	r"^trách nhiệm (?:của )?(?:các )?(?:người|cán bộ|công chức|viên chức|văn thư|thủ trưởng|thuê bao|"
	r"tổ chức, cá nhân|cá nhân)",
	re.I,
)
# An item of an article of rules is a task only when it assigns: an agency named as its
# subject leads the work, is given it, bears it or advises on it.
ASSIGNS = re.compile(r"chủ trì|\bgiao\b|có trách nhiệm|chịu trách nhiệm|tham mưu", re.I)
# A heading that lists a report's contents ("Báo cáo bao gồm các nội dung sau:"): one task.
REPORT_CONTENTS = re.compile(
	r"báo cáo\b.{0,300}?(?:bao gồm|gồm|theo)\s+(?:các |những )?nội dung(?: như)? sau\s*:?\s*$", re.I
)
# Headings of goals and directions, at any level: no tasks under them.
GOALS = re.compile(r"^(?:mục tiêu|chỉ tiêu|tầm nhìn|quan điểm|định hướng|mục đích)\b", re.I)
# A deadline a heading sets for everything under it.
HEADING_DEADLINE = re.compile(
	r"(?:trong (?:năm|tháng|quý)|trước ngày|chậm nhất|hoàn thành|đến hết)[^.;:()]{0,30}?"
	r"(?:\d{1,2}\s*/\s*\d{1,2}\s*/\s*20\d{2}|\d{1,2}\s*/\s*20\d{2}|(?:iv|i{1,3}|[1-4])\s*/\s*20\d{2}|"
	r"(?:ngày\s+)?\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+20\d{2}|tháng\s+\d{1,2}\s+năm\s+20\d{2}|(?:năm\s+)?20\d{2})"
	r"(?!\s*-|\d)",
	re.I,
)
CLOSING = re.compile(r"^(?:Nơi nhận|KT\.|TM\.|Q\. ?CHỦ TỊCH|CHỦ TỊCH$|GIÁM ĐỐC$|THỦ TƯỚNG$|BỘ TRƯỞNG$)")
TIME_LINE = re.compile(r"^(Thời gian|Thời hạn|Tiến độ)( thực hiện| hoàn thành)?\s*:", re.I)
POINTER = re.compile(r"phụ lục", re.I)


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
	def level(self) -> float:
		return LEVELS.get(self.kind, 0)


def read_units(lines: list[Line]) -> list[Unit]:
	"""Logical lines as units, each tagged by its leading marker."""
	units: list[Unit] = []
	for line in lines:
		text = line.text
		if text == "|" or text.startswith("\t"):
			continue
		for kind, pattern in MARKERS:
			m = pattern.match(text)
			if m:
				label = m.group(1) if kind not in ITEM_KINDS else None
				body = m.group(2) if kind not in ITEM_KINDS else m.group(1)
				units.append(Unit(kind, label, body.strip(), line.no))
				break
		else:
			units.append(Unit("plain", None, text, line.no))
	return units


def build_tree(units: list[Unit]) -> Node:
	"""Nest the body's units by level. The body starts at the first heading or article and
	ends at the signature ("Nơi nhận", "TM.", "KT.")."""
	root = Node("root", None, "", 0)
	stack: list[Node] = [root]
	started = False
	for unit in units:
		if CLOSING.match(unit.text) and started:
			break
		if unit.kind in ("roman", "arabic", "article", "chapter", "decimal", "letter"):
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
			while stack[-1].kind in ITEM_KINDS:
				stack.pop()
			stack[-1].children.append(unit)
	return root


_ADDRESSING = re.compile(r"\b(?:chỉ đạo|yêu cầu|đề nghị|giao(?: cho)?)\s+", re.I)


def addressees(units: list[Unit], vocabulary: Vocabulary, localise=lambda s: s) -> Roles:
	"""The agencies a preamble gives every task to: "Lãnh đạo Sở chỉ đạo các phòng chuyên môn
	thực hiện một số nội dung sau:" (its last line before the first heading, ending with ":")."""
	for unit in units:
		if unit.kind != "plain":
			break
		text = unit.text.rstrip()
		if not text.endswith(":"):
			continue
		for m in _ADDRESSING.finditer(text):
			names, _ = vocabulary.leading(localise(normalise(text[m.end() :])))
			names = [n for n in names if n != PEOPLES_COMMITTEE]
			if names:
				return Roles(names[:1], names[1:])
	return Roles()


_NAMED_HEAD = re.compile(r"^([^:;.]{3,160}):\s+\S")


def _names_only(text: str, localise, vocabulary: Vocabulary) -> bool:
	"""Whether a heading is only the names of the agencies it assigns ("1. Sở Công Thương:")."""
	text = localise(normalise(text)).rstrip(" :.")
	names, end = vocabulary.leading(text)
	return bool(names) and end >= len(fold(text)) - 2


def join_refs(labels: list[str]) -> str:
	"""A task's reference from its headings' labels: ["II", "1", "-3"] → "II.1-3"."""
	return ".".join(labels).replace(".-", "-")


def is_heading(text: str) -> bool:
	"""A heading ends without a full stop: "5. Ứng dụng CNTT …", "III. KINH PHÍ", "1. Mục đích:"."""
	return not text.rstrip().endswith((".", ";", "./."))


class ProseReader:
	"""Drafts of the tasks in a tree of prose. `articles`: "decision" when the articles are
	the decision's own (issuing, approving: skipped), "regulation" when they are rules."""

	def __init__(self, vocabulary: Vocabulary, articles: str = "regulation", localise=lambda s: s):
		self.vocabulary = vocabulary
		self.articles = articles
		self.localise = localise
		self.drafts: list[Draft] = []

	def read(self, root: Node, addressed: Roles | None = None) -> list[Draft]:
		"""Drafts of the tree's tasks; `addressed`: the agencies the preamble gives them all to."""
		self._node(root, [], addressed or Roles(), None, skip=False)
		return self.drafts

	def _roles(self, text: str) -> Roles:
		return roles_in(self.localise(text), self.vocabulary)

	def _node(self, node: Node, labels: list[str], inherited: Roles, section: str | None, skip: bool) -> None:
		structural = [c for c in node.children if isinstance(c, Node)]
		if node.kind in ("roman", "chapter", "article") or (node.kind == "arabic" and not labels):
			skip = skip or bool(
				SKIP_SECTION.search(fold(node.text)[:60]) and not RESPONSIBILITY.search(node.text[:60])
			)
			if node.kind == "roman":
				skip = bool(_PLAN_SKIP.search(node.text))
		if node.kind in ("arabic", "decimal", "letter") and is_heading(node.text) and GOALS.match(node.text):
			skip = True
		if node.kind in ("roman", "arabic", "article", "chapter"):
			section = sentence_case(node.text.rstrip(":"))
		rules = (
			node.kind == "article"
			and self.articles == "regulation"
			and (
				not (
					ASSIGNING_ARTICLE.match(node.text)
					or _names_only(node.text, self.localise, self.vocabulary)
				)
				or bool(PERSONS_ARTICLE.match(node.text))
			)
		)
		if node.kind == "article" and self.articles == "decision":
			if not structural and BOILERPLATE_ARTICLE.search(node.text[:200]):
				return
			if BOILERPLATE_ARTICLE.match(node.text):
				skip = skip or not structural
		heading = heading_roles(self.localise(node.text), self.vocabulary) if node.kind != "root" else Roles()
		intro = self._intro(node)
		if intro is not None:  # "Chủ trì, phối hợp với các sở, …:" before the items
			heading = Roles(heading.leads or intro.leads, unique([*heading.co, *intro.co]))
		if not heading:
			heading = Roles(inherited.leads, heading.co or inherited.co)
		if self._labelled(node, labels, heading, section, skip):
			return
		start = len(self.drafts)
		if structural and not skip and node.kind != "root" and REPORT_CONTENTS.search(node.text):
			# "7. Thực hiện báo cáo định kỳ … theo các nội dung sau:" and the report's parts
			text = " ".join([node.text, *(self._flat(c) for c in node.children)])
			ref = join_refs(labels)
			self._task(ref, ref, text, heading, section, node.line)
			return
		pending: list[Draft] = []
		item_count = 0
		seen_structural = False
		body: list[Unit] = []
		for child in node.children:
			if isinstance(child, Unit):
				if TIME_LINE.match(child.text):
					for draft in pending:
						if not draft.stated:
							draft.deadline_text = TIME_LINE.sub("", child.text).strip() or child.text
							draft.stated = True
					pending = []
				elif not seen_structural:
					body.append(child)
				continue
			seen_structural = True
			before = len(self.drafts)
			if child.kind in ITEM_KINDS and not self._has_items(child):
				item_count += 1
				if not skip:
					ref = join_refs(labels)
					self._task(
						f"{ref}-{item_count}" if ref else str(item_count),
						ref,
						child.text,
						heading,
						section,
						child.line,
					)
			else:
				label = child.label
				if child.kind in ITEM_KINDS:
					item_count += 1
					label = f"-{item_count}"
				self._node(child, [*labels, label], heading, section, skip)
			pending.extend(self.drafts[before:])
		if structural and node.kind in ("roman", "arabic", "decimal", "letter") and is_heading(node.text):
			# "1. Hoàn thành … trong năm 2025": the items under it that state no deadline share it
			m = HEADING_DEADLINE.search(node.text)
			for draft in self.drafts[start:] if m else ():
				if not draft.deadline_text:
					draft.deadline_text, draft.stated = m.group(0).strip(), True
		if not (structural or node.kind == "root" or skip):
			self._leaf(node, labels, body, heading, inherited, section)
		if rules:  # an article of rules: only the items that assign work to an agency are tasks
			self.drafts[start:] = [
				d
				for d in self.drafts[start:]
				if (d.roles.leads or d.subject.leads) and ASSIGNS.search(d.text)
			]

	def _leaf(
		self, node: Node, labels: list[str], body: list[Unit], heading: Roles, inherited: Roles, section
	):
		# A numbered or lettered paragraph with no items under it is a task itself. A
		# heading ("5. Ứng dụng công nghệ thông tin …", "III. KINH PHÍ") takes the paragraphs
		# under it as its text; after a full sentence they are the document's closing words.
		ref = join_refs(labels)
		if body and (is_heading(node.text) or node.kind == "article"):
			text = " ".join(u.text for u in body)
			if POINTER.search(text) and len(text) < 200:
				return  # "Thực hiện theo các nhiệm vụ cụ thể tại Phụ lục": the table holds them
			own = heading if not self._roles(text) else Roles()
			draft = self._task(ref, ref, text, own, section, node.line)
			if not _names_only(node.text, self.localise, self.vocabulary):
				draft.title = sentence_case(node.text.rstrip(":"))
			time = next(
				(u.text for u in node.children if isinstance(u, Unit) and TIME_LINE.match(u.text)), None
			)
			if time and not (draft.deadline_text and draft.stated):
				draft.deadline_text, draft.stated = TIME_LINE.sub("", time).strip() or time, True
		else:
			self._task(ref, ref, node.text, inherited, section, node.line)
			# a paragraph after a full sentence that gives work to an agency is a task of its
			# own ("1. Kết quả … là một tiêu chí … / Sở Nội vụ chủ trì, phối hợp …")
			for n, unit in enumerate(body, 1):
				own = self._roles(unit.text)
				if own.leads and own.leads != [PEOPLES_COMMITTEE] and ASSIGNS.search(unit.text):
					self._task(f"{ref}+{n}", ref, unit.text, inherited, section, unit.line)

	def _intro(self, node: Node) -> Roles | None:
		"""The roles of a line that introduces the items under a heading and ends with ":"."""
		for child in node.children:
			if isinstance(child, Node):
				return None
			if child.text.rstrip().endswith(":") and not TIME_LINE.match(child.text):
				return self._roles(child.text)
		return None

	def _has_items(self, node: Node) -> bool:
		return any(isinstance(c, Node) for c in node.children)

	def _labelled(self, node: Node, labels: list[str], heading: Roles, section, skip: bool) -> bool:
		"""A heading whose lines are labelled fields ("- Cơ quan chủ trì: …") is one task."""
		if skip or node.kind == "root":
			return False
		parts = [node.text, *(self._flat(c) for c in node.children)]
		named = [starts_with_label(p) for p in parts[1:]]
		unlabelled = [c for c in node.children if not starts_with_label(c.text)]
		if not (any(n in ("lead", "co") for n in named) or ("time" in named and not unlabelled)):
			head, fields = split_fields(node.text)
			if not any(k in fields for k in ("lead", "time")) or (not head and "content" not in fields):
				return False
			parts, named = [head], []
			text_fields = fields
		else:
			text_fields = {}
			current = None
			for part, name in zip(parts[1:], named, strict=True):
				if name:
					_, fields = split_fields(part.lstrip("-+• "))
					for key, value in fields.items():
						text_fields[key] = f"{text_fields[key]}; {value}" if key in text_fields else value
					current = name
				elif current:
					text_fields[current] = f"{text_fields[current]} {part}".strip()
		ref = join_refs(labels)
		content = text_fields.get("content", "")
		text = tidy(" ".join(x for x in (parts[0], content) if x).strip())
		lead_field = text_fields.get("lead", "")
		lead_names = named_list(self.localise(lead_field), self.vocabulary) if lead_field else []
		co_names = named_list(self.localise(text_fields.get("co", "")), self.vocabulary)
		roles = Roles(lead_names[:1], unique([*lead_names[1:], *co_names]))
		if not roles.leads and heading.leads:
			roles = Roles(heading.leads[:1], unique([*heading.leads[1:], *roles.co]))
		time = tidy(text_fields.get("time", ""))
		draft = Draft(
			ref,
			ref,
			text,
			time,
			None,
			roles,
			Roles(),
			tidy(text_fields.get("product", "")) or None,
			section,
			node.line,
		)
		draft.labelled = True
		if text_fields.get("budget"):
			draft.text = f"{draft.text} Kinh phí: {tidy(text_fields['budget'])}"
		self.drafts.append(draft)
		return True

	def _flat(self, node) -> str:
		if isinstance(node, Unit):
			return node.text
		return " ".join([node.text, *(self._flat(c) for c in node.children)])

	def _task(self, key: str, ref: str, raw: str, heading: Roles, section: str | None, line: int) -> Draft:
		head, fields = split_fields(raw) if "*" not in raw else (raw, {})
		if fields.get("lead") or fields.get("time"):
			# "Rà soát …; Đơn vị chủ trì: Sở Tư pháp; Thời gian: Quý IV/2025."
			lead_names = named_list(self.localise(fields.get("lead", "")), self.vocabulary)
			co_names = named_list(self.localise(fields.get("co", "")), self.vocabulary)
			text = tidy(" ".join(x for x in (head, fields.get("content", "")) if x))
			own = Roles(lead_names[:1], unique([*lead_names[1:], *co_names]))
			draft = Draft(
				ref,
				key,
				text,
				tidy(fields.get("time", "")),
				None,
				own,
				heading,
				tidy(fields.get("product", "")) or None,
				section,
				line,
			)
			draft.labelled = bool(own.leads)
		else:
			text, deadline_text, stated = split_deadline(raw)
			own = self._roles(text)
			named = _NAMED_HEAD.match(text)
			if not own and named:  # "Đề nghị Công ty Điện lực Đắk Lắk: Khẩn trương kiểm tra …"
				found = heading_roles(self.localise(named.group(1)), self.vocabulary)
				if found:
					own = Roles(found.leads, unique([*found.co, *own.co]))
			subject = Roles()
			if not own:  # "Hàng năm, Văn phòng UBND tỉnh rà soát …", "… thì các sở, ban, ngành …"
				local = spaced(self.localise(text))
				found = clause_subject(local, self.vocabulary)
				if found:
					clause = roles_in(local[found.at :], self.vocabulary)
					if found.strong:
						own = Roles(found.names, clause.co)
					else:
						subject = Roles(found.names, clause.co)
						if OPENING.match(fold(text)):
							own = Roles(
								[], clause.co
							)  # partners of the opening condition are not this task's
			draft = Draft(ref, key, text, deadline_text, None, own, heading, None, section, line, stated)
			draft.subject = subject
		self.drafts.append(draft)
		return draft


_PLAN_SKIP = re.compile(
	r"^(?:mục đích|yêu cầu|mục tiêu|chỉ tiêu|quan điểm|căn cứ|sự cần thiết|thực trạng|tình hình|kết quả|đánh giá)|mục đích|yêu cầu",
	re.I,
)
