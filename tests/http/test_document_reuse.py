"""Reuse of an applicant's stored document over HTTP (the served stack, several gunicorn
workers): 20 parallel reuse calls from separate sessions record one reuse, one component row,
one File of the new dossier; another agency's officer gets nothing of the store."""

from __future__ import annotations

import json

import pytest
from conftest import URL, login, parallel, site_python

REUSE = f"{URL}/api/method/onestop.procedures.document_store.reuse_document"
RECEIVER = "receiver@onestop.localhost"
APPLICANT = "077066666666"
COMPONENT = "Căn cước công dân (thử tái sử dụng)"

SETUP = f"""
# a procedure of another agency than the restricted officer's below (Sở Tư pháp)
proc = frappe.get_all('Administrative Procedure', filters={{'is_current': 1, 'legal_days': ('>=', 1),
	'competent_agency': ('!=', 'Sở Tư pháp')}}, pluck='name', order_by='name', limit=1)[0]
def new_dossier():
	return frappe.get_doc({{'doctype': 'Dossier', 'procedure': proc, 'channel': 'Direct',
		'applicant_type': 'Person', 'applicant_name': 'Người Thử Tái Sử Dụng', 'applicant_id': {APPLICANT!r},
		'phone': '0909000001', 'documents': [{{'document': {COMPONENT!r}, 'copy_kind': 'Copy', 'quantity': 1}}]}}
	).insert(ignore_permissions=True)
old = new_dossier()
scan = frappe.get_doc({{'doctype': 'File', 'file_name': 'cccd-thu.pdf', 'is_private': 1,
	'attached_to_doctype': 'Dossier', 'attached_to_name': old.name,
	'content': b'%PDF-1.4 scan ' + frappe.generate_hash(length=12).encode()}}).insert(ignore_permissions=True)
old = frappe.get_doc('Dossier', old.name)
old.documents[0].attachment = scan.file_url
old.save(ignore_permissions=True)
new = new_dossier()
out['old'], out['new'], out['file_url'] = old.name, new.name, scan.file_url
out['competent_agency'] = new.competent_agency
out['document'] = frappe.db.get_value('Applicant Document', {{'source_dossier': old.name, 'document_kind': {COMPONENT!r}}})
"""

MADE: list[str] = []


@pytest.fixture(autouse=True)
def remove_made_dossiers():
	"""The dossiers a test made, and their store entries, leave the demo site afterwards."""
	yield
	while MADE:
		name = MADE.pop()
		site_python(
			f"""
for entry in frappe.get_all('Applicant Document', filters={{'source_dossier': {name!r}}}, pluck='name'):
	frappe.db.set_value('Dossier Document', {{'reused_from': entry}}, 'reused_from', None)
	frappe.delete_doc('Applicant Document', entry, force=1, ignore_permissions=True)
frappe.delete_doc('Dossier', {name!r}, force=1, ignore_permissions=True)
"""
		)


def test_twenty_parallel_reuses_from_separate_sessions_record_one():
	made = site_python(SETUP)
	MADE.extend([made["new"], made["old"]])
	assert made["document"], "the scanned component went into the store"
	sessions = parallel([lambda: login(RECEIVER) for _ in range(20)], workers=5)
	responses = parallel(
		[
			lambda s=s: s.post(
				REUSE,
				data={"dossier": made["new"], "document": made["document"]},
				headers={"Accept": "application/json"},
				timeout=120,
			)
			for s in sessions
		]
	)
	codes = [r.status_code for r in responses]
	assert set(codes) == {200}, [r.text[:300] for r in responses if r.status_code != 200]
	reused = [r.json()["message"]["reused"] for r in responses]
	assert reused.count(True) == 1, reused
	stored = site_python(
		f"""
out['count'] = frappe.db.get_value('Applicant Document', {made["document"]!r}, 'reuse_count')
out['rows'] = frappe.db.count('Dossier Document', {{'parent': {made["new"]!r}, 'reused_from': {made["document"]!r}}})
out['all_rows'] = frappe.db.count('Dossier Document', {{'parent': {made["new"]!r}}})
out['files'] = frappe.db.count('File', {{'file_url': {made["file_url"]!r}, 'attached_to_name': {made["new"]!r}}})
out['reused_documents'] = frappe.db.get_value('Dossier', {made["new"]!r}, 'reused_documents')
"""
	)
	assert stored == {"count": 1, "rows": 1, "all_rows": 1, "files": 1, "reused_documents": 1}


def test_another_agencys_officer_gets_nothing_of_the_store():
	made = site_python(SETUP)
	MADE.extend([made["new"], made["old"]])
	assert made["competent_agency"] != "Sở Tư pháp"
	s = login("processor.stp@onestop.localhost")
	api = f"{URL}/api/method"
	listed = s.get(
		f"{URL}/api/resource/Applicant Document",
		params={"filters": json.dumps([["applicant_id", "=", APPLICANT]])},
	)
	assert listed.status_code in (200, 403) and not (listed.json().get("data") if listed.ok else None)
	count = s.get(
		f"{api}/frappe.client.get_count",
		params={"doctype": "Applicant Document", "filters": json.dumps({"applicant_id": APPLICANT})},
	)
	assert count.status_code >= 400 or count.json()["message"] == 0
	assert s.get(f"{URL}/api/resource/Applicant Document/{made['document']}").status_code == 403
	files = s.get(
		f"{URL}/api/resource/File", params={"filters": json.dumps([["attached_to_name", "=", made["old"]]])}
	)
	assert files.status_code >= 400 or files.json()["data"] == []
	assert s.get(f"{URL}{made['file_url']}").status_code in (403, 404)
	offered = s.get(
		f"{api}/onestop.procedures.document_store.reusable_documents", params={"applicant_id": APPLICANT}
	)
	assert offered.status_code >= 400 or offered.json()["message"] == []
	# the centre's receiving officer reads them (the file too)
	r = login(RECEIVER)
	assert r.get(f"{URL}{made['file_url']}").status_code == 200
