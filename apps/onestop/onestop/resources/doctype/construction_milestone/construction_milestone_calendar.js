// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

// Calendar and Gantt views of the milestones (planned dates, progress)
frappe.views.calendar["Construction Milestone"] = {
	field_map: {
		start: "planned_start",
		end: "planned_end",
		id: "name",
		title: "milestone_name",
		allDay: "allDay",
		progress: "progress",
		status: "status",
	},
	gantt: true,
	order_by: "planned_start",
	filters: [
		{ fieldtype: "Link", fieldname: "project", options: "Construction Project", label: __("Project") },
	],
	get_events_method: "frappe.desk.calendar.get_events",
};
