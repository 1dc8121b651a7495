"""The Decision 766 export's layout and arithmetic, without a site (onestop/indicator_layout.py)."""

import csv
import datetime as dt
import io

from onestop.indicator_layout import CODES, COLUMNS, indicator_row, percent, to_csv

PERIOD = (dt.date(2023, 3, 1), dt.date(2023, 3, 31))
COUNTS = {  # 8 received, 2 online, 5 settled (2 early, 2 on time, 1 late), 3 rated, 2 satisfied
	"received": 8,
	"online": 2,
	"resolved": 5,
	"early": 2,
	"on_time": 2,
	"late": 1,
	"pending": 3,
	"overdue": 1,
	"on_the_spot": 1,
	"rated": 3,
	"satisfied": 2,
	"handling_days": 12.5,
}


def test_every_column_has_a_known_kind_and_a_unique_code():
	assert len(set(CODES)) == len(CODES) == len(COLUMNS)
	assert {kind for _code, kind in COLUMNS} <= {"text", "date", "int", "rate", "days"}
	assert CODES[:3] == ("row_type", "from_date", "to_date")


def test_rates_are_worked_from_the_counts():
	row = indicator_row(COUNTS, *PERIOD, "Sở A", "000.00.31.H99")
	assert list(row) == list(CODES)
	assert row["on_time_rate"] == 80.0  # (2 + 2) / 5
	assert row["online_rate"] == 25.0  # 2 / 8
	assert row["on_the_spot_rate"] == 12.5  # 1 / 8
	assert row["satisfaction_rate"] == 66.7  # 2 / 3
	assert row["avg_handling_days"] == 2.5  # 12.5 / 5
	assert row["digitised_dossiers"] is None and row["digitised_dossier_rate"] is None
	measured = {
		"digitised_dossiers": 4,
		"results_issued": 4,
		"digitised_results": 1,
		"reusing_dossiers": 2,
		"reused_documents": 3,
	}
	row = indicator_row(COUNTS, *PERIOD, None, None, measured)
	assert row["row_type"] == "total" and row["agency"] == ""
	assert (row["digitised_dossier_rate"], row["digitised_result_rate"], row["reuse_rate"]) == (
		50.0,
		25.0,
		25.0,
	)


def test_nothing_counted_leaves_the_rates_empty():
	row = indicator_row({}, *PERIOD, "Sở B")
	assert row["received"] == 0 and row["on_time_rate"] is None and row["avg_handling_days"] is None
	assert percent(0, 0) is None and percent(None, 5) is None and percent(0, 4) == 0.0


def test_the_csv_is_the_header_of_codes_then_the_rows():
	rows = [indicator_row(COUNTS, *PERIOD, "Sở A"), indicator_row(COUNTS, *PERIOD)]
	text = to_csv(rows)
	assert "\r\n" in text
	table = list(csv.reader(io.StringIO(text)))
	assert table[0] == list(CODES)
	assert table[1][:6] == ["agency", "2023-03-01", "2023-03-31", "Sở A", "", "8"]
	assert table[2][0] == "total" and table[2][CODES.index("digitised_dossiers")] == ""
