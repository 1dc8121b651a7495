"""Plan tasks imported before the reform-index fields existed get the criterion, score and rank
their text states (onestop.plan_reader.par_index), as the importer now fills them; a field
already filled (by the coordinator) is left as it is."""

import frappe

from onestop.plan_reader.par_index import par_index


def execute():
	for task in frappe.get_all(
		"Plan Task",
		or_filters=[["details", "like", f"%{word}%"] for word in ("tiêu chí", "chỉ số", "điểm")],
		fields=["name", "details", "par_criterion", "par_score", "par_rank"],
	):
		found = par_index(task.details)
		values = {
			field: value
			for field, value in (
				("par_criterion", found.criterion),
				("par_score", found.score),
				("par_rank", found.rank),
			)
			if value is not None and not task.get(field)
		}
		if values:
			frappe.db.set_value("Plan Task", task.name, values, update_modified=False)
