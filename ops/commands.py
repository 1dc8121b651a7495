"""The commands of ./onestop."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

from ops import sources, stack, system
from ops.bench import PYTHON, bench, bench_env, ensure_bench
from ops.plan import BENCH_SITE, BROWSER_SITE, LOAD_SITE, SITE, SITE_PORTS, TEST_SITE
from ops.shell import ROOT, SetupError, run, say
from ops.sites import DEMO_ADMIN_PASSWORD, backup, ensure_site, restore, site_dir, update_site_config


def prepare(frappe_path: str | None = None, datepicker_path: str | None = None) -> tuple[str, str]:
	"""Everything up to a built bench; returns (Frappe source, MariaDB root password)."""
	source = sources.frappe_source(frappe_path, required=True)
	if not source:
		raise SetupError(
			"GitHub is unreachable and no Frappe source is known on this machine.\n"
			"Clone Frappe v15 somewhere (branch version-15) and run: ./onestop start --frappe-path /path/to/frappe"
		)
	sources.datepicker_source(datepicker_path)  # remember a path given now
	system.ensure_packages()
	system.ensure_hosts()
	password = system.ensure_mariadb()
	ensure_bench(source)
	stack.ensure_redis()
	return source, password


def cmd_start(args) -> int:
	t0 = time.time()
	_, password = prepare(args.frappe_path, args.datepicker_path)
	site = args.site or SITE
	real_use = bool(args.site) and args.site != SITE
	changed = ensure_site(site, password, demo=not real_use, real_use=real_use)
	if args.dev:
		bench("use", site, quiet=True)
		update_site_config(site, {"developer_mode": 1})
		stack.start_dev(args.foreground)
	else:
		stack.start_production(restart_app=changed)
	print_login(site, real_use)
	say(f"ready in {time.time() - t0:.0f}s")
	return 0


def print_login(site: str, real_use: bool) -> None:
	port = SITE_PORTS.get(site)
	url = (
		f"http://localhost:{port}"
		if site == SITE
		else (f"http://{site}:{port}" if port else f"http://{site}")
	)
	lines = [f"\nonestop is running: {url}/app"]
	if real_use:
		lines.append("  Log in as Administrator with the password you chose.")
	else:
		users = json.loads((ROOT / "fixtures" / "demo" / "users.json").read_text(encoding="utf-8"))
		lines += [
			"  DEMO SITE: the accounts below and their passwords are for trying onestop only;",
			"  a site for real use is made with ./onestop start --site NAME (it asks for its own password).",
			f"  Administrator / {DEMO_ADMIN_PASSWORD} (demo)",
			f"  Demo users (password {users['password']}):",
		]
		for u in users["users"]:
			agency = ", ".join(a["agency"] for a in u.get("agencies", []))
			lines.append(f"    {u['email']:34} {', '.join(u['roles'])} — {agency}")
	lines.append("Services: ./onestop status; stop with ./onestop stop; logs are in logs/.")
	print("\n".join(lines), flush=True)


def run_pytest(pytest_args: list[str], env: dict, default_path: str) -> int:
	"""pytest on `default_path`, or on the paths among `pytest_args` when some are given."""
	named = [a for a in pytest_args if not a.startswith("-") and (ROOT / a.split("::")[0]).exists()]
	cmd = [str(PYTHON), "-m", "pytest", *([] if named else [default_path]), *pytest_args]
	print(f"   $ {' '.join(cmd)}", flush=True)
	return subprocess.call(cmd, cwd=ROOT, env={**os.environ, **env})


def cmd_test(args) -> int:
	t0 = time.time()
	if not sources.frappe_source(None, required=True):
		return test_without_site(
			args.pytest_args,
			"no Frappe source is known on this machine and GitHub is unreachable "
			"(run ./onestop start --frappe-path /path/to/frappe once)",
		)
	_, password = prepare()
	changed = ensure_site(TEST_SITE, password, demo=False)
	chromium = system.ensure_chromium()
	changed |= ensure_site(BROWSER_SITE, password, demo=True)
	stack.start_production(restart_app=changed)
	env = {
		"ONESTOP_TEST_SITE": TEST_SITE,
		"ONESTOP_BENCH": str(ROOT),
		"ONESTOP_TEST_URL": f"http://127.0.0.1:{SITE_PORTS[TEST_SITE]}",
		"ONESTOP_BROWSER_SITE": BROWSER_SITE,
		"ONESTOP_BROWSER_URL": f"http://{BROWSER_SITE}:{SITE_PORTS[BROWSER_SITE]}",
		"CI": os.environ.get("CI", ""),
	}
	if chromium:
		env["ONESTOP_CHROMIUM"] = chromium
	code = run_pytest(args.pytest_args, env, "tests")
	say(f"test command finished in {time.time() - t0:.0f}s with exit code {code}")
	return code


def test_without_site(pytest_args: list[str], why: str) -> int:
	venv = ROOT / ".venv-unit"
	python = venv / "bin" / "python"
	if not python.exists():
		run([sys.executable, "-m", "venv", str(venv)])
	run(
		[
			str(venv / "bin" / "pip"),
			"install",
			"--quiet",
			"-e",
			"apps/onestop",
			"-r",
			"tests/requirements.txt",
		]
	)
	named = [a for a in pytest_args if not a.startswith("-") and (ROOT / a.split("::")[0]).exists()]
	cmd = [str(python), "-m", "pytest", *([] if named else ["tests/unit"]), *pytest_args]
	code = subprocess.call(cmd, cwd=ROOT, env={**os.environ, "ONESTOP_NO_SITE": why})
	banner = "!" * 78
	print(
		f"\n{banner}\nSITE SUITE SKIPPED: {why}.\nOnly the tests that need no site ran (exit {code}); "
		f"this run does NOT show that onestop works on a site.\n{banner}",
		flush=True,
	)
	return code or 3


def cmd_benchmark(args) -> int:
	"""Bring the benchmark site up to date and run benchmarks/dossiers.py on it."""
	_, password = prepare()
	changed = ensure_site(BENCH_SITE, password, demo=False)
	stack.start_production(restart_app=changed)
	cmd = [str(PYTHON), str(ROOT / "benchmarks" / "dossiers.py"), "--site", BENCH_SITE, *args.benchmark_args]
	print(f"   $ {' '.join(cmd)}", flush=True)
	return subprocess.call(cmd, cwd=ROOT / "sites", env={**os.environ, **bench_env()})


def cmd_loadtest(args) -> int:
	"""The load test (benchmarks/load.py, Locust) on the site onestop-load.localhost."""
	_, password = prepare()
	changed = ensure_site(LOAD_SITE, password, demo=True)
	stack.start_production(restart_app=changed)
	cmd = [str(bench_venv()), str(ROOT / "benchmarks" / "load.py"), *args.benchmark_args]
	cmd += ["--production-url", f"http://127.0.0.1:{SITE_PORTS[LOAD_SITE]}"]
	print(f"   $ {' '.join(cmd)}", flush=True)
	return subprocess.call(cmd, cwd=ROOT)


def cmd_scaleout(args) -> int:
	"""The scale-out demonstration (benchmarks/scale_out.py) on onestop-load.localhost."""
	_, password = prepare()
	changed = ensure_site(LOAD_SITE, password, demo=True)
	stack.start_production(restart_app=changed)
	python = bench_venv()
	cmd = [str(python), str(ROOT / "benchmarks" / "scale_out.py"), *args.benchmark_args]
	print(f"   $ {' '.join(cmd)}", flush=True)
	return subprocess.call(cmd, cwd=ROOT)


def bench_venv():
	"""The benchmarks' own virtualenv (Locust), kept apart from the bench's."""
	venv = ROOT / ".venv-bench"
	if not (venv / "bin" / "locust").exists():
		run([sys.executable, "-m", "venv", str(venv)])
		run(
			[
				str(venv / "bin" / "pip"),
				"install",
				"--quiet",
				"-r",
				str(ROOT / "benchmarks" / "requirements.txt"),
			]
		)
	return venv / "bin" / "python"


def cmd_backup(args) -> int:
	site = args.site or SITE
	if not (site_dir(site) / "site_config.json").exists():
		raise SetupError(f"no site {site} in this checkout")
	for path in backup(site):
		print(path)
	return 0


def cmd_restore(args) -> int:
	site = args.site or SITE
	password = system.ensure_mariadb()
	stack.ensure_redis()
	restore(site, os.path.abspath(args.file), password, public=args.public_files, private=args.private_files)
	if stack.production_running():
		stack.start_production(restart_app=True)
	say(f"{site} restored from {args.file}")
	return 0


def cmd_status(args) -> int:
	print(stack.status(), end="")
	return 0


def cmd_stop(args) -> int:
	stack.stop_all()
	return 0


def cmd_bench(args) -> int:
	return run(
		[str(ROOT / ".bench-cli" / "bin" / "bench"), *args.bench_args], env=bench_env(), check=False
	).returncode
