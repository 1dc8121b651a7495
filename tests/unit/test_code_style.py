"""The repository's code style, as the pre-commit configuration checks it: ruff (check and
format) over the Python, prettier over the app's JavaScript. Runs where the tools are (the
bench's env and Frappe's node_modules); says so when they are not."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUFF = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
PRETTIER = ROOT / "apps" / "frappe" / "node_modules" / ".bin" / "prettier"


def run(*cmd) -> subprocess.CompletedProcess:
	return subprocess.run([str(c) for c in cmd], cwd=ROOT, capture_output=True, text=True)


@pytest.mark.skipif(not RUFF, reason="ruff is not installed (tests/requirements.txt)")
def test_python_passes_ruff_check_and_format():
	check = run(RUFF, "check", ".")
	assert check.returncode == 0, check.stdout[-3000:]
	form = run(RUFF, "format", "--check", ".")
	assert form.returncode == 0, form.stdout[-3000:]


@pytest.mark.skipif(not PRETTIER.exists(), reason="no bench here (Frappe's node_modules hold prettier)")
def test_javascript_passes_prettier():
	files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "apps" / "onestop" / "onestop").rglob("*.js"))
	result = run(PRETTIER, "--check", *files)
	assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-1000:]
