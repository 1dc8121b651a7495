"""Dashboard chart data cached per user.

Frappe caches a chart's data under the chart's name alone (`chart-data:{name}`, in
frappe.utils.dashboard.cache_source), so a chart whose figures depend on who reads it (an
agency officer counts only their agency's records) would show every user the figures of
whoever loaded it first. onestop's chart sources use `cache_per_user` instead, and Frappe's
own chart endpoint is overridden (hooks.py) to do the same.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import json

import frappe
from frappe import _
from frappe.desk.doctype.dashboard_chart import dashboard_chart

TTL = 300  # seconds a user's chart data is kept


def cache_key(chart_name: str, args: dict) -> str:
	"""The cache key of a chart's data for the session user and the arguments asked with."""
	wanted = {
		k: args.get(k)
		for k in ("filters", "from_date", "to_date", "timespan", "time_interval", "heatmap_year")
	}
	digest = hashlib.sha1(json.dumps(wanted, sort_keys=True, default=str).encode()).hexdigest()[:12]
	return f"onestop-chart-data:{chart_name}:{frappe.session.user}:{digest}"


def cache_per_user(function):
	"""Like frappe.utils.dashboard.cache_source, keyed by chart, user and arguments, kept TTL
	seconds; `refresh` recomputes."""

	@functools.wraps(function)
	def wrapper(*args, **kwargs):
		chart_name = kwargs.get("chart_name") or (frappe.parse_json(kwargs.get("chart") or "{}") or {}).get(
			"name"
		)
		if kwargs.get("no_cache") or not chart_name:
			return function(*args, **kwargs)
		key = cache_key(chart_name, kwargs)
		if not int(kwargs.get("refresh") or 0):
			cached = frappe.cache.get_value(key, expires=True)
			if cached is not None:
				return cached
		kwargs.pop("refresh", None)
		result = function(*args, **kwargs)
		frappe.cache.set_value(key, result, expires_in_sec=TTL)
		return result

	return wrapper


@frappe.whitelist()
@cache_per_user
def get(
	chart_name=None,
	chart=None,
	no_cache=None,
	filters=None,
	from_date=None,
	to_date=None,
	timespan=None,
	time_interval=None,
	heatmap_year=None,
	refresh=None,
):
	"""Frappe's Dashboard Chart data (frappe.desk.doctype.dashboard_chart.dashboard_chart.get,
	whose arguments it takes), cached per user rather than per chart. The workspace's chart
	widget sends the dates and spans it has none of as empty strings; Frappe reads "" as a date
	("Please select a valid date filter"), so they are passed as unset: the chart's own apply."""
	data = inspect.unwrap(dashboard_chart.get)(
		chart_name=chart_name,
		chart=chart,
		no_cache=no_cache,
		filters=filters,
		from_date=from_date or None,
		to_date=to_date or None,
		timespan=timespan or None,
		time_interval=time_interval or None,
		heatmap_year=heatmap_year or None,
	)
	return translate_group_labels(chart_name, chart, data)


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_label(label):
	"""A time series' month label as Vietnamese reports write it: "Dec 2025" → "12/2025"."""
	parts = str(label).split()
	if len(parts) == 2 and parts[0] in MONTHS and parts[1].isdigit():
		return f"{MONTHS.index(parts[0]) + 1:02d}/{parts[1]}"
	return label


def translate_group_labels(chart_name, chart, data):
	"""A Group By chart on a Select field labels its bars and legend with the stored values
	(Frappe's get_group_by_chart_config): shown in the user's language; a time series' months
	as numbers."""
	doc = frappe.get_cached_doc("Dashboard Chart", chart_name) if chart_name else frappe.parse_json(chart)
	if data and doc.get("timeseries"):  # "Dec 2025" (Frappe's month labels, in English) as 12/2025
		data["labels"] = [month_label(label) for label in data.get("labels") or []]
	if not data or doc.get("chart_type") != "Group By":
		return data
	field = frappe.get_meta(doc.get("document_type")).get_field(doc.get("group_by_based_on"))
	if field and field.fieldtype == "Select":
		data["labels"] = [_(label) if label else label for label in data.get("labels") or []]
	return data
