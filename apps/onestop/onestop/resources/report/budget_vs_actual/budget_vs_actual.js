// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

const GROUP_FIELD = { Category: "category", "Requesting Agency": "requesting_agency", "Budget Line": "name" };

frappe.query_reports["Budget vs Actual"] = {
	filters: [
		{
			fieldname: "fiscal_year",
			label: __("Fiscal Year"),
			fieldtype: "Int",
			default: new Date().getFullYear(),
			reqd: 1,
		},
		{
			fieldname: "group_by",
			label: __("Group By"),
			fieldtype: "Select",
			options: ["Category", "Requesting Agency", "Budget Line"],
			default: "Category",
		},
		{
			fieldname: "category",
			label: __("Category"),
			fieldtype: "Select",
			options: [
				"",
				"Support Allowances",
				"Uniforms",
				"Training",
				"IT System",
				"Headquarters Construction",
				"Communication",
				"Other",
			],
		},
		{
			fieldname: "requesting_agency",
			label: __("Requesting Agency"),
			fieldtype: "Link",
			options: "Agency",
		},
	],
	formatter(value, row, column, data, default_formatter) {
		let html = default_formatter(value, row, column, data);
		if (
			data &&
			column.fieldname === "group" &&
			data.group &&
			frappe.query_report.get_filter_value("group_by") === "Category"
		) {
			html = __(data.group);
		}
		if (!data || column.fieldname !== "lines" || !value) return html;
		const f = frappe.query_report.get_filter_values();
		const filters = { fiscal_year: f.fiscal_year, [GROUP_FIELD[f.group_by]]: data.group };
		if (f.category) filters.category = f.category;
		if (f.requesting_agency) filters.requesting_agency = f.requesting_agency;
		const query = Object.entries(filters)
			.map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
			.join("&");
		return `<a href="/app/budget-line?${query}">${html}</a>`;
	},
};
