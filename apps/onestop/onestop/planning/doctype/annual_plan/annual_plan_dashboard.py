from frappe import _


def get_data():
	return {
		"fieldname": "annual_plan",
		"transactions": [{"label": _("Tasks"), "items": ["Plan Task"]}],
	}
