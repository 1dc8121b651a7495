from frappe import _


def get_data():
	"""What spends a budget line (Connections)."""
	return {
		"fieldname": "budget_line",
		"transactions": [
			{
				"label": _("Spending"),
				"items": ["Staff Secondment", "Training Course", "Uniform Issue", "Construction Project"],
			},
			{"label": _("Ledger"), "items": ["Budget Charge"]},
		],
	}
