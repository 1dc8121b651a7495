"""The open API (onestop.api.v1) over HTTP, as the province's integration platform calls it: the
served stack (several gunicorn workers), token auth with an integration user's API key and
secret, separate sessions for parallel calls.

Two integration users: "lgsp" acts for Sở Tư pháp (procedure 1.001001 is its), "other" for
Sở Xây dựng (1.001016)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import uuid

import pytest
import requests
from conftest import URL, login, parallel, site_python

API = f"{URL}/api/method/onestop.api.v1"
OURS, THEIRS = "1.001001", "1.001016"

CLIENTS = site_python(
	"""
def client(email, agency):
	if not frappe.db.exists("User", email):
		# "_Test …": a test record by Frappe's convention, which the screen sweep knows as data
		frappe.get_doc({"doctype": "User", "email": email, "first_name": "_Test " + email.split("@")[0],
			"send_welcome_email": 0, "roles": [{"role": "Integration Client"}]}).insert(ignore_permissions=True)
	user = frappe.get_doc("User", email)
	user.api_key = user.api_key or frappe.generate_hash(length=15)
	secret = frappe.generate_hash(length=15)
	user.api_secret = secret
	user.save(ignore_permissions=True)
	doc = frappe.get_doc("Agency", agency)
	if not any(m.user == email for m in doc.members):
		doc.append("members", {"user": email})
		doc.save(ignore_permissions=True)
	return {"user": email, "token": f"token {user.api_key}:{secret}"}
out["lgsp"] = client("lgsp.test@onestop.localhost", "Sở Tư pháp")
out["other"] = client("other.system.test@onestop.localhost", "Sở Xây dựng")
"""
)
MARK = "_Test API " + uuid.uuid4().hex[:8]


def session(client: str = "lgsp") -> requests.Session:
	"""A new HTTP session authenticated by the client's API key and secret."""
	s = requests.Session()
	s.headers.update({"Authorization": CLIENTS[client]["token"], "Accept": "application/json"})
	return s


def body(**values) -> dict:
	return {
		"procedure_code": OURS,
		"applicant_name": MARK,
		"applicant_id": "077012345678",
		"phone": "0909123456",
		"documents": [{"document": "Tờ khai", "copy_kind": "Original", "quantity": 1}],
		**values,
	}


def create(key: str, s: requests.Session | None = None, **values) -> requests.Response:
	return (s or session()).post(
		f"{API}.create_dossier", json=body(**values), headers={"Idempotency-Key": key}, timeout=120
	)


def message(r: requests.Response) -> str:
	return " ".join(
		json.loads(m).get("message", "") for m in json.loads(r.json().get("_server_messages") or "[]")
	)


@pytest.fixture(scope="module", autouse=True)
def remove_made_dossiers():
	"""The dossiers these tests made (and their keys and log rows) leave the demo site after."""
	yield
	site_python(
		f"""
for name in frappe.get_all("Dossier", filters={{"applicant_name": ("like", {MARK + "%"!r})}}, pluck="name"):
	frappe.delete_doc("Dossier", name, force=1, ignore_permissions=True)
users = {[c["user"] for c in CLIENTS.values()]!r}
frappe.db.delete("API Idempotency Key", {{"client": ("in", users)}})
"""
	)


def made(key_marker: str) -> list[str]:
	return site_python(
		f"out['names'] = frappe.get_all('Dossier', filters={{'applicant_name': {key_marker!r}}}, pluck='name')"
	)["names"]


def test_the_same_key_twice_makes_one_dossier():
	key = str(uuid.uuid4())
	first = create(key, applicant_name=MARK + " lặp lại")
	assert first.status_code == 201, first.text[:500]
	again = create(key, applicant_name=MARK + " lặp lại")
	assert again.status_code == 200, again.text[:500]
	a, b = first.json()["message"], again.json()["message"]
	assert a["created"] is True and b["created"] is False
	assert a["dossier"] == b["dossier"] and a["due_at"] == b["due_at"]
	assert made(MARK + " lặp lại") == [a["dossier"]]
	got = session().get(f"{API}.get_dossier", params={"dossier": a["dossier"]}, timeout=60).json()["message"]
	assert (got["channel"], got["status"], got["procedure_code"]) == ("Online", "Received", OURS)
	assert got["stages"][0]["started_at"] and all(s["due_at"] for s in got["stages"])


def test_twenty_parallel_calls_with_one_key_from_separate_sessions_make_one_dossier():
	key = str(uuid.uuid4())
	name = MARK + " song song"
	sessions = [session() for _ in range(20)]
	responses = parallel([lambda s=s: create(key, s, applicant_name=name) for s in sessions])
	codes = sorted(r.status_code for r in responses)
	assert codes == [200] * 19 + [201], [r.text[:300] for r in responses if r.status_code >= 300]
	dossiers = {r.json()["message"]["dossier"] for r in responses}
	assert len(dossiers) == 1
	assert made(name) == list(dossiers)


