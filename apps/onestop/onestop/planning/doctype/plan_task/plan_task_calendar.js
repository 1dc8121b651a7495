// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

frappe.views.calendar["Plan Task"] = {
	field_map: {
		start: "start_date",
		end: "due_date",
		id: "name",
		title: "title",
		allDay: "allDay",
		progress: "progress",
		status: "status",
	},
	gantt: true,
	order_by: "due_date",
	filters: [
		{ fieldtype: "Link", fieldname: "annual_plan", options: "Annual Plan", label: __("Annual Plan") },
		{ fieldtype: "Link", fieldname: "lead_agency", options: "Agency", label: __("Lead Agency") },
	],
	get_events_method: "frappe.desk.calendar.get_events",
};
