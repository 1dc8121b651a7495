# Copyright (c) 2026, onestop developers
# License: MIT. See license.txt
"""Dashboard Chart Source "Dossiers Settled by Resolution": from the daily counters (procedures/dashboard.py)."""

import frappe

from onestop.core.charts import cache_per_user
from onestop.procedures.dashboard import by_resolution


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
	"""Returns {"labels", "datasets"} (see procedures.dashboard.by_resolution)."""
	return by_resolution()
