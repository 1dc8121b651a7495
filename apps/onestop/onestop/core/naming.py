"""Naming series that two first records of a new prefix can take at once.

Frappe's getseries reads the series row with SELECT … FOR UPDATE and inserts it when missing.
For a prefix seen for the first time (the first dossier of a day, the first report of a
week, the first secondment of a year) two requests at once both find no row, both hold a gap
lock and both insert: MariaDB kills one of them as a deadlock. The series row is therefore
created first, committed on a connection of its own, so that the requests queue on an existing
row instead.
"""

from __future__ import annotations

import frappe
from frappe.database import get_db
from frappe.model.naming import getseries


def ensure_series(prefix: str) -> None:
	"""Create the series row of `prefix` (current 0) unless it exists, committed at once on a
	separate connection (the request's own transaction is left alone)."""
	if frappe.db.sql("select 1 from `tabSeries` where `name` = %s", prefix):
		return
	conf = frappe.conf
	db = get_db(
		host=conf.db_host,
		port=conf.db_port,
		user=conf.db_name,
		password=conf.db_password,
		socket=conf.db_socket,
		cur_db_name=conf.db_name,
	)
	try:
		db.connect()
		# the request's own transaction may hold a gap lock on the series table (a record it
		# named first): waiting for it would wait for ourselves, so give up at once and
		# leave the row to getseries, as Frappe would
		db.sql("set session innodb_lock_wait_timeout = 0")
		db.sql("insert ignore into `tabSeries` (`name`, `current`) values (%s, 0)", prefix)
		db.commit()
	except Exception as e:
		if not (frappe.db.is_timedout(e) or "Lock wait timeout" in str(e)):
			raise
	finally:
		db.close()


def next_name(prefix: str, digits: int) -> str:
	"""`prefix` followed by the series' next number on `digits` digits ("BP-2026-0007")."""
	ensure_series(prefix)
	return f"{prefix}{getseries(prefix, digits)}"
