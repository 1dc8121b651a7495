// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

// The dialog that imports a plan's text (Annual Plan list and form).
frappe.provide("onestop");

onestop.import_plan_dialog = function () {
	const dialog = new frappe.ui.Dialog({
		title: __("Import Plan Text"),
		fields: [
			{
				fieldname: "file_url",
				fieldtype: "Attach",
				label: __("Plan File (UTF-8 text)"),
			},
			{
				fieldname: "text",
				fieldtype: "Long Text",
				label: __("Or Paste the Text"),
			},
			{ fieldname: "preview", fieldtype: "HTML" },
		],
		primary_action_label: __("Import"),
		primary_action: (values) => run(values, false),
		secondary_action_label: __("Preview"),
		secondary_action: () => run(dialog.get_values(), true),
	});

	function run(values, dry_run) {
		if (!values.file_url && !values.text) {
			frappe.msgprint(__("Attach the plan's file or paste its text."));
			return;
		}
		frappe
			.xcall("onestop.planning.api.import_plan", {
				text: values.text || null,
				file_url: values.file_url || null,
				dry_run: dry_run ? 1 : 0,
			})
			.then((report) => {
				const html = `<pre class="small">${frappe.utils.escape_html(report.summary)}</pre>`;
				dialog.fields_dict.preview.$wrapper.html(html);
				if (!dry_run) {
					dialog.hide();
					frappe.show_alert({ message: __("Plan imported"), indicator: "green" });
					frappe.set_route("Form", "Annual Plan", report.plan);
				}
			});
	}

	dialog.show();
};
