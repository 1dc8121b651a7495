// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

frappe.query_reports["Consolidated Weekly Report"] = {
	filters: [
		{
			fieldname: "week",
			label: __("Week"),
			fieldtype: "Data",
			reqd: 1,
			default: (() => {
				// the ISO week of today, e.g. 2026-W48
				const d = new Date();
				const t = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
				t.setUTCDate(t.getUTCDate() + 4 - (t.getUTCDay() || 7));
				const start = new Date(Date.UTC(t.getUTCFullYear(), 0, 1));
				const week = Math.ceil(((t - start) / 86400000 + 1) / 7);
				return `${t.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
			})(),
		},
	],
	formatter(value, row, column, data, default_formatter) {
		const html = default_formatter(value, row, column, data);
		if (column.fieldname !== "standing" || !data) return html;
		const colour = data.filed ? (data.late ? "orange" : "green") : data.late ? "red" : "grey";
		return `<span class="indicator-pill ${colour}">${html}</span>`;
	},
};