def test_the_same_key_with_another_request_is_refused():
	key = str(uuid.uuid4())
	assert create(key, applicant_name=MARK + " xung đột").status_code == 201
	r = create(key, applicant_name=MARK + " xung đột", phone="0909999999")
	assert r.status_code == 409, r.text[:500]
	assert "khóa chống trùng lặp" in message(r).lower()
	assert len(made(MARK + " xung đột")) == 1


def test_another_agencys_dossier_stays_closed():
	ours = create(str(uuid.uuid4()), applicant_name=MARK + " phạm vi").json()["message"]["dossier"]
	other = session("other")
	r = other.get(f"{API}.get_dossier", params={"dossier": ours}, timeout=60)
	assert r.status_code == 404, r.text[:300]
	assert other.get(f"{API}.get_dossier", params={"dossier": "KHONG-CO"}, timeout=60).status_code == 404
	r = other.post(
		f"{API}.change_status", json={"dossier": ours, "action": "Withdraw", "reason": "Thử"}, timeout=60
	)
	assert r.status_code == 404, r.text[:300]
	since = (dt.datetime.now() - dt.timedelta(hours=1)).isoformat(sep=" ")
	listed = other.get(f"{API}.list_changes", params={"since": since, "limit": 500}, timeout=60).json()[
		"message"
	]
	assert ours not in {c["dossier"] for c in listed["changes"]}
	r = create(str(uuid.uuid4()), other, applicant_name=MARK + " phạm vi")  # Sở Tư pháp's procedure
	assert r.status_code == 403, r.text[:300]
	r = create(str(uuid.uuid4()), applicant_name=MARK + " phạm vi", procedure_code=THEIRS)
	assert r.status_code == 403, r.text[:300]
	# its own REST doors are scoped too: the dossier of another agency is not there
	r = other.get(f"{URL}/api/resource/Dossier/{ours}", timeout=60)
	assert r.status_code in (403, 404), r.text[:300]
	# an officer's session is not an integration client
	officer = login("processor.stp@onestop.localhost")
	r = officer.get(f"{API}.get_dossier", params={"dossier": ours}, timeout=60)
	assert r.status_code == 403, r.text[:300]
	assert requests.get(f"{API}.get_dossier", params={"dossier": ours}, timeout=60).status_code in (401, 403)


def test_status_changes_go_through_the_workflow_and_the_changes_list_follows_them():
	s = session()
	since = s.get(f"{API}.list_changes", params={"since": "2100-01-01 00:00:00"}, timeout=60).json()[
		"message"
	]
	assert since["changes"] == [] and since["has_more"] is False
	names = [
		create(str(uuid.uuid4()), s, applicant_name=f"{MARK} đồng bộ {i}").json()["message"]["dossier"]
		for i in range(3)
	]
	first = s.get(f"{API}.get_dossier", params={"dossier": names[0]}, timeout=60).json()["message"]
	seen, cursor, pages = [], {"since": first["modified"]}, 0
	while True:
		page = s.get(f"{API}.list_changes", params={**cursor, "limit": 2}, timeout=60).json()["message"]
		pages += 1
		seen += [c["dossier"] for c in page["changes"]]
		assert len(page["changes"]) <= 2
		cursor = {"since": page["next_since"], "after": page["next_after"]}
		if not page["has_more"]:
			break
	# other dossiers of Sở Tư pháp may change meanwhile (the demo site is shared): ours in order
	assert pages >= 2 and [n for n in seen if n in names] == names and len(seen) == len(set(seen))
	# a step the state does not allow; a withdrawal without its reason; then with it
	r = s.post(f"{API}.change_status", json={"dossier": names[1], "action": "Approve"}, timeout=60)
	assert r.status_code == 417, r.text[:300]
	r = s.post(f"{API}.change_status", json={"dossier": names[1], "action": "Withdraw"}, timeout=60)
	assert r.status_code == 417, r.text[:300]
	r = s.post(
		f"{API}.change_status",
		json={"dossier": names[1], "action": "Withdraw", "reason": "Người nộp rút hồ sơ trên Cổng"},
		timeout=60,
	)
	assert r.status_code == 200, r.text[:500]
	moved = r.json()["message"]
	assert (moved["previous_status"], moved["status"]) == ("Received", "Withdrawn")
	later = s.get(f"{API}.list_changes", params=cursor, timeout=60).json()["message"]
	ours = [c for c in later["changes"] if c["dossier"] in names]
	assert [(c["dossier"], c["status"]) for c in ours] == [(names[1], "Withdrawn")]
	stored = site_python(
		f"out.update(frappe.db.get_value('Dossier', {names[1]!r}, ['status', 'withdrawn_reason'], as_dict=True))"
	)
	assert stored == {"status": "Withdrawn", "withdrawn_reason": "Người nộp rút hồ sơ trên Cổng"}


