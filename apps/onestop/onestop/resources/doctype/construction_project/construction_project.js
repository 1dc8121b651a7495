// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

frappe.ui.form.on("Construction Project", {
	refresh(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(__("Milestones"), () =>
			frappe.set_route("List", "Construction Milestone", { project: frm.doc.name })
		);
		frm.add_custom_button(__("Gantt"), () =>
			frappe.set_route("List", "Construction Milestone", "Gantt", { project: frm.doc.name })
		);
		if (frm.perm[0] && frm.perm[0].write) {
			frm.add_custom_button(__("Keep Planned Dates as Baseline"), () =>
				frappe
					.xcall(
						"onestop.resources.doctype.construction_project.construction_project.set_baseline",
						{
							project: frm.doc.name,
						}
					)
					.then((count) => {
						frappe.show_alert({
							message: __("{0} milestones have a baseline now", [count]),
							indicator: "green",
						});
						frm.reload_doc();
					})
			);
		}
		const weights = frm.doc.__onload && frm.doc.__onload.weights_warning;
		if (weights) {
			frm.dashboard.set_headline_alert(
				__("The milestones' weights add up to {0} %, not 100 %.", [weights]),
				"orange"
			);
		}
	},
});
