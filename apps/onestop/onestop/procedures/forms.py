"""The legal forms of a dossier, by the circular in force on its receipt date.

Circular 01/2018/TT-VPCP (forms 01–06) and Circular 03/2025/TT-VPCP (forms 01–07); see
onestop.legal_regimes. Each form is a standard Print Format of Dossier whose Jinja lives in
procedures/print_format/<name>/<name>.html and draws on templates/print/onestop_forms.html.
The registers (form 06 of 2018, form 07 of 2025) list many dossiers: they are the report
"Dossier Register". The helpers below are Jinja methods (hooks.py).
"""

from __future__ import annotations

import io

import frappe
import pyqrcode
from frappe import _
from frappe.utils import get_datetime, get_url

from onestop.legal_regimes import FORMS

# (regime, form number) → what the form is; its Print Format is "Dossier {regime} Form {number} {kind}".
FORM_KINDS = {
	("2018", "01"): "Receipt",
	("2018", "02"): "Supplement Request",
	("2018", "03"): "Refusal",
	("2018", "04"): "Apology",
	("2018", "05"): "Process Control Sheet",
	("2025", "01"): "Receipt",
	("2025", "02"): "Supplement Request",
	("2025", "03"): "Refusal",
	("2025", "04"): "Apology and Extension",
	("2025", "05"): "Notice of Stopping",
	("2025", "06"): "Process Control Sheet",
}


def print_format(regime: str, number: str) -> str:
	return f"Dossier {regime} Form {number} {FORM_KINDS[(regime, number)]}"


def applies(kind: str, doc) -> bool:
	"""Whether a form has something to say for this dossier now."""
	if kind == "Supplement Request":
		return bool(doc.supplement_requested_at)
	if kind == "Refusal":
		return doc.status == "Refused" or bool(doc.refusal_reason)
	if kind.startswith("Apology"):
		return bool(doc.apology_issued_at)
	if kind == "Notice of Stopping":
		return doc.status == "Withdrawn"
	return True


@frappe.whitelist()
def forms_for_dossier(name: str) -> list[dict]:
	"""The forms to print for a dossier: [{"number", "label", "print_format"}], in order."""
	doc = frappe.get_doc("Dossier", name)
	doc.check_permission("read")
	titles = dict(next(f.forms for f in FORMS if f.key == doc.forms_regime))
	out = []
	for (regime, number), kind in FORM_KINDS.items():
		if regime == doc.forms_regime and applies(kind, doc):
			label = _("Form {0}: {1}").format(number, titles[number])
			out.append({"number": number, "label": label, "print_format": print_format(regime, number)})
	return out


# ------------------------------------------------------------------ Jinja methods
def dossier_status_url(doc) -> str:
	"""The public page showing this dossier's status (no login; the token keeps others out)."""
	return get_url(f"/tra-cuu-ho-so?ma={doc.name}&t={doc.public_token}")


def qr_svg(text: str, scale: int = 3) -> str:
	"""An inline SVG QR code of `text`."""
	buffer = io.BytesIO()
	pyqrcode.create(text, error="M").svg(buffer, scale=scale, omithw=False, xmldecl=False, svgns=True)
	return buffer.getvalue().decode()


def vn_date(value) -> str:
	"""'ngày 05 tháng 10 năm 2025', as Vietnamese documents write dates."""
	if not value:
		return "ngày ... tháng ... năm ..."
	d = get_datetime(value)
	return f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"


def vn_time(value) -> str:
	"""'09 giờ 30 phút, ngày 05 tháng 10 năm 2025'."""
	if not value:
		return "... giờ ... phút, ngày ... tháng ... năm ..."
	d = get_datetime(value)
	return f"{d.hour:02d} giờ {d.minute:02d} phút, {vn_date(d)}"


def form_title(regime: str, number: str) -> str:
	return dict(next(f.forms for f in FORMS if f.key == regime))[number]


def circular_of(regime: str) -> str:
	return next(f.circular for f in FORMS if f.key == regime)


def dossier_header(doc) -> dict:
	"""The form's heading: the unit's superior, the unit, and the place the form is signed."""
	unit = doc.receiving_unit or ""
	parent = frappe.db.get_value("Agency", unit, "parent_agency") if unit else None
	province = frappe.db.get_single_value("Onestop Settings", "province") or ""
	superior = frappe.db.get_value("Agency", parent, "agency_name") if parent else f"UBND tỉnh {province}"
	return {
		"superior": superior,
		"unit": frappe.db.get_value("Agency", unit, "agency_name") or unit,
		"place": province,
	}


def procedure_days(doc) -> str:
	"""The procedure's legal time as written on forms ("10", "0,5")."""
	days = frappe.get_cached_value("Administrative Procedure", doc.procedure, "legal_days") or 0
	text = f"{days:g}".replace(".", ",")
	return text if days else "trong ngày"


def stage_result(row) -> str:
	"""Trước hạn / Đúng hạn / Quá hạn for a finished stage, empty while it is open."""
	from onestop.dossier_timing import resolution

	if not row.completed_at or not row.due_at:
		return ""
	return {"Early": "Trước hạn", "On Time": "Đúng hạn", "Late": "Quá hạn"}[
		resolution(get_datetime(row.due_at), get_datetime(row.completed_at))
	]
