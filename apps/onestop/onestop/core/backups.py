"""Scheduled backups: Frappe's own backup of the site, run by Frappe's scheduler."""

from __future__ import annotations

import frappe
from frappe.utils.backups import scheduled_backup


def take_backup() -> None:
	"""Back up the site's database, files and configuration (frappe.utils.backups, in
	sites/SITE/private/backups; Frappe keeps the newest per System Settings' backup limit).
	Run four times a day by the scheduler (hooks.py); a site without the scheduler (the test
	site) takes none. Errors are logged (Error Log), never raised into the scheduler."""
	try:
		scheduled_backup(older_than=5, ignore_files=False, ignore_conf=False, compress=True, force=True)
	except Exception:
		frappe.log_error(title="onestop: scheduled backup failed")
