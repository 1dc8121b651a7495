// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

frappe.listview_settings["Budget Line"] = {
	add_fields: ["status", "remaining_amount"],
	get_indicator(doc) {
		if (doc.remaining_amount < 0) return [__("Over the Budget"), "red", "remaining_amount,<,0"];
		const colours = {
			Draft: "gray",
			Submitted: "blue",
			"Under Finance Review": "orange",
			Approved: "green",
			Returned: "red",
			Allocated: "green",
		};
		return [__(doc.status), colours[doc.status] || "gray", `status,=,${doc.status}`];
	},
};
