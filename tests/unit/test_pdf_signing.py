"""PAdES signing and verification of result PDFs (onestop.pdf_signing), no site.

The certificate is made here, in the test, with `cryptography`: no key is kept in git.
"""

import datetime as dt
import io

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, Encoding, pkcs12
from fpdf import FPDF

from onestop import pdf_signing
from onestop.pdf_signing import SigningError, certificate_der, pkcs12_info, sign_pdf, verify_pdf

PASSWORD = "mật-khẩu-thử"


def throwaway_pkcs12(common_name: str, password: str = PASSWORD, days: int = 365, serial: int = 0x1A2B3C):
	"""A self-signed certificate and its RSA key as a PKCS#12 archive, made now."""
	key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
	name = x509.Name(
		[
			x509.NameAttribute(x509.NameOID.COUNTRY_NAME, "VN"),
			x509.NameAttribute(x509.NameOID.ORGANIZATION_NAME, "UBND tỉnh Thử"),
			x509.NameAttribute(x509.NameOID.COMMON_NAME, common_name),
		]
	)
	start = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=1)
	cert = (
		x509.CertificateBuilder()
		.subject_name(name)
		.issuer_name(name)
		.public_key(key.public_key())
		.serial_number(serial)
		.not_valid_before(start)
		.not_valid_after(start + dt.timedelta(days=days))
		.add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
		.add_extension(
			x509.KeyUsage(True, True, False, False, False, True, False, False, False), critical=True
		)
		.sign(key, hashes.SHA256())
	)
	return pkcs12.serialize_key_and_certificates(
		b"thu", key, cert, None, BestAvailableEncryption(password.encode())
	)


def a_pdf(text: str = "KET QUA GIAI QUYET HO SO 000.00.99.H99-251006-0001") -> bytes:
	pdf = FPDF()
	pdf.set_compression(False)  # the text stays readable in the bytes, to tamper with
	pdf.add_page()
	pdf.set_font("Helvetica", size=12)
	pdf.cell(0, 10, text)
	return bytes(pdf.output())


@pytest.fixture(scope="module")
def archive():
	return throwaway_pkcs12("Sở Thử nghiệm")


def test_the_certificate_is_read_from_the_archive(archive):
	info = pkcs12_info(archive, PASSWORD)
	assert info.common_name == "Sở Thử nghiệm"
	assert info.serial_number == "1A2B3C"
	assert "CN=Sở Thử nghiệm" in info.subject and info.subject == info.issuer
	assert info.valid_until - info.valid_from == dt.timedelta(days=365)
	with pytest.raises(SigningError):
		pkcs12_info(archive, "sai mật khẩu")
	with pytest.raises(SigningError):
		pkcs12_info(b"not an archive", PASSWORD)


def test_a_signed_pdf_verifies_intact_with_signer_and_time(archive):
	before = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
	signed = sign_pdf(a_pdf(), archive, PASSWORD, reason="Kết quả giải quyết", location="Vũng Tàu")
	result = verify_pdf(signed, [certificate_der(archive, PASSWORD)])
	assert (result.signed, result.intact, result.valid, result.trusted) == (True, True, True, True)
	assert result.covers_whole_file
	assert result.signer_common_name == "Sở Thử nghiệm" and result.serial_number == "1A2B3C"
	assert before - dt.timedelta(seconds=2) <= result.signing_time <= before + dt.timedelta(minutes=1)
	# from the file alone: intact and valid, not trusted without the agency's certificate
	alone = verify_pdf(signed)
	assert (alone.intact, alone.valid, alone.trusted) == (True, True, False)
	# another certificate as the only root: the signature is still intact, not trusted
	other = throwaway_pkcs12("Sở Khác", serial=7)
	assert verify_pdf(signed, [certificate_der(other, PASSWORD)]).trusted is False
	# the public PEM kept on the site is enough to trust it
	pem = pdf_signing.certificate_pem(archive, PASSWORD)
	assert "PRIVATE" not in pem
	assert verify_pdf(signed, pdf_signing.pem_certificates(pem)).trusted is True


def test_a_tampered_pdf_fails_verification(archive):
	signed = sign_pdf(a_pdf(), archive, PASSWORD)
	position = signed.index(b"KET QUA")
	tampered = signed[:position] + b"KET QUX" + signed[position + 7 :]
	result = verify_pdf(tampered, [certificate_der(archive, PASSWORD)])
	assert result.signed and not result.intact
	# bytes appended after the signature: the signature no longer covers the whole file
	appended = signed + b"\n% added later\n"
	assert not verify_pdf(appended, [certificate_der(archive, PASSWORD)]).intact


def test_an_unsigned_or_unreadable_file_is_not_signed(archive):
	assert verify_pdf(a_pdf()).signed is False
	assert verify_pdf(b"garbage").signed is False
	with pytest.raises(SigningError):
		sign_pdf(b"garbage", archive, PASSWORD)
	with pytest.raises(SigningError):
		sign_pdf(a_pdf(), archive, "sai mật khẩu")


def test_a_second_signature_is_the_one_verified(archive):
	first = sign_pdf(a_pdf(), archive, PASSWORD)
	other = throwaway_pkcs12("Sở Ký lại", serial=0xBEEF)
	second = sign_pdf(first, other, PASSWORD, field_name="Signature2")
	result = verify_pdf(second, [certificate_der(other, PASSWORD)])
	assert result.intact and result.trusted and result.serial_number == "BEEF"
	assert isinstance(pdf_signing.Verification, type)
