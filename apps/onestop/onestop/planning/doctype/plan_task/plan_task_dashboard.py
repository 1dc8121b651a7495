from frappe import _


def get_data():
	"""The resources that serve a task, shown on its form (Connections)."""
	return {
		"fieldname": "plan_task",
		"transactions": [
			{"label": _("Agencies"), "items": ["Plan Task Assignment"]},
			{"label": _("Staff"), "items": ["Staff Secondment", "Training Course"]},
			{"label": _("Money"), "items": ["Budget Line", "Uniform Issue"]},
			{"label": _("Headquarters"), "items": ["Construction Project"]},
		],
	}
