"""Fill Dossier Daily Count from the dossiers already on the site (the KPIs read it)."""

from onestop.procedures.daily_counts import rebuild


def execute():
	rebuild()
