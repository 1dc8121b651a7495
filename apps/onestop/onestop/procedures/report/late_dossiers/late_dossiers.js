// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

frappe.query_reports["Late Dossiers"] = {
	filters: [
		{
			fieldname: "from_date",
			label: __("Received From"),
			fieldtype: "Date",
			default: frappe.datetime.year_start(),
		},
		{
			fieldname: "to_date",
			label: __("Received To"),
			fieldtype: "Date",
			default: frappe.datetime.get_today(),
		},
		{
			fieldname: "competent_agency",
			label: __("Competent Agency"),
			fieldtype: "Link",
			options: "Agency",
		},
	],
};
