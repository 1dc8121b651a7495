from frappe import _


def get_data():
	"""A civil servant's secondments and uniform issues (Connections); training history is
	listed on the form itself (a child table links it)."""
	return {
		"fieldname": "civil_servant",
		"transactions": [{"label": _("Staff"), "items": ["Staff Secondment", "Uniform Issue"]}],
	}
