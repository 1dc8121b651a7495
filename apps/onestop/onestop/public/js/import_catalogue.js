// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

// The dialog that imports a procedure catalogue, all or nothing (Administrative Procedure and
// Procedure Field lists). The file is Data Import's template, so "Download Template" gives it.
frappe.provide("onestop");

onestop.import_catalogue_dialog = function (doctype) {
	const dialog = new frappe.ui.Dialog({
		title: __("Import {0}", [__(doctype)]),
		fields: [
			{
				fieldname: "help",
				fieldtype: "HTML",
				options: `<p class="text-muted small">${__(
					"A CSV or Excel file in the Data Import template of {0}. Every row is checked first; one bad row and nothing is imported.",
					[__(doctype)]
				)} <a href="#" class="onestop-template">${__("Download Template")}</a></p>`,
			},
			{ fieldname: "file_url", fieldtype: "Attach", label: __("File"), reqd: 1 },
			{ fieldname: "result", fieldtype: "HTML" },
		],
		primary_action_label: __("Import"),
		primary_action: (values) => run(values, false),
		secondary_action_label: __("Check"),
		secondary_action: () => run(dialog.get_values(), true),
	});
	dialog.$wrapper.find(".onestop-template").on("click", (e) => {
		e.preventDefault();
		frappe.require("data_import_tools.bundle.js", () => {
			new frappe.data_import.DataExporter(doctype, "Insert New Records");
		});
	});

	function run(values, dry_run) {
		if (!values || !values.file_url) return;
		frappe
			.xcall("onestop.procedures.catalogue_import.import_catalogue_file", {
				doctype,
				file_url: values.file_url,
				dry_run: dry_run ? 1 : 0,
			})
			.then((r) => {
				const message = dry_run
					? __("{0} records can be imported; {1} are already there.", [
							r.created.length,
							r.existing.length,
					  ])
					: __("{0} records imported; {1} were already there.", [
							r.created.length,
							r.existing.length,
					  ]);
				dialog.fields_dict.result.$wrapper.html(`<p class="text-success">${message}</p>`);
				if (!dry_run) {
					dialog.hide();
					frappe.show_alert({ message, indicator: "green" });
					cur_list && cur_list.refresh();
				}
			});
	}

	dialog.show();
};
