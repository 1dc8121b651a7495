"""The citizen's own rating (Decision 766/QĐ-TTg, the satisfaction group) and the KPI "% hài lòng".

Hand-worked set, procedure P of agency A (2 working days), received in October 2025, all
returned: three citizens rate Very Satisfied, one Satisfied, one Not Satisfied, one does not
rate; one dossier still processing cannot be rated. Satisfied = (3 + 1) / 5 rated = 80 %.
"""

import datetime as dt

import frappe
import pytest

from onestop.procedures.kpi_queries import dossier_counts
from onestop.procedures.rating import COMMENT_MAX, RatingError, rate, record_rating
from onestop.procedures.report.dossier_kpis.dossier_kpis import execute as kpi_report

from .factories import USERS, agency, dossier, move, procedure

DT = dt.datetime
PERIOD = (dt.date(2025, 10, 1), dt.date(2025, 10, 31))
APPROVER = USERS["approver"][0]
RECEIVER = USERS["receiver"][0]


@pytest.fixture
def department():
	return agency("_Test Sở Đánh giá", members=[USERS["processor"][0], APPROVER])


def returned_dossier(proc, day: int) -> str:
	"""A dossier received on 10/2025 `day` at 09:00, approved and returned the next morning."""
	name = dossier(proc, DT(2025, 10, day, 9, 0))
	move(name, "Forward", DT(2025, 10, day, 9, 30), RECEIVER)
	move(name, "Approve", DT(2025, 10, day + 1, 8, 0), APPROVER)
	move(name, "Mark Result Ready", DT(2025, 10, day + 1, 8, 30))
	move(name, "Return Result", DT(2025, 10, day + 1, 9, 0), RECEIVER, return_channel="Direct")
	return name


def test_the_satisfaction_figure_counts_the_citizens_ratings(department):
	proc = procedure(legal_days=2, agency=department)
	days = (6, 7, 8, 13, 14, 15)  # Monday to Wednesday of two weeks
	names = [returned_dossier(proc, day) for day in days]
	levels = ("Very Satisfied", "Very Satisfied", "Very Satisfied", "Satisfied", "Not Satisfied")
	for name, level in zip(names, levels, strict=False):
		record_rating(name, level, "Cán bộ hướng dẫn tận tình.")
	pending = dossier(proc, DT(2025, 10, 20, 9, 0))
	with pytest.raises(RatingError):
		record_rating(pending, "Satisfied")

	total = dossier_counts(*PERIOD, competent_agency=department)[0]
	assert (total["received"], total["rated"], total["satisfied"]) == (7, 5, 4)
	_columns, rows, _message, _chart, summary = kpi_report(
		frappe._dict(
			from_date=PERIOD[0], to_date=PERIOD[1], group_by="Competent Agency", competent_agency=department
		)
	)[:5]
	row = next(r for r in rows if r.get("group") == department)
	assert row["satisfaction_rate"] == 80.0
	assert any(card["value"] == 80.0 for card in summary if card.get("label") == "% Satisfied")
	stored = frappe.db.get_value("Dossier", names[0], ["satisfaction", "satisfaction_comment", "rated_at"])
	assert stored[0] == "Very Satisfied" and stored[1] == "Cán bộ hướng dẫn tận tình." and stored[2]


def test_one_rating_per_dossier_and_only_valid_ratings(department):
	proc = procedure(legal_days=2, agency=department)
	name = returned_dossier(proc, 6)
	with pytest.raises(RatingError):
		record_rating(name, "Excellent")
	with pytest.raises(RatingError):
		record_rating(name, "Satisfied", "x" * (COMMENT_MAX + 1))
	record_rating(name, "Satisfied", "y" * COMMENT_MAX)
	with pytest.raises(RatingError):
		record_rating(name, "Not Satisfied")
	assert frappe.db.get_value("Dossier", name, "satisfaction") == "Satisfied"
	assert dossier_counts(*PERIOD, competent_agency=department)[0]["rated"] == 1


