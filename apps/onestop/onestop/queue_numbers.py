"""Queue numbers and queue times, in plain Python (no Frappe): the rules the kiosk, the counters
and the queue report share (procedures/queue.py, report Queue Times).

A ticket's number is its field's prefix and its place in that day's line: "A012" is the twelfth
ticket of the day for the field whose prefix is A. Times are in minutes.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import string
from collections.abc import Iterable

PREFIX = re.compile(r"^[A-Z]{1,2}$")
DIGITS = 3  # "A012"; the thousandth ticket of a day reads "A1000"


def ticket_number(prefix: str, seq: int) -> str:
	"""The printed number of the `seq`-th ticket (from 1) of the day with `prefix`: "A012"."""
	if not valid_prefix(prefix):
		raise ValueError(f"not a queue prefix: {prefix!r}")
	if seq < 1:
		raise ValueError(f"a ticket's place in the line starts at 1, not {seq}")
	return f"{prefix}{seq:0{DIGITS}d}"


def valid_prefix(prefix: str | None) -> bool:
	"""One or two capital letters (A, B, …, Z, AA, AB, …)."""
	return bool(prefix and PREFIX.match(prefix))


def next_free_prefix(used: Iterable[str]) -> str:
	"""The first prefix not in `used`: A to Z, then AA, AB, … ZZ. Raises ValueError when all
	702 are taken."""
	taken = set(used)
	letters = string.ascii_uppercase
	for candidate in (*letters, *(a + b for a in letters for b in letters)):
		if candidate not in taken:
			return candidate
	raise ValueError("every queue prefix is taken")


def minutes_between(start: dt.datetime | None, end: dt.datetime | None) -> float | None:
	"""Minutes from `start` to `end` (None when either is missing or `end` is before `start`)."""
	if not start or not end or end < start:
		return None
	return (end - start).total_seconds() / 60


def percentile(values: Iterable[float], share: float) -> float | None:
	"""The nearest-rank percentile: the smallest value with at least `share` (0–1] of the values
	at or below it (p90 of 10 values is the 9th smallest). None for no values."""
	ordered = sorted(values)
	if not ordered:
		return None
	rank = max(1, math.ceil(share * len(ordered)))
	return ordered[rank - 1]


def summarize(values: Iterable[float | None]) -> dict:
	"""{count, average, p90} of the known durations (minutes, rounded to 0.1); None values are
	left out; average and p90 are None when nothing is known."""
	known = [v for v in values if v is not None]
	if not known:
		return {"count": 0, "average": None, "p90": None}
	return {
		"count": len(known),
		"average": round(sum(known) / len(known), 1),
		"p90": round(percentile(known, 0.9), 1),
	}
