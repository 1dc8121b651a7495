"""The weekly reporting cycle and the task reminders on the real site: reports made each
Monday for every reporting agency, filed late after Thursday 15:00, last week's remedies
carried over, who may file and acknowledge, and reminders sent once, in office hours."""

import datetime as dt

import frappe
import pytest
from frappe.model.workflow import WorkflowPermissionError, WorkflowTransitionError

from onestop.core.clock import at
from onestop.core.reminders import send_due_reminders
from onestop.planning.weekly_reports import create_weekly_reports, reporting_agencies

from . import factories
from .factories import World, task

T = dt.datetime
MONDAY = T(2026, 11, 23, 7, 0)  # week 2026-W48; Thursday 26/11, Friday 27/11


@pytest.fixture
def world():
	return World()


def report_of(agency, week="2026-W48"):
	return frappe.get_doc("Weekly Report", {"agency": agency, "week": week})


def act(name, action, user, moment, **values):
	return factories.act("Weekly Report", name, action, user, moment, **values)


def test_each_monday_every_reporting_agency_gets_one_report(world):
	with at(MONDAY):
		made = create_weekly_reports()
		assert create_weekly_reports() == []  # not twice
	agencies = set(reporting_agencies())
	assert {
		world.a,
		world.b,
	} <= agencies and world.departments not in agencies  # a collective does not report
	assert len(made) == len(agencies)
	report = report_of(world.a)
	assert (report.status, report.week_start, report.due_at) == (
		"Draft",
		dt.date(2026, 11, 23),
		T(2026, 11, 26, 15, 0),
	)
	assert not report.figures_from_dossiers  # no dossier of Sở A on the site: entered by hand


def test_filed_before_thursday_15_00_is_on_time_after_it_late(world):
	with at(MONDAY):
		create_weekly_reports()
	a, b = report_of(world.a).name, report_of(world.b).name
	on_time = act(
		a, "Submit", world.officer_a, T(2026, 11, 26, 14, 59), dossiers_received=12, problems="Thiếu máy quét"
	)
	late = act(b, "Submit", world.officer_b, T(2026, 11, 26, 15, 0))
	assert (on_time.status, on_time.is_late, on_time.submitted_at) == (
		"Submitted",
		0,
		T(2026, 11, 26, 14, 59),
	)
	assert on_time.dossiers_received == 12
	assert (late.status, late.is_late) == ("Submitted", 1)
	done = act(a, "Acknowledge", world.coordinator, T(2026, 11, 27, 9, 0))
	assert (done.status, done.acknowledged_by) == ("Acknowledged", world.coordinator)


def test_last_weeks_remedies_are_carried_over_and_answered(world):
	with at(T(2026, 11, 16, 7, 0)):
		create_weekly_reports()
	last = report_of(world.a, "2026-W47").name
	act(last, "Submit", world.officer_a, T(2026, 11, 19, 9, 0), remedies="Bổ sung 01 máy quét tại quầy")
	with at(MONDAY):
		create_weekly_reports()
	report = report_of(world.a)
	assert report.last_week_remedies == "Bổ sung 01 máy quét tại quầy"
	with pytest.raises(frappe.ValidationError, match="last week"):
		act(report.name, "Submit", world.officer_a, T(2026, 11, 25, 9, 0))
	filed = act(report.name, "Submit", world.officer_a, T(2026, 11, 25, 9, 0), last_week_outcome="Đã bổ sung")
	assert filed.status == "Submitted"


def test_an_agency_files_its_own_report_only_and_the_centre_acknowledges(world):
	with at(MONDAY):
		create_weekly_reports()
	b = report_of(world.b).name
	with pytest.raises((frappe.PermissionError, WorkflowTransitionError, WorkflowPermissionError)):
		act(b, "Submit", world.officer_a, T(2026, 11, 25, 9, 0))
	frappe.set_user(world.officer_a)
	frappe.local.onestop_user_agencies = None
	assert {r.agency for r in frappe.get_list("Weekly Report", fields=["agency"])} == {world.a}
	frappe.set_user("Administrator")
	act(b, "Submit", world.officer_b, T(2026, 11, 25, 9, 0))
	with pytest.raises((WorkflowTransitionError, WorkflowPermissionError)):
		act(b, "Acknowledge", world.officer_b, T(2026, 11, 25, 10, 0))


