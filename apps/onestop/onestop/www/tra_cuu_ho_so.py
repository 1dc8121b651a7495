"""Public status of one dossier: /tra-cuu-ho-so?ma=<dossier code>&t=<token>.

The link is printed as a QR code on the receipt (form 01). No login: the token in the link,
known only to whoever holds the receipt, opens that dossier alone. The page shows where the
dossier stands and when it is due, never who filed it. Once the result is returned, the
citizen rates the service there (onestop.procedures.rating.rate: one rating per dossier).
"""

import frappe
from frappe import _
from frappe.rate_limiter import rate_limit

from onestop.core.public_pages import public_page
from onestop.dossier_timing import RATED
from onestop.procedures.rating import COMMENT_MAX

no_cache = 1
LOOKUPS = 20  # lookups a client may make per minute: enough for a family, not for guessing tokens

PUBLIC_FIELDS = (
	"name",
	"procedure_name",
	"received_at",
	"due_at",
	"status",
	"resolution",
	"new_due_at",
	"satisfaction",  # the level only: the citizen's comment stays off the page
)


def get_context(context):
	public_page(context, keep=("ma", "t"))
	context.title = _("Dossier Status")
	code = (frappe.form_dict.get("ma") or "").strip()
	token = (frappe.form_dict.get("t") or "").strip()
	context.searched = bool(code)
	context.dossier = None
	context.token = token
	context.levels = RATED
	context.comment_max = COMMENT_MAX
	if code and token:
		try:
			context.dossier = find(code, token)
		except frappe.RateLimitExceededError:
			frappe.clear_messages()
			context.throttled = True
			context.http_status_code = 429
	return context


@rate_limit(limit=LOOKUPS, seconds=60)
def find(code: str, token: str) -> dict | None:
	"""The public fields of the dossier `code` whose link token is `token` (None when none
	matches), and the stage it is at. At most LOOKUPS a minute per client address (Frappe's
	rate_limit; frappe.RateLimitExceededError beyond)."""
	# a direct read: the token is the permission, and only public fields leave the database
	row = frappe.db.get_value("Dossier", {"name": code, "public_token": token}, PUBLIC_FIELDS, as_dict=True)
	if row:
		row.current_stage = frappe.db.get_value(
			"Dossier Stage",
			{"parent": row.name, "parenttype": "Dossier", "completed_at": ("is", "not set")},
			"stage_name",
			order_by="idx asc",
		)
	return row
