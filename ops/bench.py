"""The bench: frappe-bench's CLI, `bench init` with the chosen Frappe source, the app and its
requirements, the desk's assets."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ops import sources
from ops.plan import GUNICORN_PORT, REDIS_PORTS, SOCKETIO_PORT, is_fork_datepicker, tree_hash
from ops.shell import ROOT, SetupError, ok, run, say

BENCH_VERSION = "frappe-bench==5.31.1"
SUPERVISOR_VERSION = "supervisor==4.3.0"
CLI = ROOT / ".bench-cli"
PYTHON = ROOT / "env" / "bin" / "python"
DATEPICKER_BUNDLE = (
	ROOT / "apps" / "frappe" / "node_modules" / "air-datepicker" / "dist" / "js" / "datepicker.js"
)

_env: dict | None = None


def bench_cli() -> Path:
	"""frappe-bench (and supervisor, which runs the bench's services) in .bench-cli/."""
	bench = CLI / "bin" / "bench"
	if not bench.exists() or not ok([str(CLI / "bin" / "python"), "-c", "import supervisor.options"]):
		say(f"installing {BENCH_VERSION} and {SUPERVISOR_VERSION}")
		if not (CLI / "bin" / "pip").exists():
			run([sys.executable, "-m", "venv", str(CLI)])
		run([str(CLI / "bin" / "pip"), "install", "--quiet", BENCH_VERSION, SUPERVISOR_VERSION])
	return bench


def bench_env() -> dict:
	"""Environment for bench: its own bin dir first, and the GitHub-free substitutes."""
	global _env
	if _env is None:
		_env = {"PATH": f"{CLI / 'bin'}:{os.environ['PATH']}", "BENCH_DEVELOPER": "1"}
		if not sources.github_reachable():
			lock = ROOT / "apps" / "frappe" / "yarn.lock"
			source = sources.frappe_source(None, required=False)
			if not lock.exists() and source and source.startswith("/"):
				lock = Path(source) / "yarn.lock"
			_env.update(sources.offline_substitutes(lock))
	return _env


def bench(*args, site: str | None = None, quiet=False, check=True, input=None) -> subprocess.CompletedProcess:
	cmd = [str(CLI / "bin" / "bench")]
	if site:
		cmd += ["--site", site]
	return run([*cmd, *map(str, args)], env=bench_env(), quiet=quiet, check=check, input=input)


def site_python(site: str, code: str, *, quiet=True) -> str:
	"""Run Python with Frappe connected to `site` (as Administrator, committed at the end);
	returns what it printed."""
	script = (
		"import frappe\n"
		f"frappe.init(site={site!r}, sites_path='.'); frappe.connect(); frappe.set_user('Administrator')\n"
		f"{code}\nfrappe.db.commit()\n"
	)
	return run([str(PYTHON), "-c", script], cwd=ROOT / "sites", quiet=quiet).stdout or ""


def update_common_config() -> None:
	config_path = ROOT / "sites" / "common_site_config.json"
	config = json.loads(config_path.read_text()) if config_path.exists() else {}
	wanted = {
		"webserver_port": GUNICORN_PORT,
		"socketio_port": SOCKETIO_PORT,
		"redis_cache": f"redis://127.0.0.1:{REDIS_PORTS['redis_cache']}",
		"redis_queue": f"redis://127.0.0.1:{REDIS_PORTS['redis_queue']}",
		"mute_emails": 1,
		"restart_supervisor_on_update": True,
		"background_workers": 1,
	}
	if os.geteuid() == 0:
		wanted["frappe_user"] = "root"  # bench refuses root otherwise
	# Until a mail server is configured, Frappe has no outgoing account to address e-mails from
	# (assignment and reminder notifications queue an e-mail): a local one, muted above, so
	# that the notifications themselves are made. A mail server set by the user is kept.
	if not config.get("mail_server"):
		wanted.update(
			{
				"mail_server": "localhost",
				"auto_email_id": "noreply@onestop.localhost",
				"email_sender_name": "onestop",
			}
		)
	if any(config.get(k) != v for k, v in wanted.items()):
		config_path.parent.mkdir(exist_ok=True)
		config_path.write_text(json.dumps({**config, **wanted}, indent=1, sort_keys=True) + "\n")


def ensure_bench(source: str) -> None:
	"""Build this directory into a bench with Frappe from `source` and the onestop app."""
	bench_cli()
	update_common_config()
	if not (ROOT / "apps" / "frappe" / "frappe" / "__init__.py").exists() or not (ROOT / "env").exists():
		say(f"building the bench with Frappe from {source} (about 1–2 minutes)")
		args = ["init", "--ignore-exist", "--no-backups", "--skip-assets", "--python", sys.executable]
		args += ["--frappe-path", source]
		if not source.startswith("/"):
			args += ["--frappe-branch", sources.FRAPPE_BRANCH]
		run([str(CLI / "bin" / "bench"), *args, "."], env=bench_env())
		if not (ROOT / "apps" / "frappe" / "frappe" / "__init__.py").exists():
			raise SetupError("bench init did not produce apps/frappe; see the output above")
		update_common_config()  # bench init rewrites parts of it
	uv = str(CLI / "bin" / "uv")
	if not ok([str(PYTHON), "-c", "import pkg_resources"]):
		# setuptools >= 81 dropped pkg_resources, which Frappe's Google client still imports.
		run([uv, "pip", "install", "--quiet", "--python", str(PYTHON), "setuptools<81"], env=bench_env())
	requirements = tree_hash(
		ROOT, ROOT / "apps" / "onestop" / "pyproject.toml", ROOT / "tests" / "requirements.txt"
	)
	stamp = ROOT / "env" / ".onestop-requirements"
	if not stamp.exists() or stamp.read_text() != requirements:
		say("installing the onestop app, its requirements and the test tools into the bench")
		app_and_tests = ["-e", "apps/onestop", "-r", "tests/requirements.txt"]
		run([uv, "pip", "install", "--quiet", "--python", str(PYTHON), *app_and_tests], env=bench_env())
		stamp.write_text(requirements)
	apps_txt = ROOT / "sites" / "apps.txt"
	apps = apps_txt.read_text().split() if apps_txt.exists() else ["frappe"]
	if "onestop" not in apps:
		apps_txt.write_text("\n".join([*apps, "onestop"]) + "\n")
	ensure_datepicker()
	if not (ROOT / "sites" / "assets" / "frappe" / "dist").exists():
		say("building the desk's assets (about 1 minute)")
		bench("build")
	ensure_app_assets()


def ensure_datepicker() -> None:
	"""Frappe's own air-datepicker in node_modules, never npm's release (which an earlier setup
	may have put there): without the fork's seconds timepicker every Datetime field fails."""
	if DATEPICKER_BUNDLE.exists() and is_fork_datepicker(DATEPICKER_BUNDLE.read_text(errors="replace")):
		return
	say("installing Frappe's own air-datepicker (the Datetime fields of the desk need it)")
	frappe_dir = ROOT / "apps" / "frappe"
	run(["rm", "-rf", str(frappe_dir / "node_modules" / "air-datepicker")])
	# yarn's cache may hold npm's release under the fork's name (an earlier setup's substitute)
	run(["yarn", "cache", "clean", "air-datepicker"], cwd=frappe_dir, env=bench_env(), quiet=True)
	run(
		["yarn", "install", "--check-files", "--frozen-lockfile", "--silent"], cwd=frappe_dir, env=bench_env()
	)
	if not DATEPICKER_BUNDLE.exists() or not is_fork_datepicker(
		DATEPICKER_BUNDLE.read_text(errors="replace")
	):
		raise SetupError("yarn did not install Frappe's air-datepicker; see the output above")
	if (ROOT / "sites" / "assets" / "frappe" / "dist").exists():
		bench("build", "--app", "frappe")


def ensure_app_assets() -> None:
	"""The app's public folder linked under sites/assets (its scripts are served as they are)."""
	if not (ROOT / "sites" / "assets" / "onestop").exists():
		bench("build", "--app", "onestop")
