import onestop.constants as _c

app_name = "onestop"
app_title = "onestop"
app_publisher = "onestop developers"
app_description = "Annual plan and daily work of a provincial one-stop administrative service centre"
app_email = "dev@onestop.localhost"
app_license = "MIT"

export_python_type_annotations = True

# Installation
# and the texts of the messages to applicants, as Notifications the centre edits (procedures/messages.py)
after_install = ["onestop.install.after_install", "onestop.procedures.messages.install_templates"]
# Frappe's administration workspaces (Build, Integrations, Tools, Users, Website) shown to
# System Managers only (setup.py)
after_migrate = ["onestop.setup.after_migrate", "onestop.procedures.messages.install_templates"]

# the desk helpers every onestop form uses (public/js/onestop_desk.js); the counter's queue
# panel the reception screen shows (public/js/queue_panel.js)
app_include_js = ["/assets/onestop/js/onestop_desk.js", "/assets/onestop/js/queue_panel.js"]

# Helpers the legal forms (Dossier print formats) call
jinja = {
	"methods": [
		f"onestop.procedures.forms.{name}"
		for name in (
			"circular_of",
			"dossier_header",
			"dossier_status_url",
			"form_title",
			"procedure_days",
			"qr_svg",
			"stage_result",
			"vn_date",
			"vn_time",
		)
	]
}

# Configuration shipped as records (imported on install and on every migrate): roles, the
# workflows and their states and actions (constants.py), the Kanban board
fixtures = [
	{
		"dt": "Role",
		"filters": [
			[
				"name",
				"in",
				["Plan Coordinator", "Agency Officer", "Agency Head", "Finance Reviewer", "Leadership"],
			]
		],
	},
	{
		"dt": "Workflow State",
		"filters": [
			[
				"name",
				"in",
				[
					*_c.PLAN_TASK_STATES,
					*_c.DOSSIER_STATES,
					*_c.SECONDMENT_STATES,
					*_c.BUDGET_STATES,
					*_c.WEEKLY_REPORT_STATES,
					"Draft",
				],
			]
		],
	},
	{
		"dt": "Workflow Action Master",
		"filters": [
			[
				"name",
				"in",
				[
					*_c.PLAN_TASK_ACTIONS,
					*_c.DOSSIER_ACTIONS,
					*_c.SECONDMENT_ACTIONS,
					*_c.BUDGET_ACTIONS,
					*_c.WEEKLY_REPORT_ACTIONS,
				],
			]
		],
	},
	{
		"dt": "Workflow",
		"filters": [
			[
				"name",
				"in",
				[
					"Plan Task",
					"Plan Task Assignment",
					"Dossier",
					"Staff Secondment",
					"Budget Line",
					"Weekly Report",
				],
			]
		],
	},
	{"dt": "Kanban Board", "filters": [["name", "in", ["Plan Tasks by Status"]]]},
]

# Permissions: agency users reach the records their agencies are on
has_permission = {
	doctype: "onestop.core.permissions.has_permission"
	for doctype in (
		"Plan Task",
		"Plan Task Assignment",
		"Dossier",
		"Civil Servant",
		"Staff Secondment",
		"Training Course",
		"Budget Line",
		"Uniform Issue",
		"Construction Project",
		"Construction Milestone",
		"Weekly Report",
		"Applicant Message",
	)
}
permission_query_conditions = {
	**{doctype: "onestop.core.permissions.query_conditions" for doctype in has_permission},
	# their child tables read on their own (core/doors.py)
	**{
		child: "onestop.core.doors.child_query_conditions"
		for child in (
			"Plan Task Agency",
			"Plan Task Update",
			"Plan Task Evidence",
			"Dossier Document",
			"Dossier Stage",
			"Dossier Agency",
			"Training Organiser",
			"Training Session",
			"Training Participant",
			"Uniform Issue Item",
			"Construction Payment",
		)
	},
}

# the applicant's document store: read by those who read a dossier of that applicant; File
# lists keep the dossier scope (procedures/document_store.py)
has_permission["Applicant Document"] = "onestop.procedures.document_store.has_permission"
permission_query_conditions["Applicant Document"] = "onestop.procedures.document_store.query_conditions"
permission_query_conditions["File"] = "onestop.procedures.document_store.file_query_conditions"

