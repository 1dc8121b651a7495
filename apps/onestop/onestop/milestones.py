"""Construction milestones: weighted progress, lateness and slippage as of a date. Plain Python."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Milestone:
	weight: float  # % of the project
	progress: float  # % done
	status: str  # "Not Started" | "In Progress" | "Done"
	planned_end: dt.date
	baseline_end: dt.date | None = None
	actual_end: dt.date | None = None


def weighted_progress(milestones: Iterable[Milestone]) -> float:
	"""Σ weight × progress / Σ weight, in %, rounded to 0.1 (the weighted sum when the weights
	add up to 100). 0 for no weight."""
	items = list(milestones)
	total = sum(m.weight for m in items)
	if total <= 0:
		return 0.0
	return round(sum(m.weight * (100.0 if m.status == "Done" else m.progress) for m in items) / total, 1)


def is_late(milestone: Milestone, as_of: dt.date) -> bool:
	"""Past its planned end and not done."""
	return milestone.status != "Done" and milestone.planned_end < as_of


def expected_end(milestone: Milestone, as_of: dt.date) -> dt.date:
	"""When it ends (or ended): the actual end once done; while not done, the planned end, or
	`as_of` once the planned end has passed (it cannot end earlier than today)."""
	if milestone.status == "Done" and milestone.actual_end:
		return milestone.actual_end
	return max(milestone.planned_end, as_of) if is_late(milestone, as_of) else milestone.planned_end


def slippage_days(milestone: Milestone, as_of: dt.date) -> int:
	"""Days the expected end is past the baseline end (negative: ahead); 0 without a baseline."""
	if not milestone.baseline_end:
		return 0
	return (expected_end(milestone, as_of) - milestone.baseline_end).days
