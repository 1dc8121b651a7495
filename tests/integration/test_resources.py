"""Staff, training, money and construction on the real site: workflows by role, spending
checked against budget lines on save, the uniform entitlement, milestones as of a date, who
sees what, and the reports on a small data set worked out by hand."""

import datetime as dt

import frappe
import pytest
from frappe.model.workflow import WorkflowPermissionError, WorkflowTransitionError

from onestop.core.clock import at
from onestop.resources.budget import OverspendError
from onestop.resources.doctype.uniform_issue.uniform_issue import EntitlementError

from .factories import USERS, World, act, budget_line, civil_servant

D = dt.date
REFUSED = (WorkflowTransitionError, WorkflowPermissionError, frappe.PermissionError)


@pytest.fixture
def world():
	return World()


def secondment(servant, **values):
	doc = {
		"doctype": "Staff Secondment",
		"civil_servant": servant,
		"from_date": "2018-03-01",
		"to_date": "2018-12-31",
		"decision_number": "123/QĐ-SNV",
		**values,
	}
	return frappe.get_doc(doc).insert(ignore_permissions=True).name


# ------------------------------------------------------------------ workflows by role
ROLE_USER = {
	"Plan Coordinator": "coordinator",
	"Agency Officer": "officer_a",
	"Agency Head": "head_a",
	"Finance Reviewer": "finance",
	"Leadership": "leader",
}
BUDGET_TRANSITIONS = [
	("Draft", "Submit", "Submitted", {"Agency Officer", "Agency Head", "Plan Coordinator"}),
	("Submitted", "Start Review", "Under Finance Review", {"Finance Reviewer"}),
	("Submitted", "Return", "Returned", {"Finance Reviewer"}),
	("Under Finance Review", "Approve", "Approved", {"Leadership"}),
	("Under Finance Review", "Return", "Returned", {"Finance Reviewer", "Leadership"}),
	("Approved", "Allocate", "Allocated", {"Leadership"}),  # the provincial People's Committee allocates
	("Returned", "Submit", "Submitted", {"Agency Officer", "Agency Head", "Plan Coordinator"}),
]


@pytest.mark.parametrize("state, action, to, allowed", BUDGET_TRANSITIONS)
@pytest.mark.parametrize("role", list(ROLE_USER))
def test_budget_line_transitions_by_role(world, state, action, to, allowed, role):
	name = budget_line(world.a, 12_000_000)
	frappe.db.set_value(
		"Budget Line",
		name,
		{
			"status": state,
			"appraised_amount": 10_000_000,
			"approved_amount": 10_000_000 if state == "Approved" else 0,
		},
	)
	user = getattr(world, ROLE_USER[role])
	values = {"return_reason": "Thiếu dự toán chi tiết"} if action == "Return" else {}
	if role in allowed:
		assert act("Budget Line", name, action, user, **values).status == to
	else:
		with pytest.raises(REFUSED):
			act("Budget Line", name, action, user, **values)
		assert frappe.db.get_value("Budget Line", name, "status") == state


def test_finance_appraises_before_leadership_approves_and_allocation_stays_within(world):
	name = budget_line(world.a, 12_000_000)
	act("Budget Line", name, "Submit", world.officer_a)
	act("Budget Line", name, "Start Review", world.finance)
	with pytest.raises(frappe.ValidationError, match="appraises"):
		act("Budget Line", name, "Approve", world.leader)
	with pytest.raises(REFUSED):
		act("Budget Line", name, "Approve", world.officer_a, appraised_amount=12_000_000)
	# the appraisal is finance's field (perm level 1): the officer's value is not kept
	assert not frappe.db.get_value("Budget Line", name, "appraised_amount")
	frappe.set_user(world.finance)
	doc = frappe.get_doc("Budget Line", name)
	doc.appraised_amount = 10_000_000
	doc.save()
	frappe.set_user("Administrator")
	approved = act("Budget Line", name, "Approve", world.leader)
	assert approved.approved_amount == 10_000_000 and approved.remaining_amount == 10_000_000
	with pytest.raises(frappe.ValidationError, match="cannot exceed"):
		act("Budget Line", name, "Allocate", world.leader, allocated_amount=11_000_000)
	allocated = act("Budget Line", name, "Allocate", world.leader, allocated_amount=8_000_000)
	assert (allocated.status, allocated.remaining_amount) == ("Allocated", 8_000_000)


