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
