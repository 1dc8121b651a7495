"""The digitisation arithmetic (onestop.digitisation_rules), no site."""

import datetime as dt

from onestop.digitisation_rules import component_counts, is_valid_on, percent, rates


def test_components_count_as_digitised_when_scanned_or_reused():
	rows = [
		{"attachment": "/private/files/a.pdf", "reused_from": None},
		{"attachment": "/private/files/b.pdf", "reused_from": "x1"},
		{"attachment": None, "reused_from": None},
	]
	assert component_counts(rows) == {"total": 3, "digitised": 2, "reused": 1, "all_digitised": False}
	assert component_counts(rows[:2])["all_digitised"] is True
	# a dossier listing no component is not "all digitised"
	assert component_counts([]) == {"total": 0, "digitised": 0, "reused": 0, "all_digitised": False}


def test_rates_divide_by_what_each_indicator_counts():
	out = rates(
		{
			"received": 8,
			"all_digitised": 3,
			"with_result": 6,
			"result_digitised": 4,
			"reusing": 2,
			"reused_documents": 5,
		}
	)
	assert out["all_digitised_rate"] == 37.5  # 3 of 8 received
	assert out["result_digitised_rate"] == 66.67  # 4 of the 6 with a result
	assert out["reuse_rate"] == 25.0  # 2 of 8 received
	assert out["reused_documents"] == 5
	empty = rates({})
	assert (
		empty["received"] == 0
		and empty["all_digitised_rate"] is None
		and empty["result_digitised_rate"] is None
	)
	assert percent(1, 3) == 33.33 and percent(0, 0) is None


def test_validity_is_inclusive_and_open_when_empty():
	day = dt.date(2026, 3, 1)
	assert is_valid_on(day, None, None)
	assert is_valid_on(day, day, day)
	assert not is_valid_on(day, dt.date(2026, 3, 2), None)
	assert not is_valid_on(day, None, dt.date(2026, 2, 28))
