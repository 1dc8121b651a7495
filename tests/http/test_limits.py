"""Limits and uniqueness under 20 parallel requests from separate sessions, over HTTP, on the
served stack: no interleaving passes a limit, and the stored totals equal the sums."""

from __future__ import annotations

import json
import time

import pytest
from conftest import URL, login, parallel, site_python

N = 20


@pytest.fixture(scope="module")
def sessions():
	return [login("Administrator", "admin") for _ in range(N)]


def post_all(sessions, doctype: str, docs: list[dict]):
	responses = parallel(
		[
			lambda s=s, d=d: s.post(f"{URL}/api/resource/{doctype}", json=d, timeout=120)
			for s, d in zip(sessions, docs, strict=True)
		]
	)
	codes = [r.status_code for r in responses]
	assert set(codes) <= {200, 417}, [r.text[:300] for r in responses if r.status_code not in (200, 417)]
	return codes


@pytest.mark.parametrize("allocated, fits", [(1_000_000, 10), (500_000, 5)])
def test_twenty_trainings_at_once_never_overspend_their_budget_line(sessions, allocated, fits):
	tag = f"_Test song song {time.time_ns()}"
	line = site_python(
		f"""
doc = frappe.get_doc({{"doctype": "Budget Line", "title": {tag!r}, "fiscal_year": 2018, "category": "Training",
	"requesting_agency": "Sở Nội vụ", "requested_amount": {allocated}}}).insert(ignore_permissions=True)
frappe.db.set_value("Budget Line", doc.name, {{"status": "Allocated", "appraised_amount": {allocated}, "approved_amount": {allocated}, "allocated_amount": {allocated}}})
out["line"] = doc.name
"""
	)["line"]
	course = {
		"topic_kind": "Professional Skills",
		"lead_agency": "Sở Nội vụ",
		"cost": 100_000,
		"budget_line": line,
		"sessions": [{"session_date": "2018-06-01", "part_of_day": "Full Day"}],
	}
	codes = post_all(
		sessions, "Training Course", [{**course, "course_title": f"{tag} {i}"} for i in range(N)]
	)
	stored = site_python(
		f"""
out["line"] = frappe.db.get_value("Budget Line", {line!r}, ["spent_amount", "remaining_amount"], as_dict=True)
out["charged"] = frappe.db.sql("select coalesce(sum(amount), 0) from `tabBudget Charge` where budget_line = %s", {line!r})[0][0]
out["courses"] = frappe.db.count("Training Course", {{"budget_line": {line!r}}})
"""
	)
	assert codes.count(200) == fits and stored["courses"] == fits
	assert stored["charged"] == stored["line"]["spent_amount"] == allocated
	assert stored["line"]["remaining_amount"] == 0


def test_twenty_uniform_issues_at_once_hold_the_yearly_entitlement(sessions):
	entitlement = site_python(
		"out['e'] = int(frappe.db.get_single_value('Onestop Settings', 'uniform_entitlement') or 0)"
	)["e"]
	assert entitlement, "the demo site sets a uniform entitlement"
	servant = site_python(
		f"""
out["s"] = frappe.get_doc({{"doctype": "Civil Servant", "full_name": "_Test Đồng Phục {time.time_ns()}", "home_agency": "Sở Nội vụ"}}).insert(ignore_permissions=True).name
"""
	)["s"]
	price = entitlement // 5  # five issues fit
	issue = {
		"civil_servant": servant,
		"issue_date": "2018-04-02",
		"items": [{"item": "Áo", "size": "M", "quantity": 1, "unit_price": price}],
	}
	codes = post_all(sessions, "Uniform Issue", [issue] * N)
	total = site_python(
		f"out['t'] = frappe.db.sql('select coalesce(sum(total_amount), 0) from `tabUniform Issue` where civil_servant = %s', {servant!r})[0][0]"
	)["t"]
	assert codes.count(200) == 5 and total == 5 * price <= entitlement


def test_twenty_weekly_reports_at_once_make_one(sessions):
	agency, week = "Sở Xây dựng", "2019-W10"
	site_python(f"frappe.db.delete('Weekly Report', {{'agency': {agency!r}, 'week': {week!r}}})")
	codes = post_all(sessions, "Weekly Report", [{"agency": agency, "week": week}] * N)
	count = site_python(
		f"out['n'] = frappe.db.count('Weekly Report', {{'agency': {agency!r}, 'week': {week!r}}})"
	)["n"]
	assert codes.count(200) == 1 and count == 1


def test_twenty_secondments_of_one_officer_at_once_make_one(sessions):
	servant = site_python(
		f"""
out["s"] = frappe.get_doc({{"doctype": "Civil Servant", "full_name": "_Test Biệt Phái {time.time_ns()}", "home_agency": "Sở Nội vụ"}}).insert(ignore_permissions=True).name
"""
	)["s"]
	secondment = {
		"civil_servant": servant,
		"from_date": "2019-03-01",
		"to_date": "2019-12-31",
		"decision_number": "1/QĐ-SNV",
	}
	codes = post_all(sessions, "Staff Secondment", [secondment] * N)
	count = site_python(f"out['n'] = frappe.db.count('Staff Secondment', {{'civil_servant': {servant!r}}})")[
		"n"
	]
	assert codes.count(200) == 1 and count == 1
