"""Dossier Daily Count: the KPI counters (dossier_timing.counts_of) added up per receipt day,
competent agency, field, procedure and channel, kept up to date as each dossier is saved.

The KPIs of a year then add up some tens of thousands of counter rows instead of reading
hundreds of thousands of dossiers (see benchmarks/dossiers.py for the figures). A dossier
save moves its contribution from the counters it was in to those it is in now, with
INSERT … ON DUPLICATE KEY UPDATE, so two saves at once add up correctly. Writes that bypass
the Dossier controller (bulk SQL, frappe.db.set_value) leave the counters behind: rebuild()
recomputes them from the dossiers (bench onestop-rebuild-dossier-counts).
"""

from __future__ import annotations

import hashlib

import frappe
from frappe.utils import getdate

from onestop.dossier_timing import COUNTERS, OPEN_STATES, RATED, SATISFIED, counts_of

TABLE = "`tabDossier Daily Count`"
KEY = ("day", "competent_agency", "field", "procedure_code", "channel", "on_the_spot")


def key_of(doc) -> tuple:
	"""(day, competent agency, field, national code, channel, on the spot) of a dossier."""
	return (
		getdate(doc.get("received_at")),
		doc.get("competent_agency") or "",
		doc.get("field") or "",
		doc.get("procedure_code") or "",
		doc.get("channel") or "",
		int(doc.get("on_the_spot") or 0),
	)


def contribution(doc) -> dict[str, float]:
	return counts_of(
		doc.get("status"),
		doc.get("resolution") or None,
		bool(doc.get("resolved_at")),
		doc.get("satisfaction") or None,
		doc.get("handling_days"),
	)


def record(doc, before=None) -> None:
	"""Move a saved dossier's contribution from `before` (the stored version, None when new)."""
	new_key, new = key_of(doc), contribution(doc)
	if before is None:
		_add(new_key, new)
		return
	old_key, old = key_of(before), contribution(before)
	if old_key == new_key:
		delta = {k: new[k] - old[k] for k in COUNTERS}
		if any(delta.values()):
			_add(new_key, delta)
	else:
		_add(old_key, {k: -v for k, v in old.items()})
		_add(new_key, new)


def forget(doc) -> None:
	"""Take a deleted dossier out of the counters."""
	_add(key_of(doc), {k: -v for k, v in contribution(doc).items()})


def name_of(key: tuple) -> str:
	return hashlib.md5("|".join(str(part) for part in key).encode()).hexdigest()


def _add(key: tuple, values: dict[str, float]) -> None:
	columns = ", ".join(f"`{c}`" for c in (*KEY, *COUNTERS))
	updates = ", ".join(f"`{c}` = `{c}` + values(`{c}`)" for c in COUNTERS)
	placeholders = ", ".join(["%s"] * (len(KEY) + len(COUNTERS)))
	frappe.db.sql(
		f"""insert into {TABLE} (name, creation, modified, owner, modified_by, {columns})
		values (%s, now(6), now(6), 'Administrator', 'Administrator', {placeholders})
		on duplicate key update {updates}, modified = now(6)""",
		(name_of(key), *key, *(values[c] for c in COUNTERS)),
	)


def rebuild() -> int:
	"""Recompute every counter from the dossiers (one INSERT … SELECT). Returns the rows written."""

	def among(values):
		return ", ".join(frappe.db.escape(v) for v in values)

	frappe.db.sql(f"delete from {TABLE}")
	frappe.db.sql(
		f"""insert into {TABLE} (name, creation, modified, owner, modified_by, day, competent_agency,
			field, procedure_code, channel, on_the_spot, received, resolved, early, on_time, late,
			pending, rated, satisfied, handling_days)
		select md5(concat_ws('|', date(received_at), ifnull(competent_agency, ''), ifnull(field, ''),
				ifnull(procedure_code, ''), ifnull(channel, ''), ifnull(on_the_spot, 0))),
			now(6), now(6), 'Administrator', 'Administrator', date(received_at),
			ifnull(competent_agency, ''), ifnull(field, ''), ifnull(procedure_code, ''),
			ifnull(channel, ''), ifnull(on_the_spot, 0),
			count(*), sum(resolved_at is not null), sum(ifnull(resolution = 'Early', 0)),
			sum(ifnull(resolution = 'On Time', 0)), sum(ifnull(resolution = 'Late', 0)),
			sum(ifnull(status in ({among(OPEN_STATES)}), 0)),
			sum(ifnull(satisfaction in ({among(RATED)}), 0)),
			sum(ifnull(satisfaction in ({among(SATISFIED)}), 0)),
			sum(if(resolved_at is not null, ifnull(handling_days, 0), 0))
		from `tabDossier`
		group by date(received_at), ifnull(competent_agency, ''), ifnull(field, ''),
			ifnull(procedure_code, ''), ifnull(channel, ''), ifnull(on_the_spot, 0)"""
	)
	return frappe.db.sql(f"select count(*) from {TABLE}")[0][0]
