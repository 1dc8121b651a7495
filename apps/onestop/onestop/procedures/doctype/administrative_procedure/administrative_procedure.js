// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

frappe.ui.form.on("Administrative Procedure", {
	refresh(frm) {
		if (frm.is_new() || !frm.doc.is_current || !frappe.model.can_create("Administrative Procedure"))
			return;
		// a change to a procedure in use is a new version: its dossiers keep this one
		frm.add_custom_button(__("New Version"), () => {
			frappe.prompt(
				{
					fieldname: "active_from",
					fieldtype: "Date",
					label: __("In Force From"),
					reqd: 1,
					default: frappe.datetime.get_today(),
				},
				({ active_from }) =>
					frappe
						.xcall(
							"onestop.procedures.doctype.administrative_procedure.administrative_procedure.new_version",
							{ name: frm.doc.name, active_from }
						)
						.then((name) => frappe.set_route("Form", "Administrative Procedure", name)),
				__("New Version"),
				__("Create")
			);
		});
	},
});
