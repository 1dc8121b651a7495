"""The agency head submits (Onestop Settings, "The Agency Head Submits"), over the REST API as
both roles on the served stack: with the setting on, Sở Nội vụ's officer can draft but neither a
workflow action nor a PUT of the status submits a task or a weekly report; its head submits
both. The setting, the task and the report are put back afterwards."""

import json

import pytest
from conftest import login, site_python

OFFICER, HEAD = "officer.snv@onestop.localhost", "head.snv@onestop.localhost"
WEEK = "2025-W10"  # a past week of Sở Nội vụ with no report: the journey files this week's


@pytest.fixture(scope="module")
def records():
	"""A task of the 2018 plan led by Sở Nội vụ alone (not the journey's II.6.b-3) put In
	Progress, a draft weekly report of Sở Nội vụ for WEEK, and the setting on."""
	made = site_python(
		f"""
plan = frappe.db.get_value("Annual Plan", {{"plan_number": "490/QĐ-UBND"}})
shared = frappe.get_all("Plan Task Assignment", pluck="plan_task")
task = frappe.get_all("Plan Task", filters={{"annual_plan": plan, "lead_agency": "Sở Nội vụ",
	"item_key": ("!=", "II.6.b-3"), "name": ("not in", shared or [""])}}, pluck="name", order_by="item_key")[0]
out["task"], out["before"] = task, frappe.db.get_value("Plan Task", task, ["status", "progress", "completed_on"], as_dict=True)
frappe.db.set_value("Plan Task", task, {{"status": "In Progress", "completed_on": None}})
frappe.db.delete("Weekly Report", {{"agency": "Sở Nội vụ", "week": {WEEK!r}}})
out["report"] = frappe.get_doc({{"doctype": "Weekly Report", "agency": "Sở Nội vụ", "week": {WEEK!r}}}).insert().name
out["setting"] = frappe.db.get_single_value("Onestop Settings", "head_submits")
frappe.db.set_single_value("Onestop Settings", "head_submits", 1)
"""
	)
	yield made
	site_python(
		f"""
frappe.db.set_single_value("Onestop Settings", "head_submits", {int(made["setting"] or 0)})
frappe.db.set_value("Plan Task", {made["task"]!r}, {dict(made["before"])!r})
frappe.db.delete("Weekly Report", {{"name": {made["report"]!r}}})
"""
	)


def act(session, url, doctype, name, action):
	doc = session.get(f"{url}/api/resource/{doctype}/{name}", timeout=30)
	assert doc.status_code == 200, doc.text[:300]
	return session.post(
		f"{url}/api/method/frappe.model.workflow.apply_workflow",
		data={"doc": json.dumps(doc.json()["data"]), "action": action},
		timeout=30,
	)


def status(session, url, doctype, name):
	return session.get(f"{url}/api/resource/{doctype}/{name}", timeout=30).json()["data"]["status"]


@pytest.mark.parametrize(
	("doctype", "key", "action"),
	[("Plan Task", "task", "Submit for Review"), ("Weekly Report", "report", "Submit")],
)
def test_the_officer_drafts_and_only_the_head_submits(url, records, doctype, key, action):
	name = records[key]
	officer, head = login(OFFICER), login(HEAD)
	if doctype == "Weekly Report":  # the officer drafts it
		r = officer.put(
			f"{url}/api/resource/{doctype}/{name}", json={"problems": "Thiếu máy quét"}, timeout=30
		)
		assert r.status_code == 200, r.text[:300]
	refused = act(officer, url, doctype, name, action)
	assert refused.status_code in (403, 417), refused.text[:300]
	put = officer.put(f"{url}/api/resource/{doctype}/{name}", json={"status": "Submitted"}, timeout=30)
	assert put.status_code in (403, 417), put.text[:300]
	assert status(officer, url, doctype, name) != "Submitted"
	done = act(head, url, doctype, name, action)
	assert done.status_code == 200, done.text[:300]
	assert status(head, url, doctype, name) == "Submitted"
