// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

const STATUS_COLOURS = {
	"Not Started": "gray",
	"In Progress": "blue",
	Submitted: "purple",
	Done: "green",
	Returned: "red",
};

frappe.listview_settings["Plan Task"] = {
	// start_date: the Gantt (a view of this list) draws each task from its start to its due date
	add_fields: ["status", "start_date", "due_date", "progress", "needs_review"],
	filters: [],

	get_indicator(doc) {
		// Overdue (due before today and not Done) is computed, not stored: see onestop/task_status.py.
		const today = frappe.datetime.get_today();
		if (doc.status !== "Done" && doc.due_date && doc.due_date < today) {
			return [__("Overdue"), "red", `due_date,<,${today}|status,!=,Done`];
		}
		return [__(doc.status), STATUS_COLOURS[doc.status] || "gray", `status,=,${doc.status}`];
	},

	onload(listview) {
		listview.page.add_inner_button(__("Overdue"), () => {
			listview.filter_area.clear(false).then(() =>
				listview.filter_area.add([
					["Plan Task", "due_date", "<", frappe.datetime.get_today()],
					["Plan Task", "status", "!=", "Done"],
				])
			);
		});
		listview.page.add_inner_button(__("To Review"), () => {
			listview.filter_area
				.clear(false)
				.then(() => listview.filter_area.add([["Plan Task", "needs_review", "=", 1]]));
		});
		// the reform-index (PAR) criteria whose tasks are not done yet (seed 001)
		listview.page.add_inner_button(__("Open PAR Criteria"), () => {
			listview.filter_area.clear(false).then(() =>
				listview.filter_area.add([
					["Plan Task", "par_criterion", "is", "set"],
					["Plan Task", "status", "!=", "Done"],
				])
			);
		});
	},
};
