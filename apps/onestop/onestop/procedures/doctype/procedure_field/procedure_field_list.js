// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

frappe.listview_settings["Procedure Field"] = {
	onload(listview) {
		if (frappe.model.can_create("Procedure Field")) {
			listview.page.add_inner_button(__("Import Catalogue"), () => {
				frappe.require("/assets/onestop/js/import_catalogue.js", () =>
					onestop.import_catalogue_dialog("Procedure Field")
				);
			});
		}
	},
};
