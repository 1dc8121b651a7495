"""Read a plan's document into a structured plan. Plain Python (no Frappe).

    python -m onestop.plan_parser PLAN.(txt|docx|pdf) [--year 2025] --json

prints the plan as JSON: {number, date, issuer, province, year, kind, title, tasks: [...],
warnings: [...]}, each task with ref, key, title, text, lead, co, product, deadline_text,
deadline_kind, start, due, quarter, recurrence (and recurrence_weekday, recurrence_time,
section, line, needs_review, notes, warnings, milestones).

The reader is split by layout:
- `files`: a .txt, .docx or .pdf as text (size and encoding checked first);
- `text`: hard-wrapped copies joined back into paragraphs, header columns and rules undone;
- `header`: number, date, kind, subject, issuer, and the plan's year;
- `prose`: numbered sections, articles, agency headings ("1. Sở Nội vụ:"), items;
- `labelled`: "Đơn vị chủ trì: …", "Thời gian thực hiện: …" fields;
- `table`: appendix tables of tasks (tab-led or `|`-separated cells);
- `roles`, `timing`: who leads and co-operates, which words state the deadline.

A decision that carries its plan, programme or regulation as an attachment ("ban hành kèm
theo Quyết định này") is read for the attachment's tasks; its own articles are tasks only
when the attachment has none. What cannot be read becomes a task flagged for review or a
warning with its line; the only refusal (PlanParseError) is a document with no task at all.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

from onestop.agency_names import Vocabulary, era_note, find_provinces, normalise, standard_vocabulary
from onestop.deadlines import milestones_in, parse_deadline, recurrence_in
from onestop.plan_reader.files import read_document
from onestop.plan_reader.header import (
	NUMBER_IN_ATTACHMENT,
	Header,
	issuer_of,
	make_plan_title,
	plan_year,
	read_header,
)
from onestop.plan_reader.model import Draft, Plan, PlanParseError, Task
from onestop.plan_reader.par_index import par_index
from onestop.plan_reader.prose import ProseReader, addressees, build_tree, read_units
from onestop.plan_reader.roles import resolve_roles, unique
from onestop.plan_reader.table import is_task_table, pipe_tables, tab_table, table_drafts
from onestop.plan_reader.text import Line, clean, logical_lines, make_title

__all__ = ["Plan", "PlanParseError", "Task", "parse_file", "parse_plan", "read_document"]

_TAB_APPENDIX = re.compile(r"^\s*PHỤ LỤC\s*$")
_SIGNATURE = re.compile(r"^Nơi nhận\b")
_ATTACHED = re.compile(
	r"^(?:KẾ HOẠCH|CHƯƠNG TRÌNH|QUY CHẾ|QUY ĐỊNH|DANH MỤC|PHƯƠNG ÁN|ĐỀ ÁN|PHỤ LỤC|NHIỆM VỤ|BẢNG)\b"
)
_ARTICLE = re.compile(r"^Điều\s+\d+")
_CHAPTER = re.compile(r"^Chương\s+[IVXLC\d]+\s*$")
_STRUCTURE = re.compile(r"^(?:[IVX]+\.|\d{1,2}\.|[a-zđ]\)|Điều\s+\d+|Chương\s+[IVX\d]+)")
_CENTRAL = re.compile(
	r"^(?:THỦ TƯỚNG|CHÍNH PHỦ|BỘ\s|VĂN PHÒNG CHÍNH PHỦ|BAN CHỈ ĐẠO|ỦY BAN DÂN TỘC|NGÂN HÀNG NHÀ NƯỚC)"
)
_LOCAL_ISSUER = re.compile(r"\b(?:TỈNH|THÀNH PHỐ|HUYỆN|THỊ XÃ|XÃ|PHƯỜNG)\b")
_CITIES = ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế")
_DISTRICT_ERA_END = dt.date(2025, 7, 1)


def parse_plan(text: str, vocabulary: Vocabulary | None = None, *, year: int | None = None) -> Plan:
	"""Read a plan from its text.

	text: the document as text (any line wrapping). vocabulary: agency names to recognise
	(the standard vocabulary, plus a province's own register when called from a site).
	year: the plan's year when the document gives none (the CLI's --year); the document's
	own date, number or deadlines win over it.

	Returns a Plan whose tasks keep the document's order, each with a unique key. Raises
	PlanParseError only when the text is empty or holds no task at all.
	"""
	vocabulary = vocabulary or standard_vocabulary()
	if not text or not text.strip():
		raise PlanParseError("the file is empty")
	raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
	tab_at = _tab_appendix(raw)
	lines = logical_lines("\n".join(raw[:tab_at] if tab_at is not None else raw))
	main, parts = _segments(lines)

	body_at = next((i for i, x in enumerate(main) if _STRUCTURE.match(x.text)), len(main))
	header = read_header(main[:body_at])
	_number_from_attachment(header, parts, raw[tab_at : tab_at + 8] if tab_at is not None else [])
	central = _is_central(header)
	if central:  # a ministry's or the Government's: "Hà Nội, ngày …" is where, not whose
		province = None
	else:
		provinces = find_provinces("\n".join(x.text for x in main[:body_at])) or find_provinces(text[:20000])
		province = provinces[0] if provinces else None
	on = header.date or (dt.date(header.year, 1, 1) if header.year and header.year != 2025 else None)
	vocabulary = vocabulary.dated(on).copy()
	if central:
		vocabulary = vocabulary.central()
	localise = _localiser(province)
	_definitions(lines, vocabulary, localise)

	warnings: list[str] = []
	decision = header.kind == "Quyết định" or any(_ARTICLE.match(x.text) for x in main[body_at:])
	attached: list[Draft] = []
	for n, part in enumerate(parts, 1):
		prefix = "PL" if len(parts) == 1 or _is_appendix(part) else f"P{n}"
		attached += _read_segment(part, vocabulary, "regulation", localise, prefix, warnings)
	if tab_at is not None:
		table, table_warnings = tab_table(raw[tab_at + 1 :], tab_at + 2)
		warnings += table_warnings
		if table is not None:
			drafts, more = table_drafts(table, vocabulary, "PL", localise)
			attached += drafts
			warnings += more
	own = _read_segment(main, vocabulary, "decision" if decision else "regulation", localise, "PL", warnings)
	if decision and parts and attached:
		drafts = attached  # the decision's articles issue the attachment: its tasks are the attachment's
	else:
		drafts = own + attached
	if not drafts:
		raise PlanParseError(
			"no task found: the document has no numbered sections, items, agency headings, labelled fields "
			"or table of tasks (is it a plan, a decision, a directive or an official letter?)"
		)

	plan_year_, source = plan_year(header, [d.deadline_text for d in drafts], year)
	if plan_year_ is None:
		warnings.append("the plan's year is not in the document (no date, number or dated deadline): give it")
	elif source in ("deadlines", "given"):
		warnings.append(f"the plan's year {plan_year_} was read from its {source}")
	tasks = _tasks(
		drafts, vocabulary, plan_year_, header.date or on, _local_abbreviations(province), header.date
	)
	if province is None:
		warnings.append("province not found in the document")
	if header.number is None:
		warnings.append("document number not found")
	attached_kind = parts[0][0].text.title() if parts and decision else None
	return Plan(
		number=header.number,
		date=header.date,
		issuer=issuer_of(header, province, "\n".join(x.text for x in lines[-60:]), vocabulary),
		province=province,
		year=plan_year_,
		kind=header.kind or ("Kế hoạch" if tab_at is not None else None),
		title=make_plan_title(header.kind, header.subject, attached_kind),
		tasks=tasks,
		warnings=warnings,
	)


def parse_file(path: str | Path, vocabulary: Vocabulary | None = None, *, year: int | None = None) -> Plan:
	"""parse_plan on a .txt, .docx or .pdf file (see `files.read_document`); a
	PlanParseError names the file."""
	path = Path(path)
	try:
		return parse_plan(read_document(path), vocabulary, year=year)
	except PlanParseError as e:
		message = e.message if e.message.startswith(path.name) else f"{path.name}: {e.message}"
		raise PlanParseError(message, e.line) from None


_DEFINES = re.compile(r"\((?:sau đây\s+)?(?:gọi|viết)\s+(?:tắt|chung)\s+(?:là\s+)?([^()]{3,60})\)", re.I)
_TERM = re.compile(r"^(?:các |những )?(?:cơ quan|đơn vị|ubnd|ủy ban|sở|ban|tổ chức)\b", re.I)


def _definitions(lines: list[Line], vocabulary: Vocabulary, localise) -> None:
	"""A document's own terms for the agencies it lists: "… áp dụng cho các sở, cơ quan thuộc
	UBND tỉnh; UBND xã, phường (sau đây viết tắt là các cơ quan, đơn vị)" makes "các cơ quan,
	đơn vị" name the departments and the communes wherever the document uses it."""
	for line in lines:
		for m in _DEFINES.finditer(line.text):
			term = m.group(1).strip(" .,;")
			if not _TERM.match(term):
				continue
			before = line.text[: m.start()]
			cut = max(
				(before.rfind(w) + len(w) for w in (" cho ", " đối với ", " gồm ", ": ") if w in before),
				default=0,
			)
			segment = before[cut:]
			names = vocabulary.actors(localise(segment)) if len(segment) <= 200 else []
			if names:
				vocabulary.define(term, names)


