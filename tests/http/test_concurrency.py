"""Limits and history hold under parallel requests from separate sessions (a real web server
with several workers), not only one request at a time."""

from __future__ import annotations

from conftest import URL, login, parallel, site_python

OFFICERS = ["officer.snv@onestop.localhost", "head.snv@onestop.localhost"]


def open_tasks(agency: str, count: int) -> list[str]:
	return site_python(
		f"out['tasks'] = frappe.get_all('Plan Task', filters={{'lead_agency': {agency!r}, 'status': ('not in', ['Submitted', 'Done'])}}, pluck='name', limit={count}, order_by='name')"
	)["tasks"]


def updates(task: str) -> int:
	return site_python(f"out['n'] = frappe.db.count('Plan Task Update', {{'parent': {task!r}}})")["n"]


def test_twenty_officers_recording_progress_on_one_task_all_get_through():
	task = open_tasks("Sở Nội vụ", 1)[0]
	before = updates(task)
	sessions = [login(OFFICERS[i % 2]) for i in range(20)]
	responses = parallel(
		[
			lambda s=s, i=i: s.post(
				f"{URL}/api/method/onestop.planning.progress.add_progress",
				data={"task": task, "note": f"Cập nhật song song {i}", "progress": 5 * i},
				timeout=60,
			)
			for i, s in enumerate(sessions)
		]
	)
	codes = [r.status_code for r in responses]
	assert codes == [200] * 20, [r.text[:200] for r in responses if r.status_code != 200]
	assert updates(task) == before + 20
	notes = site_python(
		f"out['n'] = frappe.get_all('Plan Task Update', filters={{'parent': {task!r}}}, pluck='note')"
	)["n"]
	assert {f"Cập nhật song song {i}" for i in range(20)} <= set(notes)
	site_python(
		f"frappe.db.delete('Plan Task Update', {{'parent': {task!r}, 'note': ('like', 'Cập nhật song song %')}})"
	)


def test_progress_on_twenty_different_tasks_at_once_never_deadlocks_into_an_error():
	tasks = site_python(
		"out['t'] = frappe.get_all('Plan Task', filters={'status': ('not in', ['Submitted', 'Done'])}, pluck='name', limit=20, order_by='name desc')"
	)["t"]
	sessions = [login("coordinator@onestop.localhost") for _ in tasks]
	responses = parallel(
		[
			lambda s=s, t=t: s.post(
				f"{URL}/api/method/onestop.planning.progress.add_progress",
				data={"task": t, "note": "Cập nhật đồng loạt", "progress": 10},
				timeout=60,
			)
			for s, t in zip(sessions, tasks, strict=True)
		]
	)
	assert [r.status_code for r in responses] == [200] * len(tasks), [
		r.text[:300] for r in responses if r.status_code != 200
	]
	site_python("frappe.db.delete('Plan Task Update', {'note': 'Cập nhật đồng loạt'})")
