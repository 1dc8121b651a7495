// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

frappe.query_reports["Plan Progress"] = {
	filters: [
		{ fieldname: "annual_plan", label: __("Annual Plan"), fieldtype: "Link", options: "Annual Plan" },
		{
			fieldname: "as_of",
			label: __("As Of"),
			fieldtype: "Date",
			default: frappe.datetime.get_today(),
			reqd: 1,
		},
		{
			fieldname: "group_by",
			label: __("Group By"),
			fieldtype: "Select",
			options: ["Quarter", "Lead Agency"],
			default: "Quarter",
		},
	],
	formatter(value, row, column, data, default_formatter) {
		const html = default_formatter(value, row, column, data);
		const standing = {
			tasks: {},
			done_on_time: { status: "Done" },
			done_late: { status: "Done" },
			overdue: {
				status: ["!=", "Done"],
				due_date: ["<", frappe.query_report.get_filter_value("as_of")],
			},
			in_progress: { status: ["in", ["In Progress", "Submitted", "Returned"]] },
			not_started: { status: "Not Started" },
		}[column.fieldname];
		if (data && column.fieldname === "shares" && value) {
			// the agencies' shares it counts (Plan Task Assignment), by agency or quarter
			const by =
				frappe.query_report.get_filter_value("group_by") === "Lead Agency" ? "agency" : "quarter";
			const filters = { [by]: data.unset ? ["is", "not set"] : data.group };
			const plan = frappe.query_report.get_filter_value("annual_plan");
			if (plan) filters.annual_plan = plan;
			const query = Object.entries(filters)
				.map(([k, v]) => `${k}=${encodeURIComponent(typeof v === "string" ? v : JSON.stringify(v))}`)
				.join("&");
			return `<a href="/app/plan-task-assignment?${query}">${html}</a>`;
		}
		if (!data || !standing || !value) return html;
		// each count opens the tasks it counts (done on time / late open the group's done tasks)
		const by =
			frappe.query_report.get_filter_value("group_by") === "Lead Agency" ? "lead_agency" : "quarter";
		// a row that counts agencies' shares opens the tasks it counted, by name (a share is
		// counted under its agency, which is not its task's lead)
		const filters =
			data.shares && data.names
				? { name: ["in", data.names[column.fieldname] || []] }
				: { ...standing, [by]: data.unset ? ["is", "not set"] : data.group };
		const plan = frappe.query_report.get_filter_value("annual_plan");
		if (plan) filters.annual_plan = plan;
		const query = Object.entries(filters)
			.map(([k, v]) => `${k}=${encodeURIComponent(typeof v === "string" ? v : JSON.stringify(v))}`)
			.join("&");
		return `<a href="/app/plan-task?${query}">${html}</a>`;
	},
};
