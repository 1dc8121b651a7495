"""What installing onestop sets up on a site, beyond its DocTypes and fixtures."""

import frappe

SITE_DEFAULTS = {
	"language": "vi",
	"time_zone": "Asia/Ho_Chi_Minh",
	"country": "Vietnam",
	"date_format": "dd-mm-yyyy",
	"time_format": "HH:mm",
	"number_format": "#.###,##",
	"currency_precision": "0",
	"first_day_of_the_week": "Monday",
}


# Frappe's own workspaces of site administration: officers have nothing to do there (their
# pages need System Manager), so the sidebar shows them to System Managers only
ADMIN_WORKSPACES = ("Build", "Integrations", "Tools", "Users", "Website")


def after_install():
	"""What the app itself needs on any site it is installed on (ERPNext's or HRMS's among
	them): its settings stored. The site's language, formats and setup wizard are left to
	`setup_site`, which only a site made for onestop runs."""
	save_settings_defaults()


def setup_site():
	"""Make a site onestop's own: a Vietnamese desk (language, time zone, formats, VND) and the
	setup wizard done. Run by `bench --site SITE onestop-setup-site` (the start command runs it
	on the sites it creates); never on install, so that installing the app beside other apps
	leaves their settings alone."""
	set_site_defaults()
	complete_setup()
	frappe.db.set_single_value("System Settings", "allow_error_traceback", 0)  # errors go to the Error Log
	# what citizens do without logging in (a queue number taken at the kiosk, a rating) shows
	# as done by Frappe's Guest user: named in Vietnamese on the desk
	frappe.db.set_value("User", "Guest", {"first_name": "Khách", "full_name": "Khách"})


def complete_setup():
	"""Do what Frappe's setup wizard would (its base records, then setup complete): the
	install has already chosen the language, time zone, country and currency, and without
	this every user but Administrator is sent to the wizard."""
	from frappe.desk.page.setup_wizard.install_fixtures import install as install_base_records
	from frappe.desk.page.setup_wizard.setup_wizard import disable_future_access

	install_base_records()
	disable_future_access()


def save_settings_defaults():
	"""Store Onestop Settings with its defaults (a Single has no row until saved)."""
	settings = frappe.get_single("Onestop Settings")
	settings.save(ignore_permissions=True)


def set_site_defaults():
	"""A Vietnamese-first desk: language vi, Asia/Ho_Chi_Minh, dd-mm-yyyy, VND without decimals."""
	settings = frappe.get_single("System Settings")
	for fieldname, value in SITE_DEFAULTS.items():
		if settings.meta.has_field(fieldname):
			settings.set(fieldname, value)
	settings.flags.ignore_mandatory = True
	settings.save(ignore_permissions=True)
	frappe.db.set_default("currency", "VND")
	frappe.db.set_default("country", "Vietnam")
	if frappe.db.exists("Currency", "VND"):
		frappe.db.set_value(
			"Currency", "VND", {"enabled": 1, "fraction_units": 0, "smallest_currency_fraction_value": 0}
		)
	frappe.db.set_default("lang", "vi")
	# Frappe makes Administrator in Asia/Kolkata: its desk then shows every time with that zone
	frappe.db.set_value("User", "Administrator", "time_zone", SITE_DEFAULTS["time_zone"])


def after_migrate():
	"""hooks.py after_migrate: what must hold after every migrate (Frappe re-imports its own
	workspaces when it changes them)."""
	restrict_admin_workspaces()


def restrict_admin_workspaces():
	"""Frappe's Build, Integrations, Tools, Users and Website workspaces shown to System Managers
	only, by Frappe's own mechanism (the workspace's roles); a workspace given roles of the
	site's own choosing keeps them."""
	for name in ADMIN_WORKSPACES:
		if not frappe.db.exists("Workspace", name):
			continue
		workspace = frappe.get_doc("Workspace", name)
		if workspace.roles:
			continue
		workspace.append("roles", {"role": "System Manager"}).db_insert()
		frappe.clear_document_cache("Workspace", name)
	frappe.clear_cache()
