"""Where Frappe and its GitHub-hosted pieces come from.

Frappe is cloned from the upstream repository (branch version-15) unless a local clone is
named; Frappe's date picker (github:frappe/air-datepicker, the fork the desk's Datetime control
needs) is fetched by yarn from GitHub, or packed from a local clone where GitHub is out of
reach. A path named once is remembered in ~/.config/onestop/, so later runs and fresh clones of
this repository on the same machine (CI among them) need no flags. npm's air-datepicker release
is never a substitute: with it every Datetime field of the desk fails.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from ops.plan import github_tarballs
from ops.shell import CACHE_DIR, CONFIG_DIR, ROOT, SetupError, ok, run, say, warn

UPSTREAM_FRAPPE = "https://github.com/frappe/frappe"
FRAPPE_BRANCH = "version-15"
REMEMBERED_FRAPPE = CONFIG_DIR / "frappe-source"
REMEMBERED_DATEPICKER = CONFIG_DIR / "air-datepicker-source"
# gunicorn is pinned to a GitHub fork in Frappe's pyproject; the PyPI release replaces it
GUNICORN_FROM_PYPI = "gunicorn~=23.0.0"


def _remember(file: Path, value: str) -> None:
	CONFIG_DIR.mkdir(parents=True, exist_ok=True)
	file.write_text(value + "\n")


def _remembered(file: Path) -> str | None:
	if not file.exists():
		return None
	value = file.read_text().strip()
	if value and (not value.startswith("/") or Path(value).exists()):
		return value
	warn(f"the remembered source {value} ({file}) is gone")
	return None


def frappe_source(cli_path: str | None, *, required: bool) -> str | None:
	"""The Frappe source to build from: a local clone's path or a git URL.

	Order: --frappe-path, ONESTOP_FRAPPE_PATH, the source remembered on this machine, a bench
	already built here, then the upstream repository (when GitHub answers). A path given
	explicitly is remembered. Raises SetupError for a path that is not Frappe v15."""
	given = cli_path or os.environ.get("ONESTOP_FRAPPE_PATH")
	if given:
		if re.match(r"^(https?|git|ssh)://|^git@", given):
			source = given
		else:
			path = Path(given).expanduser().resolve()
			if not path.exists():
				raise SetupError(f"--frappe-path {given}: no such directory")
			source = str(normalise_local_clone(path))
		_remember(REMEMBERED_FRAPPE, source)
		return source
	if remembered := _remembered(REMEMBERED_FRAPPE):
		return remembered
	if (ROOT / "apps" / "frappe" / "frappe" / "__init__.py").exists():
		return str(ROOT / "apps" / "frappe")
	if required and github_reachable():
		return UPSTREAM_FRAPPE
	return None


def normalise_local_clone(path: Path) -> Path:
	"""bench needs a normal (non-bare) clone at a path ending in /frappe; make one if needed."""
	if (path / "frappe" / "__init__.py").exists() and path.name == "frappe":
		check_frappe_version(path)
		return path
	target = CACHE_DIR / "source" / "frappe"
	say(f"making a local clone of {path} at {target} (bench needs a work tree named 'frappe')")
	if target.exists():
		shutil.rmtree(target)
	target.parent.mkdir(parents=True, exist_ok=True)
	branch = []
	if ok(["git", "-C", str(path), "rev-parse", "--verify", f"refs/heads/{FRAPPE_BRANCH}"]):
		branch = ["--branch", FRAPPE_BRANCH]
	run(["git", "clone", "--quiet", *branch, str(path), str(target)])
	check_frappe_version(target)
	return target


def check_frappe_version(path: Path) -> None:
	text = (path / "frappe" / "__init__.py").read_text()
	m = re.search(r'__version__\s*=\s*"([^"]+)"', text)
	if not m or not m.group(1).startswith("15."):
		raise SetupError(f"{path} holds Frappe {m.group(1) if m else '?'}; onestop needs Frappe v15")


def datepicker_source(cli_path: str | None) -> str | None:
	"""A local clone of github:frappe/air-datepicker, named with --datepicker-path (or
	ONESTOP_DATEPICKER_PATH) once and remembered; None when none was ever named."""
	given = cli_path or os.environ.get("ONESTOP_DATEPICKER_PATH")
	if given:
		path = Path(given).expanduser().resolve()
		if not (path / ".git").exists() and not (path / "HEAD").exists():
			raise SetupError(f"--datepicker-path {given}: not a git clone of github:frappe/air-datepicker")
		_remember(REMEMBERED_DATEPICKER, str(path))
		return str(path)
	return _remembered(REMEMBERED_DATEPICKER)


_github: bool | None = None


def github_reachable() -> bool:
	global _github
	if _github is None:
		_github = ok(["timeout", "15", "git", "ls-remote", "--heads", "https://github.com/frappe/gunicorn"])
	return _github


def offline_substitutes(frappe_lock: Path | None) -> dict:
	"""Environment for bench when GitHub is out of reach: gunicorn from PyPI (uv's override)
	and each GitHub tarball of Frappe's yarn.lock packed from the local clone named for it,
	in a yarn offline mirror under the file name yarn looks for.

	Raises SetupError when a GitHub-hosted package has no local clone, or the clone lacks
	the commit the lock file names."""
	CACHE_DIR.mkdir(parents=True, exist_ok=True)
	overrides = CACHE_DIR / "uv-overrides.txt"
	overrides.write_text(GUNICORN_FROM_PYPI + "\n")
	mirror = CACHE_DIR / "yarn-mirror"
	mirror.mkdir(exist_ok=True)
	if frappe_lock and frappe_lock.exists():
		for entry in github_tarballs(frappe_lock.read_text()):
			pack_from_clone(entry, mirror)
	return {
		"UV_OVERRIDE": str(overrides),
		"YARN_YARN_OFFLINE_MIRROR": str(mirror),
		"YARN_YARN_OFFLINE_MIRROR_PRUNING": "false",
	}


def pack_from_clone(entry: dict, mirror: Path) -> None:
	target = mirror / entry["sha"]
	if target.exists() and target.stat().st_size and not _is_npm_substitute(target):
		return  # packed from the fork by an earlier run
	if entry["repo"] != "frappe/air-datepicker":
		raise SetupError(
			f"GitHub is unreachable and Frappe needs {entry['name']} from github:{entry['repo']}; "
			"onestop knows no substitute for it"
		)
	clone = datepicker_source(None)
	if not clone:
		raise SetupError(
			"GitHub is unreachable: Frappe's date picker (github:frappe/air-datepicker, the fork the desk's "
			"Datetime fields need; npm's release breaks them) cannot be fetched.\n"
			"Clone it where you can and name it once: ./onestop start --datepicker-path /path/to/air-datepicker"
		)
	if not ok(["git", "-C", clone, "cat-file", "-e", f"{entry['sha']}^{{commit}}"]):
		raise SetupError(f"{clone} does not hold commit {entry['sha'][:10]} of github:{entry['repo']}")
	say(f"packing {entry['name']} {entry['sha'][:10]} from {clone}")
	run(
		[
			"git",
			"-C",
			clone,
			"archive",
			"--format=tar.gz",
			"--prefix=package/",
			"-o",
			str(target),
			entry["sha"],
		]
	)


def _is_npm_substitute(tarball: Path) -> bool:
	"""An earlier setup put npm's release under the fork's name; it must be replaced."""
	import tarfile

	try:
		with tarfile.open(tarball) as tar:
			member = tar.extractfile("package/dist/js/datepicker.js")
			return member is None or b"seconds" not in member.read()
	except (KeyError, tarfile.TarError):
		return True
