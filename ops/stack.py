"""Serving the bench: the production stack (the default) or the developer's workstation mode.

Production: bench's own generators write config/supervisor.conf (`bench setup supervisor`:
gunicorn with workers sized to the cores, socket.io, the scheduler, RQ workers for the short,
default and long queues, Redis) and config/nginx.conf (`bench setup nginx`: one server per
site, static assets and gzip, the socket.io proxy, body limits, the client's address passed
on). A supervisord of this bench runs them all, and nginx, and restarts a dead process alone.
Only one bench of this repository serves at a time on a machine (they share ports): starting
one stops the other.

Workstation (`--dev`): honcho runs `bench serve` with code reloading, as `bench start` does.
"""

from __future__ import annotations

import getpass
import json
import os
import signal
import stat
import subprocess
import time
import urllib.request
from pathlib import Path

from ops.bench import CLI, bench, bench_env
from ops.plan import GUNICORN_PORT, REDIS_PORTS, SITE_PORTS, SOCKETIO_PORT, nginx_main_conf, supervisord_conf
from ops.shell import CONFIG_DIR, ROOT, SetupError, port_open, run, say, wait_for, warn

NAME = ROOT.name  # bench names its programs after the bench's folder
SUPERVISORD_CONF = ROOT / "config" / "supervisord.conf"
SUPERVISORD_PID = ROOT / "config" / "pids" / "supervisord.pid"
DEV_PID = ROOT / "config" / "pids" / "onestop-serve.pid"
ACTIVE = CONFIG_DIR / "active-stack.json"


def _alive(pid: int | None) -> bool:
	if not pid:
		return False
	try:
		os.kill(pid, 0)
	except (ProcessLookupError, PermissionError):
		return False
	return True


def _pid(file: Path) -> int | None:
	try:
		return int(file.read_text().strip() or 0) or None
	except (FileNotFoundError, ValueError):
		return None


def supervisorctl(*args, check=True, quiet=True) -> subprocess.CompletedProcess:
	return run(
		[str(CLI / "bin" / "supervisorctl"), "-c", str(SUPERVISORD_CONF), *args], check=check, quiet=quiet
	)


def production_running() -> bool:
	return _alive(_pid(SUPERVISORD_PID))


def dev_running() -> bool:
	return _alive(_pid(DEV_PID))


def served_sites() -> list[str]:
	sites = ROOT / "sites"
	return sorted(p.name for p in sites.iterdir() if (p / "site_config.json").exists())


def site_port(site: str) -> int | None:
	config = json.loads((ROOT / "sites" / site / "site_config.json").read_text())
	return config.get("nginx_port")


def answers(port: int, path: str = "/api/method/ping") -> bool:
	try:
		with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=3) as r:
			return r.status == 200
	except Exception:
		return False


# ---------------------------------------------------------------- one stack per machine
def stop_other_stacks() -> None:
	"""Stop the stack of another checkout on this machine (a fresh clone, CI's among them, or
	the one it was cloned from): they listen on the same ports."""
	if not ACTIVE.exists():
		return
	record = json.loads(ACTIVE.read_text())
	if record.get("bench") == str(ROOT) or not _alive(record.get("pid")):
		return
	say(f"stopping the services of the checkout at {record['bench']} (one checkout serves at a time)")
	conf = Path(record["bench"]) / "config" / "supervisord.conf"
	ctl = Path(record["bench"]) / ".bench-cli" / "bin" / "supervisorctl"
	if conf.exists() and ctl.exists():
		run([str(ctl), "-c", str(conf), "shutdown"], check=False, quiet=True)
	else:
		os.kill(record["pid"], signal.SIGTERM)
	wait_for(lambda: not _alive(record["pid"]), 60, "the other checkout's services to stop")


def ensure_redis() -> None:
	"""Redis up before any work on a site: installing, migrating and loading data enqueue jobs
	(Frappe's delete_doc does), and the cache holds locks. When this checkout serves nothing yet,
	its Redis servers start alone (daemonized, from bench's redis configurations); the
	supervisord started afterwards takes them over (free_ports), the queue's jobs kept."""
	if production_running() or dev_running():
		return
	stop_other_stacks()
	if not (ROOT / "config" / "redis_cache.conf").exists():
		bench("setup", "redis", quiet=True)
	(ROOT / "config" / "pids").mkdir(parents=True, exist_ok=True)
	for name, port in REDIS_PORTS.items():
		if not port_open(port):
			run(["redis-server", str(ROOT / "config" / f"{name}.conf"), "--daemonize", "yes"], quiet=True)
			wait_for(lambda port=port: port_open(port), 20, f"Redis on port {port}")


