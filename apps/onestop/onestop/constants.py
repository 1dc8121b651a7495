"""The names of the app's workflow states and actions, shipped as fixtures (hooks.py filters
the fixtures by them). Kept out of hooks.py: every public name there is read as a hook."""

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