def save_as(user, doctype, name, **values):
	frappe.set_user(user)
	frappe.local.onestop_user_agencies = None
	try:
		doc = frappe.get_doc(doctype, name)
		doc.update(values)
		return doc.save()
	finally:
		frappe.set_user("Administrator")


def test_limits_hold_on_every_save_not_only_on_a_state_change(world):
	from onestop.core.rules import EditRefusedError

	name = budget_line(world.a, 12_000_000, status="Allocated", allocated=800_000)
	# finance cannot raise an allocation (the People's Committee's, perm level 2): not kept
	try:
		save_as(world.finance, "Budget Line", name, allocated_amount=50_000_000)
	except EditRefusedError:
		pass
	assert frappe.db.get_value("Budget Line", name, "allocated_amount") == 800_000
	# nor the officer the request once it is out of their hands
	for field, value in (("requested_amount", 99_000_000), ("fiscal_year", 2030), ("category", "Other")):
		with pytest.raises(EditRefusedError):
			save_as(world.officer_a, "Budget Line", name, **{field: value})
	# the leader cannot lower the approval below the allocation
	frappe.db.set_value("Budget Line", name, "status", "Approved")
	with pytest.raises(frappe.ValidationError, match="cannot exceed"):
		save_as(world.leader, "Budget Line", name, allocated_amount=900_000_000)
	line = frappe.get_doc("Budget Line", name)
	assert (line.allocated_amount, line.requested_amount, line.fiscal_year) == (800_000, 12_000_000, 2018)


def test_what_may_be_spent_never_falls_below_what_is_spent(world):
	name = budget_line(world.a, 5_000_000, status="Allocated", allocated=5_000_000)
	servant = civil_servant("Trần Văn Chi Tiêu", world.a)
	secondment(servant, budget_line=name, monthly_allowance=400_000)  # 10 months of 2018
	assert frappe.db.get_value("Budget Line", name, "spent_amount") == 4_000_000
	# not even the Administrator (whom the edit rules let through) can
	with pytest.raises(frappe.ValidationError, match="already spent"):
		save_as("Administrator", "Budget Line", name, allocated_amount=3_000_000)


def test_a_returned_request_says_why(world):
	name = budget_line(world.a, 5_000_000)
	act("Budget Line", name, "Submit", world.officer_a)
	with pytest.raises(frappe.ValidationError, match="reason"):
		act("Budget Line", name, "Return", world.finance)
	assert (
		act("Budget Line", name, "Return", world.finance, return_reason="Thiếu thuyết minh").status
		== "Returned"
	)


SECONDMENT_TRANSITIONS = [
	("Proposed", "Approve", "Approved", {"Plan Coordinator"}),
	("Proposed", "Reject", "Rejected", {"Plan Coordinator"}),
	("Approved", "Start Secondment", "Active", {"Plan Coordinator"}),
	("Active", "End Secondment", "Ended", {"Plan Coordinator"}),
]


@pytest.mark.parametrize("state, action, to, allowed", SECONDMENT_TRANSITIONS)
@pytest.mark.parametrize("role", list(ROLE_USER))
def test_secondment_transitions_by_role(world, state, action, to, allowed, role):
	name = secondment(civil_servant("Nguyễn Thị Biệt Phái", world.a))
	frappe.db.set_value("Staff Secondment", name, "status", state)
	values = {"rejection_reason": "Chưa đủ tiêu chuẩn"} if action == "Reject" else {}
	user = getattr(world, ROLE_USER[role])
	if role in allowed:
		assert act("Staff Secondment", name, action, user, **values).status == to
	else:
		with pytest.raises(REFUSED):
			act("Staff Secondment", name, action, user, **values)
		assert frappe.db.get_value("Staff Secondment", name, "status") == state


def test_an_agency_proposes_its_officer_and_the_centre_decides(world):
	servant = civil_servant("Trần Văn Một Cửa", world.a)
	frappe.set_user(world.officer_a)
	proposal = frappe.get_doc(
		{
			"doctype": "Staff Secondment",
			"civil_servant": servant,
			"from_date": "2018-03-01",
			"to_date": "2018-12-31",
		}
	).insert()
	assert (proposal.status, proposal.home_agency) == ("Proposed", world.a)
	frappe.set_user("Administrator")
	frappe.db.set_value("Civil Servant", servant, "home_agency", world.b)  # a later transfer
	assert frappe.db.get_value("Staff Secondment", proposal.name, "home_agency") == world.a  # kept
	with pytest.raises(frappe.ValidationError, match="already seconded"):
		secondment(servant, from_date="2018-06-01", to_date="2019-05-31")
	with pytest.raises(frappe.ValidationError, match="reason"):
		act("Staff Secondment", proposal.name, "Reject", world.coordinator)


