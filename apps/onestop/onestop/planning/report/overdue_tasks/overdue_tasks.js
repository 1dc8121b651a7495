// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

frappe.query_reports["Overdue Tasks"] = {
	filters: [
		{
			fieldname: "as_of",
			label: __("As Of"),
			fieldtype: "Date",
			default: frappe.datetime.get_today(),
			reqd: 1,
		},
		{ fieldname: "annual_plan", label: __("Annual Plan"), fieldtype: "Link", options: "Annual Plan" },
		{ fieldname: "lead_agency", label: __("Lead Agency"), fieldtype: "Link", options: "Agency" },
	],
};
