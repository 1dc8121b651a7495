"""The Decision 766 indicator export on a small data set whose figures are worked out by hand.

March 2023 (no public holiday), office hours 07:30–11:30 and 13:30–17:00 (450 minutes a working
day), judged at 17:00 Friday 31/03/2023.

Agency X, procedure P (3 working days):
  x1  Mon 06/03 09:00 online  approved Tue 07/03 10:00: early, (150 + 210 + 150) / 450 = 1.13 days,
                              result returned, rated Very Satisfied
  x2  Mon 06/03 10:00         approved Thu 09/03 09:00: on time, (90 + 210 + 450 + 450 + 90) / 450
                              = 2.87 days, result returned, rated Not Satisfied
  x3  Mon 27/03 09:00         still processing, due Thu 30/03 09:00: pending and overdue
Agency Y, procedure R (5 working days):
  y1  Mon 06/03 09:00 online  refused at the counter 09:30: early, 30 / 450 = 0.07 days
  y0  Tue 28/02 09:00         outside the period

X: received 3, online 1 (33.3 %), settled 2 (early 1, on time 1, late 0: 100.0 % on time),
   pending 1, overdue 1, average (1.13 + 2.87) / 2 = 2.0 days, rated 2, satisfied 1 (50.0 %).
Y: received 1, online 1 (100.0 %), settled 1 (early: 100.0 %), average 0.07 days, none rated
   (the rate is empty, not 0).
Total: received 4, online 2 (50.0 %), settled 3 (100.0 % on time), pending 1, overdue 1,
   average (1.13 + 2.87 + 0.07) / 3 = 1.36 days, rated 2, satisfied 1 (50.0 %).
Digitisation (when the site measures it): no component scanned, so 0 dossiers fully digitised
(0.0 %); results issued: x1 and x2 (returned), y1 was refused, so 2 on X, 0 on Y; none
digitised (0.0 % on X, empty on Y); nothing reused.
"""

import csv
import datetime as dt
import io

import frappe
import pytest
from openpyxl import load_workbook

from onestop.core.clock import at
from onestop.indicator_layout import CODES
from onestop.procedures.indicators import csv_content, indicator_rows, period, xlsx_content
from onestop.procedures.rating import record_rating

from .factories import USERS, agency, dossier, move, procedure

DT = dt.datetime
NOW = DT(2023, 3, 31, 17, 0)
PERIOD = (dt.date(2023, 3, 1), dt.date(2023, 3, 31))
APPROVER = USERS["approver"][0]
# the layout the README documents: never reordered, only ever added to at the end
LAYOUT = [
	"row_type",
	"from_date",
	"to_date",
	"agency",
	"agency_code",
	"received",
	"received_online",
	"online_rate",
	"settled",
	"settled_early",
	"settled_on_time",
	"settled_late",
	"on_time_rate",
	"pending",
	"overdue",
	"avg_handling_days",
	"on_the_spot",
	"on_the_spot_rate",
	"rated",
	"satisfied",
	"satisfaction_rate",
	"digitised_dossiers",
	"digitised_dossier_rate",
	"results_issued",
	"digitised_results",
	"digitised_result_rate",
	"reusing_dossiers",
	"reuse_rate",
	"reused_documents",
]


def measures_digitisation() -> bool:
	try:
		import onestop.procedures.digitisation
	except ImportError:
		return False
	return True


def returned(name, moment, satisfaction):
	move(name, "Mark Result Ready", moment)
	move(name, "Return Result", moment + dt.timedelta(minutes=10), return_channel="Direct")
	record_rating(name, satisfaction, moment=moment + dt.timedelta(minutes=20))


@pytest.fixture
def data():
	x = agency("_Test Sở Chỉ số X", members=[USERS["processor"][0], APPROVER])
	frappe.db.set_value("Agency", x, "electronic_code", "000.00.31.H99")
	y = agency("_Test Sở Chỉ số Y", members=[USERS["other_processor"][0], APPROVER])
	p = procedure(legal_days=3, agency=x)
	r = procedure(legal_days=5, agency=y)
	d = {}
	d["x1"] = dossier(p, DT(2023, 3, 6, 9, 0), channel="Online")
	move(d["x1"], "Forward", DT(2023, 3, 6, 9, 30))
	move(d["x1"], "Approve", DT(2023, 3, 7, 10, 0), APPROVER)
	returned(d["x1"], DT(2023, 3, 7, 10, 20), "Very Satisfied")
	d["x2"] = dossier(p, DT(2023, 3, 6, 10, 0))
	move(d["x2"], "Forward", DT(2023, 3, 6, 10, 30))
	move(d["x2"], "Approve", DT(2023, 3, 9, 9, 0), APPROVER)
	returned(d["x2"], DT(2023, 3, 9, 9, 20), "Not Satisfied")
	d["x3"] = dossier(p, DT(2023, 3, 27, 9, 0))
	move(d["x3"], "Forward", DT(2023, 3, 27, 9, 30))
	d["y1"] = dossier(r, DT(2023, 3, 6, 9, 0), channel="Online")
	move(d["y1"], "Refuse", DT(2023, 3, 6, 9, 30), refusal_reason="Không thuộc thẩm quyền")
	d["y0"] = dossier(r, DT(2023, 2, 28, 9, 0))
	frappe.set_user("Administrator")
	frappe.local.onestop_user_agencies = None
	return frappe._dict(x=x, y=y, dossiers=frappe._dict(d))


