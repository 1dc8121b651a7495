"""A plan task and a weekly report taken through the desk as people do, in Chromium: the
coordinator assigns a Q2 task of the 2018 plan to its agency; that agency's officer sees only
what is theirs, records progress and submits; the coordinator returns it with a reason, then
accepts it; the officer files the weekly report; the coordinator reads the consolidated
report. Each step leaves a screenshot in tests/artifacts/browser/."""

import json

import pytest
from conftest import BENCH, site_python
from journey import TIMEOUT, dialog, list_names, login, open_form, primary, settle, status_is, workflow_action
from playwright.sync_api import expect

DEMO = json.loads((BENCH / "fixtures" / "demo" / "users.json").read_text(encoding="utf-8"))
PASSWORD = DEMO["password"]
COORDINATOR = "coordinator@onestop.localhost"
OFFICER = "officer.snv@onestop.localhost"  # Sở Nội vụ
AGENCY = "Sở Nội vụ"


@pytest.fixture(scope="module")
def world():
	"""A task of the 2018 plan led by Sở Nội vụ alone (II.6.b-3, Q2: staffing and rewards) set back to
	Not Started and unassigned, and this week's weekly report of Sở Nội vụ made afresh."""
	return site_python(
		f"""
from onestop.planning.weekly_reports import create_weekly_reports
from onestop.weekly_cycle import Week
from onestop.core.clock import now
plan = frappe.db.get_value("Annual Plan", {{"plan_number": "490/QĐ-UBND"}})
task = frappe.db.get_value("Plan Task", {{"annual_plan": plan, "item_key": "II.6.b-3"}})
frappe.db.set_value("Plan Task", task, {{"status": "Not Started", "return_reason": None, "assigned_agency": None, "progress": 0}})
frappe.db.delete("ToDo", {{"reference_type": "Plan Task", "reference_name": task}})
frappe.db.delete("Plan Task Update", {{"parent": task}})
week = Week.of(now()).label
frappe.db.delete("Weekly Report", {{"agency": {AGENCY!r}, "week": week}})
create_weekly_reports()
report = frappe.db.get_value("Weekly Report", {{"agency": {AGENCY!r}, "week": week}})
other = frappe.db.get_value("Plan Task", {{"annual_plan": plan, "ref": "II.6.c"}})  # Sở Xây dựng's
out.update(plan=plan, task=task, week=week, report=report, other=other)
"""
	)


