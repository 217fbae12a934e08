"""`python -m benchmarks`: run the benchmark, write the JSON and docs/benchmarks.md.

    python -m benchmarks                         # the full run (what `make bench` does)
    python -m benchmarks --chains 1,10 --reps 1  # a quick look
    python -m benchmarks --variants native       # the native provider (and its floor) only
    python -m benchmarks --render                # redraw the page from the JSON (no run)

The engine comes from PULUMI_DATADDO_ENGINE_BIN (set by `make bench`) or
tools/pulumi-cli/ensure-engine.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks import report, suite, summary
from benchmarks.runner import FLOOR_OF
from tests.e2e.harness import REPO

RESULTS = REPO / "benchmarks" / "results" / "latest.json"
DOC = REPO / "docs" / "benchmarks.md"


def numbers(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--chains", type=numbers, help="sizes N, e.g. 1,10,50,100")
    parser.add_argument("--latencies", type=numbers, help="added API latencies in ms, e.g. 0,50")
    parser.add_argument(
        "--reps",
        type=int,
        help="lifecycles per scenario for every size (default: 3 for N <= 10, 2 above)",
    )
    parser.add_argument(
        "--skip-checkpoints-at",
        type=numbers,
        help="sizes also run with PULUMI_SKIP_CHECKPOINTS=true (default none)",
    )
    parser.add_argument(
        "--variants",
        type=lambda text: [part for part in text.split(",") if part],
        help=f"providers measured, each beside its floor (default {','.join(FLOOR_OF)})",
    )
    parser.add_argument(
        "--parallel",
        type=int,
        help=f"the engine's --parallel for every command (default {suite.Plan.parallel}; "
        "0: the CLI's default)",
    )
    parser.add_argument("--json", type=Path, default=RESULTS, help=f"default {RESULTS}")
    parser.add_argument("--doc", type=Path, default=DOC, help=f"default {DOC}")
    parser.add_argument("--render", action="store_true", help="only redraw --doc from --json")
    return parser.parse_args(argv)


def plan_of(args: argparse.Namespace) -> suite.Plan:
    default = suite.Plan()
    chains = args.chains or list(default.chains)
    reps = {n: args.reps or default.reps(n) for n in chains}  # default: Plan.reps
    latencies = [float(ms) for ms in args.latencies] if args.latencies else default.latencies_ms
    skips = args.skip_checkpoints_at
    return suite.Plan(
        chains,
        latencies,
        reps,
        default.skip_checkpoints_at if skips is None else skips,
        args.variants or default.variants,
        default.parallel if args.parallel is None else args.parallel,
    )


def write(results: dict[str, Any], json_path: Path, doc_path: Path) -> None:
    """The raw results (plus the derived rows and verdicts) and the page."""
    rows = summary.rows(results["measurements"])
    derived = {"rows": rows, "targets": summary.targets(rows, results["state"])}
    json_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(json.dumps({**results, **derived}, indent=1) + "\n")
    doc_path.write_text(report.render(results))


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.render:
        results = json.loads(args.json.read_text())
    else:
        results = suite.run(plan_of(args), log=lambda line: print(line, flush=True))
    write(results, args.json, args.doc)
    print(f"wrote {args.json} and {args.doc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
