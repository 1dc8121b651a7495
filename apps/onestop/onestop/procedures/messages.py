"""SMS and e-mail to a dossier's applicant: at receipt (code, appointment, status link), when a
supplement is requested (what is missing), when the result is ready, and the apology with the
new appointment when the dossier is late (Decree 61/2018/NĐ-CP Art. 18–20, Decree
118/2025/NĐ-CP; forms 01, 02 and 04 of Circulars 01/2018/TT-VPCP and 03/2025/TT-VPCP).

How it goes:
- The texts are Frappe Notification records on Dossier (channel SMS or Email, Jinja), made
  by `install_templates` after install and migrate when missing and then the centre's to
  edit, disable or give a condition. Their event is "Custom", which Frappe never fires by
  itself: Frappe's own Notifications send at once on a save and cannot wait for office hours,
  retry a gateway that is down, or tell one event from a repeated save. This module sends them.
- A Dossier save (doc_events on_update, hooks.py) that brings an event (see
  onestop.applicant_messages.events) writes one Applicant Message per channel, rendered at
  once, in the save's transaction. Its name is derived from (dossier, event, occurrence,
  channel), so a repeated save, a retry or parallel requests write it once (the second insert
  of the same name waits for the first and fails as a duplicate, which is ignored).
- The receipt goes at once: a job enqueued after the commit sends it (`send_messages`). The
  others go at once during office hours, else wait for the scheduled `send_due_messages`
  (every five minutes, hooks.py), which sends nothing outside the office hours of a working
  day (onestop.core.calendar) and then sends what is due.
- SMS go through Frappe's SMS Settings (any HTTP gateway; Frappe writes an SMS Log of each
  message the gateway accepted); e-mail through Frappe's outgoing Email Account (Email Queue).
  A gateway that refuses or cannot be reached leaves the message queued and tried again
  later (5, 10, 20 … minutes, up to MAX_ATTEMPTS tries, then Failed), the error in the Error
  Log; the dossier's save is never affected. Any other error after the SMS went to the
  gateway marks it Failed at once (it may have been taken: never sent twice). A message is
  sent under its row lock (SELECT … FOR UPDATE) and marked Sent in the same transaction, so
  two jobs never send it twice.
- Frappe v15 writes an SMS Log of each SMS but does not ship that DocType (frappe/frappe#28332):
  onestop ships it (procedures/doctype/sms_log), without which every SMS would fail after the
  gateway took it.
- No phone number (or e-mail address), a template disabled or whose condition does not hold,
  no gateway in SMS Settings or no outgoing e-mail account: the message is recorded as
  Skipped with the reason, never sent later.
- Loading demo data or importing history (`muted()`, imports, patches, installs) sends nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from contextlib import contextmanager

import frappe
import requests
from frappe import _
from frappe.translate import print_language
from frappe.utils import get_datetime

from onestop.applicant_messages import (
	APOLOGY,
	CHANNELS,
	EMAIL,
	RECEIVED,
	RESULT_READY,
	SMS,
	SUPPLEMENT,
	Event,
	events,
	phone_number,
	retry_at,
	send_after,
	short_moment,
)
from onestop.core.calendar import site_calendar
from onestop.core.clock import now as clock_now
from onestop.core.jobs import guarded

DOCTYPE = "Applicant Message"
MUTE_FLAG = "onestop_mute_applicant_messages"
BATCH = 500  # messages one scheduled run sends at most
EVENT_FIELDS = ("status", "supplement_count", "apology_issued_at", "new_due_at")


class NotConfigured(Exception):
	"""No SMS gateway or outgoing e-mail account: the message is skipped, not retried."""


# ------------------------------------------------------------------ templates
_LINK = "Tra cứu: {{ status_url }}"
TEMPLATES: dict[tuple[str, str], dict] = {
	(RECEIVED, SMS): {
		"name": "Hồ sơ đã tiếp nhận - SMS",
		"message": "Hồ sơ {{ doc.name }} đã được tiếp nhận lúc {{ received }}. "
		"Hẹn trả kết quả: {{ appointment }}. " + _LINK,
	},
	(RECEIVED, EMAIL): {
		"name": "Hồ sơ đã tiếp nhận - Email",
		"subject": "Hồ sơ {{ doc.name }} đã được tiếp nhận",
		"message": """<p>Kính gửi {{ doc.applicant_name }},</p>
