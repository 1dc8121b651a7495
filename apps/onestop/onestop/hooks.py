app_name = "onestop"
app_title = "onestop"
app_publisher = "onestop developers"
app_description = "Annual plan and daily work of a provincial one-stop administrative service centre"
app_email = "dev@onestop.localhost"
app_license = "MIT"

export_python_type_annotations = True

# Installation
after_install = "onestop.install.after_install"

# the desk helpers every onestop form uses (public/js/onestop_desk.js)
app_include_js = ["/assets/onestop/js/onestop_desk.js"]

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

# Configuration shipped as records (imported on install and on every migrate)
# the states and actions of the Workflows "Plan Task" and "Dossier" (exported as fixtures)
SECONDMENT_STATES = ["Proposed", "Active", "Ended", "Rejected"]  # and "Approved" (Dossier's)
SECONDMENT_ACTIONS = ["Reject", "Start Secondment", "End Secondment"]  # and "Approve"
BUDGET_STATES = ["Under Finance Review", "Allocated"]  # and Draft, Submitted, Approved, Returned
BUDGET_ACTIONS = ["Submit", "Start Review", "Allocate"]  # and Approve, Return
WEEKLY_REPORT_STATES = ["Acknowledged"]  # and Draft, Submitted
WEEKLY_REPORT_ACTIONS = ["Acknowledge"]  # and Submit
PLAN_TASK_STATES = ["Not Started", "In Progress", "Submitted", "Done", "Returned"]
PLAN_TASK_ACTIONS = ["Start", "Submit for Review", "Accept", "Return", "Resume", "Reopen"]
DOSSIER_STATES = [
	"Received",
	"Processing",
	"Supplement Requested",
	"Approved",
	"Refused",
	"Result Ready",
	"Result Returned",
	"Withdrawn",
]
DOSSIER_ACTIONS = [
	"Forward",
	"Request Supplement",
	"Resubmit",
	"Approve",
	"Refuse",
	"Mark Result Ready",
	"Return Result",
	"Withdraw",
]

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
					*PLAN_TASK_STATES,
					*DOSSIER_STATES,
					*SECONDMENT_STATES,
					*BUDGET_STATES,
					*WEEKLY_REPORT_STATES,
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
					*PLAN_TASK_ACTIONS,
					*DOSSIER_ACTIONS,
					*SECONDMENT_ACTIONS,
					*BUDGET_ACTIONS,
					*WEEKLY_REPORT_ACTIONS,
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
	doctype: "onestop.planning.permissions.has_permission"
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
	)
}
permission_query_conditions = {
	**{doctype: "onestop.planning.permissions.query_conditions" for doctype in has_permission},
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

# Spending charged to budget lines, checked where it is saved (resources/budget.py); agency
# records saved in their agency's name only (planning/permissions.py); every value checked and
# cleaned before a record's own rules (core/inputs.py)
_charges = {
	"validate": "onestop.resources.budget.check_charge",
	"on_update": "onestop.resources.budget.post_charge",
	"on_trash": "onestop.resources.budget.release_charge",
}
_acting = "onestop.planning.permissions.check_acting_agency"
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
}

before_request = ["onestop.core.requests.before_request"]

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

# At set working hours (Asia/Ho_Chi_Minh, the site's time zone), never at midnight: each run
# does nothing on a day off, and every reminder is sent once (planning/reminders.py)
scheduler_events = {
	"cron": {
		"0 7-16 * * *": ["onestop.resources.secondments.advance_secondments"],
		"30 8,14 * * *": ["onestop.planning.reminders.send_due_reminders"],
		# weekly reports not filed (Frappe keeps one schedule per method: a method of its own)
		"0 10 * * 4": ["onestop.planning.reminders.send_weekly_report_reminders"],
		"0 7 * * 1": ["onestop.planning.weekly_reports.create_weekly_reports"],
		# Frappe's own backup of the site (database and files), four times a day; backups
		# older than Frappe's keep limit are removed (./onestop restore FILE restores one)
		"15 0,6,12,18 * * *": ["onestop.core.backups.take_backup"],
	},
}
