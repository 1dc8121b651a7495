// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["Dossiers Settled by Resolution"] = {
	method: "onestop.procedures.dashboard_chart_source.dossiers_settled_by_resolution.dossiers_settled_by_resolution.get",
	filters: [],
};
