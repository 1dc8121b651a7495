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
		const dialog = frappe.prompt(
			[{ ...input, label: __(input.label), reqd: 1 }],
			async (values) => {
				given = true;
				await frm.set_value(input.fieldname, values[input.fieldname]);
				await frm.save();
				resolve();
			},
			__(frm.selected_workflow_action),
			__(frm.selected_workflow_action)
		);
		dialog.onhide = () => !given && reject();
	});
};
