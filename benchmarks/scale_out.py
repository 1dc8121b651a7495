"""Scale-out on Frappe's own engine, on one machine: two app servers behind nginx, shared Redis,
the workers apart, and MariaDB as a primary with a real replica that the reports read from.

    ./onestop scaleout [--users 50] [--seconds 60]

On the site onestop-load.localhost (the demo data), beside the stack `./onestop start` serves:
1. a second MariaDB instance (port 3307, its data under /var/lib/onestop-replica) made a replica
   of the primary by MariaDB's own replication (seeded by mariadb-dump --master-data, then
   CHANGE MASTER / START SLAVE), and the site set to `read_from_replica` (Frappe then runs the
   reports, the list reads and onestop's cards and charts, all marked frappe.read_only, on it);
2. a second gunicorn (port 8002) beside the stack's (8001), and an nginx on port 8070 whose
   upstream is both;
3. Locust (benchmarks/locustfile.py) against port 8070; after a third of the run the second app
   server is killed (SIGKILL). It prints the requests served and failed before and after the
   kill, the replication lag, and how many SELECTs the replica ran during the load.
Everything it started is stopped at the end and the site reads from the primary again; the
replica's data stays for the next run. The same pieces on several machines: docs/scale-out.md.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
SITE = "onestop-load.localhost"
REPLICA_DIR = Path("/var/lib/onestop-replica")  # readable by the mysql user (a home folder is not)
REPLICA_PORT, APP2_PORT, LB_PORT = 3307, 8002, 8070
ROOT_PASSWORD = (Path.home() / ".config" / "onestop" / "db-root-password").read_text().strip()
SITE_CONFIG = ROOT / "sites" / SITE / "site_config.json"


def sql(
	query: str, port: int = 3306, database: str | None = None, capture: bool = True, names: bool = False
) -> str:
	cmd = [
		"mariadb",
		"-uroot",
		f"-p{ROOT_PASSWORD}",
		"-h127.0.0.1",
		f"-P{port}",
		*([] if names else ["-N"]),
		"-B",
		"-e",
		query,
	]
	if database:
		cmd.insert(1, database)
	done = subprocess.run(cmd, capture_output=capture, text=True)
	if done.returncode:
		raise SystemExit(f"port {port}: {query[:120]}: {(done.stderr or '').strip()}")
	return done.stdout


def replica_up() -> bool:
	return (
		subprocess.run(
			["mariadb-admin", "-uroot", f"-p{ROOT_PASSWORD}", "-h127.0.0.1", f"-P{REPLICA_PORT}", "ping"],
			capture_output=True,
		).returncode
		== 0
	)


def start_replica(db: str) -> subprocess.Popen:
	if replica_up():  # left by an interrupted run
		subprocess.run(["mariadb-admin", "-uroot", f"-p{ROOT_PASSWORD}", "-h127.0.0.1", f"-P{REPLICA_PORT}", "shutdown"],
			capture_output=True)  # fmt: skip
	fresh = not (REPLICA_DIR / "mysql").exists()
	REPLICA_DIR.mkdir(parents=True, exist_ok=True)
	subprocess.run(["chown", "-R", "mysql:mysql", str(REPLICA_DIR)], check=True)
	if fresh:
		subprocess.run(
			[
				"mariadb-install-db",
				"--user=mysql",
				f"--datadir={REPLICA_DIR}",
				"--auth-root-authentication-method=normal",
			],
			check=True,
			capture_output=True,
		)
	proc = subprocess.Popen(
		["mariadbd", "--no-defaults", "--user=mysql", f"--datadir={REPLICA_DIR}", f"--port={REPLICA_PORT}", "--bind-address=127.0.0.1",
		f"--socket={REPLICA_DIR}/replica.sock", f"--pid-file={REPLICA_DIR}/replica.pid", f"--log-error={REPLICA_DIR}/error.log",
		"--server-id=2", "--read-only=1", "--skip-slave-start", f"--replicate-do-db={db}", "--character-set-server=utf8mb4",
		"--collation-server=utf8mb4_unicode_ci", "--character-set-client-handshake=FALSE", "--innodb-buffer-pool-size=1G"],
		stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
	)  # fmt: skip
	for _ in range(120):
		if (
			subprocess.run(
				["mariadb-admin", "-uroot", f"--socket={REPLICA_DIR}/replica.sock", "ping"],
				capture_output=True,
			).returncode
			== 0
		):
			break
		time.sleep(0.5)
	# a new instance lets root in without a password: give root the primary's password
	subprocess.run(["mariadb", "-uroot", f"--socket={REPLICA_DIR}/replica.sock", "-e",
		f"ALTER USER 'root'@'localhost' IDENTIFIED BY '{ROOT_PASSWORD}'; CREATE USER IF NOT EXISTS 'root'@'127.0.0.1'; "
		f"ALTER USER 'root'@'127.0.0.1' IDENTIFIED BY '{ROOT_PASSWORD}'; GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION; FLUSH PRIVILEGES;"],
		capture_output=True)  # fmt: skip
	return proc


def make_replica(db: str, user: str, password: str) -> float:
	"""Seed the replica from the primary and start replication; returns the seconds it took."""
	t = time.time()
	repl_password = uuid.uuid4().hex
	sql(f"CREATE USER IF NOT EXISTS 'onestop_repl'@'127.0.0.1' IDENTIFIED BY '{repl_password}'; "
		f"ALTER USER 'onestop_repl'@'127.0.0.1' IDENTIFIED BY '{repl_password}'; GRANT REPLICATION SLAVE ON *.* TO 'onestop_repl'@'127.0.0.1';")  # fmt: skip
	# the primary's address first: a CHANGE MASTER that names the host forgets the binary log
	# position, so it must come before the dump's own (--master-data) sets that position
	sql(f"STOP SLAVE; RESET SLAVE ALL; CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=3306, "
		f"MASTER_USER='onestop_repl', MASTER_PASSWORD='{repl_password}'; "
		f"DROP DATABASE IF EXISTS `{db}`; CREATE DATABASE `{db}`;", port=REPLICA_PORT)  # fmt: skip
	dump = subprocess.Popen(
		["mariadb-dump", "-uroot", f"-p{ROOT_PASSWORD}", "-h127.0.0.1", "--single-transaction", "--master-data=1",
		"--routines", db],
		stdout=subprocess.PIPE,
	)  # fmt: skip
	subprocess.run(
		["mariadb", "-uroot", f"-p{ROOT_PASSWORD}", "-h127.0.0.1", f"-P{REPLICA_PORT}", db],
		stdin=dump.stdout,
		check=True,
	)
	if dump.wait():
		raise SystemExit("mariadb-dump of the primary failed")
	sql("START SLAVE", port=REPLICA_PORT)
	tables = f"SELECT count(*) FROM information_schema.tables WHERE table_schema = '{db}'"
	for _ in range(20):
		status = sql("SHOW SLAVE STATUS\\G", port=REPLICA_PORT, names=True)
		if "Slave_IO_Running: Yes" in status and "Slave_SQL_Running: Yes" in status:
			break
		time.sleep(0.5)
	else:
		raise SystemExit(f"replication did not start:\n{status}")
	if sql(tables, port=REPLICA_PORT).strip() != sql(tables).strip():
		raise SystemExit("the replica does not hold the primary's tables")
	# the site's user, read-only; also at 'localhost' (what 127.0.0.1 resolves to), which the
	# anonymous ''@'localhost' of a new instance would otherwise shadow
	for host in ("%", "localhost"):
		sql(f"CREATE USER IF NOT EXISTS '{user}'@'{host}' IDENTIFIED BY '{password}'; ALTER USER '{user}'@'{host}' IDENTIFIED BY '{password}'; "
			f"GRANT SELECT ON `{db}`.* TO '{user}'@'{host}'; FLUSH PRIVILEGES;", port=REPLICA_PORT)  # fmt: skip
	return time.time() - t


def replica_lag(db: str) -> float:
	"""Seconds between a write on the primary and its arrival on the replica."""
	marker = uuid.uuid4().hex[:12]
	sql(f"INSERT INTO `tabDefaultValue` (name, creation, modified, parent, parenttype, parentfield, defkey, defvalue) "
		f"VALUES ('{marker}', NOW(), NOW(), '__onestop_lag', '__onestop_lag', 'x', 'lag', '{marker}')", database=db)  # fmt: skip
	t = time.time()
	while time.time() - t < 30:
		if (
			sql(
				f"SELECT count(*) FROM `tabDefaultValue` WHERE name = '{marker}'",
				port=REPLICA_PORT,
				database=db,
			).strip()
			== "1"
		):
			lag = time.time() - t
			break
		time.sleep(0.05)
	else:
		lag = float("inf")
	sql(f"DELETE FROM `tabDefaultValue` WHERE name = '{marker}'", database=db)
	return lag


def replica_selects() -> int:
	return int(sql("SHOW GLOBAL STATUS LIKE 'Com_select'", port=REPLICA_PORT).split()[1])


def set_site_config(values: dict) -> None:
	config = json.loads(SITE_CONFIG.read_text())
	config.update(values)
	for key, value in list(values.items()):
		if value is None:
			config.pop(key)
	SITE_CONFIG.write_text(json.dumps(config, indent=1, sort_keys=True) + "\n")


def start_app_server() -> subprocess.Popen:
	proc = subprocess.Popen(
		[str(ROOT / "env" / "bin" / "gunicorn"), "-b", f"127.0.0.1:{APP2_PORT}", "-w", "3", "-t", "120", "frappe.app:application", "--preload"],
		cwd=ROOT / "sites", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
	)  # fmt: skip
	wait_http(f"http://127.0.0.1:{APP2_PORT}/api/method/ping", {"Host": SITE})
	return proc


def start_balancer() -> subprocess.Popen:
	conf = ROOT / "config" / "nginx-scaleout.conf"
	conf.write_text(f"""\
