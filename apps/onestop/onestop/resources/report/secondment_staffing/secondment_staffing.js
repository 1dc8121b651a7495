// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

frappe.query_reports["Secondment Staffing"] = {
	filters: [
		{
			fieldname: "date",
			label: __("Date"),
			fieldtype: "Date",
			default: frappe.datetime.get_today(),
			reqd: 1,
		},
		{
			fieldname: "group_by",
			label: __("Group By"),
			fieldtype: "Select",
			options: ["Agency", "Counter"],
			default: "Agency",
		},
	],
	formatter(value, row, column, data, default_formatter) {
		const html = default_formatter(value, row, column, data);
		if (!data || column.fieldname !== "seconded" || !value) return html;
		// the secondments covering the day
		const day = frappe.query_report.get_filter_value("date");
		const by_counter = frappe.query_report.get_filter_value("group_by") === "Counter";
		const filters = {
			status: JSON.stringify(["in", ["Approved", "Active", "Ended"]]),
			from_date: JSON.stringify(["<=", day]),
			to_date: JSON.stringify([">=", day]),
			[by_counter ? "counter" : "home_agency"]: data.group,
		};
		const query = Object.entries(filters)
			.map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
			.join("&");
		return `<a href="/app/staff-secondment?${query}">${html}</a>`;
	},
};
