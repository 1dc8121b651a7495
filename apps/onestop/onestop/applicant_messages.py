"""What the applicant of a dossier is told, and when. Plain Python (no Frappe).

Decree 61/2018/NĐ-CP (Art. 18–20) and Decree 118/2025/NĐ-CP have the receiving unit tell the
applicant of the receipt and its appointment, of a request to supplement the dossier (what is
missing), of the result being ready, and apologise with a new appointment when the dossier is
late (form 04 of Circulars 01/2018/TT-VPCP and 03/2025/TT-VPCP). onestop tells them by SMS
and e-mail (onestop.procedures.messages sends; this module decides).

- `events(before, after)`: the events a dossier save brings, each with its occurrence, so
  that a message goes once per (dossier, event, occurrence, channel): one receipt, one
  result-ready notice, one supplement request per request (the dossier's supplement count),
  one apology per new appointment.
- `send_after(event, moment, calendar)`: the receipt goes at once; the others during office
  hours (an event outside them waits for the next opening of a working day).
- `retry_at(attempts, moment)`: when a failed message is tried again (the gateway was down).
- `phone_number(text)`: a Vietnamese mobile or landline number as a gateway takes it, or None.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

RECEIVED = "Received"
SUPPLEMENT = "Supplement Requested"
RESULT_READY = "Result Ready"
APOLOGY = "Apology"
EVENTS = (RECEIVED, SUPPLEMENT, RESULT_READY, APOLOGY)
IMMEDIATE = frozenset({RECEIVED})  # sent at any hour, at once

SMS = "SMS"
EMAIL = "Email"
CHANNELS = (SMS, EMAIL)

MAX_ATTEMPTS = 8  # tries of one message before it is marked Failed for good
FIRST_RETRY_MINUTES = 5  # then doubled each time ...
LONGEST_WAIT_MINUTES = 240  # ... up to four hours


@dataclass(frozen=True)
class Event:
	kind: str  # one of EVENTS
	occurrence: str  # "1", the supplement request's number, the new appointment

	def key(self, dossier: str, channel: str) -> str:
		"""The message's identity: sent once, whatever saves, retries or parallel requests."""
		return f"{dossier}|{self.kind}|{self.occurrence}|{channel}"


def _moment_text(value) -> str:
	if value is None or value == "":
		return ""
	if isinstance(value, dt.datetime):
		return value.strftime("%Y-%m-%d %H:%M")
	return str(value)[:16]


def events(before: dict | None, after: dict) -> list[Event]:
	"""The events that saving a dossier from `before` (None for a new dossier) to `after`
	brings. Both are mappings with the dossier's status, supplement_count, apology_issued_at
	and new_due_at."""
	if before is None:
		return [Event(RECEIVED, "1")]
	found = []
	status, old = after.get("status"), before.get("status")
	if status != old and status == SUPPLEMENT:
		found.append(Event(SUPPLEMENT, str(int(after.get("supplement_count") or 1))))
	if status != old and status == RESULT_READY:
		found.append(Event(RESULT_READY, "1"))
	issued = after.get("apology_issued_at")
	if issued and _moment_text(issued) != _moment_text(before.get("apology_issued_at")):
		found.append(Event(APOLOGY, _moment_text(after.get("new_due_at")) or _moment_text(issued)))
	return found


def send_after(kind: str, moment: dt.datetime, calendar) -> dt.datetime:
	"""When a message of `kind` raised at `moment` may go: at once for the receipt, else at
	`moment` inside office hours, or the next opening of a working day (`calendar` is a
	onestop.working_days.WorkingCalendar)."""
	if kind in IMMEDIATE or calendar.in_office_hours(moment):
		return moment
	return calendar.clock_start(moment)


def retry_at(attempts: int, moment: dt.datetime) -> dt.datetime | None:
	"""After `attempts` failed tries (1 or more), when to try again: 5, 10, 20 … minutes later,
	at most four hours; None once MAX_ATTEMPTS tries have failed."""
	if attempts >= MAX_ATTEMPTS:
		return None
	wait = min(LONGEST_WAIT_MINUTES, FIRST_RETRY_MINUTES * 2 ** max(0, attempts - 1))
	return moment + dt.timedelta(minutes=wait)


_SEPARATORS = re.compile(r"[\s.\-()/]")


def phone_number(text: str | None) -> str | None:
	"""A phone number as SMS gateways take it ("0909123456", "+84909123456" → as written
	without spaces, dots, dashes or brackets), or None when `text` is not one (9 to 12 digits,
	an optional leading +)."""
	if not text:
		return None
	number = _SEPARATORS.sub("", text.strip())
	digits = number[1:] if number.startswith("+") else number
	if not digits.isdigit() or not 9 <= len(digits) <= 12:
		return None
	return number


def short_moment(value: dt.datetime | None) -> str:
	"""'09:30 ngày 05/10/2025', as the messages write a moment ('' for none)."""
	if not value:
		return ""
	return f"{value.hour:02d}:{value.minute:02d} ngày {value.day:02d}/{value.month:02d}/{value.year}"
