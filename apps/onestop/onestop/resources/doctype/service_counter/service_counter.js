// Copyright (c) 2026, onestop developers and contributors
// For license information, please see license.txt

frappe.ui.form.on("Service Counter", {
	refresh(frm) {
		if (frm.is_new()) return;
		// the queue's public pages: the kiosk and the hall's screen (onestop/www)
		frm.add_custom_button(__("Kiosk"), () => window.open("/lay-so"));
		frm.add_custom_button(__("Hall Display"), () => window.open("/man-hinh-goi-so"));
	},
});
