"""Benchmarks of pulumi-dataddo through the real Pulumi engine against the local emulator.

`python -m benchmarks` (or `make bench`) runs N chains Service -> Source -> Flow through
`preview`, `up`, `preview` (unchanged), `refresh` and `destroy`, next to an engine floor (the same
graph on a no-op dynamic provider), and writes `benchmarks/results/latest.json` and
`docs/benchmarks.md`. See docs/benchmarks.md for what is measured and how.
"""