def _is_central(header: Header) -> bool:
	"""Whether a ministry, the Government or another central body issued the document (its
	issuer lines or its number's code say so, and they name no province, city or commune)."""
	lines = [x for x in header.issuer_lines if not re.match(r"CỘNG HÒA|ĐỘC LẬP", x)]
	issuer = " ".join(lines[:2])
	if _LOCAL_ISSUER.search(issuer):
		return False
	code = (header.number or "").rsplit("/", 1)[-1].split("-")[-1]
	return (
		bool(_CENTRAL.match(issuer))
		or code in ("TTg", "CP", "VPCP")
		or bool(re.match(r"^B[A-ZĐ]{2,}$", code))
	)


# ------------------------------------------------------------------ parts of the document
def _tab_appendix(raw: list[str]) -> int | None:
	"""The line of a "PHỤ LỤC" followed by a table of tab-led cells, or None."""
	for i, line in enumerate(raw):
		if _TAB_APPENDIX.match(clean(line)) and any(x.startswith("\t") for x in raw[i + 1 : i + 40]):
			return i
	return None


def _segments(lines: list[Line]) -> tuple[list[Line], list[list[Line]]]:
	"""(the document's own part, its attachments and appendices). An attachment starts at a
	title line ("KẾ HOẠCH", "QUY CHẾ", "PHỤ LỤC …") after the signature block or after the
	decision's articles; the own part ends at the first signature ("Nơi nhận")."""
	signature = next((i for i, x in enumerate(lines) if _SIGNATURE.match(x.text)), None)
	first_article = next((i for i, x in enumerate(lines) if _ARTICLE.match(x.text)), None)
	after = min(i for i in (signature, first_article, len(lines)) if i is not None)
	starts = [
		i
		for i, x in enumerate(lines)
		if i > after
		and _ATTACHED.match(x.text)
		and _title_line(x.text)
		and not _CHAPTER.match(lines[i - 1].text)  # "Chương I / QUY ĐỊNH CHUNG": the chapter's title
	]
	if signature is not None:
		starts = [i for i in starts if i > signature] or starts
	main_end = signature if signature is not None else (starts[0] if starts else len(lines))
	parts = [lines[a:b] for a, b in zip(starts, [*starts[1:], len(lines)], strict=False)]
	return lines[:main_end], parts


