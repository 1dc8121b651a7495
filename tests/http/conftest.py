"""Tests over HTTP against the stack `./onestop test` serves (nginx, gunicorn with several
workers, socket.io, RQ workers, the scheduler, Redis under supervisor): what users get. The
demo site onestop-browser.localhost is the site these tests talk to; they prepare and inspect
its data with `site_python` (a separate process, committed)."""

from __future__ import annotations

import json
import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

BENCH = Path(os.environ.get("ONESTOP_BENCH") or Path(__file__).resolve().parents[2])
SITE = os.environ.get("ONESTOP_BROWSER_SITE", "onestop-browser.localhost")
URL = os.environ.get("ONESTOP_BROWSER_URL", "").replace(SITE, "127.0.0.1")
DEMO = json.loads((BENCH / "fixtures" / "demo" / "users.json").read_text(encoding="utf-8"))
PASSWORD = DEMO["password"]


def pytest_collection_modifyitems(config, items):
	here = Path(__file__).parent
	if not URL or not (BENCH / "sites" / SITE / "site_config.json").exists():
		for item in items:
			if Path(str(item.fspath)).parent == here:
				item.add_marker(
					pytest.mark.skip(reason="HTTP TESTS SKIPPED: run them through ./onestop test")
				)


def site_python(script: str, site: str = SITE) -> dict:
	"""Run `script` on `site` in a separate process (Frappe connected as Administrator,
	committed at the end); it fills the dict `out`, returned here."""
	code = (
		"import json, frappe\n"
		f"frappe.init(site={site!r}, sites_path='.'); frappe.connect(); frappe.set_user('Administrator')\n"
		"out = {}\n" + script + "\nfrappe.db.commit(); print('<<' + json.dumps(out, default=str) + '>>')\n"
	)
	done = subprocess.run(
		[str(BENCH / "env" / "bin" / "python"), "-c", code],
		cwd=BENCH / "sites",
		capture_output=True,
		text=True,
	)
	if done.returncode:
		raise RuntimeError(done.stderr[-3000:])
	return json.loads(done.stdout.split("<<", 1)[1].rsplit(">>", 1)[0])


def login(user: str, password: str = PASSWORD) -> requests.Session:
	"""A new session of `user` (each call logs in again: a separate session)."""
	session = requests.Session()
	r = session.post(f"{URL}/api/method/login", data={"usr": user, "pwd": password}, timeout=30)
	assert r.status_code == 200, (user, r.status_code, r.text[:300])
	return session


def parallel(calls: list, workers: int | None = None) -> list:
	"""Run the zero-argument callables at once, each on its own thread; their results in order."""
	with ThreadPoolExecutor(max_workers=workers or len(calls)) as pool:
		return list(pool.map(lambda call: call(), calls))


@pytest.fixture(scope="session")
def url() -> str:
	return URL
