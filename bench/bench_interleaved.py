"""Lint against the bare parse, measured interleaved: min / median / max of rounds.

    python bench/bench_interleaved.py -n 2000 --rounds 3
    python bench/bench_interleaved.py -n 500 --other /tmp/old-checkout   # before/after

On a shared machine the load changes from one minute to the next, so a bare parse
timed at one moment and a lint at another can make their ratio anything (3.0× to 6.7×
between runs of bench_batch.py). Here every round runs, back to back: the bare parse of
the batch (in this process), then ``check --jobs 1`` and ``check --jobs 2`` with SARIF
output for this tree — and for ``--other`` (another checkout, e.g. ``git archive`` of an
older commit) right after — so each ratio compares runs made under the same load. Wall
time, CPU time (user + system of the check process and its workers) and the SARIF size
are reported, and the load average at the start and end; the ratio of CPU times (the
check's, workers included, to the bare parse's) is the one the load cannot change.

Targets (issue 16): lint (jobs 1) / bare parse ≤ 3 (goal 1.5); jobs 2 / jobs 1 ≥ 1.7;
SARIF of the 2,000-report batch ≤ 40 MB.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from bench_batch import bare_parse_seconds, build_batch  # noqa: E402


def check(code_root: Path, folder: Path, jobs: int, out: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and SARIF bytes of one ``check`` with that code."""
    launcher = (
        "import sys; sys.path.insert(0, sys.argv.pop(1)); from linter.cli import main; main()"
    )
    cmd = [sys.executable, "-c", launcher, str(code_root), "check", str(folder), "--isolated"]
    cmd += ["--jobs", str(jobs), "--output-format", "sarif", "-o", str(out)]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=folder.parent)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{code_root}: check failed ({proc.returncode}): {proc.stderr[-1500:]}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu, out.stat().st_size


def spread(values: list[float]) -> str:
    return f"{min(values):7.2f} {statistics.median(values):7.2f} {max(values):7.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--other", type=Path, help="another checkout to time the same way")
    parser.add_argument("--keep", type=Path, help="build the batch here and keep it")
    parser.add_argument(
        "--varied",
        type=float,
        default=1.0,
        help="share of reports whose figures are changed (1.0: the issues' bench; "
        "0.1: most reports add up, as in a real batch)",
    )
    args = parser.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="gongkai-interleaved-"))
    folder = base / "batch"
    if not folder.exists():
        folder.mkdir(parents=True)
        build_batch(folder, args.n, varied=args.varied)
    versions = {"this tree": ROOT}
    if args.other:
        versions["other"] = args.other.resolve()
    rows: dict[str, list[float]] = {}

    def note(key: str, value: float) -> None:
        rows.setdefault(key, []).append(value)

    load_start = os.getloadavg()[0]
    for _ in range(args.rounds):
        cpu_before = time.process_time()
        bare = bare_parse_seconds(folder)
        bare_cpu = time.process_time() - cpu_before
        note("bare parse s", bare)
        note("bare parse CPU s", bare_cpu)
        for name, code in versions.items():
            one = check(code, folder, 1, base / "one.sarif")
            two = check(code, folder, 2, base / "two.sarif")
            note(f"{name}: jobs 1 wall s", one[0])
            note(f"{name}: jobs 1 CPU s", one[1])
            note(f"{name}: jobs 2 wall s", two[0])
            note(f"{name}: jobs 1 / bare parse", one[0] / bare)
            # CPU against CPU: what the load cannot change.
            note(f"{name}: jobs 1 / bare parse (CPU)", one[1] / bare_cpu)
            note(f"{name}: jobs 2 speed-up (wall)", one[0] / two[0])
            note(f"{name}: SARIF MB", two[2] / 1e6)
    print(
        f"{args.n} files, {args.rounds} rounds; load average {load_start:.1f} at the start, "
        f"{os.getloadavg()[0]:.1f} at the end ({os.cpu_count()} cores)"
    )
    print(f"{'':34} {'min':>7} {'median':>7} {'max':>7}")
    for key, values in rows.items():
        print(f"{key:34} {spread(values)}")
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
