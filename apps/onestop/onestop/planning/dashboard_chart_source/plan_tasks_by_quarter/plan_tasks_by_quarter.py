# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt
"""Dashboard Chart Source: the plan's tasks per quarter, stacked by where they stand today
(done on time, done late, overdue, in progress, not started), from the Plan Progress report's
own counting. Only the tasks the user may read are counted."""

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from onestop.core.charts import cache_per_user
from onestop.planning.report.plan_progress.plan_progress import progress


@frappe.whitelist()
@frappe.read_only()
@cache_per_user
def get(
	chart_name=None,
	chart=None,
	no_cache=None,
	filters=None,
	from_date=None,
	to_date=None,
	timespan=None,
	time_interval=None,
	heatmap_year=None,
) -> dict:
	"""Returns {"labels": quarters, "datasets": one per standing}; filters may name an
	annual_plan."""
	filters = frappe.parse_json(filters) or {}
	rows = [r for r in progress(getdate(nowdate()), "quarter", filters.get("annual_plan")) if r["group"]]
	names = {
		"done_on_time": _("Done On Time"),
		"done_late": _("Done Late"),
		"overdue": _("Overdue"),
		"in_progress": _("In Progress"),
		"not_started": _("Not Started"),
	}
	return {
		"labels": [r["group"] for r in rows],
		"datasets": [{"name": label, "values": [r[key] for r in rows]} for key, label in names.items()],
	}