def _title_line(text: str) -> bool:
	"""A title stands alone in capitals: "KẾ HOẠCH", "PHỤ LỤC 01", "QUY CHẾ"."""
	letters = [c for c in text if c.isalpha()]
	return bool(letters) and all(c.isupper() for c in letters[:20]) and len(text) < 160


def _is_appendix(part: list[Line]) -> bool:
	return part[0].text.startswith("PHỤ LỤC")


def _read_segment(
	lines: list[Line], vocabulary: Vocabulary, articles: str, localise, prefix: str, warnings: list[str]
) -> list[Draft]:
	"""Drafts of one part: its tables of tasks, then its prose."""
	tables, used = pipe_tables(lines)
	drafts: list[Draft] = []
	for n, table in enumerate(tables, 1):
		if not is_task_table(table.header):
			warnings.append(
				f"line {table.line}: a table without task and agency columns was not read as tasks"
			)
			continue
		found, more = table_drafts(
			table, vocabulary, prefix if len(tables) == 1 else f"{prefix}{n}", localise
		)
		drafts += found
		warnings += more
	prose = [x for i, x in enumerate(lines) if i not in used]
	units = read_units(prose)
	reader = ProseReader(vocabulary, articles, localise)
	return reader.read(build_tree(units), addressees(units, vocabulary, localise)) + drafts


