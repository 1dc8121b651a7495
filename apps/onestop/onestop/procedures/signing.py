"""Results signed electronically by the approving agency (PAdES), and their verification.

Decree 45/2020/NĐ-CP, Art. 19 and Decree 107/2021/NĐ-CP: the result of an administrative
procedure can be returned as an electronic document signed by the competent agency's digital
signature (Decree 130/2018/NĐ-CP); seed 002 asks the centre to sign results on the spot.

The competent agency's certificate and key are a Signing Certificate (a PKCS#12 file kept
private, its password a Password field: encrypted in the database, read only here). The result
PDF is the one uploaded as the dossier's Result File, or else rendered from the result print
format (frappe.get_print(..., as_pdf=True), wkhtmltopdf). The signed PDF is a private file of
the dossier; the dossier keeps who signed, when, with which certificate (subject, serial) and
the signed file's SHA-256, and refuses any change of the result without a new signature
(digitisation.stamp). `verify_result` reads the signed file back and checks it (intact, who,
when, trusted); the same check runs on any PDF (`verify_file`), so the file itself is the proof.
"""

from __future__ import annotations

import hashlib

import frappe
from frappe import _
from frappe.utils import get_datetime

from onestop import pdf_signing
from onestop.core import clock
from onestop.core.permissions import acts_for
from onestop.procedures import digitisation

RESULT_PRINT_FORMAT = "Dossier Result Notice"
SIGNABLE = ("Approved", "Result Ready", "Result Returned")


class SigningError(frappe.ValidationError):
	"""A result that cannot be signed (HTTP 417)."""


def certificate_for(agency: str):
	"""The enabled Signing Certificate of `agency` valid now (the latest added when several).
	Raises SigningError when there is none."""
	now = clock.now()
	rows = frappe.get_all(
		"Signing Certificate",
		filters={"agency": agency, "enabled": 1, "valid_from": ("<=", now), "valid_until": (">=", now)},
		pluck="name",
		order_by="creation desc",
		limit=1,
	)
	if not rows:
		frappe.throw(
			_(
				"{0} has no valid signing certificate: a System Manager adds one (Signing Certificate)."
			).format(frappe.bold(agency)),
			SigningError,
		)
	return frappe.get_doc("Signing Certificate", rows[0])


def read_file(file_url: str) -> bytes:
	"""The content of a File (by its URL)."""
	name = frappe.db.get_value("File", {"file_url": file_url}, "name")
	if not name:
		frappe.throw(_("The file {0} is missing.").format(file_url), SigningError)
	return frappe.get_doc("File", name).get_content()


@frappe.whitelist(methods=["POST"])
def sign_result(dossier: str, result_file: str | None = None) -> dict:
	"""Sign the dossier's result with its competent agency's certificate (PAdES B-B).

	dossier: the Dossier (name), approved (Approved, Result Ready or Result Returned). The PDF
	signed is the Result File when it is a PDF, else the result print format (RESULT_PRINT_FORMAT)
	rendered now. result_file: a new result PDF (a private file the caller uploaded, or one of
	the dossier's) to become the Result File and be signed: the only way to replace a signed
	result, always with a new signature. The caller must be able to edit the dossier and act for its competent agency.
	Returns {"signed_result" (private file URL), "signed_by", "signed_at", "signer_subject",
	"signer_serial", "signing_certificate"}.
	Raises frappe.PermissionError (HTTP 403) or SigningError (HTTP 417: not approved, no valid
	certificate, a Result File that is not a PDF, a certificate that cannot be opened).
	"""
	doc = frappe.get_doc("Dossier", dossier)
	doc.check_permission("write")
	if not acts_for(doc.competent_agency):
		frappe.throw(_("Only {0} signs this result.").format(doc.competent_agency), frappe.PermissionError)
	frappe.db.get_value("Dossier", dossier, "name", for_update=True)
	if doc.status not in SIGNABLE:
		frappe.throw(_("The result is signed once the dossier is approved."), SigningError)
	cert = certificate_for(doc.competent_agency)
	if result_file:
		doc.result_file = result_file
		frappe.flags.onestop_signing = True
		try:
			digitisation.stamp(doc)  # the new file checked: private, of this dossier
		finally:
			frappe.flags.onestop_signing = False
	if doc.result_file:
		pdf = read_file(doc.result_file)
		if not pdf.startswith(b"%PDF"):
			frappe.throw(_("The Result File is not a PDF: only a PDF is signed."), SigningError)
	else:
		pdf = frappe.get_print("Dossier", doc.name, print_format=RESULT_PRINT_FORMAT, as_pdf=True)
	try:
		signed = pdf_signing.sign_pdf(
			pdf,
			read_file(cert.certificate_file),
			cert.get_password("password", raise_exception=False),
			reason=_("Result of dossier {0}").format(doc.name),
			location=doc.competent_agency,
		)
	except pdf_signing.SigningError as e:
		frappe.throw(_("The result could not be signed: {0}").format(str(e)), SigningError)
	file = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": f"{doc.name}-ky-so.pdf",
			"is_private": 1,
			"attached_to_doctype": "Dossier",
			"attached_to_name": doc.name,
			"content": signed,
		}
	)
	file.flags.ignore_permissions = True
	file.insert()
	doc.signed_result = file.file_url
	doc.signed_by = frappe.session.user
	doc.signed_at = clock.now()
	doc.signing_certificate = cert.name
	doc.signer_subject = cert.subject
	doc.signer_serial = cert.serial_number
	doc.signed_file_hash = hashlib.sha256(signed).hexdigest()
	frappe.flags.onestop_signing = True
	try:
		doc.save()
	finally:
		frappe.flags.onestop_signing = False
	return {
		field: doc.get(field)
		for field in (
			"signed_result",
			"signed_by",
			"signed_at",
			"signer_subject",
			"signer_serial",
			"signing_certificate",
		)
	}


