"""The reform-index (PAR index) criterion, score and rank read from a task's text, and the
seed notice that names them (seed 001: the Department of Planning and Investment's
corrections, Bà Rịa – Vũng Tàu, 04/2021). Expectations written by hand from the text."""

from pathlib import Path

import pytest

from onestop.plan_parser import parse_file, parse_plan
from onestop.plan_reader.par_index import ParIndex, par_index

SEED_001 = (
	Path(__file__).resolve().parents[2]
	/ "fixtures"
	/ "plans"
	/ "2021-ba-ria-vung-tau-so-khdt-thong-bao-cchc.txt"
)


@pytest.mark.parametrize(
	("text", "expected"),
	[
		(
			"xử lý công việc theo quy định tại tiêu chí thành phần số I.1.5.1 theo Quyết định số 3241/QĐ-UBND",
			ParIndex("I.1.5.1"),
		),
		("đảm bảo đúng tiến độ về thời gian tại tiêu chí thành phần I.2.1.1", ParIndex("I.2.1.1")),
		(
			"đúng quy định của Luật ban hành văn bản QPPL tại tiêu chí thành phần I.2.1.2.",
			ParIndex("I.2.1.2"),
		),
		("Tiêu chí I.7.1 và tiêu chí thành phần số II.3.2; lại tiêu chí I.7.1", ParIndex("I.7.1, II.3.2")),
		("Chỉ số thành phần VI.2 của tỉnh", ParIndex("VI.2")),
		(
			"kết quả chỉ số CCHC của Sở Kế hoạch và Đầu tư đạt 85,620 điểm, xếp thứ 11 trong 21 Sở, Ngành",
			ParIndex(None, 85.62, 11),
		),
		("đạt 90 điểm, xếp hạng 3/21", ParIndex(None, 90.0, 3)),
		# a section reference, a decision's number or a date is not a criterion
		("thực hiện theo mục II.1.a của Kế hoạch, Quyết định số 3241/QĐ-UBND ngày 26/10/2020", ParIndex()),
		("phân loại thủ tục hành chính theo tiêu chí: thủ tục được tiếp nhận", ParIndex()),
		("", ParIndex()),
		(None, ParIndex()),
	],
)
def test_par_index_in_a_tasks_text(text, expected):
	assert par_index(text) == expected


def test_seed_001_tasks_carry_their_criterion():
	tasks = {t.key: t for t in parse_file(SEED_001).tasks}
	criteria = {k: t.par_criterion for k, t in tasks.items() if t.par_criterion}
	assert criteria == {
		"I.1": "I.1.5.1",
		"I.2": "I.2.1.1",
		"I.3": "I.2.1.2",
		"I.4": "I.7.1",
		"I.5": "I.8.4",
		"II.4-4": "I.2.1.1",
		"II.4-5": "I.2.1.2",
	}
	assert tasks["I.1"].as_dict()["par_criterion"] == "I.1.5.1"
	# the notice's own result (85,620 points, 11th of 21) is its preamble, not a task's
	assert not any(t.par_score or t.par_rank for t in tasks.values())


def test_a_task_that_states_its_score_and_rank():
	plan = parse_plan(
		"KẾ HOẠCH\nKhắc phục chỉ số cải cách hành chính năm 2021\n"
		"I. NHIỆM VỤ\n"
		"1. Sở Nội vụ nâng tiêu chí thành phần I.3.2 (năm 2020 đạt 1,5 điểm, xếp thứ 18) "
		"trong Quý II/2021.\n",
		year=2021,
	)
	(task,) = plan.tasks
	assert (task.par_criterion, task.par_score, task.par_rank) == ("I.3.2", 1.5, 18)
