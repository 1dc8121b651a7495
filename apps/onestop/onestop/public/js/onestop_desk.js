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

// Frappe's Gantt opens in day scale whatever the records' span (the user's last choice aside), and
// frappe-gantt draws a record with neither date as a bar at today, which pulls the chart there.
// Two options of a DocType's calendar settings (frappe.views.calendar[doctype].gantt), read here:
// view_mode, the scale until the user picks one ("Day", "Week", "Month", "Year"); dated_only,
// only the records with a start or an end date (frappe-gantt cannot place the others).
// frappe-gantt is given no language, so it writes its month names in English: each drawing's
// dates are translated (__("January") … in the app's translations).
const GANTT_MONTHS = [
	"January",
	"February",
	"March",
	"April",
	"May",
	"June",
	"July",
	"August",
	"September",
	"October",
	"November",
	"December",
];
if (frappe.views.GanttView) {
	frappe.views.GanttView = class OnestopGanttView extends frappe.views.GanttView {
		render_gantt() {
			// frappe-gantt cannot draw no bars (it reads the first bar's date): the list's own
			// "nothing found" shows instead
			if (!this.data || !this.data.length) return;
			super.render_gantt();
			this.translate_dates();
			const on_view_change = this.gantt.options.on_view_change;
			this.gantt.options.on_view_change = (mode) => {
				on_view_change && on_view_change(mode);
				this.translate_dates();
			};
		}

		translate_dates() {
			this.$result.find(".lower-text, .upper-text").each(function () {
				let text = this.textContent;
				for (const month of GANTT_MONTHS) text = text.replace(month, __(month));
				this.textContent = text;
			});
		}

		get_args() {
			const args = super.get_args();
			const map = this.calendar_settings.field_map || {};
			if (this.calendar_settings.dated_only && map.start && map.end) {
				args.or_filters = [
					[this.doctype, map.start, "is", "set"],
					[this.doctype, map.end, "is", "set"],
				];
			}
			return args;
		}

		get view_user_settings() {
			// what the user last chose, else the DocType's scale (ListView reads this afresh)
			const chosen = super.view_user_settings;
			const view_mode = this.calendar_settings && this.calendar_settings.view_mode;
			return chosen.gantt_view_mode || !view_mode ? chosen : { ...chosen, gantt_view_mode: view_mode };
		}
	};
}

// A Datetime field's description: Frappe appends the time zone to it, then translates the whole
// ("… <br>Asia/Ho_Chi_Minh" has no translation), so every described Datetime field showed its
// help in English. Translated before the zone is appended.
if (frappe.ui.form.ControlDatetime) {
	const set_description = frappe.ui.form.ControlDatetime.prototype.set_description;
	frappe.ui.form.ControlDatetime.prototype.set_description = function (...args) {
		if (this.df.description && !this.df.description.includes("<br>")) {
			this.df.description = __(this.df.description);
		}
		return set_description.apply(this, args);
	};
}

// A query report's total row: Frappe labels it "Total" as a bare Data value (query_report.js
// prepare_columns, column {fieldtype: "Data"} alone), which no formatter translates.
const format_data = frappe.form.formatters.Data;
frappe.form.formatters.Data = function (value, df, ...rest) {
	if (value === "Total" && df && Object.keys(df).length === 1) return __("Total");
	return format_data.call(this, value, df, ...rest);
};

// A Link to "DocType" names a kind of record (a budget charge's "Training Course", a reminder's
// document type): shown by its Vietnamese name, as Frappe shows the values of DocTypes marked
// translated (frappe.boot.translated_doctypes, read by the Link control and the list view); the
// stored value stays the DocType's name, and the control shows that name while it is edited.
if (frappe.boot && !(frappe.boot.translated_doctypes || []).includes("DocType")) {
	frappe.boot.translated_doctypes = [...(frappe.boot.translated_doctypes || []), "DocType"];
}
// … and where the field is read-only to a user who cannot open DocTypes (the formatter then
// returns the bare name)
frappe.form.link_formatters["DocType"] = (value) => (value ? __(value) : value);

// frappe-charts redraws a chart on every resize of its parent (a ResizeObserver) and, redrawing,
// removes its previous drawing from its container. When the desk has meanwhile replaced that
// drawing (a workspace or report rendering the same chart again while it was drawn), the removal
// threw "Failed to execute 'removeChild' on 'Node'" as an uncaught error on the page. The drawing
// it meant to remove is already gone: the chart forgets it and draws afresh.
if (frappe.Chart && !frappe.Chart.onestop_guarded) {
	const Chart = frappe.Chart;
	frappe.Chart = function (parent, options) {
		const chart = new Chart(parent, options);
		const make_area = chart && chart.makeChartArea;
		if (make_area) {
			chart.makeChartArea = function (...args) {
				if (this.svg && this.svg.parentNode !== this.container) this.svg = null;
				return make_area.apply(this, args);
			};
		}
		return chart;
	};
	frappe.Chart.onestop_guarded = true;
}

// Frappe's Guest user: what citizens do without logging in (a queue number taken at the kiosk,
// a rating) is shown as done by "Guest", the user's ID, when the desk knows no name for it
if (frappe.boot && frappe.boot.user_info && !frappe.boot.user_info.Guest) {
	frappe.boot.user_info.Guest = { fullname: __("Guest"), name: "Guest" };
}