def free_ports() -> None:
	"""The ports the stack listens on must be free; Redis servers left by an earlier setup or
	started by ensure_redis (outside any supervisor) are stopped, the queue saved to its dump
	file, which the supervised Redis loads."""
	for name, port in REDIS_PORTS.items():
		if port_open(port):
			say(f"handing the Redis on port {port} over to supervisor")
			how = "save" if name == "redis_queue" else "nosave"
			run(["redis-cli", "-p", str(port), "shutdown", how], check=False, quiet=True)
			wait_for(lambda port=port: not port_open(port), 20, f"Redis on port {port} to stop")
	wanted = [GUNICORN_PORT, SOCKETIO_PORT, *(site_port(s) for s in served_sites())]
	taken = [p for p in wanted if p and port_open(p)]
	if taken:
		raise SetupError(
			f"port(s) {', '.join(map(str, taken))} are taken by another program; stop it and run again"
		)


# ---------------------------------------------------------------- production
def make_traversable(path: Path) -> None:
	"""nginx's workers (user nobody) serve the static files from sites/: every folder above the
	bench must let others pass (o+x), as bench's production setup asks of a home folder; a
	checkout under a private folder (mktemp -d, a 0700 home) otherwise answers 403/404 for
	every asset."""
	for folder in [path, *path.parents]:
		mode = folder.stat().st_mode
		if not mode & stat.S_IXOTH:
			say(f"letting nginx's workers pass through {folder} (chmod o+x)")
			try:
				os.chmod(folder, mode | stat.S_IXOTH)
			except PermissionError:
				warn(f"cannot chmod o+x {folder}: nginx will not serve the desk's files")


def generate_configs() -> None:
	"""bench's supervisor and nginx configurations, and this bench's supervisord around them."""
	user = "root" if os.geteuid() == 0 else getpass.getuser()
	if not (ROOT / "config" / "redis_cache.conf").exists():
		bench("setup", "redis", quiet=True)
	bench("setup", "supervisor", "--yes", "--skip-supervisord", "--user", user, quiet=True)
	bench("setup", "nginx", "--yes", "--logging", "none", quiet=True)
	make_traversable(ROOT)
	for folder in ("pids", "nginx-temp"):
		(ROOT / "config" / folder).mkdir(parents=True, exist_ok=True)
	(ROOT / "logs").mkdir(exist_ok=True)
	nginx = run(["which", "nginx"], quiet=True, check=False).stdout.strip() or "/usr/sbin/nginx"
	SUPERVISORD_CONF.write_text(supervisord_conf(ROOT, NAME, nginx))
	(ROOT / "config" / "nginx-main.conf").write_text(nginx_main_conf(ROOT))
	run([nginx, "-t", "-q", "-c", str(ROOT / "config" / "nginx-main.conf")], quiet=True)


def start_production(*, restart_app: bool) -> None:
	"""Serve every site of the bench on the production stack, starting or updating it."""
	if dev_running():
		stop_dev()
	stop_other_stacks()
	generate_configs()
	if production_running():
		supervisorctl("reread")
		supervisorctl("update")  # programs whose configuration changed restart
		supervisorctl("signal", "HUP", f"{NAME}-nginx")  # nginx re-reads its sites
		if restart_app:
			say("restarting the app's processes on the new code")
			# another command restarting them at the same moment makes supervisorctl report a
			# process "already running": what counts is that every program runs afterwards
			supervisorctl("restart", f"{NAME}-web:*", f"{NAME}-workers:*", check=False)
			wait_for(all_running, 60, "the app's processes to run again (see logs/supervisord.log)")
	else:
		free_ports()
		say("starting the services under supervisor (gunicorn, socket.io, workers, scheduler, Redis, nginx)")
		log = open(ROOT / "logs" / "supervisord.out", "ab")
		subprocess.Popen(
			[str(CLI / "bin" / "supervisord"), "-c", str(SUPERVISORD_CONF)],
			cwd=ROOT,
			env={**os.environ, **bench_env()},
			stdout=log,
			stderr=subprocess.STDOUT,
			stdin=subprocess.DEVNULL,
			start_new_session=True,
		)
		wait_for(production_running, 30, "supervisord to start (see logs/supervisord.log)")
	CONFIG_DIR.mkdir(parents=True, exist_ok=True)
	ACTIVE.write_text(json.dumps({"bench": str(ROOT), "pid": _pid(SUPERVISORD_PID)}))
	wait_for(lambda: port_open(REDIS_PORTS["redis_cache"]), 30, "Redis")
	# Frappe caches the built assets' names under a key shared by every bench using this Redis
	run(["redis-cli", "-p", str(REDIS_PORTS["redis_cache"]), "DEL", "assets_json"], quiet=True, check=False)
	for site in served_sites():
		if port := site_port(site):
			wait_for(lambda port=port: answers(port), 120, f"{site} on port {port} (see logs/web.error.log)")


