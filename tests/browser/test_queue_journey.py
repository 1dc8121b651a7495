"""Queue numbers in Chromium: a citizen takes a number at the kiosk as Guest (on a 390 px phone
screen), the receiving officer calls it from the counter's panel on the reception screen, and the
hall's screen (Guest) shows it within two seconds of the click, through Frappe's realtime (its
socket connected, not the fallback poll). The ticket prints on an 80 mm page. No console error,
no failed request, no English word on the public pages (their language switch aside)."""

import time

import pytest
from conftest import BENCH, site_python
from journey import TIMEOUT, login
from playwright.sync_api import expect
from sweep import Recorder, english_words
from sweep import settle as settle_all

DEMO_PASSWORD = __import__("json").loads((BENCH / "fixtures" / "demo" / "users.json").read_text("utf-8"))[
	"password"
]
RECEIVER = "receiver@onestop.localhost"
SHOWN_WITHIN = 2.0  # seconds from the officer's click to the number on the hall's screen
PUBLIC_TEXT = "() => { const m = document.querySelector('main.onestop-queue').cloneNode(true); m.querySelectorAll('.queue-lang, script, style').forEach((e) => e.remove()); return m.innerText; }"


@pytest.fixture(scope="module")
def counter():
	"""A demo counter that calls at least one field, its first field; today's waiting tickets of
	its fields from earlier runs sent home, and its ticket at the counter finished."""
	return site_python(
		"""
from onestop.procedures.queue import counter_fields, served_fields
from onestop.core.clock import now
served = {f.field: f for f in served_fields()}
for name in frappe.get_all("Service Counter", filters={"is_active": 1}, pluck="name", order_by="sort_order, name"):
	fields = [f for f in counter_fields(name) if f in served]
	if fields:
		break
frappe.db.set_value("Queue Ticket", {"ticket_date": now().date(), "status": ("in", ["Waiting", "Called", "Serving"]),
	"field": ("in", counter_fields(name))}, "status", "No-show")
frappe.db.set_value("Service Counter", name, "current_ticket", None)
out.update(counter=name, field=fields[0], field_name=served[fields[0]].field_name)
frappe.cache.delete_value("onestop_queue_display")
"""
	)


def test_a_number_taken_at_the_kiosk_is_called_and_shown_on_the_hall_screen(server, browser, shots, counter):
	base = server
	# the hall's screen: Guest, a wide screen, English asked for by the browser (Vietnamese anyway)
	hall = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="en-US")
	screen = hall.new_page()
	screen.set_default_timeout(TIMEOUT)
	screen_errors = Recorder(screen, base)
	screen.goto(f"{base}/man-hinh-goi-so")
	expect(screen.locator(f'[data-counter="{counter["counter"]}"]')).to_be_visible()
	screen.wait_for_function(
		"() => frappe.realtime.socket && frappe.realtime.socket.connected", timeout=TIMEOUT
	)

	# the kiosk: Guest on a 390 px screen
	kiosk_context = browser.new_context(
		viewport={"width": 390, "height": 844}, locale="en-US", has_touch=True
	)
	kiosk = kiosk_context.new_page()
	kiosk.set_default_timeout(TIMEOUT)
	kiosk_errors = Recorder(kiosk, base)
	kiosk.goto(f"{base}/lay-so")
	button = kiosk.locator(f'.kiosk-field[data-field="{counter["field"]}"]')
	expect(button).to_contain_text(counter["field_name"])
	assert kiosk.evaluate("() => document.documentElement.scrollWidth") <= 390  # nothing sideways
	kiosk_text = kiosk.evaluate(PUBLIC_TEXT)
	shots(kiosk, "queue-kiosk")
	button.click()
	expect(kiosk.locator("#kiosk-ticket")).to_be_visible()
	number = kiosk.locator("#ticket-number").inner_text().strip()
	assert number
	expect(kiosk.locator("#ticket-field")).to_have_text(counter["field_name"])
	expect(kiosk.locator("#ticket-ahead")).to_contain_text("Số người chờ trước bạn: 0")
	shots(kiosk, "queue-kiosk-ticket")
	ticket_text = kiosk.evaluate(PUBLIC_TEXT)
	stored = site_python(
		f"""out.update(frappe.db.get_value("Queue Ticket", {{"ticket_number": {number!r}, "field": {counter["field"]!r}}},
	["name", "status"], as_dict=True, order_by="taken_at desc"))"""
	)
	assert stored["status"] == "Waiting"

	# the printed ticket: the number on an 80 mm page
	printed = kiosk_context.new_page()
	printed.goto(f"{base}/phieu-so?so={stored['name']}&in=1")
	expect(printed.locator(".queue-ticket-number")).to_have_text(number)
	pdf = printed.pdf(prefer_css_page_size=True)
	assert pdf[:4] == b"%PDF"
	printed_text = printed.evaluate(PUBLIC_TEXT)
	printed.close()

	# the receiving officer calls it from the counter's panel on the reception screen
	desk = browser.new_context(viewport={"width": 1400, "height": 900}, locale="vi-VN")
	officer = desk.new_page()
	officer.set_default_timeout(TIMEOUT)
	officer_errors = Recorder(officer, base)
	login(officer, base, RECEIVER, DEMO_PASSWORD)
	officer.goto(f"{base}/app/reception")
	panel = officer.locator(".onestop-queue-panel .queue-panel")
	expect(panel).to_be_visible()
	officer.select_option(".onestop-queue-panel .queue-counter", counter["counter"])
	expect(officer.locator(".onestop-queue-panel .queue-counter")).to_have_value(counter["counter"])
	expect(officer.locator(".onestop-queue-panel .queue-call")).to_be_enabled()
	settle_all(officer)
	row = f'[data-counter="{counter["counter"]}"] .display-number'
	started = time.monotonic()
	officer.locator(".onestop-queue-panel .queue-call").click()
	screen.wait_for_function(
		f"() => document.querySelector({row!r}).textContent.trim() === {number!r}",
		timeout=SHOWN_WITHIN * 1000,
	)
	seconds = time.monotonic() - started
	print(f"\nqueue: {number} on the hall's screen {seconds:.2f} s after the officer's click")
	assert seconds < SHOWN_WITHIN
	assert not screen.evaluate("() => window.onestopQueueDisplay.polling()")  # realtime, not the poll
	expect(screen.locator("#display-recent li").first).to_contain_text(number)
	expect(panel.locator(".queue-number")).to_have_text(number)
	shots(screen, "queue-hall-screen")
	shots(officer, "queue-counter-panel")

	# the officer serves and finishes it; the hall's screen clears the counter
	panel.locator(".queue-start").click()
	expect(panel.locator(".queue-status")).to_have_text("Đang phục vụ")
	panel.locator(".queue-finish").click()
	expect(screen.locator(row)).to_have_text("—", timeout=5000)
	row_state = site_python(
		f"""out.update(frappe.db.get_value("Queue Ticket", {stored["name"]!r}, ["status", "counter", "called_by"], as_dict=True))"""
	)
	assert row_state == {"status": "Done", "counter": counter["counter"], "called_by": RECEIVER}

	screen_text = screen.evaluate(PUBLIC_TEXT)
	for text in (kiosk_text, ticket_text, printed_text, screen_text):
		assert not english_words(text), english_words(text)
	settle_all(officer)
	for recorder in (screen_errors, kiosk_errors, officer_errors):
		assert recorder.take() == []
	for context in (hall, kiosk_context, desk):
		context.close()