@pytest.mark.parametrize(
	"method, verb, data",
	[
		("create_dossier", "post", {"applicant_name": MARK}),
		("create_dossier", "post", body(procedure_code="9.999999")),
		("create_dossier", "post", body(received_at="2024-02-30 09:00")),
		("create_dossier", "post", body(received_at="2099-01-01 09:00:00")),
		("create_dossier", "post", body(documents="[{]")),
		("create_dossier", "post", body(documents=[{"document": "Tờ khai", "copy_kind": "Bản nháp"}])),
		("create_dossier", "post", body(documents=[{"document": "Tờ khai", "quantity": "nhiều"}])),
		("create_dossier", "post", body(applicant_type="Robot")),
		("create_dossier", "post", body(applicant_name="x" * 500)),
		("create_dossier", "post", body(idempotency_key="short")),
		("list_changes", "get", {"since": "hôm qua"}),
		("list_changes", "get", {"since": "2024-01-01", "limit": 0}),
		("list_changes", "get", {"since": "2024-01-01", "limit": "mười"}),
		("change_status", "post", {"dossier": "x", "action": "Delete"}),
		("indicators", "get", {"from_date": "2024-12-31", "to_date": "2024-01-01"}),
		("indicators", "get", {"from_date": "2024-01-01", "to_date": "2024-01-31", "file_format": "pdf"}),
	],
)
def test_bad_input_is_a_translated_417_never_a_500(method, verb, data):
	s = session()
	key = (
		{"Idempotency-Key": str(uuid.uuid4())}
		if method == "create_dossier" and "idempotency_key" not in data
		else {}
	)
	if verb == "post":
		r = s.post(f"{API}.{method}", json=data, headers=key, timeout=60)
	else:
		r = s.get(f"{API}.{method}", params=data, timeout=60)
	assert r.status_code == 417, (r.status_code, r.text[:500])
	assert message(r)


def test_a_create_without_a_key_is_refused():
	r = session().post(f"{API}.create_dossier", json=body(applicant_name=MARK + " không khóa"), timeout=60)
	assert r.status_code == 417 and "Idempotency-Key" in message(r), r.text[:300]


def test_the_indicators_of_the_clients_agencies_as_json_and_csv():
	s = session()
	params = {"from_date": f"{dt.date.today().year - 2}-01-01", "to_date": dt.date.today().isoformat()}
	table = s.get(f"{API}.indicators", params=params, timeout=120).json()["message"]
	codes = site_python("from onestop.indicator_layout import CODES\nout['codes'] = list(CODES)")["codes"]
	assert table["columns"] == codes
	assert {r["agency"] for r in table["rows"]} <= {"Sở Tư pháp", ""} and table["rows"][-1][
		"row_type"
	] == "total"
	r = s.get(f"{API}.indicators", params={**params, "file_format": "csv"}, timeout=120)
	assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/csv")
	rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
	assert rows[0] == codes and len(rows) == len(table["rows"]) + 1
	r = s.get(f"{API}.indicators", params={**params, "agency": "Sở Xây dựng"}, timeout=60)
	assert r.status_code == 403, r.text[:300]


def test_the_openapi_description_lists_every_method_and_the_page_shows_it():
	r = requests.get(f"{API}.openapi", timeout=60)
	assert r.status_code == 200, r.text[:300]
	spec = r.json()
	assert spec["openapi"].startswith("3.")
	methods = site_python(
		"""
import onestop.api.v1 as v1
out['names'] = [n for n, f in vars(v1).items() if f in frappe.whitelisted and getattr(f, '__module__', '') == v1.__name__]
"""
	)["names"]
	assert set(methods) == {
		"create_dossier",
		"get_dossier",
		"change_status",
		"list_changes",
		"indicators",
		"openapi",
	}
	assert set(spec["paths"]) == {f"/api/method/onestop.api.v1.{n}" for n in methods}
	create_op = spec["paths"]["/api/method/onestop.api.v1.create_dossier"]["post"]
	assert create_op["requestBody"]["content"]["application/json"]["schema"]["required"] == [
		"procedure_code",
		"applicant_name",
	]
	assert "get" in spec["paths"]["/api/method/onestop.api.v1.list_changes"]
	page = requests.get(f"{URL}/api-docs", headers={"Accept-Language": "vi"}, timeout=60)
	assert page.status_code == 200
	for n in methods:
		assert f"onestop.api.v1.{n}" in page.text
	assert "API mở" in page.text


def test_every_call_is_logged_with_its_status():
	key = str(uuid.uuid4())
	create(key, applicant_name=MARK + " nhật ký")
	create(key, applicant_name=MARK + " nhật ký", phone="0911111111")  # 409
	logs = site_python(
		f"out['rows'] = frappe.get_all('API Call Log', filters={{'idempotency_key': {key!r}}}, fields=['method', 'status_code', 'dossier', 'duration_ms', 'user'], order_by='creation')"
	)["rows"]
	assert [(r["method"], r["status_code"]) for r in logs] == [
		("create_dossier", 201),
		("create_dossier", 409),
	]
	assert logs[0]["dossier"] and not logs[1]["dossier"]
	assert logs[0]["user"] == CLIENTS["lgsp"]["user"] and logs[0]["duration_ms"] > 0