<p>{{ centre }} đã tiếp nhận hồ sơ <b>{{ doc.name }}</b> ({{ doc.procedure_name }}) lúc {{ received }}.</p>
<p>Thời gian hẹn trả kết quả: <b>{{ appointment }}</b>.</p>
<p>Ông/bà theo dõi tình trạng hồ sơ tại: <a href="{{ status_url }}">{{ status_url }}</a></p>""",
	},
	(SUPPLEMENT, SMS): {
		"name": "Yêu cầu bổ sung hồ sơ - SMS",
		"message": "Hồ sơ {{ doc.name }} cần bổ sung: {{ doc.supplement_reason }}. "
		"Đề nghị ông/bà bổ sung để hồ sơ được tiếp tục giải quyết. " + _LINK,
	},
	(SUPPLEMENT, EMAIL): {
		"name": "Yêu cầu bổ sung hồ sơ - Email",
		"subject": "Hồ sơ {{ doc.name }} cần bổ sung",
		"message": """<p>Kính gửi {{ doc.applicant_name }},</p>
<p>Hồ sơ <b>{{ doc.name }}</b> ({{ doc.procedure_name }}) cần được bổ sung, hoàn thiện như sau:</p>
<p>{{ doc.supplement_reason }}</p>
<p>Thời gian giải quyết được tính lại từ khi ông/bà nộp đủ hồ sơ. Tình trạng hồ sơ: <a href="{{ status_url }}">{{ status_url }}</a></p>""",
	},
	(RESULT_READY, SMS): {
		"name": "Hồ sơ đã có kết quả - SMS",
		"message": "Hồ sơ {{ doc.name }} đã có kết quả. Mời ông/bà đến nhận kết quả tại {{ centre }}. "
		+ _LINK,
	},
	(RESULT_READY, EMAIL): {
		"name": "Hồ sơ đã có kết quả - Email",
		"subject": "Hồ sơ {{ doc.name }} đã có kết quả",
		"message": """<p>Kính gửi {{ doc.applicant_name }},</p>
<p>Hồ sơ <b>{{ doc.name }}</b> ({{ doc.procedure_name }}) đã có kết quả giải quyết.</p>
<p>Mời ông/bà nhận kết quả tại {{ centre }}{% if doc.return_channel == "Postal" %} hoặc qua dịch vụ bưu chính theo đăng ký{% endif %}.</p>
<p>Tình trạng hồ sơ: <a href="{{ status_url }}">{{ status_url }}</a></p>""",
	},
	(APOLOGY, SMS): {
		"name": "Xin lỗi và hẹn lại ngày trả kết quả - SMS",
		"message": "{{ centre }} xin lỗi ông/bà: hồ sơ {{ doc.name }} chưa có kết quả đúng hẹn {{ appointment }}. "
		"Hẹn lại: {{ new_appointment }}. " + _LINK,
	},
	(APOLOGY, EMAIL): {
		"name": "Xin lỗi và hẹn lại ngày trả kết quả - Email",
		"subject": "Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ {{ doc.name }}",
		"message": """<p>Kính gửi {{ doc.applicant_name }},</p>
