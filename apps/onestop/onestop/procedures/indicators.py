"""The Decision 766/QĐ-TTg indicators per period and agency, as rows, CSV and XLSX, in the
stable column layout of onestop.indicator_layout (documented in the README).

The figures are the Dossier KPIs report's (kpi_queries.dossier_counts: the KPI counters per
competent agency, overdue judged now), so the export and the report never disagree; the
digitisation columns come from onestop.procedures.digitisation.digitisation_rates when the
site has it, and stay empty otherwise. A restricted user (an agency's officer, an integration
client) gets the rows of their own agencies only, as in the report.
"""

from __future__ import annotations

import datetime as dt
import io

import frappe
from frappe import _
from frappe.utils import getdate

from onestop.core.inputs import clean_value
from onestop.indicator_layout import COLUMNS, DIGITISATION, indicator_row, table, to_csv
from onestop.procedures.kpi_queries import dossier_counts, total_of

FORMATS = ("csv", "xlsx")
MAX_DAYS = 3 * 366 + 1  # a period of at most three years


def labels() -> dict[str, str]:
	"""The Vietnamese (translated) name of each column, for the XLSX legend and the desk."""
	return {
		"row_type": _("Row Type"),
		"from_date": _("Received From"),
		"to_date": _("Received To"),
		"agency": _("Competent Agency"),
		"agency_code": _("Electronic ID Code"),
		"received": _("Received"),
		"received_online": _("Received Online"),
		"online_rate": _("% Filed Online"),
		"settled": _("Settled"),
		"settled_early": _("Early"),
		"settled_on_time": _("On Time"),
		"settled_late": _("Late"),
		"on_time_rate": _("% On Time"),
		"pending": _("Pending"),
		"overdue": _("Overdue"),
		"avg_handling_days": _("Average Handling (working days)"),
		"on_the_spot": _("Settled on the Spot"),
		"on_the_spot_rate": _("% On the Spot"),
		"rated": _("Rated"),
		"satisfied": _("Satisfied"),
		"satisfaction_rate": _("% Satisfied"),
		"digitised_dossiers": _("Dossiers Fully Digitised"),
		"digitised_dossier_rate": _("% Dossiers Fully Digitised"),
		"results_issued": _("Results Issued"),
		"digitised_results": _("Results Digitised"),
		"digitised_result_rate": _("% Results Digitised"),
		"reusing_dossiers": _("Dossiers Reusing Stored Documents"),
		"reuse_rate": _("% Dossiers Reusing Stored Documents"),
		"reused_documents": _("Documents Reused"),
	}


def period(from_date, to_date) -> tuple[dt.date, dt.date]:
	"""The period's dates from a request ("YYYY-MM-DD" each). Raises a translated
	frappe.ValidationError (HTTP 417) for a missing or impossible date, an end before the
	start, or a period longer than three years."""
	if not from_date or not to_date:
		frappe.throw(_("Give the period: from_date and to_date (YYYY-MM-DD)."))
	start = getdate(clean_value(from_date, "Date", label=_("Received From")))
	end = getdate(clean_value(to_date, "Date", label=_("Received To")))
	if end < start:
		frappe.throw(_("The period ends before it starts."))
	if (end - start).days > MAX_DAYS:
		frappe.throw(_("The period is limited to three years."))
	return start, end


def indicator_rows(
	from_date: dt.date, to_date: dt.date, agency: str | None = None, agencies: set[str] | None = None
) -> list[dict]:
	"""The export's rows: one per competent agency with dossiers received in the period (by
	agency name), then the total row. agency: only that competent agency. agencies: only these
	(an integration client's scope; the session user's own scope applies anyway). Each row is
	{code: value} over indicator_layout.CODES."""
	counts = dossier_counts(from_date, to_date, "Competent Agency", competent_agency=agency or None)
	if agencies is not None:
		counts = [row for row in counts if row["group"] in agencies]
	counts.sort(key=lambda row: row["group"] or "")
	codes = dict(
		frappe.get_all(
			"Agency",
			filters={"name": ("in", [row["group"] for row in counts if row["group"]] or [""])},
			fields=["name", "electronic_code"],
			as_list=True,
		)
	)
	measured = digitisation(from_date, to_date)
	rows = [
		indicator_row(
			counts_row,
			from_date,
			to_date,
			counts_row["group"] or "-",
			codes.get(counts_row["group"]),
			_measured_of(measured, counts_row["group"]),
		)
		for counts_row in counts
	]
	total_digitised = None
	if measured is not None:
		kept = [_measured_of(measured, row["group"]) for row in counts]
		total_digitised = {key: sum(d[key] for d in kept) for key in DIGITISATION}
	rows.append(indicator_row(total_of(counts), from_date, to_date, None, None, total_digitised))
	return rows


