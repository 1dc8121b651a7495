"""The period the Plan Task calendar opens on (planning.api.task_period): the filtered tasks'
due dates, only those the user may read."""

import frappe

from onestop.planning.api import task_period

from .factories import World, plan, task


def test_the_period_of_a_plans_tasks_as_each_user_reads_them():
	world = World()  # Sở A's task due 31/03/2018, Sở B's due 30/06/2018, two without a date
	filters = [["Plan Task", "annual_plan", "=", world.plan]]
	assert task_period(filters) == {"first": "2018-03-31", "last": "2018-06-30"}
	assert task_period(frappe.as_json({"annual_plan": world.plan})) == {
		"first": "2018-03-31",
		"last": "2018-06-30",
	}
	frappe.set_user(world.officer_b)
	frappe.local.onestop_user_agencies = None
	try:
		assert task_period(filters) == {"first": "2018-06-30", "last": "2018-06-30"}  # B's own
	finally:
		frappe.set_user("Administrator")
	undated = plan(2019, "Kế hoạch không thời hạn")
	task(undated, world.a)
	assert task_period([["Plan Task", "annual_plan", "=", undated]]) == {"first": None, "last": None}
