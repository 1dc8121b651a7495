"""Import a plan into the site: its Annual Plan, its Plan Tasks and any new Agencies.

The text is read by `onestop.plan_parser` (pure); this module writes the result, all or
nothing: every task is checked before anything is written, and the writes run inside one
savepoint that is rolled back if any of them fails. Re-importing the same plan (same
province, year and number) updates it in place: a task is matched by its key in the plan
("II.1.b-2"), its fields from the text are refreshed, and what people recorded on it
(status, progress, updates, evidence, owner) is kept. Tasks the new text no longer has are
reported, not deleted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import frappe
from frappe import _
from frappe.utils import getdate, now_datetime

from onestop.deadlines import KINDS, RECURRENCES, WEEKDAYS
from onestop.plan_parser import PlanParseError, parse_plan
from onestop.planning.agency_register import Register, clear_register_cache, vocabulary_for
from onestop.planning.doctype.annual_plan.annual_plan import plan_key

DOCUMENT_KINDS = {
	"Quyết định": "Decision",
	"Kế hoạch": "Plan",
	"Thông báo": "Notice",
	"Công văn": "Official Letter",
	"Chỉ thị": "Directive",
}
DEADLINE_KINDS = {
	"date": "Fixed Date",
	"month": "Month",
	"quarter": "Quarter",
	"half_year": "Half Year",
	"year": "Year",
	"ongoing": "Ongoing",
	"recurring": "Recurring",
	"none": "None",
	"unparsed": "Unparsed",
}


class PlanImportError(frappe.ValidationError):
	"""The plan cannot be imported; nothing was written."""


@dataclass
class ImportReport:
	"""What an import did (or, in a dry run, would do). Lists hold task keys or agency names."""

	plan: str | None = None
	plan_action: str = "create"  # create | update | unchanged
	created: list[str] = field(default_factory=list)
	updated: list[str] = field(default_factory=list)
	unchanged: list[str] = field(default_factory=list)
	missing: list[str] = field(default_factory=list)
	new_agencies: list[str] = field(default_factory=list)
	needs_review: list[str] = field(default_factory=list)
	dry_run: bool = False

	def as_dict(self) -> dict:
		return dict(self.__dict__)

	def summary(self) -> str:
		head = _("Dry run, nothing written") if self.dry_run else _("Imported")
		lines = [
			f"{head}: {self.plan or _('new plan')} ({_(self.plan_action)})",
			_("Tasks: {0} new, {1} updated, {2} unchanged").format(
				len(self.created), len(self.updated), len(self.unchanged)
			),
		]
		if self.new_agencies:
			lines.append(_("New agencies: {0}").format(", ".join(self.new_agencies)))
		if self.missing:
			lines.append(_("On the site but no longer in the text: {0}").format(", ".join(self.missing)))
		if self.needs_review:
			lines.append(_("To review (lead or deadline not read): {0}").format(", ".join(self.needs_review)))
		return "\n".join(lines)


MAX_TEXT = 2_000_000  # characters of a plan's text (a 300-page plan is about 1 million)


def import_plan_text(
	text: str, source_name: str | None = None, dry_run: bool = False, year: int | None = None
) -> ImportReport:
	"""Parse a plan's text and import it.

	text: the document as plain text (at most MAX_TEXT characters). source_name: the file it
	came from (kept on the plan). year: the plan's year when the document gives none (its own
	date, number or deadlines win); with no year anywhere the current year is taken and every
	task is flagged for review. Returns an ImportReport. Raises PlanImportError (nothing
	written) when the text is too long or holds no task, or a task is invalid; the message
	names the line or the task.
	"""
	if len(text or "") > MAX_TEXT:
		raise PlanImportError(
			_("The text has {0} characters; a plan is read up to {1}.").format(len(text), MAX_TEXT)
		)
	try:
		plan = parse_plan(text, year=year)
		vocabulary = vocabulary_for(plan.province)
		if len(vocabulary.aliases) > len(vocabulary_for(None).aliases):
			plan = parse_plan(text, vocabulary, year=year)  # the province's own aliases, too
	except PlanParseError as e:
		where = f"{source_name}: " if source_name else ""
		raise PlanImportError(
			_("{0}line {1}: {2}").format(where, e.line or "?", e.message) if e.line else where + e.message
		) from None
	return import_plan(plan_data(plan), source_text=text, source_name=source_name, dry_run=dry_run)


def plan_data(plan) -> dict:
	"""The structured plan to import: the parser's, with the current year (every task flagged
	for review) when the document gives no year and none was given."""
	data = plan.as_dict()
	if not data.get("year"):
		data["year"] = frappe.utils.getdate().year
		for task in data["tasks"]:
			task["needs_review"] = True
			task["notes"] = [*(task.get("notes") or []), _("The document gives no year: check the deadline.")]
	return data


def read_plan(text: str, year: int | None = None) -> dict:
	"""The structured plan of a text, read with the province's own aliases (no import).
	Raises PlanImportError as import_plan_text does."""
	if len(text or "") > MAX_TEXT:
		raise PlanImportError(
			_("The text has {0} characters; a plan is read up to {1}.").format(len(text), MAX_TEXT)
		)
	try:
		plan = parse_plan(text, year=year)
		vocabulary = vocabulary_for(plan.province)
		if len(vocabulary.aliases) > len(vocabulary_for(None).aliases):
			plan = parse_plan(text, vocabulary, year=year)
	except PlanParseError as e:
		raise PlanImportError(_("line {0}: {1}").format(e.line, e.message) if e.line else e.message) from None
	return plan_data(plan)


def known_agencies(data: dict) -> dict[str, str | None]:
	"""Plan name → the register's Agency (None for a name it does not know yet)."""
	register = Register(data.get("province") or None)
	names = {n for t in data["tasks"] for n in [t.get("lead"), *(t.get("co") or [])] if n}
	return {name: register.find(name) for name in sorted(names)}


