"""The demo resources of fixtures/resources load into a site holding the 2018 plan, through
the real controllers and workflows, once; their figures are the ones worked out by hand."""

import json
from pathlib import Path

import frappe

from onestop.planning.plan_import import import_plan_text
from onestop.planning.register_import import load_register
from onestop.resources.demo import load_resources

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def test_the_2018_resources_load_once_with_their_figures():
	load_register(json.loads((FIXTURES / "agencies" / "ba-ria-vung-tau.json").read_text(encoding="utf-8")))
	import_plan_text(
		(FIXTURES / "plans" / "2018-ba-ria-vung-tau-490-qd-ubnd.txt").read_text(encoding="utf-8")
	)
	data = json.loads((FIXTURES / "resources" / "2018-ba-ria-vung-tau.json").read_text(encoding="utf-8"))

	made = load_resources(data)
	assert made == {
		"Service Counter": 7,
		"Civil Servant": 11,
		"Budget Line": 7,
		"Staff Secondment": 11,
		"Training Course": 1,
		"Uniform Issue": 1,
		"Construction Project": 1,
	}
	assert load_resources(data) == {}

	lines = {
		r.category: r
		for r in frappe.get_all(
			"Budget Line",
			filters={"fiscal_year": 2018},
			fields=[
				"category",
				"status",
				"allocated_amount",
				"spent_amount",
				"remaining_amount",
				"plan_task",
			],
		)
	}
	assert len(lines) == 7  # one per category
	# 11 officers x 800,000 VND x 10 months of 2018 (March to December)
	allowances = lines["Support Allowances"]
	assert (allowances.status, allowances.spent_amount, allowances.remaining_amount) == (
		"Allocated",
		88_000_000,
		2_000_000,
	)
	assert frappe.db.get_value("Plan Task", allowances.plan_task, "ref") == "II.1.a"
	# 2 x 1,200,000 + 3 x 350,000 + 2 x 400,000 + 50,000
	assert lines["Uniforms"].spent_amount == 4_300_000
	assert lines["Training"].spent_amount == 35_000_000
	assert lines["Headquarters Construction"].spent_amount == 25_000_000_000
	assert {lines[c].status for c in ("IT System", "Communication", "Other")} == {
		"Under Finance Review",
		"Submitted",
		"Returned",
	}

	assert frappe.get_all(
		"Staff Secondment", filters={"status": "Ended"}, pluck="ended_on", distinct=True
	) == [frappe.utils.getdate("2019-02-28")]
	project = frappe.get_all(
		"Construction Project", fields=["name", "progress", "total_weight", "slippage_days", "plan_task"]
	)[0]
	# the equipment milestone: baseline end 15/12/2018, done 28/02/2019
	assert (project.progress, project.total_weight, project.slippage_days) == (100, 100, 75)
	assert frappe.db.count("Construction Milestone", {"project": project.name}) == 7
	assert frappe.db.get_value("Plan Task", project.plan_task, "ref") == "II.6.c"
	course = frappe.get_doc("Training Course", {"status": "Held"})
	assert [a.agency for a in course.co_organisers] == ["Sở Nội vụ", "Sở Thông tin và Truyền thông"]
	assert sum(p.attended for p in course.participants) == 10
