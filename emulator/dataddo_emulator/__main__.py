"""`python -m dataddo_emulator`: see `dataddo_emulator.cli`."""

from dataddo_emulator.cli import main

raise SystemExit(main())
