"""The plan reader against answer keys written by hand for real documents (tests/corpus).

The figures are the targets of the reader: every corpus document read, and of the keyed
tasks at least KEY_TARGET with the right lead, co-operating agencies and deadline together.
The per-field floors below the target hold the ground won so far; the report
(benchmarks/corpus_report.py) prints the figures.
"""

import json
import sys
from pathlib import Path

import pytest

from onestop.plan_parser import parse_file

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus_report import key_accuracy  # noqa: E402

KEYS = sorted((CORPUS / "keys").glob("*.json"))
KEY_TARGET = 0.90  # the target for documents never seen
FLOOR = {"lead": 0.95, "co": 0.92, "deadline": 0.95, "all": 0.89}  # measured on 12 keyed documents


def test_every_corpus_document_is_read():
	for path in sorted((CORPUS / "docs").glob("*.txt")):
		assert parse_file(path).tasks, path.name


@pytest.fixture(scope="module")
def accuracy():
	totals = {"tasks": 0, "lead": 0, "co": 0, "deadline": 0, "all": 0}
	for key_path in KEYS:
		plan = parse_file(CORPUS / "docs" / key_path.name.replace(".json", ".txt")).as_dict()
		result = key_accuracy(plan["tasks"], json.loads(key_path.read_text(encoding="utf-8")))
		for k in totals:
			totals[k] += result[k]
	return {k: totals[k] / totals["tasks"] for k in totals if k != "tasks"}


@pytest.mark.parametrize("field", sorted(FLOOR))
def test_keyed_tasks_hold_their_floor(accuracy, field):
	assert accuracy[field] >= FLOOR[field], f"{field}: {accuracy[field]:.1%}"


@pytest.mark.xfail(reason="the issue's 90% target for all three fields is not reached yet", strict=False)
def test_keyed_tasks_reach_the_target(accuracy):
	assert accuracy["all"] >= KEY_TARGET
