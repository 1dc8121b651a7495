"""On time or late: the rules the KPIs and the reports share. Plain Python.

A dossier resolved before its appointment day is early; on its appointment day and not
after the appointment time, on time; after the appointment, late (trễ hẹn). A dossier still
open after its appointment is overdue (quá hạn). The stage that made a dossier late is the
first stage finished after, or still open past, its own due moment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

RESOLUTIONS = ("Early", "On Time", "Late")


def resolution(due: dt.datetime, resolved: dt.datetime) -> str:
	""" "Early", "On Time" or "Late" for a dossier due at `due` and resolved at `resolved`."""
	if resolved > due:
		return "Late"
	if resolved.date() < due.date():
		return "Early"
	return "On Time"


def is_overdue(due: dt.datetime | None, resolved: dt.datetime | None, now: dt.datetime) -> bool:
	"""Still open after its appointment."""
	return bool(due) and resolved is None and now > due


@dataclass(frozen=True)
class StageTiming:
	name: str
	agency: str | None
	due: dt.datetime | None
	done: dt.datetime | None


def late_stage(stages: Sequence[StageTiming], now: dt.datetime) -> StageTiming | None:
	"""The first stage that went past its due moment (finished late, or open and overdue)."""
	for stage in stages:
		if stage.due is None:
			continue
		finished = stage.done or now
		if finished > stage.due and (stage.done is not None or now > stage.due):
			return stage
	return None


def percent(part: int, whole: int) -> float | None:
	"""part / whole as a percentage with 1 decimal, None when whole is 0."""
	return round(100.0 * part / whole, 1) if whole else None


OPEN_STATES = ("Received", "Processing", "Supplement Requested")
TICKING_STATES = ("Received", "Processing")  # open, and the clock runs (a supplement stops it)
RATED = ("Very Satisfied", "Satisfied", "Not Satisfied")
SATISFIED = ("Very Satisfied", "Satisfied")
COUNTERS = (
	"received",
	"resolved",
	"early",
	"on_time",
	"late",
	"pending",
	"rated",
	"satisfied",
	"handling_days",
)


def counts_of(
	status: str | None,
	resolution: str | None,
	resolved: bool,
	satisfaction: str | None,
	handling_days: float | None,
) -> dict[str, float]:
	"""What one dossier adds to the KPI counters (see COUNTERS): received 1; resolved, early,
	on_time, late by its resolution; pending while open; rated and satisfied by its rating;
	handling_days (working days) once resolved."""
	return {
		"received": 1,
		"resolved": 1 if resolved else 0,
		"early": 1 if resolution == "Early" else 0,
		"on_time": 1 if resolution == "On Time" else 0,
		"late": 1 if resolution == "Late" else 0,
		"pending": 1 if status in OPEN_STATES else 0,
		"rated": 1 if satisfaction in RATED else 0,
		"satisfied": 1 if satisfaction in SATISFIED else 0,
		"handling_days": float(handling_days or 0) if resolved else 0.0,
	}