# Written by benchmarks/scale_out.py: two app servers behind one upstream (docs/scale-out.md).
worker_processes 1;
pid {ROOT}/config/pids/nginx-scaleout.pid;
error_log {ROOT}/logs/nginx-scaleout.error.log warn;
events {{ worker_connections 1024; }}
http {{
	access_log off;
	client_body_temp_path {ROOT}/config/nginx-temp/body;
	proxy_temp_path {ROOT}/config/nginx-temp/proxy;
	upstream onestop_app_servers {{
		server 127.0.0.1:8001 max_fails=1 fail_timeout=10s;
		server 127.0.0.1:{APP2_PORT} max_fails=1 fail_timeout=10s;
	}}
	server {{
		listen {LB_PORT};
		client_max_body_size 50m;
		location / {{
			proxy_set_header X-Frappe-Site-Name {SITE};
			proxy_set_header Host {SITE};
			proxy_set_header X-Forwarded-For $remote_addr;
			proxy_next_upstream error timeout http_502;
			proxy_pass http://onestop_app_servers;
		}}
	}}
}}
""")
	proc = subprocess.Popen(["nginx", "-c", str(conf), "-g", "daemon off;"], start_new_session=True)
	wait_http(f"http://127.0.0.1:{LB_PORT}/api/method/ping")
	return proc


def wait_http(url: str, headers: dict | None = None) -> None:
	for _ in range(120):
		try:
			if requests.get(url, headers=headers or {}, timeout=2).ok:
				return
		except requests.RequestException:
			pass
		time.sleep(0.5)
	raise SystemExit(f"{url} did not answer")


def locust(users: int, seconds: int, csv_prefix: Path, env: dict) -> subprocess.Popen:
	return subprocess.Popen(
		[sys.executable, "-m", "locust", "-f", str(ROOT / "benchmarks" / "locustfile.py"), "--headless", "-u", str(users),
		"-r", str(max(1, users // 10)), "--run-time", f"{seconds}s", "--host", f"http://127.0.0.1:{LB_PORT}",
		"--csv", str(csv_prefix), "--csv-full-history", "--only-summary", "--stop-timeout", "20"],
		env={**os.environ, **env}, stdout=subprocess.DEVNULL,
	)  # fmt: skip


def main() -> int:
	parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
	parser.add_argument("--users", type=int, default=50)
	parser.add_argument("--seconds", type=int, default=60)
	args = parser.parse_args()
	config = json.loads(SITE_CONFIG.read_text())
	db, password = config["db_name"], config["db_password"]
	started = []
	try:
		replica = start_replica(db)
		started.append(replica)
		seeded = make_replica(db, db, password)
		lag = replica_lag(db)
		print(
			f"== replica on port {REPLICA_PORT}: seeded in {seeded:.1f} s, replication lag {lag * 1000:.0f} ms",
			flush=True,
		)
		set_site_config(
			{"read_from_replica": 1, "replica_host": "127.0.0.1", "replica_db_port": REPLICA_PORT}
		)
		started.append(start_app_server())
		started.append(start_balancer())
		from load import officers_and_procedures

		officers, procedures = officers_and_procedures(f"http://127.0.0.1:{LB_PORT}")
		env = {
			"ONESTOP_LOAD_OFFICERS": ",".join(officers),
			"ONESTOP_LOAD_PROCEDURES": ",".join(procedures),
			"ONESTOP_LOAD_RUN": f"scale-{uuid.uuid4().hex[:6]}",
		}
		out = ROOT / "logs" / "load"
		out.mkdir(parents=True, exist_ok=True)
		prefix = out / "scaleout"
		selects = replica_selects()
		run = locust(args.users, args.seconds, prefix, env)
		time.sleep(args.seconds / 3)
		os.killpg(started[1].pid, signal.SIGKILL)  # the second app server dies under load
		killed_at = time.time()
		run.wait()
		selects = replica_selects() - selects
		rows = list(csv.DictReader(open(f"{prefix}_stats.csv", newline="")))
		history = list(csv.DictReader(open(f"{prefix}_stats_history.csv", newline="")))
		total = next(r for r in rows if r["Name"] == "Aggregated")
		before = [h for h in history if h["Name"] == "Aggregated" and float(h["Timestamp"]) < killed_at]
		failed_before = int(before[-1]["Total Failure Count"]) if before else 0
		soon = [h for h in history if h["Name"] == "Aggregated" and float(h["Timestamp"]) < killed_at + 5]
		failed_soon = int(soon[-1]["Total Failure Count"]) - failed_before if soon else 0
		print(
			f"== {args.users} users for {args.seconds} s through nginx (two app servers, then one after {args.seconds // 3} s)"
		)
		print(f"   requests {total['Request Count']}, failed {total['Failure Count']} ({failed_before} before the kill); "
			f"p50 {total['50%']} ms, p95 {total['95%']} ms, {float(total['Requests/s']):.1f} req/s")  # fmt: skip
		failed_later = int(total["Failure Count"]) - failed_before - failed_soon
		print(
			f"   failed within 5 s of the kill (requests in flight on the killed server): {failed_soon}; later: {failed_later}"
		)
		print(
			f"   the replica ran {selects:,} SELECTs during the load (reports, lists, cards and charts read there)"
		)
		return 0
	finally:
		set_site_config({"read_from_replica": None, "replica_host": None, "replica_db_port": None})
		for proc in reversed(started):
			try:
				os.killpg(proc.pid, signal.SIGTERM)
			except ProcessLookupError:
				pass
		if replica_up():
			sql("STOP SLAVE", port=REPLICA_PORT)
			subprocess.run(
				[
					"mariadb-admin",
					"-uroot",
					f"-p{ROOT_PASSWORD}",
					"-h127.0.0.1",
					f"-P{REPLICA_PORT}",
					"shutdown",
				],
				capture_output=True,
			)


if __name__ == "__main__":
	sys.path.insert(0, str(Path(__file__).parent))
	sys.exit(main())
