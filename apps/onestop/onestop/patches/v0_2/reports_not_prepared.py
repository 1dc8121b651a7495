"""The app's reports that a slow moment turned into prepared (background) reports become plain
reports again (see onestop.core.reports)."""

from onestop.core.reports import reset_prepared_reports


def execute():
	reset_prepared_reports()
