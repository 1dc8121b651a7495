"""The restore drill, with the README's own commands: back the demo site up, change it, restore
it, and find the same records and the same money as at the backup."""

from __future__ import annotations

import os
import subprocess

from conftest import BENCH, SITE, site_python

CENSUS = """
modules = ("Planning", "Procedures", "Resources")
out["counts"], out["sums"] = {}, {}
for dt in frappe.get_all("DocType", filters={"module": ("in", modules), "issingle": 0}, pluck="name"):
	out["counts"][dt] = frappe.db.count(dt)
	for f in frappe.get_meta(dt).get("fields", {"fieldtype": "Currency"}):
		out["sums"][f"{dt}.{f.fieldname}"] = float(frappe.db.sql(f"select coalesce(sum(`{f.fieldname}`), 0) from `tab{dt}`")[0][0])
"""


def onestop(*args: str) -> str:
	done = subprocess.run(
		[str(BENCH / "onestop"), *args], cwd=BENCH, capture_output=True, text=True, env={**os.environ}
	)
	assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
	return done.stdout


def test_backup_change_restore_gives_back_the_same_records_and_money():
	before = site_python(CENSUS)
	assert before["counts"]["Plan Task"] > 0 and any(before["sums"].values())
	files = onestop("backup", "--site", SITE).split()
	database = next(f for f in files if f.endswith(".sql.gz"))
	public = next(f for f in files if f.endswith("-files.tar") and not f.endswith("-private-files.tar"))
	private = next(f for f in files if f.endswith("-private-files.tar"))

	site_python(
		"""
line = frappe.get_all("Budget Line", pluck="name", limit=1)[0]
frappe.db.set_value("Budget Line", line, "requested_amount", 999_999_999)
for task in frappe.get_all("Plan Task", pluck="name", limit=5):
	frappe.delete_doc("Plan Task", task, force=True, ignore_permissions=True)
"""
	)
	assert site_python(CENSUS) != before

	onestop("restore", database, "--site", SITE, "--public-files", public, "--private-files", private)
	after = site_python(CENSUS)
	assert after == before
