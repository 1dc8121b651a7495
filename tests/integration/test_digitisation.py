"""Digitised components and results, the applicant's document store and the Decision 766 rates.

Hand-worked set, received in October 2025, procedure P of department A (two components:
"Căn cước công dân", "Tờ khai") and procedure Q of department B (one component):

| dossier | applicant | components digitised | result | reuse |
| D1 (A)  | X         | 2 of 2 (scans)       | approved, result file attached | – |
| D2 (A)  | Y         | 1 of 2               | approved, no result file        | – |
| D3 (A)  | X         | 2 of 2: the ID card reused from D1, the form scanned | processing | 1 |
| D4 (A)  | Z         | none listed          | received                         | – |
| D5 (B)  | W         | 1 of 1               | received                         | – |

Department A: received 4; all components digitised 2 (D1, D3) = 50 %; with a result 2 (D1, D2),
result digitised 1 (D1) = 50 %; reusing 1 (D3) = 25 %, one document reused.
All agencies: received 5; all digitised 3 (D1, D3, D5) = 60 %; result 1 of 2 = 50 %;
reusing 1 of 5 = 20 %.
"""

import datetime as dt

import frappe
import pytest

from onestop.core.doors import get_count
from onestop.procedures.digitisation import (
	DigitisationError,
	digitisation_counts,
	digitisation_rates,
	procedure_rates,
)
from onestop.procedures.document_store import ReuseError, reusable_documents, reuse_document
from onestop.procedures.report.dossier_kpis.dossier_kpis import execute as kpi_report

from .factories import USERS, agency, dossier, move, procedure

DT = dt.datetime
PERIOD = (dt.date(2025, 10, 1), dt.date(2025, 10, 31))
RECEIVER = USERS["receiver"][0]
APPROVER = USERS["approver"][0]
PROCESSOR = USERS["processor"][0]
OTHER = USERS["other_processor"][0]
ID_CARD, FORM = "Căn cước công dân", "Tờ khai"


def private_file(dossier_name: str, file_name: str, private: int = 1) -> str:
	"""A scan uploaded to the dossier (as the desk's Attach field does), its URL."""
	doc = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": file_name,
			"is_private": private,
			"attached_to_doctype": "Dossier",
			"attached_to_name": dossier_name,
			"content": f"%PDF-1.4 scan of {file_name} {frappe.generate_hash(length=8)}".encode(),
		}
	)
	doc.insert(ignore_permissions=True)
	return doc.file_url


def scan(name: str, *components: str, moment=None, user="Administrator") -> None:
	"""Attach a private scan to each named component row of the dossier."""
	from onestop.core.clock import at

	frappe.set_user(user)
	try:
		with at(moment or DT(2025, 10, 6, 9, 5)):
			doc = frappe.get_doc("Dossier", name)
			for row in doc.documents:
				if row.document in components:
					row.attachment = private_file(name, f"{row.document}.pdf")
			doc.save()
	finally:
		frappe.set_user("Administrator")


@pytest.fixture
def world():
	w = frappe._dict()
	w.a = agency("_Test Sở Số hóa A", members=[PROCESSOR, APPROVER])
	w.b = agency("_Test Sở Số hóa B", members=[OTHER])
	components = [{"component": ID_CARD, "copy_kind": "Certified Copy"}, {"component": FORM}]
	w.p = procedure(legal_days=2, agency=w.a, components=components)
	w.q = procedure(legal_days=2, agency=w.b, components=[{"component": FORM}])
	return w


def documents(*names):
	return [{"document": n, "copy_kind": "Copy", "quantity": 1} for n in names]


def received(proc, day, applicant, *components, hour=9):
	return dossier(proc, DT(2025, 10, day, hour, 0), applicant_id=applicant, documents=documents(*components))


def approve(name, day):
	move(name, "Forward", DT(2025, 10, day, 9, 30), RECEIVER)
	move(name, "Approve", DT(2025, 10, day + 1, 8, 0), APPROVER)


@pytest.fixture
def hand_set(world):
	s = frappe._dict(world)
	s.d1 = received(world.p, 6, "X-079001", ID_CARD, FORM)
	scan(s.d1, ID_CARD, FORM)
	approve(s.d1, 6)
	doc = frappe.get_doc("Dossier", s.d1)
	doc.result_file = private_file(s.d1, "ket-qua.pdf")
	doc.result_kind = "Original"
	doc.save()
	s.d2 = received(world.p, 7, "Y-079002", ID_CARD, FORM)
	scan(s.d2, ID_CARD)
	approve(s.d2, 7)
	s.d3 = received(world.p, 13, "X-079001", ID_CARD, FORM)
	offered = reusable_documents("X-079001", world.p)
	s.offered = offered
	id_card = next(o for o in offered if o.document_kind == ID_CARD)
	s.first_reuse = reuse_document(s.d3, id_card.name)
	s.second_reuse = reuse_document(s.d3, id_card.name)
	s.id_card_entry = id_card.name
	scan(s.d3, FORM)
	s.d4 = received(world.p, 14, "Z-079004")
	s.d5 = received(world.q, 15, "W-079005", FORM)
	scan(s.d5, FORM)
	return s


