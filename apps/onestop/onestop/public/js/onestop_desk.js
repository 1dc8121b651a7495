// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

// Shared by onestop's forms (included on every desk page through app_include_js).
frappe.provide("onestop");

// Before a workflow action that needs a value from the user (a reason, a channel), ask for it,
// save it, then let the action run; closing the dialog cancels the action. The server checks
// the value too. inputs: {action: {fieldname, fieldtype, label, options?}}.
onestop.ask_before_action = function (frm, inputs) {
	const input = inputs[frm.selected_workflow_action];
	if (!input) return;
	frappe.dom.unfreeze();
	return new Promise((resolve, reject) => {
		let given = false;
		// a Dialog rather than frappe.prompt, which hides itself (and so would cancel) before
		// its callback runs
		const dialog = new frappe.ui.Dialog({
			title: __(frm.selected_workflow_action),
			fields: [{ ...input, label: __(input.label), reqd: 1 }],
			primary_action_label: __(frm.selected_workflow_action),
			primary_action: async (values) => {
				given = true;
				dialog.hide();
				await frm.set_value(input.fieldname, values[input.fieldname]);
				// the same value as stored leaves nothing to save (and Frappe's save would
				// then never settle): the action runs on the stored value
				if (frm.is_dirty()) await frm.save();
				resolve();
			},
		});
		dialog.onhide = () => !given && reject();
		dialog.show();
	});
};

// Record progress on a plan task or an agency's share of one: one row appended on the server
// (onestop.planning.progress), with its evidence, in one step; no save of the whole record, so
// officers updating the same task never reject each other.
onestop.record_progress = function (frm) {
	const method =
		frm.doctype === "Plan Task Assignment"
			? "onestop.planning.progress.add_share_progress"
			: "onestop.planning.progress.add_progress";
	const key = frm.doctype === "Plan Task Assignment" ? "assignment" : "task";
	const dialog = new frappe.ui.Dialog({
		title: __("Record Progress"),
		fields: [
			{
				fieldname: "progress",
				fieldtype: "Percent",
				label: __("Progress"),
				default: frm.doc.progress || 0,
			},
			{ fieldname: "note", fieldtype: "Small Text", label: __("Note"), reqd: 1 },
			{ fieldname: "evidence_section", fieldtype: "Section Break", label: __("Evidence") },
			{ fieldname: "attachment", fieldtype: "Attach", label: __("Attachment") },
			{ fieldname: "description", fieldtype: "Data", label: __("Description") },
		],
		primary_action_label: __("Save"),
		primary_action(values) {
			frappe.call({ method, args: { [key]: frm.doc.name, ...values }, freeze: true }).then(() => {
				dialog.hide();
				frappe.show_alert({ message: __("Progress recorded"), indicator: "green" });
				frm.reload_doc();
			});
		},
	});
	dialog.show();
};