def all_running() -> bool:
	"""Every program of this bench's supervisord is RUNNING (supervisorctl status)."""
	lines = supervisorctl("status", check=False).stdout.strip().splitlines()
	if not lines:
		return False
	if all(" RUNNING " in f"{line} " for line in lines):
		return True
	for line in lines:  # a program given up on (FATAL, BACKOFF after retries) is started again
		if " FATAL " in f"{line} ":
			supervisorctl("start", line.split()[0], check=False)
	return False


def stop_production() -> None:
	pid = _pid(SUPERVISORD_PID)
	if not _alive(pid):
		return
	say("stopping the services")
	supervisorctl("shutdown", check=False)
	wait_for(lambda: not _alive(pid), 90, "supervisord to stop")


def status() -> str:
	if production_running():
		return supervisorctl("status", check=False).stdout
	if dev_running():
		return "workstation mode (honcho): running\n"
	return "stopped\n"


# ---------------------------------------------------------------- workstation mode
def write_procfile() -> Path:
	"""bench's Procfile without the asset watcher (1.2 GiB, not needed to use the desk)."""
	procfile = ROOT / "config" / "Procfile.serve"
	port = SITE_PORTS["onestop.localhost"]
	procfile.write_text(
		"\n".join(
			[
				"redis_cache: redis-server config/redis_cache.conf",
				"redis_queue: redis-server config/redis_queue.conf",
				f"web: bench serve --port {port}",
				"socketio: bench socketio",
				"schedule: bench schedule",
				"worker: bench worker 1>> logs/worker.log 2>> logs/worker.error.log",
			]
		)
		+ "\n"
	)
	return procfile


def start_dev(foreground: bool) -> None:
	"""The developer's mode: honcho with `bench serve` (code reloaded on change) on port 8000."""
	stop_production()
	stop_other_stacks()
	if dev_running():
		say("already serving in workstation mode")
		return
	free_ports()
	honcho = [str(CLI / "bin" / "honcho"), "start", "-f", str(write_procfile())]
	env = {**os.environ, **bench_env(), "PYTHONUNBUFFERED": "1"}
	if foreground:
		os.execvpe(honcho[0], honcho, env)
	log = open(ROOT / "logs" / "onestop-serve.log", "ab")
	proc = subprocess.Popen(
		honcho,
		cwd=ROOT,
		env=env,
		stdout=log,
		stderr=subprocess.STDOUT,
		stdin=subprocess.DEVNULL,
		start_new_session=True,
	)
	DEV_PID.parent.mkdir(parents=True, exist_ok=True)
	DEV_PID.write_text(str(proc.pid))
	wait_for(
		lambda: answers(SITE_PORTS["onestop.localhost"]),
		90,
		"the desk on port 8000 (see logs/onestop-serve.log)",
	)


def stop_dev() -> None:
	pid = _pid(DEV_PID)
	if not _alive(pid):
		return
	os.killpg(pid, signal.SIGTERM)
	wait_for(lambda: not _alive(pid), 20, "the workstation services to stop")
	DEV_PID.unlink(missing_ok=True)


def stop_all() -> None:
	stop_dev()
	stop_production()
	for name, port in REDIS_PORTS.items():  # started alone by ensure_redis
		if _alive(_pid(ROOT / "config" / "pids" / f"{name}.pid")):
			run(
				["redis-cli", "-p", str(port), "shutdown", "save" if name == "redis_queue" else "nosave"],
				check=False,
				quiet=True,
			)
	say("stopped")
