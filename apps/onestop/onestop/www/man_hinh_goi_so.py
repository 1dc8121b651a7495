"""The hall's screen: /man-hinh-goi-so. Per open counter, the number it calls or serves, and the
last numbers called, large enough to read across the hall. It changes as soon as a counter
calls: every change reaches it through Frappe's realtime (socket.io, event
onestop.procedures.queue.EVENT in the website room that Guest sockets join); while the socket
is down it reads the cached state every second instead. Vietnamese whatever the browser says;
?_lang=en for English."""

from frappe import _

from onestop.core.public_pages import public_page
from onestop.procedures.queue import EVENT, RECENT, _display_state

no_cache = 1


def get_context(context):
	public_page(context)
	context.title = _("Queue Display")
	context.page_class = "queue-display"
	context.state = _display_state()
	context.event = EVENT
	context.recent_max = RECENT
	context.texts = {
		"none": "—",
		"called": _("Calling"),
		"serving": _("Serving"),
		"invite": _("Number {0}, please go to {1}"),
	}
	return context