def import_plan(
	data: dict, *, source_text: str | None = None, source_name: str | None = None, dry_run: bool = False
) -> ImportReport:
	"""Import a structured plan, as `python -m onestop.plan_parser FILE --json` prints it.

	All or nothing: raises PlanImportError naming the bad task before writing anything, and
	rolls back every write if one fails. Returns an ImportReport.
	"""
	check_plan_data(data)
	report = ImportReport(dry_run=dry_run)
	province = data.get("province") or None
	key = plan_key(province, data["year"], data.get("number"), data.get("title"))
	existing_plan = frappe.db.get_value("Annual Plan", {"plan_key": key}, "name")
	report.plan = existing_plan
	existing = (
		{
			t.item_key: t.name
			for t in frappe.get_all(
				"Plan Task", filters={"annual_plan": existing_plan}, fields=["name", "item_key"]
			)
		}
		if existing_plan
		else {}
	)

	savepoint = "onestop_plan_import"
	if not dry_run:
		frappe.db.savepoint(savepoint)
	try:
		register = Register(province)
		scope = _issuer_agency(register, data.get("issuer"), dry_run, report)
		agencies = _agencies(register, data["tasks"], scope, dry_run, report)
		plan_doc = _plan(existing_plan, data, key, source_text, source_name, dry_run, report)
		for task in data["tasks"]:
			values = _task_values(task, agencies, data)
			name = existing.pop(task["key"], None)
			if task.get("needs_review"):
				report.needs_review.append(task["key"])
			try:
				_write_task(name, plan_doc, values, dry_run, report, task["key"])
			except frappe.ValidationError as e:
				raise PlanImportError(
					_("task {0} (line {1}): {2}").format(task["key"], task.get("line") or "?", _message(e))
				) from e
		report.missing = sorted(existing)
		if not dry_run:
			plan_doc.refresh_counts()
			report.plan = plan_doc.name
	except Exception:
		if not dry_run:
			frappe.db.rollback(save_point=savepoint)
			clear_register_cache()
		raise
	return report


def check_plan_data(data: dict) -> None:
	"""Every problem of a structured plan, raised together before anything is written."""
	problems: list[str] = []
	if not isinstance(data, dict) or not isinstance(data.get("tasks"), list):
		raise PlanImportError(_("Not a plan: expected an object with a list of tasks."))
	year = data.get("year")
	if not isinstance(year, int) or not 2000 <= year <= 2100:
		problems.append(_("the plan's year {0} is not a year between 2000 and 2100").format(year))
	if not data["tasks"]:
		problems.append(_("the plan has no task"))
	seen: set[str] = set()
	for i, task in enumerate(data["tasks"], 1):
		where = _("task {0} (line {1})").format(task.get("key") or f"#{i}", task.get("line") or "?")
		key = task.get("key")
		if not key:
			problems.append(_("{0}: no key").format(where))
		elif key in seen:
			problems.append(_("{0}: the key is used twice").format(where))
		seen.add(key)
		if not (task.get("title") or "").strip():
			problems.append(_("{0}: no title").format(where))
		for date_field in ("start", "due"):
			value = task.get(date_field)
			if value:
				try:
					dt.date.fromisoformat(value)
				except (TypeError, ValueError):
					problems.append(
						_("{0}: {1} is not a date (YYYY-MM-DD): {2}").format(where, date_field, value)
					)
		if task.get("deadline_kind") not in (*KINDS, None):
			problems.append(_("{0}: unknown deadline kind {1}").format(where, task.get("deadline_kind")))
		if task.get("recurrence") not in (*RECURRENCES, None):
			problems.append(_("{0}: unknown recurrence {1}").format(where, task.get("recurrence")))
		if not isinstance(task.get("co") or [], list):
			problems.append(_("{0}: co-operating agencies must be a list").format(where))
	if problems:
		shown = problems[:10]
		more = len(problems) - len(shown)
		raise PlanImportError(
			"; ".join(shown)
			+ (_(" (and {0} more)").format(more) if more else "")
			+ ". "
			+ _("Nothing was imported.")
		)


