"""Results signed electronically (PAdES) by the competent agency, checked on the dossier.

The agency's certificate is made here, in the test, with `cryptography` (no key in git), and
kept as a Signing Certificate: a private PKCS#12 file and its password in a Password field.
"""

import datetime as dt
import hashlib

import frappe
import pytest
from fpdf import FPDF
from unit.test_pdf_signing import throwaway_pkcs12 as unit_pkcs12

from onestop.procedures.digitisation import SignedResultError
from onestop.procedures.signing import SigningError, sign_result, verify_file, verify_result

from .factories import USERS, agency, dossier, move, procedure

DT = dt.datetime
RECEIVER = USERS["receiver"][0]
APPROVER = USERS["approver"][0]
OTHER = USERS["other_processor"][0]
PASSWORD = "mật-khẩu-thử-ký-số"


def throwaway_pkcs12(common_name: str, serial: int) -> bytes:
	"""A self-signed certificate and key, made now, as a PKCS#12 archive (the unit tests' own,
	with this test's password and a month's validity)."""
	return unit_pkcs12(common_name, password=PASSWORD, days=30, serial=serial)


def private_file(content: bytes, file_name: str, doctype=None, name=None) -> str:
	doc = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": file_name,
			"is_private": 1,
			"attached_to_doctype": doctype,
			"attached_to_name": name,
			"content": content,
		}
	)
	doc.insert(ignore_permissions=True)
	return doc.file_url


def a_pdf(text: str) -> bytes:
	pdf = FPDF()
	pdf.set_compression(False)
	pdf.add_page()
	pdf.set_font("Helvetica", size=12)
	pdf.cell(0, 10, text)
	return bytes(pdf.output())


def certificate(agency_name: str, serial: int) -> str:
	archive = throwaway_pkcs12(f"{agency_name} (ký số thử)", serial)
	return (
		frappe.get_doc(
			{
				"doctype": "Signing Certificate",
				"agency": agency_name,
				"certificate_file": private_file(archive, f"{serial}.p12"),
				"password": PASSWORD,
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


@pytest.fixture
def approved():
	department = agency("_Test Sở Ký số", members=[USERS["processor"][0], APPROVER])
	proc = procedure(legal_days=2, agency=department)
	name = dossier(proc, DT(2025, 10, 6, 9, 0), applicant_id="K-0001")
	move(name, "Forward", DT(2025, 10, 6, 9, 30), RECEIVER)
	move(name, "Approve", DT(2025, 10, 7, 8, 0), APPROVER)
	return frappe._dict(name=name, agency=department)


def sign_as(user: str, name: str, **kwargs) -> dict:
	frappe.set_user(user)
	frappe.local.onestop_user_agencies = None
	try:
		return sign_result(name, **kwargs)
	finally:
		frappe.set_user("Administrator")


def test_the_certificate_is_read_from_its_file(approved):
	cert = frappe.get_doc("Signing Certificate", certificate(approved.agency, 0xA11CE))
	assert cert.serial_number == "A11CE" and "ký số thử" in cert.subject
	assert cert.valid_until > cert.valid_from
	assert cert.get_password("password") == PASSWORD
	assert cert.certificate_pem.startswith("-----BEGIN CERTIFICATE") and "PRIVATE" not in cert.certificate_pem
	assert frappe.db.get_value("Signing Certificate", cert.name, "password") != PASSWORD  # stored apart
	with pytest.raises(SigningError):
		frappe.get_doc(
			{
				"doctype": "Signing Certificate",
				"agency": approved.agency,
				"certificate_file": private_file(throwaway_pkcs12("x", 5), "5.p12"),
				"password": "sai",
			}
		).insert(ignore_permissions=True)


def test_sign_verify_and_tamper(approved):
	certificate(approved.agency, 0xB0B)
	uploaded = private_file(a_pdf("KET QUA HO SO K-0001"), "ket-qua.pdf", "Dossier", approved.name)
	doc = frappe.get_doc("Dossier", approved.name)
	doc.result_file = uploaded
	doc.save()
	signed = sign_as(APPROVER, approved.name)
	assert signed["signed_by"] == APPROVER and signed["signer_serial"] == "B0B"
	doc = frappe.get_doc("Dossier", approved.name)
	assert doc.signed_result and doc.result_digitised and doc.signed_at
	check = verify_result(approved.name)
	assert (check["signed"], check["intact"], check["valid"], check["trusted"]) == (True, True, True, True)
	assert check["matches_dossier"] and check["serial_number"] == "B0B"
	assert "ký số thử" in check["signer_common_name"]
	# checkable from the file alone
	assert verify_file(doc.signed_result)["intact"]
	# the signed result is in the applicant's document store
	assert frappe.db.get_value(
		"Applicant Document", {"source_dossier": approved.name, "source": "Result"}, "file"
	) == (doc.signed_result)
	# a tampered copy fails
	content = frappe.get_doc("File", {"file_url": doc.signed_result}).get_content()
	at = content.index(b"KET QUA")
	tampered = content[:at] + b"KET QUX" + content[at + 7 :]
	copy = private_file(tampered, "sua.pdf", "Dossier", approved.name)
	result = verify_file(copy)
	assert result["signed"] and not result["intact"]
	assert hashlib.sha256(tampered).hexdigest() != doc.signed_file_hash


def test_a_signed_result_is_replaced_only_by_a_new_signature(approved):
	certificate(approved.agency, 0xC0DE)
	sign_as(APPROVER, approved.name)  # the result notice printed from the dossier (wkhtmltopdf)
	first = frappe.get_doc("Dossier", approved.name)
	assert verify_result(approved.name)["intact"]
	other = private_file(a_pdf("KET QUA KHAC"), "khac.pdf", "Dossier", approved.name)
	doc = frappe.get_doc("Dossier", approved.name)
	doc.result_file = other
	with pytest.raises(SignedResultError):
		doc.save()
	doc = frappe.get_doc("Dossier", approved.name)
	doc.signed_result = other
	with pytest.raises(SignedResultError):
		doc.save()
	# nor can a save forge the signature's record
	doc = frappe.get_doc("Dossier", approved.name)
	doc.signer_subject = "CN=Giả mạo"
	doc.save()
	assert frappe.db.get_value("Dossier", approved.name, "signer_subject") == first.signer_subject
	# a new result, signed anew
	again = sign_as(APPROVER, approved.name, result_file=other)
	assert again["signed_result"] != first.signed_result
	doc = frappe.get_doc("Dossier", approved.name)
	assert doc.result_file == other and verify_result(approved.name)["intact"]


def test_who_may_sign(approved):
	certificate(approved.agency, 0xD00D)
	with pytest.raises(frappe.PermissionError):
		sign_as(OTHER, approved.name)  # a processing officer of another agency
	name = dossier(
		frappe.db.get_value("Dossier", approved.name, "procedure"), DT(2025, 10, 8, 9, 0), applicant_id="K-2"
	)
	with pytest.raises(SigningError):
		sign_result(name)  # not approved yet
	frappe.db.set_value("Signing Certificate", {"agency": approved.agency}, "enabled", 0)
	with pytest.raises(SigningError):
		sign_result(approved.name)  # no valid certificate
	assert verify_result(name) == {"signed": False, "intact": False}
