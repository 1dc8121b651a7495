# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

from frappe.model.document import Document


class SigningCertificate(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		agency: DF.Link
		certificate_file: DF.Attach
		certificate_pem: DF.LongText | None
		enabled: DF.Check
		issuer: DF.SmallText | None
		password: DF.Password | None
		serial_number: DF.Data | None
		subject: DF.SmallText | None
		valid_from: DF.Datetime | None
		valid_until: DF.Datetime | None
	# end: auto-generated types

	# An agency's PKCS#12 certificate and key for signing results (procedures/signing.py).

	def validate(self):
		from onestop.procedures.signing import certificate_details

		certificate_details(self)
