"""PAdES signatures of result PDFs with pyHanko: plain Python, no Frappe.

Electronic signatures of administrative results: Decree 130/2018/NĐ-CP (digital signatures and
their certification services), Decree 45/2020/NĐ-CP (administrative procedures by electronic
means: results returned as electronic documents signed by the competent agency) and
Decree 107/2021/NĐ-CP (results digitised and signed at the one-stop centre). The signature is
a PDF signature of the PAdES baseline B-B profile (ETSI EN 319 142-1: CAdES detached, signing
certificate attribute, subfilter ETSI.CAdES.detached), made with the agency's certificate and
key from a PKCS#12 archive. No time-stamp authority is called (none is reachable from the
centre's network by default): the signing time is the signer's claimed time.

Verification reads only the file: the signature embedded in the PDF says who signed and when;
the document is intact when the digest of the bytes the signature covers matches and the
signature covers the whole file (nothing appended after signing). "Trusted" says whether the
signing certificate chains to one of the roots given (the agencies' own certificates).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import asdict, dataclass

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding, pkcs12


class SigningError(ValueError):
	"""A certificate or a PDF that cannot be used for signing (a message for the user)."""


@dataclass(frozen=True)
class CertificateInfo:
	"""What the desk shows of a signing certificate."""

	subject: str
	issuer: str
	serial_number: str  # hexadecimal, upper case, as certificate viewers show it
	valid_from: dt.datetime  # UTC, naive
	valid_until: dt.datetime  # UTC, naive
	common_name: str


@dataclass(frozen=True)
class Verification:
	"""The result of verifying a signed PDF (see verify_pdf)."""

	signed: bool  # the PDF carries a signature
	intact: bool  # the signed bytes are unchanged and the signature covers the whole file
	valid: bool  # the cryptographic signature is correct
	trusted: bool  # the signer's certificate chains to a trusted root
	covers_whole_file: bool
	signer_subject: str
	signer_common_name: str
	serial_number: str
	signing_time: dt.datetime | None  # UTC, naive; the signer's claimed time
	summary: str  # pyHanko's one-line summary

	def as_dict(self) -> dict:
		return asdict(self)


def _name(name: x509.Name) -> str:
	return name.rfc4514_string()


def _common_name(name: x509.Name) -> str:
	found = name.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
	return str(found[0].value) if found else _name(name)


def _naive_utc(moment: dt.datetime) -> dt.datetime:
	if moment.tzinfo:
		moment = moment.astimezone(dt.timezone.utc)
	return moment.replace(tzinfo=None)


def load_pkcs12(data: bytes, password: str | None):
	"""(private key, certificate, additional certificates) of a PKCS#12 archive.
	Raises SigningError for a wrong password, a damaged archive or one without key and
	certificate."""
	try:
		key, cert, others = pkcs12.load_key_and_certificates(data, password.encode() if password else None)
	except (ValueError, TypeError) as e:
		raise SigningError("wrong password or not a PKCS#12 archive") from e
	if key is None or cert is None:
		raise SigningError("the archive holds no private key and certificate")
	return key, cert, list(others or [])


def certificate_info(cert: x509.Certificate) -> CertificateInfo:
	"""Subject, issuer, serial and validity of a certificate."""
	return CertificateInfo(
		subject=_name(cert.subject),
		issuer=_name(cert.issuer),
		serial_number=format(cert.serial_number, "X"),
		valid_from=_naive_utc(cert.not_valid_before_utc),
		valid_until=_naive_utc(cert.not_valid_after_utc),
		common_name=_common_name(cert.subject),
	)


def pkcs12_info(data: bytes, password: str | None) -> CertificateInfo:
	"""certificate_info of the certificate in a PKCS#12 archive (SigningError as load_pkcs12)."""
	return certificate_info(load_pkcs12(data, password)[1])