def test_the_public_method_needs_the_links_token(department):
	proc = procedure(legal_days=2, agency=department)
	name = returned_dossier(proc, 6)
	token = frappe.db.get_value("Dossier", name, "public_token")
	frappe.set_user("Guest")
	try:
		for code, secret in ((name, "not-the-token"), (name, ""), ("HS-KHONG-CO", token)):
			with pytest.raises(RatingError):
				rate(code, secret, "Very Satisfied")
		assert not frappe.db.get_value("Dossier", name, "satisfaction")
		assert rate(name, token, "Very Satisfied", "  Nhanh chóng.  ")["satisfaction"] == "Very Satisfied"
	finally:
		frappe.set_user("Administrator")
	assert frappe.db.get_value("Dossier", name, "satisfaction_comment") == "Nhanh chóng."


def test_officers_cannot_enter_or_change_the_rating(department):
	proc = procedure(legal_days=2, agency=department)
	rated, unrated = returned_dossier(proc, 6), returned_dossier(proc, 7)
	record_rating(rated, "Not Satisfied", "Chờ lâu.")
	for name in (rated, unrated):
		doc = frappe.get_doc("Dossier", name)
		doc.satisfaction, doc.satisfaction_comment, doc.rated_at = (
			"Very Satisfied",
			"Sửa",
			DT(2025, 10, 9, 9, 0),
		)
		doc.save()
	assert frappe.db.get_value("Dossier", rated, ["satisfaction", "satisfaction_comment"]) == (
		"Not Satisfied",
		"Chờ lâu.",
	)
	assert frappe.db.get_value("Dossier", unrated, ["satisfaction", "satisfaction_comment", "rated_at"]) == (
		None,
		None,
		None,
	)
	counts = dossier_counts(*PERIOD, competent_agency=department)[0]
	assert (counts["rated"], counts["satisfied"]) == (1, 0)
	new = frappe.get_doc("Dossier", dossier(proc, DT(2025, 10, 8, 9, 0), satisfaction="Very Satisfied"))
	assert not new.satisfaction


def test_the_status_page_offers_the_form_once_returned_and_thanks_after(department):
	from frappe.website.serve import get_response_content

	proc = procedure(legal_days=2, agency=department)
	name = returned_dossier(proc, 6)
	open_one = dossier(proc, DT(2025, 10, 7, 9, 0))
	tokens = {n: frappe.db.get_value("Dossier", n, "public_token") for n in (name, open_one)}
	frappe.set_user("Guest")
	try:
		frappe.local.form_dict = frappe._dict(ma=open_one, t=tokens[open_one])
		assert "rating-form" not in get_response_content("tra-cuu-ho-so")
		frappe.local.form_dict = frappe._dict(ma=name, t=tokens[name])
		html = get_response_content("tra-cuu-ho-so")
		assert "rating-form" in html and "onestop.procedures.rating.rate" in html
		record_rating(name, "Satisfied", "Bí mật riêng của tôi")
		frappe.local.form_dict = frappe._dict(ma=name, t=tokens[name])
		html = get_response_content("tra-cuu-ho-so")
		assert "rating-form" not in html and "rating-done" in html
		assert "Bí mật riêng của tôi" not in html
	finally:
		frappe.set_user("Administrator")


def test_the_demo_loaders_ratings_are_the_citizens_and_counted(department):
	from onestop.procedures import daily_counts
	from onestop.procedures.demo_dossiers import make_demo_dossiers

	procedure(legal_days=1, agency=department)
	assert not frappe.db.count("Dossier")  # each test runs in its own transaction
	made = make_demo_dossiers({"count": 30, "months": 2, "seed": 766, "open_share": 0, "late_share": 0})
	assert made == 30
	rated = frappe.db.sql(
		"select count(*), sum(satisfaction in ('Very Satisfied', 'Satisfied')) from tabDossier "
		"where ifnull(satisfaction, '') != '' and rated_at is not null and status = 'Result Returned'"
	)[0]
	assert rated[0] > 0
	today = dt.date.today()
	counted = dossier_counts(today - dt.timedelta(days=120), today)[0]
	assert (counted["rated"], counted["satisfied"]) == (rated[0], int(rated[1]))
	daily_counts.rebuild()
	assert dossier_counts(today - dt.timedelta(days=120), today)[0] == counted
