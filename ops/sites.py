"""The sites of the bench: created with the app, migrated when the code changes, configured
for the stack that serves them, backed up and restored."""

from __future__ import annotations

import contextlib
import fcntl
import getpass
import json
import os
import re
import shutil
import sys
from pathlib import Path

from ops.bench import bench
from ops.plan import SITE, SITE_PORTS, TEST_SITE, tree_hash
from ops.shell import CONFIG_DIR, ROOT, SetupError, hide, ok, say

DEMO_ADMIN_PASSWORD = "admin"  # demo and test sites only; a site for real use asks for one
SITES_CREATED = CONFIG_DIR / "site-databases.json"


def site_dir(site: str) -> Path:
	return ROOT / "sites" / site


def site_config(site: str) -> dict:
	return json.loads((site_dir(site) / "site_config.json").read_text())


def update_site_config(site: str, values: dict) -> None:
	path = site_dir(site) / "site_config.json"
	config = json.loads(path.read_text())
	if any(config.get(k) != v for k, v in values.items()):
		path.write_text(json.dumps({**config, **values}, indent=1, sort_keys=True) + "\n")


@contextlib.contextmanager
def site_records():
	"""The databases this command created (SITES_CREATED), read and written back under a lock:
	two runs of ./onestop on the machine (a test run beside a start) never read a half-written
	file nor lose each other's records. Yields the list; what it holds on exit is saved."""
	SITES_CREATED.parent.mkdir(parents=True, exist_ok=True)
	with open(SITES_CREATED.with_suffix(".lock"), "w") as lock:
		fcntl.flock(lock, fcntl.LOCK_EX)
		try:
			records = json.loads(SITES_CREATED.read_text() or "[]") if SITES_CREATED.exists() else []
		except json.JSONDecodeError:  # a file cut short by a crash: its records are lost, not ours
			records = []
		yield records
		partial = SITES_CREATED.with_suffix(".partial")
		partial.write_text(json.dumps(records, indent=1))
		os.replace(partial, SITES_CREATED)


def remember_site_database(site: str) -> None:
	"""Record the database a new site got, so that it is dropped once its bench is gone."""
	with site_records() as records:
		records.append({"bench": str(ROOT), "site": site, "db_name": site_config(site)["db_name"]})


def drop_orphaned_databases(db_password: str) -> None:
	"""Drop the databases of sites this command created in benches that no longer exist
	(each fresh clone, CI's among them, creates its own test site)."""
	if not SITES_CREATED.exists():
		return
	with site_records() as records:
		kept = []
		for record in records:
			if (Path(record["bench"]) / "sites" / record["site"] / "site_config.json").exists():
				kept.append(record)
				continue
			db = record["db_name"]
			if not re.fullmatch(r"[A-Za-z0-9_]+", db):
				continue
			say(f"dropping the database of {record['site']} in {record['bench']} (that bench is gone)")
			sql = f"DROP DATABASE IF EXISTS `{db}`; DROP USER IF EXISTS '{db}'@'localhost'; DROP USER IF EXISTS '{db}'@'%';"
			if not ok(["mariadb", "-uroot", f"-p{db_password}", "-h127.0.0.1", "-e", sql]):
				kept.append(record)
		records[:] = kept


def stamp_path(site: str) -> Path:
	return site_dir(site) / "onestop-stamp.json"


def ask_admin_password(site: str) -> str:
	"""The Administrator password of a site for real use: from ONESTOP_ADMIN_PASSWORD, else asked
	twice on the terminal. Raises SetupError when there is no terminal to ask on."""
	import os

	if os.environ.get("ONESTOP_ADMIN_PASSWORD"):
		return os.environ["ONESTOP_ADMIN_PASSWORD"]
	if not sys.stdin.isatty():
		raise SetupError(
			f"{site} is a site for real use: it needs an Administrator password. "
			"Run the command in a terminal, or set ONESTOP_ADMIN_PASSWORD."
		)
	while True:
		first = getpass.getpass(f"Administrator password for {site} (at least 10 characters): ")
		if len(first) < 10:
			print("Too short.")
			continue
		if getpass.getpass("Again: ") == first:
			return first
		print("The two passwords differ.")


@contextlib.contextmanager
def site_lock(site: str):
	"""One preparation of `site` at a time on this bench (two commands run at once wait for each
	other instead of migrating the same database together)."""
	path = ROOT / "config" / f".{site}.lock"
	path.parent.mkdir(parents=True, exist_ok=True)
	with open(path, "w") as handle:
		try:
			fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
		except BlockingIOError:
			say(f"waiting for another command preparing {site}")
			fcntl.flock(handle, fcntl.LOCK_EX)
		yield


