// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

frappe.ui.form.on("Annual Plan", {
	refresh(frm) {
		if (!frm.is_new()) {
			frm.add_custom_button(__("Tasks"), () =>
				frappe.set_route("List", "Plan Task", { annual_plan: frm.doc.name })
			);
			frm.add_custom_button(__("Tasks to Review"), () =>
				frappe.set_route("List", "Plan Task", { annual_plan: frm.doc.name, needs_review: 1 })
			);
		}
		if (frappe.user.has_role(["Plan Coordinator", "System Manager"])) {
			frm.add_custom_button(__("Import Plan Text"), () =>
				frappe.require("/assets/onestop/js/import_plan.js", () => onestop.import_plan_dialog())
			);
		}
	},
});