def test_one_report_per_agency_and_week(world):
	with at(MONDAY):
		create_weekly_reports()
		with pytest.raises(frappe.ValidationError, match="already has a report"):
			frappe.get_doc({"doctype": "Weekly Report", "agency": world.a, "week": "2026-w48"}).insert()
		with pytest.raises(frappe.ValidationError, match="ISO week"):
			frappe.get_doc({"doctype": "Weekly Report", "agency": world.a, "week": "tuần 48"}).insert()


def notifications(user, doctype):
	return frappe.db.count("Notification Log", {"for_user": user, "document_type": doctype})


def test_reports_not_filed_by_thursday_10_00_are_reminded_once(world):
	with at(MONDAY):
		create_weekly_reports()
	act(report_of(world.b).name, "Submit", world.officer_b, T(2026, 11, 25, 9, 0))
	send_due_reminders(T(2026, 11, 26, 8, 30))  # Thursday, before 10:00
	assert notifications(world.officer_a, "Weekly Report") == 0
	send_due_reminders(T(2026, 11, 26, 10, 0))
	send_due_reminders(T(2026, 11, 26, 14, 30))
	assert notifications(world.officer_a, "Weekly Report") == 1  # the focal point of Sở A, once
	assert notifications(world.head_a, "Weekly Report") == 0  # not a focal point
	assert notifications(world.officer_b, "Weekly Report") == 0  # filed


def test_tasks_are_reminded_seven_days_and_one_day_before_then_each_working_day_overdue(world):
	name = task(world.plan, world.a, due="2026-12-07", title="Báo cáo sơ kết")
	frappe.db.set_value("Plan Task", name, "plan_year", 2026)

	def sent():
		return frappe.get_all(
			"Reminder Log", filters={"reference_name": name, "recipient": world.officer_a}, pluck="event_key"
		)

	send_due_reminders(T(2026, 11, 27, 8, 30))  # 10 days ahead
	assert sent() == []
	send_due_reminders(T(2026, 11, 30, 8, 30))  # 7 days ahead
	send_due_reminders(T(2026, 11, 30, 14, 30))
	send_due_reminders(T(2026, 12, 4, 8, 30))  # Friday, 3 days ahead: already told
	send_due_reminders(T(2026, 12, 6, 9, 0))  # Sunday: nothing is sent
	send_due_reminders(T(2026, 12, 7, 8, 30))  # due today
	send_due_reminders(T(2026, 12, 8, 8, 30))  # overdue
	send_due_reminders(T(2026, 12, 8, 14, 30))
	send_due_reminders(T(2026, 12, 9, 12, 0))  # lunch break: nothing
	send_due_reminders(T(2026, 12, 9, 13, 30))
	assert sorted(sent()) == sorted(
		[
			f"task-due-7:{name}:2026-12-07",
			f"task-due-1:{name}:2026-12-07",
			f"task-overdue:{name}:2026-12-08",
			f"task-overdue:{name}:2026-12-09",
		]
	)
	assert notifications(world.officer_a, "Plan Task") == 4
	mails = frappe.get_all(
		"Email Queue", filters={"reference_doctype": "Plan Task", "reference_name": name}, pluck="name"
	)
	assert len(mails) == 4  # each reminder is also e-mailed
	frappe.db.set_value("Plan Task", name, "status", "Done")
	send_due_reminders(T(2026, 12, 10, 8, 30))
	assert len(sent()) == 4


