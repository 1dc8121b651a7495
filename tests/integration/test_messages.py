"""SMS and e-mail to the applicant of a dossier (onestop.procedures.messages) on the real site:
SMS through Frappe's SMS Settings pointed at a throwaway HTTP gateway started here (it records
what it receives, and can refuse), e-mail read back from Frappe's Email Queue.

The calendar: Monday 6 October 2025 is a working day (office hours 07:30–11:30, 13:30–17:00);
Saturday 11 October is not."""

from __future__ import annotations

import datetime as dt
import email
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import frappe
import pytest

from onestop.applicant_messages import FIRST_RETRY_MINUTES, short_moment
from onestop.core.clock import at
from onestop.procedures import messages
from onestop.procedures.api import issue_apology
from onestop.procedures.forms import dossier_status_url

from .factories import CENTRE, agency, dossier, move, procedure

DT = dt.datetime
MONDAY_9 = DT(2025, 10, 6, 9, 0)
SATURDAY_10 = DT(2025, 10, 11, 10, 0)
PHONE = "0909123456"
EMAIL = "nguoi.nop@example.vn"


class Gateway:
	"""An SMS gateway on 127.0.0.1: records each request's form fields; answers 500 while
	`failing` is set."""

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
				self.wfile.write(b"ERROR" if gateway.failing else b"OK")

			def log_message(self, *args):
				pass

		self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
		self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sms"
		self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
		self.thread.start()

	def delivered(self) -> list[dict]:
		return [r for r in self.requests if not r["failed"]]

	def close(self):
		self.server.shutdown()
		self.server.server_close()


def point_sms_settings_at(url: str | None) -> None:
	settings = frappe.get_single("SMS Settings")
	settings.sms_gateway_url = url
	settings.message_parameter = "text"
	settings.receiver_parameter = "to"
	settings.use_post = 1
	settings.set("parameters", [{"parameter": "brandname", "value": "TTHCC"}])
	settings.save(ignore_permissions=True)


@pytest.fixture
def gateway():
	server = Gateway()
	point_sms_settings_at(server.url)
	yield server
	server.close()
	frappe.clear_document_cache("SMS Settings", "SMS Settings")
	frappe.db.value_cache.pop("SMS Settings", None)


@pytest.fixture
def department():
	from .factories import USERS

	return agency("_Test Sở Tin nhắn", members=[USERS["processor"][0], USERS["approver"][0]])


@pytest.fixture
def proc(department):
	return procedure(legal_days=3, agency=department)


def rows(name: str, **filters) -> list[dict]:
	return frappe.get_all(
		"Applicant Message",
		filters={"dossier": name, **filters},
		fields=[
			"name",
			"event",
			"channel",
			"status",
			"recipient",
			"subject",
			"message",
			"send_after",
			"attempts",
			"error",
		],
		order_by="event, channel",
	)


def queued(name: str) -> list[str]:
	return [r.name for r in rows(name, status="Queued")]


def sms_logs(name: str) -> list[dict]:
	return frappe.get_all(
		"SMS Log", filters={"message": ("like", f"%{name}%")}, fields=["message", "sent_to", "no_of_sent_sms"]
	)


def emails(name: str) -> list[str]:
	"""The bodies (decoded text) of the Email Queue's mails about the dossier."""
	out = []
	for raw in frappe.get_all(
		"Email Queue", filters={"reference_doctype": "Dossier", "reference_name": name}, pluck="message"
	):
		mail = email.message_from_string(raw)
		out.append(
			"\n".join(
				part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
				for part in mail.walk()
				if part.get_content_type() in ("text/html", "text/plain")
			)
		)
	return out


def received(proc, moment=MONDAY_9, **values) -> str:
	return dossier(proc, moment, email=EMAIL, **values)


