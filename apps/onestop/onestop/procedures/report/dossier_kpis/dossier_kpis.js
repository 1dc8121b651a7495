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
