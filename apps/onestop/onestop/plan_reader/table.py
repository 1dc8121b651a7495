"""Tasks of a table flattened to text: an appendix of tasks, one row a task.

Two flattenings are read:
- one cell a tab-led line, a cell going on over untabbed lines (a converted .doc, as in
  Plan 1655/KH-UBND): `tab_cells`;
- one cell between `|` lines, as a web page or a PDF comes out (`pipe_tables`): a row
  ends where the header's count of cells is reached, or early for a group row ("II", "A.
  THỦ TỤC …") that spans the table.
The header row's first cell is "STT", "TT" or "Số TT"; columns are found by their names
(content: "Nội dung", "Nhiệm vụ"; agencies: "Cơ quan chủ trì", "Cơ quan phối hợp",
"Cơ quan thực hiện"; time: "Thời gian hoàn thành"; product: "Sản phẩm", "Kết quả dự kiến";
budget: "Kinh phí"). A table without a content and an agency column holds no tasks
(indicators, a list of procedures, a form). Rows numbered I, II or A., B. are groups;
a row without a number continues the numbered row above it (a merged cell).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from onestop.agency_names import Vocabulary, fold
from onestop.plan_reader.model import Draft, Roles
from onestop.plan_reader.roles import named_list, roles_of_cell, unique
from onestop.plan_reader.text import CELL, ROMAN, Line, make_title, sentence_case, tidy

FIRST_HEADER = re.compile(r"^(?:S[ốo]\s*)?(?:STT|TT|Stt|Tt)\.?$|^Số\s+(?:thứ\s+tự|TT)$", re.I)
COLUMNS = {
	"content": ("nội dung", "nhiệm vụ", "công việc", "hoạt động", "tên đề án", "tên nhiệm vụ", "giải pháp"),
	"product": ("sản phẩm", "kết quả", "hình thức"),
	"lead": ("chủ trì",),
	"co": ("phối hợp",),
	"agencies": ("cơ quan", "đơn vị", "thực hiện", "trách nhiệm"),
	"time": ("thời gian", "thời hạn", "tiến độ", "hoàn thành"),
	"budget": ("kinh phí",),
}
_GROUP = re.compile(rf"^(?:{'|'.join(ROMAN)}|[A-ZĐ])\.?$")
_TASK_NO = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?$")


@dataclass
class Table:
	"""A table's header (folded column names) and rows (cells, line of the row)."""

	header: list[str]
	rows: list[tuple[list[str], int]] = field(default_factory=list)
	line: int = 0


def columns_of(header: list[str]) -> dict[str, int | None]:
	"""Column index of each known column, by the words of its name; "Cơ quan thực hiện"
	counts as the lead column when no column says "chủ trì"."""
	found: dict[str, int | None] = {}
	taken: set[int] = set()
	for name in ("lead", "co", "product", "content", "budget", "time", "agencies"):
		found[name] = None
		for i, cell in enumerate(header):
			if i in taken or i == 0:
				continue
			if any(w in cell for w in COLUMNS[name]):
				found[name] = i
				taken.add(i)
				break
	if found["lead"] is None and found["agencies"] is not None:
		found["lead"], found["agencies"] = found["agencies"], None
	return found


def is_task_table(header: list[str]) -> bool:
	"""Whether a table assigns tasks: it has a content column and an agency column."""
	cols = columns_of(header)
	return cols["content"] is not None and cols["lead"] is not None