def _issuer_agency(register: Register, issuer: str | None, dry_run: bool, report: ImportReport) -> str | None:
	"""The agency that issued the plan when it is an agency of the register (a department's
	notice to its offices): the offices the plan names are looked up inside it."""
	if not issuer or issuer.startswith("UBND"):
		return None
	found = register.find(issuer)
	if found or dry_run:
		if not found:
			report.new_agencies.append(issuer)
		return found
	name = register.ensure(issuer)
	report.new_agencies.append(name)
	return name


def _agencies(
	register: Register, tasks: list[dict], scope: str | None, dry_run: bool, report: ImportReport
) -> dict:
	"""Plan name → Agency name for every agency the tasks name (created unless a dry run)."""
	names = []
	for task in tasks:
		names.extend([task.get("lead"), *(task.get("co") or [])])
	resolved: dict[str, str] = {}
	for name in dict.fromkeys(n for n in names if n):
		if dry_run:
			found, to_create = register.plan(name, scope)
			resolved[name] = found or name
			report.new_agencies.extend(
				r["agency_name"] for r in to_create if r["agency_name"] not in report.new_agencies
			)
		else:
			before = len(register.created)
			resolved[name] = register.ensure(name, scope)
			report.new_agencies.extend(register.created[before:])
	return resolved


def _plan(existing, data, key, source_text, source_name, dry_run, report):
	values = {
		"title": data.get("title") or _("Plan {0}").format(data["year"]),
		"document_kind": DOCUMENT_KINDS.get(data.get("kind") or "", ""),
		"plan_number": data.get("number"),
		"plan_date": data.get("date"),
		"year": data["year"],
		"province": data.get("province"),
		"issuer": data.get("issuer"),
		"plan_key": key,
		"import_notes": "\n".join(data.get("warnings") or []) or None,
	}
	if source_text is not None:
		values["source_text"] = source_text
	if source_name:
		values["source_name"] = source_name
	if existing:
		doc = frappe.get_doc("Annual Plan", existing)
		report.plan_action = "update" if _differs(doc, values) else "unchanged"
	else:
		doc = frappe.new_doc("Annual Plan")
		report.plan_action = "create"
	if dry_run:
		return doc
	doc.update(values)
	doc.last_imported_on = now_datetime()
	doc.save(ignore_permissions=True)
	return doc


def _task_values(task: dict, agencies: dict, data: dict) -> dict:
	start, due = task.get("start"), task.get("due")
	if due and not start and task.get("deadline_kind") == "date":
		plan_start = data.get("date") or f"{data['year']}-01-01"
		start = plan_start if plan_start <= due else due  # a fixed date: the work runs from the plan
	weekday = task.get("recurrence_weekday")
	# the reform-index criterion, score and rank where the text states them; what the
	# coordinator entered by hand is kept when it does not
	par = {f: task[f] for f in ("par_criterion", "par_score", "par_rank") if task.get(f) is not None}
	return {
		**par,
		"title": task["title"].strip()[:300],
		"ref": task.get("ref"),
		"item_key": task["key"],
		"section": task.get("section"),
		"details": task.get("text"),
		"lead_agency": agencies.get(task.get("lead")) if task.get("lead") else None,
		"co_agencies": [agencies[c] for c in task.get("co") or [] if c in agencies],
		"expected_product": task.get("product"),
		"deadline_text": task.get("deadline_text") or None,
		"deadline_kind": DEADLINE_KINDS[task.get("deadline_kind") or "none"],
		"start_date": start,
		"due_date": due,
		"recurrence": (task.get("recurrence") or "").capitalize() or None,
		"recurrence_weekday": WEEKDAYS[weekday] if isinstance(weekday, int) else None,
		"recurrence_time": task.get("recurrence_time"),
		"needs_review": 1 if task.get("needs_review") else 0,
		"review_notes": "\n".join(task.get("notes") or []) or None,
	}


def _write_task(name, plan_doc, values: dict, dry_run: bool, report: ImportReport, key: str) -> None:
	co = values.pop("co_agencies")
	if name:
		doc = frappe.get_doc("Plan Task", name)
		changed = _differs(doc, values) or sorted(r.agency for r in doc.co_agencies) != sorted(co)
		(report.updated if changed else report.unchanged).append(key)
		if dry_run or not changed:
			return
	else:
		report.created.append(key)
		if dry_run:
			return
		doc = frappe.new_doc("Plan Task")
		doc.annual_plan = plan_doc.name
	doc.update(values)
	doc.set("co_agencies", [{"agency": a} for a in co])
	doc.flags.ignore_permissions = True
	doc.save()


def _differs(doc, values: dict) -> bool:
	for fieldname, value in values.items():
		current = doc.get(fieldname)
		if isinstance(current, dt.date | dt.datetime) or (fieldname.endswith("_date") and current):
			current = str(getdate(current)) if current else None
		if (current or None) != (value or None) and str(current or "") != str(value or ""):
			return True
	return False


def _message(e: Exception) -> str:
	return frappe.utils.strip_html(str(e) or e.__class__.__name__)
