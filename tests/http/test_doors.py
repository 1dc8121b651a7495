"""One agency scope through every door of the API, generated from the DocTypes.

For every agency-scoped DocType (and each of its child tables), a record of another agency is
tried as an agency officer through: the document itself (GET, PUT, DELETE), get_count with a
filter on one of its values, get_list, reportview (list and count), export, search_link, the
group-by sidebar, the child table read on its own, comment, attach, assign and share, and the
script reports on the DocType. Each must refuse or leave the record out. A DocType of the app
that is neither scoped nor declared public here fails the test until it is one or the other.
"""

from __future__ import annotations

import json

import pytest
from conftest import URL, login, site_python

# DocTypes every desk user of the app may read whole (registers, catalogues, settings, logs
# of their own), with why
PUBLIC = {
	"Agency": "the agency register",
	"Agency Alias": "child of Agency",
	"Agency Member": "child of Agency",
	"Annual Plan": "the province's published plans",
	"Administrative Procedure": "the published procedure catalogue",
	"Procedure Field": "the catalogue's fields",
	"Procedure Stage": "child of Administrative Procedure",
	"Calendar Exception": "the province's days off",
	"Onestop Settings": "a Single, read-only to users",
	"Service Counter": "the centre's counters",
	"Reminder Log": "each user's own reminders (owner-scoped by Frappe)",
	"Dossier Daily Count": "counters without personal data; the KPIs apply the scope",
	"Budget Charge": "read through its budget line's reports only",
	"Training Organiser": "child, scoped with Training Course",
	"API Call Log": "System Managers only: the calls of the open API",
	"API Idempotency Key": "System Managers only: the open API's idempotency keys",
	"SMS Log": "Frappe's log of the SMS sent: System Managers and the centre's receiving officers, who see every dossier",
	"Signing Certificate": "System Managers only: the agencies' signing certificates and keys",
	"Procedure Component": "child of Administrative Procedure: the published dossier components",
	"Service Counter Field": "child of Service Counter: the fields a counter calls",
	"Queue Ticket": "queue numbers: a number, a field, a counter and times, no personal data",
}
OFFICERS = {  # the restricted user of each scope, and an agency they are not
	"Agency Officer": ("officer.snv@onestop.localhost", "Sở Nội vụ"),
	"Processing Officer": ("processor.stp@onestop.localhost", "Sở Tư pháp"),
}
SPECS = site_python(
	"""
from onestop.core.doors import CHILD_SCOPES
from onestop.core.permissions import SCOPES, DOSSIER
modules = ("Planning", "Procedures", "Resources")
out["doctypes"] = frappe.get_all("DocType", filters={"module": ("in", modules)}, fields=["name", "istable", "issingle"])
out["children"] = {d: list(p) for d, p in CHILD_SCOPES.items()}
out["tables"] = {dt: [df.options for df in frappe.get_meta(dt).get_table_fields()] for dt in SCOPES}
out["reports"] = frappe.get_all("Report", filters={"module": ("in", modules), "report_type": "Script Report"}, fields=["name", "ref_doctype"])
if not frappe.db.exists("Training Course", {"course_title": "_Test Tập huấn của Sở Xây dựng"}):
	frappe.get_doc({"doctype": "Training Course", "course_title": "_Test Tập huấn của Sở Xây dựng", "topic_kind": "Professional Skills",
		"lead_agency": "Sở Xây dựng", "sessions": [{"session_date": "2018-05-10", "part_of_day": "Full Day"}]}).insert(ignore_permissions=True)
# the applicant's document store follows the dossiers of its applicant (document_store.py):
# an entry of an applicant with no dossier the officer reads
from onestop.procedures.document_store import STORE
if not frappe.db.exists(STORE, {"applicant_id": "_Test-kho-du-lieu"}):
	source = frappe.get_all("Dossier", filters={"competent_agency": ("!=", "Sở Tư pháp")}, pluck="name", limit=1)
	if source:
		frappe.get_doc({"doctype": STORE, "applicant_id": "_Test-kho-du-lieu", "document_kind": "Tờ khai (thử)",
			"source": "Component", "file": "/private/files/_test-kho-du-lieu.pdf", "source_dossier": source[0]}).insert(ignore_permissions=True)
targets = {}
for dt, scope in [*SCOPES.items(), (STORE, DOSSIER)]:
	user = "processor.stp@onestop.localhost" if scope is DOSSIER else "officer.snv@onestop.localhost"
	names = frappe.get_all(dt, pluck="name", order_by="creation desc", limit=400)
	other = next((n for n in names if not frappe.has_permission(dt, "read", doc=n, user=user)), None)
	targets[dt] = {"user": user, "name": other}
out["targets"] = targets
"""
)


def test_every_doctype_of_the_app_is_scoped_or_declared_public():
	scoped = set(SPECS["targets"]) | set(SPECS["children"])
	undeclared = sorted(
		d["name"] for d in SPECS["doctypes"] if d["name"] not in scoped and d["name"] not in PUBLIC
	)
	assert not undeclared, (
		f"declare these DocTypes scoped (permissions.SCOPES) or public (PUBLIC here): {undeclared}"
	)


