"""Other Agencies of the dossiers received before the Dossier kept them (from their stages)."""

import frappe


def execute():
	frappe.db.sql(
		"""insert ignore into `tabDossier Agency` (name, creation, modified, owner, modified_by,
			docstatus, parent, parenttype, parentfield, idx, agency)
		select md5(concat(s.parent, '|', s.agency)), now(6), now(6), 'Administrator', 'Administrator',
			0, s.parent, 'Dossier', 'other_agencies', 1, s.agency
		from (select distinct parent, agency from `tabDossier Stage`
			where parenttype = 'Dossier' and agency is not null and agency != '') s
		join `tabDossier` d on d.name = s.parent
		where s.agency != ifnull(d.competent_agency, '')
			and not exists (select 1 from `tabDossier Agency` a where a.parent = s.parent)"""
	)
