"""Pure helpers of the setup (no commands run, no files written): what to configure, given
what was found. Unit-tested in tests/unit/test_ops.py."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

# Each site has its own nginx port (bench's port-based multitenancy); gunicorn and socket.io
# listen on loopback behind nginx.
SITE = "onestop.localhost"
TEST_SITE = "onestop-test.localhost"
BROWSER_SITE = "onestop-browser.localhost"  # a demo site for the browser and HTTP tests
BENCH_SITE = "onestop-bench.localhost"
LOAD_SITE = "onestop-load.localhost"  # the load test's site (demo data)
SITE_PORTS = {SITE: 8000, BROWSER_SITE: 8010, TEST_SITE: 8020, BENCH_SITE: 8030, LOAD_SITE: 8050}
GUNICORN_PORT = 8001
SOCKETIO_PORT = 9000
REDIS_PORTS = {"redis_cache": 13000, "redis_queue": 11000}

HASHED_SUFFIXES = (".py", ".json", ".js", ".txt", ".po", ".csv", ".html", ".toml", ".css")


def tree_hash(root: Path, *paths: Path, suffixes=HASHED_SUFFIXES) -> str:
	"""A hash of the files under `paths` (names relative to `root`, and contents), to tell
	whether a migrate, reload or restart is due."""
	h = hashlib.sha256()
	for base in paths:
		if not base.exists():
			continue
		files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
		for p in files:
			if p.suffix in suffixes and "__pycache__" not in p.parts and "node_modules" not in p.parts:
				h.update(str(p.relative_to(root)).encode())
				h.update(p.read_bytes())
	return h.hexdigest()


def buffer_pool_megabytes(memory_bytes: int) -> int:
	"""InnoDB's buffer pool for a machine with `memory_bytes` of RAM that also runs the app:
	a quarter of the memory, at least 256 MiB and at most 16 GiB, in whole 128 MiB chunks
	(MariaDB rounds the pool to its chunk size)."""
	quarter = memory_bytes // 4 // (1024 * 1024)
	return max(256, min(16384, quarter // 128 * 128))


def mariadb_settings(buffer_pool_mb: int) -> str:
	"""The [mysqld] settings Frappe v15 requires, with the buffer pool sized to the machine."""
	return f"""\
# Written by onestop's setup: the settings Frappe v15 requires, sized to this machine.
[mysqld]
character-set-client-handshake = FALSE
character-set-server = utf8mb4
collation-server = utf8mb4_unicode_ci
innodb_buffer_pool_size = {buffer_pool_mb}M
innodb_log_file_size = 256M
# a primary that replicas can follow (docs/scale-out.md), binary logs kept three days
server_id = 1
log_bin = onestop-bin
binlog_format = ROW
expire_logs_days = 3

[mysql]
default-character-set = utf8mb4
"""


_GITHUB_ENTRY = re.compile(
	r'^"?(?P<name>@?[^@\s"]+)@[^\n]*\n\s+version "(?P<version>[^"]+)"\n'
	r'\s+resolved "https://codeload\.github\.com/(?P<repo>[^/"]+/[^/"]+)/tar\.gz/(?P<sha>[0-9a-f]+)"',
	re.M,
)


def github_tarballs(yarn_lock: str) -> list[dict]:
	"""The packages a yarn.lock takes from GitHub tarballs: [{name, version, repo, sha}].
	yarn's offline mirror looks such a package up under the file name `sha`."""
	return [m.groupdict() for m in _GITHUB_ENTRY.finditer(yarn_lock)]


def supervisord_conf(root: Path, bench_name: str, nginx: str) -> str:
	"""The supervisord of this bench: its own socket and logs, bench's generated programs
	(config/supervisor.conf: gunicorn, socket.io, the scheduler, the RQ workers and Redis) and
	nginx in front, each restarted alone when it dies."""
	config, logs = root / "config", root / "logs"
	return f"""\
; Written by onestop's setup: runs the programs of bench's generated config/supervisor.conf
; (`bench setup supervisor`), plus nginx with bench's config/nginx.conf (`bench setup nginx`).
[unix_http_server]
file={config}/supervisor.sock
chmod=0700

[supervisord]
logfile={logs}/supervisord.log
pidfile={config}/pids/supervisord.pid
childlogdir={logs}
minfds=4096

[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

[supervisorctl]
serverurl=unix://{config}/supervisor.sock

[program:{bench_name}-nginx]
command={nginx} -c {config}/nginx-main.conf -g "daemon off;"
priority=5
autostart=true
autorestart=true
startretries=10
stdout_logfile={logs}/nginx.log
stderr_logfile={logs}/nginx.error.log

[include]
files = {config}/supervisor.conf
"""


def nginx_main_conf(root: Path, mime_types: str = "/etc/nginx/mime.types") -> str:
	"""The nginx main configuration around bench's generated config/nginx.conf (server blocks
	per site: static assets, gzip, the socket.io proxy, body limits, the client's address)."""
	config, logs = root / "config", root / "logs"
	return f"""\
# Written by onestop's setup: the frame around bench's generated config/nginx.conf.
worker_processes auto;
pid {config}/pids/nginx.pid;
error_log {logs}/nginx.error.log warn;

events {{
	worker_connections 1024;
}}

http {{
	include {mime_types};
	default_type application/octet-stream;
	server_tokens off;
	access_log {logs}/nginx.access.log;
	client_body_temp_path {config}/nginx-temp/body;
	proxy_temp_path {config}/nginx-temp/proxy;
	fastcgi_temp_path {config}/nginx-temp/fastcgi;
	uwsgi_temp_path {config}/nginx-temp/uwsgi;
	scgi_temp_path {config}/nginx-temp/scgi;
	include {config}/nginx.conf;
}}
"""


def is_fork_datepicker(bundle_text: str) -> bool:
	"""True when an air-datepicker build is Frappe's fork (it adds the seconds timepicker the
	desk's Datetime control needs); npm's 2.2.3 release has no seconds."""
	return "seconds" in bundle_text


def hosts_missing(hosts_text: str, names: list[str]) -> list[str]:
	"""The site names /etc/hosts does not map yet (wkhtmltopdf and background jobs reach a
	site by its host_name; *.localhost names resolve only through /etc/hosts)."""
	known = set()
	for line in hosts_text.splitlines():
		line = line.split("#", 1)[0].split()
		known.update(line[1:])
	return [n for n in names if n not in known]
