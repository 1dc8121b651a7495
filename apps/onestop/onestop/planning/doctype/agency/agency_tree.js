// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

frappe.treeview_settings["Agency"] = {
	breadcrumb: "Planning",
	title: __("Agencies"),
	get_tree_nodes: "onestop.planning.doctype.agency.agency.get_children",
	filters: [{ fieldname: "province", fieldtype: "Data", label: __("Province") }],
	fields: [
		{ fieldtype: "Data", fieldname: "agency_name", label: __("Agency Name"), reqd: 1 },
		{ fieldtype: "Data", fieldname: "short_name", label: __("Short Name") },
		{
			fieldtype: "Select",
			fieldname: "kind",
			label: __("Kind"),
			options: frappe.meta.get_docfield("Agency", "kind")?.options,
			reqd: 1,
		},
		{ fieldtype: "Check", fieldname: "is_group", label: __("Is Group") },
	],
	ignore_fields: ["parent_agency"],
	onload(treeview) {
		// Open on the site's own province; clear the filter to see every province's agencies.
		frappe.xcall("onestop.planning.doctype.agency.agency.home_province").then((province) => {
			const field = treeview.page.fields_dict.province;
			if (province && field && !field.get_value()) field.set_value(province);
		});
	},
};
