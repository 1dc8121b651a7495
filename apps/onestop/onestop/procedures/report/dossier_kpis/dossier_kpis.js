// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

const GROUP_FIELD = {
	"Competent Agency": "competent_agency",
	"Procedure Field": "field",
	Procedure: "procedure_code",
};
// which dossiers a count is made of (see onestop/procedures/kpi_queries.py)
const DRILL = {
	received: {},
	resolved: { resolved_at: ["is", "set"] },
	early: { resolution: "Early" },
	on_time: { resolution: "On Time" },
	late: { resolution: "Late" },
	pending: { status: ["in", ["Received", "Processing", "Supplement Requested"]] },
	overdue: { status: ["in", ["Received", "Processing"]], due_at: ["<", frappe.datetime.now_datetime()] },
};

frappe.query_reports["Dossier KPIs"] = {
	filters: [
		{
			fieldname: "from_date",
			label: __("Received From"),
			fieldtype: "Date",
			default: frappe.datetime.year_start(),
		},
		{
			fieldname: "to_date",
			label: __("Received To"),
			fieldtype: "Date",
			default: frappe.datetime.get_today(),
		},
		{
			fieldname: "group_by",
			label: __("Group By"),
			fieldtype: "Select",
			options: ["Competent Agency", "Procedure Field", "Procedure", "Month"],
			default: "Competent Agency",
		},
		{
			fieldname: "competent_agency",
			label: __("Competent Agency"),
			fieldtype: "Link",
			options: "Agency",
		},
		{ fieldname: "field", label: __("Procedure Field"), fieldtype: "Link", options: "Procedure Field" },
		{ fieldname: "procedure_code", label: __("National Code"), fieldtype: "Data" },
		{
			fieldname: "channel",
			label: __("Channel"),
			fieldtype: "Select",
			options: ["", "Direct", "Online", "Postal"],
		},
	],
	onload(report) {
		// the Decision 766 indicators of the report's period and agency as a file (README:
		// the export's column layout; onestop/procedures/indicators.py)
		report.page.add_inner_button(__("Export Decision 766 Indicators"), () => {
			const f = report.get_filter_values();
			const dialog = new frappe.ui.Dialog({
				title: __("Export Decision 766 Indicators"),
				fields: [
					{
						fieldname: "file_format",
						label: __("File Format"),
						fieldtype: "Select",
						options: [
							{ value: "xlsx", label: "Excel (XLSX)" },
							{ value: "csv", label: "CSV" },
						],
						default: "xlsx",
						reqd: 1,
					},
				],
				primary_action_label: __("Export"),
				primary_action(values) {
					const args = {
						from_date: f.from_date,
						to_date: f.to_date,
						file_format: values.file_format,
					};
					if (f.competent_agency) args.agency = f.competent_agency;
					const query = new URLSearchParams(args).toString();
					window.open(`/api/method/onestop.procedures.indicators.download?${query}`);
					dialog.hide();
				},
			});
			dialog.show();
		});
	},
	formatter(value, row, column, data, default_formatter) {
		const html = default_formatter(value, row, column, data);
		if (!data || !(column.fieldname in DRILL) || !value) return html;
		return `<a href="${drill_url(column.fieldname, data)}" target="_blank">${html}</a>`;
	},
};

function drill_url(fieldname, data) {
	const f = frappe.query_report.get_filter_values();
	const filters = {
		received_at: ["between", [f.from_date, f.to_date]],
		...DRILL[fieldname],
	};
	for (const key of ["competent_agency", "field", "procedure_code", "channel"]) {
		if (f[key]) filters[key] = f[key];
	}
	const group_field = GROUP_FIELD[f.group_by];
	if (group_field && data.group) filters[group_field] = data.group;
	if (f.group_by === "Month" && data.group) {
		const [y, m] = data.group.split("-").map(Number);
		const last = new Date(y, m, 0).getDate();
		filters.received_at = ["between", [`${data.group}-01`, `${data.group}-${last}`]];
	}
	const query = Object.entries(filters)
		.map(([k, v]) => `${k}=${encodeURIComponent(typeof v === "string" ? v : JSON.stringify(v))}`)
		.join("&");
	return `/app/dossier?${query}`;
}
