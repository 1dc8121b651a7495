"""Every screen of every role, in Chromium, on the demo site: each role's workspaces (with their
number cards and charts), the list, new form and one record of every DocType of the app it can
read, every report with its default filters, the Kanban, Calendar, Gantt and tree views, every
print format (the print view and its PDF), and the public pages as Guest. A screen fails on an
uncaught script error, an error in the console, a response of 400 or more from the site (other
than the refusals listed in sweep.REFUSALS, each with its reason), "Đang tải..." still shown once
the page is idle, or an English word in the desk (sweep.english_words). Each screen's screenshot
is kept in tests/artifacts/browser/sweep/ with an index.html; each role's test lists every
problem of its screens at once.

Also: each report's Excel export (the report's Export menu, as a user does it) is a workbook
with the report's rows, each report answers in a few seconds with its default filters, and no
report of the app is a prepared (background) report unless listed in PREPARED."""

from __future__ import annotations

import io
import json
import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote

import pytest
from conftest import ARTIFACTS, BENCH, CHROMIUM, site_python
from sweep import (
	PLAN_SCRIPT,
	ROLES,
	TIMEOUT,
	VISIBLE_TEXT,
	Recorder,
	Screen,
	Shot,
	english_words,
	evaluate,
	screens_of,
	settle,
	slug,
	still_loading,
	write_index,
)

DEMO_PASSWORD = json.loads((BENCH / "fixtures" / "demo" / "users.json").read_text(encoding="utf-8"))[
	"password"
]
SWEEP = ARTIFACTS / "sweep"
GUEST = "Guest"
PARALLEL = 3  # roles swept at once (each its own Chromium); the stack has 2 cores
PREPARED: dict[str, str] = {}  # report → why it runs in the background (none does)
REPORT_SECONDS = 5  # a report with its default filters, on the demo site


def admin_password() -> str:
	import sys

	sys.path.insert(0, str(BENCH))
	from ops.sites import DEMO_ADMIN_PASSWORD

	return DEMO_ADMIN_PASSWORD


