// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

frappe.listview_settings["Construction Milestone"] = {
	add_fields: ["status", "planned_end"],
	get_indicator(doc) {
		// late: past its planned end and not done (onestop/milestones.py)
		if (doc.status !== "Done" && doc.planned_end && doc.planned_end < frappe.datetime.get_today()) {
			return [__("Late"), "red", `status,!=,Done|planned_end,<,${frappe.datetime.get_today()}`];
		}
		const colours = { "Not Started": "gray", "In Progress": "blue", Done: "green" };
		return [__(doc.status), colours[doc.status] || "gray", `status,=,${doc.status}`];
	},
};
