// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

frappe.ui.form.on("Staff Secondment", {
	setup(frm) {
		// only budget lines that can be spent, for the allowance
		frm.set_query("budget_line", () => ({ filters: { status: ["in", ["Approved", "Allocated"]] } }));
	},
	before_workflow_action(frm) {
		return onestop.ask_before_action(frm, {
			Reject: { fieldname: "rejection_reason", fieldtype: "Small Text", label: "Reason for Rejection" },
		});
	},
});