def test_secondments_start_and_end_by_themselves_on_their_dates(world):
	from onestop.resources.secondments import advance_secondments

	name = secondment(civil_servant("Lê Văn Đúng Hạn", world.a), from_date="2018-03-01", to_date="2018-06-30")
	act("Staff Secondment", name, "Approve", world.coordinator)
	assert advance_secondments(D(2018, 2, 28)) == {"started": [], "ended": []}
	assert advance_secondments(D(2018, 3, 1))["started"] == [name]
	assert advance_secondments(D(2018, 6, 30))["ended"] == []
	assert advance_secondments(D(2018, 7, 1))["ended"] == [name]
	assert frappe.db.get_value("Staff Secondment", name, ["status", "ended_on"]) == ("Ended", D(2018, 6, 30))


# ------------------------------------------------------------------ money
def test_spending_over_the_line_is_stopped_when_saved(world):
	line = budget_line(world.a, 10_000_000, status="Allocated")
	first = secondment(
		civil_servant("Phạm Văn Phụ Cấp", world.a), monthly_allowance=1_000_000, budget_line=line
	)  # 10 months of 2018: 10,000,000
	assert frappe.db.get_value("Staff Secondment", first, "charged_amount") == 10_000_000
	assert frappe.db.get_value("Budget Line", line, ["spent_amount", "remaining_amount"]) == (10_000_000, 0)
	with pytest.raises(OverspendError, match="Nothing was saved"):
		frappe.get_doc(
			{
				"doctype": "Uniform Issue",
				"civil_servant": civil_servant("Hoàng Thị Đồng Phục", world.a),
				"issue_date": "2018-04-02",
				"budget_line": line,
				"items": [{"item": "Áo sơ mi", "size": "M", "quantity": 2, "unit_price": 250_000}],
			}
		).insert(ignore_permissions=True)
	assert frappe.db.count("Uniform Issue", {"budget_line": line}) == 0
	# shortening the secondment frees money; the line then takes the uniforms
	doc = frappe.get_doc("Staff Secondment", first)
	doc.to_date = "2018-11-30"
	doc.save(ignore_permissions=True)
	assert frappe.db.get_value("Budget Line", line, "remaining_amount") == 1_000_000


def test_a_line_set_to_warn_lets_the_spending_through(world):
	line = budget_line(world.a, 1_000_000, category="Training", status="Approved", on_overspend="Warn")
	course = frappe.get_doc(
		{
			"doctype": "Training Course",
			"course_title": "Kỹ năng giao tiếp, ứng xử",
			"topic_kind": "Communication and Conduct",
			"lead_agency": world.a,
			"sessions": [{"session_date": "2018-04-10"}],
			"cost": 1_500_000,
			"budget_line": line,
		}
	).insert(ignore_permissions=True)
	assert frappe.db.get_value("Budget Line", line, "remaining_amount") == -500_000
	assert [(c.voucher_type, c.voucher_name, c.amount) for c in frappe.get_all(
		"Budget Charge", filters={"budget_line": line}, fields=["voucher_type", "voucher_name", "amount"]
	)] == [("Training Course", course.name, 1_500_000)]  # fmt: skip
	frappe.delete_doc("Training Course", course.name, ignore_permissions=True)
	assert frappe.db.get_value("Budget Line", line, ["spent_amount", "remaining_amount"]) == (0, 1_000_000)


def test_nothing_is_charged_to_a_line_not_yet_approved(world):
	line = budget_line(world.a, 5_000_000)  # Draft
	with pytest.raises(OverspendError):
		secondment(civil_servant("Vũ Văn Chờ Duyệt", world.a), monthly_allowance=500_000, budget_line=line)