# Spending charged to budget lines, checked where it is saved (resources/budget.py); agency
# records saved in their agency's name only (core/permissions.py); every value checked and
# cleaned before a record's own rules (core/inputs.py)
_charges = {
	"validate": "onestop.resources.budget.check_charge",
	"on_update": "onestop.resources.budget.post_charge",
	"on_trash": "onestop.resources.budget.release_charge",
}
_acting = "onestop.core.permissions.check_acting_agency"
doc_events = {
	"*": {
		"before_insert": "onestop.core.inputs.check_inputs",  # before naming, which may read dates
		"before_validate": "onestop.core.inputs.check_inputs",
	},
	**{
		doctype: {**_charges, "validate": [_acting, _charges["validate"]]}
		for doctype in ("Staff Secondment", "Training Course", "Uniform Issue", "Construction Project")
	},
	**{
		doctype: {"validate": _acting}
		for doctype in ("Civil Servant", "Budget Line", "Construction Milestone", "Weekly Report")
	},
	"DocShare": {"validate": "onestop.core.doors.check_share"},
	# SMS and e-mail to the applicant at receipt, supplement request, result ready and apology
	"Dossier": {"on_update": "onestop.procedures.messages.on_dossier_update"},
}

# queue numbers: a dossier received from a ticket is linked to it; a counter's fields get their
# ticket prefixes (procedures/queue.py)
doc_events.setdefault("Dossier", {})["after_insert"] = "onestop.procedures.queue.link_received_dossier"
doc_events.setdefault("Service Counter", {})["validate"] = "onestop.procedures.queue.check_counter"

before_request = ["onestop.core.requests.before_request"]
# each call of the open API (onestop/api/v1.py) logged after its response (API Call Log), and
# the log cleared after 180 days by Frappe's Log Settings
after_request = ["onestop.api.calls.log_call"]
default_log_clearing_doctypes = {"API Call Log": 180}

# a desk user lands on their role's home page after logging in (Role.home_page: the Receiving
# Officer's reception screen, /app/reception; core/landing.py)
on_session_creation = ["onestop.core.landing.land_on_role_home"]

# Frappe's own save paths, run again once when a deadlock rolled them back (core/requests.py)
override_whitelisted_methods = {
	"frappe.desk.form.save.savedocs": "onestop.core.requests.savedocs",
	"frappe.model.workflow.apply_workflow": "onestop.core.requests.apply_workflow",
	"frappe.client.save": "onestop.core.requests.save",
	"frappe.client.insert": "onestop.core.requests.insert",
	"frappe.client.set_value": "onestop.core.requests.set_value",
	# counted through the user's permissions (core/doors.py)
	"frappe.client.get_count": "onestop.core.doors.get_count",
	# chart data cached per user, not per chart (core/charts.py)
	"frappe.desk.doctype.dashboard_chart.dashboard_chart.get": "onestop.core.charts.get",
}

# What core/reminders.py sends: each source gives the reminders due at a moment
onestop_reminder_sources = [
	"onestop.planning.task_reminders.task_reminders",
	"onestop.planning.weekly_reports.weekly_report_reminders",
	"onestop.resources.secondments.ending_reminders",
]

# At set working hours (Asia/Ho_Chi_Minh, the site's time zone), never at midnight: each run
# does nothing on a day off, and every reminder is sent once (core/reminders.py)
scheduler_events = {
	"cron": {
		"0 7-16 * * *": ["onestop.resources.secondments.advance_secondments"],
		"30 8,14 * * *": ["onestop.core.reminders.send_due_reminders"],
		# weekly reports not filed (Frappe keeps one schedule per method: a method of its own)
		"0 10 * * 4": ["onestop.core.reminders.send_weekly_report_reminders"],
		"0 7 * * 1": ["onestop.planning.weekly_reports.create_weekly_reports"],
		# Frappe's own backup of the site (database and files), four times a day; backups
		# older than Frappe's keep limit are removed (./onestop restore FILE restores one)
		"15 0,6,12,18 * * *": ["onestop.core.backups.take_backup"],
		# messages to applicants that waited for office hours, and retries (sends nothing
		# outside the office hours of a working day)
		"*/5 6-18 * * *": ["onestop.procedures.messages.send_due_messages"],
	},
}

# onestop's reports are never turned into prepared reports by a slow moment (core/reports.py)
override_doctype_class = {"Report": "onestop.core.reports.OnestopReport"}
