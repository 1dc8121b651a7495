"""Queue numbers over HTTP (the served stack, several gunicorn workers): 20 citizens taking a
number at once from separate sessions get 20 distinct numbers, 20 counters calling at once from
separate sessions never call the same ticket, and the kiosk's guest endpoint is rate-limited."""

from __future__ import annotations

import time

import pytest
import requests
from conftest import URL, login, parallel, site_python

N = 20
TAKE = f"{URL}/api/method/onestop.procedures.queue.take_ticket"
CALL = f"{URL}/api/method/onestop.procedures.queue.call_next"
JSON = {"Accept": "application/json"}


@pytest.fixture(scope="module")
def hall():
	"""A field of its own and N counters calling it, on the demo site; removed afterwards with
	their tickets."""
	tag = str(time.time_ns())[-8:]
	made = site_python(
		f"""
field = frappe.get_doc({{"doctype": "Procedure Field", "field_name": "_Test Lĩnh vực song song {tag}"}}).insert().name
counters = [
	frappe.get_doc({{"doctype": "Service Counter", "counter_name": f"_Test Quầy song song {tag} {{i:02d}}",
		"agency": "Sở Tư pháp", "fields": [{{"field": field}}]}}).insert().name
	for i in range({N})
]
out.update(field=field, counters=counters, prefix=frappe.db.get_value("Procedure Field", field, "queue_prefix"))
"""
	)
	yield made
	site_python(
		f"""
frappe.db.delete("Queue Ticket", {{"field": {made["field"]!r}}})
for name in {made["counters"]!r}:
	frappe.delete_doc("Service Counter", name, force=1)
frappe.delete_doc("Procedure Field", {made["field"]!r}, force=1)
"""
	)


def stored(field: str) -> list[dict]:
	return site_python(
		f"""out["rows"] = frappe.get_all("Queue Ticket", filters={{"field": {field!r}}},
	fields=["name", "ticket_number", "seq", "status", "counter"], order_by="seq asc")"""
	)["rows"]


def test_twenty_citizens_taking_a_number_at_once_get_twenty_numbers(hall):
	sessions = [requests.Session() for _ in range(N)]
	responses = parallel(
		[lambda s=s: s.post(TAKE, data={"field": hall["field"]}, headers=JSON, timeout=120) for s in sessions]
	)
	assert [r.status_code for r in responses] == [200] * N, [r.text[:300] for r in responses]
	numbers = sorted(r.json()["message"]["number"] for r in responses)
	prefix = hall["prefix"]
	assert numbers == [f"{prefix}{i:03d}" for i in range(1, N + 1)]
	# each was told how many were ahead when it was taken: 0 to N-1, each once
	assert sorted(r.json()["message"]["ahead"] for r in responses) == list(range(N))
	rows = stored(hall["field"])
	assert [r["seq"] for r in rows] == list(range(1, N + 1))
	assert len({r["name"] for r in rows}) == N


def test_twenty_counters_calling_at_once_never_call_the_same_ticket(hall):
	waiting = [r for r in stored(hall["field"]) if r["status"] == "Waiting"]
	assert len(waiting) == N  # the previous test's tickets
	sessions = [login("receiver@onestop.localhost") for _ in range(N)]
	responses = parallel(
		[
			lambda s=s, c=c: s.post(CALL, data={"counter": c}, headers=JSON, timeout=120)
			for s, c in zip(sessions, hall["counters"], strict=True)
		]
	)
	assert [r.status_code for r in responses] == [200] * N, [r.text[:300] for r in responses]
	called = [r.json()["message"]["ticket"]["ticket"] for r in responses]
	assert len(set(called)) == N
	rows = stored(hall["field"])
	assert {r["status"] for r in rows} == {"Called"}
	assert sorted(r["counter"] for r in rows) == sorted(hall["counters"])
	current = site_python(
		f"""out["current"] = frappe.get_all("Service Counter", filters={{"name": ("in", {hall["counters"]!r})}},
	pluck="current_ticket")"""
	)["current"]
	assert sorted(current) == sorted(called)
	# a second round with nobody waiting: every counter is told so, and each ticket is finished once
	responses = parallel(
		[
			lambda s=s, c=c: s.post(CALL, data={"counter": c}, headers=JSON, timeout=120)
			for s, c in zip(sessions, hall["counters"], strict=True)
		]
	)
	assert [r.status_code for r in responses] == [200] * N
	assert all(r.json()["message"]["ticket"] is None for r in responses)
	assert {r["status"] for r in stored(hall["field"])} == {"Done"}


def test_a_guest_cannot_call_and_the_kiosk_is_rate_limited(hall):
	r = requests.post(CALL, data={"counter": hall["counters"][0]}, headers=JSON, timeout=60)
	assert r.status_code == 403, r.text[:300]
	r = requests.post(TAKE, data={"field": "_Test Lĩnh vực không có"}, headers=JSON, timeout=60)
	assert r.status_code in (417, 429), r.text[:300]
	# the kiosk's limit (queue.TAKES a minute from one address): a 429 comes, and nothing past it is stored
	before = len(stored(hall["field"]))
	codes = []
	for _ in range(61):
		codes.append(requests.post(TAKE, data={"field": hall["field"]}, headers=JSON, timeout=60).status_code)
		if codes[-1] == 429:
			break
	assert codes[-1] == 429 and set(codes[:-1]) <= {200}, codes
	assert len(stored(hall["field"])) == before + codes.count(200)
