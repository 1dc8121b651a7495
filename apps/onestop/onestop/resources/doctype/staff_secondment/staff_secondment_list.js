// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

frappe.listview_settings["Staff Secondment"] = {
	add_fields: ["status", "to_date"],
	get_indicator(doc) {
		const colours = {
			Proposed: "blue",
			Approved: "purple",
			Active: "green",
			Ended: "gray",
			Rejected: "red",
		};
		return [__(doc.status), colours[doc.status] || "gray", `status,=,${doc.status}`];
	},
};
