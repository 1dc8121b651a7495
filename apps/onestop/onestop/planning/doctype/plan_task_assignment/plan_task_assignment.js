// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

frappe.ui.form.on("Plan Task Assignment", {
	refresh(frm) {
		const open = !["Submitted", "Done"].includes(frm.doc.status);
		if (!frm.is_new() && open && frm.perm[0] && frm.perm[0].write) {
			frm.add_custom_button(__("Record Progress"), () => onestop.record_progress(frm));
		}
		frm.add_custom_button(__("Open the Task"), () =>
			frappe.set_route("Form", "Plan Task", frm.doc.plan_task)
		);
	},

	before_workflow_action(frm) {
		return onestop.ask_before_action(frm, {
			Return: { fieldname: "return_reason", fieldtype: "Small Text", label: "Reason for Return" },
		});
	},
});
