// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

frappe.treeview_settings["Agency"] = {
	breadcrumb: "Planning",
	title: __("Agencies"),
	root_label: __("All Agencies"),
	get_tree_root: false,
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
};
