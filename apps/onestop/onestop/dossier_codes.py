"""Dossier codes (mã số hồ sơ). Plain Python.

Circular 01/2018/TT-VPCP, Art. 19: `V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX`, that is the
receiving unit's code (Circular 10/2016/TT-BTTTT), the receipt date, and the dossier's
number among that unit's dossiers of the day. The pattern of each regime is a setting of the
site (Onestop Settings): Circular 03/2025/TT-VPCP also governs dossier codes, and a province
sets there the pattern it applies.

Patterns use {agency_code}, {field_code}, {procedure_code}, {yymmdd}, {yyyy}, {yy}, {mm},
{dd} and exactly one {seq:N} (N digits). The number restarts for each distinct text before it.
"""

from __future__ import annotations

import datetime as dt
import re

DEFAULT_PATTERN = "{agency_code}-{yymmdd}-{seq:4}"
AGENCY_CODE = re.compile(r"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$")
_SEQ = re.compile(r"\{seq:(\d)\}")
_TOKEN = re.compile(r"\{(agency_code|field_code|procedure_code|yymmdd|yyyy|yy|mm|dd)\}")


class CodePatternError(ValueError):
	pass


def split_pattern(pattern: str) -> tuple[str, int, str]:
	"""(text before the number, its digits, text after it); raises CodePatternError."""
	parts = _SEQ.split(pattern)
	if len(parts) != 3:
		raise CodePatternError(f"a dossier code pattern needs exactly one {{seq:N}}: {pattern!r}")
	head, digits, tail = parts
	for piece in (head, tail):
		if "{" in _TOKEN.sub("", piece) or "}" in _TOKEN.sub("", piece):
			raise CodePatternError(f"unknown token in {pattern!r}")
	return head, int(digits), tail


def _fill(text: str, received_on: dt.date, agency_code: str, field_code: str, procedure_code: str) -> str:
	values = {
		"agency_code": agency_code,
		"field_code": field_code,
		"procedure_code": procedure_code,
		"yymmdd": received_on.strftime("%y%m%d"),
		"yyyy": received_on.strftime("%Y"),
		"yy": received_on.strftime("%y"),
		"mm": received_on.strftime("%m"),
		"dd": received_on.strftime("%d"),
	}
	return _TOKEN.sub(lambda m: values[m.group(1)], text)


def code_parts(
	pattern: str, received_on: dt.date, agency_code: str, field_code: str = "", procedure_code: str = ""
) -> tuple[str, int, str]:
	"""(prefix, digits, suffix) of the codes of one day and unit: the counter restarts for
	each distinct prefix."""
	head, digits, tail = split_pattern(pattern)
	fill = lambda t: _fill(t, received_on, agency_code, field_code, procedure_code)  # noqa: E731
	return fill(head), digits, fill(tail)


def format_code(pattern: str, received_on: dt.date, seq: int, agency_code: str, **codes: str) -> str:
	"""The full code for sequence number `seq`: format_code(DEFAULT_PATTERN, date(2025, 10, 1),
	7, "000.00.17.H12") == "000.00.17.H12-251001-0007"."""
	prefix, digits, suffix = code_parts(pattern, received_on, agency_code, **codes)
	if seq >= 10**digits:
		raise CodePatternError(f"more than {10**digits - 1} dossiers under the prefix {prefix}")
	return f"{prefix}{seq:0{digits}d}{suffix}"
