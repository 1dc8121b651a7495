"""Tests against a real Frappe site (MariaDB, Redis): `./onestop test` creates and migrates it.

Each test runs in the site's database transaction and is rolled back afterwards.
"""

import os
from pathlib import Path

import pytest

BENCH = Path(os.environ.get("ONESTOP_BENCH") or Path(__file__).resolve().parents[2])
SITE = os.environ.get("ONESTOP_TEST_SITE", "onestop-test.localhost")


def pytest_configure(config):
	if not (BENCH / "sites" / SITE / "site_config.json").exists():
		pytest.exit(f"no test site {SITE} in {BENCH}/sites: run the tests with ./onestop test", returncode=4)


@pytest.fixture(scope="session", autouse=True)
def site():
	import frappe

	sites = str(BENCH / "sites")
	os.chdir(sites)  # Frappe writes its logs relative to the working directory
	frappe.init(site=SITE, sites_path=sites)
	frappe.connect()
	frappe.flags.in_test = True
	frappe.set_user("Administrator")
	from .factories import ensure_users

	ensure_users()
	yield frappe
	frappe.db.rollback()
	frappe.destroy()


@pytest.fixture(autouse=True)
def rollback(site):
	lang = site.local.lang  # a public page (www/) sets the visitor's language on frappe.local
	yield
	site.local.lang = lang
	site.local.jenv = None
	site.db.rollback()
	# a rollback leaves Frappe's caches of a saved Single as they were after the save
	site.clear_document_cache("Onestop Settings", "Onestop Settings")
	site.db.value_cache.pop("Onestop Settings", None)
	site.set_user("Administrator")
	site.local.onestop_user_agencies = None
	site.local.onestop_agency_register = None
	site.local.onestop_calendar = None
	site.flags.onestop_now = None
