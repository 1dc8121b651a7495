"""Benchmark: the dossier KPIs, the overdue list and the dossier list API over a million
synthetic dossiers, each beside the naive per-document way of computing the same figures.

    ./onestop benchmark [--dossiers 1000000] [--naive-limit 0] [--repeat 5] [--json FILE]

runs it on the site onestop-bench.localhost (created and migrated by ./onestop). The first run
fills the site with --dossiers synthetic dossiers over the three years before today: 200
procedures of 30 agencies, a popular few taking most dossiers, channels shifting online over
time, a late rate per agency from 1 % to 12 %, supplements, refusals, withdrawals, the recent
dossiers still open and some of them overdue, each dossier with its stages. Later runs find the
data and only measure. Rows are written with bulk SQL (through frappe.db.bulk_insert), not
through the controller: the point is the read side.

Every figure is printed with the data size and the machine. Timings are wall-clock seconds
of the Python call the desk makes (the report's execute(), frappe.desk.reportview.get); the
fast ways run once cold and --repeat times warm; the naive ways run once. The naive KPI
loads each dossier of the period with frappe.get_doc and tallies it in Python; the naive
overdue list loads every open dossier. --naive-limit N times the naive ways on the first N
dossiers only and scales the time up linearly (said so in the output); 0 (default) runs them
in full.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import resource
import statistics
import sys
import time
from pathlib import Path

import frappe

PREFIX = "BENCH"  # synthetic masters are named with it; dossiers carry the bench centre's code
CENTRE_CODE = "000.00.98.H98"
CENTRE = f"{PREFIX} Trung tâm Phục vụ hành chính công"
OFFICER = "bench.officer@onestop.localhost"
SEED = 61
STAGE_NAMES = ("Tiếp nhận", "Thẩm định", "Phê duyệt", "Trả kết quả")
LEGAL_DAYS = (0, 0, 1, 3, 3, 5, 5, 7, 10, 10, 15, 20)  # drawn per procedure; 0 = on the spot


# ------------------------------------------------------------------------------ data
def ensure_masters(rng: random.Random) -> tuple[list[str], list[dict]]:
	"""30 agencies, 12 fields and 200 procedures (with stages), made once."""
	if not frappe.db.exists("Agency", CENTRE):
		frappe.get_doc(
			{"doctype": "Agency", "agency_name": CENTRE, "kind": "Centre", "electronic_code": CENTRE_CODE}
		).insert()
	settings = frappe.get_single("Onestop Settings")
	if settings.receiving_unit != CENTRE:
		settings.receiving_unit = CENTRE
		settings.save()
	# departments and districts under their collectives, as in the register: an officer's
	# agencies then include the collective above theirs, as on a real site
	collectives = {}
	for kind, label in (("Department", "Các Sở, ban, ngành"), ("District", "UBND cấp huyện")):
		collectives[kind] = f"{PREFIX} {label}"
		if not frappe.db.exists("Agency", collectives[kind]):
			frappe.get_doc(
				{"doctype": "Agency", "agency_name": collectives[kind], "kind": "Collective", "is_group": 1}
			).insert()
	agencies = []
	for i in range(1, 31):
		kind, label = ("District", "UBND huyện") if i > 22 else ("Department", "Sở")
		name = f"{PREFIX} {label} {i:02d}"
		if not frappe.db.exists("Agency", name):
			frappe.get_doc(
				{"doctype": "Agency", "agency_name": name, "kind": kind, "parent_agency": collectives[kind]}
			).insert()
		agencies.append(name)
	fields = []
	for i in range(1, 13):
		name = f"{PREFIX} Lĩnh vực {i:02d}"
		if not frappe.db.exists("Procedure Field", name):
			frappe.get_doc(
				{"doctype": "Procedure Field", "field_name": name, "field_code": f"B{i:02d}"}
			).insert()
		fields.append(name)
	for i in range(1, 201):
		code = f"9.{i:06d}"
		if frappe.db.exists("Administrative Procedure", f"{code}-v1"):
			continue
		agency = agencies[(i * 7) % 30]
		days = rng.choice(LEGAL_DAYS)
		stages = [("Tiếp nhận và giải quyết", CENTRE, 0)] if days == 0 else _stage_plan(days, agency)
		if days >= 5 and i % 10 == 3:  # one procedure in ten asks another agency's opinion (liên thông)
			stages.insert(2, ("Lấy ý kiến liên thông", agencies[(i * 11 + 5) % 30], 1))
			stages[1] = (stages[1][0], stages[1][1], stages[1][2] - 1)
		frappe.get_doc(
			{
				"doctype": "Administrative Procedure",
				"procedure_code": code,
				"procedure_name": f"Thủ tục tổng hợp số {i}",
				"field": fields[i % 12],
				"competent_agency": agency,
				"legal_days": days,
				"on_the_spot": 1 if days == 0 else 0,
				"online_level": rng.choice(("Full Online", "Partly Online", "Partly Online", "Not Online")),
				"active_from": "2018-01-01",
				"stages": [{"stage_name": n, "agency": a, "working_days": d} for n, a, d in stages],
			}
		).insert()
	frappe.db.commit()
	procedures = frappe.get_all(
		"Administrative Procedure",
		filters={"procedure_code": ("like", "9.%")},
		fields=[
			"name",
			"procedure_code",
			"procedure_name",
			"field",
			"competent_agency",
			"legal_days",
			"online_level",
			"on_the_spot",
		],
		order_by="procedure_code",
	)
	for proc in procedures:
		proc.stages = frappe.get_all(
			"Procedure Stage",
			filters={"parent": proc.name, "parenttype": "Administrative Procedure"},
			fields=["stage_name", "agency", "working_days"],
			order_by="idx",
		)
	return agencies, procedures


def _stage_plan(days: float, agency: str) -> list[tuple]:
	if days <= 1:
		return [("Tiếp nhận", CENTRE, 0), ("Thẩm định", agency, days), ("Trả kết quả", CENTRE, 0)]
	return [
		("Tiếp nhận", CENTRE, 0.5),
		("Thẩm định", agency, days - 1.5),
		("Phê duyệt", agency, 0.5),
		("Trả kết quả", CENTRE, 0.5),
	]


def ensure_officer(agency: str) -> str:
	"""A Processing Officer of one agency: the list API as a restricted user sees it."""
	if not frappe.db.exists("User", OFFICER):
		frappe.get_doc(
			{
				"doctype": "User",
				"email": OFFICER,
				"first_name": "Bench Officer",
				"send_welcome_email": 0,
				"roles": [{"role": "Processing Officer"}],
			}
		).insert()
		doc = frappe.get_doc("Agency", agency)
		doc.append("members", {"user": OFFICER, "is_focal_point": 1})
		doc.save()
		frappe.db.commit()
	return OFFICER


def synthetic_count() -> int:
	return frappe.db.sql("select count(*) from `tabDossier` where name like %s", f"{CENTRE_CODE}-%")[0][0]


def generate(n: int, agencies: list[str], procedures: list[dict], now: dt.datetime) -> float:
	"""Write n dossiers (and their stages) over the three years before `now`. Returns seconds."""
	from onestop.core.calendar import site_calendar
	from onestop.legal_regimes import forms_for, rules_for

	t0 = time.perf_counter()
	frappe.db.sql("delete from `tabDossier Stage` where parent like %s", f"{CENTRE_CODE}-%")
	frappe.db.sql("delete from `tabDossier Agency` where parent like %s", f"{CENTRE_CODE}-%")
	frappe.db.sql("delete from `tabDossier` where name like %s", f"{CENTRE_CODE}-%")
	frappe.db.commit()
	rng = random.Random(SEED)
	calendar = site_calendar()
	start = (now - dt.timedelta(days=3 * 365)).date()
	days = [
		d
		for d in (start + dt.timedelta(days=i) for i in range((now.date() - start).days))
		if calendar.is_working_day(d)
	]
	per_day = n / len(days)
	# a few popular procedures take most dossiers (a Zipf-like spread)
	weights = [1 / (rank + 1) ** 0.9 for rank in range(len(procedures))]
	late_rate = {a: 0.01 + 0.11 * rng.random() for a in agencies}
	late_rate[agencies[3]] = 0.12  # one agency clearly worse, as the late report should show
	d_fields = DOSSIER_FIELDS
	s_fields = STAGE_FIELDS
	dossiers, stages, others, written = [], [], [], 0
	carry = 0.0
	for day_index, day in enumerate(days):
		carry += per_day
		count = int(carry) if day_index < len(days) - 1 else n - written
		carry -= count
		rules, forms = rules_for(day).decree, forms_for(day).key
		online_share = 0.25 + 0.35 * day_index / len(days)  # online filing grows over the years
		picks = rng.choices(procedures, weights=weights, k=count)
		minutes = sorted(rng.randrange(0, 450) for _ in range(count))
		for seq, (proc, minute) in enumerate(zip(picks, minutes, strict=True), 1):
			received = calendar.add_office_minutes(dt.datetime.combine(day, dt.time(7, 30)), minute)
			name = f"{CENTRE_CODE}-{day:%y%m%d}-{seq:04d}"
			row, stage_rows, other_rows = _dossier(
				rng, calendar, name, proc, received, now, late_rate, online_share, rules, forms
			)
			dossiers.append(row)
			stages.extend(stage_rows)
			others.extend(other_rows)
		written += count
		if len(dossiers) >= 20_000 or day_index == len(days) - 1:
			frappe.db.bulk_insert("Dossier", d_fields, dossiers, chunk_size=5_000)
			frappe.db.bulk_insert("Dossier Stage", s_fields, stages, chunk_size=10_000)
			frappe.db.bulk_insert("Dossier Agency", AGENCY_FIELDS, others, chunk_size=10_000)
			frappe.db.commit()
			dossiers, stages, others = [], [], []
			print(f"   {written:>9,} dossiers written ({time.perf_counter() - t0:.0f} s)", flush=True)
	frappe.db.sql("analyze table `tabDossier`, `tabDossier Stage`, `tabDossier Agency`")
	return time.perf_counter() - t0


DOSSIER_FIELDS = [
	"name", "creation", "modified", "owner", "modified_by", "docstatus", "dossier_code", "procedure",
	"procedure_name", "procedure_code", "field", "competent_agency", "status", "channel", "received_at",
	"due_at", "receiving_unit", "applicant_type", "applicant_name", "applicant_id", "phone", "fee",
	"fee_paid", "supplement_count", "apology_issued_at", "new_due_at", "resolved_at", "resolution",
	"handling_days", "paused_days", "late_stage", "late_agency", "days_late", "returned_at", "return_channel",
	"satisfaction", "forms_regime", "rules", "online_level", "on_the_spot", "public_token",
]  # fmt: skip
AGENCY_FIELDS = [
	"name", "creation", "modified", "owner", "modified_by", "docstatus", "parent", "parenttype",
	"parentfield", "idx", "agency",
]  # fmt: skip
STAGE_FIELDS = [
	"name", "creation", "modified", "owner", "modified_by", "docstatus", "parent", "parenttype",
	"parentfield", "idx", "stage_name", "agency", "working_days", "started_at", "due_at", "completed_at",
]  # fmt: skip


def _dossier(rng, calendar, name, proc, received, now, late_rate, online_share, rules, forms):
	legal = proc.legal_days or 0
	due = calendar.appointment(received, legal)
	channel = "Online" if rng.random() < online_share else ("Postal" if rng.random() < 0.12 else "Direct")
	status, resolution, resolved, late_stage, late_agency, apology = (
		"Result Returned",
		None,
		None,
		None,
		None,
		None,
	)
	satisfaction, returned, supplements = None, None, 0
	span = max((due - received).total_seconds(), 1800)
	open_until = due + dt.timedelta(days=7)
	if now < open_until and rng.random() < (0.9 if now < due else 0.04):
		status = rng.choices(("Processing", "Received", "Supplement Requested"), (0.85, 0.08, 0.07))[0]
	elif now < received + dt.timedelta(seconds=span * 0.3):
		status = "Processing"
	else:
		outcome = rng.random()
		if outcome < 0.01:
			status = "Withdrawn"
		else:
			if outcome < 0.04:
				status = "Refused"
			late = rng.random() < late_rate[proc.competent_agency]
			if late:
				resolved = calendar.add_office_minutes(due, rng.randrange(30, 450 * 5))
				resolution, late_stage, late_agency = "Late", "Thẩm định", proc.competent_agency
				apology = due - dt.timedelta(hours=2)
			elif rng.random() < 0.7 and legal >= 1:
				resolved = received + dt.timedelta(seconds=span * rng.uniform(0.2, 0.8))
				resolution = "Early" if resolved.date() < due.date() else "On Time"
			else:
				resolved = due - dt.timedelta(minutes=rng.randrange(1, 90))
				resolved = max(resolved, received + dt.timedelta(minutes=10))
				resolution = "Early" if resolved.date() < due.date() else "On Time"
			if resolved > now:
				status, resolution, resolved, late_stage, late_agency = "Processing", None, None, None, None
			elif status != "Refused":
				returned = resolved + dt.timedelta(hours=rng.randrange(1, 72))
				if returned > now:
					status, returned = "Result Ready", None
				elif rng.random() < 0.6:
					satisfaction = rng.choices(
						("Very Satisfied", "Satisfied", "Not Satisfied"), (0.5, 0.42, 0.08)
					)[0]
			if rng.random() < 0.06:
				supplements = 1
	handling, days_late = None, 0
	if resolution == "Late":
		days_late = round(calendar.working_days_elapsed(due, resolved), 2)
	if resolved:
		handling = round(max(0.01, (legal or 0.1) * (resolved - received).total_seconds() / span), 2)
	row = (
		name, received, resolved or received, "Administrator", "Administrator", 0, name, proc.name,
		proc.procedure_name, proc.procedure_code, proc.field, proc.competent_agency, status, channel,
		received, due, CENTRE, "Person", "Nguyễn Văn Tổng Hợp", "077000000000", "0900000000", 0, 1,
		supplements, apology, apology and due + dt.timedelta(days=3), resolved, resolution, handling or 0, 0,
		late_stage, late_agency, days_late, returned, returned and ("Online" if channel == "Online" else "Direct"),
		satisfaction, forms, rules, proc.online_level, proc.on_the_spot, frappe.generate_hash(length=12),
	)  # fmt: skip
	stage_rows = []
	done_until = resolved or (received + (now - received) * 0.5 if status != "Received" else received)
	elapsed = 0.0
	for idx, stage in enumerate(proc.stages, 1):
		elapsed += stage.working_days or 0
		stage_due = received + dt.timedelta(seconds=span * (elapsed / legal if legal else 1))
		completed = stage_due if stage_due <= done_until and status != "Received" else None
		if resolved and status not in ("Received",):
			completed = min(stage_due, resolved) if idx < len(proc.stages) else resolved
		stage_rows.append(
			(
				f"{name}-{idx}", received, received, "Administrator", "Administrator", 0, name, "Dossier",
				"stages", idx, stage.stage_name, stage.agency, stage.working_days, received, stage_due, completed,
			)
		)  # fmt: skip
	other_rows, seen = [], {proc.competent_agency}
	for stage in proc.stages:
		if stage.agency and stage.agency not in seen:
			seen.add(stage.agency)
			idx = len(other_rows) + 1
			meta = (f"{name}-a{idx}", received, received, "Administrator", "Administrator", 0)
			other_rows.append((*meta, name, "Dossier", "other_agencies", idx, stage.agency))
	return row, stage_rows, other_rows


# ------------------------------------------------------------------------------ timing
def timed(fn, repeat: int) -> dict:
	"""Run fn once cold and `repeat` times warm; wall-clock seconds."""
	t = time.perf_counter()
	result = fn()
	cold = time.perf_counter() - t
	warm = []
	for _ in range(repeat):
		t = time.perf_counter()
		fn()
		warm.append(time.perf_counter() - t)
	return {
		"cold": cold,
		"median": statistics.median(warm) if warm else cold,
		"max": max(warm or [cold]),
		"result": result,
	}


def naive_kpis(start: dt.datetime, end: dt.datetime, now: dt.datetime, limit: int) -> dict:
	"""The same counts as kpi_queries.dossier_counts, one document at a time."""
	from frappe.utils import get_datetime

	from onestop.dossier_timing import is_overdue

	names = frappe.get_all(
		"Dossier", filters={"received_at": ["between", [start, end]]}, pluck="name", order_by="name"
	)
	sample = names[:limit] if limit else names
	tally: dict[str, dict] = {}
	t = time.perf_counter()
	for name in sample:
		doc = frappe.get_doc("Dossier", name)
		row = tally.setdefault(
			doc.competent_agency,
			{"received": 0, "resolved": 0, "early": 0, "on_time": 0, "late": 0, "overdue": 0},
		)
		row["received"] += 1
		if doc.resolved_at:
			row["resolved"] += 1
			row[{"Early": "early", "On Time": "on_time", "Late": "late"}[doc.resolution]] += 1
		elif doc.status in ("Received", "Processing") and is_overdue(get_datetime(doc.due_at), None, now):
			row["overdue"] += 1
	seconds = time.perf_counter() - t
	return {
		"seconds": seconds * len(names) / max(len(sample), 1),
		"measured": len(sample),
		"of": len(names),
		"tally": tally,
	}


def naive_overdue(now: dt.datetime, limit: int) -> dict:
	"""Open dossiers past their appointment, found by loading every open dossier."""
	from frappe.utils import get_datetime

	names = frappe.get_all(
		"Dossier",
		filters={"status": ["in", ["Received", "Processing", "Supplement Requested"]]},
		pluck="name",
	)
	sample = names[:limit] if limit else names
	t = time.perf_counter()
	found = 0
	for name in sample:
		doc = frappe.get_doc("Dossier", name)
		if doc.status != "Supplement Requested" and get_datetime(doc.due_at) < now:
			found += 1
	seconds = time.perf_counter() - t
	return {
		"seconds": seconds * len(names) / max(len(sample), 1),
		"measured": len(sample),
		"of": len(names),
		"found": found,
	}


def list_api(user: str, calls: list[dict]) -> dict:
	"""frappe.desk.reportview.get as the Dossier list view calls it, per call seconds."""
	from frappe.desk.reportview import get, get_count

	fields = ["`tabDossier`.`name`", "`tabDossier`.`procedure_name`", "`tabDossier`.`competent_agency`",
		"`tabDossier`.`status`", "`tabDossier`.`channel`", "`tabDossier`.`due_at`", "`tabDossier`.`resolution`",
		"`tabDossier`.`received_at`", "`tabDossier`.`modified`"]  # fmt: skip
	frappe.set_user(user)
	frappe.local.onestop_user_agencies = None
	times, counts = [], []
	try:
		for call in calls * 2:  # the first pass warms the caches; the second is measured
			frappe.local.form_dict = frappe._dict(
				doctype="Dossier",
				fields=json.dumps(fields),
				filters=json.dumps(call.get("filters", [])),
				order_by="`tabDossier`.`received_at` desc",
				start=call.get("start", 0),
				page_length=20,
				with_comment_count=1,
			)
			t = time.perf_counter()
			get()
			times.append(time.perf_counter() - t)
			# the list's "20 of N" (a separate call the list view makes after the page; it counts
			# up to 1001 and shows "1000+" beyond)
			frappe.local.form_dict = frappe._dict(
				doctype="Dossier", filters=json.dumps(call.get("filters", [])), limit=1001
			)
			t = time.perf_counter()
			get_count()
			counts.append(time.perf_counter() - t)
	finally:
		frappe.set_user("Administrator")
	return {**percentiles(times[len(calls) :]), "count": percentiles(counts[len(calls) :])}


def percentiles(times: list[float]) -> dict:
	times = sorted(times)
	return {
		"calls": len(times),
		"p50": times[len(times) // 2],
		"p95": times[max(0, int(len(times) * 0.95) - 1)],
		"max": times[-1],
	}


def list_calls(rng: random.Random, agencies: list[str], now: dt.datetime) -> list[dict]:
	"""What people do in the Dossier list: open it, page on, filter by state, agency, period."""
	calls = []
	quarter_start = (now - dt.timedelta(days=91)).strftime("%Y-%m-%d")
	for i in range(100):
		kind = i % 5
		if kind == 0:
			calls.append({"start": 20 * rng.randrange(0, 10)})
		elif kind == 1:
			calls.append(
				{
					"filters": [
						[
							"Dossier",
							"status",
							"=",
							rng.choice(("Processing", "Received", "Supplement Requested")),
						]
					]
				}
			)
		elif kind == 2:
			calls.append({"filters": [["Dossier", "competent_agency", "=", rng.choice(agencies)]]})
		elif kind == 3:
			calls.append(
				{
					"filters": [
						["Dossier", "received_at", ">=", quarter_start],
						["Dossier", "channel", "=", "Online"],
					]
				}
			)
		else:
			calls.append(
				{
					"filters": [
						["Dossier", "status", "in", ["Received", "Processing"]],
						["Dossier", "due_at", "<", str(now)],
					]
				}
			)
	return calls


def machine() -> dict:
	cpu = next(
		(
			line.split(":", 1)[1].strip()
			for line in Path("/proc/cpuinfo").read_text().splitlines()
			if line.startswith("model name")
		),
		platform.processor(),
	)
	mem = next(
		(
			int(line.split()[1]) // 1024
			for line in Path("/proc/meminfo").read_text().splitlines()
			if line.startswith("MemTotal")
		),
		0,
	)
	db = frappe.db.sql("select @@version, @@innodb_buffer_pool_size")[0]
	size = frappe.db.sql(
		"""select table_name, table_rows, round((data_length + index_length) / 1048576)
		from information_schema.tables where table_schema = database() and table_name in ('tabDossier', 'tabDossier Stage')"""
	)  # fmt: skip
	return {
		"cpu": f"{cpu} x {os.cpu_count()}",
		"ram_mb": mem,
		"mariadb": db[0],
		"innodb_buffer_pool_mb": int(db[1]) // 1048576,
		"python": platform.python_version(),
		"frappe": frappe.__version__,
		"tables_mb": {r[0]: int(r[2]) for r in size},
	}


def peak_rss_mb() -> float:
	return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
	parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
	parser.add_argument("--site", required=True)
	parser.add_argument("--dossiers", type=int, default=1_000_000)
	parser.add_argument("--naive-limit", type=int, default=0)
	parser.add_argument("--repeat", type=int, default=5)
	parser.add_argument("--json", help="also write the figures to this file")
	args = parser.parse_args()

	frappe.init(site=args.site, sites_path=".")
	frappe.connect()
	frappe.set_user("Administrator")
	from onestop.core.clock import at
	from onestop.procedures.daily_counts import rebuild as rebuild_counts
	from onestop.procedures.report.dossier_kpis.dossier_kpis import execute as kpi_report
	from onestop.procedures.report.late_dossiers.late_dossiers import execute as late_report

	now = frappe.utils.now_datetime().replace(microsecond=0)
	rng = random.Random(SEED)
	agencies, procedures = ensure_masters(rng)
	officer = ensure_officer(agencies[0])
	out: dict = {"dossiers": args.dossiers, "now": str(now)}
	have = synthetic_count()
	if have != args.dossiers:
		print(f"== writing {args.dossiers:,} synthetic dossiers (the site has {have:,})", flush=True)
		out["generate_s"] = round(generate(args.dossiers, agencies, procedures, now), 1)
	counted = frappe.db.sql("select ifnull(sum(received), 0) from `tabDossier Daily Count`")[0][0]
	if int(counted) != frappe.db.count("Dossier"):
		t = time.perf_counter()
		out["counter_rows"] = rebuild_counts()
		frappe.db.commit()  # the site's KPIs read these counters after the benchmark too
		out["rebuild_counts_s"] = round(time.perf_counter() - t, 1)
		print(
			f"   {out['counter_rows']:,} daily counter rows rebuilt in {out['rebuild_counts_s']} s",
			flush=True,
		)
	stages = frappe.db.sql(
		"select count(*) from `tabDossier Stage` where parent like %s", f"{CENTRE_CODE}-%"
	)[0][0]
	out["stages"] = stages
	out["machine"] = machine()
	print(f"== {args.dossiers:,} dossiers, {stages:,} stages; {json.dumps(out['machine'])}", flush=True)

	last_year = now.year - 1
	periods = {
		"quarter": (dt.date(last_year, 10, 1), dt.date(last_year, 12, 31)),
		"year": (dt.date(last_year, 1, 1), dt.date(last_year, 12, 31)),
	}
	fast = {}
	with at(now):
		for label, (a, b) in periods.items():
			filters = {"from_date": str(a), "to_date": str(b), "group_by": "Competent Agency"}
			fast[f"kpi_{label}"] = timed(lambda f=filters: kpi_report(f), args.repeat)
			received = sum(r["received"] for r in fast[f"kpi_{label}"]["result"][1])
			fast[f"kpi_{label}"]["rows"] = received
		filters = {"from_date": str(periods["year"][0]), "to_date": str(now.date())}
		fast["late_report"] = timed(lambda: late_report(filters), args.repeat)
		fast["late_report"]["rows"] = sum(int(s["value"]) for s in fast["late_report"]["result"][4][:2])
		overdue = [["status", "in", ["Received", "Processing"]], ["due_at", "<", now]]
		fast["overdue_list"] = timed(
			lambda: (
				frappe.get_list("Dossier", filters=overdue, fields=["name", "due_at", "competent_agency"], order_by="due_at asc", limit=500),
				frappe.db.count("Dossier", overdue),
			),
			args.repeat,
		)  # fmt: skip
		fast["overdue_list"]["rows"] = fast["overdue_list"]["result"][1]
		# the year's KPI beside one query of its own counter table (what it cannot beat)
		a, b = periods["year"]
		fast["kpi_year_single_query"] = timed(
			lambda: frappe.db.sql(
				"""select competent_agency, sum(received), sum(resolved), sum(early), sum(on_time), sum(late)
				from `tabDossier Daily Count` where day between %s and %s group by competent_agency""",
				(a, b),
			),
			args.repeat,
		)
		fast["kpi_year_single_query"]["rows"] = len(fast["kpi_year_single_query"]["result"])
		from onestop.procedures import dashboard

		for name in ("on_time_rate", "online_rate", "received_this_month", "overdue_now"):
			fast[f"card_{name}"] = timed(getattr(dashboard, name), args.repeat)
		for name in ("received_by_month", "by_resolution", "late_by_agency"):
			fast[f"chart_{name}"] = timed(getattr(dashboard, name), args.repeat)
	calls = list_calls(rng, agencies, now)
	fast["list_api_admin"] = list_api("Administrator", calls)
	fast["list_api_officer"] = list_api(officer, calls)
	out["peak_rss_mb_fast"] = round(peak_rss_mb())

	naive = {}
	for label, (a, b) in periods.items():
		start, end = dt.datetime.combine(a, dt.time.min), dt.datetime.combine(b, dt.time.max)
		naive[f"kpi_{label}"] = naive_kpis(start, end, now, args.naive_limit)
		print(f"   naive KPI {label}: {naive[f'kpi_{label}']['seconds']:.1f} s", flush=True)
		frappe.local.document_cache = {}
	naive["overdue_list"] = naive_overdue(now, args.naive_limit)
	out["peak_rss_mb_naive"] = round(peak_rss_mb())

	# the naive tallies agree with the report's (when measured in full)
	if not args.naive_limit:
		for label in periods:
			report_rows = {r["group"]: r for r in fast[f"kpi_{label}"]["result"][1]}
			for agency, row in naive[f"kpi_{label}"]["tally"].items():
				for key in ("received", "resolved", "early", "on_time", "late"):
					assert report_rows[agency][key] == row[key], (label, agency, key)
		assert naive["overdue_list"]["found"] == fast["overdue_list"]["rows"]

	lines = [
		f"onestop benchmark, {now:%Y-%m-%d %H:%M}: {args.dossiers:,} dossiers, {stages:,} stages, "
		f"{len(procedures)} procedures, {len(agencies)} agencies",
		f"machine: {out['machine']['cpu']}, {out['machine']['ram_mb']:,} MB RAM; MariaDB {out['machine']['mariadb']} "
		f"(buffer pool {out['machine']['innodb_buffer_pool_mb']} MB); tables {out['machine']['tables_mb']}",
		"",
		f"{'what':<34}{'rows':>10}{'cold s':>10}{'warm s':>10}{'naive s':>11}{'speed-up':>10}",
	]
	for key, label in (
		("kpi_quarter", "KPI report, a quarter"),
		("kpi_year", "KPI report, a year"),
		("late_report", "late dossiers report, this year"),
		("overdue_list", "overdue list (500) + count"),
	):
		f = fast[key]
		n = naive.get(key)
		naive_s = f"{n['seconds']:.1f}" if n else "-"
		speed = f"{n['seconds'] / f['median']:.0f}x" if n else "-"
		lines.append(
			f"{label:<34}{f['rows']:>10,}{f['cold']:>10.3f}{f['median']:>10.3f}{naive_s:>11}{speed:>10}"
		)
	single = fast["kpi_year_single_query"]
	lines.append(
		f"{'one query of the counters, a year':<34}{single['rows']:>10,}{single['cold']:>10.3f}{single['median']:>10.3f}"
		f"{'':>11}  KPI report / it: {fast['kpi_year']['median'] / single['median']:.2f}x"
	)
	for key in (k for k in fast if k.startswith(("card_", "chart_"))):
		f = fast[key]
		lines.append(
			f"{'workspace ' + key.replace('_', ' '):<34}{'':>10}{f['cold']:>10.3f}{f['median']:>10.3f}"
		)
	for key, label in (
		("list_api_admin", "list API, administrator"),
		("list_api_officer", "list API, agency officer"),
	):
		f = fast[key]
		for what, g in ((label, f), ("  its count (20 of N)", f["count"])):
			lines.append(
				f"{what:<34}{g['calls']:>10} calls  p50 {g['p50'] * 1000:.1f} ms  p95 {g['p95'] * 1000:.1f} ms  max {g['max'] * 1000:.1f} ms"
			)
	if args.naive_limit:
		lines.append(
			f"naive ways timed on the first {args.naive_limit:,} dossiers of each set and scaled up linearly"
		)
	lines.append(
		f"peak memory of this process: {out['peak_rss_mb_fast']} MB after the fast ways, {out['peak_rss_mb_naive']} MB after the naive ones"
	)
	if "generate_s" in out:
		lines.append(f"writing the data took {out['generate_s']:.0f} s")
	print("\n".join(lines), flush=True)
	if args.json:
		for f in fast.values():
			f.pop("result", None)
		for n in naive.values():
			n.pop("tally", None)
		out.update(fast=fast, naive=naive)
		Path(args.json).write_text(json.dumps(out, indent=1, default=str))
	frappe.destroy()
	return 0


if __name__ == "__main__":
	sys.exit(main())
