"""The structured plan the reader returns, and its one error."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from onestop.deadlines import Deadline


class PlanParseError(ValueError):
	"""The document cannot be read as a plan (no task at all, an empty or unreadable file);
	`line` (1-based) says where, when known."""

	def __init__(self, message: str, line: int | None = None):
		self.line = line
		self.message = message
		super().__init__(f"line {line}: {message}" if line else message)


@dataclass
class Task:
	"""One task of a plan. `notes` say why the coordinator should review it (needs_review);
	`warnings` point at something to check that does not stop the task (an agency of the
	other era); `milestones` are the intermediate deadlines of a task due on its last one."""

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
	warnings: list[str] = field(default_factory=list)
	milestones: list[str] = field(default_factory=list)
	par_criterion: str | None = None  # the reform-index criterion the task names (par_index)
	par_score: float | None = None
	par_rank: int | None = None

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
			"warnings": self.warnings,
			"milestones": self.milestones,
			"par_criterion": self.par_criterion,
			"par_score": self.par_score,
			"par_rank": self.par_rank,
		}


@dataclass
class Plan:
	"""A plan read from a document. `year` is None only when nothing in the document (nor
	the caller) gives one; then every task is flagged for review."""

	number: str | None
	date: dt.date | None
	issuer: str | None
	province: str | None
	year: int | None
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

	to_dict = as_dict


@dataclass
class Roles:
	"""Lead agencies (the first leads, the others co-operate) and co-operating agencies."""

	leads: list[str] = field(default_factory=list)
	co: list[str] = field(default_factory=list)

	def __bool__(self) -> bool:
		return bool(self.leads)


@dataclass
class Draft:
	"""A task as a reader found it, before its roles and deadline are resolved."""

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
	notes: list[str] = field(default_factory=list)
	milestones: list[str] = field(default_factory=list)
	labelled: bool = False  # lead and co came from labelled fields: no inference
	# the agencies a later clause names as its subject ("Hàng năm, Văn phòng UBND tỉnh …"):
	# the lead when neither the text's first words nor the heading name one
	subject: Roles = field(default_factory=Roles)
