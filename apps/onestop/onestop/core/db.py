"""Database helpers: row locks for check-then-write rules, and one retry of a deadlock."""

from __future__ import annotations

import functools

import frappe


def lock(doctype: str, name: str) -> None:
	"""Lock the row of `doctype` `name` until the transaction ends (SELECT … FOR UPDATE).

	A later plain SELECT in the same transaction still reads the snapshot taken at its first
	read (MariaDB's REPEATABLE READ); totals guarded by this lock must be read with
	`locked_sum` or another locking read. Raises frappe.DoesNotExistError for a missing row."""
	if not frappe.db.sql(f"select name from `tab{doctype}` where name = %s for update", name):
		raise frappe.DoesNotExistError(doctype, name)


def retry_deadlock(fn):
	"""Run `fn` again, once, when the database chose its transaction as a deadlock's victim
	(MariaDB rolled it back whole, so running it again is safe). The user sees an error only
	when the second run deadlocks too."""

	@functools.wraps(fn)
	def wrapper(*args, **kwargs):
		try:
			return fn(*args, **kwargs)
		except frappe.QueryDeadlockError:
			frappe.db.rollback()
			frappe.local.message_log = []
			return fn(*args, **kwargs)

	return wrapper
