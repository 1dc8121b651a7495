// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

frappe.listview_settings["Dossier"] = {
	add_fields: ["status", "due_at", "resolution"],
	get_indicator(doc) {
		// Late is computed, never a state: see onestop/dossier_timing.py.
		const open = ["Received", "Processing", "Supplement Requested"].includes(doc.status);
		if (open && doc.due_at && doc.due_at < frappe.datetime.now_datetime()) {
			return [
				__("Overdue"),
				"red",
				`due_at,<,${frappe.datetime.now_datetime()}|status,in,Received,Processing`,
			];
		}
		if (doc.resolution === "Late") return [__("Settled Late"), "orange", "resolution,=,Late"];
		const colours = {
			Received: "blue",
			Processing: "blue",
			"Supplement Requested": "yellow",
			Approved: "green",
			Refused: "red",
			"Result Ready": "green",
			"Result Returned": "gray",
			Withdrawn: "gray",
		};
		return [__(doc.status), colours[doc.status] || "gray", `status,=,${doc.status}`];
	},
	onload(listview) {
		listview.page.add_inner_button(__("Overdue"), () =>
			listview.filter_area.clear(false).then(() =>
				listview.filter_area.add([
					["Dossier", "status", "in", ["Received", "Processing", "Supplement Requested"]],
					["Dossier", "due_at", "<", frappe.datetime.now_datetime()],
				])
			)
		);
	},
};
