"""The app's reports stay what they are declared to be.

Frappe v15 turns a script report into a prepared (background) report for good when one run
takes over 15 s of wall time (frappe/core/doctype/report/report.py, execute_script_report's
watcher): on a busy server a moment of load did that to onestop's reports, which then showed
an empty page until someone generated them. onestop's reports are fast at the sizes it is
benchmarked at (README, Performance), so none of them is prepared unless its JSON says so.
"""

from __future__ import annotations

import frappe
from frappe.core.doctype.report.report import Report


def app_modules() -> set[str]:
	"""The Module Defs of this app (modules.txt)."""
	return set(frappe.get_module_list("onestop"))


class OnestopReport(Report):
	"""Frappe's Report, without the 15-second watcher for onestop's own reports."""

	def execute_script_report(self, filters):
		if self.prepared_report or self.module not in app_modules():
			return super().execute_script_report(filters)
		self.prepared_report = 1  # this instance only: no watcher is started
		try:
			return super().execute_script_report(filters)
		finally:
			self.prepared_report = 0


def reset_prepared_reports() -> list[str]:
	"""Turn back into plain reports the app's reports a slow moment made prepared on a site
	(before OnestopReport). Returns their names."""
	names = frappe.get_all(
		"Report",
		filters={"module": ("in", sorted(app_modules())), "prepared_report": 1, "is_standard": "Yes"},
		pluck="name",
	)
	for name in names:
		frappe.db.set_value("Report", name, "prepared_report", 0, update_modified=False)
	return names
