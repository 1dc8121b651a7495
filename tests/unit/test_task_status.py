"""Where a plan task stands on a day, for the plan progress report (no site)."""

import datetime as dt

import pytest

from onestop.task_status import standing

D = dt.date


@pytest.mark.parametrize(
	"due, status, completed_on, as_of, expected",
	[
		(D(2018, 3, 31), "Done", D(2018, 3, 20), D(2018, 6, 30), "done_on_time"),
		(D(2018, 3, 31), "Done", D(2018, 3, 31), D(2018, 6, 30), "done_on_time"),  # on the day
		(D(2018, 3, 31), "Done", D(2018, 4, 2), D(2018, 6, 30), "done_late"),
		(None, "Done", D(2018, 4, 2), D(2018, 6, 30), "done_on_time"),  # no deadline, no lateness
		(D(2018, 3, 31), "Done", D(2018, 7, 5), D(2018, 6, 30), "overdue"),  # done after the day asked
		(D(2018, 3, 31), "In Progress", None, D(2018, 6, 30), "overdue"),
		(D(2018, 3, 31), "Submitted", None, D(2018, 3, 31), "in_progress"),  # due today: not late yet
		(D(2018, 9, 30), "Not Started", None, D(2018, 6, 30), "not_started"),
		(D(2018, 9, 30), "Returned", None, D(2018, 6, 30), "in_progress"),
		(None, "Not Started", None, D(2018, 6, 30), "not_started"),
	],
)
def test_where_a_task_stands_for_the_progress_report(due, status, completed_on, as_of, expected):
	assert standing(due, status, completed_on, as_of) == expected


def test_a_shared_task_stands_where_all_its_shares_stand():
	from onestop.task_status import shared_status

	assert shared_status([]) is None
	assert shared_status(["Done", "Done"]) == "Done"
	assert shared_status(["Submitted", "Done"]) == "Submitted"
	assert shared_status(["Not Started", "Not Started"]) == "Not Started"
	assert shared_status(["Done", "Returned"]) == "In Progress"
	assert shared_status(["Not Started", "Submitted"]) == "In Progress"


def test_a_shared_tasks_progress_is_the_weighted_mean_of_its_shares():
	from onestop.task_status import shared_progress

	assert shared_progress([(100, None), (0, None)]) == 50
	assert shared_progress([(100, 3), (0, 1)]) == 75
	assert shared_progress([(80, 0), (20, 1)]) == 20
	assert shared_progress([(50, 0)]) == 0
