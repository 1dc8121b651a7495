// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

frappe.ui.form.on("Budget Line", {
	onload(frm) {
		if (frm.is_new() && !frm.doc.fiscal_year) frm.set_value("fiscal_year", new Date().getFullYear());
	},
	refresh(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(__("Charges"), () =>
			frappe.set_route("List", "Budget Charge", { budget_line: frm.doc.name })
		);
		if (frm.doc.remaining_amount < 0) {
			frm.dashboard.set_headline_alert(
				__("Charged beyond what this line allows by {0}.", [
					format_currency(-frm.doc.remaining_amount, "VND", 0),
				]),
				"red"
			);
		}
	},
	before_workflow_action(frm) {
		return onestop.ask_before_action(frm, {
			Return: { fieldname: "return_reason", fieldtype: "Small Text", label: "Reason for Return" },
		});
	},
});