def table_drafts(
	table: Table, vocabulary: Vocabulary, prefix: str, localise=lambda s: s
) -> tuple[list[Draft], list[str]]:
	"""(drafts, warnings) of a task table. Keys: "{prefix}.{group}.{no}"; a continuation
	row adds "-{n}" to its numbered row's key. A row that cannot be placed becomes a warning
	naming its line, never a refusal."""
	cols = columns_of(table.header)
	drafts: list[Draft] = []
	warnings: list[str] = []
	section = group = None
	parent: Draft | None = None
	sub = 0
	last: Roles | None = None

	def cell(row: list[str], name: str) -> str:
		i = cols.get(name)
		return row[i] if i is not None and i < len(row) else ""

	for row, line in table.rows:
		first = row[0].strip() if row else ""
		rest = [c for c in row[1:] if c.strip()]
		if _GROUP.match(first) or (
			not _TASK_NO.match(first) and len(rest) <= 1 and rest and not cell(row, "lead")
		):
			group = first.rstrip(".") or group
			last = None
			title = (rest[0] if rest else "").replace("\n", " ")
			section = sentence_case(title) if title else section
			continue
		content = cell(row, "content")
		roles = _roles(cell(row, "lead"), cell(row, "co"), vocabulary, localise)
		merged = not roles and not cell(row, "lead").strip() and last is not None
		if merged:  # an empty agency cell: the row above's, merged over this one
			roles = last
		elif roles:
			last = roles
		time = tidy(cell(row, "time"))
		product = _multiline(cell(row, "product")) or None
		if _TASK_NO.match(first):
			sub = 1
			ref = ".".join(x for x in (prefix, group, first.rstrip(".")) if x)
			parent = Draft(ref, ref, tidy(content), time, None, roles, Roles(), product, section, line)
			drafts.append(parent)
			if merged:
				parent.notes.append("lead agency read from the row above (a merged cell)")
		elif parent is not None and (not first or first in "-+•"):
			sub += 1
			text = product.replace("\n", " ") if product and not content else tidy(content)
			title = make_title(text.lstrip("- ")) if text else None
			joined = tidy(f"{parent.text} — {text}") if product and not content else tidy(content)
			drafts.append(
				Draft(
					parent.ref,
					f"{parent.key}-{sub}",
					joined,
					time,
					title,
					roles,
					Roles(),
					product,
					section,
					line,
				)
			)
			if merged:
				drafts[-1].notes.append("lead agency read from the row above (a merged cell)")
		else:
			warnings.append(f"line {line}: a table row that is not a task ({first[:30]!r}) was skipped")
	return drafts, warnings


def _roles(lead_cell: str, co_cell: str, vocabulary: Vocabulary, localise) -> Roles:
	if co_cell.strip():
		leads = named_list(localise(lead_cell.replace("\n", " ")), vocabulary)
		co = named_list(localise(co_cell.replace("\n", " ")), vocabulary)
		return Roles(leads[:1], unique([*leads[1:], *co]))
	return roles_of_cell(localise(lead_cell), vocabulary)


def _multiline(text: str) -> str:
	items = [re.sub(r"\s+", " ", x).strip(" ;") for x in re.split(r"\n\s*\n", text) if x.strip()]
	return "\n".join(items)


# ------------------------------------------------------------------ tab-led cells
def tab_table(lines: list[str], first_line: int) -> tuple[Table | None, list[str]]:
	"""The table of tab-led cells in raw `lines` (the first at `first_line`), or None with
	a warning when it has no STT header."""
	cells: list[list] = []
	for i, raw in enumerate(lines):
		if raw.startswith("\t"):
			cells.append([raw[1:], first_line + i])
		elif cells:
			cells[-1][0] += "\n" + raw
	values = [(_clean_cell(text), line) for text, line in cells]
	start = next((i for i, (text, _) in enumerate(values) if FIRST_HEADER.match(text)), None)
	if start is None:
		return None, [f"line {first_line}: an appendix without a table of tasks (no STT header)"]
	header = []
	i = start
	while i < len(values) and values[i][0] not in ROMAN and not values[i][0].isdigit():
		header.append(fold(values[i][0]))
		i += 1
	table = Table(header, line=values[start][1])
	width = len(header)
	warnings: list[str] = []
	while i < len(values):
		text, line = values[i]
		if text in ROMAN:
			table.rows.append(([text, values[i + 1][0] if i + 1 < len(values) else ""], line))
			i += 2
			continue
		row = [v for v, _ in values[i : i + width]]
		if len(row) < width:
			if any(row):
				warnings.append(f"line {line}: a table row has {len(row)} cells, expected {width}")
			break
		if text and not _TASK_NO.match(text):
			warnings.append(f"line {line}: unexpected cell {text[:30]!r} where a table row starts")
			# find the next row that starts with a number or a group
			i += 1
			while i < len(values) and not (_TASK_NO.match(values[i][0]) or values[i][0] in ROMAN):
				i += 1
			continue
		table.rows.append((row, line))
		i += width
	return table, warnings


def _clean_cell(text: str) -> str:
	return "\n".join(line.replace("\u00a0", " ").strip() for line in text.splitlines()).strip()


