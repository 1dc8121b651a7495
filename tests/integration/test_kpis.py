"""The service KPIs on a small data set whose every figure is worked out by hand below.

November 2024 (no public holiday), office hours 07:30–11:30 and 13:30–17:00 (450 minutes a
working day), judged at 17:00 Friday 29/11/2024.

Agency A, procedure P (3 working days), procedure Q (on the spot, fully online, same day):
  a1  P  Mon 04/11 09:00 online   approved Tue 05/11 10:00: early,   (360 + 150) / 450 = 1.13 days, returned, very satisfied
  a2  P  Mon 04/11 10:00          approved Thu 07/11 09:00: on time, (300 + 900 + 90) / 450 = 2.87 days, returned, not satisfied
  a3  P  Mon 04/11 11:00          approved Fri 08/11 10:00 after the apology: late (due Thu 07/11 11:00),
                                  (240 + 1350 + 150) / 450 = 3.87 days, at the appraisal stage of A
  a4  P  Mon 25/11 09:00          still processing, due Thu 28/11 09:00: pending and overdue
  a5  Q  Mon 04/11 14:00          approved 14:30: on time (due 17:00 the same day), 30 / 450 = 0.07 days
  a6  P  Tue 26/11 09:00 online   supplement requested 10:00: pending, not overdue (the clock stops)
Agency B, procedure R (5 working days):
  b1  R  Mon 04/11 09:00          refused at the counter 09:30: early, 30 / 450 = 0.07 days
  b2  R  Tue 05/11 09:00          withdrawn Wed 06/11: neither settled nor pending
  b0  R  Thu 31/10 09:00          outside the period
"""

import datetime as dt

import frappe
import pytest

from onestop.core.clock import at
from onestop.dossier_timing import COUNTERS
from onestop.procedures.api import issue_apology
from onestop.procedures.kpi_queries import dossier_counts, procedure_shares
from onestop.procedures.rating import record_rating

from .factories import CENTRE, USERS, agency, dossier, move, procedure

DT = dt.datetime
NOW = DT(2024, 11, 29, 17, 0)
PERIOD = (dt.date(2024, 11, 1), dt.date(2024, 11, 30))
APPROVER = USERS["approver"][0]


def returned(name, moment, satisfaction):
	"""The result made ready and returned at `moment`, then rated by the citizen."""
	move(name, "Mark Result Ready", moment)
	move(name, "Return Result", moment + dt.timedelta(minutes=10), return_channel="Direct")
	record_rating(name, satisfaction, moment=moment + dt.timedelta(minutes=20))


@pytest.fixture
def data():
	a = agency("_Test Sở KPI A", members=[USERS["processor"][0], APPROVER])
	b = agency("_Test Sở KPI B", members=[USERS["other_processor"][0], APPROVER])
	p = procedure(legal_days=3, agency=a)
	q = procedure(
		legal_days=0,
		agency=a,
		stages=[("Tiếp nhận và giải quyết", CENTRE, 0)],
		on_the_spot=1,
		online_level="Full Online",
	)
	r = procedure(legal_days=5, agency=b)
	d = {}
	d["a1"] = dossier(p, DT(2024, 11, 4, 9, 0), channel="Online")
	move(d["a1"], "Forward", DT(2024, 11, 4, 9, 30))
	move(d["a1"], "Approve", DT(2024, 11, 5, 10, 0), APPROVER)
	returned(d["a1"], DT(2024, 11, 5, 10, 20), "Very Satisfied")
	d["a2"] = dossier(p, DT(2024, 11, 4, 10, 0))
	move(d["a2"], "Forward", DT(2024, 11, 4, 10, 30))
	move(d["a2"], "Approve", DT(2024, 11, 7, 9, 0), APPROVER)
	returned(d["a2"], DT(2024, 11, 7, 9, 20), "Not Satisfied")
	d["a3"] = dossier(p, DT(2024, 11, 4, 11, 0))
	move(d["a3"], "Forward", DT(2024, 11, 4, 11, 15))
	with at(DT(2024, 11, 8, 9, 0)):
		issue_apology(d["a3"], "Chờ xác minh", "2024-11-11 09:00:00")
	move(d["a3"], "Approve", DT(2024, 11, 8, 10, 0), APPROVER)
	d["a4"] = dossier(p, DT(2024, 11, 25, 9, 0))
	move(d["a4"], "Forward", DT(2024, 11, 25, 9, 30))
	d["a5"] = dossier(q, DT(2024, 11, 4, 14, 0))
	move(d["a5"], "Forward", DT(2024, 11, 4, 14, 10))
	move(d["a5"], "Approve", DT(2024, 11, 4, 14, 30), APPROVER)
	d["a6"] = dossier(p, DT(2024, 11, 26, 9, 0), channel="Online")
	move(d["a6"], "Request Supplement", DT(2024, 11, 26, 10, 0), supplement_reason="Bổ sung bản chính")
	d["b1"] = dossier(r, DT(2024, 11, 4, 9, 0))
	move(d["b1"], "Refuse", DT(2024, 11, 4, 9, 30), refusal_reason="Không thuộc thẩm quyền")
	d["b2"] = dossier(r, DT(2024, 11, 5, 9, 0))
	move(d["b2"], "Withdraw", DT(2024, 11, 6, 9, 0), withdrawn_reason="Người nộp rút hồ sơ")
	d["b0"] = dossier(r, DT(2024, 10, 31, 9, 0))
	frappe.set_user("Administrator")
	frappe.local.onestop_user_agencies = None
	return frappe._dict(a=a, b=b, dossiers=frappe._dict(d))


