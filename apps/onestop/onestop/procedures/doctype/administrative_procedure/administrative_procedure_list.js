// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

frappe.listview_settings["Administrative Procedure"] = {
	add_fields: ["is_current", "on_the_spot"],
	get_indicator(doc) {
		return doc.is_current
			? [__("Current Version"), "green", "is_current,=,1"]
			: [__("Replaced"), "gray", "is_current,=,0"];
	},
	onload(listview) {
		if (frappe.model.can_create("Administrative Procedure")) {
			listview.page.add_inner_button(__("Import Catalogue"), () => {
				frappe.require("/assets/onestop/js/import_catalogue.js", () =>
					onestop.import_catalogue_dialog("Administrative Procedure")
				);
			});
		}
	},
};
