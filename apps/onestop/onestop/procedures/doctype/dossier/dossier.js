// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

// What each workflow action needs from the user before it runs (the server checks it too).
const ACTION_INPUTS = {
	"Request Supplement": {
		fieldname: "supplement_reason",
		fieldtype: "Small Text",
		label: "What to Supplement",
	},
	Refuse: { fieldname: "refusal_reason", fieldtype: "Small Text", label: "Reason for Refusal" },
	Withdraw: { fieldname: "withdrawn_reason", fieldtype: "Small Text", label: "Reason for Withdrawal" },
	"Return Result": {
		fieldname: "return_channel",
		fieldtype: "Select",
		label: "Return Channel",
		options: "Direct\nPostal\nOnline",
	},
};
const OPEN = ["Received", "Processing", "Supplement Requested"];

frappe.ui.form.on("Dossier", {
	refresh(frm) {
		if (frm.is_new()) return;
		show_timing(frm);
		if (frm.doc.status === "Processing" && frm.perm[0] && frm.perm[0].write) {
			frm.add_custom_button(__("Hand On to Next Stage"), () => complete_stage(frm));
		}
		if (OPEN.includes(frm.doc.status) && is_late(frm) && !frm.doc.apology_issued_at) {
			frm.add_custom_button(__("Issue Apology"), () => issue_apology(frm)).addClass("btn-danger");
		}
		add_form_prints(frm);
		add_signature_buttons(frm);
	},

	before_workflow_action(frm) {
		return onestop.ask_before_action(frm, ACTION_INPUTS);
	},
});

function is_late(frm) {
	return frm.doc.due_at && frappe.datetime.now_datetime() > frm.doc.due_at;
}

function show_timing(frm) {
	if (!frm.doc.due_at) return;
	const due = frappe.datetime.str_to_user(frm.doc.due_at);
	if (frm.doc.resolution) {
		const colour = frm.doc.resolution === "Late" ? "red" : "green";
		frm.dashboard.set_headline_alert(
			__("Settled {0} (appointment {1})", [__(frm.doc.resolution).toLowerCase(), due]),
			colour
		);
	} else if (OPEN.includes(frm.doc.status) && is_late(frm)) {
		frm.dashboard.set_headline_alert(__("Past its appointment ({0})", [due]), "red");
	}
}

function complete_stage(frm) {
	const stage = (frm.doc.stages || []).find((s) => !s.completed_at);
	frappe.prompt(
		[{ fieldname: "note", fieldtype: "Small Text", label: __("Note") }],
		({ note }) =>
			frappe
				.xcall("onestop.procedures.api.complete_stage", { name: frm.doc.name, note: note || null })
				.then(() => frm.reload_doc()),
		stage ? __("Finish stage: {0}", [stage.stage_name]) : __("Hand On"),
		__("Hand On")
	);
}

function issue_apology(frm) {
	frappe.prompt(
		[
			{ fieldname: "reason", fieldtype: "Small Text", label: __("Reason for the Delay"), reqd: 1 },
			{ fieldname: "new_due_at", fieldtype: "Datetime", label: __("New Appointment"), reqd: 1 },
			{
				fieldname: "extension_requested",
				fieldtype: "Check",
				label: __("Request an Extension"),
				default: frm.doc.forms_regime === "2025" ? 1 : 0,
			},
		],
		(values) =>
			frappe
				.xcall("onestop.procedures.api.issue_apology", { name: frm.doc.name, ...values })
				.then(() => frm.reload_doc()),
		__("Issue Apology"),
		__("Issue")
	);
}

function add_form_prints(frm) {
	// The forms of the circular in force on the receipt date (see onestop/legal_regimes.py).
	frappe.xcall("onestop.procedures.forms.forms_for_dossier", { name: frm.doc.name }).then((forms) => {
		for (const form of forms) {
			frm.add_custom_button(
				form.label,
				() => {
					const url = `/printview?doctype=Dossier&name=${encodeURIComponent(
						frm.doc.name
					)}&format=${encodeURIComponent(form.print_format)}&no_letterhead=1&trigger_print=0`;
					window.open(url, "_blank");
				},
				__("Forms")
			);
		}
	});
}

// The result signed by the competent agency (PAdES) and its check (procedures/signing.py).
const SIGNABLE = ["Approved", "Result Ready", "Result Returned"];

function add_signature_buttons(frm) {
	const can_write = frm.perm[0] && frm.perm[0].write;
	if (SIGNABLE.includes(frm.doc.status) && can_write) {
		frm.add_custom_button(
			frm.doc.signed_result ? __("Sign a New Result") : __("Sign Result"),
			() => sign_result(frm),
			__("Digital Signature")
		);
	}
	if (frm.doc.signed_result) {
		frm.add_custom_button(__("Check Signature"), () => check_signature(frm), __("Digital Signature"));
	}
}

function sign_result(frm) {
	frappe.prompt(
		[
			{
				fieldname: "result_file",
				fieldtype: "Attach",
				label: __("Result PDF"),
				description: __(
					"Leave empty to sign the result notice printed from the dossier, or the Result File already attached."
				),
				reqd: frm.doc.signed_result ? 1 : 0,
			},
		],
		({ result_file }) =>
			frappe
				.xcall("onestop.procedures.signing.sign_result", {
					dossier: frm.doc.name,
					result_file: result_file || null,
				})
				.then(() => frm.reload_doc()),
		__("Sign with the certificate of {0}", [frm.doc.competent_agency]),
		__("Sign")
	);
}

function check_signature(frm) {
	frappe.xcall("onestop.procedures.signing.verify_result", { dossier: frm.doc.name }).then((r) => {
		const yes_no = (value) => (value ? __("Yes") : __("No"));
		const esc = (value) =>
			frappe.utils.escape_html(value === null || value === undefined ? "" : String(value));
		const ok = r.signed && r.intact && r.valid && r.matches_dossier !== false;
		const rows = [
			[__("Document intact since signing"), yes_no(r.intact)],
			[__("Signature valid"), yes_no(r.valid)],
			[__("Certificate of an agency of this site"), yes_no(r.trusted)],
			[__("Same file as recorded at signing"), yes_no(r.matches_dossier)],
			[__("Signer"), r.signer_common_name],
			[__("Certificate Subject"), r.signer_subject],
			[__("Certificate Serial Number"), r.serial_number],
			[__("Signing Time"), r.signing_time ? frappe.datetime.str_to_user(r.signing_time) + " UTC" : ""],
			[__("Signed By"), r.signed_by],
		];
		frappe.msgprint({
			title: ok ? __("The signature is valid") : __("The signature is NOT valid"),
			indicator: ok ? "green" : "red",
			message: `<table class="table table-bordered">${rows
				.map(([label, value]) => `<tr><td>${esc(label)}</td><td>${esc(value)}</td></tr>`)
				.join("")}</table>`,
		});
	});
}
