// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

frappe.ui.form.on("Plan Task", {
	refresh(frm) {
		show_overdue(frm);
		const open = !["Submitted", "Done"].includes(frm.doc.status);
		if (!frm.is_new() && open && frm.perm[0] && frm.perm[0].write) {
			frm.add_custom_button(__("Record Progress"), () => record_progress(frm));
		}
		if (!frm.is_new() && frm.doc.status !== "Done" && frappe.user.has_role("Plan Coordinator")) {
			frm.add_custom_button(__("Assign to Agency"), () => assign_to_agency(frm));
		}
		if (frm.doc.annual_plan) {
			frm.add_custom_button(__("Tasks of this Plan"), () =>
				frappe.set_route("List", "Plan Task", { annual_plan: frm.doc.annual_plan })
			);
		}
	},

	before_workflow_action(frm) {
		// Returning a task needs a reason (stored on the task; the server refuses a return without one).
		return onestop.ask_before_action(frm, {
			Return: { fieldname: "return_reason", fieldtype: "Small Text", label: "Reason for Return" },
		});
	},
});

function show_overdue(frm) {
	if (frm.is_new() || frm.doc.status === "Done" || !frm.doc.due_date) return;
	const days = frappe.datetime.get_diff(frappe.datetime.get_today(), frm.doc.due_date);
	if (days > 0) {
		frm.dashboard.set_headline_alert(
			__("Overdue by {0} days (due {1})", [days, frappe.datetime.str_to_user(frm.doc.due_date)]),
			"red"
		);
	}
}

function record_progress(frm) {
	// One row appended on the server (onestop.planning.progress.add_progress): no save of the
	// whole task, so officers updating the same task never reject each other.
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
			frappe
				.call({
					method: "onestop.planning.progress.add_progress",
					args: { task: frm.doc.name, ...values },
					freeze: true,
				})
				.then(() => {
					dialog.hide();
					frappe.show_alert({ message: __("Progress recorded"), indicator: "green" });
					frm.reload_doc();
				});
		},
	});
	dialog.show();
}

function assign_to_agency(frm) {
	// Frappe assigns to users; an agency's focal points stand for it (one ToDo each), and
	// later changes of its focal points are followed on the server.
	frappe.prompt(
		{
			fieldname: "agency",
			fieldtype: "Link",
			options: "Agency",
			label: __("Agency"),
			reqd: 1,
			default: frm.doc.assigned_agency || frm.doc.lead_agency,
		},
		({ agency }) =>
			frappe
				.call({
					method: "onestop.planning.assignment.assign_task_to_agency",
					args: { task: frm.doc.name, agency },
					freeze: true,
				})
				.then(({ message }) => {
					frappe.show_alert({
						message: message.length
							? __("Assigned to {0}", [message.join(", ")])
							: __("The agency's focal points already hold this task"),
						indicator: "green",
					});
					frm.reload_doc();
				}),
		__("Assign to Agency"),
		__("Assign")
	);
}
