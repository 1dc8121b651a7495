"""Load test: the development server beside the production stack, at several user counts.

    ./onestop loadtest [--users 50,200] [--minutes 2] [--targets dev,production]

runs Locust (benchmarks/locustfile.py) headless against the site onestop-load.localhost (the
demo data), once per target and user count: `production` is the stack the start command serves
(nginx, gunicorn, workers), `dev` is Frappe's development server (`bench serve`, Werkzeug)
started here on the same site. For each run it prints p50/p95/p99 and errors per request type,
the requests per second, and checks the stored progress updates against the accepted ones
(lost updates) and the rejected ones. Locust runs on the same 2 cores as the site: the figures
are for this machine as a whole.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import subprocess
import sys
import time
import uuid
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
SITE = "onestop-load.localhost"
DEV_PORT = 8060


def admin(url: str) -> requests.Session:
	s = requests.Session()
	s.post(
		f"{url}/api/method/login", data={"usr": "Administrator", "pwd": "admin"}, timeout=30
	).raise_for_status()
	return s


def officers_and_procedures(url: str) -> tuple[list[str], list[str]]:
	s = admin(url)
	users = json.loads((ROOT / "fixtures" / "demo" / "users.json").read_text(encoding="utf-8"))["users"]
	officers = [u["email"] for u in users if {"Agency Officer", "Agency Head"} & set(u["roles"])]
	procedures = s.get(
		f"{url}/api/resource/Administrative Procedure",
		params={"filters": json.dumps([["is_current", "=", 1]]), "limit_page_length": 50},
		timeout=30,
	).json()["data"]
	return officers, [p["name"] for p in procedures]


def stored_updates(url: str, run: str) -> int:
	r = admin(url).get(
		f"{url}/api/method/frappe.client.get_count",
		params={"doctype": "Plan Task Update", "filters": json.dumps([["note", "like", f"{run}:%"]])},
		timeout=60,
	)
	return int(r.json()["message"])


def start_dev_server() -> subprocess.Popen:
	proc = subprocess.Popen(
		[str(ROOT / "env" / "bin" / "python"), "-m", "frappe.utils.bench_helper", "frappe", "--site", SITE, "serve", "--port", str(DEV_PORT), "--noreload"],
		cwd=ROOT / "sites", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
	)  # fmt: skip
	deadline = time.time() + 60
	while time.time() < deadline:
		try:
			if requests.get(f"http://127.0.0.1:{DEV_PORT}/api/method/ping", timeout=2).ok:
				return proc
		except requests.RequestException:
			time.sleep(0.5)
	proc.kill()
	raise SystemExit("the development server did not start")


BENCH_ID = str(ROOT).strip("/").replace("/", "-")  # Frappe's queue names start with it (get_bench_id)


def wait_for_quiet_queues(limit: float = 180) -> float:
	"""Wait until the background queues are empty (what one run queued, e-mails and
	notifications, must not weigh on the next); returns the seconds waited."""
	t = time.time()
	while time.time() - t < limit:
		keys = subprocess.run(
			["redis-cli", "-p", "11000", "--scan", "--pattern", f"rq:queue:{BENCH_ID}:*"],
			capture_output=True,
			text=True,
		).stdout.split()
		lengths = [
			int(
				subprocess.run(
					["redis-cli", "-p", "11000", "llen", k], capture_output=True, text=True
				).stdout.strip()
				or 0
			)
			for k in keys
		]
		if not any(lengths):
			break
		time.sleep(2)
	time.sleep(5)
	return time.time() - t


def run_locust(url: str, users: int, minutes: float, run: str, env: dict, out: Path) -> list[dict]:
	prefix = out / f"{run}"
	cmd = [
		sys.executable, "-m", "locust", "-f", str(ROOT / "benchmarks" / "locustfile.py"), "--headless",
		"-u", str(users), "-r", str(max(1, users // 20)), "--run-time", f"{int(minutes * 60)}s",
		"--host", url, "--csv", str(prefix), "--only-summary", "--stop-timeout", "30",
	]  # fmt: skip
	subprocess.run(
		cmd, env={**os.environ, **env, "ONESTOP_LOAD_RUN": run}, check=False, stdout=subprocess.DEVNULL
	)
	with open(f"{prefix}_stats.csv", newline="") as f:
		return list(csv.DictReader(f))


def main() -> int:
	parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
	parser.add_argument("--users", default="50,200")
	parser.add_argument("--minutes", type=float, default=2)
	parser.add_argument("--targets", default="dev,production")
	parser.add_argument("--production-url", default="http://127.0.0.1:8050")
	parser.add_argument("--json", help="also write the figures to this file")
	args = parser.parse_args()
	out = ROOT / "logs" / "load"
	out.mkdir(parents=True, exist_ok=True)
	officers, procedures = officers_and_procedures(args.production_url)
	env = {"ONESTOP_LOAD_OFFICERS": ",".join(officers), "ONESTOP_LOAD_PROCEDURES": ",".join(procedures)}
	print(
		f"== machine: {platform.processor() or platform.machine()} x {os.cpu_count()} cores; site {SITE}",
		flush=True,
	)
	results = []
	for target in args.targets.split(","):
		dev = start_dev_server() if target == "dev" else None
		url = f"http://127.0.0.1:{DEV_PORT}" if dev else args.production_url
		try:
			for users in map(int, args.users.split(",")):
				run = f"load-{uuid.uuid4().hex[:8]}"
				wait_for_quiet_queues()
				t = time.time()
				rows = run_locust(url, users, args.minutes, run, env, out)
				stored = stored_updates(args.production_url, run)
				accepted = next(
					(
						int(r["Request Count"]) - int(r["Failure Count"])
						for r in rows
						if r["Name"] == "add progress"
					),
					0,
				)
				rejected = next((int(r["Failure Count"]) for r in rows if r["Name"] == "add progress"), 0)
				result = {"target": target, "users": users, "seconds": round(time.time() - t), "rows": rows,
					"accepted_updates": accepted, "stored_updates": stored, "rejected_updates": rejected}  # fmt: skip
				results.append(result)
				print_run(result)
		finally:
			if dev:
				dev.terminate()
				dev.wait(timeout=20)
	if args.json:
		Path(args.json).write_text(json.dumps(results, indent=1))
	return 0


def print_run(result: dict) -> None:
	print(f"\n== {result['target']}, {result['users']} users, {result['seconds']} s", flush=True)
	print(f"{'request':28} {'count':>7} {'errors':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'req/s':>7}")
	for r in result["rows"]:
		print(
			f"{r['Name']:28} {r['Request Count']:>7} {r['Failure Count']:>7} {r['50%']:>8} {r['95%']:>8} {r['99%']:>8} {float(r['Requests/s']):>7.1f}"
		)
	lost = max(0, result["accepted_updates"] - result["stored_updates"])
	late = max(0, result["stored_updates"] - result["accepted_updates"])  # in flight when Locust stopped
	print(
		f"progress updates: {result['accepted_updates']} accepted, {result['stored_updates']} stored "
		f"(lost {lost}; {late} more stored from requests still in flight at the end), {result['rejected_updates']} rejected",
		flush=True,
	)


if __name__ == "__main__":
	sys.exit(main())