def ensure_site(site: str, db_password: str, *, demo: bool, real_use: bool = False) -> bool:
	"""Create `site` with the app if missing, then migrate when the code changed and (demo
	sites) load the fixtures when they changed. Returns True when the code on the site changed
	(the served processes must restart)."""
	with site_lock(site):
		return _ensure_site(site, db_password, demo=demo, real_use=real_use)


def _ensure_site(site: str, db_password: str, *, demo: bool, real_use: bool) -> bool:
	drop_orphaned_databases(db_password)
	folder = site_dir(site)
	stamp_file = stamp_path(site)
	if (folder / "site_config.json").exists() and not stamp_file.exists():
		say(f"{site} was left half-created by an earlier run: dropping it")
		bench("drop-site", site, "--force", "--no-backup", "--db-root-password", db_password, check=False)
		shutil.rmtree(folder, ignore_errors=True)
	changed = False
	if not (folder / "site_config.json").exists():
		say(f"creating the site {site} (about 1 minute)")
		if folder.exists():
			shutil.rmtree(folder)
		admin = ask_admin_password(site) if real_use else DEMO_ADMIN_PASSWORD
		if real_use:
			hide(admin)
		bench(
			"new-site", site,
			"--db-root-username", "root", "--db-root-password", db_password,
			"--admin-password", admin, "--install-app", "onestop", "--force",
		)  # fmt: skip
		remember_site_database(site)
		bench("onestop-setup-site", site=site)  # language, time zone, formats, setup wizard done
		if not real_use:
			bench("set-config", "allow_tests", "true", site=site)
		stamp_file.write_text(json.dumps({"code": tree_hash(ROOT, ROOT / "apps" / "onestop"), "demo": demo}))
		changed = True
	configure_for_stack(site)
	stamp = json.loads(stamp_file.read_text())
	ensure_scheduler(site, stamp)
	stamp_file.write_text(json.dumps(stamp))
	code = tree_hash(ROOT, ROOT / "apps" / "onestop")
	if stamp.get("code") != code:
		if demo or real_use:
			say(f"backing up {site} before migrating it (./onestop restore FILE rolls back)")
			bench("backup", site=site, quiet=True)
		say(f"migrating {site} to this checkout")
		bench("compile-po-to-mo", "--app", "onestop", "--force", quiet=True)
		bench("migrate", site=site)
		stamp["code"] = code
		stamp_file.write_text(json.dumps(stamp))
		changed = True
	if demo:
		data = tree_hash(ROOT, ROOT / "fixtures")
		if stamp.get("data") != data:
			say(f"loading the agency register, the seed plans and the demo data into {site}")
			bench("onestop-load-fixtures", str(ROOT / "fixtures"), site=site)
			stamp["data"] = data
			stamp_file.write_text(json.dumps(stamp))
	return changed


def configure_for_stack(site: str) -> None:
	"""The site's own nginx port and public address (a site for real use answers on port 80
	under its own name), developer mode off, a week of backups kept."""
	values = {"developer_mode": 0, "keep_backups_for_hours": 24 * 7}
	if port := SITE_PORTS.get(site):
		host = "localhost" if site == SITE else site
		values.update({"nginx_port": port, "host_name": f"http://{host}:{port}"})
	update_site_config(site, values)


def ensure_scheduler(site: str, stamp: dict) -> None:
	"""Turn the scheduler on once for a served site (bench new-site leaves it off); the test
	site keeps it off, its tests call the jobs themselves. A later `disable-scheduler` by the
	user is kept."""
	if site == TEST_SITE or stamp.get("scheduler"):
		return
	bench("enable-scheduler", site=site, quiet=True)
	stamp["scheduler"] = True


def backup(site: str) -> list[str]:
	"""Frappe's backup of `site` with its files; returns the files written."""
	out = bench("backup", "--with-files", site=site, quiet=True).stdout
	found = re.findall(r"(?:Config|Database|Public|Private)\s*:\s*(\S+)", out)
	return [str((ROOT / "sites" / path).resolve()) for path in found]


def restore(
	site: str, sql_file: str, db_password: str, *, public: str | None = None, private: str | None = None
) -> None:
	"""Replace `site`'s database (and files, when given) with a backup."""
	args = ["restore", sql_file, "--db-root-username", "root", "--db-root-password", db_password, "--force"]
	if public:
		args += ["--with-public-files", public]
	if private:
		args += ["--with-private-files", private]
	bench(*args, site=site)
	bench("migrate", site=site)
