"""The stack the start command serves: nginx in front (gzip, static assets, socket.io), gunicorn,
RQ workers and the scheduler, each restarted alone by supervisor when it dies; PDFs by
wkhtmltopdf."""

from __future__ import annotations

import subprocess
import time
import urllib.parse

import pytest
import requests
from conftest import BENCH, URL, login, site_python

SUPERVISORCTL = [
	str(BENCH / ".bench-cli" / "bin" / "supervisorctl"),
	"-c",
	str(BENCH / "config" / "supervisord.conf"),
]
NAME = BENCH.name


def programs() -> dict[str, tuple[str, int]]:
	"""supervisor's programs: {name: (state, pid)}."""
	out = subprocess.run([*SUPERVISORCTL, "status"], capture_output=True, text=True).stdout
	result = {}
	for line in out.splitlines():
		parts = line.split()
		pid = int(parts[3].rstrip(",")) if len(parts) > 3 and parts[2] == "pid" else 0
		result[parts[0].split(":")[-1]] = (parts[1], pid)
	return result


def test_nginx_serves_the_desk_gzipped_with_cached_assets(url):
	r = requests.get(f"{url}/login", headers={"Accept-Encoding": "gzip"}, timeout=10)
	assert r.status_code == 200 and r.headers["Server"] == "nginx"
	assert r.headers.get("Content-Encoding") == "gzip"
	asset = next((BENCH / "sites" / "assets" / "frappe" / "dist" / "js").glob("desk.bundle.*.js")).name
	r = requests.get(f"{url}/assets/frappe/dist/js/{asset}", headers={"Accept-Encoding": "gzip"}, timeout=10)
	assert r.status_code == 200 and r.headers.get("Content-Encoding") == "gzip"
	assert "max-age=31536000" in r.headers["Cache-Control"]
	assert "Werkzeug" not in requests.get(f"{url}/api/method/ping", timeout=10).headers.get("Server", "")


def test_realtime_answers_through_nginx(url):
	r = requests.get(f"{url}/socket.io/?EIO=4&transport=polling", timeout=10)
	assert r.status_code == 200 and '"sid"' in r.text


def test_every_program_runs_under_supervisor():
	running = {name: state for name, (state, _) in programs().items()}
	for program in (
		"frappe-web",
		"node-socketio",
		"frappe-schedule",
		"frappe-short-worker-0",
		"frappe-long-worker-0",
		"redis-cache",
		"redis-queue",
		"nginx",
	):
		assert running.get(f"{NAME}-{program}") == "RUNNING", (program, running)


def test_the_scheduler_is_on_for_the_served_site_and_its_jobs_are_registered():
	out = site_python(
		"from frappe.utils.scheduler import is_scheduler_disabled\n"
		"out['disabled'] = is_scheduler_disabled()\n"
		"out['jobs'] = frappe.get_all('Scheduled Job Type', filters={'method': ('like', 'onestop.%'), 'stopped': 0}, fields=['method', 'cron_format'])\n"
		"out['hooks'] = frappe.get_hooks('scheduler_events', app_name='onestop')"
	)
	assert out["disabled"] is False
	registered = {(j["method"], j["cron_format"]) for j in out["jobs"]}
	wanted = {(m, cron) for cron, methods in out["hooks"]["cron"].items() for m in methods}
	assert wanted == registered
	assert {
		"onestop.core.reminders.send_due_reminders",
		"onestop.core.reminders.send_weekly_report_reminders",
		"onestop.planning.weekly_reports.create_weekly_reports",
		"onestop.resources.secondments.advance_secondments",
		"onestop.core.backups.take_backup",
		"onestop.procedures.messages.send_due_messages",
	} == {m for m, _ in registered}


def test_a_background_job_is_run_by_the_workers():
	job = site_python("out['id'] = frappe.enqueue('frappe.utils.now', queue='short').id")["id"]
	deadline = time.time() + 30
	while time.time() < deadline:
		status = site_python(
			f"from frappe.utils.background_jobs import get_queue\n"
			f"from rq.job import Job\n"
			f"out['status'] = Job.fetch({job!r}, connection=get_queue('short').connection).get_status()"
		)["status"]
		if status == "finished":
			return
		time.sleep(0.5)
	pytest.fail(f"the job is still {status} after 30 s")


def test_guest_gets_no_traceback(url):
	r = requests.post(
		f"{url}/api/method/frappe.client.get_value",
		data={"doctype": "No Such DocType", "fieldname": "x"},
		timeout=10,
	)
	assert r.status_code >= 400
	assert "Traceback" not in r.text and 'File "' not in r.text


def print_formats() -> list[tuple[str, str]]:
	return [
		tuple(row)
		for row in site_python(
			"out['formats'] = frappe.get_all('Print Format', filters={'module': ('in', ['Procedures', 'Planning', 'Resources']), 'disabled': 0}, fields=['name', 'doc_type'], as_list=True)"
		)["formats"]
	]


def test_every_print_format_renders_as_a_pdf():
	session = login("Administrator", "admin")
	formats = print_formats()
	assert formats
	samples = site_python(
		"out['samples'] = {dt: frappe.db.get_value(dt, {}, 'name', order_by='creation desc') for dt in "
		+ repr(sorted({dt for _, dt in formats}))
		+ "}"
	)["samples"]
	failed = []
	for name, doctype in formats:
		if not samples.get(doctype):
			continue
		query = urllib.parse.urlencode({"doctype": doctype, "name": samples[doctype], "format": name})
		r = session.get(f"{URL}/api/method/frappe.utils.print_format.download_pdf?{query}", timeout=60)
		if r.status_code != 200 or not r.content.startswith(b"%PDF"):
			failed.append((name, r.status_code, r.text[:200]))
	assert not failed, failed
