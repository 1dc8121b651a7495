"""Who reads and changes which plan tasks, on the real site."""

import frappe
import pytest

from onestop.planning.progress import add_progress

from .factories import World


@pytest.fixture
def world():
	return World()


def visible(user, plan):
	frappe.set_user(user)
	frappe.local.onestop_user_agencies = None
	return set(frappe.get_list("Plan Task", filters={"annual_plan": plan}, pluck="name"))


def test_an_officer_lists_only_tasks_their_agency_leads_or_co_operates_on(world):
	assert visible(world.officer_a, world.plan) == {world.task_a, world.task_b_with_a, world.task_all}
	assert visible(world.officer_b, world.plan) == {world.task_b, world.task_b_with_a, world.task_all}


def test_an_officer_in_no_agency_sees_nothing(world):
	assert visible(world.outsider, world.plan) == set()


def test_coordinators_leadership_and_finance_see_all(world):
	everything = {world.task_a, world.task_b, world.task_b_with_a, world.task_all}
	for user in (world.coordinator, world.leader, world.finance):
		assert visible(user, world.plan) == everything


def test_two_agencies_cannot_read_or_change_each_others_tasks(world):
	assert not frappe.has_permission("Plan Task", "read", doc=world.task_b, user=world.officer_a)
	assert not frappe.has_permission("Plan Task", "write", doc=world.task_b, user=world.officer_a)
	assert not frappe.has_permission("Plan Task", "read", doc=world.task_a, user=world.officer_b)

	frappe.set_user(world.officer_a)
	with pytest.raises(frappe.PermissionError):
		frappe.client.get("Plan Task", world.task_b)  # what the desk and the REST API call
	with pytest.raises(frappe.PermissionError):
		add_progress(world.task_b, "sửa hộ", 50)
	frappe.set_user("Administrator")
	doc = frappe.get_doc("Plan Task", world.task_b)
	frappe.set_user(world.officer_a)
	doc.details = "sửa hộ"
	with pytest.raises(frappe.PermissionError):
		doc.save()


def test_sending_a_task_with_ones_own_agency_as_lead_does_not_open_it(world):
	frappe.set_user("Administrator")
	doc = frappe.get_doc("Plan Task", world.task_b)
	frappe.set_user(world.officer_a)
	doc.lead_agency = world.a  # as a crafted request would
	with pytest.raises(frappe.PermissionError):
		doc.save()
	frappe.set_user("Administrator")
	assert frappe.db.get_value("Plan Task", world.task_b, "lead_agency") == world.b


def test_an_officer_updates_their_own_task(world):
	frappe.set_user(world.officer_a)
	add_progress(world.task_a, "Đã xây dựng dự thảo", 40)
	doc = frappe.get_doc("Plan Task", world.task_a)
	assert doc.progress == 40
	assert doc.updates[-1].updated_by == world.officer_a


def test_a_co_operating_agency_reads_and_reports_progress(world):
	assert frappe.has_permission("Plan Task", "read", doc=world.task_b_with_a, user=world.officer_a)
	frappe.set_user(world.officer_a)
	add_progress(world.task_b_with_a, "Sở A đã góp ý", 20)
	assert frappe.get_doc("Plan Task", world.task_b_with_a).updates[-1].note == "Sở A đã góp ý"


def test_officers_cannot_change_what_the_plan_assigns(world):
	"""Lead, deadline and title are the coordinator's (permission level 1)."""
	frappe.set_user(world.officer_a)
	doc = frappe.get_doc("Plan Task", world.task_a)
	doc.lead_agency = world.b
	doc.due_date = "2019-12-31"
	doc.save()
	doc.reload()
	assert doc.lead_agency == world.a and str(doc.due_date) == "2018-03-31"


def test_leadership_reads_but_does_not_write(world):
	assert frappe.has_permission("Plan Task", "read", doc=world.task_a, user=world.leader)
	assert not frappe.has_permission("Plan Task", "write", doc=world.task_a, user=world.leader)
	assert not frappe.has_permission("Plan Task", "create", user=world.officer_a)


def test_agency_users_of_an_office_inherit_their_department(world):
	from .factories import agency, task

	clerk = world.clerk
	office = agency("_Test Văn phòng Sở A", "Unit", parent=world.a, members=[clerk])
	office_task = task(world.plan, office, title="Việc của Văn phòng Sở A")
	assert office_task in visible(world.officer_a, world.plan)  # the department sees its office's tasks
	assert world.task_a in visible(clerk, world.plan)  # and the office sees its department's
	assert world.task_b not in visible(clerk, world.plan)
