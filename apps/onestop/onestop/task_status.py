"""Where a plan task stands on a given day. Plain Python (no Frappe).

A task is overdue on a day when it has a due date before that day and is not Done. The
list view, the form and the reports all use this one rule.
"""

from __future__ import annotations

import datetime as dt

STATUSES = ("Not Started", "In Progress", "Submitted", "Done", "Returned")
CLOSED = ("Done",)


def is_overdue(due: dt.date | None, status: str | None, as_of: dt.date) -> bool:
	"""True when `due` is before `as_of` and the task is not Done."""
	return bool(due) and status not in CLOSED and due < as_of


def days_overdue(due: dt.date | None, status: str | None, as_of: dt.date) -> int:
	"""Calendar days past the due date on `as_of` (0 when not overdue)."""
	return (as_of - due).days if is_overdue(due, status, as_of) else 0


def latest_progress(updates: list[tuple[dt.date, int, int | float | None]]) -> float | None:
	"""Progress (0–100) of the latest update: rows of (date, row order, progress); rows
	without a progress figure are skipped. None when no row gives one."""
	rows = [(d, i, p) for d, i, p in updates if p is not None]
	if not rows:
		return None
	_, _, progress = max(rows, key=lambda r: (r[0], r[1]))
	return max(0.0, min(100.0, float(progress)))


STANDINGS = ("done_on_time", "done_late", "overdue", "in_progress", "not_started")


def standing(due: dt.date | None, status: str | None, completed_on: dt.date | None, as_of: dt.date) -> str:
	"""Where a task stands on `as_of`, for the plan progress report: one of STANDINGS.

	Done on or before its due date (or without one): done_on_time; done after it: done_late;
	not done and past due: overdue; not started and not due: not_started; anything else
	(in progress, submitted, returned): in_progress. A task done after `as_of` counts as not
	done yet.
	"""
	if status in CLOSED and (completed_on is None or completed_on <= as_of):
		return "done_late" if due and completed_on and completed_on > due else "done_on_time"
	if due and due < as_of:
		return "overdue"
	return "not_started" if status in (None, "", "Not Started") else "in_progress"


def shared_status(statuses: list[str]) -> str | None:
	"""The status of a task shared among agencies, from their assignments' statuses: Done when
	every share is Done, Submitted when every share is Submitted or Done, Not Started while none
	has started, In Progress otherwise (a share returned is being worked on again). None for a
	task with no share."""
	if not statuses:
		return None
	if all(s == "Done" for s in statuses):
		return "Done"
	if all(s in ("Submitted", "Done") for s in statuses):
		return "Submitted"
	if all(s in (None, "", "Not Started") for s in statuses):
		return "Not Started"
	return "In Progress"


def shared_progress(shares: list[tuple[float | None, float | None]]) -> float:
	"""Progress (0–100) of a shared task: the mean of its shares' progress, weighted by the
	weight the coordinator gives each (1 when not given; a weight of 0 leaves a share out)."""
	weighted = [(float(p or 0), 1.0 if w is None else float(w)) for p, w in shares]
	total = sum(w for _, w in weighted)
	if total <= 0:
		return 0.0
	return round(sum(p * w for p, w in weighted) / total, 2)
