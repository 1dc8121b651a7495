"""Every value a client sends to an onestop record, checked before the record's own rules run
(doc_events "*" before_validate, for onestop's DocTypes only): a bad value is a translated
validation error (HTTP 417), never a database error (500) and never stored as it came.

- numbers are numbers, within the column's range (Int: whole, 32-bit; Percent: 0–100;
  Currency: at most 10^15 VND either way);
- dates and moments are real ones, from 1900 to 2100 ("0000-00-00" is not a date);
- text is Unicode NFC without zero-width characters, within what its column holds;
- plain-text fields hold no markup (tags are removed); rich text (Text Editor) keeps only an
  allow-list of tags and attributes (no <style>, <form>, <script>, event handlers).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata

import bleach
import frappe
from frappe import _
from frappe.utils import get_datetime, getdate, strip_html

MODULES = frozenset({"Planning", "Procedures", "Resources"})
INT_LIMIT = 2**31 - 1
AMOUNT_LIMIT = 10**15
TEXT_LIMITS = {  # characters; utf8mb4 columns hold up to 4 bytes a character
	"Small Text": 10_000,
	"Text": 16_000,
	"Long Text": 1_000_000,
	"Text Editor": 200_000,
	"Code": 200_000,
}
PLAIN = ("Data", "Small Text", "Text", "Long Text")
RICH_TAGS = frozenset(
	{"p", "br", "b", "strong", "i", "em", "u", "s", "ul", "ol", "li", "a", "h1", "h2", "h3", "h4",
	"blockquote", "pre", "code", "table", "thead", "tbody", "tr", "th", "td", "span", "div", "hr"}
)  # fmt: skip
RICH_ATTRIBUTES = {"a": ["href", "title"], "td": ["colspan", "rowspan"], "th": ["colspan", "rowspan"]}
ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
TAG = re.compile(r"<\s*[a-zA-Z/!]")
EARLIEST, LATEST = dt.date(1900, 1, 1), dt.date(2100, 12, 31)


class InputError(frappe.ValidationError):
	"""A value that is not what its field holds."""


def check_inputs(doc, method=None) -> None:
	"""doc_events before_validate: clean and check the values of an onestop record and of the
	rows of its tables. Raises InputError naming the field (and row)."""
	if doc.meta.module not in MODULES:
		return
	_check(doc, None)
	for df in doc.meta.get_table_fields():
		for row in doc.get(df.fieldname) or []:
			_check(row, row.idx)


def _check(doc, row: int | None) -> None:
	for df in doc.meta.fields:
		value = doc.get(df.fieldname)
		if value in (None, ""):
			continue
		cleaned = clean_value(value, df.fieldtype, df.options, df.length, label=_label(doc, df, row))
		if cleaned is not value:
			doc.set(df.fieldname, cleaned)


def _label(doc, df, row) -> str:
	label = _(df.label or df.fieldname)
	return _("Row {0}: {1}").format(row, label) if row else label


def fail(message: str) -> None:
	frappe.throw(message, InputError, title=_("Invalid Value"))


def clean_value(
	value, fieldtype: str, options: str | None = None, length: int | None = None, label: str = ""
):
	"""The value to store for a field of `fieldtype`, or InputError. Pure of the database."""
	if fieldtype in ("Int", "Check"):
		number = _number(value, label)
		if number != int(number):
			fail(_("{0} must be a whole number, not {1}.").format(label, value))
		if abs(number) > INT_LIMIT or (fieldtype == "Check" and number not in (0, 1)):
			fail(_("{0} is out of range: {1}.").format(label, value))
		return int(number)
	if fieldtype in ("Float", "Currency", "Percent"):
		number = _number(value, label)
		if fieldtype == "Percent" and not 0 <= number <= 100:
			fail(_("{0} must be from 0 to 100, not {1}.").format(label, value))
		if abs(number) > AMOUNT_LIMIT:
			fail(_("{0} is out of range: {1}.").format(label, value))
		return number
	if fieldtype == "Date":
		return _date(value, label)
	if fieldtype == "Datetime":
		return _moment(value, label)
	if not isinstance(value, str):
		if fieldtype in PLAIN or fieldtype in TEXT_LIMITS:
			fail(_("{0} must be text.").format(label))
		return value
	text = ZERO_WIDTH.sub("", unicodedata.normalize("NFC", value))
	if fieldtype == "Text Editor":
		text = bleach.clean(
			text,
			tags=RICH_TAGS,
			attributes=RICH_ATTRIBUTES,
			protocols={"http", "https", "mailto"},
			strip=True,
		)
	elif fieldtype in PLAIN and TAG.search(text):
		text = strip_html(text)
	limit = TEXT_LIMITS.get(fieldtype) or (length or 140 if fieldtype == "Data" else None)
	if limit and len(text) > limit:
		fail(_("{0} is longer than {1} characters.").format(label, limit))
	return value if text == value else text


def _number(value, label: str) -> float:
	if isinstance(value, bool):
		return float(value)
	try:
		number = float(value)
	except (TypeError, ValueError):
		fail(_("{0} must be a number, not {1}.").format(label, str(value)[:40]))
	if not math.isfinite(number):
		fail(_("{0} must be a number, not {1}.").format(label, value))
	return number


def _date(value, label: str):
	if isinstance(value, dt.datetime):
		value = value.date()
	if isinstance(value, dt.date):
		day = value
	else:
		text = str(value).strip()
		if not re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
			fail(_("{0}: {1} is not a date (YYYY-MM-DD).").format(label, text[:40]))
		try:
			day = getdate(text)
		except Exception:
			day = None
	if not day or not EARLIEST <= day <= LATEST:
		fail(_("{0}: {1} is not a date from 1900 to 2100.").format(label, str(value)[:40]))
	return value if isinstance(value, dt.date) else day.isoformat()


def _moment(value, label: str):
	if isinstance(value, dt.datetime):
		moment = value
	else:
		text = str(value).strip()
		if not re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?", text):
			fail(_("{0}: {1} is not a date and time (YYYY-MM-DD HH:MM).").format(label, text[:40]))
		try:
			moment = get_datetime(text)
		except Exception:
			moment = None
	if not moment or not EARLIEST <= moment.date() <= LATEST:
		fail(_("{0}: {1} is not a moment from 1900 to 2100.").format(label, str(value)[:40]))
	return value if isinstance(value, dt.datetime) else moment.strftime("%Y-%m-%d %H:%M:%S.%f")
