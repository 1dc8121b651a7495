"""Messages to applicants on the served stack (RQ workers, the scheduler): SMS Settings of the
demo site pointed at a throwaway gateway started here. The receipt's SMS goes at once from the
job its save enqueued; 20 parallel identical apologies from separate sessions write one
message per channel; 20 processes sending the same queued message at once send it once."""

from __future__ import annotations

import json
import subprocess
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from conftest import BENCH, SITE, URL, login, parallel, site_python

N = 20
RECEIVER = "receiver@onestop.localhost"
APOLOGY = f"{URL}/api/method/onestop.procedures.api.issue_apology"


class Gateway:
	"""An SMS gateway on 127.0.0.1 recording each request's form; answers 500 while failing."""

	def __init__(self):
		self.requests: list[dict] = []
		self.failing = False
		gateway = self

		class Handler(BaseHTTPRequestHandler):
			def do_POST(self):
				body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
				fields = {k: v[0] for k, v in urllib.parse.parse_qs(body).items()}
				gateway.requests.append({**fields, "failed": gateway.failing})
				self.send_response(500 if gateway.failing else 200)
				self.end_headers()

			def log_message(self, *args):
				pass

		self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
		self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sms"
		threading.Thread(target=self.server.serve_forever, daemon=True).start()

	def about(self, code: str, delivered: bool = True) -> list[dict]:
		return [r for r in self.requests if code in r.get("text", "") and r["failed"] != delivered]

	def wait_for(self, code: str, count: int, seconds: float = 90) -> list[dict]:
		deadline = time.time() + seconds
		while time.time() < deadline and len(self.about(code)) < count:
			time.sleep(0.5)
		return self.about(code)


@pytest.fixture(scope="module")
def gateway():
	server = Gateway()
	before = site_python(
		"""
s = frappe.get_single("SMS Settings")
out.update(s.as_dict(no_default_fields=True, convert_dates_to_str=True))
"""
	)
	site_python(
		f"""
s = frappe.get_single("SMS Settings")
s.sms_gateway_url, s.message_parameter, s.receiver_parameter, s.use_post = {server.url!r}, "text", "to", 1
s.set("parameters", [])
s.save(ignore_permissions=True)
"""
	)
	yield server
	server.server.shutdown()
	server.server.server_close()
	site_python(
		f"""
before = frappe.parse_json({json.dumps(before)!r})
s = frappe.get_single("SMS Settings")
for key in ("sms_gateway_url", "message_parameter", "receiver_parameter", "use_post"):
	s.set(key, before.get(key))
s.set("parameters", [{{k: row.get(k) for k in ("parameter", "value", "header")}} for row in before.get("parameters") or []])
s.flags.ignore_mandatory = True
s.save(ignore_permissions=True)
"""
	)


MADE: list[str] = []


@pytest.fixture(autouse=True)
def remove_made_dossiers():
	"""The test's dossiers, their messages, SMS Log and Email Queue rows leave the demo site."""
	yield
	while MADE:
		name = MADE.pop()
		site_python(
			f"""
name = {name!r}
for q in frappe.get_all("Email Queue", filters={{"reference_doctype": "Dossier", "reference_name": name}}, pluck="name"):
	frappe.delete_doc("Email Queue", q, force=1, ignore_permissions=True)
frappe.db.delete("SMS Log", {{"message": ("like", f"%{{name}}%")}})
frappe.db.delete("Applicant Message", {{"dossier": name}})
frappe.delete_doc("Dossier", name, force=1, ignore_permissions=True)
"""
		)


def new_dossier() -> str:
	made = site_python(
		"""
proc = frappe.get_all('Administrative Procedure', filters={'is_current': 1, 'legal_days': ('>=', 1)},
	pluck='name', order_by='name', limit=1)[0]
doc = frappe.get_doc({'doctype': 'Dossier', 'procedure': proc, 'channel': 'Direct',
	'applicant_type': 'Person', 'applicant_name': 'Người Thử Tin Nhắn', 'applicant_id': '077088888888',
	'phone': '0909888888', 'email': 'nguoi.thu.tin.nhan@example.vn'}).insert(ignore_permissions=True)
out['name'] = doc.name
"""
	)
	MADE.append(made["name"])
	return made["name"]


