"""The load test's scenario (Locust): a working day's requests of the centre's officers, as the
desk sends them.

- Agency officers (weight 6): open their task list, open one of their tasks, record progress
  with a piece of evidence (upload the file, then one add_progress call).
- Plan coordinators (weight 1): open the Plan Progress report and the Coordination workspace.
- Receiving officers (weight 2): receive a dossier (frappe.client.insert of a Dossier).

Each simulated user logs in once (a session of its own). Every progress note carries the run's
marker (ONESTOP_LOAD_RUN), so that benchmarks/load.py can count, after the run, that every
accepted update is stored (lost updates) and none was rejected. Run through benchmarks/load.py.
"""

from __future__ import annotations

import json
import os
import random

from locust import HttpUser, between, task

RUN = os.environ.get("ONESTOP_LOAD_RUN", "load")
PASSWORD = os.environ.get("ONESTOP_LOAD_PASSWORD", "onestop-demo")
OFFICERS = os.environ.get("ONESTOP_LOAD_OFFICERS", "officer.snv@onestop.localhost").split(",")
PROCEDURES = os.environ.get("ONESTOP_LOAD_PROCEDURES", "").split(",")
TASK_FIELDS = json.dumps(["`tabPlan Task`.`name`", "`tabPlan Task`.`title`", "`tabPlan Task`.`status`",
	"`tabPlan Task`.`progress`", "`tabPlan Task`.`due_date`", "`tabPlan Task`.`lead_agency`"])  # fmt: skip


class Desk(HttpUser):
	abstract = True
	wait_time = between(2, 8)  # an officer reads and types between requests
	user = ""

	def on_start(self):
		r = self.client.post("/api/method/login", data={"usr": self.user, "pwd": PASSWORD}, name="login")
		r.raise_for_status()


class AgencyOfficer(Desk):
	weight = 6

	def on_start(self):
		self.user = random.choice(OFFICERS)
		super().on_start()
		# the tasks still open to them (a submitted or done task is the coordinator's)
		self.my_tasks = [row[0] for row in self.task_list() if row[2] not in ("Submitted", "Done")]

	def task_list(self) -> list:
		r = self.client.get(
			"/api/method/frappe.desk.reportview.get",
			params={"doctype": "Plan Task", "fields": TASK_FIELDS, "filters": "[]", "order_by": "`tabPlan Task`.`modified` desc", "start": 0, "page_length": 20, "view": "List"},
			name="task list",
		)  # fmt: skip
		return (r.json().get("message") or {}).get("values", []) if r.ok else []

	@task(3)
	def list_tasks(self):
		self.task_list()

	@task(3)
	def open_task(self):
		if self.my_tasks:
			self.client.get(
				"/api/method/frappe.desk.form.load.getdoc",
				params={"doctype": "Plan Task", "name": random.choice(self.my_tasks)},
				name="open task",
			)

	@task(2)
	def record_progress(self):
		if not self.my_tasks:
			return
		name = random.choice(self.my_tasks)
		upload = self.client.post(
			"/api/method/upload_file",
			files={"file": (f"minh-chung-{RUN}.txt", b"bien ban ket qua thuc hien", "text/plain")},
			data={"is_private": 1},
			name="upload evidence",
		)
		if not upload.ok:
			return
		with self.client.post(
			"/api/method/onestop.planning.progress.add_progress",
			data={
				"task": name,
				"note": f"{RUN}: cập nhật tiến độ",
				"progress": random.randrange(0, 101),
				"attachment": upload.json()["message"]["file_url"],
				"description": "Biên bản",
			},
			name="add progress",
			catch_response=True,
		) as r:
			if r.status_code == 417:  # refused: counted as a rejected update
				r.failure(f"refused: {r.text[:120]}")


class Coordinator(Desk):
	weight = 1
	user = "coordinator@onestop.localhost"

	@task
	def plan_progress(self):
		self.client.post(
			"/api/method/frappe.desk.query_report.run",
			data={"report_name": "Plan Progress", "filters": "{}"},
			name="Plan Progress report",
		)

	@task
	def workspace(self):
		self.client.post(
			"/api/method/frappe.desk.desktop.get_desktop_page",
			data={"page": json.dumps({"name": "Coordination", "title": "Coordination", "public": 1})},
			name="Coordination workspace",
		)


class ReceivingOfficer(Desk):
	weight = 2
	user = "receiver@onestop.localhost"

	@task
	def receive(self):
		doc = {
			"doctype": "Dossier",
			"procedure": random.choice(PROCEDURES),
			"channel": "Direct",
			"applicant_type": "Person",
			"applicant_name": "Nguyễn Văn Tải",
			"applicant_id": f"0{random.randrange(10**10, 10**11)}",
			"phone": "0912345678",
		}
		self.client.post(
			"/api/method/frappe.client.insert", data={"doc": json.dumps(doc)}, name="create dossier"
		)