def test_every_child_table_of_a_scoped_doctype_carries_its_parents_scope():
	missing = sorted(
		f"{child} (of {parent})"
		for parent, children in SPECS["tables"].items()
		for child in children
		if parent not in SPECS["children"].get(child, []) and child not in PUBLIC
	)
	assert not missing, f"add these to core.doors.CHILD_SCOPES and hooks.py: {missing}"


def cases():
	for doctype, target in sorted(SPECS["targets"].items()):
		yield pytest.param(doctype, target, id=doctype)


@pytest.fixture(scope="module")
def sessions():
	return {user: login(user) for user, _ in OFFICERS.values()}


def message(r):
	try:
		return r.json().get("message")
	except ValueError:
		return None


@pytest.mark.parametrize("doctype, target", cases())
def test_another_agencys_record_stays_closed_through_every_door(doctype, target, sessions):
	name, user = target["name"], target["user"]
	if not name:
		pytest.skip(f"the demo site has no {doctype} of another agency")
	s = sessions[user]
	api = f"{URL}/api/method"
	leaks = []
	value_filter = json.dumps([[doctype, "name", "=", name]])

	def refused(label, response):
		if response.status_code < 400:
			leaks.append(f"{label}: {response.status_code} {response.text[:120]}")

	def empty(label, found):
		if found:
			leaks.append(f"{label}: {str(found)[:160]}")

	refused("GET", s.get(f"{URL}/api/resource/{doctype}/{name}"))
	empty(
		"get_list",
		s.get(f"{URL}/api/resource/{doctype}", params={"filters": value_filter}).json().get("data"),
	)
	empty(
		"get_count",
		message(
			s.get(f"{api}/frappe.client.get_count", params={"doctype": doctype, "filters": value_filter})
		),
	)
	empty(
		"reportview",
		(message(s.post(f"{api}/frappe.desk.reportview.get", data={"doctype": doctype, "fields": '["name"]', "filters": value_filter})) or {}).get("values"),
	)  # fmt: skip
	empty(
		"reportview count",
		message(
			s.post(
				f"{api}/frappe.desk.reportview.get_count", data={"doctype": doctype, "filters": value_filter}
			)
		),
	)
	export = s.post(
		f"{api}/frappe.desk.reportview.export_query",
		data={"doctype": doctype, "file_format_type": "CSV", "fields": json.dumps([f"`tab{doctype}`.`name`"]), "filters": value_filter, "title": doctype},
	)  # fmt: skip
	empty("export", name if name in export.text else None)
	found = (
		message(s.get(f"{api}/frappe.desk.search.search_link", params={"doctype": doctype, "txt": name}))
		or []
	)
	empty("search_link", [r for r in found if r.get("value") == name])
	groups = message(
		s.post(f"{api}/frappe.desk.listview.get_group_by_count", data={"doctype": doctype, "current_filters": value_filter, "field": "owner"})
	) or []  # fmt: skip
	empty("group-by sidebar", [g for g in groups if g.get("count")])
	for child in SPECS["tables"].get(doctype, []):
		rows = s.get(
			f"{URL}/api/resource/{child}",
			params={
				"parent": doctype,
				"filters": json.dumps([[child, "parent", "=", name]]),
				"fields": '["name"]',
			},
		)
		empty(f"child table {child}", rows.json().get("data") if rows.status_code == 200 else None)
	refused("PUT", s.put(f"{URL}/api/resource/{doctype}/{name}", json={"modified": "2000-01-01 00:00:00"}))
	refused(
		"comment",
		s.post(f"{api}/frappe.desk.form.utils.add_comment", data={"reference_doctype": doctype, "reference_name": name, "content": "x", "comment_email": user, "comment_by": user}),
	)  # fmt: skip
	refused(
		"attach",
		s.post(f"{URL}/api/method/upload_file", files={"file": ("x.txt", b"x")}, data={"doctype": doctype, "docname": name, "is_private": 1}),
	)  # fmt: skip
	refused(
		"assign",
		s.post(
			f"{api}/frappe.desk.form.assign_to.add",
			data={"doctype": doctype, "name": name, "assign_to": json.dumps([user])},
		),
	)
	refused(
		"share",
		s.post(f"{api}/frappe.share.add", data={"doctype": doctype, "name": name, "user": user, "read": 1}),
	)
	for report in (r for r in SPECS["reports"] if r["ref_doctype"] == doctype):
		result = s.post(
			f"{api}/frappe.desk.query_report.run", data={"report_name": report["name"], "filters": "{}"}
		)
		empty(f"report {report['name']}", name if name in result.text else None)
	refused("DELETE", s.delete(f"{URL}/api/resource/{doctype}/{name}"))
	assert site_python(f"out['there'] = bool(frappe.db.exists({doctype!r}, {name!r}))")["there"]
	assert not leaks, f"{doctype} {name} reached by {user}: " + "; ".join(leaks)
