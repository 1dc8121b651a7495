"""Two departments' shares of one task, in Chromium: Sở Nội vụ and Sở Xây dựng each submit
their share of II.1.a-1 (each department issues its own secondment decision, led by "Các Sở,
ban, ngành"); the coordinator opens the matrix, returns one share and accepts the other."""

import pytest
from conftest import BENCH, site_python
from journey import TIMEOUT, dialog, login, open_form, primary, settle, status_is, workflow_action
from playwright.sync_api import expect
from test_journey import COORDINATOR, PASSWORD

DEPARTMENTS = {"officer.snv@onestop.localhost": "Sở Nội vụ", "officer.sxd@onestop.localhost": "Sở Xây dựng"}


@pytest.fixture(scope="module")
def shares():
	"""The two departments' shares of II.1.a-1, set back to Not Started."""
	return site_python(
		f"""
plan = frappe.db.get_value("Annual Plan", {{"plan_number": "490/QĐ-UBND"}})
task = frappe.db.get_value("Plan Task", {{"annual_plan": plan, "item_key": "II.1.a-1"}})
out["plan"], out["task"], out["shares"] = plan, task, {{}}
for agency in {list(DEPARTMENTS.values())!r}:
	name = frappe.db.get_value("Plan Task Assignment", {{"plan_task": task, "agency": agency}})
	frappe.db.set_value("Plan Task Assignment", name, {{"status": "Not Started", "progress": 0, "return_reason": None}})
	frappe.db.delete("Plan Task Update", {{"parent": name}})
	out["shares"][agency] = name
"""
	)


def test_two_departments_submit_their_shares_and_the_coordinator_settles_them_in_the_matrix(
	server, browser, shots, shares
):
	base = server
	for user, agency in DEPARTMENTS.items():
		page = browser.new_context(viewport={"width": 1400, "height": 900}, locale="vi-VN").new_page()
		page.set_default_timeout(TIMEOUT)
		login(page, base, user, PASSWORD)
		page.goto(f"{base}/app/plan-task-assignment?plan_task={shares['task']}")
		settle(page)
		rows = page.locator(".list-row-container a[data-name]")
		assert rows.count() == 1  # the department sees its own share only
		open_form(page, base, f"plan-task-assignment/{shares['shares'][agency]}")
		workflow_action(page, "Bắt đầu thực hiện")
		status_is(page, "In Progress")
		page.get_by_role("button", name="Cập nhật tiến độ").click()
		dialog(page).locator("input[data-fieldname=progress]").fill("100")
		dialog(page).locator("textarea[data-fieldname=note]").fill(
			f"{agency} đã ban hành quyết định biệt phái"
		)
		primary(page)
		workflow_action(page, "Gửi báo cáo kết quả")
		status_is(page, "Submitted")
		shots(page, f"share-submitted-{agency}")
		page.context.close()

	coordinator = browser.new_context(viewport={"width": 1600, "height": 900}, locale="vi-VN").new_page()
	coordinator.set_default_timeout(TIMEOUT)
	login(coordinator, base, COORDINATOR, PASSWORD)
	coordinator.goto(f"{base}/app/query-report/Assignment Matrix?annual_plan={shares['plan']}")
	settle(coordinator)
	for agency in DEPARTMENTS.values():
		expect(
			coordinator.locator(f'a[href="/app/plan-task-assignment/{shares["shares"][agency]}"]')
		).to_be_visible()
	shots(coordinator, "coordinator-matrix")
	href = coordinator.locator(
		f'a[href="/app/plan-task-assignment/{shares["shares"]["Sở Nội vụ"]}"]'
	).get_attribute("href")
	open_form(coordinator, base, href.removeprefix("/app/"))  # the cell opens the department's share
	workflow_action(coordinator, "Chấp nhận hoàn thành")
	status_is(coordinator, "Done")
	open_form(coordinator, base, f"plan-task-assignment/{shares['shares']['Sở Xây dựng']}")
	workflow_action(coordinator, "Trả lại")
	dialog(coordinator).locator("textarea").first.fill("Đề nghị gửi kèm quyết định đã ký")
	primary(coordinator)
	status_is(coordinator, "Returned")
	shots(coordinator, "coordinator-returned-a-share")

	final = site_python(
		f"out['s'] = {{a: frappe.db.get_value('Plan Task Assignment', n, 'status') for a, n in {shares['shares']!r}.items()}}"
	)
	assert final["s"] == {"Sở Nội vụ": "Done", "Sở Xây dựng": "Returned"}