def test_the_uniform_entitlement_is_counted_over_the_year(world):
	frappe.db.set_single_value("Onestop Settings", "uniform_entitlement", 2_000_000)
	servant = civil_servant("Đỗ Thị Trang Phục", world.a)

	def issue(day, quantity, price=500_000):
		return frappe.get_doc(
			{
				"doctype": "Uniform Issue",
				"civil_servant": servant,
				"issue_date": day,
				"items": [{"item": "Bộ trang phục", "size": "L", "quantity": quantity, "unit_price": price}],
			}
		).insert(ignore_permissions=True)

	first = issue("2018-03-01", 3)
	assert first.total_amount == 1_500_000 and "1.500.000" in first.entitlement_note
	with pytest.raises(EntitlementError, match=r"2\.000\.000"):
		issue("2018-10-01", 2)
	issue("2018-10-01", 1)  # exactly the entitlement
	issue("2019-01-15", 4)  # a new year


def test_only_attendees_have_results_and_the_officer_record_shows_them(world):
	from onestop.resources.doctype.training_course.training_course import training_history

	servant = civil_servant("Bùi Văn Học Viên", world.a)
	absent = civil_servant("Ngô Thị Vắng Mặt", world.a)
	course = {
		"doctype": "Training Course",
		"course_title": "Sử dụng phần mềm một cửa điện tử",
		"topic_kind": "One-stop IT System",
		"lead_agency": world.a,
		"co_organisers": [{"agency": world.b}],
		"sessions": [
			{"session_date": "2018-05-08"},
			{"session_date": "2018-05-07", "part_of_day": "Morning"},
		],
		"participants": [
			{"civil_servant": servant, "attended": 1, "score": 8.5, "result": "Passed"},
			{"civil_servant": absent, "attended": 0, "result": "Passed"},
		],
	}
	with pytest.raises(frappe.ValidationError, match="did not attend"):
		frappe.get_doc(course).insert(ignore_permissions=True)
	course["participants"][1]["result"] = None
	doc = frappe.get_doc(course).insert(ignore_permissions=True)
	assert (str(doc.start_date), str(doc.end_date)) == ("2018-05-07", "2018-05-08")
	history = training_history(servant)
	assert [(h.course, h.attended, h.score, h.result) for h in history] == [(doc.name, 1, 8.5, "Passed")]
	record = frappe.get_doc("Civil Servant", servant)
	record.run_method("onload")
	assert record.get_onload().training[0].course == doc.name


# ------------------------------------------------------------------ construction
def hq_project(world):
	"""Seed 000, II.6.c: the headquarters, led by the construction department, six milestones."""
	project = frappe.get_doc(
		{
			"doctype": "Construction Project",
			"project_name": "Trụ sở Trung tâm Phục vụ HCC",
			"lead_agency": world.a,
		}
	).insert(ignore_permissions=True)
	plan = [  # name, weight, planned start, planned end
		("Khảo sát, lập dự án", 5, D(2018, 3, 1), D(2018, 3, 31)),
		("Thiết kế", 10, D(2018, 4, 1), D(2018, 5, 31)),
		("Cấp phép, đấu thầu", 15, D(2018, 6, 1), D(2018, 7, 31)),
		("Thi công phần thô", 40, D(2018, 8, 1), D(2018, 12, 31)),
		("Hoàn thiện, lắp đặt CNTT", 20, D(2019, 1, 1), D(2019, 3, 31)),
		("Nghiệm thu, bàn giao", 10, D(2019, 4, 1), D(2019, 4, 30)),
	]
	names = [
		frappe.get_doc(
			{
				"doctype": "Construction Milestone",
				"project": project.name,
				"milestone_name": n,
				"weight": w,
				"planned_start": s,
				"planned_end": e,
			}
		)
		.insert(ignore_permissions=True)
		.name
		for n, w, s, e in plan
	]
	return project.name, names


