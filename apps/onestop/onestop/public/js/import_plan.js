// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

// Importing a plan (Annual Plan list and form): attach its file (.txt, .docx, .pdf) or paste
// its text, read it, review every task in a grid (lead and co-operating agencies, deadline,
// lines that are not tasks), then import. A lead the register did not know, corrected to an
// agency, can be remembered as that agency's alias for the province's next plans.
frappe.provide("onestop");

onestop.import_plan_dialog = function () {
	let reviewed = null; // {plan, source_name} once read
	const dialog = new frappe.ui.Dialog({
		title: __("Import Plan Text"),
		size: "extra-large",
		fields: [
			{ fieldname: "file_url", fieldtype: "Attach", label: __("Plan File (.txt, .docx, .pdf)") },
			{ fieldname: "year", fieldtype: "Int", label: __("Year (when the document gives none)") },
			{ fieldname: "col", fieldtype: "Column Break" },
			{ fieldname: "text", fieldtype: "Long Text", label: __("Or Paste the Text") },
			{ fieldname: "review_section", fieldtype: "Section Break", label: __("Review"), hidden: 1 },
			{ fieldname: "summary", fieldtype: "HTML" },
			{
				fieldname: "tasks",
				fieldtype: "Table",
				label: __("Tasks"),
				cannot_add_rows: true,
				in_place_edit: true,
				data: [],
				fields: [
					{
						fieldname: "ref",
						fieldtype: "Data",
						label: __("Reference"),
						in_list_view: 1,
						read_only: 1,
						columns: 1,
					},
					{
						fieldname: "title",
						fieldtype: "Data",
						label: __("Title"),
						in_list_view: 1,
						columns: 3,
					},
					{
						fieldname: "lead_agency",
						fieldtype: "Link",
						options: "Agency",
						label: __("Lead Agency"),
						in_list_view: 1,
						columns: 2,
					},
					{ fieldname: "lead", fieldtype: "Data", label: __("Lead as Written"), read_only: 1 },
					{ fieldname: "remember", fieldtype: "Check", label: __("Remember as Alias") },
					{
						fieldname: "co_text",
						fieldtype: "Small Text",
						label: __("Co-operating Agencies (one a line)"),
						in_list_view: 1,
						columns: 2,
					},
					{
						fieldname: "deadline_text",
						fieldtype: "Data",
						label: __("Deadline as Written"),
						in_list_view: 1,
						columns: 1,
					},
					{
						fieldname: "due",
						fieldtype: "Date",
						label: __("Due Date"),
						in_list_view: 1,
						columns: 1,
					},
					{ fieldname: "flags", fieldtype: "Small Text", label: __("Needs Review"), read_only: 1 },
				],
			},
		],
		primary_action_label: __("Read"),
		primary_action: (values) => (reviewed ? importReviewed() : read(values)),
		secondary_action_label: __("Import as Read"),
		secondary_action: () => importAsRead(dialog.get_values()),
	});

	function read(values) {
		if (!values.file_url && !values.text) {
			frappe.msgprint(__("Attach the plan's file or paste its text."));
			return;
		}
		frappe
			.xcall("onestop.planning.api.review_plan", {
				text: values.text || null,
				file_url: values.file_url || null,
				year: values.year || null,
			})
			.then((result) => {
				reviewed = result;
				const rows = result.plan.tasks.map((t) => ({
					key: t.key,
					ref: t.ref,
					title: t.title,
					lead: t.lead,
					lead_agency: t.lead_agency || "",
					co_text: (t.co_agencies || []).join("\n"),
					deadline_text: t.deadline_text,
					due: t.due,
					flags:
						[...(t.notes || []), ...(t.warnings || [])].join("\n") ||
						(t.needs_review ? __("Yes") : ""),
				}));
				dialog.set_df_property("review_section", "hidden", 0);
				dialog.fields_dict.summary.$wrapper.html(
					`<p>${__(
						"Delete the rows that are not tasks, correct the agencies and deadlines, then Import."
					)}</p>` + `<pre class="small">${frappe.utils.escape_html(result.summary)}</pre>`
				);
				dialog.fields_dict.tasks.df.data = rows;
				dialog.fields_dict.tasks.grid.refresh();
				dialog.set_primary_action(__("Import"), importReviewed);
			});
	}

	function importReviewed() {
		const rows = dialog.fields_dict.tasks.df.data;
		const byKey = Object.fromEntries(reviewed.plan.tasks.map((t) => [t.key, t]));
		const tasks = rows.map((row) => ({
			...byKey[row.key],
			title: row.title,
			lead_agency: row.lead_agency || null,
			co_agencies: (row.co_text || "")
				.split("\n")
				.map((s) => s.trim())
				.filter(Boolean),
			deadline_text: row.deadline_text,
			due: row.due || null,
		}));
		const aliases = rows
			.filter((row) => row.remember && row.lead && row.lead_agency && row.lead !== row.lead_agency)
			.map((row) => [row.lead, row.lead_agency]);
		frappe
			.xcall("onestop.planning.api.import_reviewed_plan", {
				plan: { ...reviewed.plan, tasks },
				aliases,
				source_name: reviewed.source_name,
			})
			.then(done);
	}

	function importAsRead(values) {
		frappe
			.xcall("onestop.planning.api.import_plan", {
				text: values.text || null,
				file_url: values.file_url || null,
				year: values.year || null,
			})
			.then(done);
	}

	function done(report) {
		dialog.hide();
		frappe.show_alert({ message: __("Plan imported"), indicator: "green" });
		frappe.set_route("Form", "Annual Plan", report.plan);
	}

	dialog.show();
};
