// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

frappe.query_reports["Dossier Register"] = {
	filters: [
		{
			fieldname: "from_date",
			label: __("Received From"),
			fieldtype: "Date",
			default: frappe.datetime.get_today(),
		},
		{
			fieldname: "to_date",
			label: __("Received To"),
			fieldtype: "Date",
			default: frappe.datetime.get_today(),
		},
		{ fieldname: "receiving_unit", label: __("Receiving Unit"), fieldtype: "Link", options: "Agency" },
	],
};