def test_weighted_progress_lateness_and_slippage_as_of_a_date(world):
	from onestop.resources.doctype.construction_project.construction_project import (
		progress_as_of,
		set_baseline,
	)

	project, m = hq_project(world)
	assert set_baseline(project) == 6 and set_baseline(project) == 0
	with at(dt.datetime(2018, 9, 15, 9, 0)):

		def update(name, **values):
			doc = frappe.get_doc("Construction Milestone", name)
			doc.update(values)
			doc.save(ignore_permissions=True)

		update(m[0], status="Done", actual_end=D(2018, 3, 28))
		update(m[1], status="Done", actual_end=D(2018, 6, 10), planned_end=D(2018, 6, 10))  # moved, 10 days
		update(m[2], progress=60)
		update(m[3], progress=20)
		figures = frappe.db.get_value(
			"Construction Project", project, ["progress", "late_milestones", "slippage_days", "total_weight"]
		)
	# 5×100 + 10×100 + 15×60 + 40×20 = 3,200 / 100; permits were due 31/7: late; 15/9 − 31/7 = 46 days
	assert figures == (32.0, 1, 46, 100.0)
	assert progress_as_of(project, D(2018, 7, 31))["late"] == 0
	assert progress_as_of(project, D(2019, 1, 2))["late"] == 2  # and the structure by then
	assert frappe.db.get_value("Construction Milestone", m[1], "slippage_days") == 10
	with pytest.raises(frappe.ValidationError, match="100 % at most"):
		frappe.get_doc(
			{
				"doctype": "Construction Milestone",
				"project": project,
				"milestone_name": "Hạng mục phát sinh",
				"weight": 1,
				"planned_start": D(2019, 5, 1),
				"planned_end": D(2019, 5, 31),
			}
		).insert(ignore_permissions=True)


def test_construction_payments_are_charged_to_the_headquarters_line(world):
	line = budget_line(world.a, 5_000_000_000, category="Headquarters Construction", status="Allocated")
	project, m = hq_project(world)
	doc = frappe.get_doc("Construction Project", project)
	doc.budget_line = line
	doc.append("payments", {"payment_date": "2018-04-15", "amount": 1_200_000_000, "milestone": m[0]})
	doc.save(ignore_permissions=True)
	assert frappe.db.get_value("Budget Line", line, "spent_amount") == 1_200_000_000
	doc.append("payments", {"payment_date": "2018-09-15", "amount": 4_000_000_000, "milestone": m[3]})
	with pytest.raises(OverspendError):
		doc.save(ignore_permissions=True)


# ------------------------------------------------------------------ who sees what
def test_agency_officers_see_their_agency_finance_sees_every_line_leadership_reads_all(world):
	line_a = budget_line(world.a, 1_000_000)
	line_b = budget_line(world.b, 2_000_000)
	s_a = secondment(civil_servant("Cán bộ Sở A", world.a))
	s_b = secondment(civil_servant("Cán bộ Sở B", world.b))

	def visible(user, doctype):
		frappe.set_user(user)
		frappe.local.onestop_user_agencies = None
		try:
			return set(frappe.get_list(doctype, pluck="name"))
		finally:
			frappe.set_user("Administrator")

	assert {line_a, line_b} & visible(world.officer_a, "Budget Line") == {line_a}
	assert {s_a, s_b} & visible(world.officer_a, "Staff Secondment") == {s_a}
	assert {line_a, line_b} <= visible(world.finance, "Budget Line")
	assert {line_a, line_b} <= visible(world.leader, "Budget Line")
	assert {s_a, s_b} <= visible(world.leader, "Staff Secondment")
	assert not frappe.has_permission("Budget Line", "read", doc=line_b, user=world.officer_a)
	assert not frappe.has_permission("Staff Secondment", "write", doc=s_a, user=world.leader)


# ------------------------------------------------------------------ reports
def test_secondment_staffing_against_the_counters(world):
	from onestop.resources.report.secondment_staffing.secondment_staffing import execute

	for name, agency_name, required in (
		("_Test Quầy 01 - Sở A", world.a, 2),
		("_Test Quầy 02 - Sở B", world.b, 1),
	):
		frappe.get_doc(
			{
				"doctype": "Service Counter",
				"counter_name": name,
				"agency": agency_name,
				"staff_required": required,
			}
		).insert(ignore_permissions=True)
	on_duty = secondment(civil_servant("An", world.a), counter="_Test Quầy 01 - Sở A")
	frappe.db.set_value("Staff Secondment", on_duty, "status", "Active")
	later = secondment(civil_servant("Bình", world.a), counter="_Test Quầy 01 - Sở A", from_date="2018-07-01")
	frappe.db.set_value("Staff Secondment", later, "status", "Approved")
	secondment(civil_servant("Cường", world.b), counter="_Test Quầy 02 - Sở B")  # still proposed
	_c, rows, _m, _ch, summary = execute({"date": "2018-04-02"})
	got = {r["group"]: (r["required"], r["seconded"], r["gap"], r["officers"]) for r in rows}
	assert got[world.a] == (2, 1, 1, "An") and got[world.b] == (1, 0, 1, "")
	_c, rows, *_ = execute({"date": "2018-07-02", "group_by": "Counter"})
	assert {r["group"]: r["officers"] for r in rows}["_Test Quầy 01 - Sở A"] == "An, Bình"
	assert {s["label"]: s["value"] for s in summary}["Short"] >= 2


