"""`python -m benchmarks`: run the benchmark, write the JSON and docs/benchmarks.md.

    python -m benchmarks                         # the full run (what `make bench` does)
    python -m benchmarks --chains 1,10 --reps 1  # a quick look
    python -m benchmarks --variants native       # the native provider (and its floor) only
    python -m benchmarks --render                # redraw the page from the JSON (no run)
    python -m benchmarks --only destination      # count the destination chain's calls again,
                                                 # into the JSON of the last full run

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
from harness.engine import REPO

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
    parser.add_argument(
        "--destination-chains",
        type=numbers,
        help="sizes of the destination chain whose calls are counted, e.g. 1,10 (default "
        f"{','.join(map(str, suite.Plan.destination_chains))}; 0: none)",
    )
    parser.add_argument(
        "--only",
        choices=["destination"],
        help="run only this part and merge it into --json (the other results stay)",
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
    destination = args.destination_chains
    return suite.Plan(
        chains,
        latencies,
        reps,
        default.skip_checkpoints_at if skips is None else skips,
        args.variants or default.variants,
        default.parallel if args.parallel is None else args.parallel,
        default.destination_chains if destination is None else [n for n in destination if n],
    )


# What `write` adds to the raw results (and `raw` takes away again).
DERIVED = ("rows", "targets", "destination_rows")


def write(results: dict[str, Any], json_path: Path, doc_path: Path) -> None:
    """The raw results (plus the derived rows and verdicts) and the page."""
    results = raw(results)
    derived: dict[str, Any] = {"rows": summary.rows(results["measurements"])}
    if "destination" in results:
        derived["destination_rows"] = summary.call_rows(results["destination"]["measurements"])
    derived["targets"] = summary.verdicts(results)
    json_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(json.dumps({**results, **derived}, indent=1) + "\n")
    doc_path.write_text(report.render(results))


def raw(results: dict[str, Any]) -> dict[str, Any]:
    """The results without what `write` derives from them."""
    return {key: value for key, value in results.items() if key not in DERIVED}


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)

    def log(line: str) -> None:
        print(line, flush=True)

    if args.render:
        results = json.loads(args.json.read_text())
    elif args.only == "destination":
        plan = plan_of(args)
        if not args.json.exists() or not plan.destination_chains:
            print(f"--only destination counts at least one size into a full run's {args.json}")
            return 2
        results = json.loads(args.json.read_text())
        results["destination"] = suite.run_destination(plan, log=log)
    else:
        results = suite.run(plan_of(args), log=log)
    write(results, args.json, args.doc)
    print(f"wrote {args.json} and {args.doc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
