"""The reform-index (PAR index) fields of a plan task: filled by the importer from seed 001's
text, kept when the coordinator has scored them, and the list of criteria still open."""

from pathlib import Path

import frappe

from onestop.planning.plan_import import import_plan_text

SEED_001 = (
	Path(__file__).resolve().parents[2]
	/ "fixtures"
	/ "plans"
	/ "2021-ba-ria-vung-tau-so-khdt-thong-bao-cchc.txt"
)
OPEN_CRITERIA = [["par_criterion", "is", "set"], ["status", "!=", "Done"]]  # the list's button


def test_the_importer_fills_the_criterion_and_the_coordinator_lists_those_open():
	text = SEED_001.read_text(encoding="utf-8")
	plan = import_plan_text(text, source_name=SEED_001.name).plan

	def task(key):
		return frappe.db.get_value(
			"Plan Task",
			{"annual_plan": plan, "item_key": key},
			["name", "par_criterion", "par_score", "par_rank"],
			as_dict=True,
		)

	assert task("I.1").par_criterion == "I.1.5.1" and task("I.5").par_criterion == "I.8.4"
	assert task("II.4-4").par_criterion == "I.2.1.1"
	assert task("II.1-1").par_criterion is None  # names no criterion
	criteria = frappe.get_all(
		"Plan Task", filters={"annual_plan": plan, "par_criterion": ("is", "set")}, pluck="par_criterion"
	)
	assert sorted(criteria) == ["I.1.5.1", "I.2.1.1", "I.2.1.1", "I.2.1.2", "I.2.1.2", "I.7.1", "I.8.4"]

	# the coordinator scores one criterion and closes it; a re-import keeps both
	done = task("I.4").name
	frappe.db.set_value("Plan Task", done, {"par_score": 0.5, "par_rank": 11, "status": "Done"})
	import_plan_text(text, source_name=SEED_001.name)
	assert (task("I.4").par_score, task("I.4").par_rank) == (0.5, 11)
	still_open = frappe.get_list(
		"Plan Task", filters=[["annual_plan", "=", plan], *OPEN_CRITERIA], pluck="name"
	)
	assert len(still_open) == 6 and done not in still_open


def test_the_fields_are_a_standard_filter_with_vietnamese_labels():
	meta = frappe.get_meta("Plan Task")
	assert meta.get_field("par_criterion").in_standard_filter
	assert (meta.get_field("par_score").fieldtype, meta.get_field("par_rank").fieldtype) == ("Float", "Int")
	lang, frappe.local.lang = frappe.local.lang, "vi"
	try:
		labels = [frappe._(meta.get_label(f)) for f in ("par_criterion", "par_score", "par_rank")]
	finally:
		frappe.local.lang = lang
	assert labels == ["Mã tiêu chí chỉ số CCHC", "Điểm", "Xếp hạng"]


def test_the_patch_fills_the_tasks_imported_before_the_fields():
	from onestop.patches.v0_2.fill_par_criteria import execute

	from .factories import agency, plan, task

	lead, plan_name = agency("_Test Sở Kế hoạch"), plan(2021, "Thông báo chấn chỉnh chỉ số CCHC")
	named, scored, plain = (task(plan_name, lead) for _ in range(3))
	text = "Xây dựng văn bản QPPL đúng tiến độ tại tiêu chí thành phần I.2.1.1; năm 2020 đạt 0,5 điểm."
	frappe.db.set_value("Plan Task", named, "details", text)
	frappe.db.set_value("Plan Task", scored, {"details": text, "par_score": 1.25})  # the coordinator's
	frappe.db.set_value("Plan Task", plain, "details", "Rà soát thủ tục hành chính")
	execute()

	def par(name):
		return frappe.db.get_value("Plan Task", name, ["par_criterion", "par_score", "par_rank"])

	assert par(named) == ("I.2.1.1", 0.5, 0)
	assert par(scored) == ("I.2.1.1", 1.25, 0)
	assert par(plain) == (None, 0.0, 0)
