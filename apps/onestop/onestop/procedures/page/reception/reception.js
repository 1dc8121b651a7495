// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

// The counter's reception screen (onestop/procedures/reception.py does the work):
// 1. the procedure, found by code or words typed without accents; 2. the applicant, looked up
// by ID number; 3. the components handed in; then save: receipt (form 01), supplement request
// (form 02) or refusal (form 03), printed at once. Keyboard first: every step is reached and
// done with the keys shown on the screen.

frappe.provide("onestop");

const RECEPTION = "onestop.procedures.reception.";
const KINDS = ["Original", "Certified Copy", "Copy"];
const WEEKDAYS = [
	__("Sunday"),
	__("Monday"),
	__("Tuesday"),
	__("Wednesday"),
	__("Thursday"),
	__("Friday"),
	__("Saturday"),
];
const STALE_MS = 10 * 60 * 1000; // a preview older than this is computed again before saving

frappe.pages["reception"].on_page_load = function (wrapper) {
	const page = frappe.ui.make_app_page({
		parent: wrapper,
		title: __("Dossier Reception"),
		single_column: true,
	});
	wrapper.reception = new onestop.Reception(wrapper, page);
};

frappe.pages["reception"].on_page_show = function (wrapper) {
	wrapper.reception && wrapper.reception.focus_start();
};

