"""Legal regimes, dossier codes and on-time rules, without a site."""

import datetime as dt

import pytest

from onestop.dossier_codes import DEFAULT_PATTERN, CodePatternError, code_parts, format_code
from onestop.dossier_timing import StageTiming, is_overdue, late_stage, percent, resolution
from onestop.legal_regimes import forms_for, online_level, rules_for

D, DT = dt.date, dt.datetime


@pytest.mark.parametrize(
	"day, decree, circular, forms",
	[
		(D(2018, 3, 1), "61/2018/NĐ-CP", "01/2018/TT-VPCP", 6),
		(D(2019, 1, 6), "61/2018/NĐ-CP", "01/2018/TT-VPCP", 6),
		(D(2025, 6, 30), "61/2018/NĐ-CP", "01/2018/TT-VPCP", 6),
		(D(2025, 7, 1), "118/2025/NĐ-CP", "01/2018/TT-VPCP", 6),  # new decree, old forms until the circular
		(D(2025, 9, 14), "118/2025/NĐ-CP", "01/2018/TT-VPCP", 6),
		(D(2025, 9, 15), "118/2025/NĐ-CP", "03/2025/TT-VPCP", 7),
		(D(2026, 11, 23), "118/2025/NĐ-CP", "03/2025/TT-VPCP", 7),
	],
)
def test_regime_by_receipt_date(day, decree, circular, forms):
	assert rules_for(day).decree == decree
	assert forms_for(day).circular == circular
	assert len(forms_for(day).forms) == forms


def test_online_levels_old_and_new():
	assert online_level("Toàn trình") == online_level(4) == online_level("Mức độ 4") == "Full Online"
	assert online_level("một phần") == online_level("3") == "Partly Online"
	assert online_level(2) == online_level(None) == "Not Online"


def test_codes_of_circular_01_2018():
	assert format_code(DEFAULT_PATTERN, D(2025, 10, 1), 7, "000.00.17.H12") == "000.00.17.H12-251001-0007"
	assert code_parts(DEFAULT_PATTERN, D(2025, 10, 1), "000.00.17.H12") == ("000.00.17.H12-251001-", 4, "")


def test_other_patterns_and_bad_ones():
	pattern = "{procedure_code}.{yyyy}.{seq:6}/{agency_code}"
	code = format_code(pattern, D(2025, 10, 1), 12, "X", procedure_code="1.001193")
	assert code == "1.001193.2025.000012/X"
	with pytest.raises(CodePatternError):
		format_code("{agency_code}-{yymmdd}", D(2025, 10, 1), 1, "X")
	with pytest.raises(CodePatternError):
		format_code("{agency}-{seq:4}", D(2025, 10, 1), 1, "X")
	with pytest.raises(CodePatternError):
		format_code(DEFAULT_PATTERN, D(2025, 10, 1), 10000, "X")


def test_early_on_time_late():
	due = DT(2025, 10, 9, 10, 0)
	assert resolution(due, DT(2025, 10, 8, 16, 0)) == "Early"
	assert resolution(due, DT(2025, 10, 9, 9, 0)) == "On Time"
	assert resolution(due, due) == "On Time"
	assert resolution(due, DT(2025, 10, 9, 10, 1)) == "Late"
	assert is_overdue(due, None, DT(2025, 10, 10)) and not is_overdue(due, DT(2025, 10, 9), DT(2025, 10, 10))


def test_the_stage_that_made_a_dossier_late():
	stages = [
		StageTiming("Tiếp nhận", "Trung tâm", DT(2025, 10, 6, 12, 0), DT(2025, 10, 6, 11, 0)),
		StageTiming("Thẩm định", "Sở Tư pháp", DT(2025, 10, 8, 10, 0), DT(2025, 10, 9, 9, 0)),
		StageTiming("Phê duyệt", "Sở Tư pháp", DT(2025, 10, 9, 10, 0), None),
	]
	assert late_stage(stages, DT(2025, 10, 9, 9, 30)).name == "Thẩm định"
	on_time = [
		stages[0],
		StageTiming("Thẩm định", "Sở Tư pháp", DT(2025, 10, 8, 10, 0), DT(2025, 10, 8, 9, 0)),
	]
	assert late_stage(on_time, DT(2025, 10, 8, 9, 30)) is None
	open_and_overdue = [StageTiming("Thẩm định", "Sở Tư pháp", DT(2025, 10, 8, 10, 0), None)]
	assert late_stage(open_and_overdue, DT(2025, 10, 8, 11, 0)).name == "Thẩm định"
	assert percent(1, 3) == 33.3 and percent(1, 0) is None


def test_what_one_dossier_adds_to_the_counters():
	from onestop.dossier_timing import COUNTERS, counts_of

	settled = counts_of("Result Returned", "Late", True, "Satisfied", 4.13)
	assert settled == dict(
		received=1,
		resolved=1,
		early=0,
		on_time=0,
		late=1,
		pending=0,
		rated=1,
		satisfied=1,
		handling_days=4.13,
	)
	waiting = counts_of("Supplement Requested", None, False, None, 0)
	assert waiting == dict.fromkeys(COUNTERS, 0) | {"received": 1, "pending": 1, "handling_days": 0.0}
	assert counts_of("Withdrawn", None, False, "Not Satisfied", None)["satisfied"] == 0
	assert counts_of("Processing", None, False, None, 2.5)["handling_days"] == 0  # not settled yet
