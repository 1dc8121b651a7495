"""The command line: read a plan file and print its tasks or its JSON."""

from __future__ import annotations

import argparse
import json
import sys

from onestop.plan_reader import PlanParseError, parse_file


def main(argv: list[str] | None = None) -> int:
	"""Run the command line; returns the exit status (1 when the file cannot be read)."""
	parser = argparse.ArgumentParser(
		prog="python -m onestop.plan_parser",
		description="Read a plan's document (.txt, .docx, .pdf) into tasks.",
	)
	parser.add_argument("file", help="the plan: UTF-8 text, .docx or .pdf with a text layer")
	parser.add_argument("--json", action="store_true", help="print the structured plan as JSON")
	parser.add_argument("--year", type=int, help="the plan's year, when the document gives none")
	args = parser.parse_args(argv)
	try:
		plan = parse_file(args.file, year=args.year)
	except (PlanParseError, OSError) as e:
		print(f"{args.file}: {e}", file=sys.stderr)
		return 1
	if args.json:
		json.dump(plan.as_dict(), sys.stdout, ensure_ascii=False, indent=1)
		print()
		return 0
	print(f"{plan.kind or ''} {plan.number or '(no number)'} — {plan.title}")
	print(f"issuer {plan.issuer}, {plan.province}, {plan.date or plan.year}: {len(plan.tasks)} tasks")
	for t in plan.tasks:
		d = t.deadline
		flag = " (!)" if t.notes else ""
		when = d.due or (f"from {d.start}" if d.start else "") or d.kind
		print(f"  {t.key:12} {str(t.lead)[:28]:28} {when!s:16} {d.recurrence or '':8} {t.title[:60]}{flag}")
	for w in plan.warnings:
		print(f"warning: {w}")
	return 0