def launch(p):
	return p.chromium.launch(
		executable_path=CHROMIUM,
		args=["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
	)


def new_page(browser):
	context = browser.new_context(
		viewport={"width": 1400, "height": 900}, locale="vi-VN", accept_downloads=True
	)
	page = context.new_page()
	page.set_default_timeout(TIMEOUT)
	return page


def login(page, base: str, user: str) -> None:
	"""Log in through the login page (tried three times: the app server may be restarting)."""
	password = admin_password() if user == "Administrator" else DEMO_PASSWORD
	for attempt in range(3):
		try:
			page.goto(f"{base}/login")
			page.fill("#login_email", user)
			page.fill("#login_password", password)
			page.click(".btn-login")
			page.wait_for_url(lambda url: "/app" in url, timeout=TIMEOUT)
			return
		except Exception:
			if attempt == 2:
				raise
			time.sleep(10)


@pytest.fixture(scope="module")
def plan(server):
	return site_python(f"ROLES = {ROLES!r}\n" + PLAN_SCRIPT)


# Opened again once, the second visit judged: the stack restarting (502-504, a dropped request)
# or its database briefly gone (a 500 when the fault tests restart it on the same machine); a
# 500 of the screen itself comes back on the second visit and is reported then
TRANSIENT = ("HTTP 5", "did not open", "request failed", "console error: Error connecting to socket.io")


def visit(page, recorder: Recorder, base: str, screen: Screen, number: int, folder) -> Shot:
	"""One screen, opened again (twice at most) when the app server was restarting under it: a
	502 from nginx while the stack restarts its workers is not the screen's fault."""
	shot = visit_once(page, recorder, base, screen, number, folder)
	for pause in (10, 30):
		if not any(p.startswith(TRANSIENT) for p in shot.problems):
			break
		time.sleep(pause)
		shot = visit_once(page, recorder, base, screen, number, folder)
	return shot


def visit_once(page, recorder: Recorder, base: str, screen: Screen, number: int, folder) -> Shot:
	started = time.time()
	recorder.take()  # what the previous screen left behind was judged with it
	problems: list[str] = []
	try:
		page.goto(base + screen.path, wait_until="domcontentloaded")
		settle(page)
	except Exception as exc:
		problems.append(f"did not open: {str(exc).splitlines()[0][:200]}")
	problems += recorder.take()
	problems += [f"still showing {text!r} once idle" for text in still_loading(page)]
	if screen.kind in ("page", "print"):
		text = evaluate(page, "() => document.body.innerText")
	else:
		text = evaluate(page, VISIBLE_TEXT)
		if page.url.rstrip("/").endswith("/login"):
			problems.append("sent back to the login page")
	words = sorted(set(english_words(text)))
	if words:
		problems.append("English: " + ", ".join(words))
	if screen.kind == "print":
		problems += pdf_problems(page, base, screen)
	file = f"{slug(folder.name)}/{number:03d}-{slug(screen.kind + '-' + screen.name)}.png"
	try:
		page.screenshot(path=str(SWEEP / file), full_page=True, timeout=TIMEOUT)
	except Exception as exc:
		problems.append(f"no screenshot: {str(exc).splitlines()[0][:200]}")
	return Shot(screen, file, problems, time.time() - started)


def pdf_problems(page, base: str, screen: Screen) -> list[str]:
	"""The print format as a PDF, as the print view's PDF button fetches it."""
	query = screen.path.split("?", 1)[1]
	resp = page.request.get(
		f"{base}/api/method/frappe.utils.print_format.download_pdf?{query}", timeout=60_000
	)
	body = resp.body()
	if resp.status != 200 or not body.startswith(b"%PDF"):
		return [f"PDF: HTTP {resp.status} {resp.headers.get('content-type')} {body[:120]!r}"]
	return []


def sweep_role(role: str, plan: dict, base: str) -> list[Shot]:
	from playwright.sync_api import sync_playwright

	folder = SWEEP / slug(role)
	folder.mkdir(parents=True, exist_ok=True)
	shots: list[Shot] = []
	with sync_playwright() as p:
		browser = launch(p)
		page = new_page(browser)
		recorder = Recorder(page, base)
		if role == GUEST:
			screens = [
				Screen("page", "tra-cuu-ho-so", "/tra-cuu-ho-so"),
				Screen("page", "tra-cuu-ho-so (a dossier)", "/" + plan["status_url"]),
				Screen(
					"page", "tra-cuu-ho-so (a wrong token)", "/" + plan["status_url"].split("&t=")[0] + "&t=x"
				),
				Screen("page", "lay-so (the kiosk)", "/lay-so"),
				Screen("page", "man-hinh-goi-so (the hall display)", "/man-hinh-goi-so"),
				Screen("page", "phieu-so (an unknown ticket)", "/phieu-so?so=X999"),
			]
			if plan.get("ticket"):
				screens.append(Screen("page", "phieu-so (a ticket)", f"/phieu-so?so={quote(plan['ticket'])}"))
		else:
			try:
				login(page, base, ROLES[role])
			except Exception as exc:
				shots.append(Shot(Screen("login", role, "/login"), "", [f"cannot log in: {exc}"]))
				browser.close()
				return shots
			problems = recorder.take()
			if problems:
				shots.append(Shot(Screen("login", role, "/login"), "", problems))
			screens = screens_of(role, plan)
		for number, screen in enumerate(screens, 1):
			shots.append(visit(page, recorder, base, screen, number, folder))
		browser.close()
	return shots


@pytest.fixture(scope="module")
def swept(request, server, plan):
	"""Every selected role swept (PARALLEL at a time); the screenshots and their index written."""
	wanted = [
		item.callspec.params["role"]
		for item in request.session.items
		if item.originalname == "test_every_screen_of_a_role" and hasattr(item, "callspec")
	]
	if SWEEP.exists():
		shutil.rmtree(SWEEP)
	SWEEP.mkdir(parents=True)
	results: dict[str, list[Shot]] = {}
	lock = threading.Lock()

	def run(role):
		try:
			shots = sweep_role(role, plan, server)
		except Exception as exc:  # the sweep of that role broke: its test says so
			shots = [Shot(Screen("sweep", role, ""), "", [f"the sweep stopped: {exc!r}"])]
		with lock:
			results[role] = shots

	with ThreadPoolExecutor(PARALLEL) as pool:
		list(pool.map(run, wanted))
	ordered = {role: results[role] for role in wanted}
	write_index(SWEEP, ordered)
	return ordered


@pytest.mark.parametrize("role", [*ROLES, GUEST])
def test_every_screen_of_a_role(role, swept):
	shots = swept[role]
	assert len(shots) >= (3 if role == GUEST else 10), f"{role} reached only {len(shots)} screens"
	problems = [
		f"{role} › {s.screen.label} ({s.screen.path}):\n      " + "\n      ".join(s.problems)
		for s in shots
		if s.problems
	]
	assert not problems, f"{len(problems)} of {len(shots)} screens of {role} have problems:\n" + "\n".join(
		problems
	)


def test_no_report_of_the_app_is_prepared_by_surprise(plan):
	prepared = {r["name"] for r in plan["reports"] if r["prepared_report"]}
	assert prepared <= set(PREPARED), (
		f"prepared (background) reports nobody declared: {sorted(prepared - set(PREPARED))}"
	)


def test_each_report_answers_quickly_and_exports_its_rows_to_excel(server, plan, browser):
	"""As Administrator (every row): the report with its default filters, its run timed, then
	Export → Excel through the report's own dialog; the workbook holds the rows shown."""
	from openpyxl import load_workbook

	page = new_page(browser)
	login(page, server, "Administrator")
	problems = []
	for report in [r["name"] for r in plan["reports"]]:
		page.goto(f"{server}/app/query-report/{quote(report)}")
		settle(page)
		page.wait_for_function(
			"() => frappe.query_report && frappe.query_report.report_name", timeout=TIMEOUT
		)
		seconds = page.evaluate(
			"""async (name) => {
				const started = performance.now();
				await frappe.xcall('frappe.desk.query_report.run', {report_name: name,
					filters: frappe.query_report.get_filter_values(), ignore_prepared_report: 1});
				return (performance.now() - started) / 1000;
			}""",
			report,
		)
		if seconds > REPORT_SECONDS:
			problems.append(f"{report}: {seconds:.1f} s with its default filters (over {REPORT_SECONDS} s)")
		shown = page.evaluate("() => (frappe.query_report.data || []).length")
		page.evaluate("() => frappe.query_report.export_report()")
		dialog = page.locator(".modal.show").last
		dialog.locator("select[data-fieldname=file_format]").select_option("Excel")
		try:
			with page.expect_download(timeout=TIMEOUT) as download:
				dialog.locator(".btn-primary").click()
			data = download.value.path().read_bytes()
		except Exception as exc:
			settle(page)
			problems.append(
				f"{report}: no Excel file ({str(exc).splitlines()[0][:80]}); the page shows: {page.evaluate('() => document.body.innerText')[:200]!r}"
			)
			continue
		if not data.startswith(b"PK"):
			problems.append(f"{report}: the export is not a workbook: {data[:80]!r}")
			continue
		sheet = load_workbook(io.BytesIO(data), read_only=True).active
		rows = [r for r in sheet.iter_rows(values_only=True) if any(v not in (None, "") for v in r)]
		if shown and len(rows) - 1 < shown:
			problems.append(f"{report}: {shown} rows on screen, {len(rows) - 1} in the workbook")
		if not shown and len(rows) < 1:
			problems.append(f"{report}: the workbook has not even the header row")
	page.context.close()
	assert not problems, "\n".join(problems)
