from frappe import _


def get_data():
	return {
		"fieldname": "project",
		"transactions": [{"label": _("Progress"), "items": ["Construction Milestone"]}],
	}
