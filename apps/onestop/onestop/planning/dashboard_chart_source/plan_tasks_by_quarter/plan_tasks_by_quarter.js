// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["Plan Tasks by Quarter"] = {
	method: "onestop.planning.dashboard_chart_source.plan_tasks_by_quarter.plan_tasks_by_quarter.get",
	filters: [
		{ fieldname: "annual_plan", label: __("Annual Plan"), fieldtype: "Link", options: "Annual Plan" },
	],
};