def sign_pdf(
	pdf: bytes,
	pkcs12_data: bytes,
	password: str | None,
	reason: str = "",
	location: str = "",
	field_name: str = "Signature1",
) -> bytes:
	"""The PDF signed (PAdES B-B, SHA-256) with the certificate and key of the archive, as an
	incremental update of `pdf`. Raises SigningError when the archive or the PDF cannot be used.
	"""
	from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
	from pyhanko.pdf_utils.misc import PdfReadError
	from pyhanko.sign import fields, signers

	if not pdf.startswith(b"%PDF"):
		raise SigningError("not a PDF file")
	load_pkcs12(pkcs12_data, password)  # the clear error for a wrong password
	signer = signers.SimpleSigner.load_pkcs12_data(
		pkcs12_data, other_certs=[], passphrase=password.encode() if password else None
	)
	if signer is None:
		raise SigningError("wrong password or not a PKCS#12 archive")
	meta = signers.PdfSignatureMetadata(
		field_name=field_name,
		md_algorithm="sha256",
		subfilter=fields.SigSeedSubFilter.PADES,
		reason=reason or None,
		location=location or None,
	)
	try:
		writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
		out = signers.sign_pdf(writer, meta, signer=signer)
	except (PdfReadError, ValueError, KeyError) as e:
		raise SigningError(f"the PDF cannot be signed: {e}") from e
	return out.getvalue()


def verify_pdf(pdf: bytes, trusted_certificates: list[bytes] | None = None) -> Verification:
	"""Verify the last signature of a PDF from the file alone.

	trusted_certificates: DER or PEM certificates taken as trust roots (the agencies' own);
	without any, "trusted" is False but intact and valid are still judged. A PDF that cannot be
	read, or carries no signature, comes back with signed (or intact) False, never an error.
	"""
	from pyhanko.pdf_utils.misc import PdfReadError
	from pyhanko.pdf_utils.reader import PdfFileReader
	from pyhanko.sign.validation import validate_pdf_signature
	from pyhanko_certvalidator import ValidationContext

	empty = Verification(False, False, False, False, False, "", "", "", None, "")
	try:
		reader = PdfFileReader(io.BytesIO(pdf), strict=False)
		signatures = reader.embedded_signatures
	except (PdfReadError, ValueError, KeyError, IndexError, TypeError) as e:
		return Verification(False, False, False, False, False, "", "", "", None, f"unreadable: {e}")
	if not signatures:
		return empty
	roots = [_asn1_cert(c) for c in trusted_certificates or []]
	context = ValidationContext(trust_roots=roots, allow_fetching=False)
	embedded = signatures[-1]
	cert = x509.load_der_x509_certificate(embedded.signer_cert.dump())
	try:
		status = validate_pdf_signature(embedded, context)
	except Exception as e:  # pyHanko raises its own errors for mangled signatures
		return Verification(
			True,
			False,
			False,
			False,
			False,
			_name(cert.subject),
			_common_name(cert.subject),
			format(cert.serial_number, "X"),
			None,
			f"{type(e).__name__}: {e}",
		)
	from pyhanko.sign.validation.status import SignatureCoverageLevel

	whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
	signing_time = status.signer_reported_dt
	return Verification(
		signed=True,
		intact=bool(status.intact) and whole,
		valid=bool(status.valid),
		trusted=bool(status.trusted),
		covers_whole_file=whole,
		signer_subject=_name(cert.subject),
		signer_common_name=_common_name(cert.subject),
		serial_number=format(cert.serial_number, "X"),
		signing_time=_naive_utc(signing_time) if signing_time else None,
		summary=status.summary(),
	)


def _asn1_cert(data: bytes) -> asn1_x509.Certificate:
	if data.lstrip().startswith(b"-----BEGIN"):
		data = x509.load_pem_x509_certificate(data).public_bytes(Encoding.DER)
	return asn1_x509.Certificate.load(data)


def certificate_pem(pkcs12_data: bytes, password: str | None) -> str:
	"""The archive's certificate and the others it carries, PEM (public: no key)."""
	_key, cert, others = load_pkcs12(pkcs12_data, password)
	return "".join(c.public_bytes(Encoding.PEM).decode() for c in (cert, *others))


def pem_certificates(pem: str) -> list[bytes]:
	"""The DER bytes of each certificate in a PEM text (trust roots for verify_pdf)."""
	if not pem:
		return []
	return [c.public_bytes(Encoding.DER) for c in x509.load_pem_x509_certificates(pem.encode())]


def certificate_der(pkcs12_data: bytes, password: str | None) -> bytes:
	"""The DER bytes of the archive's certificate (a trust root for verify_pdf)."""
	return load_pkcs12(pkcs12_data, password)[1].public_bytes(Encoding.DER)
