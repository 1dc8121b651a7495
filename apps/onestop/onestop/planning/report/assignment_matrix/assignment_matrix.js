// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

const SHARE_COLOURS = {
	"Not Started": "gray",
	"In Progress": "blue",
	Submitted: "orange",
	Done: "green",
	Returned: "red",
};

frappe.query_reports["Assignment Matrix"] = {
	filters: [
		{
			fieldname: "annual_plan",
			label: __("Annual Plan"),
			fieldtype: "Link",
			options: "Annual Plan",
			// not required: with none the report says to choose one (a required filter left
			// empty makes Frappe throw "Filter missing" on opening); onload picks the latest
		},
		{
			fieldname: "quarter",
			label: __("Quarter"),
			fieldtype: "Select",
			options: ["", "Q1", "Q2", "Q3", "Q4"],
		},
		{
			fieldname: "collective",
			label: __("Collective"),
			fieldtype: "Link",
			options: "Agency",
			get_query: () => ({ filters: { kind: "Collective" } }),
		},
	],
	formatter(value, row, column, data, default_formatter) {
		if (column.fieldname === "status" && value) return __(value);
		if (!/^a\d+$/.test(column.fieldname) || !value) return default_formatter(value, row, column, data);
		const [status, late, name] = value.split("|");
		const colour = Number(late) > 0 ? "red" : SHARE_COLOURS[status] || "gray";
		const text = Number(late) > 0 ? __("{0}, {1} days late", [__(status), late]) : __(status);
		return `<a href="/app/plan-task-assignment/${encodeURIComponent(
			name
		)}"><span class="indicator-pill ${colour}">${frappe.utils.escape_html(text)}</span></a>`;
	},
	onload(report) {
		// a plan named in the link (?annual_plan=…, the matrix opened from a plan) is kept
		const named = () =>
			report.get_filter_value("annual_plan") ||
			new URLSearchParams(window.location.search).get("annual_plan");
		if (!named()) {
			frappe.db
				.get_list("Annual Plan", { fields: ["name"], order_by: "year desc, creation desc", limit: 1 })
				.then(
					(plans) =>
						plans.length && !named() && report.set_filter_value("annual_plan", plans[0].name)
				);
		}
		// accepting or returning several shares at once: the list's own bulk workflow actions
		report.page.add_inner_button(__("Review Submitted Shares"), () =>
			frappe.set_route("List", "Plan Task Assignment", {
				annual_plan: report.get_filter_value("annual_plan"),
				status: "Submitted",
			})
		);
	},
};