def test_a_task_and_a_weekly_report_through_the_desk(server, browser, shots, world):
	base, task = server, world["task"]
	coordinator = browser.new_context(viewport={"width": 1400, "height": 900}, locale="vi-VN").new_page()
	officer = browser.new_context(viewport={"width": 1400, "height": 900}, locale="vi-VN").new_page()
	coordinator.set_default_timeout(TIMEOUT)
	officer.set_default_timeout(TIMEOUT)

	# the coordinator opens the 2018 plan's tasks of Q2 and assigns one to Sở Nội vụ
	login(coordinator, base, COORDINATOR, PASSWORD)
	coordinator.goto(f"{base}/app/plan-task?annual_plan={world['plan']}&quarter=Q2")
	settle(coordinator)
	shots(coordinator, "coordinator-q2-tasks")
	expect(coordinator.locator(f'.list-row-container a[data-name="{task}"]')).to_be_visible()
	open_form(coordinator, base, f"plan-task/{task}")
	coordinator.get_by_role("button", name="Giao cho cơ quan").click()
	field = dialog(coordinator).locator("input[data-fieldname=agency]")
	field.click()
	field.fill("")
	field.type(AGENCY, delay=30)
	dialog(coordinator).locator(f'ul[role=listbox] [role=option] p[title="{AGENCY}"]').click()
	dialog(coordinator).locator(".btn-primary").click()
	settle(coordinator)
	shots(coordinator, "coordinator-assigned")
	assigned = site_python(
		f"out['todos'] = frappe.get_all('ToDo', filters={{'reference_name': {task!r}, 'status': 'Open'}}, pluck='allocated_to')"
	)
	assert assigned["todos"] == [OFFICER]

	# the officer sees only what their agency is on, records progress and submits
	login(officer, base, OFFICER, PASSWORD)
	officer.goto(f"{base}/app/plan-task?name={world['other']}")
	settle(officer)
	assert list_names(officer) == []  # Sở Xây dựng's task is not theirs
	open_form(officer, base, f"plan-task/{task}")
	workflow_action(officer, "Bắt đầu thực hiện")
	status_is(officer, "In Progress")
	officer.get_by_role("button", name="Cập nhật tiến độ").click()
	dialog(officer).locator("input[data-fieldname=progress]").fill("80")
	dialog(officer).locator("textarea[data-fieldname=note]").fill("Đã trình phương án phân bổ biên chế")
	primary(officer)
	workflow_action(officer, "Gửi báo cáo kết quả")
	status_is(officer, "Submitted")
	shots(officer, "officer-submitted")

	# the coordinator returns it with a reason
	open_form(coordinator, base, f"plan-task/{task}")
	workflow_action(coordinator, "Trả lại")
	dialog(coordinator).locator("textarea").first.fill("Đề nghị đính kèm dự thảo tờ trình")
	primary(coordinator)
	status_is(coordinator, "Returned")
	shots(coordinator, "coordinator-returned")

	# the officer takes it up again and resubmits; the coordinator accepts it
	open_form(officer, base, f"plan-task/{task}")
	expect(officer.locator("body")).to_contain_text("Đề nghị đính kèm dự thảo tờ trình")
	workflow_action(officer, "Tiếp tục thực hiện")
	status_is(officer, "In Progress")
	workflow_action(officer, "Gửi báo cáo kết quả")
	status_is(officer, "Submitted")
	open_form(coordinator, base, f"plan-task/{task}")
	workflow_action(coordinator, "Chấp nhận hoàn thành")
	status_is(coordinator, "Done")
	shots(coordinator, "coordinator-accepted")

	# the officer files this week's report
	open_form(officer, base, f"weekly-report/{world['report']}")
	officer.locator("textarea[data-fieldname=problems]").fill("Đường truyền mạng tại quầy chậm vào buổi sáng")
	officer.locator("textarea[data-fieldname=remedies]").fill(
		"Đề nghị Sở Thông tin và Truyền thông kiểm tra đường truyền"
	)
	officer.keyboard.press("Control+s")
	settle(officer)
	workflow_action(officer, "Gửi")
	status_is(officer, "Submitted")
	shots(officer, "officer-weekly-report-filed")

	# the coordinator reads the consolidated report of the week
	coordinator.goto(f"{base}/app/query-report/Consolidated Weekly Report?week={world['week']}")
	settle(coordinator)
	expect(coordinator.locator(".dt-scrollable")).to_contain_text(AGENCY, timeout=TIMEOUT)
	expect(coordinator.locator(".dt-scrollable")).to_contain_text("Đường truyền mạng", timeout=TIMEOUT)
	shots(coordinator, "coordinator-consolidated-report")

	final = site_python(
		f"out['task'] = frappe.db.get_value('Plan Task', {task!r}, ['status', 'progress', 'return_reason'], as_dict=True)\n"
		f"out['updates'] = frappe.get_all('Plan Task Update', filters={{'parent': {task!r}}}, fields=['progress', 'note'], order_by='idx')\n"
		f"out['report'] = frappe.db.get_value('Weekly Report', {world['report']!r}, ['status', 'problems'], as_dict=True)"
	)
	assert final["task"]["status"] == "Done" and final["task"]["progress"] == 100  # accepted: complete
	assert [(u["progress"], u["note"]) for u in final["updates"]] == [
		(80, "Đã trình phương án phân bổ biên chế"),  # the officer's progress
		(80, "Trả lại: Đề nghị đính kèm dự thảo tờ trình"),  # the return, with its reason
	]
	assert final["report"]["status"] == "Submitted"
