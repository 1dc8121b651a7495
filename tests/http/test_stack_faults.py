"""One dead process is restarted alone by supervisor, and the site keeps answering or recovers
within seconds; nothing written is lost. (The app server, a worker, the queue's Redis.)"""

from __future__ import annotations

import os
import signal
import threading
import time

import requests
from conftest import URL, login, site_python
from test_stack import NAME, programs

RECOVERY = 30  # seconds supervisor is given to bring a process back


def wait_running(program: str, old_pid: int) -> float:
	"""Seconds until `program` runs again with a new pid."""
	start = time.time()
	while time.time() - start < RECOVERY:
		state, pid = programs().get(f"{NAME}-{program}", ("", 0))
		if state == "RUNNING" and pid and pid != old_pid:
			return time.time() - start
		time.sleep(0.2)
	raise AssertionError(f"{program} was not restarted within {RECOVERY} s")


def answers() -> bool:
	try:
		return requests.get(f"{URL}/api/method/ping", timeout=5).status_code == 200
	except requests.RequestException:
		return False


def steady(count: int = 5) -> None:
	"""Wait (RECOVERY at most) until the site answers `count` times in a row: once gunicorn's
	master is back, its workers boot one after another and a first answer is not all of them."""
	deadline, streak = time.time() + RECOVERY, 0
	while streak < count:
		assert time.time() < deadline, "the site does not answer steadily again"
		streak = streak + 1 if answers() else 0
		time.sleep(0.3)


def test_killing_a_gunicorn_worker_under_load_loses_no_request_but_its_own():
	"""gunicorn's master replaces a dead worker; the others keep serving."""
	_, master = programs()[f"{NAME}-frappe-web"]
	children = [int(p) for p in open(f"/proc/{master}/task/{master}/children").read().split()]
	assert len(children) >= 2
	results, stop = [], threading.Event()

	def load():
		while not stop.is_set():
			results.append(answers())

	threads = [threading.Thread(target=load) for _ in range(4)]
	for t in threads:
		t.start()
	time.sleep(1)
	os.kill(children[0], signal.SIGKILL)
	time.sleep(3)
	stop.set()
	for t in threads:
		t.join()
	failed = results.count(False)
	assert len(results) > 20 and failed <= 1, f"{failed} of {len(results)} requests failed"
	assert answers()


def test_the_app_server_comes_back_after_its_master_dies():
	_, pid = programs()[f"{NAME}-frappe-web"]
	os.kill(pid, signal.SIGKILL)
	seconds = wait_running("frappe-web", pid)
	deadline = time.time() + RECOVERY
	while not answers():
		assert time.time() < deadline, "the site does not answer again"
		time.sleep(0.3)
	print(f"app server back in {seconds:.1f} s")
	steady()


def test_a_dead_worker_or_queue_redis_comes_back_and_nothing_written_is_lost():
	steady()
	session = login("Administrator", "admin")
	marker = f"fault-test-{time.time_ns()}"
	r = session.post(f"{URL}/api/resource/ToDo", json={"description": marker}, timeout=30)
	assert r.status_code == 200
	for program in ("frappe-short-worker-0", "redis-queue"):
		_, pid = programs()[f"{NAME}-{program}"]
		os.kill(pid, signal.SIGKILL)
		wait_running(program, pid)
	assert session.get(
		f"{URL}/api/resource/ToDo", params={"filters": f'[["description","=","{marker}"]]'}, timeout=30
	).json()["data"]
	job = site_python("out['id'] = frappe.enqueue('frappe.utils.now', queue='short').id")["id"]
	deadline = time.time() + RECOVERY
	while True:
		status = site_python(
			"from frappe.utils.background_jobs import get_queue\nfrom rq.job import Job\n"
			f"out['s'] = Job.fetch({job!r}, connection=get_queue('short').connection).get_status()"
		)["s"]
		if status == "finished":
			break
		assert time.time() < deadline, f"after the restarts a job is still {status}"
		time.sleep(0.5)
	site_python(f"frappe.db.delete('ToDo', {{'description': {marker!r}}})")
