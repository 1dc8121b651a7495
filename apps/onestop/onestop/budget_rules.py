"""Money charged to budget lines: the rules every spending shares. Plain Python.

Amounts are whole VND (int). A budget line can be spent once it is approved (up to the
approved amount) or allocated (up to the allocated amount); before that nothing remains.
A spending is checked when it is saved: over what remains it is stopped, or only warned
about when the line says so (the Department of Finance decides per line).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

SPENDABLE = ("Approved", "Allocated")


def months_in_year(start: dt.date, end: dt.date, year: int) -> int:
	"""Calendar months of `year` that the period start..end (inclusive) touches; a month begun
	counts whole, as a monthly allowance is paid. 0 when the period misses the year."""
	if end < start:
		return 0
	first = max(start, dt.date(year, 1, 1))
	last = min(end, dt.date(year, 12, 31))
	if last < first:
		return 0
	return (last.year - first.year) * 12 + last.month - first.month + 1


def allowance(monthly: int, start: dt.date, end: dt.date, year: int) -> int:
	"""A monthly allowance (VND) over the months of `year` in start..end."""
	return int(monthly or 0) * months_in_year(start, end, year)


def spendable(status: str | None, approved: int | None, allocated: int | None) -> int:
	"""What a budget line in `status` may have charged to it, in VND."""
	if status == "Allocated":
		return int(allocated or 0)
	if status == "Approved":
		return int(approved or 0)
	return 0


@dataclass(frozen=True)
class Verdict:
	allowed: bool  # False: the spending must be stopped
	over_by: int  # VND beyond what remains (0 when within)
	remaining_after: int  # what would remain after this spending (negative when over)


def check(amount: int, limit: int, spent_by_others: int, on_overspend: str = "Stop") -> Verdict:
	"""Whether `amount` (VND) fits the line's `limit` beside what others already charged.

	on_overspend: "Stop" refuses a spending over what remains, "Warn" lets it through (the
	caller warns). A spending of 0 always fits.
	"""
	remaining_after = int(limit) - int(spent_by_others) - int(amount)
	over_by = max(0, -remaining_after) if amount > 0 else 0
	return Verdict(
		allowed=over_by == 0 or on_overspend == "Warn", over_by=over_by, remaining_after=remaining_after
	)
