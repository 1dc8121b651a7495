# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt

import frappe
from frappe.model.document import Document


class QueueTicket(Document):
	"""A number taken at the kiosk (onestop.procedures.queue.take_ticket): "A012" is the
	twelfth of the day for the field with prefix A. Named DATE-NUMBER (20261202-A012), so a
	number is unique per day and prefix by its name; every change goes through the queue's
	calls (call_next, start_serving, finish, no_show), none through the form."""

	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		called_at: DF.Datetime | None
		called_by: DF.Link | None
		counter: DF.Link | None
		done_at: DF.Datetime | None
		dossier: DF.Link | None
		field: DF.Link | None
		prefix: DF.Data | None
		recalls: DF.Int
		seq: DF.Int
		served_at: DF.Datetime | None
		status: DF.Literal["Waiting", "Called", "Serving", "Done", "No-show"]
		taken_at: DF.Datetime | None
		ticket_date: DF.Date | None
		ticket_number: DF.Data | None
	# end: auto-generated types

	def autoname(self):
		self.name = f"{frappe.utils.getdate(self.ticket_date):%Y%m%d}-{self.ticket_number}"


def on_doctype_update():
	"""One number per day and prefix, even written outside the name; the waiting line of a day
	read in order on the index (call_next)."""
	frappe.db.add_unique("Queue Ticket", ["ticket_date", "prefix", "seq"], "unique_day_prefix_seq")
	frappe.db.add_index("Queue Ticket", ["ticket_date", "status", "field", "seq"], "day_status_field")
