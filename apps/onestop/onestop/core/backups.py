"""Scheduled backups: Frappe's own backup of the site, run through Frappe's scheduler."""

from __future__ import annotations

import frappe
from frappe.utils import now_datetime
from frappe.utils.backups import scheduled_backup

TIMEOUT = 4 * 3600  # seconds a backup job may run (a large site's files take long to pack)


def take_backup() -> None:
	"""Queue Frappe's backup of the site on the long queue (the scheduler's own queue stops a
	job after 5 minutes, too soon for a large site). Run four times a day (hooks.py): the
	database each time, the files (public and private) at the first run of the day only.
	Frappe keeps backups for `keep_backups_for_hours` (the start command sets a week)."""
	with_files = now_datetime().hour < 6
	frappe.enqueue(
		backup,
		queue="long",
		timeout=TIMEOUT,
		with_files=with_files,
		job_id=f"onestop-backup-{frappe.local.site}",
		deduplicate=True,
	)


def backup(with_files: bool = False) -> None:
	"""Frappe's backup (frappe.utils.backups) into sites/SITE/private/backups. Errors are
	logged (Error Log) for the administrator, never raised into the worker."""
	try:
		scheduled_backup(
			older_than=1, ignore_files=not with_files, ignore_conf=False, compress=True, force=True
		)
	except Exception:
		frappe.log_error(title="onestop: scheduled backup failed")
