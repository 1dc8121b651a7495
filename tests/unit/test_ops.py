"""The setup driver's pure helpers (ops/plan.py): what it configures, given what it finds."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from ops.plan import (  # noqa: E402
	buffer_pool_megabytes,
	github_tarballs,
	hosts_missing,
	is_fork_datepicker,
	mariadb_settings,
	nginx_main_conf,
	supervisord_conf,
	tree_hash,
)

GiB = 1024**3

LOCK = """
"@babel/parser@^7.23.0":
  version "7.23.4"
  resolved "https://registry.yarnpkg.com/@babel/parser/-/parser-7.23.4.tgz#409fbe690c333bb70187e2de4021e1e47a026661"

"air-datepicker@github:frappe/air-datepicker":
  version "2.2.3"
  resolved "https://codeload.github.com/frappe/air-datepicker/tar.gz/ed37b94d95c68d8544357e330be0c89d044a3eea"
"""


def test_the_buffer_pool_is_a_quarter_of_the_memory_within_bounds():
	assert buffer_pool_megabytes(24 * GiB) == 6144
	assert buffer_pool_megabytes(1 * GiB) == 256
	assert buffer_pool_megabytes(256 * GiB) == 16384
	assert buffer_pool_megabytes(3 * GiB) % 128 == 0
	assert "innodb_buffer_pool_size = 6144M" in mariadb_settings(6144)
	assert "utf8mb4_unicode_ci" in mariadb_settings(256)


def test_github_tarballs_of_a_yarn_lock_are_named_by_their_commit():
	assert github_tarballs(LOCK) == [
		{
			"name": "air-datepicker",
			"version": "2.2.3",
			"repo": "frappe/air-datepicker",
			"sha": "ed37b94d95c68d8544357e330be0c89d044a3eea",
		}
	]


def test_the_fork_of_the_date_picker_is_told_from_npms_release():
	assert is_fork_datepicker("timepicker: { seconds: true, secondsStep: 1 }")
	assert not is_fork_datepicker("hours, minutes")


def test_hosts_lists_only_the_names_not_yet_mapped():
	hosts = "127.0.0.1 localhost\n127.0.0.1\tonestop.localhost # onestop sites\n# 127.0.0.1 onestop-test.localhost\n"
	assert hosts_missing(hosts, ["onestop.localhost", "onestop-test.localhost"]) == ["onestop-test.localhost"]


def test_supervisord_runs_benchs_programs_and_nginx(tmp_path):
	conf = supervisord_conf(tmp_path, "demo", "/usr/sbin/nginx")
	assert f"files = {tmp_path}/config/supervisor.conf" in conf
	assert "[program:demo-nginx]" in conf and "daemon off;" in conf and "autorestart=true" in conf
	assert f"file={tmp_path}/config/supervisor.sock" in conf


def test_nginx_wraps_benchs_server_blocks(tmp_path):
	conf = nginx_main_conf(tmp_path)
	assert f"include {tmp_path}/config/nginx.conf;" in conf
	assert f"pid {tmp_path}/config/pids/nginx.pid;" in conf


def test_the_tree_hash_changes_with_content_and_ignores_caches(tmp_path):
	(tmp_path / "a.py").write_text("x = 1")
	(tmp_path / "__pycache__").mkdir()
	first = tree_hash(tmp_path, tmp_path)
	(tmp_path / "__pycache__" / "a.cpython-311.pyc").write_text("junk")
	(tmp_path / "notes.md").write_text("ignored suffix")
	assert tree_hash(tmp_path, tmp_path) == first
	(tmp_path / "a.py").write_text("x = 2")
	assert tree_hash(tmp_path, tmp_path) != first
