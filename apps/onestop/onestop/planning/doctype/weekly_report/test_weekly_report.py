# Copyright (c) 2026, onestop developers and Contributors
# See license.txt

# import frappe
from frappe.tests.utils import FrappeTestCase


class TestWeeklyReport(FrappeTestCase):
	pass
