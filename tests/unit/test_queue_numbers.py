"""Queue numbers and queue times, without a site (onestop.queue_numbers)."""

import datetime as dt

import pytest

from onestop.queue_numbers import (
	minutes_between,
	next_free_prefix,
	percentile,
	summarize,
	ticket_number,
	valid_prefix,
)


def test_a_number_is_the_prefix_and_the_place_in_the_line():
	assert ticket_number("A", 12) == "A012"
	assert ticket_number("AB", 1) == "AB001"
	assert ticket_number("C", 1000) == "C1000"
	with pytest.raises(ValueError):
		ticket_number("a", 1)
	with pytest.raises(ValueError):
		ticket_number("A", 0)


def test_prefixes_are_one_or_two_capital_letters_given_in_order():
	assert valid_prefix("A") and valid_prefix("ZZ")
	assert (
		not valid_prefix("") and not valid_prefix("A1") and not valid_prefix("ABC") and not valid_prefix("Đ")
	)
	assert next_free_prefix([]) == "A"
	assert next_free_prefix(["A", "B", "D"]) == "C"
	assert next_free_prefix([chr(c) for c in range(ord("A"), ord("Z") + 1)]) == "AA"


def test_minutes_between_two_moments():
	start = dt.datetime(2026, 12, 2, 8, 0)
	assert minutes_between(start, start + dt.timedelta(minutes=12, seconds=30)) == 12.5
	assert minutes_between(start, None) is None
	assert minutes_between(start, start - dt.timedelta(minutes=1)) is None


def test_the_90th_percentile_by_nearest_rank():
	assert percentile(range(1, 11), 0.9) == 9  # the 9th of 10
	assert percentile([35, 10, 20], 0.9) == 35  # ceil(2.7) = the 3rd of 3
	assert percentile([7], 0.9) == 7
	assert percentile([], 0.9) is None


def test_a_summary_leaves_unknown_durations_out():
	assert summarize([10, 20, 35, None]) == {"count": 3, "average": 21.7, "p90": 35}
	assert summarize([None]) == {"count": 0, "average": None, "p90": None}
