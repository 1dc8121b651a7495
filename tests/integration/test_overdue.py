"""Overdue tasks as of a given date, on the real site."""

import frappe
import pytest

from onestop.planning.api import overdue_tasks

from .factories import World


@pytest.fixture
def world():
	return World()


def test_overdue_as_of_a_date(world):
	# task_a is due 2018-03-31, task_b 2018-06-30; the others have no due date
	names = lambda day: {r.name for r in overdue_tasks(as_of=day, annual_plan=world.plan)}  # noqa: E731
	assert names("2018-03-31") == set()
	assert names("2018-04-01") == {world.task_a}
	assert names("2018-07-01") == {world.task_a, world.task_b}
	frappe.db.set_value("Plan Task", world.task_a, "status", "Done")
	assert names("2018-07-01") == {world.task_b}


def test_days_overdue_and_permissions(world):
	rows = overdue_tasks(as_of="2018-04-10", annual_plan=world.plan)
	assert [(r.name, r.days_overdue) for r in rows] == [(world.task_a, 10)]
	frappe.set_user(world.officer_b)
	assert overdue_tasks(as_of="2018-07-01", annual_plan=world.plan)[0].name == world.task_b
	assert len(overdue_tasks(as_of="2018-07-01", annual_plan=world.plan)) == 1  # not Sở A's task