def _number_from_attachment(header: Header, parts: list[list[Line]], tab_lines: list[str]) -> None:
	"""Number and date from "(Kèm theo Quyết định số 12/QĐ-UBND ngày 05/01/2019 …)" when the
	header lacks them (a plan given without its decision)."""
	if header.number and header.date:
		return
	head = " ".join([*(x.text for part in parts for x in part[:6]), *tab_lines])
	m = NUMBER_IN_ATTACHMENT.search(normalise(head))
	if m:
		header.number = header.number or f"{m[1]}/{m[2]}"
		try:
			header.date = header.date or dt.date(int(m[5]), int(m[4]), int(m[3]))
		except ValueError:
			pass
		header.year = header.year or (header.date.year if header.date else None)


def _localiser(province: str | None):
	"""For matching agency names: "Công an tỉnh Nghệ An" reads as "Công an tỉnh", and in a
	centrally run city "Sở Tài chính thành phố" as "Sở Tài chính tỉnh"."""
	if not province:
		return lambda s: s
	name = re.escape(province)
	own = re.compile(rf"\s+(?:tỉnh|thành phố|TP\.?)\s+{name}\b")
	city = re.compile(r"\bthành phố\b(?!\s+(?:trực thuộc|thuộc))") if province in _CITIES else None

	def localise(text: str) -> str:
		text = own.sub(" tỉnh", text)
		text = re.sub(r"\btỉnh tỉnh\b", "tỉnh", text)
		return city.sub("tỉnh", text) if city else text

	return localise


# ------------------------------------------------------------------ tasks
def _local_abbreviations(province: str | None) -> dict[str, str]:
	"""Names a plan shortens with its province's initials: "Báo QB" → "Báo Quảng Bình"."""
	if not province:
		return {}
	initials = "".join(w[0] for w in re.split(r"[\s-]+", province) if w).upper()
	return {f"Báo {initials}": f"Báo {province}"}


def _tasks(
	drafts: list[Draft],
	vocabulary: Vocabulary,
	year: int | None,
	on: dt.date | None,
	local: dict[str, str],
	issued: dt.date | None = None,
) -> list[Task]:
	tasks: list[Task] = []
	seen: dict[str, int] = {}
	for draft, (lead, co, notes) in zip(drafts, resolve_roles(drafts, vocabulary), strict=True):
		lead, co = local.get(lead, lead), [local.get(c, c) for c in co]
		key = draft.key
		if key in seen:
			seen[key] += 1
			key = f"{draft.key}#{seen[draft.key]}"  # numbering restarts in another part
		seen.setdefault(key, 1)
		notes = [*draft.notes, *notes]
		milestones = milestones_in(draft.deadline_text, year)
		phrase = milestones[-1] if len(milestones) > 1 else draft.deadline_text
		deadline = parse_deadline(phrase, year=year, context=draft.text, issued=issued)
		if len(milestones) > 1:
			deadline = _keep_text(deadline, draft.deadline_text)
		if deadline.kind == "none" and not draft.deadline_text and recurrence_in(draft.text):
			deadline = parse_deadline(draft.text, year=year)
		if deadline.kind == "unparsed":
			notes.append(f"deadline not understood: {draft.deadline_text!r}")
		if year is None:
			notes.append("the plan's year is unknown: check the dates")
		task_warnings = [w for name in (lead, *co) if name for w in [_era(name, on)] if w]
		par = par_index(draft.text)
		tasks.append(
			Task(
				ref=draft.ref,
				key=key,
				title=draft.title or make_title(draft.text),
				text=draft.text,
				lead=lead,
				co=unique(co),
				product=draft.product,
				deadline=deadline,
				section=draft.section,
				line=draft.line,
				notes=notes,
				warnings=task_warnings,
				milestones=milestones if len(milestones) > 1 else [],
				par_criterion=par.criterion,
				par_score=par.score,
				par_rank=par.rank,
			)
		)
	return tasks


def _keep_text(deadline, text: str):
	"""The deadline read from a task's last milestone, keeping the phrase as written."""
	return replace(deadline, text=text)


def _era(name: str, on: dt.date | None) -> str | None:
	note = era_note(name, on)
	if (
		note is None
		and on
		and on >= _DISTRICT_ERA_END
		and re.match(r"^(?:UBND|Ủy ban nhân dân) (?:huyện|quận|thị xã)\b", name)
	):
		note = f"{name}: there are no district People's Committees from {_DISTRICT_ERA_END}: check the agency"
	return note