# ------------------------------------------------------------------ | separated cells
def pipe_tables(lines: list[Line]) -> tuple[list[Table], set[int]]:
	"""Tables of `|`-separated cells among logical lines whose header starts with STT/TT, and
	the indexes of the lines they take (the prose reader skips them)."""
	tables: list[Table] = []
	used: set[int] = set()
	i = 0
	n = len(lines)
	while i < n:
		if not (lines[i].text == CELL and i + 1 < n and FIRST_HEADER.match(lines[i + 1].text)):
			i += 1
			continue
		tokens, end = _tokens(lines, i)
		used.update(range(i, end))
		table = _rows(tokens)
		if table:
			tables.append(table)
		i = end
	return tables, used


def _tokens(lines: list[Line], start: int) -> tuple[list[tuple[str, int]], int]:
	"""The cells from the `|` at `start` to the table's last `|`: (text, line) each, "" for an
	empty cell or a row's edge. The table ends before a line that stands as a title (a new
	appendix), or where prose follows its last `|`."""
	tokens: list[tuple[str, int]] = []
	current: list[str] = []
	line_no = lines[start].no
	i = start + 1
	last_cell = start
	while i < len(lines):
		text = lines[i].text
		if text == CELL:
			tokens.append(("\n".join(current), line_no))
			current = []
			last_cell = i
			line_no = lines[i + 1].no if i + 1 < len(lines) else lines[i].no
		else:
			if not current:
				line_no = lines[i].no
			if re.match(r"^(?:PHỤ LỤC|Phụ lục)\b", text) or (current and len(current) > 40):
				break
			current.append(text)
		i += 1
	return tokens, last_cell + 1


def _rows(tokens: list[tuple[str, int]]) -> Table | None:
	# header: the cells up to the first row edge ("" after a non-empty cell)
	header: list[str] = []
	i = 0
	while i < len(tokens) and tokens[i][0]:
		header.append(fold(tokens[i][0].replace("\n", " ")))
		i += 1
	if len(header) < 2:
		return None
	i += 1  # the edge
	# a second header row (under a merged "Cơ quan thực hiện"): cells until the next edge
	sub: list[str] = []
	j = i
	while (
		j < len(tokens)
		and tokens[j][0]
		and not _TASK_NO.match(tokens[j][0])
		and not _GROUP.match(tokens[j][0])
	):
		sub.append(fold(tokens[j][0].replace("\n", " ")))
		j += 1
	if sub and j < len(tokens) and all(not _TASK_NO.match(s) for s in sub) and len(sub) <= len(header):
		header = _merge_header(header, sub)
		i = j + 1
	table = Table(header, line=tokens[0][1])
	width = len(header)
	while i < len(tokens):
		row: list[str] = []
		line = tokens[i][1]
		while i < len(tokens):
			text = tokens[i][0]
			if (
				not text
				and row
				and (
					len(row) >= width
					or (_next_starts_row(tokens, i) and (len(row) == 1 or _GROUP.match(row[0])))
				)
			):
				i += 1
				break
			if not text and not row and i + 1 < len(tokens) and tokens[i + 1][0]:
				i += 1  # the edge before a row
				continue
			row.append(text)
			i += 1
		if any(c.strip() for c in row):
			table.rows.append((row + [""] * (width - len(row)), line))
	return table


def _next_starts_row(tokens: list[tuple[str, int]], i: int) -> bool:
	nxt = tokens[i + 1][0] if i + 1 < len(tokens) else ""
	return bool(_TASK_NO.match(nxt) or _GROUP.match(nxt))


def _merge_header(header: list[str], sub: list[str]) -> list[str]:
	"""Header cells with the merged one replaced by its sub-cells ("cơ quan thực hiện" →
	"cơ quan thực hiện chủ trì", "cơ quan thực hiện phối hợp")."""
	for i, cell in enumerate(header):
		if any(w in cell for w in ("cơ quan", "đơn vị", "thực hiện", "giai đoạn", "kinh phí", "thời gian")):
			if any(any(w in s for w in ("chủ trì", "phối hợp", "năm", "bắt đầu", "kết thúc")) for s in sub):
				return [*header[:i], *(f"{cell} {s}" for s in sub), *header[i + 1 :]]
	return [*header[:-1], *(f"{header[-1]} {s}" for s in sub)]