# ------------------------------------------------------------------ texts
def test_the_templates_are_notifications_in_vietnamese():
	for (event, channel), spec in messages.TEMPLATES.items():
		doc = frappe.get_doc("Notification", spec["name"])
		assert (doc.document_type, doc.event, doc.channel, doc.enabled) == ("Dossier", "Custom", channel, 1)
		assert "hồ sơ" in doc.message.lower() and "{{ doc.name }}" in doc.message, (event, channel)


def test_the_receipt_sends_one_sms_and_one_email_with_code_appointment_and_link(gateway, proc):
	name = received(proc)
	doc = frappe.get_doc("Dossier", name)
	appointment, link = short_moment(doc.due_at), dossier_status_url(doc)
	assert appointment == "09:00 ngày 09/10/2025"
	made = rows(name)
	assert [(r.event, r.channel, r.status) for r in made] == [
		("Received", "Email", "Queued"),
		("Received", "SMS", "Queued"),
	]
	assert all(r.send_after == MONDAY_9 for r in made)

	# the job the save enqueues after its commit
	assert messages.send_messages(queued(name), MONDAY_9 + dt.timedelta(minutes=1)) == 2

	assert len(gateway.requests) == 1
	sms = gateway.requests[0]
	assert (sms["to"], sms["brandname"]) == (PHONE, "TTHCC")
	assert f"Hồ sơ {name} đã được tiếp nhận" in sms["text"]
	assert f"Hẹn trả kết quả: {appointment}" in sms["text"] and link in sms["text"]
	logs = sms_logs(name)
	assert len(logs) == 1 and logs[0].sent_to == PHONE and logs[0].message == sms["text"]

	mails = emails(name)
	assert len(mails) == 1
	assert name in mails[0] and appointment in mails[0] and link.replace("&", "&amp;") in mails[0]
	assert "đã tiếp nhận hồ sơ" in mails[0] and CENTRE in mails[0]
	recipients = frappe.get_all(
		"Email Queue Recipient",
		filters={"parent": ("in", frappe.get_all("Email Queue", {"reference_name": name}, pluck="name"))},
		pluck="recipient",
	)
	assert recipients == [EMAIL]
	assert {r.status for r in rows(name)} == {"Sent"}


def test_supplement_result_ready_and_apology_texts(gateway, proc):
	name = received(proc)
	messages.send_messages(queued(name), MONDAY_9)
	move(name, "Forward", MONDAY_9 + dt.timedelta(minutes=30))
	reason = "Bản sao có chứng thực Căn cước công dân của người nộp."
	move(name, "Request Supplement", DT(2025, 10, 6, 10, 0), supplement_reason=reason)
	assert messages.send_messages(queued(name), DT(2025, 10, 6, 10, 0)) == 2
	supplement = gateway.delivered()[-1]["text"]
	assert f"Hồ sơ {name} cần bổ sung: {reason}" in supplement

	move(name, "Resubmit", DT(2025, 10, 7, 8, 0))
	new_due = DT(2025, 10, 14, 9, 0)
	with at(DT(2025, 10, 9, 9, 0)):
		issue_apology(name, "Cần xác minh thêm với cơ quan phối hợp.", str(new_due))
	assert messages.send_messages(queued(name), DT(2025, 10, 9, 9, 0)) == 2
	apology = gateway.delivered()[-1]["text"]
	due = frappe.db.get_value("Dossier", name, "due_at")
	assert "xin lỗi" in apology and name in apology
	assert f"chưa có kết quả đúng hẹn {short_moment(due)}" in apology
	assert f"Hẹn lại: {short_moment(new_due)}" in apology
	assert any("Cần xác minh thêm" in m and "thành thật xin lỗi" in m for m in emails(name))

	move(name, "Approve", DT(2025, 10, 13, 9, 0))
	move(name, "Mark Result Ready", DT(2025, 10, 13, 9, 30))
	assert messages.send_messages(queued(name), DT(2025, 10, 13, 9, 30)) == 2
	ready = gateway.delivered()[-1]["text"]
	assert f"Hồ sơ {name} đã có kết quả" in ready and CENTRE in ready
	assert [r.event for r in rows(name, channel="SMS")] == [
		"Apology",
		"Received",
		"Result Ready",
		"Supplement Requested",
	]
	assert len(sms_logs(name)) == 4 and len(emails(name)) == 4
	assert any(reason in m and "cần được bổ sung" in m for m in emails(name))


