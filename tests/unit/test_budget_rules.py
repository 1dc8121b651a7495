"""Budget lines and what is charged to them, without a site."""

import datetime as dt

import pytest

from onestop.budget_rules import allowance, check, months_in_year, spendable

D = dt.date


@pytest.mark.parametrize(
	"start, end, year, months",
	[
		(D(2018, 3, 1), D(2018, 12, 31), 2018, 10),
		(D(2018, 3, 15), D(2018, 3, 20), 2018, 1),  # a month begun counts whole
		(D(2018, 11, 1), D(2019, 4, 30), 2018, 2),
		(D(2018, 11, 1), D(2019, 4, 30), 2019, 4),
		(D(2017, 1, 1), D(2020, 1, 1), 2018, 12),
		(D(2019, 1, 1), D(2019, 6, 30), 2018, 0),
		(D(2018, 5, 1), D(2018, 4, 1), 2018, 0),  # ends before it starts
	],
)
def test_months_of_a_year_in_a_secondment(start, end, year, months):
	assert months_in_year(start, end, year) == months


def test_a_monthly_allowance_over_the_months_of_the_budget_year():
	# seed 000, II.1.a: a support allowance for officers seconded from March 2018
	assert allowance(1_000_000, D(2018, 3, 1), D(2019, 2, 28), 2018) == 10_000_000
	assert allowance(None, D(2018, 3, 1), D(2018, 5, 1), 2018) == 0


@pytest.mark.parametrize(
	"status, limit",
	[
		("Draft", 0),
		("Submitted", 0),
		("Under Finance Review", 0),
		("Returned", 0),
		("Approved", 90),
		("Allocated", 80),
	],
)
def test_what_a_line_may_have_charged_to_it(status, limit):
	assert spendable(status, approved=90, allocated=80) == limit


def test_a_spending_over_what_remains_is_stopped_or_warned():
	fits = check(amount=30, limit=100, spent_by_others=70)
	assert fits.allowed and fits.over_by == 0 and fits.remaining_after == 0
	over = check(amount=31, limit=100, spent_by_others=70)
	assert not over.allowed and over.over_by == 1 and over.remaining_after == -1
	warned = check(amount=31, limit=100, spent_by_others=70, on_overspend="Warn")
	assert warned.allowed and warned.over_by == 1
	assert check(amount=0, limit=0, spent_by_others=50).allowed  # nothing spent, nothing to stop
