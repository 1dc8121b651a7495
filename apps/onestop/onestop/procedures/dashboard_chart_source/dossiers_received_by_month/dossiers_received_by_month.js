// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["Dossiers Received by Month"] = {
	method: "onestop.procedures.dashboard_chart_source.dossiers_received_by_month.dossiers_received_by_month.get",
	filters: [],
};
