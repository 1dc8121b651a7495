// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

frappe.ui.form.on("Plan Task", {
	refresh(frm) {
		show_overdue(frm);
		const open = !["Submitted", "Done"].includes(frm.doc.status);
		if (!frm.is_new() && open && frm.perm[0] && frm.perm[0].write) {
			frm.add_custom_button(__("Record Progress"), () => onestop.record_progress(frm));
		}
		if (!frm.is_new() && frm.doc.status !== "Done" && frappe.user.has_role("Plan Coordinator")) {
			frm.add_custom_button(__("Assign to Agency"), () => assign_to_agency(frm));
			frm.add_custom_button(__("Share Among Agencies"), () => share_among_agencies(frm));
		}
		if (!frm.is_new()) {
			frm.add_custom_button(__("Shares of the Agencies"), () =>
				frappe.set_route("List", "Plan Task Assignment", { plan_task: frm.doc.name })
			);
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

function share_among_agencies(frm) {
	// joint leads, or members added to a collective's task: one share per agency (the server
	// makes those missing; a collective's members get theirs when the task is made)
	frappe.prompt(
		{
			fieldname: "agencies",
			fieldtype: "Table MultiSelect",
			options: "Plan Task Agency",
			label: __("Agencies"),
			reqd: 1,
		},
		({ agencies }) =>
			frappe
				.call({
					method: "onestop.planning.assignments.share_task",
					args: { task: frm.doc.name, agencies: agencies.map((row) => row.agency) },
					freeze: true,
				})
				.then(({ message }) => {
					frappe.show_alert({
						message: __("{0} shares made", [message.length]),
						indicator: "green",
					});
					frm.reload_doc();
				}),
		__("Share Among Agencies"),
		__("Share")
	);
}