COUNTS = (
	"received",
	"resolved",
	"early",
	"on_time",
	"late",
	"pending",
	"overdue",
	"online",
	"on_the_spot",
	"rated",
	"satisfied",
)


def figures(row):
	return {k: row[k] for k in COUNTS}


def test_the_stored_outcomes_are_the_hand_worked_ones(data):
	fields = ["resolution", "handling_days", "late_stage", "late_agency"]
	got = {
		k: tuple(v if v != "" else None for v in frappe.db.get_value("Dossier", n, fields))
		for k, n in data.dossiers.items()
	}
	assert got["a1"] == ("Early", 1.13, None, None)
	assert got["a2"] == ("On Time", 2.87, None, None)
	assert got["a3"] == ("Late", 3.87, "Thẩm định", data.a)
	assert got["a5"] == ("On Time", 0.07, None, None)
	assert got["b1"] == ("Early", 0.07, None, None)
	assert got["a4"][0] is None and got["a6"][0] is None and got["b2"][0] is None


def test_counts_per_agency(data):
	rows = {r["group"]: r for r in dossier_counts(*PERIOD, "Competent Agency", now=NOW)}
	assert figures(rows[data.a]) == dict(
		received=6,
		resolved=4,
		early=1,
		on_time=2,
		late=1,
		pending=2,
		overdue=1,
		online=2,
		on_the_spot=1,
		rated=2,
		satisfied=1,
	)
	assert rows[data.a]["avg_days"] == pytest.approx((1.13 + 2.87 + 3.87 + 0.07) / 4, abs=0.005)
	assert figures(rows[data.b]) == dict(
		received=2,
		resolved=1,
		early=1,
		on_time=0,
		late=0,
		pending=0,
		overdue=0,
		online=0,
		on_the_spot=0,
		rated=0,
		satisfied=0,
	)
	assert rows[data.b]["avg_days"] == 0.07
	assert set(rows) == {data.a, data.b}  # b0 was received in October


def test_the_report_its_rates_and_its_filters(data):
	from onestop.procedures.report.dossier_kpis.dossier_kpis import execute

	filters = {"from_date": "2024-11-01", "to_date": "2024-11-30", "group_by": "Competent Agency"}
	with at(NOW):
		_columns, rows, _message, chart, summary = execute(filters)
	by_agency = {r["group"]: r for r in rows}
	assert by_agency[data.a]["on_time_rate"] == 75.0  # (1 early + 2 on time) / 4 settled
	assert by_agency[data.a]["on_the_spot_rate"] == 16.7  # 1 / 6
	assert by_agency[data.a]["satisfaction_rate"] == 50.0  # 1 satisfied / 2 rated
	totals = {s["label"]: s["value"] for s in summary}
	assert totals["Received"] == 8 and totals["Overdue"] == 1
	assert totals["% On Time"] == 80.0  # (2 early + 2 on time) / 5 settled
	assert totals["% Filed Online"] == 25.0  # 2 / 8
	assert chart["data"]["datasets"][2]["values"][chart["data"]["labels"].index(data.a)] == 1  # late
	with at(NOW):
		_c, rows, *_ = execute({**filters, "channel": "Online", "group_by": "Month"})
	assert [(r["group"], r["received"], r["pending"]) for r in rows] == [("2024-11", 2, 1)]


# what the report's links open (report/dossier_kpis/dossier_kpis.js, DRILL)
DRILL = {
	"received": {},
	"resolved": {"resolved_at": ["is", "set"]},
	"early": {"resolution": "Early"},
	"on_time": {"resolution": "On Time"},
	"late": {"resolution": "Late"},
	"pending": {"status": ["in", ["Received", "Processing", "Supplement Requested"]]},
	"overdue": {"status": ["in", ["Received", "Processing"]], "due_at": ["<", NOW]},
}