def messages_of(name: str) -> list[dict]:
	return site_python(
		f"""
out["rows"] = frappe.get_all("Applicant Message", filters={{"dossier": {name!r}}},
	fields=["name", "event", "channel", "status", "send_after", "attempts"], order_by="event, channel")
from onestop.core.calendar import site_calendar
from onestop.core.clock import now
out["office"] = site_calendar().in_office_hours(now())
out["emails"] = frappe.db.count("Email Queue", {{"reference_doctype": "Dossier", "reference_name": {name!r}}})
"""
	)


def test_the_receipt_goes_at_once_and_twenty_parallel_apologies_write_one_message(gateway):
	name = new_dossier()
	# the job the receipt's save enqueued after its commit, on an RQ worker
	receipt = gateway.wait_for(name, 1)
	assert len(receipt) == 1 and "đã được tiếp nhận" in receipt[0]["text"], gateway.requests
	assert receipt[0]["to"] == "0909888888"

	new_due = site_python(
		"""
from onestop.core.calendar import site_calendar
from onestop.core.clock import now
c = site_calendar()
out["at"] = str(c.add_office_minutes(c.clock_start(now()), 5 * c.hours.minutes_per_day))
"""
	)["at"]
	sessions = [login(RECEIVER) for _ in range(N)]
	responses = parallel(
		[
			lambda s=s: s.post(
				APOLOGY,
				data={
					"name": name,
					"reason": "Cần xác minh thêm với cơ quan phối hợp.",
					"new_due_at": new_due,
				},
				headers={"Accept": "application/json"},
				timeout=120,
			)
			for s in sessions
		]
	)
	codes = [r.status_code for r in responses]
	assert set(codes) <= {200, 417}, [r.text[:300] for r in responses if r.status_code not in (200, 417)]
	assert codes.count(200) >= 1

	state = messages_of(name)
	apologies = [r for r in state["rows"] if r["event"] == "Apology"]
	assert sorted(r["channel"] for r in apologies) == ["Email", "SMS"], state["rows"]
	if state["office"]:
		sent = gateway.wait_for(name, 2)
		time.sleep(5)  # nothing more comes
		assert len(gateway.about(name)) == 2 and "xin lỗi" in sent[1]["text"]
	else:  # outside office hours the apology waits for the next opening
		time.sleep(5)
		assert len(gateway.about(name)) == 1
		assert {r["status"] for r in apologies} == {"Queued"}
	assert state["emails"] in (1, 2)  # the receipt's e-mail, and the apology's in office hours
	assert len(gateway.about(name, delivered=False)) == 0


SEND = """
import frappe
frappe.init(site={site!r}, sites_path='.'); frappe.connect()
from onestop.procedures.messages import send_messages
print("SENT", send_messages([{message!r}]))
frappe.db.commit()
"""


def test_twenty_processes_sending_one_queued_message_send_it_once(gateway):
	gateway.failing = True
	try:
		name = new_dossier()
		deadline = time.time() + 90
		while time.time() < deadline and not gateway.about(name, delivered=False):
			time.sleep(0.5)
		assert gateway.about(name, delivered=False), "the worker never tried the receipt's SMS"
	finally:
		gateway.failing = False
	time.sleep(2)  # the failure recorded
	message = site_python(
		f"""
row = frappe.get_all("Applicant Message", filters={{"dossier": {name!r}, "channel": "SMS"}},
	fields=["name", "status", "attempts"])[0]
assert (row.status, row.attempts) == ("Queued", 1), row
frappe.db.set_value("Applicant Message", row.name, "send_after", frappe.utils.now_datetime())
out["name"] = row.name
"""
	)["name"]
	script = SEND.format(site=SITE, message=message)
	processes = [
		subprocess.Popen(
			[str(BENCH / "env" / "bin" / "python"), "-c", script],
			cwd=BENCH / "sites",
			stdout=subprocess.PIPE,
			stderr=subprocess.PIPE,
			text=True,
		)
		for _ in range(N)
	]
	outputs = [p.communicate(timeout=300) for p in processes]
	assert all(p.returncode == 0 for p in processes), [err[-500:] for _out, err in outputs if err]
	sent = [int(out.split("SENT", 1)[1]) for out, _err in outputs]
	# one of them sent it (or, in office hours, the scheduler's run a moment before them)
	assert sum(sent) <= 1, sent
	assert len(gateway.about(name)) == 1
	row = site_python(
		f"""out.update(frappe.db.get_value("Applicant Message", {message!r}, ["status", "attempts"], as_dict=True))
out["logs"] = frappe.db.count("SMS Log", {{"message": ("like", "%{name}%")}})"""
	)
	assert (row["status"], row["attempts"], row["logs"]) == ("Sent", 2, 1)
