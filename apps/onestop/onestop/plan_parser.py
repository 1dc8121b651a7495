"""The plan reader's historic name: `onestop.plan_reader` does the work (one module per
layout); this module keeps `from onestop.plan_parser import parse_plan, PlanParseError` and
`python -m onestop.plan_parser FILE [--year YYYY] --json` working."""

import sys

from onestop.plan_reader import Plan, PlanParseError, Task, parse_file, parse_plan, read_document
from onestop.plan_reader.cli import main

__all__ = ["Plan", "PlanParseError", "Task", "main", "parse_file", "parse_plan", "read_document"]

if __name__ == "__main__":
	sys.exit(main())
