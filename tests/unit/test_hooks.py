"""The app's hooks, read as data (no site needed)."""

import importlib.util
from pathlib import Path

HOOKS = Path(__file__).resolve().parents[2] / "apps" / "onestop" / "onestop" / "hooks.py"


def load_hooks():
	spec = importlib.util.spec_from_file_location("onestop_hooks", HOOKS)
	module = importlib.util.module_from_spec(spec)
	spec.loader.exec_module(module)
	return module


def test_each_scheduled_method_has_one_schedule():
	"""Frappe registers one Scheduled Job Type per method (named by its last two dotted parts):
	a method listed under two schedules keeps only one of them, and installing the app then
	deletes a job, which needs the queue's Redis."""
	events = load_hooks().scheduler_events
	methods = [
		m
		for group in events.values()
		for ms in (group.values() if isinstance(group, dict) else [group])
		for m in ms
	]
	assert len(methods) == len(set(methods)), methods
	short = [".".join(m.split(".")[-2:]) for m in methods]
	assert len(short) == len(set(short)), short
