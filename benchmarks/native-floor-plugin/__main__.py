"""The native floor's plugin (`benchmarks.native_floor`), as the Python language host runs it."""

from benchmarks.native_floor import main

main()
