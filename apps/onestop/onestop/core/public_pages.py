"""The citizens' public pages (www/: the status page, the kiosk, the hall display, the ticket):
one language rule and one language switch for all of them."""

import frappe


def public_page(context, keep: tuple[str, ...] = ()) -> str:
	"""Set up a public page: Vietnamese whatever the browser asks for, English when the link
	says ?_lang=en; no caching; the centre's name (Onestop Settings.receiving_unit).
	`keep` names the query parameters the language switch keeps (the page's own link, e.g. a
	dossier's code and token). Returns the language ("vi" or "en")."""
	lang = "en" if (frappe.form_dict.get("_lang") or "").lower().startswith("en") else "vi"
	frappe.local.lang = lang
	context.lang = lang
	context.no_cache = 1
	context.centre = frappe.db.get_single_value("Onestop Settings", "receiving_unit") or ""
	context.keep_query = "&".join(
		f"{k}={frappe.utils.quote(str(frappe.form_dict[k]))}" for k in keep if frappe.form_dict.get(k)
	)
	return lang
