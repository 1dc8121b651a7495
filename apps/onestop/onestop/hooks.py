app_name = "onestop"
app_title = "onestop"
app_publisher = "onestop developers"
app_description = "Annual plan and daily work of a provincial one-stop administrative service centre"
app_email = "dev@onestop.localhost"
app_license = "MIT"

export_python_type_annotations = True

# Installation
after_install = "onestop.install.after_install"

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
				[*PLAN_TASK_STATES, *DOSSIER_STATES],
			]
		],
	},
	{
		"dt": "Workflow Action Master",
		"filters": [
			[
				"name",
				"in",
				[*PLAN_TASK_ACTIONS, *DOSSIER_ACTIONS],
			]
		],
	},
	{"dt": "Workflow", "filters": [["name", "in", ["Plan Task", "Dossier"]]]},
	{"dt": "Kanban Board", "filters": [["name", "in", ["Plan Tasks by Status"]]]},
]

# Permissions: agency users reach the records their agencies are on
has_permission = {
	"Plan Task": "onestop.planning.permissions.plan_task_has_permission",
	"Dossier": "onestop.planning.permissions.dossier_has_permission",
}
permission_query_conditions = {
	"Plan Task": "onestop.planning.permissions.plan_task_query_conditions",
	"Dossier": "onestop.planning.permissions.dossier_query_conditions",
}
