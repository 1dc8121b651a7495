"""The journey steps, driven in Chromium (imported by test_journey.py)."""

import re
import time

from playwright.sync_api import Page, expect

TIMEOUT = 20_000


def login(page: Page, base: str, user: str, password: str) -> None:
	page.goto(f"{base}/login")
	page.fill("#login_email", user)
	page.fill("#login_password", password)
	page.click(".btn-login")
	page.wait_for_url(re.compile(r".*/app.*"), timeout=TIMEOUT)


def settle(page: Page) -> None:
	page.wait_for_load_state("networkidle", timeout=TIMEOUT)
	time.sleep(0.5)


def open_form(page: Page, base: str, route: str) -> None:
	page.goto(f"{base}/app/{route}")
	settle(page)
	expect(page.locator(".page-head .title-text").first).to_be_visible(timeout=TIMEOUT)


def workflow_action(page: Page, label: str) -> None:
	"""Open the form's Actions menu and choose `label` (a translated workflow action)."""
	page.locator(".page-actions .actions-btn-group > button").first.click()
	page.locator(".page-actions .actions-btn-group .dropdown-menu a", has_text=label).first.click()
	settle(page)


def dialog(page: Page):
	return page.locator(".modal.show").last


def primary(page: Page) -> None:
	dialog(page).locator(".btn-primary").first.click()
	settle(page)


def form_value(page: Page, field: str):
	return page.evaluate(f"() => cur_frm && cur_frm.doc[{field!r}]")


def status_is(page: Page, status: str) -> None:
	"""Wait until the open form's document is in workflow state `status` (the stored value)."""
	deadline = time.time() + TIMEOUT / 1000
	while form_value(page, "status") != status:
		if time.time() > deadline:
			raise AssertionError(f"the form shows {form_value(page, 'status')!r}, not {status!r}")
		time.sleep(0.25)


def list_names(page: Page) -> list[str]:
	rows = page.locator(".list-row-container a[data-name]")
	return [rows.nth(i).get_attribute("data-name") for i in range(rows.count())]
