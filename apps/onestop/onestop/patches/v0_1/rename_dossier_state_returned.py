"""The Dossier state "Returned" (the result handed to the applicant) is now "Result Returned":
the Plan Task workflow's "Returned" (sent back to the agency) reads differently in Vietnamese
("Bị trả lại" / "Đã trả kết quả"), and a state name has one translation."""

import frappe


def execute():
	frappe.db.sql("update `tabDossier` set status = 'Result Returned' where status = 'Returned'")
