// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

frappe.ui.form.on("Civil Servant", {
	refresh(frm) {
		const data = frm.doc.__onload || {};
		const field = frm.get_field("history_html");
		if (frm.is_new() || !field) return;
		const date = (d) => (d ? frappe.datetime.str_to_user(d) : "");
		const link = (doctype, name) =>
			`<a href="/app/${frappe.router.slug(doctype)}/${encodeURIComponent(
				name
			)}">${frappe.utils.escape_html(name)}</a>`;
		const secondments = (data.secondments || [])
			.map(
				(s) => `<tr><td>${link("Staff Secondment", s.name)}</td><td>${__(s.status)}</td>
				<td>${date(s.from_date)} – ${date(s.ended_on || s.to_date)}</td><td>${frappe.utils.escape_html(
					s.counter || ""
				)}</td></tr>`
			)
			.join("");
		const training = (data.training || [])
			.map(
				(t) => `<tr><td>${link("Training Course", t.course)}</td><td>${frappe.utils.escape_html(
					t.course_title
				)}</td>
				<td>${date(t.start_date)}</td><td>${t.attended ? __("Attended") : __("Absent")}</td>
				<td>${t.result ? __(t.result) : ""} ${t.score != null && t.attended ? "(" + t.score + ")" : ""}</td></tr>`
			)
			.join("");
		const table = (title, head, rows) =>
			`<h6 class="mt-3">${title}</h6>` +
			(rows
				? `<table class="table table-sm table-bordered"><thead><tr>${head
						.map((h) => `<th>${h}</th>`)
						.join("")}</tr></thead><tbody>${rows}</tbody></table>`
				: `<p class="text-muted">${__("None yet")}</p>`);
		field.$wrapper.html(
			table(
				__("Secondments"),
				[__("Secondment"), __("Status"), __("Dates"), __("Counter")],
				secondments
			) +
				table(
					__("Training"),
					[__("Course"), __("Title"), __("Starts"), __("Attendance"), __("Result")],
					training
				)
		);
	},
});