# ------------------------------------------------------------------ office hours
def test_outside_office_hours_only_the_receipt_goes_the_rest_at_the_next_opening(gateway, proc):
	name = received(proc, SATURDAY_10)
	# the receipt goes at once, on a Saturday too
	assert messages.send_messages(queued(name), SATURDAY_10) == 2
	move(name, "Forward", SATURDAY_10 + dt.timedelta(minutes=10))
	move(name, "Request Supplement", DT(2025, 10, 11, 10, 30), supplement_reason="Thiếu tờ khai.")
	waiting = rows(name, event="Supplement Requested")
	assert [r.status for r in waiting] == ["Queued", "Queued"]
	monday_opening = DT(2025, 10, 13, 7, 30)
	assert {r.send_after for r in waiting} == {monday_opening}
	# what the save enqueued sends nothing yet; nor do the scheduled runs of the weekend
	assert messages.send_messages(queued(name), DT(2025, 10, 11, 10, 30)) == 0
	assert messages.send_due_messages(DT(2025, 10, 11, 16, 0)) == 0
	assert messages.send_due_messages(DT(2025, 10, 13, 6, 55)) == 0
	assert len(gateway.requests) == 1 and len(emails(name)) == 1
	# Monday's first run in office hours sends them
	assert messages.send_due_messages(DT(2025, 10, 13, 7, 35)) >= 2
	assert [r.status for r in rows(name, event="Supplement Requested")] == ["Sent", "Sent"]
	assert "Thiếu tờ khai." in gateway.requests[-1]["text"]
	assert len(sms_logs(name)) == 2 and len(emails(name)) == 2


# ------------------------------------------------------------------ once
def test_the_same_event_twice_is_one_message(gateway, proc):
	name = received(proc)
	doc = frappe.get_doc("Dossier", name)
	doc.address = "15 Trần Phú, Vũng Tàu"
	doc.save()  # a save that brings no event
	messages.on_dossier_update(frappe.get_doc("Dossier", name))  # the hook again, as a retry would
	new_due = DT(2025, 10, 14, 9, 0)
	for minute in (0, 5):  # the same apology issued twice (a double click, a repeated request)
		with at(DT(2025, 10, 8, 9, minute)):
			issue_apology(name, "Cần xác minh thêm.", str(new_due))
	assert [(r.event, r.channel) for r in rows(name)] == [
		("Apology", "Email"),
		("Apology", "SMS"),
		("Received", "Email"),
		("Received", "SMS"),
	]
	names = queued(name)
	assert messages.send_messages(names, DT(2025, 10, 8, 9, 6)) == 4
	assert messages.send_messages(names, DT(2025, 10, 8, 9, 7)) == 0  # sent ones are not sent again
	assert len(gateway.requests) == 2 and len(sms_logs(name)) == 2 and len(emails(name)) == 2
	# a new appointment is a new apology
	with at(DT(2025, 10, 14, 8, 0)):
		issue_apology(name, "Chờ ý kiến của cơ quan phối hợp.", str(DT(2025, 10, 16, 9, 0)))
	assert len(rows(name, event="Apology")) == 4