def trusted_certificates() -> list[bytes]:
	"""The public certificates of the site's Signing Certificates (DER), the roots verify_pdf
	trusts; read from their stored PEM, never by opening the private keys."""
	out = []
	for pem in frappe.get_all("Signing Certificate", pluck="certificate_pem"):
		out += pdf_signing.pem_certificates(pem or "")
	return out


def verification_of(pdf: bytes, stored_hash: str | None = None) -> dict:
	"""verify_pdf of `pdf` against the site's certificates, as a dict (pdf_signing.Verification)
	with "matches_dossier": the file is the one the dossier recorded (its SHA-256), when a
	stored hash is given."""
	result = pdf_signing.verify_pdf(pdf, trusted_certificates()).as_dict()
	if stored_hash is not None:
		result["matches_dossier"] = hashlib.sha256(pdf).hexdigest() == stored_hash
	return result


@frappe.whitelist()
def verify_result(dossier: str) -> dict:
	"""Check the dossier's signed result ("Kiểm tra chữ ký" on the dossier).

	Returns {"signed", "intact", "valid", "trusted", "covers_whole_file", "signer_subject",
	"signer_common_name", "serial_number", "signing_time" (UTC), "summary", "matches_dossier"
	(the file is the one recorded at signing), "signed_by", "signed_at" (as the dossier records
	them)}. signed is False when the dossier has no signed result. Needs read permission on
	the dossier (frappe.PermissionError otherwise).
	"""
	doc = frappe.get_doc("Dossier", dossier)
	doc.check_permission("read")
	if not doc.signed_result:
		return {"signed": False, "intact": False}
	result = verification_of(read_file(doc.signed_result), doc.signed_file_hash)
	result.update(signed_by=doc.signed_by, signed_at=doc.signed_at)
	return result


@frappe.whitelist()
def verify_file(file_url: str) -> dict:
	"""Check any signed PDF the caller can read (a File by its URL), as verify_result does,
	without a dossier: the file carries its own signature. Raises frappe.PermissionError when
	the caller cannot read the File."""
	name = frappe.db.get_value("File", {"file_url": file_url}, "name")
	if not name:
		frappe.throw(_("The file {0} is missing.").format(file_url), SigningError)
	file = frappe.get_doc("File", name)
	if not file.is_downloadable():
		frappe.throw(_("Not permitted"), frappe.PermissionError)
	return verification_of(file.get_content())


def certificate_details(doc) -> None:
	"""Signing Certificate validate: subject, issuer, serial and validity read from the
	PKCS#12 file with its password. Raises SigningError when it cannot be opened."""
	if not doc.certificate_file:
		return
	password = doc.password
	if not password or set(password) == {"*"}:
		password = doc.get_password("password", raise_exception=False) if not doc.is_new() else password
	try:
		archive = read_file(doc.certificate_file)
		info = pdf_signing.pkcs12_info(archive, password)
		doc.certificate_pem = pdf_signing.certificate_pem(archive, password)
	except pdf_signing.SigningError as e:
		frappe.throw(_("The certificate cannot be opened: {0}").format(str(e)), SigningError)
	doc.subject, doc.issuer, doc.serial_number = info.subject, info.issuer, info.serial_number
	doc.valid_from, doc.valid_until = _local(info.valid_from), _local(info.valid_until)
	if frappe.db.get_value("File", {"file_url": doc.certificate_file}, "is_private") != 1:
		frappe.throw(_("The certificate file must be private."), SigningError)


def _local(utc_moment):
	"""A naive UTC datetime in the site's time zone (naive), as Frappe stores datetimes."""
	from frappe.utils import convert_utc_to_system_timezone

	return get_datetime(convert_utc_to_system_timezone(utc_moment)).replace(tzinfo=None)
