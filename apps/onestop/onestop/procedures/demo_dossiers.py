"""Demo dossiers: a few months of a centre's work, made through the real workflow.

Each dossier is received, handed from stage to stage, sometimes sent back for a supplement,
apologised for when late, settled and returned, each step at a past moment (see clock.at),
by the same code the desk runs. The mix (channels, lateness, supplements, open dossiers) is
set in fixtures/demo/dossiers.json; the random generator is seeded, so a site gets the same
dossiers every time.
"""

from __future__ import annotations

import datetime as dt
import random

import frappe
from frappe.model.workflow import apply_workflow
from frappe.utils import add_to_date, now_datetime

from onestop.core.calendar import site_calendar
from onestop.core.clock import at
from onestop.procedures.api import complete_stage, issue_apology
from onestop.procedures.messages import muted
from onestop.procedures.rating import record_rating

SURNAMES = (
	"Nguyễn",
	"Trần",
	"Lê",
	"Phạm",
	"Hoàng",
	"Huỳnh",
	"Phan",
	"Vũ",
	"Võ",
	"Đặng",
	"Bùi",
	"Đỗ",
	"Hồ",
	"Ngô",
)
MIDDLE = ("Văn", "Thị", "Minh", "Ngọc", "Thanh", "Quốc", "Hữu", "Thu", "Đức", "Kim")
GIVEN = ("An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hương", "Khánh", "Lan", "Long", "Mai", "Nam", "Phúc", "Quân", "Tâm", "Thảo", "Trung", "Tuấn", "Yến")  # fmt: skip
COMPANIES = ("Công ty TNHH Thương mại Biển Xanh", "Công ty Cổ phần Xây dựng Vũng Tàu", "Công ty TNHH Dịch vụ Cảng Cái Mép", "Hợp tác xã Thủy sản Phước Tỉnh")  # fmt: skip


def make_demo_dossiers(spec: dict) -> int:
	"""Make spec["count"] dossiers over the last spec["months"] months, unless the site has
	dossiers already. Returns how many were made."""
	if frappe.db.count("Dossier"):
		return 0
	rng = random.Random(spec.get("seed", 2025))
	procedures = frappe.get_all(
		"Administrative Procedure",
		filters={"is_current": 1},
		fields=["name", "legal_days", "online_level", "competent_agency"],
	)
	if not procedures:
		return 0
	calendar = site_calendar()
	end = now_datetime().replace(second=0, microsecond=0)
	start = end - dt.timedelta(days=30 * spec.get("months", 6))
	made = 0
	with muted():  # their past events are not news to anyone: no SMS or e-mail to applicants
		for _ in range(spec.get("count", 200)):
			proc = rng.choice(procedures)
			received = _working_moment(rng, calendar, start, end - dt.timedelta(days=1))
			_walk(rng, spec, calendar, proc, received, end)
			made += 1
	return made


def _working_moment(rng, calendar, start: dt.datetime, end: dt.datetime) -> dt.datetime:
	while True:
		day = start.date() + dt.timedelta(days=rng.randrange(max(1, (end - start).days)))
		if calendar.is_working_day(day):
			minutes = rng.randrange(0, 8 * 60)
			return dt.datetime.combine(day, dt.time(7, 45)) + dt.timedelta(minutes=minutes)


def _applicant(rng) -> dict:
	if rng.random() < 0.2:
		return {"applicant_type": "Organisation", "applicant_name": rng.choice(COMPANIES), "applicant_id": f"3500{rng.randrange(100000, 999999)}"}  # fmt: skip
	name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
	return {
		"applicant_type": "Person",
		"applicant_name": name,
		"applicant_id": f"0770{rng.randrange(10**7, 10**8)}",
	}


