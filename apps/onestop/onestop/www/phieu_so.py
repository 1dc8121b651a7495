"""A queue ticket: /phieu-so?so=<ticket>. Printed by the kiosk on its 80 mm receipt printer
(?in=1: the print layout alone), and opened on a phone from the ticket's QR code to follow the
line: the people still ahead, then the counter to go to once the number is called. The ticket
shows no personal data. Vietnamese whatever the browser says; ?_lang=en for English."""

import frappe
from frappe import _
from frappe.utils import get_url

from onestop.core.public_pages import public_page
from onestop.procedures.forms import qr_svg
from onestop.procedures.queue import ticket_status

no_cache = 1


def get_context(context):
	lang = public_page(context, keep=("so",))
	context.title = _("Queue Ticket")
	context.page_class = "queue-ticket-page"
	context.ticket = None
	context.print_only = frappe.form_dict.get("in") == "1"
	name = (frappe.form_dict.get("so") or "").strip()[:40]
	if name:
		try:
			context.ticket = ticket_status(name)
		except frappe.RateLimitExceededError:
			frappe.clear_messages()
			context.throttled = True
			context.http_status_code = 429
		except frappe.ValidationError:
			frappe.clear_messages()
			context.http_status_code = 404
	if context.ticket:
		link = get_url(f"/phieu-so?so={context.ticket['ticket']}" + ("&_lang=en" if lang == "en" else ""))
		context.qr = qr_svg(link, scale=3)
	context.searched = bool(name)
	return context
