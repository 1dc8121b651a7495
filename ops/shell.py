"""Running commands and talking to the user; shared by every step of the setup."""

from __future__ import annotations

import os
import shlex
import socket
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG_DIR = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config")) / "onestop"
CACHE_DIR = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "onestop"


class SetupError(Exception):
	"""A step that cannot go on; its message tells the user what to do."""


_SECRETS: list[str] = []


def hide(secret: str) -> None:
	"""Never print `secret` in a command line shown to the user."""
	if secret and secret not in _SECRETS:
		_SECRETS.append(secret)


def say(msg: str) -> None:
	print(f"\033[1;34m==>\033[0m {msg}", flush=True)


def warn(msg: str) -> None:
	print(f"\033[1;33m!!\033[0m {msg}", flush=True)


def run(cmd, *, cwd=ROOT, env=None, check=True, quiet=False, input=None) -> subprocess.CompletedProcess:
	"""Run a command (list or shell string); on failure raise SetupError with its tail."""
	shell = isinstance(cmd, str)
	shown = cmd if shell else " ".join(shlex.quote(str(c)) for c in cmd)
	for secret in _SECRETS:
		shown = shown.replace(secret, "****")
	if not quiet:
		print(f"   $ {shown}", flush=True)
	proc = subprocess.run(
		cmd if shell else [str(c) for c in cmd],
		cwd=cwd,
		env={**os.environ, **(env or {})},
		shell=shell,
		text=True,
		input=input,
		stdin=None if input is not None else subprocess.DEVNULL,
		capture_output=quiet,
	)
	if check and proc.returncode != 0:
		tail = ((proc.stdout or "") + (proc.stderr or ""))[-3000:] if quiet else ""
		raise SetupError(f"command failed ({proc.returncode}): {shown}\n{tail}")
	return proc


def ok(cmd, **kw) -> bool:
	return run(cmd, check=False, quiet=True, **kw).returncode == 0


def as_root(cmd: list[str]) -> list[str]:
	return cmd if os.geteuid() == 0 else ["sudo", *cmd]


def port_open(port: int, host: str = "127.0.0.1") -> bool:
	with socket.socket() as s:
		s.settimeout(0.5)
		return s.connect_ex((host, port)) == 0


def wait_for(predicate, seconds: float, what: str) -> None:
	deadline = time.time() + seconds
	while time.time() < deadline:
		if predicate():
			return
		time.sleep(0.5)
	raise SetupError(f"timed out after {seconds:.0f}s waiting for {what}")
