"""The column layout of the Decision 766 indicator export (plain Python, no Frappe).

Decision 766/QĐ-TTg of 23/06/2022 sets the indicators by which the service of citizens and
businesses in administrative procedures is directed and judged in real time; the province's
one-stop system reports its part of them per period and agency. This export gives, per
competent agency and for the period's total, the figures onestop keeps: the progress of
settlement (settled early / on time / late, % on time, pending, overdue, average handling
time), the online service (% received online), settlement on the spot, satisfaction (the
citizens' own ratings) and digitisation (dossiers with every component digitised, results
digitised), in the order of COLUMNS, which never changes: new columns are only ever added at
the end.

Counts are dossiers received in the period (from_date to to_date inclusive, the receipt date);
rates are percentages with one decimal, empty when their denominator is 0; days are working
days (Decree 61/2018/NĐ-CP, Art. 2 and the centre's office hours).
"""

from __future__ import annotations

import csv
import datetime as dt
import io

# (code, kind): kind is "text", "date", "int", "rate" (percent, 1 decimal) or "days"
COLUMNS: tuple[tuple[str, str], ...] = (
	("row_type", "text"),  # "agency", or "total" for the period's total row (last)
	("from_date", "date"),
	("to_date", "date"),
	("agency", "text"),  # the competent agency (empty on the total row)
	("agency_code", "text"),  # its electronic ID code (Circular 01/2018/TT-VPCP), if set
	("received", "int"),
	("received_online", "int"),
	("online_rate", "rate"),  # received_online / received
	("settled", "int"),
	("settled_early", "int"),
	("settled_on_time", "int"),
	("settled_late", "int"),
	("on_time_rate", "rate"),  # (settled_early + settled_on_time) / settled
	("pending", "int"),
	("overdue", "int"),  # open, clock running, past the appointment at the moment of export
	("avg_handling_days", "days"),  # working days per settled dossier
	("on_the_spot", "int"),
	("on_the_spot_rate", "rate"),  # on_the_spot / received
	("rated", "int"),
	("satisfied", "int"),  # rated Very Satisfied or Satisfied
	("satisfaction_rate", "rate"),  # satisfied / rated
	# digitisation (empty on a site that does not measure it)
	("digitised_dossiers", "int"),  # every component digitised at reception
	("digitised_dossier_rate", "rate"),  # digitised_dossiers / received
	("results_issued", "int"),  # approved, the result issued
	("digitised_results", "int"),  # results whose file is on the dossier
	("digitised_result_rate", "rate"),  # digitised_results / results_issued
	("reusing_dossiers", "int"),  # reused at least one document of the applicant's store
	("reuse_rate", "rate"),  # reusing_dossiers / received
	("reused_documents", "int"),  # documents reused
)
CODES = tuple(code for code, _kind in COLUMNS)
# the digitisation counts indicator_row takes
DIGITISATION = (
	"digitised_dossiers",
	"results_issued",
	"digitised_results",
	"reusing_dossiers",
	"reused_documents",
)


def percent(part: int | None, whole: int | None) -> float | None:
	"""part / whole as a percentage with 1 decimal; None when either is unknown or whole is 0."""
	if part is None or not whole:
		return None
	return round(100.0 * part / whole, 1)


def indicator_row(
	counts: dict,
	from_date: dt.date,
	to_date: dt.date,
	agency: str | None = None,
	agency_code: str | None = None,
	digitisation: dict | None = None,
) -> dict:
	"""One row of the export from a counts row of kpi_queries.dossier_counts (received,
	resolved, early, on_time, late, pending, overdue, online, on_the_spot, rated, satisfied,
	handling_days) and the digitisation counts ({code: count} over DIGITISATION, None when not
	measured). agency None makes the total row. Returns {code: value} over CODES."""
	digitisation = digitisation or {}
	settled = int(counts.get("resolved") or 0)
	received = int(counts.get("received") or 0)
	handling = float(counts.get("handling_days") or 0)
	row = {
		"row_type": "agency" if agency else "total",
		"from_date": from_date,
		"to_date": to_date,
		"agency": agency or "",
		"agency_code": agency_code or "",
		"received": received,
		"received_online": int(counts.get("online") or 0),
		"settled": settled,
		"settled_early": int(counts.get("early") or 0),
		"settled_on_time": int(counts.get("on_time") or 0),
		"settled_late": int(counts.get("late") or 0),
		"pending": int(counts.get("pending") or 0),
		"overdue": int(counts.get("overdue") or 0),
		"avg_handling_days": round(handling / settled, 2) if settled else None,
		"on_the_spot": int(counts.get("on_the_spot") or 0),
		"rated": int(counts.get("rated") or 0),
		"satisfied": int(counts.get("satisfied") or 0),
		**{code: digitisation.get(code) for code in DIGITISATION},
	}
	row["online_rate"] = percent(row["received_online"], received)
	row["on_time_rate"] = percent(row["settled_early"] + row["settled_on_time"], settled)
	row["on_the_spot_rate"] = percent(row["on_the_spot"], received)
	row["satisfaction_rate"] = percent(row["satisfied"], row["rated"])
	row["digitised_dossier_rate"] = percent(row["digitised_dossiers"], received)
	row["digitised_result_rate"] = percent(row["digitised_results"], row["results_issued"])
	row["reuse_rate"] = percent(row["reusing_dossiers"], received)
	return {code: row[code] for code in CODES}


def cell(value, kind: str):
	"""A value as the files write it: dates ISO (YYYY-MM-DD), unknown as empty, rates and days
	as numbers (a dot for the decimals)."""
	if value is None:
		return ""
	if kind == "date" and isinstance(value, dt.date):
		return value.isoformat()
	return value


def table(rows: list[dict]) -> list[list]:
	"""The header (the codes) and the rows, as lists in the order of COLUMNS."""
	return [list(CODES), *([cell(row.get(code), kind) for code, kind in COLUMNS] for row in rows)]


def to_csv(rows: list[dict]) -> str:
	"""The export as CSV text: UTF-8 (the caller adds a byte order mark for spreadsheets),
	comma-separated, a header row of the codes, CRLF line ends (RFC 4180)."""
	buffer = io.StringIO()
	writer = csv.writer(buffer, lineterminator="\r\n")
	writer.writerows(table(rows))
	return buffer.getvalue()
