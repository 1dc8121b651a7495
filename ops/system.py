"""What the machine needs: Debian packages, Node.js and yarn 1, MariaDB configured for Frappe,
Chromium for the browser tests."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
from pathlib import Path

from ops.plan import SITE_PORTS, buffer_pool_megabytes, hosts_missing, mariadb_settings
from ops.shell import CONFIG_DIR, SetupError, as_root, hide, ok, port_open, run, say, wait_for, warn

YARN_VERSION = "1.22.22"
APT_PACKAGES = [
	"mariadb-server",
	"mariadb-client",
	"redis-server",
	"nginx",  # in front of gunicorn: static assets, gzip, the socket.io proxy
	"wkhtmltopdf",  # Frappe v15 renders every PDF with it (Debian's 0.12.6)
	"git",
	"curl",
	"pkg-config",
	"build-essential",
	"libffi-dev",
	"fonts-dejavu-core",  # Vietnamese glyphs in PDFs
]
MARIADB_CONF = Path("/etc/mysql/mariadb.conf.d/99-onestop.cnf")
DB_PASSWORD_FILE = CONFIG_DIR / "db-root-password"
APT_ENV = {"DEBIAN_FRONTEND": "noninteractive"}


def ensure_packages() -> None:
	missing = [p for p in APT_PACKAGES if not ok(["dpkg", "-s", p])]
	if missing:
		say(f"installing Debian packages: {' '.join(missing)}")
		run(as_root(["apt-get", "update", "-qq"]), env=APT_ENV)
		# a package's own service (nginx's on port 80) is not started: the bench's supervisor runs them
		run(as_root(["apt-get", "install", "-y", "-qq", *missing]), env={**APT_ENV, "RUNLEVEL": "1"})
		stop_distribution_nginx()
	node_major = 0
	if shutil.which("node"):
		out = run(["node", "--version"], quiet=True).stdout.strip()
		node_major = int(out.lstrip("v").split(".")[0])
	if node_major < 18:
		say("installing Node.js from Debian")
		run(as_root(["apt-get", "install", "-y", "-qq", "nodejs", "npm"]), env=APT_ENV)
	yarn = shutil.which("yarn")
	version = run(["yarn", "--version"], quiet=True, check=False).stdout.strip() if yarn else ""
	if not version.startswith("1."):
		say(f"installing yarn {YARN_VERSION} (Frappe v15 needs yarn 1, found {version or 'none'})")
		run(as_root(["npm", "install", "-g", "--silent", f"yarn@{YARN_VERSION}"]))


def stop_distribution_nginx() -> None:
	"""Debian's nginx package may start its own server on port 80 with a placeholder page;
	the bench runs nginx itself, with bench's configuration."""
	pid = Path("/run/nginx.pid")
	if pid.exists():
		run(as_root(["nginx", "-s", "quit"]), check=False, quiet=True)


def db_root_password() -> str:
	if os.environ.get("ONESTOP_DB_ROOT_PASSWORD"):
		return os.environ["ONESTOP_DB_ROOT_PASSWORD"]
	if not DB_PASSWORD_FILE.exists():
		CONFIG_DIR.mkdir(parents=True, exist_ok=True)
		DB_PASSWORD_FILE.write_text(secrets.token_urlsafe(18) + "\n")
		DB_PASSWORD_FILE.chmod(0o600)
	return DB_PASSWORD_FILE.read_text().strip()


def mariadb_up() -> bool:
	return ok(["mariadb-admin", "ping", "--silent"]) or port_open(3306)


def machine_memory() -> int:
	return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")


def ensure_mariadb() -> str:
	"""MariaDB running with Frappe's settings and a root password; returns that password."""
	settings = mariadb_settings(buffer_pool_megabytes(machine_memory()))
	changed = False
	if not MARIADB_CONF.exists() or MARIADB_CONF.read_text() != settings:
		say(f"writing {MARIADB_CONF} (utf8mb4 as Frappe requires; buffer pool sized to this machine)")
		if os.geteuid() == 0:
			MARIADB_CONF.parent.mkdir(parents=True, exist_ok=True)
			MARIADB_CONF.write_text(settings)
		else:
			run(["sudo", "tee", str(MARIADB_CONF)], input=settings, quiet=True)
		changed = True
	if changed and mariadb_up():
		say("restarting MariaDB to apply its settings")
		run(as_root(["mariadb-admin", "shutdown"]), check=False, quiet=True)
		wait_for(lambda: not mariadb_up(), 120, "MariaDB to stop")
	if not mariadb_up():
		say("starting MariaDB")
		if not (shutil.which("systemctl") and ok(as_root(["systemctl", "start", "mariadb"]))):
			if not ok(as_root(["service", "mariadb", "start"])):
				Path("/run/mysqld").mkdir(exist_ok=True)
				shutil.chown("/run/mysqld", "mysql", "mysql")
				subprocess.Popen(
					as_root(["mysqld_safe"]),
					stdout=subprocess.DEVNULL,
					stderr=subprocess.DEVNULL,
					start_new_session=True,
				)
		wait_for(mariadb_up, 120, "MariaDB to start")
	password = db_root_password()
	hide(password)
	probe = ["mariadb", "-uroot", f"-p{password}", "-h127.0.0.1", "-e", "SELECT 1"]
	if not ok(probe):
		say("giving the MariaDB root user a password (socket login kept)")
		sql = (
			"ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket "
			f"OR mysql_native_password USING PASSWORD('{password}'); FLUSH PRIVILEGES;"
		)
		if not ok(as_root(["mariadb", "-uroot", "-e", sql])):
			raise SetupError(
				"cannot log in to MariaDB as root. Set ONESTOP_DB_ROOT_PASSWORD to its root password."
			)
		if not ok(probe):
			raise SetupError("MariaDB root password was set but a password login still fails")
	return password


def ensure_chromium() -> str | None:
	"""Chromium from Debian's packages, for the browser tests. None, with a warning, when it
	cannot be had: those tests are then skipped, and say so."""
	for name in ("chromium", "chromium-browser"):
		if found := shutil.which(name):
			return found
	say("installing Chromium from Debian for the browser tests")
	if not ok(as_root(["apt-get", "install", "-y", "-qq", "chromium"]), env=APT_ENV):
		warn("Chromium could not be installed: the browser tests will be skipped")
		return None
	return shutil.which("chromium")


def ensure_hosts(extra: list[str] = ()) -> None:
	"""Map the local site names to 127.0.0.1 in /etc/hosts, as `bench add-to-hosts` does."""
	hosts = Path("/etc/hosts")
	missing = hosts_missing(hosts.read_text() if hosts.exists() else "", [*SITE_PORTS, *extra])
	if not missing:
		return
	say(f"adding {', '.join(missing)} to /etc/hosts")
	line = f"127.0.0.1\t{' '.join(missing)}\t# onestop sites\n"
	if os.geteuid() == 0:
		with hosts.open("a") as f:
			f.write(line)
	else:
		run(["sudo", "tee", "-a", str(hosts)], input=line, quiet=True)
