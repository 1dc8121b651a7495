"""Scheduled jobs that go through many records: one bad record is rolled back, logged and
skipped, and the job goes on with the others."""

from __future__ import annotations

from contextlib import contextmanager

import frappe


@contextmanager
def guarded(job: str, record: str):
	"""Run one record's part of `job`: on an error, what it wrote is rolled back (to a
	savepoint), the error is logged (Error Log, titled with the job and the record) and the
	job goes on."""
	savepoint = "onestop_job_record"
	frappe.db.savepoint(savepoint)
	try:
		yield
	except Exception:
		frappe.db.rollback(save_point=savepoint)
		frappe.log_error(title=f"onestop: {job} skipped {record}")
