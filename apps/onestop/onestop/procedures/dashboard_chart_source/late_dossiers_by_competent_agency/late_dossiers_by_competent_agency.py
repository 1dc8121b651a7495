# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt
"""Dashboard Chart Source "Late Dossiers by Competent Agency": from the daily counters (procedures/dashboard.py)."""

import frappe

from onestop.core.charts import cache_per_user
from onestop.procedures.dashboard import late_by_agency


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
	"""Returns {"labels", "datasets"} (see procedures.dashboard.late_by_agency)."""
	return late_by_agency()
