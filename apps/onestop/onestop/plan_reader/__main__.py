"""`python -m onestop.plan_reader FILE --json`: the same as `python -m onestop.plan_parser`."""

import sys

from onestop.plan_reader.cli import main

sys.exit(main())