def test_every_count_opens_exactly_its_dossiers(data):
	rows = {r["group"]: r for r in dossier_counts(*PERIOD, "Competent Agency", now=NOW)}
	for agency_name in (data.a, data.b):
		for key, extra in DRILL.items():
			listed = frappe.get_list(
				"Dossier",
				filters={"received_at": ["between", PERIOD], "competent_agency": agency_name, **extra},
				pluck="name",
			)
			assert len(listed) == rows[agency_name][key], (agency_name, key)
	overdue = frappe.get_list(
		"Dossier", filters={"competent_agency": data.a, **DRILL["overdue"]}, pluck="name"
	)
	assert overdue == [data.dossiers.a4]


def test_an_agency_officer_counts_only_their_agency(data):
	frappe.set_user(USERS["processor"][0])
	frappe.local.onestop_user_agencies = None
	(total,) = dossier_counts(*PERIOD, now=NOW)
	assert total["received"] == 6


def test_the_late_dossiers_report_names_agency_and_stage(data):
	from onestop.procedures.report.late_dossiers.late_dossiers import execute

	with at(NOW):
		_columns, rows, _message, chart, summary = execute(
			{"from_date": "2024-11-01", "to_date": "2024-11-30"}
		)
	got = {r["name"]: (r["late_stage"], r["late_agency"], r["days_late"]) for r in rows}
	# a3: due Thu 07/11 11:00, settled Fri 08/11 10:00 = (30 + 210 + 150) / 450; a4: due Thu 28/11
	# 09:00, open at Fri 29/11 17:00 = (150 + 210 + 450) / 450
	assert got == {
		data.dossiers.a3: ("Thẩm định", data.a, 0.87),
		data.dossiers.a4: ("Thẩm định", data.a, 1.8),
	}
	assert [r["name"] for r in rows] == [data.dossiers.a4, data.dossiers.a3]  # latest by most first
	assert chart["data"]["labels"] == [data.a] and chart["data"]["datasets"][0]["values"] == [2]
	assert {s["label"]: s["value"] for s in summary}["Agency to Inspect First"] == data.a


def test_the_share_of_on_the_spot_procedures(data):
	shares = procedure_shares()
	assert shares["procedures"] >= 3 and shares["on_the_spot"] >= 1 and shares["full_online"] >= 1
	frappe.db.set_value(
		"Administrative Procedure", {"competent_agency": data.a, "on_the_spot": 1}, "is_current", 0
	)
	assert procedure_shares()["on_the_spot"] == shares["on_the_spot"] - 1


def test_the_counters_kept_on_save_are_those_rebuilt_from_the_dossiers(data):
	from onestop.procedures import daily_counts

	def counters():
		return sorted(
			frappe.get_all(
				"Dossier Daily Count",
				fields=["name", *COUNTERS],
			),
			key=lambda r: r.name,
		)

	# the messages to its applicant name the dossier, and Frappe refuses to delete a record
	# others link to: they go first
	for message in frappe.get_all("Applicant Message", {"dossier": data.dossiers.b2}, pluck="name"):
		frappe.delete_doc("Applicant Message", message, ignore_permissions=True)
	frappe.delete_doc("Dossier", data.dossiers.b2, ignore_permissions=True)  # a deleted dossier leaves them
	kept = counters()
	daily_counts.rebuild()
	rebuilt = counters()
	assert [r for r in kept if r.received] == rebuilt and len(rebuilt) >= 6


def test_the_workspace_cards_and_charts_give_the_reports_figures(data):
	from onestop.procedures import dashboard

	with at(NOW):
		assert dashboard.received_this_month()["value"] == 8  # a1–a6, b1, b2
		assert dashboard.overdue_now()["value"] == 2  # a4, and b0 (received before the period, still open)
		assert dashboard.by_resolution()["datasets"][0]["values"] == [
			2,
			2,
			1,
		]  # early a1 b1, on time a2 a5, late a3
		months = dashboard.received_by_month()
		assert months["labels"][-1] == "2024-11" and months["datasets"][0]["values"][-1] == 8
		late = dashboard.late_by_agency()
		assert (late["labels"], late["datasets"][0]["values"]) == ([data.a], [1])


def test_chart_data_is_cached_per_user_not_per_chart(data):
	from onestop.core.charts import cache_per_user

	calls = []

	@cache_per_user
	def source(chart_name=None, **kwargs):
		calls.append(frappe.session.user)
		with at(NOW):
			return dossier_counts(*PERIOD, group_by="Competent Agency", overdue=False)

	frappe.set_user("Administrator")
	everyone = source(chart_name="_Test chart", refresh=1)
	frappe.set_user(USERS["other_processor"][0])  # a member of agency B only
	frappe.local.onestop_user_agencies = None
	theirs = source(chart_name="_Test chart")
	assert {r["group"] for r in everyone} == {data.a, data.b}
	assert {r["group"] for r in theirs} == {data.b}
	again = source(chart_name="_Test chart")
	assert len(calls) == 2, calls  # the second call of the same user comes from the cache
	assert [dict(r) for r in again] == [dict(r) for r in theirs]
