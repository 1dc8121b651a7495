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
	// a plan's year at a glance: by month, the tasks that have a date (onestop_desk.js)
	gantt: { view_mode: "Month", dated_only: true },
	order_by: "due_date",
	filters: [
		{ fieldtype: "Link", fieldname: "annual_plan", options: "Annual Plan", label: __("Annual Plan") },
		{ fieldtype: "Link", fieldname: "lead_agency", options: "Agency", label: __("Lead Agency") },
	],
	get_events_method: "frappe.desk.calendar.get_events",
	// FullCalendar's own options: open on the filtered tasks' period rather than on today's month
	// (a plan of 2018 shows nothing in today's); when the period includes today, today it is
	options: {
		eventAfterAllRender(view) {
			const list = window.cur_list;
			if (!list || list.doctype !== "Plan Task" || !list.filter_area) return;
			const filters = list.filter_area.get();
			const key = JSON.stringify(filters);
			if (view.calendar.onestop_period_of === key) return; // once for each set of filters
			view.calendar.onestop_period_of = key;
			frappe.xcall("onestop.planning.api.task_period", { filters }).then((period) => {
				const today = frappe.datetime.get_today();
				if (!period || !period.first || (period.first <= today && today <= period.last)) return;
				view.calendar.gotoDate(period.first);
			});
		},
	},
};
