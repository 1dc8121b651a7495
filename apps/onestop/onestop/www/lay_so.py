"""The kiosk at the hall's entrance: /lay-so. A citizen touches a field's button and takes a
queue number (onestop.procedures.queue.take_ticket); the ticket shows on screen and prints on
the kiosk's 80 mm receipt printer (/phieu-so, printed from a hidden frame; /lay-so?in=1 prints
every ticket at once, for a kiosk browser started with silent printing). Vietnamese whatever
the browser says; ?_lang=en for English."""

import frappe
from frappe import _

from onestop.core.public_pages import public_page
from onestop.procedures.queue import TAKES, served_fields, waiting_counts

no_cache = 1


def get_context(context):
	public_page(context, keep=("in",))
	context.title = _("Take a Queue Number")
	context.page_class = "queue-kiosk"
	waiting = waiting_counts()
	context.fields = [{**f, "waiting": waiting.get(f.field, 0)} for f in served_fields()]
	context.auto_print = frappe.form_dict.get("in") == "1"
	context.texts = {
		"your_number": _("Your number"),
		"ahead": _("People ahead of you: {0}"),
		"taken_at": _("Taken at {0}"),
		"waiting": _("{0} waiting"),
		"error": _("The number could not be taken. Try again."),
		"throttled": _("Too many numbers taken from this kiosk. Wait a minute."),
	}
	context.takes = TAKES
	return context