<p>Hồ sơ <b>{{ doc.name }}</b> ({{ doc.procedure_name }}) hẹn trả kết quả lúc {{ appointment }} nhưng chưa giải quyết xong.</p>
<p>Lý do: {{ doc.apology_reason }}</p>
<p>{{ centre }} thành thật xin lỗi ông/bà và hẹn trả kết quả vào <b>{{ new_appointment }}</b>.</p>
<p>Tình trạng hồ sơ: <a href="{{ status_url }}">{{ status_url }}</a></p>""",
	},
}


def install_templates() -> list[str]:
	"""after_install and after_migrate (hooks.py): the Notification records holding the texts,
	made when missing; one the centre has edited, disabled or deleted and made again by hand is
	left as it is. Returns the names made."""
	made = []
	for (_event, channel), spec in TEMPLATES.items():
		if frappe.db.exists("Notification", spec["name"]):
			continue
		doc = frappe.get_doc(
			{
				"doctype": "Notification",
				"name": spec["name"],
				"subject": spec.get("subject") or spec["name"],
				"document_type": "Dossier",
				"event": "Custom",
				"channel": channel,
				"enabled": 1,
				"is_standard": 0,
				"message_type": "HTML" if channel == EMAIL else "Plain Text",
				"message": spec["message"],
				"recipients": [{"receiver_by_document_field": "email" if channel == EMAIL else "phone"}],
			}
		)
		doc.insert(ignore_permissions=True, set_name=spec["name"])
		made.append(doc.name)
	return made


def template(kind: str, channel: str):
	"""The Notification holding the text of `kind` on `channel`, or None when missing."""
	name = TEMPLATES[(kind, channel)]["name"]
	return frappe.get_doc("Notification", name) if frappe.db.exists("Notification", name) else None


def context(doc, notification) -> dict:
	"""What a template may use: Frappe's Notification context (doc, nowdate, frappe.utils,
	alert) and: status_url (the public status page of the receipt's QR code), received,
	appointment, new_appointment ('09:30 ngày 05/10/2025'), centre (the receiving unit's name)."""
	from frappe.email.doctype.notification.notification import get_context

	from onestop.procedures.forms import dossier_status_url

	def moment(value):
		return short_moment(get_datetime(value)) if value else ""

	ctx = get_context(doc)
	ctx.update(
		alert=notification,
		comments=None,
		status_url=dossier_status_url(doc),
		received=moment(doc.received_at),
		appointment=moment(doc.due_at),
		new_appointment=moment(doc.new_due_at),
		centre=(doc.receiving_unit and frappe.db.get_value("Agency", doc.receiving_unit, "agency_name"))
		or _("the receiving unit"),
	)
	return ctx


# ------------------------------------------------------------------ writing messages
@contextmanager
def muted():
	"""Write no message inside the block (the demo loader walks dossiers through past events)."""
	previous = frappe.flags.get(MUTE_FLAG)
	frappe.flags[MUTE_FLAG] = True
	try:
		yield
	finally:
		frappe.flags[MUTE_FLAG] = previous


def message_name(key: str) -> str:
	return hashlib.md5(key.encode()).hexdigest()[:20]


def site_language() -> str:
	"""The site's language (System Settings), in which a message's reasons are written whoever
	or whatever (an API client, a background job) caused them."""
	return frappe.get_system_settings("language") or frappe.local.lang


def on_dossier_update(doc, method=None) -> None:
	"""doc_events on_update of Dossier (hooks.py): the messages of the events this save brought,
	written in the save's transaction; those due now are sent by a job enqueued after commit."""
	if (
		frappe.flags.get(MUTE_FLAG)
		or frappe.flags.in_import
		or frappe.flags.in_patch
		or frappe.flags.in_install
	):
		return
	before = doc.get_doc_before_save()
	found = events({f: before.get(f) for f in EVENT_FIELDS} if before else None, doc.as_dict())
	if not found:
		return
	moment = clock_now()
	calendar = site_calendar()
	due = []
	with print_language(site_language()):  # the reasons written on a message: the desk's language
		for event in found:
			for channel in CHANNELS:
				row = write_message(doc, event, channel, moment, calendar)
				if row and row.status == "Queued" and get_datetime(row.send_after) <= moment:
					due.append(row.name)
	if due:
		frappe.enqueue(
			"onestop.procedures.messages.send_messages",
			queue="short",
			enqueue_after_commit=True,
			names=due,
		)


def write_message(doc, event: Event, channel: str, moment: dt.datetime, calendar):
	"""The Applicant Message of `event` on `channel`, rendered now; None when it was written
	before (by an earlier save, a retry or a parallel request)."""
	name = message_name(event.key(doc.name, channel))
	if frappe.db.exists(DOCTYPE, name):
		return None
	row = frappe.get_doc(
		{
			"doctype": DOCTYPE,
			"dossier": doc.name,
			"competent_agency": doc.competent_agency,
			"event": event.kind,
			"occurrence": event.occurrence,
			"channel": channel,
			"status": "Queued",
			"send_after": send_after(event.kind, moment, calendar),
			"attempts": 0,
		}
	)
	try:
		compose(row, doc, event.kind, channel)
	except Exception:
		row.status, row.error = "Failed", _("The template could not be rendered; see the Error Log.")
		frappe.log_error(title=f"onestop: applicant message of {doc.name} ({event.kind}, {channel})")
	savepoint = "onestop_applicant_message"
	frappe.db.savepoint(savepoint)
	try:
		row.insert(ignore_permissions=True, set_name=name)
	except frappe.DuplicateEntryError:
		frappe.db.rollback(save_point=savepoint)
		return None
	return row


def compose(row, doc, kind: str, channel: str) -> None:
	"""Fill the message's template, recipient, subject and text, or mark it Skipped with why."""
	notification = template(kind, channel)
	if notification is None or not notification.enabled:
		row.status = "Skipped"
		row.error = _("The template {0} is disabled or missing.").format(TEMPLATES[(kind, channel)]["name"])
		return
	row.notification = notification.name
	ctx = context(doc, notification)
	if notification.condition and not frappe.safe_eval(notification.condition, None, ctx):
		row.status, row.error = "Skipped", _("The condition of the template does not hold for this dossier.")
		return
	if channel == SMS:
		numbers = [phone_number(n) for n in notification.get_receiver_list(doc, ctx)]
		recipients = list(dict.fromkeys(n for n in numbers if n))
		missing = _("The applicant gave no phone number.")
	else:
		to, cc, bcc = notification.get_list_of_recipients(doc, ctx)
		recipients = list(dict.fromkeys([*to, *cc, *bcc]))
		missing = _("The applicant gave no e-mail address.")
	if not recipients:
		row.status, row.error = "Skipped", missing
		return
	row.recipient = ", ".join(recipients)[:300]
	if channel == EMAIL:
		row.subject = frappe.render_template(notification.subject or "", ctx)[:300]
	row.message = frappe.render_template(notification.message or "", ctx).strip()


# ------------------------------------------------------------------ sending
def send_due_messages(moment: dt.datetime | None = None) -> int:
	"""The scheduled run (hooks.py, every five minutes): during the office hours of a working
	day, send the queued messages whose time has come (those that waited for office hours and
	the retries). Returns how many were sent; 0 outside office hours."""
	moment = moment or clock_now()
	if not site_calendar().in_office_hours(moment):
		return 0
	names = frappe.get_all(
		DOCTYPE,
		filters={"status": "Queued", "send_after": ("<=", moment)},
		pluck="name",
		order_by="send_after asc",
		limit=BATCH,
	)
	return send_messages(names, moment)


def send_messages(names: list[str], moment: dt.datetime | None = None) -> int:
	"""Send each of the messages `names` that is queued and due at `moment` (now by default),
	each in its own transaction; one that fails is logged and left for a retry. Returns how
	many were sent."""
	moment = moment or clock_now()
	sent = 0
	# a background job runs in English: what it writes on a message (why it was skipped or
	# failed) is in the site's language, as the desk shows it
	with print_language(site_language()):
		for name in names:
			with guarded("applicant messages", name):
				sent += send_message(name, moment)
			_commit()
	return sent


def send_message(name: str, moment: dt.datetime) -> int:
	"""Send one message under its row lock. Returns 1 when sent, 0 when it was not due, was
	sent already, was skipped (no gateway or e-mail account) or failed (then retried later)."""
	row = frappe.db.get_value(
		DOCTYPE,
		name,
		["name", "status", "send_after", "channel", "recipient", "subject", "message", "attempts", "dossier"],
		as_dict=True,
		for_update=True,
	)
	if not row or row.status != "Queued" or (row.send_after and get_datetime(row.send_after) > moment):
		return 0
	attempts = (row.attempts or 0) + 1
	savepoint = "onestop_deliver"
	frappe.db.savepoint(savepoint)
	try:
		deliver_sms(row) if row.channel == SMS else deliver_email(row)
	except NotConfigured as e:
		frappe.db.rollback(save_point=savepoint)
		_update(name, status="Skipped", error=str(e))
		return 0
	except Exception as e:
		frappe.db.rollback(save_point=savepoint)
		# an SMS is tried again only when the gateway refused it or could not be reached: after
		# another error the gateway may have taken it, and the applicant must not get it twice
		retry = row.channel == EMAIL or isinstance(e, requests.RequestException)
		later = retry_at(attempts, moment) if retry else None
		frappe.log_error(
			title=f"onestop: applicant message {name} to {row.recipient} not sent (try {attempts})"
		)
		_update(
			name,
			status="Queued" if later else "Failed",
			attempts=attempts,
			send_after=later or row.send_after,
			error=(f"{type(e).__name__}: {e}")[:1000],
		)
		return 0
	_update(name, status="Sent", sent_at=moment, attempts=attempts, error=None)
	return 1


def deliver_sms(row) -> None:
	"""Through Frappe's SMS Settings (its gateway writes the SMS Log). Raises NotConfigured
	when no gateway is set up, the gateway's error when it refuses or is unreachable."""
	from frappe.core.doctype.sms_settings.sms_settings import send_sms

	if not frappe.db.get_single_value("SMS Settings", "sms_gateway_url", cache=False):
		raise NotConfigured(_("No SMS gateway is set up in SMS Settings."))
	send_sms([n.strip() for n in row.recipient.split(",")], row.message, success_msg=False)


def deliver_email(row) -> None:
	"""Into Frappe's Email Queue, by the outgoing Email Account. Raises NotConfigured when the
	site has none."""
	from frappe.email.doctype.email_account.email_account import EmailAccount

	if not EmailAccount.find_outgoing(match_by_doctype="Dossier"):
		raise NotConfigured(_("No outgoing e-mail account is set up."))
	frappe.sendmail(
		recipients=[r.strip() for r in row.recipient.split(",")],
		subject=row.subject,
		message=row.message,
		reference_doctype="Dossier",
		reference_name=row.dossier,
	)


def _update(name: str, **values) -> None:
	frappe.db.set_value(DOCTYPE, name, values, update_modified=True)


def _commit() -> None:
	"""Each message in its own transaction in a job (what was sent stays recorded as sent if a
	later one fails); a test's transaction is left to the test."""
	if not frappe.flags.in_test:
		frappe.db.commit()  # nosemgrep: one message per transaction in a background job
