"""The late dossiers of a period are ranked and counted on one covering index; it replaces the
(resolution, received_at) index."""

import frappe

from onestop.procedures.doctype.dossier.dossier import on_doctype_update


def execute():
	on_doctype_update()
	if frappe.db.has_index("tabDossier", "resolution_received"):
		frappe.db.sql_ddl("alter table `tabDossier` drop index `resolution_received`")
