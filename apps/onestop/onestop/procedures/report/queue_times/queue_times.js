// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

frappe.query_reports["Queue Times"] = {
	filters: [
		{
			fieldname: "from_date",
			label: __("From Date"),
			fieldtype: "Date",
			default: frappe.datetime.get_today(),
			reqd: 1,
		},
		{
			fieldname: "to_date",
			label: __("To Date"),
			fieldtype: "Date",
			default: frappe.datetime.get_today(),
			reqd: 1,
		},
		{
			fieldname: "group_by",
			label: __("Group By"),
			fieldtype: "Select",
			options: [
				{ value: "Counter and Field", label: __("Counter and Field") },
				{ value: "Counter", label: __("Counter") },
				{ value: "Procedure Field", label: __("Procedure Field") },
			],
			default: "Counter and Field",
		},
		{
			fieldname: "counter",
			label: __("Counter"),
			fieldtype: "Link",
			options: "Service Counter",
		},
		{
			fieldname: "field",
			label: __("Procedure Field"),
			fieldtype: "Link",
			options: "Procedure Field",
		},
	],
};
