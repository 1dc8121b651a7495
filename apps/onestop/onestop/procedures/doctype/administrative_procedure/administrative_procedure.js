// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

frappe.ui.form.on("Administrative Procedure", {
	refresh(frm) {
		show_digitisation(frm);
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

// Decision 766 digitisation shares of this procedure's dossiers received this year
// (procedures/digitisation.py), under the user's agency scope.
function show_digitisation(frm) {
	const field = frm.get_field("digitisation_html");
	if (!field) return;
	if (frm.is_new() || !frm.doc.procedure_code) {
		field.$wrapper.empty();
		return;
	}
	frappe
		.xcall("onestop.procedures.digitisation.procedure_rates", {
			procedure_code: frm.doc.procedure_code,
		})
		.then((r) => {
			const share = (value) => (value === null || value === undefined ? "–" : `${value}%`);
			const rows = [
				[__("Dossiers received this year"), r.received],
				[__("% Dossiers Fully Digitised"), share(r.all_digitised_rate)],
				[__("% Results Digitised"), share(r.result_digitised_rate)],
				[__("% Dossiers Reusing Stored Documents"), share(r.reuse_rate)],
			];
			field.$wrapper.html(
				`<table class="table table-bordered" style="max-width: 480px">${rows
					.map(
						([label, value]) =>
							`<tr><td>${frappe.utils.escape_html(
								label
							)}</td><td class="text-right">${frappe.utils.escape_html(
								String(value)
							)}</td></tr>`
					)
					.join("")}</table>`
			);
		});
}