def _walk(rng, spec, calendar, proc, received: dt.datetime, end: dt.datetime) -> None:
	online = proc.online_level != "Not Online" and rng.random() < spec.get("online_share", 0.4) * 1.3
	with at(received):
		doc = frappe.get_doc(
			{
				"doctype": "Dossier",
				"procedure": proc.name,
				"channel": "Online" if online else rng.choice(("Direct", "Direct", "Direct", "Postal")),
				"received_at": received,
				"phone": f"09{rng.randrange(10**7, 10**8)}",
				**_applicant(rng),
			}
		).insert(ignore_permissions=True)
	due = doc.due_at
	# when it will be settled: mostly early or on time, some late
	late = rng.random() < spec.get("late_share", 0.1)
	share = rng.uniform(1.05, 1.6) if late else rng.uniform(0.3, 0.98)
	minutes = max(30, (proc.legal_days or 0.2) * calendar.hours.minutes_per_day * share)
	settle = calendar.add_office_minutes(calendar.clock_start(received), minutes)
	forward = calendar.add_office_minutes(calendar.clock_start(received), 20)
	_move(doc.name, "Forward", forward)
	if settle >= end or rng.random() < spec.get("open_share", 0.05):
		return  # still being processed today
	if rng.random() < spec.get("supplement_share", 0.1):
		asked = calendar.add_office_minutes(forward, 120)
		frappe.db.set_value(
			"Dossier", doc.name, "supplement_reason", "Bổ sung bản sao có chứng thực giấy tờ tùy thân."
		)
		_move(doc.name, "Request Supplement", asked)
		back = calendar.add_office_minutes(
			calendar.clock_start(asked + dt.timedelta(days=rng.randrange(1, 4))), 60
		)
		_move(doc.name, "Resubmit", back)
		due = frappe.db.get_value("Dossier", doc.name, "due_at")
		settle = calendar.add_office_minutes(back, max(30, (settle - received).total_seconds() / 60 * 0.6))
		if settle >= end:
			return
	stages = len(frappe.get_all("Dossier Stage", filters={"parent": doc.name}))
	# the receipt stage ended at "Forward"; hand on the stages before approval, which "Approve"
	# closes, leaving the return of the result
	handovers = max(0, stages - 3)
	span = calendar.office_minutes_between(received, settle)
	for i in range(handovers):
		moment = calendar.add_office_minutes(calendar.clock_start(received), span * (i + 1) / (handovers + 1))
		with at(moment):
			if moment > due:
				_apologise(doc.name, moment, calendar)
			complete_stage(doc.name)
	if settle > due:
		_apologise(doc.name, settle - dt.timedelta(minutes=30), calendar)
	refused = rng.random() < 0.03
	if refused:
		frappe.db.set_value("Dossier", doc.name, "refusal_reason", "Hồ sơ không đủ điều kiện theo quy định.")
	_move(doc.name, "Refuse" if refused else "Approve", settle)
	ready = calendar.add_office_minutes(settle, 40)
	_move(doc.name, "Mark Result Ready", ready)
	returned = calendar.add_office_minutes(
		calendar.clock_start(ready + dt.timedelta(hours=rng.randrange(1, 40))), 15
	)
	if returned < end:
		frappe.db.set_value(
			"Dossier",
			doc.name,
			"return_channel",
			"Online" if online else ("Postal" if rng.random() < 0.15 else "Direct"),
		)
		_move(doc.name, "Return Result", returned)
		# the citizen rates it on the status page: the same function the page's method calls
		level = rng.choices(("Very Satisfied", "Satisfied", "Not Satisfied"), (6, 3, 1))[0]
		record_rating(doc.name, level, moment=min(returned + dt.timedelta(minutes=30), end))


def _move(name: str, action: str, moment: dt.datetime) -> None:
	with at(moment):
		apply_workflow(frappe.get_doc("Dossier", name), action)


def _apologise(name: str, moment: dt.datetime, calendar) -> None:
	if frappe.db.get_value("Dossier", name, "apology_issued_at"):
		return
	with at(moment):
		issue_apology(
			name,
			"Hồ sơ cần xác minh thêm với cơ quan phối hợp.",
			calendar.add_office_minutes(calendar.clock_start(moment), 2 * calendar.hours.minutes_per_day),
		)
