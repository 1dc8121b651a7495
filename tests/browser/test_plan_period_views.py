"""Plan Task's Calendar and Gantt open on the filtered plan's period, in Chromium: the 2018 plan's
tasks are on screen at once (its calendar opens on a month of 2018, not today's; its Gantt is in
month scale, scrolled to where its first tasks are), for a coordinator who has never chosen a
Gantt scale. Screenshots in tests/artifacts/browser/period/."""

import datetime as dt
import re

import pytest
from conftest import ARTIFACTS, site_python
from journey import TIMEOUT, login, settle
from playwright.sync_api import expect
from test_journey import PASSWORD

VIEWER = "coordinator.period@onestop.localhost"  # made here: no view settings of its own yet


@pytest.fixture(scope="module")
def plan():
	"""The 2018 plan, its tasks' due dates, and a coordinator whose Plan Task view settings
	(the Gantt scale they last chose) are cleared."""
	return site_python(
		f"""
from frappe.utils.password import update_password
if not frappe.db.exists("User", {VIEWER!r}):
	frappe.get_doc({{"doctype": "User", "email": {VIEWER!r}, "first_name": "Điều phối", "last_name": "Kỳ kế hoạch",
		"send_welcome_email": 0, "language": "vi", "roles": [{{"role": "Plan Coordinator"}}]}}).insert(ignore_permissions=True)
update_password({VIEWER!r}, {PASSWORD!r})
frappe.db.delete("__UserSettings", {{"user": {VIEWER!r}}})
frappe.cache.hdel("_user_settings", "Plan Task::{VIEWER}")
plan = frappe.db.get_value("Annual Plan", {{"plan_number": "490/QĐ-UBND"}})
out["plan"] = plan
out["due"] = sorted(str(d) for d in frappe.get_all("Plan Task", filters={{"annual_plan": plan, "due_date": ("is", "set")}}, pluck="due_date"))
"""
	)


def shoot(page, name: str) -> None:
	folder = ARTIFACTS / "period"
	folder.mkdir(parents=True, exist_ok=True)
	page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


@pytest.fixture
def page(server, browser):
	context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="vi-VN")
	page = context.new_page()
	page.set_default_timeout(TIMEOUT)
	login(page, server, VIEWER, PASSWORD)
	yield page
	context.close()


def test_the_calendar_opens_on_the_plans_period(server, page, plan):
	assert plan["due"] and plan["due"][0].startswith("2018")
	page.goto(f"{server}/app/plan-task/view/calendar/default?annual_plan={plan['plan']}")
	settle(page)
	expect(page.locator(".fc-event").first).to_be_visible(timeout=TIMEOUT)
	settle(page)
	shown = page.evaluate(
		"""() => {
			const view = cur_list.calendar.$cal.fullCalendar("getView");
			return [view.start.format("YYYY-MM-DD"), view.end.format("YYYY-MM-DD")];
		}"""
	)
	start, end = (dt.date.fromisoformat(d) for d in shown)
	assert start.year in (2017, 2018) and end.year == 2018  # a month of the plan, not today's
	due_on_screen = [d for d in plan["due"] if start <= dt.date.fromisoformat(d) < end]
	assert due_on_screen, f"no task of the plan due between {start} and {end}"
	assert page.locator(".fc-event").count() >= 1
	shoot(page, "calendar-2018-plan")


def test_the_gantt_opens_by_month_on_the_plans_tasks(server, page, plan):
	page.goto(f"{server}/app/plan-task/view/gantt?annual_plan={plan['plan']}")
	settle(page)
	expect(page.locator(".gantt .bar-wrapper").first).to_be_visible(timeout=TIMEOUT)
	settle(page)
	assert page.evaluate("() => cur_list.gantt.options.view_mode") == "Month"
	# the scale button lit is "Tháng" (Month), not "Ngày" (Day)
	expect(page.locator(".gantt-view-mode .btn-info")).to_have_text(re.compile(r"^\s*Tháng\s*$"))
	# the bars within the part of the chart on screen
	visible = page.evaluate(
		"""() => {
			const box = document.querySelector(".gantt-container") || document.querySelector(".gantt").parentElement;
			const left = box.scrollLeft, right = box.scrollLeft + box.clientWidth;
			return [...document.querySelectorAll(".gantt .bar-wrapper")].filter((bar) => {
				const rect = bar.querySelector("rect.bar");
				const x = +rect.getAttribute("x"), w = +rect.getAttribute("width");
				return x + w >= left && x <= right;
			}).map((bar) => bar.getAttribute("data-id"));
		}"""
	)
	assert visible, "no task of the plan in the Gantt's first screen"
	names = set(
		site_python(
			f"out['names'] = frappe.get_all('Plan Task', filters={{'annual_plan': {plan['plan']!r}}}, pluck='name')"
		)["names"]
	)
	assert set(visible) <= names
	# the chart spans the plan's period, not today's: every task drawn has a date (frappe-gantt
	# would draw one without at today, stretching the chart to a year past today), and the chart
	# runs from January 2018 to a year past the plan's last date (month scale)
	assert page.evaluate("() => cur_list.data.every((d) => d.start_date || d.due_date)")
	span = page.evaluate(
		"() => [cur_list.gantt.gantt_start.getFullYear(), cur_list.gantt.gantt_end.getFullYear()]"
	)
	assert span[0] == 2018 and span[1] <= 2020, span
	shoot(page, "gantt-2018-plan")
