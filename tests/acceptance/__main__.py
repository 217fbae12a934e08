"""`python -m tests.acceptance`: see runner.py."""

import sys

from tests.acceptance.runner import main

raise SystemExit(main(sys.argv[1:]))
