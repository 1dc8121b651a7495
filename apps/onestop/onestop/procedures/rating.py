"""The citizen's own rating of the service a dossier received (Decision 766/QĐ-TTg of 23/06/2022,
the set of indicators serving and judging the service of citizens and businesses: the group
"mức độ hài lòng", satisfaction, measured from the citizens' own ratings).

The citizen rates on the public status page the receipt's QR code opens
(/tra-cuu-ho-so?ma=CODE&t=TOKEN), once the result is returned: an overall level (Rất hài lòng,
Hài lòng, Không hài lòng) and an optional comment. The link's token is the permission, as for the
page itself. One rating per dossier: the check and the write hold the dossier's row lock
(SELECT … FOR UPDATE, then a conditional UPDATE), so parallel posts store one. Officers cannot
enter or change it: the Dossier controller keeps the stored rating on every save
(Dossier.keep_citizen_rating), and only record_rating writes it. record_rating moves the KPI
counters (daily_counts.record) in the same transaction, so "% hài lòng" counts it at once.
"""

from __future__ import annotations

import datetime as dt

import frappe
from frappe import _
from frappe.rate_limiter import rate_limit

from onestop.core import clock
from onestop.dossier_timing import RATED
from onestop.procedures import daily_counts

COMMENT_MAX = 1000  # characters of the citizen's comment
RATINGS = 30  # rating posts a client address may make per minute: a family's, not a guesser's
RATING_FIELDS = ("satisfaction", "satisfaction_comment", "rated_at")
RATABLE_STATE = "Result Returned"
# what the KPI counters read of a dossier (daily_counts.key_of and contribution)
COUNTED = (
	"name",
	"received_at",
	"competent_agency",
	"field",
	"procedure_code",
	"channel",
	"on_the_spot",
	"status",
	"resolution",
	"resolved_at",
	"handling_days",
	"satisfaction",
)


class RatingError(frappe.ValidationError):
	"""A rating that cannot be stored (HTTP 417)."""


def record_rating(
	dossier: str, satisfaction: str, comment: str | None = None, moment: dt.datetime | None = None
) -> dict:
	"""Store the citizen's rating of `dossier` and count it in the KPI counters.

	dossier: the dossier code (its name). satisfaction: one of dossier_timing.RATED ("Very
	Satisfied", "Satisfied", "Not Satisfied"). comment: optional, at most COMMENT_MAX
	characters (stripped; empty means none). moment: when it was rated (the dossier clock's now
	by default; the demo loader passes past moments).
	Returns {"dossier": code, "satisfaction": level, "rated_at": datetime}.
	Raises RatingError (frappe.throw, HTTP 417) for an unknown level, a long comment, a dossier
	whose result is not returned yet, or one already rated. The dossier's row stays locked
	until the transaction ends, so of parallel calls one stores and the others see it rated.
	"""
	if satisfaction not in RATED:
		frappe.throw(_("Choose one of the satisfaction levels."), RatingError)
	comment = (comment or "").strip()
	if len(comment) > COMMENT_MAX:
		frappe.throw(_("The comment is limited to {0} characters.").format(COMMENT_MAX), RatingError)
	before = frappe.db.get_value("Dossier", dossier, COUNTED, as_dict=True, for_update=True)
	if not before:
		frappe.throw(_("No dossier matches this link. Check the QR code on your receipt."), RatingError)
	if before.satisfaction:
		frappe.throw(_("This dossier has been rated already: one rating per dossier."), RatingError)
	if before.status != RATABLE_STATE:
		frappe.throw(_("The dossier can be rated once its result has been returned."), RatingError)
	rated_at = moment or clock.now()
	frappe.db.sql(
		"""update `tabDossier` set satisfaction = %s, satisfaction_comment = %s, rated_at = %s
		where name = %s and ifnull(satisfaction, '') = ''""",
		(satisfaction, comment or None, rated_at, dossier),
	)
	after = frappe._dict(before, satisfaction=satisfaction)
	daily_counts.record(after, before)
	return {"dossier": dossier, "satisfaction": satisfaction, "rated_at": rated_at}


@frappe.whitelist(allow_guest=True, methods=["POST"])
@rate_limit(limit=RATINGS, seconds=60)
def rate(code: str, token: str, satisfaction: str, comment: str | None = None) -> dict:
	"""The public status page's rating form posts here (no login).

	code: the dossier code; token: the secret the receipt's QR link carries (t=…), which must
	be that dossier's public_token; satisfaction and comment: as record_rating takes them.
	Returns {"dossier", "satisfaction", "rated_at"} as record_rating does. A wrong code or token,
	or a rating record_rating refuses, is HTTP 417 with a Vietnamese message; more than RATINGS
	posts a minute from one address, HTTP 429 (Frappe's rate_limit).
	"""
	code, token = (code or "").strip(), (token or "").strip()
	if not code or not token or not frappe.db.exists("Dossier", {"name": code, "public_token": token}):
		frappe.throw(_("No dossier matches this link. Check the QR code on your receipt."), RatingError)
	return record_rating(code, satisfaction, comment)
