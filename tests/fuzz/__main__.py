"""``python -m tests.fuzz [--long] [--count N] [--seed S] [--jobs J] [--keep DIR]``."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from .campaign import run


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__)
    parser.add_argument("--long", action="store_true", help="3,200 mutants (default 300)")
    parser.add_argument("--count", type=int, help="how many mutants")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--time-limit", type=int, default=120, help="seconds per file")
    parser.add_argument("--keep", type=Path, help="write the mutants and the log here")
    args = parser.parse_args()
    count = args.count or (3200 if args.long else 300)
    with tempfile.TemporaryDirectory(prefix="gongkai-fuzz-") as temp:
        workdir = args.keep or Path(temp)
        outcome = run(workdir, count, args.seed, args.jobs, args.time_limit)
    print(outcome.summary())
    print("by form: " + ", ".join(f"{k} {v}" for k, v in sorted(outcome.by_form.items())))
    for name, how, what in outcome.problems:
        print(f"  {name} ({how}): {what}")
    return 0 if outcome.ok else 1


if __name__ == "__main__":
    sys.exit(main())