# ------------------------------------------------------------------ failures
def test_a_gateway_that_is_down_leaves_the_dossier_saved_and_the_message_retried(gateway, proc):
	gateway.failing = True
	name = received(proc)
	assert frappe.db.exists("Dossier", name)
	errors_before = frappe.db.count("Error Log")
	assert messages.send_messages(queued(name), MONDAY_9) == 1  # the e-mail went
	sms = rows(name, channel="SMS")[0]
	assert (sms.status, sms.attempts) == ("Queued", 1)
	assert "500" in sms.error and sms.send_after == MONDAY_9 + dt.timedelta(minutes=FIRST_RETRY_MINUTES)
	assert frappe.db.count("Error Log") == errors_before + 1
	assert sms_logs(name) == []
	# not before its retry time
	messages.send_due_messages(MONDAY_9 + dt.timedelta(minutes=3))
	assert rows(name, channel="SMS")[0].attempts == 1 and len(gateway.requests) == 1
	# a second failure waits longer
	messages.send_due_messages(MONDAY_9 + dt.timedelta(minutes=6))
	sms = rows(name, channel="SMS")[0]
	assert (sms.status, sms.attempts) == ("Queued", 2)
	assert sms.send_after == MONDAY_9 + dt.timedelta(minutes=6 + 2 * FIRST_RETRY_MINUTES)
	gateway.failing = False
	messages.send_due_messages(MONDAY_9 + dt.timedelta(minutes=20))
	sms = rows(name, channel="SMS")[0]
	assert (sms.status, sms.attempts, sms.error) == ("Sent", 3, None)
	assert [r["failed"] for r in gateway.requests] == [True, True, False]
	assert len(sms_logs(name)) == 1


def test_an_unreachable_gateway_is_retried_too(gateway, proc):
	point_sms_settings_at("http://127.0.0.1:9/sms")  # the discard port: connection refused
	name = received(proc)
	messages.send_messages(queued(name), MONDAY_9)
	sms = rows(name, channel="SMS")[0]
	assert (sms.status, sms.attempts) == ("Queued", 1) and "Connection" in sms.error


def test_without_phone_or_email_the_messages_are_skipped_and_say_why(gateway, proc):
	name = dossier(proc, MONDAY_9, phone="")
	made = rows(name)
	assert [(r.channel, r.status) for r in made] == [("Email", "Skipped"), ("SMS", "Skipped")]
	# written in the site's language (Vietnamese), whatever the language of the save's user
	assert (
		made[0].error
		== frappe._("The applicant gave no e-mail address.", lang="vi")
		!= ("The applicant gave no e-mail address.")
	)
	assert made[1].error == frappe._("The applicant gave no phone number.", lang="vi")
	assert messages.send_messages([r.name for r in made], MONDAY_9) == 0
	assert gateway.requests == [] and emails(name) == []


def test_without_an_sms_gateway_nothing_fails(proc):
	frappe.db.set_single_value("SMS Settings", "sms_gateway_url", None)
	errors_before = frappe.db.count("Error Log")
	name = received(proc)
	assert messages.send_messages(queued(name), MONDAY_9) == 1  # the e-mail
	sms = rows(name, channel="SMS")[0]
	assert sms.status == "Skipped" and "Cài đặt SMS" in sms.error
	assert sms.error.startswith("Chưa khai báo")  # written in the site's language, not the job's English
	assert frappe.db.count("Error Log") == errors_before


def test_the_centre_edits_disables_or_conditions_a_template(gateway, proc):
	sms_template = frappe.get_doc("Notification", messages.TEMPLATES[("Received", "SMS")]["name"])
	sms_template.message = "TTHCC: ho so {{ doc.name }} da tiep nhan, hen {{ appointment }}."
	sms_template.save()
	mail_template = frappe.get_doc("Notification", messages.TEMPLATES[("Received", "Email")]["name"])
	mail_template.condition = 'doc.channel == "Online"'
	mail_template.save()
	name = received(proc)
	messages.send_messages(queued(name), MONDAY_9)
	assert gateway.requests[-1]["text"] == f"TTHCC: ho so {name} da tiep nhan, hen 09:00 ngày 09/10/2025."
	assert rows(name, channel="Email")[0].status == "Skipped"
	sms_template.enabled = 0
	sms_template.save()
	other = received(proc)
	assert rows(other, channel="SMS")[0].status == "Skipped"


def test_demo_loading_writes_no_messages(proc):
	with messages.muted():
		name = received(proc)
	assert rows(name) == []
	assert len(rows(received(proc))) == 2
