// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["Late Dossiers by Competent Agency"] = {
	method: "onestop.procedures.dashboard_chart_source.late_dossiers_by_competent_agency.late_dossiers_by_competent_agency.get",
	filters: [],
};
