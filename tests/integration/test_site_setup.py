"""What installing the app sets up on the site."""

import frappe


def test_vietnamese_first_defaults():
	settings = frappe.get_single("System Settings")
	assert (settings.language, settings.time_zone, settings.date_format) == (
		"vi",
		"Asia/Ho_Chi_Minh",
		"dd-mm-yyyy",
	)
	assert frappe.db.get_default("currency") == "VND"
	assert frappe.db.get_single_value("System Settings", "setup_complete")  # no setup wizard for users
	assert frappe.db.get_value("User", "Guest", "full_name") == "Khách"  # the kiosk's tickets, by name


def test_roles_workflow_and_board_are_installed():
	for role in ("Plan Coordinator", "Agency Officer", "Agency Head", "Finance Reviewer", "Leadership"):
		assert frappe.db.exists("Role", role)
	workflow = frappe.get_doc("Workflow", "Plan Task")
	assert workflow.is_active and workflow.workflow_state_field == "status"
	assert workflow.states[0].state == "Not Started"
	assert frappe.db.get_value("Kanban Board", "Plan Tasks by Status", "field_name") == "status"


def test_onestop_settings_name_the_home_province():
	assert frappe.db.get_single_value("Onestop Settings", "province") == "Bà Rịa - Vũng Tàu"