def test_the_rates_on_the_hand_worked_set(hand_set):
	s = hand_set
	a = digitisation_rates(*PERIOD, agency=s.a)
	assert (a["received"], a["all_digitised"], a["with_result"], a["result_digitised"]) == (4, 2, 2, 1)
	assert (a["reusing"], a["reused_documents"]) == (1, 1)
	assert (a["all_digitised_rate"], a["result_digitised_rate"], a["reuse_rate"]) == (50.0, 50.0, 25.0)
	total = digitisation_rates(*PERIOD)
	mine = {k: total[k] for k in ("received", "all_digitised", "with_result", "result_digitised")}
	# the test site may hold other dossiers of October 2025: count ours by agency
	by_agency = {r["group"]: r for r in digitisation_counts(*PERIOD, "Competent Agency")}
	assert by_agency[s.b]["received"] == 1 and by_agency[s.b]["all_digitised_rate"] == 100.0
	ours = [by_agency[s.a], by_agency[s.b]]
	assert sum(r["received"] for r in ours) == 5 and sum(r["all_digitised"] for r in ours) == 3
	assert mine["received"] >= 5
	# the dossier's own figures
	d3 = frappe.get_doc("Dossier", s.d3)
	assert (d3.components_total, d3.components_digitised, d3.all_components_digitised) == (2, 2, 1)
	assert d3.reused_documents == 1
	d2 = frappe.get_doc("Dossier", s.d2)
	assert (d2.components_total, d2.components_digitised, d2.all_components_digitised) == (2, 1, 0)
	# the procedure's form and the KPI report show the same
	p_code = frappe.db.get_value("Administrative Procedure", s.p, "procedure_code")
	shown = procedure_rates(p_code, "2025-10-01", "2025-10-31")
	assert (shown["all_digitised_rate"], shown["result_digitised_rate"]) == (50.0, 50.0)
	_columns, rows, *_rest = kpi_report(
		frappe._dict(
			from_date=PERIOD[0], to_date=PERIOD[1], group_by="Competent Agency", competent_agency=s.a
		)
	)
	row = next(r for r in rows if r["group"] == s.a)
	assert (row["all_digitised_rate"], row["result_digitised_rate"], row["reuse_rate"]) == (50.0, 50.0, 25.0)


def test_each_scan_is_stamped_with_who_and_when(world):
	name = received(world.p, 6, "X-1", ID_CARD, FORM)
	scan(name, ID_CARD, moment=DT(2025, 10, 6, 9, 7), user=RECEIVER)
	row = next(r for r in frappe.get_doc("Dossier", name).documents if r.document == ID_CARD)
	assert row.digitised and row.digitised_by == RECEIVER and row.digitised_at == DT(2025, 10, 6, 9, 7)
	# a request cannot stamp a component as digitised without its scan, nor forge who did it
	doc = frappe.get_doc("Dossier", name)
	for r in doc.documents:
		r.digitised = 1
		r.digitised_by = APPROVER
	doc.save()
	rows = {r.document: r for r in frappe.get_doc("Dossier", name).documents}
	assert rows[FORM].digitised == 0 and rows[FORM].digitised_by is None
	assert rows[ID_CARD].digitised_by == RECEIVER


def test_a_scan_must_be_a_private_file_of_this_dossier(world):
	name = received(world.p, 6, "X-2", ID_CARD)
	other = received(world.p, 6, "X-3", ID_CARD, hour=10)
	doc = frappe.get_doc("Dossier", name)
	doc.documents[0].attachment = private_file(name, "public.pdf", private=0)
	with pytest.raises(DigitisationError):
		doc.save()
	doc = frappe.get_doc("Dossier", name)
	doc.documents[0].attachment = private_file(other, "someone-elses.pdf")
	with pytest.raises(DigitisationError):
		doc.save()


def test_reuse_is_offered_and_counted_once(hand_set):
	s = hand_set
	kinds = {o.document_kind for o in s.offered}
	assert {ID_CARD, FORM} <= kinds and any(k.startswith("Kết quả giải quyết") for k in kinds)
	assert all(o.matches_component for o in s.offered if o.document_kind in (ID_CARD, FORM))
	assert s.first_reuse["reused"] is True and s.second_reuse["reused"] is False
	assert s.first_reuse["row"] == s.second_reuse["row"]
	assert frappe.db.get_value("Applicant Document", s.id_card_entry, "reuse_count") == 1
	row = next(r for r in frappe.get_doc("Dossier", s.d3).documents if r.document == ID_CARD)
	assert row.reused_from == s.id_card_entry and row.digitised
	# the same private file is attached to the new dossier, so its readers may read it
	assert frappe.db.exists(
		"File", {"file_url": row.attachment, "attached_to_doctype": "Dossier", "attached_to_name": s.d3}
	)
	# a reused component is not stored again as the new dossier's own
	assert not frappe.db.exists("Applicant Document", {"source_dossier": s.d3, "document_kind": ID_CARD})
	# another applicant's dossier cannot take it; an expired document is not offered
	with pytest.raises(ReuseError):
		reuse_document(s.d4, s.id_card_entry)
	frappe.db.set_value("Applicant Document", s.id_card_entry, "valid_until", dt.date(2025, 12, 31))
	assert s.id_card_entry not in {o.name for o in reusable_documents("X-079001")}
	with pytest.raises(ReuseError):
		reuse_document(s.d3, s.id_card_entry)


