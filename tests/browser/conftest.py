"""The browser journey: Debian's Chromium driven by Playwright against the demo site
onestop-browser.localhost (built as `./onestop start` builds its site: the seed plans, the demo
users), served on the production stack (nginx, gunicorn, workers, socket.io). `./onestop test`
prepares both. Without Chromium or Playwright the journey is skipped, and the run's last lines
say so."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(os.environ.get("ONESTOP_BENCH") or Path(__file__).resolve().parents[2])
SITE = os.environ.get("ONESTOP_BROWSER_SITE", "onestop-browser.localhost")
CHROMIUM = os.environ.get("ONESTOP_CHROMIUM")
URL = os.environ.get("ONESTOP_BROWSER_URL", "")
ARTIFACTS = BENCH / "tests" / "artifacts" / "browser"
SKIPPED: list[str] = []


def missing() -> str | None:
	"""Why the journey cannot run here (None when it can)."""
	if not CHROMIUM or not Path(CHROMIUM).exists():
		return "no Chromium (./onestop test installs Debian's chromium package; it could not here)"
	try:
		import playwright
	except ImportError:
		return "Playwright for Python is not installed in the bench (tests/requirements.txt)"
	if not (BENCH / "sites" / SITE / "site_config.json").exists():
		return f"no site {SITE} (./onestop test creates it)"
	return None


SWEEP = "test_sweep.py"


def sweep_requested(config) -> bool:
	"""The sweep of every screen (about 15 minutes on two cores) is part of the whole suite; a
	quicker run on a workstation may leave it out with ONESTOP_SWEEP=0."""
	return os.environ.get("ONESTOP_SWEEP") != "0" or any(SWEEP in str(a) for a in config.args)


def pytest_collection_modifyitems(config, items):
	browser = [i for i in items if Path(str(i.fspath)).parent == Path(__file__).parent]
	reason = missing() if browser else None
	if reason:
		SKIPPED.append(reason)
		for item in browser:
			item.add_marker(pytest.mark.skip(reason=f"BROWSER JOURNEY SKIPPED: {reason}"))
	elif not sweep_requested(config):
		for item in browser:
			if Path(str(item.fspath)).name == SWEEP:
				item.add_marker(
					pytest.mark.skip(reason="ONESTOP_SWEEP=0: the sweep of every screen left out of this run")
				)


def pytest_terminal_summary(terminalreporter):
	if SKIPPED:
		terminalreporter.write_line(
			f"BROWSER JOURNEY SKIPPED: {SKIPPED[0]}. It did not run, so it did not pass.", red=True, bold=True
		)


def site_python(script: str) -> dict:
	"""Run `script` against the browser site in a separate process (Frappe connected as
	Administrator, committed at the end); it assigns `out`, returned here as JSON."""
	code = (
		"import json, frappe\n"
		f"frappe.init(site={SITE!r}, sites_path='.'); frappe.connect(); frappe.set_user('Administrator')\n"
		"out = {}\n" + script + "\nfrappe.db.commit(); print('<<' + json.dumps(out, default=str) + '>>')\n"
	)
	done = subprocess.run(
		[str(BENCH / "env" / "bin" / "python"), "-c", code],
		cwd=BENCH / "sites",
		capture_output=True,
		text=True,
		check=False,
	)
	if done.returncode:
		raise RuntimeError(done.stderr[-3000:])
	return json.loads(done.stdout.split("<<", 1)[1].rsplit(">>", 1)[0])


@pytest.fixture(scope="module")
def server():
	"""The browser site's address on the stack `./onestop test` serves (nginx, gunicorn, workers,
	socket.io: what `./onestop start` serves users)."""
	if not URL:
		pytest.skip("ONESTOP_BROWSER_URL is not set: run the browser tests through ./onestop test")
	return URL


@pytest.fixture(scope="module")
def browser():
	from playwright.sync_api import sync_playwright

	with sync_playwright() as p:
		chromium = p.chromium.launch(
			executable_path=CHROMIUM,
			args=["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
		)
		yield chromium
		chromium.close()


@pytest.fixture(scope="module")
def shots(request):
	"""Screenshots of each step, kept as the run's artefacts in tests/artifacts/browser/, named
	after the test module (test_journey-01-….png): a module replaces its own, not the others'."""
	ARTIFACTS.mkdir(parents=True, exist_ok=True)
	module = request.module.__name__.rsplit(".", 1)[-1]
	for old in ARTIFACTS.glob(f"{module}-*.png"):
		old.unlink()
	count = iter(range(1, 100))

	def shot(page, name: str) -> Path:
		path = ARTIFACTS / f"{module}-{next(count):02d}-{name}.png"
		page.screenshot(path=str(path), full_page=True)
		return path

	return shot


sys.path.insert(0, str(Path(__file__).parent))
