"""onestop's reports are never turned into prepared (background) reports by a slow moment
(onestop.core.reports)."""

import frappe
import frappe.core.doctype.report.report as frappe_report

from onestop.core.reports import OnestopReport, reset_prepared_reports


class Watchers:
	"""Records the watchers Frappe's execute_script_report starts (threading.Timer)."""

	def __init__(self):
		self.started = []

	def __call__(self, interval, function, kwargs):
		self.started.append(kwargs["report"])
		return self

	def start(self):
		pass

	def cancel(self):
		pass


def test_an_app_report_runs_without_the_15_second_watcher(monkeypatch):
	watchers = Watchers()
	monkeypatch.setattr(frappe_report.threading, "Timer", watchers)
	report = frappe.get_doc("Report", "Late Dossiers")
	assert isinstance(report, OnestopReport)
	report.execute_script_report({"from_date": "2018-01-01", "to_date": "2018-12-31"})
	assert watchers.started == [] and report.prepared_report == 0
	frappe.get_doc("Report", "Permitted Documents For User").execute_script_report(
		{"user": "Administrator", "doctype": "ToDo"}
	)
	assert watchers.started == ["Permitted Documents For User"]  # Frappe's own reports keep it


def test_a_report_made_prepared_before_is_made_plain_again():
	frappe.db.set_value("Report", "Overdue Tasks", "prepared_report", 1)
	assert "Overdue Tasks" in reset_prepared_reports()
	assert frappe.db.get_value("Report", "Overdue Tasks", "prepared_report") == 0