onestop.Reception = class Reception {
	constructor(wrapper, page) {
		this.wrapper = wrapper;
		this.page = page;
		this.$body = $(page.body).addClass("onestop-reception");
		this.proc = null; // procedure_details of the chosen procedure
		this.fetched_at = 0;
		this.results = [];
		this.highlight = 0;
		this.saving = false;
		this.make();
		this.bind_keys();
		this.render_queue_panel();
		this.focus_start();
	}

	// ------------------------------------------------------------ layout
	make() {
		const e = frappe.utils.escape_html;
		this.$body.html(`
			<div class="onestop-queue-panel"></div>
			<div class="row">
				<div class="col-lg-7">
					<section class="reception-step">
						<h5>${e(__("1. Procedure"))} <kbd>F2</kbd></h5>
						<input type="search" class="form-control procedure-search" autocomplete="off"
							aria-label="${e(__("Procedure"))}"
							placeholder="${e(__("Code or words of the name, with or without accents"))}">
						<div class="list-group procedure-results" role="listbox"></div>
						<div class="procedure-card"></div>
					</section>
					<section class="reception-step components-step">
						<h5>${e(__("3. Components Handed In"))}
							<button type="button" class="btn btn-xs btn-default tick-all">
								${e(__("Tick All Required"))} <kbd>Alt+A</kbd></button></h5>
						<div class="components"><p class="text-muted">${e(__("Choose a procedure to see its components."))}</p></div>
						<div class="reusable-documents"></div>
					</section>
				</div>
				<div class="col-lg-5">
					<section class="reception-step applicant-step">
						<h5>${e(__("2. Applicant"))} <kbd>F3</kbd></h5>
						${this.field("applicant_id", __("ID or Tax Number"), "text", "inputmode='text'")}
						<div class="applicant-note small text-muted"></div>
						${this.field("applicant_name", __("Full Name or Organisation Name"), "text")}
						<div class="form-group">
							<label class="control-label" for="reception-applicant_type">${e(__("Applicant Type"))}</label>
							<select class="form-control" id="reception-applicant_type" data-field="applicant_type">
								<option value="Person">${e(__("Person"))}</option>
								<option value="Organisation">${e(__("Organisation"))}</option>
							</select>
						</div>
						${this.field("phone", __("Phone"), "tel")}
						${this.field("email", __("Email"), "email")}
						${this.field("address", __("Address"), "text")}
						<div class="earlier-dossiers small"></div>
					</section>
					<section class="reception-step summary-step">
						<div class="appointment-box"></div>
						<div class="reception-actions">
							<button type="button" class="btn btn-primary btn-receive">
								${e(__("Receive and Print Receipt"))} <kbd>Ctrl+Enter</kbd></button>
							<button type="button" class="btn btn-default btn-supplement">
								${e(__("Request a Supplement"))} <kbd>Alt+B</kbd></button>
							<button type="button" class="btn btn-default btn-refuse">
								${e(__("Refuse to Receive"))} <kbd>Alt+T</kbd></button>
						</div>
						<div class="reception-result"></div>
					</section>
				</div>
			</div>
			<p class="reception-keys small text-muted">${e(
				__(
					"Keys: F2 procedure, F3 applicant, ↑ ↓ and Enter choose, Enter moves on, Space ticks, Ctrl+Enter receives, Alt+B supplement, Alt+T refuse, Alt+N next dossier."
				)
			)}</p>
		`);
		this.$search = this.$body.find(".procedure-search");
		this.$results = this.$body.find(".procedure-results");
		this.$search.on(
			"input",
			frappe.utils.debounce(() => this.search(), 200)
		);
		this.$search.on("keydown", (ev) => this.search_keys(ev));
		this.$results.on("click", "[data-name]", (ev) => this.choose($(ev.currentTarget).attr("data-name")));
		this.input("applicant_id").on("keydown", (ev) => {
			if (ev.key === "Enter") {
				ev.preventDefault();
				this.lookup().then(() => this.after_lookup());
			}
		});
		this.input("applicant_id").on("change", () => this.lookup());
		for (const name of ["applicant_name", "phone", "address"]) {
			this.input(name).on("keydown", (ev) => {
				if (ev.key === "Enter" && !ev.ctrlKey) {
					ev.preventDefault();
					this.next_after(name);
				}
			});
		}
		this.$body.find(".tick-all").on("click", () => this.tick_all());
		this.$body.find(".btn-receive").on("click", () => this.save("receive"));
		this.$body.find(".btn-supplement").on("click", () => this.ask_reason("supplement"));
		this.$body.find(".btn-refuse").on("click", () => this.ask_reason("refuse"));
		this.$body.on("keydown", ".component-row input[type=checkbox]", (ev) => {
			if (ev.key === "Enter" && !ev.ctrlKey) {
				ev.preventDefault();
				const boxes = this.$body.find(".component-row .received");
				const i = boxes.index(ev.currentTarget);
				if (i >= 0 && i < boxes.length - 1) boxes.eq(i + 1).focus();
				else this.$body.find(".btn-receive").focus();
			}
		});
		this.wrapper.save_action = () => this.save("receive"); // Ctrl+S, Frappe's primary action
	}

	field(name, label, type, extra = "") {
		const e = frappe.utils.escape_html;
		return `<div class="form-group">
			<label class="control-label" for="reception-${name}">${e(label)}</label>
			<input type="${type}" class="form-control" id="reception-${name}" data-field="${name}"
				autocomplete="off" ${extra}>
		</div>`;
	}

	input(name) {
		return this.$body.find(`[data-field="${name}"]`);
	}

	bind_keys() {
		const page = this.page;
		const keys = [
			["ctrl+enter", () => this.save("receive"), __("Receive and Print Receipt")],
			["f2", () => this.focus_start(), __("Find the Procedure")],
			["f3", () => this.input("applicant_id").focus().select(), __("Applicant's ID Number")],
			["alt+a", () => this.tick_all(), __("Tick All Required")],
			["alt+b", () => this.ask_reason("supplement"), __("Request a Supplement")],
			["alt+t", () => this.ask_reason("refuse"), __("Refuse to Receive")],
			["alt+n", () => this.reset(), __("Next Dossier")],
		];
		// listed in Frappe's keyboard shortcuts (Shift+/) for this page
		for (const [shortcut, action, description] of keys) {
			frappe.ui.keys.add_shortcut({ shortcut, page, description, ignore_inputs: true, action });
		}
		// and taken first, in the capture phase, so that no desk-wide key (Frappe's Alt+letter
		// menus, Ctrl+Enter elsewhere) acts while the screen is open
		const actions = Object.fromEntries(keys.map(([shortcut, action]) => [shortcut, action]));
		document.addEventListener(
			"keydown",
			(ev) => {
				if (!$(this.wrapper).is(":visible") || (window.cur_dialog && cur_dialog.display)) return;
				const action = actions[frappe.ui.keys.get_key(ev)];
				if (!action) return;
				ev.preventDefault();
				ev.stopPropagation();
				action();
			},
			true
		);
	}

	render_queue_panel() {
		// the queue's "call next number" panel (issue 14, the queue's own script) when present
		const panel = this.$body.find(".onestop-queue-panel")[0];
		if (onestop.queue && typeof onestop.queue.render_panel === "function") {
			onestop.queue.render_panel(panel);
		}
	}

	focus_start() {
		setTimeout(() => this.$search.focus().select(), 50);
	}

	// ------------------------------------------------------------ 1. procedure
	search() {
		const query = this.$search.val().trim();
		if (!query) {
			this.results = [];
			this.render_results();
			return;
		}
		frappe.xcall(RECEPTION + "search_procedures", { query, limit: 12 }).then((rows) => {
			if (query !== this.$search.val().trim()) return; // typed on since
			this.results = rows || [];
			this.highlight = 0;
			this.render_results();
		});
	}

	render_results() {
		const e = frappe.utils.escape_html;
		if (!this.results.length) {
			const typed = this.$search.val().trim();
			this.$results.html(
				typed ? `<div class="list-group-item text-muted">${e(__("No procedure matches."))}</div>` : ""
			);
			return;
		}
		this.$results.html(
			this.results
				.map(
					(r, i) => `<button type="button" role="option" tabindex="-1"
						class="list-group-item list-group-item-action ${i === this.highlight ? "active" : ""}"
						data-name="${e(r.name)}" aria-selected="${i === this.highlight}">
						<span class="procedure-code">${e(r.procedure_code)}</span>
						${e(r.procedure_name)}
						<small class="d-block">${e(r.competent_agency || "")} · ${e(
						__("{0} working days", [format_days(r.legal_days)])
					)}</small></button>`
				)
				.join("")
		);
	}

	search_keys(ev) {
		if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
			ev.preventDefault();
			if (!this.results.length) return;
			const step = ev.key === "ArrowDown" ? 1 : -1;
			this.highlight = (this.highlight + step + this.results.length) % this.results.length;
			this.render_results();
		} else if (ev.key === "Enter" && !ev.ctrlKey) {
			ev.preventDefault();
			const row = this.results[this.highlight];
			if (row) this.choose(row.name);
		} else if (ev.key === "Escape") {
			this.results = [];
			this.render_results();
		}
	}

	choose(name) {
		return this.preview(name).then(() => {
			this.results = [];
			this.render_results();
			this.$search.val("");
			this.lookup_reusable();
			const id = this.input("applicant_id");
			(id.val() ? this.first_component() : id).focus();
		});
	}

	preview(name) {
		return frappe
			.xcall(RECEPTION + "procedure_details", { procedure: name || this.proc.name })
			.then((proc) => {
				this.proc = proc;
				this.fetched_at = Date.now();
				this.render_procedure();
				this.render_components();
				this.render_appointment();
				this.$body.find(".reception-result").empty();
			});
	}

	render_procedure() {
		const e = frappe.utils.escape_html;
		const p = this.proc;
		this.$body.find(".procedure-card").html(`
			<div class="procedure-chosen">
				<div class="procedure-title"><span class="procedure-code">${e(p.procedure_code)}</span>
					${e(p.procedure_name)}</div>
				<dl class="procedure-facts">
					<dt>${e(__("Competent Agency"))}</dt><dd>${e(p.competent_agency || "")}</dd>
					<dt>${e(__("Processing Time"))}</dt><dd>${e(__("{0} working days", [format_days(p.legal_days)]))}</dd>
					<dt>${e(__("Fee"))}</dt><dd class="procedure-fee">${e(p.fee ? format_currency(p.fee, "VND") : __("No fee"))}${
			p.fee_note ? ` <small class="text-muted">(${e(p.fee_note)})</small>` : ""
		}</dd>
				</dl>
			</div>`);
	}

	// ------------------------------------------------------------ 3. components
	render_components() {
		const e = frappe.utils.escape_html;
		const rows = this.proc.components || [];
		if (!rows.length) {
			this.$body
				.find(".components")
				.html(
					`<p class="text-muted">${e(
						__("This procedure lists no components: add what was handed in below.")
					)}</p>${this.other_row()}`
				);
			return;
		}
		const kind_options = (selected) =>
			KINDS.map(
				(k) => `<option value="${k}" ${k === selected ? "selected" : ""}>${e(__(k))}</option>`
			).join("");
		this.$body.find(".components").html(`
			<table class="table table-sm component-table">
				<thead><tr><th>${e(__("Handed In"))}</th><th>${e(__("Component"))}</th>
					<th>${e(__("Kind"))}</th><th>${e(__("Quantity"))}</th></tr></thead>
				<tbody>${rows
					.map(
						(c, i) => `<tr class="component-row" data-index="${i}">
					<td><input type="checkbox" class="received" id="component-${i}"
						aria-label="${e(c.component)}"></td>
					<td><label for="component-${i}" class="component-name">${e(c.component)}</label>${
							c.optional ? ` <span class="indicator-pill grey">${e(__("Optional"))}</span>` : ""
						}</td>
					<td><select class="form-control input-xs kind" aria-label="${e(__("Kind"))}">${kind_options(
							c.copy_kind || "Original"
						)}</select></td>
					<td><input type="number" min="1" class="form-control input-xs quantity" value="${cint(
						c.quantity || 1
					)}" aria-label="${e(__("Quantity"))}"></td>
				</tr>`
					)
					.join("")}</tbody>
			</table>${this.other_row()}`);
	}

	other_row() {
		const e = frappe.utils.escape_html;
		return `<div class="other-document">
			<input type="text" class="form-control input-sm other-name" autocomplete="off"
				aria-label="${e(__("Other Document Handed In"))}"
				placeholder="${e(__("Other document handed in (optional)"))}">
		</div>`;
	}

	first_component() {
		const box = this.$body.find(".component-row .received").first();
		return box.length ? box : this.$body.find(".other-name");
	}

	tick_all() {
		if (!this.proc) return;
		this.$body.find(".component-row").each((_i, tr) => {
			const c = this.proc.components[cint($(tr).attr("data-index"))];
			if (c && !c.optional) $(tr).find(".received").prop("checked", true);
		});
		this.$body.find(".btn-receive").focus();
	}

	handed_in() {
		const rows = [];
		this.$body.find(".component-row").each((_i, tr) => {
			const $tr = $(tr);
			if (!$tr.find(".received").prop("checked")) return;
			const c = this.proc.components[cint($tr.attr("data-index"))];
			rows.push({
				document: c.component,
				copy_kind: $tr.find(".kind").val(),
				quantity: cint($tr.find(".quantity").val()) || 1,
			});
		});
		const other = (this.$body.find(".other-name").val() || "").trim();
		if (other) rows.push({ document: other, copy_kind: "Original", quantity: 1 });
		return rows;
	}

	missing() {
		if (!this.proc) return [];
		const handed = new Set(this.handed_in().map((r) => r.document));
		return (this.proc.components || [])
			.filter((c) => !c.optional && !handed.has(c.component))
			.map((c) => c.component);
	}

	// ------------------------------------------------------------ 2. applicant
	lookup() {
		const id = (this.input("applicant_id").val() || "").trim();
		const $note = this.$body.find(".applicant-note");
		if (!id || id === this.looked_up) return Promise.resolve();
		this.looked_up = id;
		return frappe
			.xcall(RECEPTION + "find_applicant", {
				applicant_id: id,
				procedure: this.proc ? this.proc.name : null,
			})
			.then((found) => {
				const e = frappe.utils.escape_html;
				if (!found.found) {
					$note.text(__("A new applicant: enter their details."));
					this.$body.find(".earlier-dossiers").empty();
				} else {
					for (const [field, value] of Object.entries(found.applicant)) {
						if (field === "applicant_id" || !value) continue;
						const $input = this.input(field);
						if (!$input.val() || field === "applicant_type") $input.val(value);
					}
					$note.text(
						__("Filled in from {0} earlier dossiers: check them with the applicant.", [
							found.count,
						])
					);
					this.$body.find(".earlier-dossiers").html(
						`<div class="text-muted">${e(__("Earlier dossiers"))}</div><ul>${found.dossiers
							.map(
								(d) => `<li><a href="/app/dossier/${encodeURIComponent(d.name)}"
								target="_blank" rel="noopener">${e(d.name)}</a> ${e(d.procedure_name || "")} · ${e(__(d.status))}</li>`
							)
							.join("")}</ul>`
					);
				}
				this.render_reusable(found.reusable);
			})
			.catch(() => {
				this.looked_up = null;
			});
	}

	after_lookup() {
		const name = this.input("applicant_name");
		if (!name.val()) name.focus();
		else this.first_component().focus();
	}

	lookup_reusable() {
		// the applicant was typed before the procedure: ask again with the procedure
		if (this.looked_up) {
			const id = this.looked_up;
			this.looked_up = null;
			this.input("applicant_id").val(id);
			this.lookup();
		}
	}

	render_reusable(items) {
		// the applicant's document store (procedures/document_store.py): each document on file
		// and still valid can be taken instead of the paper; one matching a component of the
		// procedure is offered ticked, and ticks that component as handed in
		const $box = this.$body.find(".reusable-documents").empty();
		if (!Array.isArray(items) || !items.length) return;
		const e = frappe.utils.escape_html;
		$box.html(
			`<div class="reusable-title">${e(
				__("Documents on file that can be reused")
			)}</div><ul class="list-unstyled">${items
				.map(
					(item) =>
						`<li><label><input type="checkbox" class="reuse" data-name="${e(item.name)}"
							data-kind="${e(item.document_kind || "")}" ${item.matches_component ? "checked" : ""}>
							${e(item.document_kind || "")}${
							item.valid_until
								? ` <small>(${e(
										__("valid until {0}", [frappe.datetime.str_to_user(item.valid_until)])
								  )})</small>`
								: ""
						}</label></li>`
				)
				.join("")}</ul>`
		);
		$box.find("input.reuse").on("change", (ev) => this.reuse_ticks($(ev.target)));
		$box.find("input.reuse:checked").each((_i, input) => this.reuse_ticks($(input)));
	}

	reuse_ticks($input) {
		// a reused document is a component handed in: its row ticked (unticked with it)
		const kind = ($input.attr("data-kind") || "").trim().toLowerCase();
		this.$body.find(".component-row").each((_i, tr) => {
			const $tr = $(tr);
			const c = this.proc && this.proc.components[cint($tr.attr("data-index"))];
			if (c && (c.component || "").trim().toLowerCase() === kind) {
				$tr.find(".received").prop("checked", $input.prop("checked"));
			}
		});
	}

	reused() {
		return this.$body
			.find(".reusable-documents input.reuse:checked")
			.map((_i, input) => $(input).attr("data-name"))
			.get();
	}

	next_after(name) {
		// Enter runs through what is asked of every applicant; the type and e-mail by Tab
		const order = ["applicant_name", "phone", "address"];
		const i = order.indexOf(name);
		if (i < order.length - 1) this.input(order[i + 1]).focus();
		else this.first_component().focus();
	}

	applicant() {
		const out = {};
		for (const name of [
			"applicant_type",
			"applicant_name",
			"applicant_id",
			"phone",
			"email",
			"address",
		]) {
			out[name] = (this.input(name).val() || "").trim();
		}
		return out;
	}

	// ------------------------------------------------------------ appointment and saving
	render_appointment() {
		const e = frappe.utils.escape_html;
		const p = this.proc;
		this.$body.find(".appointment-box").html(`
			<div class="text-muted">${e(__("Appointment"))}</div>
			<div class="appointment-date" data-due="${e(p.due_at || "")}">${e(vn_moment(p.due_at))}</div>
			<div class="small text-muted">${e(
				__("Received {0}; {1} working days on the working-day calendar", [
					vn_moment(p.received_at),
					format_days(p.legal_days),
				])
			)}</div>`);
	}

	ask_reason(outcome) {
		if (!this.ready()) return;
		const supplement = outcome === "supplement";
		const missing = this.missing();
		const dialog = new frappe.ui.Dialog({
			title: supplement ? __("Request a Supplement (Form 02)") : __("Refuse to Receive (Form 03)"),
			fields: [
				{
					fieldname: "reason",
					fieldtype: "Small Text",
					reqd: 1,
					label: supplement ? __("What to Supplement") : __("Reason for Refusal"),
					default: supplement && missing.length ? __("Supplement: {0}", [missing.join("; ")]) : "",
				},
			],
			primary_action_label: supplement
				? __("Request and Print Form 02")
				: __("Refuse and Print Form 03"),
			primary_action: ({ reason }) => {
				dialog.hide();
				this.save(outcome, reason);
			},
		});
		dialog.show();
		dialog.$wrapper.on("keydown", (ev) => {
			if (ev.key === "Enter" && ev.ctrlKey) {
				ev.preventDefault();
				ev.stopPropagation();
				dialog.get_primary_btn().trigger("click");
			}
		});
		setTimeout(() => dialog.fields_dict.reason.$input.focus(), 200);
	}

	ready() {
		if (!this.proc) {
			frappe.show_alert({ message: __("Choose the procedure first."), indicator: "orange" });
			this.focus_start();
			return false;
		}
		if (!this.applicant().applicant_name) {
			frappe.show_alert({ message: __("Enter the applicant's name."), indicator: "orange" });
			this.input("applicant_name").focus();
			return false;
		}
		return true;
	}

	save(outcome, reason) {
		if (this.saving || !this.ready()) return;
		if (outcome === "receive") {
			const missing = this.missing();
			if (missing.length) {
				frappe.msgprint({
					title: __("Components Missing"),
					indicator: "orange",
					message:
						__("Not handed in: {0}.", [missing.map(frappe.utils.escape_html).join("; ")]) +
						"<br>" +
						__("Tick what was handed in, or request a supplement (Alt+B)."),
				});
				return;
			}
		}
		this.saving = true;
		const fresh = Date.now() - this.fetched_at > STALE_MS ? this.preview() : Promise.resolve();
		fresh
			.then(
				() =>
					new Promise((resolve, reject) =>
						frappe.call({
							method: RECEPTION + "receive",
							type: "POST",
							args: {
								procedure: this.proc.name,
								applicant: JSON.stringify(this.applicant()),
								documents: JSON.stringify(this.handed_in()),
								received_at: this.proc.received_at,
								shown_due_at: this.proc.due_at,
								outcome,
								reason: reason || null,
								reuse: JSON.stringify(outcome === "refuse" ? [] : this.reused()),
							},
							freeze: true,
							freeze_message: __("Saving…"),
							callback: (r) => resolve(r.message),
							error: reject,
						})
					)
			)
			.then((result) => this.done(result))
			.catch(() => {
				// the server said why (its message is shown); a changed appointment is shown anew
				this.preview();
			})
			.finally(() => {
				this.saving = false;
			});
	}

	done(result) {
		const e = frappe.utils.escape_html;
		this.last = result;
		this.$body.find(".reception-result").html(`
			<div class="alert alert-success">
				<div>${e(__(result.status))}: <a href="/app/dossier/${encodeURIComponent(result.name)}"
					class="dossier-code">${e(result.name)}</a></div>
				${
					result.status === "Received"
						? `<div>${e(__("Appointment"))}: <b>${e(vn_moment(result.due_at))}</b></div>`
						: ""
				}
				<button type="button" class="btn btn-primary btn-sm btn-print">${e(
					__("Print {0}", [result.form.label])
				)} <kbd>Enter</kbd></button>
				<a class="btn btn-default btn-sm btn-scans" href="/app/dossier/${encodeURIComponent(
					result.name
				)}" target="_blank" rel="noopener">${e(__("Attach the Scans (Digitise)"))}</a>
				<button type="button" class="btn btn-default btn-sm btn-next">${e(
					__("Next Dossier")
				)} <kbd>Alt+N</kbd></button>
			</div>`);
		const $print = this.$body.find(".btn-print");
		$print.on("click", () => window.open(result.print_url, "_blank"));
		this.$body.find(".btn-next").on("click", () => this.reset());
		this.$body.find(".reception-actions button").prop("disabled", true);
		$print.focus();
	}

	reset() {
		this.proc = null;
		this.looked_up = null;
		this.$body.find("input[data-field], .other-name").val("");
		this.input("applicant_type").val("Person");
		this.$body
			.find(
				".procedure-card, .appointment-box, .reception-result, .earlier-dossiers, .applicant-note, .reusable-documents"
			)
			.empty();
		this.$body
			.find(".components")
			.html(
				`<p class="text-muted">${frappe.utils.escape_html(
					__("Choose a procedure to see its components.")
				)}</p>`
			);
		this.$body.find(".reception-actions button").prop("disabled", false);
		this.focus_start();
	}
};

function format_days(days) {
	return format_number(days || 0, null, days % 1 ? 1 : 0);
}

function vn_moment(value) {
	// "10:00, Thứ Năm 09/10/2025"
	if (!value) return "";
	const d = frappe.datetime.str_to_obj(value);
	const two = (n) => String(n).padStart(2, "0");
	return `${two(d.getHours())}:${two(d.getMinutes())}, ${WEEKDAYS[d.getDay()]} ${two(d.getDate())}/${two(
		d.getMonth() + 1
	)}/${d.getFullYear()}`;
}