def test_budget_against_actual_per_category(world):
	from onestop.resources.report.budget_vs_actual.budget_vs_actual import execute

	allowances = budget_line(world.a, 12_000_000, year=2018, status="Allocated", allocated=10_000_000)
	budget_line(world.b, 6_000_000, category="Uniforms", year=2018, status="Approved")
	budget_line(world.b, 3_000_000, category="Uniforms", year=2018)  # draft: nothing to spend yet
	budget_line(world.a, 9_000_000, year=2019, status="Allocated")  # another year
	secondment(civil_servant("Đinh Văn Chi", world.a), monthly_allowance=700_000, budget_line=allowances)
	_c, rows, _m, _ch, summary = execute({"fiscal_year": 2018, "group_by": "Category"})
	got = {
		r["group"]: (r["lines"], r["requested"], r["spendable"], r["spent"], r["remaining"], r["used"])
		for r in rows
	}
	# 10 months × 700,000 = 7,000,000 of the 10,000,000 allocated
	assert got["Support Allowances"] == (1, 12_000_000, 10_000_000, 7_000_000, 3_000_000, 70.0)
	assert got["Uniforms"] == (2, 9_000_000, 6_000_000, 0, 6_000_000, 0.0)
	assert {s["label"]: s["value"] for s in summary}["Remaining"] == 9_000_000
	frappe.set_user(world.officer_a)
	frappe.local.onestop_user_agencies = None
	_c, rows, *_ = execute({"fiscal_year": 2018, "group_by": "Requesting Agency"})
	assert [r["group"] for r in rows] == [world.a]


# ------------------------------------------------------------------ reminders
def test_a_secondment_ending_is_announced_once_in_office_hours_of_working_days(world):
	from onestop.core.reminders import send_due_reminders

	name = secondment(civil_servant("Lý Thị Sắp Hết", world.a), from_date="2025-01-01", to_date="2025-09-30")
	frappe.db.set_value("Staff Secondment", name, "status", "Active")

	def notified():
		return frappe.db.count(
			"Notification Log", {"document_type": "Staff Secondment", "document_name": name}
		)

	assert send_due_reminders(dt.datetime(2025, 8, 25, 8, 30)) == 0 and notified() == 0  # 36 days before
	assert send_due_reminders(dt.datetime(2025, 9, 2, 8, 30)) == 0  # National Day
	assert send_due_reminders(dt.datetime(2025, 9, 3, 12, 0)) == 0  # lunch break
	sent = send_due_reminders(dt.datetime(2025, 9, 3, 8, 30))
	recipients = {USERS["coordinator"][0], world.officer_a}
	assert sent >= 2 and recipients <= set(
		frappe.get_all("Notification Log", filters={"document_name": name}, pluck="for_user")
	)
	again = notified()
	send_due_reminders(dt.datetime(2025, 9, 3, 14, 30))
	send_due_reminders(dt.datetime(2025, 9, 4, 8, 30))
	assert notified() == again  # never twice for the same event


def test_one_bad_secondment_does_not_stop_the_hourly_job(world):
	from onestop.resources.secondments import advance_secondments

	good = secondment(civil_servant("Lý Văn Tốt", world.a))
	bad = secondment(civil_servant("Lý Văn Hỏng", world.a), from_date="2018-02-01")
	for name in (good, bad):
		frappe.db.set_value("Staff Secondment", name, "status", "Approved")
	frappe.db.set_value("Staff Secondment", bad, "to_date", "2018-01-01")  # as a bad import could leave it
	errors = frappe.db.count("Error Log")
	done = advance_secondments(D(2018, 3, 5))
	assert good in done["started"] and bad not in done["started"]
	assert frappe.db.get_value("Staff Secondment", good, "status") == "Active"
	assert frappe.db.get_value("Staff Secondment", bad, "status") == "Approved"
	assert frappe.db.count("Error Log") == errors + 1
