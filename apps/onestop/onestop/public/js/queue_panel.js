// Copyright (c) 2026, onestop developers
// License: MIT. See license.txt

// The counter's queue panel (included on every desk page through app_include_js): the reception
// screen calls onestop.queue.render_panel(element) on its empty .onestop-queue-panel. The officer
// picks the counter once (remembered on this computer), calls the next number (F8), calls it
// again, starts the service, finishes it or marks the holder absent; onestop/procedures/queue.py
// does the work and tells the hall's screen. The panel follows every change of the line through
// Frappe's realtime (event "onestop_queue").
frappe.provide("onestop.queue");

onestop.queue.METHOD = "onestop.procedures.queue.";
onestop.queue.EVENT = "onestop_queue";
onestop.queue.STORAGE = "onestop_queue_counter";

onestop.queue.render_panel = function (element) {
	const $host = $(element);
	if (!$host.length) return null;
	if ($host.data("queue-panel")) return $host.data("queue-panel");
	const panel = new onestop.queue.Panel($host);
	$host.data("queue-panel", panel);
	return panel;
};

// the ticket at the officer's counter (null when none): the reception screen may send it with
// the dossier it receives (queue_ticket); without it the server links the ticket the officer
// called
onestop.queue.current_ticket = function () {
	return onestop.queue.panel && onestop.queue.panel.ticket ? onestop.queue.panel.ticket.ticket : null;
};

onestop.queue.Panel = class QueuePanel {
	constructor($host) {
		this.$host = $host.addClass("onestop-queue-panel");
		this.counter = localStorage.getItem(onestop.queue.STORAGE) || null;
		this.ticket = null;
		onestop.queue.panel = this;
		this.load();
		frappe.realtime.on(onestop.queue.EVENT, (m) => this.on_change(m));
		frappe.ui.keys.add_shortcut({
			shortcut: "f8",
			// only while the panel is on screen
			action: () => this.$host.is(":visible") && this.act("call_next"),
			description: __("Call the Next Number"),
		});
	}

	load() {
		return frappe
			.call({ method: onestop.queue.METHOD + "counter_panel", args: { counter: this.counter } })
			.then((r) => this.render(r.message));
	}

	on_change(m) {
		if (!m || !this.state || !this.state.counter) return;
		// the line changed (a number taken or called anywhere): reload once the burst is over
		clearTimeout(this.reload);
		this.reload = setTimeout(() => this.load(), m.counter === this.state.counter ? 0 : 500);
	}

	render(state) {
		const e = frappe.utils.escape_html;
		this.state = state;
		this.ticket = state.ticket;
		if (!state.counters.length) {
			this.$host.html(`<div class="text-muted">${e(__("No counter is open to you."))}</div>`);
			return;
		}
		this.counter = state.counter;
		localStorage.setItem(onestop.queue.STORAGE, state.counter);
		const t = state.ticket;
		const status = t ? __(t.status) : "";
		const options = state.counters
			.map(
				(c) =>
					`<option value="${e(c.counter)}" ${c.counter === state.counter ? "selected" : ""}>${e(
						c.counter_name
					)}</option>`
			)
			.join("");
		this.$host.html(`
			<div class="queue-panel d-flex flex-wrap align-items-center" style="gap: 12px; padding: 10px 12px; margin-bottom: 12px; border: 1px solid var(--border-color); border-radius: 8px; background: var(--subtle-fg);">
				<label class="mb-0 d-flex align-items-center" style="gap: 6px">${e(__("Counter"))}
					<select class="form-control form-control-sm queue-counter" style="width: auto">${options}</select></label>
				<div class="queue-now" style="min-width: 160px">
					<span class="queue-number" style="font-size: 1.8em; font-weight: 700">${e(t ? t.number : "—")}</span>
					<span class="queue-status text-muted ml-1">${e(status)}</span>
					<div class="queue-field small text-muted">${e(t ? t.field_name || "" : "")}</div>
				</div>
				<div class="queue-waiting small">${e(__("Waiting"))}: <b>${state.waiting}</b></div>
				<div class="btn-group flex-wrap" style="gap: 6px">
					<button class="btn btn-sm btn-primary queue-call">${e(__("Call the Next Number"))} <kbd>F8</kbd></button>
					<button class="btn btn-sm btn-default queue-recall" ${t ? "" : "disabled"}>${e(__("Call Again"))}</button>
					<button class="btn btn-sm btn-default queue-start" ${t && t.status === "Called" ? "" : "disabled"}>${e(
			__("Start Serving")
		)}</button>
					<button class="btn btn-sm btn-default queue-finish" ${t ? "" : "disabled"}>${e(__("Finish"))}</button>
					<button class="btn btn-sm btn-default queue-absent" ${t && t.status === "Called" ? "" : "disabled"}>${e(
			__("Absent")
		)}</button>
				</div>
			</div>`);
		this.$host.find(".queue-counter").on("change", (ev) => {
			this.counter = ev.target.value;
			this.load();
		});
		this.$host.find(".queue-call").on("click", () => this.act("call_next"));
		this.$host.find(".queue-recall").on("click", () => this.act("recall"));
		this.$host.find(".queue-start").on("click", () => this.act("start_serving"));
		this.$host.find(".queue-finish").on("click", () => this.act("finish"));
		this.$host.find(".queue-absent").on("click", () => this.act("no_show"));
	}

	act(method) {
		// one action after the other, on the state the one before left (a click is never dropped)
		this.queue = (this.queue || Promise.resolve()).then(() => this.run(method)).catch(() => null);
		return this.queue;
	}

	run(method) {
		if (!this.state || !this.state.counter) return;
		const args =
			method === "call_next"
				? { counter: this.state.counter }
				: { ticket: this.ticket && this.ticket.ticket };
		if (method !== "call_next" && !args.ticket) return;
		return frappe.call({ method: onestop.queue.METHOD + method, args, freeze: false }).then((r) => {
			if (method === "call_next" && !r.message.ticket) {
				frappe.show_alert({
					message: __("Nobody is waiting for this counter."),
					indicator: "orange",
				});
			}
			$(document).trigger("onestop-queue-ticket", [r.message.ticket]);
			return this.load();
		});
	}
};
