""" "Now" for dossier timing: the real time, or a moment set for a whole operation.

Demo data is made by walking dossiers through their workflow at past moments, and tests
check timing at chosen moments; both set the moment here instead of patching Frappe's clock.
"""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager

import frappe
from frappe.utils import get_datetime, now_datetime


def now() -> dt.datetime:
	moment = frappe.flags.get("onestop_now")
	return get_datetime(moment) if moment else now_datetime()


@contextmanager
def at(moment: dt.datetime):
	"""Run the block as if it were `moment` (for dossier timing only)."""
	previous = frappe.flags.get("onestop_now")
	frappe.flags.onestop_now = moment
	try:
		yield
	finally:
		frappe.flags.onestop_now = previous
