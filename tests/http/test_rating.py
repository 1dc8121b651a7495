"""The citizen's rating over HTTP (the served stack, several gunicorn workers): one rating per
dossier under 20 parallel posts from separate sessions, the QR link's secret required, and no
officer can enter or change the rating through the REST API."""

from __future__ import annotations

import pytest
import requests
from conftest import URL, login, parallel, site_python

RATE = f"{URL}/api/method/onestop.procedures.rating.rate"

RETURNED = """
from frappe.model.workflow import apply_workflow
proc = frappe.get_all('Administrative Procedure', filters={'is_current': 1, 'legal_days': ('>=', 1)},
	pluck='name', order_by='name', limit=1)[0]
doc = frappe.get_doc({'doctype': 'Dossier', 'procedure': proc, 'channel': 'Direct',
	'applicant_type': 'Person', 'applicant_name': 'Người Thử Đánh Giá', 'applicant_id': '077099999999',
	'phone': '0909000000'}).insert(ignore_permissions=True)
for action in ('Forward', 'Approve', 'Mark Result Ready'):
	doc = apply_workflow(frappe.get_doc('Dossier', doc.name), action)
doc = frappe.get_doc('Dossier', doc.name)
doc.return_channel = 'Direct'
doc.save()
apply_workflow(frappe.get_doc('Dossier', doc.name), 'Return Result')
out['name'] = doc.name
out['token'] = doc.public_token
"""


MADE: list[str] = []


@pytest.fixture(autouse=True)
def remove_made_dossiers():
	"""The dossiers a test made leave the demo site afterwards (and the KPI counters with them)."""
	yield
	while MADE:
		site_python(f"frappe.delete_doc('Dossier', {MADE.pop()!r}, force=1, ignore_permissions=True)")


def returned_dossier() -> tuple[str, str]:
	"""A new demo dossier whose result has been returned: (code, the QR link's token)."""
	made = site_python(RETURNED)
	MADE.append(made["name"])
	return made["name"], made["token"]


def stored(name: str) -> dict:
	return site_python(
		f"out.update(frappe.db.get_value('Dossier', {name!r}, ['satisfaction', 'satisfaction_comment', 'rated_at'], as_dict=True))"
	)


def test_twenty_parallel_ratings_from_separate_sessions_store_one():
	name, token = returned_dossier()
	sessions = [requests.Session() for _ in range(20)]
	levels = ("Very Satisfied", "Satisfied", "Not Satisfied")
	responses = parallel(
		[
			lambda s=s, i=i: s.post(
				RATE,
				data={
					"code": name,
					"token": token,
					"satisfaction": levels[i % 3],
					"comment": f"Đánh giá song song {i}",
				},
				headers={"Accept": "application/json"},
				timeout=60,
			)
			for i, s in enumerate(sessions)
		]
	)
	codes = [r.status_code for r in responses]
	assert codes.count(200) == 1, [r.text[:200] for r in responses]
	assert set(codes) <= {200, 417, 429}, [
		r.text[:300] for r in responses if r.status_code not in (200, 417, 429)
	]
	assert codes.count(417) >= 10  # most of them reached the check and were refused there
	winner = codes.index(200)
	row = stored(name)
	assert row["satisfaction"] == levels[winner % 3]
	assert row["satisfaction_comment"] == f"Đánh giá song song {winner}"
	assert row["rated_at"]


def test_a_guest_needs_the_links_secret_and_a_returned_result():
	name, token = returned_dossier()
	for data in (
		{"code": name, "token": "doan-thu-ma-bi-mat", "satisfaction": "Very Satisfied"},
		{"code": name, "satisfaction": "Very Satisfied", "token": ""},
		{"code": name, "token": token, "satisfaction": "Tuyệt vời"},
		{"code": name, "token": token, "satisfaction": "Satisfied", "comment": "x" * 1001},
	):
		r = requests.post(RATE, data=data, headers={"Accept": "application/json"}, timeout=60)
		assert r.status_code == 417, (data, r.status_code, r.text[:300])
	assert stored(name)["satisfaction"] is None


def test_no_officer_can_put_a_rating_over_rest():
	name, token = returned_dossier()
	officers = [
		"receiver@onestop.localhost",
		"approver.stp@onestop.localhost",
		"coordinator@onestop.localhost",
	]
	for user in officers:
		r = login(user).put(
			f"{URL}/api/resource/Dossier/{name}",
			json={"satisfaction": "Very Satisfied", "satisfaction_comment": "Cán bộ tự đánh giá"},
			timeout=60,
		)
		assert r.status_code < 500, (user, r.status_code, r.text[:300])
	assert stored(name)["satisfaction"] is None
	r = requests.post(
		RATE,
		data={"code": name, "token": token, "satisfaction": "Not Satisfied", "comment": "Phải chờ lâu."},
		headers={"Accept": "application/json"},
		timeout=60,
	)
	assert r.status_code == 200, r.text[:300]
	for user in officers:
		login(user).put(
			f"{URL}/api/resource/Dossier/{name}",
			json={"satisfaction": "Very Satisfied", "satisfaction_comment": "Sửa lại"},
			timeout=60,
		)
	row = stored(name)
	assert (row["satisfaction"], row["satisfaction_comment"]) == ("Not Satisfied", "Phải chờ lâu.")