def rows_now(*args, **kwargs):
	with at(NOW):
		return indicator_rows(*args, **kwargs)


def test_the_columns_are_the_documented_layout():
	assert list(CODES) == LAYOUT


def test_the_figures_are_the_hand_worked_ones(data):
	rows = rows_now(*PERIOD)
	assert [r["agency"] for r in rows] == [data.x, data.y, ""]  # agencies by name, the total last
	x, y, total = rows
	assert [r["row_type"] for r in rows] == ["agency", "agency", "total"]
	assert (x["from_date"], x["to_date"], x["agency_code"], y["agency_code"]) == (
		*PERIOD,
		"000.00.31.H99",
		"",
	)
	assert {k: x[k] for k in LAYOUT[5:21]} == {
		"received": 3,
		"received_online": 1,
		"online_rate": 33.3,
		"settled": 2,
		"settled_early": 1,
		"settled_on_time": 1,
		"settled_late": 0,
		"on_time_rate": 100.0,
		"pending": 1,
		"overdue": 1,
		"avg_handling_days": 2.0,
		"on_the_spot": 0,
		"on_the_spot_rate": 0.0,
		"rated": 2,
		"satisfied": 1,
		"satisfaction_rate": 50.0,
	}
	assert {k: y[k] for k in LAYOUT[5:21]} == {
		"received": 1,
		"received_online": 1,
		"online_rate": 100.0,
		"settled": 1,
		"settled_early": 1,
		"settled_on_time": 0,
		"settled_late": 0,
		"on_time_rate": 100.0,
		"pending": 0,
		"overdue": 0,
		"avg_handling_days": 0.07,
		"on_the_spot": 0,
		"on_the_spot_rate": 0.0,
		"rated": 0,
		"satisfied": 0,
		"satisfaction_rate": None,
	}
	assert {k: total[k] for k in LAYOUT[5:21]} == {
		"received": 4,
		"received_online": 2,
		"online_rate": 50.0,
		"settled": 3,
		"settled_early": 2,
		"settled_on_time": 1,
		"settled_late": 0,
		"on_time_rate": 100.0,
		"pending": 1,
		"overdue": 1,
		"avg_handling_days": 1.36,
		"on_the_spot": 0,
		"on_the_spot_rate": 0.0,
		"rated": 2,
		"satisfied": 1,
		"satisfaction_rate": 50.0,
	}
	digitisation = [{k: r[k] for k in LAYOUT[21:]} for r in rows]
	if measures_digitisation():
		assert [d["results_issued"] for d in digitisation] == [2, 0, 2]
		assert [d["digitised_dossier_rate"] for d in digitisation] == [0.0, 0.0, 0.0]
		assert [d["digitised_result_rate"] for d in digitisation] == [0.0, None, 0.0]
		assert {
			d["digitised_dossiers"] + d["digitised_results"] + d["reusing_dossiers"] for d in digitisation
		} == {0}
	else:
		assert all(v is None for d in digitisation for v in d.values())


def test_one_agency_and_an_officers_own_agency(data):
	rows = rows_now(*PERIOD, agency=data.y)
	assert [(r["agency"], r["received"]) for r in rows] == [(data.y, 1), ("", 1)]
	frappe.set_user(USERS["processor"][0])  # a processing officer of X only
	frappe.local.onestop_user_agencies = None
	rows = rows_now(*PERIOD)
	assert [(r["agency"], r["received"], r["overdue"]) for r in rows] == [(data.x, 3, 1), ("", 3, 1)]
	assert rows_now(*PERIOD, agencies={data.y})[-1]["received"] == 0  # not one of the officer's


def norm(value):
	"""A cell as a number when it reads as one (XLSX keeps 50.0 as the number 50)."""
	if value is None:
		return ""
	try:
		return float(value)
	except ValueError:
		return str(value)


def test_csv_and_xlsx_carry_the_same_table(data):
	rows = rows_now(*PERIOD)
	content = csv_content(rows)
	assert content.startswith("\ufeff".encode())
	table = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
	assert table[0] == LAYOUT
	assert table[1][:9] == [
		"agency",
		"2023-03-01",
		"2023-03-31",
		data.x,
		"000.00.31.H99",
		"3",
		"1",
		"33.3",
		"2",
	]
	assert table[2][LAYOUT.index("satisfaction_rate")] == ""  # no rating: empty, not 0
	assert table[3][:6] == ["total", "2023-03-01", "2023-03-31", "", "", "4"]
	book = load_workbook(io.BytesIO(xlsx_content(rows)))
	sheet, legend = book.worksheets
	cells = [[norm(v) for v in row] for row in sheet.iter_rows(values_only=True)]
	assert cells == [[norm(v) for v in row] for row in table]  # numbers as numbers, dates as text
	names = dict(legend.iter_rows(min_row=2, values_only=True))
	assert list(names) == LAYOUT and all(names.values())


def test_bad_periods_are_refused():
	for from_date, to_date in (
		("2023-03-31", "2023-03-01"),
		("2023-02-30", "2023-03-31"),
		("", "2023-03-31"),
		("2019-01-01", "2023-03-31"),
		("31/03/2023", "2023-04-30"),
	):
		with pytest.raises(frappe.ValidationError):
			period(from_date, to_date)
	assert period("2023-03-01", "2023-03-31") == PERIOD