def _measured_of(measured: dict | None, agency: str | None) -> dict | None:
	if measured is None:
		return None
	return measured.get(agency) or dict.fromkeys(DIGITISATION, 0)


def digitisation(from_date: dt.date, to_date: dt.date) -> dict[str | None, dict] | None:
	"""{competent agency: {code: count} over indicator_layout.DIGITISATION} of the dossiers
	received in the period (the caller's agency scope applies), from the digitisation module
	(onestop.procedures.digitisation) in one query; None on a site without it."""
	try:
		from onestop.procedures.digitisation import digitisation_counts
	except ImportError:
		return None
	return {
		row["group"]: {
			"digitised_dossiers": int(row.get("all_digitised") or 0),
			"results_issued": int(row.get("with_result") or 0),
			"digitised_results": int(row.get("result_digitised") or 0),
			"reusing_dossiers": int(row.get("reusing") or 0),
			"reused_documents": int(row.get("reused_documents") or 0),
		}
		for row in digitisation_counts(from_date, to_date, "Competent Agency")
	}


def csv_content(rows: list[dict]) -> bytes:
	"""UTF-8 with a byte order mark (so spreadsheets read the Vietnamese names right)."""
	return ("\ufeff" + to_csv(rows)).encode("utf-8")


def xlsx_content(rows: list[dict]) -> bytes:
	"""Sheet 1: the header of codes and the rows; sheet 2: each code's Vietnamese name."""
	from openpyxl import Workbook

	book = Workbook()
	sheet = book.active
	sheet.title = _("Indicators")[:31]
	for values in table(rows):
		sheet.append(values)
	legend = book.create_sheet(_("Legend")[:31])
	names = labels()
	legend.append([_("Code"), _("Name")])
	for code, _kind in COLUMNS:
		legend.append([code, names[code]])
	out = io.BytesIO()
	book.save(out)
	return out.getvalue()


def respond_with_file(rows: list[dict], file_format: str, start: dt.date, end: dt.date) -> None:
	"""Put the file in Frappe's response (a download named indicators-766_FROM_TO.EXT)."""
	if file_format not in FORMATS:
		frappe.throw(_("The file format is csv or xlsx."))
	frappe.response["type"] = "download"
	frappe.response["filename"] = f"indicators-766_{start.isoformat()}_{end.isoformat()}.{file_format}"
	if file_format == "csv":
		frappe.response["filecontent"] = csv_content(rows)
		frappe.response["content_type"] = "text/csv; charset=utf-8"
	else:
		frappe.response["filecontent"] = xlsx_content(rows)
		frappe.response["content_type"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@frappe.whitelist(methods=["GET"])
def download(from_date: str, to_date: str, agency: str | None = None, file_format: str = "xlsx") -> None:
	"""The desk's export (the Dossier KPIs report's "Export Decision 766 Indicators"): the
	indicators of the dossiers received from from_date to to_date (YYYY-MM-DD, inclusive), per
	competent agency (or only `agency`), as a file: file_format "csv" or "xlsx". For whoever may
	open the Dossier KPIs report (frappe.PermissionError, HTTP 403, otherwise); agency officers
	get their agencies' rows, as in the report. Bad dates or format: HTTP 417."""
	if not frappe.get_cached_doc("Report", "Dossier KPIs").is_permitted():
		frappe.throw(_("You cannot open the Dossier KPIs report."), frappe.PermissionError)
	start, end = period(from_date, to_date)
	file_format = (file_format or "xlsx").strip().lower()
	if file_format not in FORMATS:
		frappe.throw(_("The file format is csv or xlsx."))
	if agency and not frappe.db.exists("Agency", agency):
		frappe.throw(_("No agency {0}.").format(agency))
	respond_with_file(indicator_rows(start, end, agency), file_format, start, end)
