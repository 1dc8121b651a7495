"""Bad input over REST, field by field, for the app's DocTypes: long, wrong type, out of range,
impossible dates, markup, decomposed and zero-width Unicode. The answer is never a 500, and
what is stored is clean (no markup outside rich text's allow-list, NFC, no zero-width
characters, numbers in range)."""

from __future__ import annotations

import json
import time
import unicodedata

import pytest
from conftest import URL, login, site_python

HTML = '<img src=x onerror="alert(1)"><style>body{display:none}</style><form action="//x"><b>đậm</b></form>'
NFD = unicodedata.normalize("NFD", "Nguyễn Thị Hồng") + "\u200b\u2060"
VALUES = {
	"number": ["abc", -50, 150, 1e25, "1.5", {"x": 1}],
	"date": ["31-12-2026", "0000-00-00", "2026-13-45", 20261231],
	"datetime": ["0000-00-00 00:00:00", "2026-02-30 25:61", "hôm qua"],
	"text": ["x" * 200_000, HTML, NFD],
	"check": [2, "x"],
	"select": ["<script>alert(1)</script>"],
	"link": ["<script>", "x" * 300],
}
KIND = {
	"Int": "number", "Float": "number", "Currency": "number", "Percent": "number",
	"Date": "date", "Datetime": "datetime", "Check": "check", "Select": "select", "Link": "link",
	"Data": "text", "Small Text": "text", "Text": "text", "Long Text": "text", "Text Editor": "text",
}  # fmt: skip
TAG = str(time.time_ns())
BASES = site_python(
	f"""
plan = frappe.get_all("Annual Plan", pluck="name", limit=1)[0]
servant = frappe.db.get_value("Civil Servant", {{"full_name": "_Test fuzz servant"}}) or frappe.get_doc(
	{{"doctype": "Civil Servant", "full_name": "_Test fuzz servant", "home_agency": "Sở Nội vụ"}}).insert(ignore_permissions=True).name
procedure = frappe.get_all("Administrative Procedure", filters={{"is_current": 1}}, pluck="name", limit=1)[0]
project = frappe.db.get_value("Construction Project", {{"project_name": "_Test fuzz"}}) or frappe.get_doc(
	{{"doctype": "Construction Project", "project_name": "_Test fuzz", "lead_agency": "Sở Xây dựng"}}).insert(ignore_permissions=True).name
out["bases"] = {{
	"Plan Task": {{"annual_plan": plan, "title": "_Test fuzz", "lead_agency": "Sở Nội vụ", "item_key": "fuzz-{TAG}"}},
	"Weekly Report": {{"agency": "Sở Xây dựng", "week": "2016-W07"}},
	"Civil Servant": {{"full_name": "_Test fuzz", "home_agency": "Sở Nội vụ"}},
	"Staff Secondment": {{"civil_servant": servant, "from_date": "2015-01-01", "to_date": "2015-06-30", "decision_number": "1/QĐ"}},
	"Training Course": {{"course_title": "_Test fuzz", "topic_kind": "Professional Skills", "lead_agency": "Sở Nội vụ",
		"sessions": [{{"session_date": "2018-06-01", "part_of_day": "Full Day"}}]}},
	"Budget Line": {{"title": "_Test fuzz", "fiscal_year": 2018, "category": "Other", "requesting_agency": "Sở Nội vụ", "requested_amount": 1000}},
	"Uniform Issue": {{"civil_servant": servant, "issue_date": "2015-04-02", "items": [{{"item": "Áo", "size": "M", "quantity": 1, "unit_price": 1}}]}},
	"Construction Milestone": {{"project": project, "milestone_name": "_Test fuzz", "weight": 10, "planned_start": "2018-06-01", "planned_end": "2018-07-01", "lead_agency": "Sở Xây dựng"}},
	"Dossier": {{"procedure": procedure, "channel": "Direct", "received_at": "2026-11-02 09:00:00", "applicant_name": "_Test fuzz"}},
	"Calendar Exception": {{"date": "2031-01-02", "kind": "Day Off", "reason": "_Test fuzz"}},
	"Agency": {{"agency_name": "_Test fuzz {TAG}", "kind": "Department"}},
}}
out["fields"] = {{
	dt: [(f.fieldname, f.fieldtype) for f in frappe.get_meta(dt).fields if f.fieldtype in {list(KIND)!r} and f.fieldname not in ("status", "workflow_state")]
	for dt in out["bases"]
}}
"""
)


def cases():
	for doctype, fields in sorted(BASES["fields"].items()):
		yield pytest.param(doctype, fields, id=doctype)


@pytest.fixture(scope="module")
def admin():
	return login("Administrator", "admin")


def clean(value) -> bool:
	if not isinstance(value, str):
		return True
	lowered = value.lower()
	return (
		not any(bad in lowered for bad in ("<img", "onerror", "<style", "<form", "<script"))
		and unicodedata.normalize("NFC", value) == value
		and not any(c in value for c in "\u200b\u2060\ufeff")
	)


@pytest.mark.parametrize("doctype, fields", cases())
def test_bad_input_is_refused_or_cleaned_never_a_500(doctype, fields, admin):
	base = BASES["bases"][doctype]
	problems, made = [], []
	sane = admin.post(f"{URL}/api/resource/{doctype}", json=base, timeout=60)
	assert sane.status_code == 200, f"the base {doctype} is refused: {sane.text[:300]}"
	admin.delete(f"{URL}/api/resource/{doctype}/{sane.json()['data']['name']}", timeout=60)
	for fieldname, fieldtype in fields:
		for value in VALUES[KIND[fieldtype]]:
			r = admin.post(f"{URL}/api/resource/{doctype}", json={**base, fieldname: value}, timeout=60)
			if r.status_code >= 500:
				problems.append(f"{fieldname}={str(value)[:30]!r}: {r.status_code} {r.text[:160]}")
			elif r.status_code == 200:
				stored = r.json()["data"]
				made.append(stored["name"])
				if not clean(stored.get(fieldname)):
					problems.append(
						f"{fieldname}={str(value)[:30]!r} stored as {str(stored.get(fieldname))[:60]!r}"
					)
				admin.delete(f"{URL}/api/resource/{doctype}/{stored['name']}", timeout=60)
	if made:
		site_python(
			f"for n in {made!r}:\n\tif frappe.db.exists({doctype!r}, n): frappe.delete_doc({doctype!r}, n, force=True, ignore_permissions=True)"
		)
	assert not problems, f"{doctype}: " + "; ".join(problems[:15])
