// Copyright (c) 2026, onestop developers and contributors
// For license information, please see license.txt

// frappe.ui.form.on("API Call Log", {
// 	refresh(frm) {

// 	},
// });
