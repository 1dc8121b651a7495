// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

frappe.listview_settings["Annual Plan"] = {
	onload(listview) {
		if (frappe.user.has_role(["Plan Coordinator", "System Manager"])) {
			listview.page.add_inner_button(__("Import Plan Text"), () => {
				frappe.require("/assets/onestop/js/import_plan.js", () => onestop.import_plan_dialog());
			});
		}
	},
};
