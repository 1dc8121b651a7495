"""One weekly report per agency and week as a unique key. Duplicates made before the key (two
saves at once) are resolved first: untouched drafts beside a filed report are removed; where
two filed reports remain, the key is not added and the pair is logged for the coordinator."""

import frappe

from onestop.planning.doctype.weekly_report.weekly_report import on_doctype_update


def execute():
	pairs = frappe.db.sql(
		"""select agency, week from `tabWeekly Report` group by agency, week having count(*) > 1""",
		as_dict=True,
	)
	for pair in pairs:
		reports = frappe.get_all(
			"Weekly Report",
			filters=pair,
			fields=["name", "status"],
			order_by="field(status, 'Acknowledged', 'Submitted', 'Draft'), creation",
		)
		for report in reports[1:]:
			if report.status == "Draft":
				frappe.delete_doc("Weekly Report", report.name, force=True, ignore_permissions=True)
	left = frappe.db.sql(
		"""select agency, week from `tabWeekly Report` group by agency, week having count(*) > 1""",
		as_dict=True,
	)
	if left:
		frappe.log_error(title="onestop: weekly reports filed twice", message=frappe.as_json(left))
		return
	on_doctype_update()