def test_the_store_and_its_files_stay_in_the_applicants_dossiers_scope(hand_set):
	s = hand_set
	entries = frappe.get_all("Applicant Document", filters={"applicant_id": "X-079001"}, pluck="name")
	d1_files = frappe.get_all(
		"File", filters={"attached_to_doctype": "Dossier", "attached_to_name": s.d1}, pluck="name"
	)
	assert entries and d1_files
	try:
		frappe.set_user(OTHER)  # a processing officer of department B: X has no dossier there
		frappe.local.onestop_user_agencies = None
		assert frappe.get_list("Applicant Document", filters={"applicant_id": "X-079001"}) == []
		assert get_count("Applicant Document", filters={"applicant_id": "X-079001"}) == 0
		assert not frappe.has_permission("Applicant Document", "read", doc=entries[0])
		assert frappe.get_list("File", filters={"attached_to_name": s.d1}) == []
		assert get_count("File", filters={"attached_to_name": s.d1}) == 0
		assert not frappe.get_doc("File", d1_files[0]).is_downloadable()
		assert reusable_documents("X-079001") == []
		with pytest.raises(frappe.PermissionError):
			reuse_document(s.d3, s.id_card_entry)
		# their own applicant's store is theirs
		assert {r.name for r in frappe.get_list("Applicant Document", filters={"applicant_id": "W-079005"})}
		frappe.set_user(PROCESSOR)  # department A reads X's dossiers, so X's store
		frappe.local.onestop_user_agencies = None
		assert set(
			frappe.get_list("Applicant Document", filters={"applicant_id": "X-079001"}, pluck="name")
		) == set(entries)
		assert frappe.get_doc("File", d1_files[0]).is_downloadable()
		assert get_count("File", filters={"attached_to_name": s.d1}) == len(d1_files)
	finally:
		frappe.set_user("Administrator")


def test_the_public_status_page_shows_no_document(hand_set):
	from onestop.www.tra_cuu_ho_so import find

	token = frappe.db.get_value("Dossier", hand_set.d1, "public_token")
	shown = find(hand_set.d1, token)
	assert shown and not {k for k in shown if "file" in k or "signed" in k or "document" in k}
	assert "/private/" not in str(shown)


def test_a_scan_uploaded_before_the_dossier_is_saved_is_attached_to_it(world):
	upload = frappe.get_doc(
		{"doctype": "File", "file_name": "truoc.pdf", "is_private": 1, "content": b"%PDF-1.4 before"}
	).insert(ignore_permissions=True)
	rows = documents(ID_CARD)
	rows[0]["attachment"] = upload.file_url
	name = dossier(world.p, DT(2025, 10, 6, 9, 0), applicant_id="X-9", documents=rows)
	attached = frappe.db.get_value("File", upload.name, ["attached_to_doctype", "attached_to_name"])
	assert attached == ("Dossier", name)
	assert frappe.db.get_value("Dossier", name, "all_components_digitised") == 1
	assert frappe.db.exists("Applicant Document", {"source_dossier": name, "document_kind": ID_CARD})


def test_the_reception_screen_takes_a_stored_document_instead_of_the_paper(hand_set):
	"""The applicant X-079001 comes back: the reception screen offers the ID card scanned on
	d1 and, taken (reception.receive(reuse=…)), it counts as handed in, fills its component
	row with the stored file and is counted once as reused; a refusal takes nothing."""
	from onestop.core.clock import at
	from onestop.procedures.reception import ReceptionError, receive

	s = hand_set
	applicant = {"applicant_type": "Person", "applicant_name": "Nguyễn Văn Số", "applicant_id": "X-079001"}
	frappe.set_user(RECEIVER)
	try:
		with at(DT(2025, 10, 20, 9, 0)):
			done = receive(s.p, applicant, documents(FORM), reuse=[s.id_card_entry])
			with pytest.raises(ReceptionError):
				receive(
					s.p,
					applicant,
					documents(ID_CARD, FORM),
					reuse=[s.id_card_entry],
					outcome="refuse",
					reason="x",
				)
	finally:
		frappe.set_user("Administrator")
	assert done["status"] == "Received" and done["reused"] == 1
	doc = frappe.get_doc("Dossier", done["name"])
	row = next(r for r in doc.documents if r.document == ID_CARD)
	assert row.reused_from == s.id_card_entry and row.attachment
	assert doc.reused_documents == 1