def test_the_consolidated_report_names_who_filed_who_is_late_and_adds_the_figures(world):
	from onestop.planning.report.consolidated_weekly_report.consolidated_weekly_report import execute

	third = agency_for_test()
	with at(MONDAY):
		create_weekly_reports()
	act(
		report_of(world.a).name,
		"Submit",
		world.officer_a,
		T(2026, 11, 26, 9, 0),
		dossiers_received=30,
		dossiers_resolved=25,
		dossiers_late=2,
		problems="Mạng chậm",
	)
	act(
		report_of(world.b).name,
		"Submit",
		world.officer_b,
		T(2026, 11, 26, 16, 0),
		dossiers_received=10,
		dossiers_resolved=9,
		dossiers_late=1,
	)
	with at(T(2026, 11, 27, 8, 0)):  # Friday morning, when the centre writes its report
		_columns, rows, _msg, _chart, summary = execute({"week": "2026-W48"})
	by_agency = {r["agency"]: r for r in rows}
	assert (by_agency[world.a]["filed"], by_agency[world.a]["late"], by_agency[world.a]["problems"]) == (
		1,
		0,
		"Mạng chậm",
	)
	assert (by_agency[world.b]["filed"], by_agency[world.b]["late"]) == (1, 1)
	assert (by_agency[third]["filed"], by_agency[third]["late"]) == (0, 1)  # past Thursday 15:00, not filed
	figures = {s["label"]: s["value"] for s in summary}
	assert figures["Filed"] == 2 and figures["Filed Late"] == 1
	assert figures["Not Filed"] == len(rows) - 2
	assert (figures["Dossiers Received"], figures["Dossiers Late"]) == (40, 3)


def agency_for_test():
	from .factories import agency

	return agency("_Test Sở C")


# ------------------------------------------------------------------ assignment to an agency
def open_todos(task_name):
	return set(
		frappe.get_all(
			"ToDo",
			filters={"reference_type": "Plan Task", "reference_name": task_name, "status": "Open"},
			pluck="allocated_to",
		)
	)


def test_a_task_assigned_to_an_agency_goes_to_its_focal_points_and_follows_them(world):
	from onestop.planning.assignment import assign_task_to_agency

	# as the coordinator, who assigns tasks and keeps the agency register (an assignment by
	# Administrator is mailed from the site's outgoing account, which the test site has not)
	frappe.set_user(world.coordinator)
	assert assign_task_to_agency(world.task_a, world.a) == [world.officer_a]  # the focal point, not the head
	assert open_todos(world.task_a) == {world.officer_a}
	assert frappe.db.get_value("Plan Task", world.task_a, "assigned_agency") == world.a
	frappe.get_doc({"doctype": "ToDo", "allocated_to": world.leader, "reference_type": "Plan Task", "reference_name": world.task_a, "description": "theo dõi"}).insert(ignore_permissions=True)  # fmt: skip

	# the head becomes the focal point instead of the officer: the task follows
	agency = frappe.get_doc("Agency", world.a)
	for member in agency.members:
		member.is_focal_point = int(member.user == world.head_a)
	agency.save()
	assert open_todos(world.task_a) == {world.head_a, world.leader}  # one assigned by hand stays

	# a second focal point is added
	agency = frappe.get_doc("Agency", world.a)
	agency.append("members", {"user": world.finance, "is_focal_point": 1})
	agency.save()
	assert open_todos(world.task_a) == {world.head_a, world.finance, world.leader}

	# reassigned to Sở B: Sở A's focal points let go
	assign_task_to_agency(world.task_a, world.b)
	assert open_todos(world.task_a) == {world.officer_b, world.leader}


def test_an_agency_without_members_cannot_take_a_task_and_an_officer_cannot_assign(world):
	from onestop.planning.assignment import assign_task_to_agency

	from .factories import agency

	empty = agency("_Test Sở Trống")
	frappe.set_user(world.coordinator)
	with pytest.raises(frappe.ValidationError, match="no member"):
		assign_task_to_agency(world.task_a, empty)
	for officer in (world.officer_b, world.officer_a):  # another agency's task; their own
		frappe.set_user(officer)
		frappe.local.onestop_user_agencies = None
		with pytest.raises(frappe.PermissionError):
			assign_task_to_agency(world.task_a, world.b)
	frappe.set_user("Administrator")
	assert open_todos(world.task_a) == set()
