"""Construction milestones as of a date, without a site."""

import datetime as dt

from onestop.milestones import Milestone, expected_end, is_late, slippage_days, weighted_progress

D = dt.date


def hq():
	"""Seed 000, II.6.c: the centre's headquarters, six milestones whose weights add up to 100."""
	return [
		Milestone(5, 100, "Done", D(2018, 3, 31), D(2018, 3, 31), D(2018, 3, 28)),  # survey
		Milestone(
			10, 100, "Done", D(2018, 5, 31), D(2018, 5, 15), D(2018, 6, 10)
		),  # design, done 10 days after its (moved) plan
		Milestone(15, 60, "In Progress", D(2018, 8, 31), D(2018, 7, 31)),  # permits and tender
		Milestone(40, 20, "In Progress", D(2018, 12, 31), D(2018, 12, 31)),  # structure
		Milestone(20, 0, "Not Started", D(2019, 3, 31), D(2019, 3, 31)),  # fit-out and IT
		Milestone(10, 0, "Not Started", D(2019, 4, 30), D(2019, 4, 30)),  # acceptance
	]


def test_overall_progress_is_the_weighted_sum():
	# 5×100 + 10×100 + 15×60 + 40×20 = 3,200 → 32 %
	assert weighted_progress(hq()) == 32.0
	assert weighted_progress([]) == 0.0
	# weights that do not add up to 100 are normalised
	assert (
		weighted_progress(
			[Milestone(20, 50, "In Progress", D(2018, 1, 1)), Milestone(20, 100, "Done", D(2018, 1, 1))]
		)
		== 75.0
	)


def test_late_means_past_the_planned_end_and_not_done_as_of_a_date():
	m = hq()
	as_of = D(2018, 9, 15)
	assert [is_late(x, as_of) for x in m] == [False, False, True, False, False, False]
	assert not is_late(m[2], D(2018, 8, 31))  # due that day: not late yet


def test_slippage_against_the_baseline():
	m = hq()
	as_of = D(2018, 9, 15)
	assert slippage_days(m[0], as_of) == -3  # finished 3 days ahead
	assert slippage_days(m[1], as_of) == 26  # baseline 15/5, done 10/6
	assert expected_end(m[2], as_of) == as_of and slippage_days(m[2], as_of) == 46  # 31/7 → at least 15/9
	assert slippage_days(m[3], as_of) == 0
	assert slippage_days(Milestone(10, 0, "Not Started", D(2019, 1, 1)), as_of) == 0  # no baseline
