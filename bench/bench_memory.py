"""Peak memory of a whole ``check`` run as the batch grows, cross-year rules included.

    python bench/bench_memory.py                       # 1,000 and 8,000 reports, SARIF
    python bench/bench_memory.py -n 1000 -n 8000 --keep /tmp/mem --format json

For each N it builds (or, with ``--keep``, reuses) an N-report batch with
``bench_batch.build_batch`` — a few real reports varied, so most reports share an agency
name with hundreds of others: the cross-year rules' worst case for ambiguity notes —
and runs ``gongkai-lint check --jobs 2`` on it in a fresh process, with the cross-year
rules on. It reports the peak RSS of the parent process (which gathers the results,
keeps the facts and runs the CY rules) and of the largest worker, separately: the
parent is what grows with N when anything is held to the end of the batch, a worker's
peak is the largest report's.

Target (issue 16): the peak with CY rules at 8,000 reports within 20% of 1,000's.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

# Runs the command line in this process and prints the peaks when it exits.
_MEASURE = """
import atexit, json, resource, sys
def peaks():
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"parent_kib": me, "worker_kib": kids}), file=sys.stderr)
atexit.register(peaks)
from linter.cli import main
sys.argv = ["gongkai-lint", *sys.argv[1:]]
main()
"""


def batch_folder(base: Path, n: int) -> Path:
    """An n-report batch under ``base`` (built unless a complete one is there)."""
    from bench_batch import build_batch  # type: ignore[import-not-found]

    folder = base / f"batch_{n}"
    marker = folder / ".complete"
    if not marker.exists():
        folder.mkdir(parents=True, exist_ok=True)
        build_batch(folder, n)
        marker.write_text(str(n))
    return folder


def measure(folder: Path, fmt: str, jobs: int, out: Path) -> dict:
    cmd = [sys.executable, "-c", _MEASURE, "check", str(folder), "--isolated"]
    cmd += ["--jobs", str(jobs), "--output-format", fmt, "-o", str(out)]
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise SystemExit(f"check failed ({proc.returncode}): {proc.stderr[-2000:]}")
    line = [x for x in proc.stderr.splitlines() if x.startswith('{"parent_kib"')][-1]
    peaks = json.loads(line)
    return {
        "parent_mib": peaks["parent_kib"] / 1024,
        "worker_mib": peaks["worker_kib"] / 1024,
        "seconds": seconds,
        "output_mib": out.stat().st_size / 2**20,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, action="append", help="reports (repeatable)")
    parser.add_argument("--format", default="sarif", help="output format (default sarif)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="build the batches here and keep them")
    args = parser.parse_args()
    sizes = args.n or [1000, 8000]
    base = args.keep or Path(tempfile.mkdtemp(prefix="gongkai-bench-memory-"))
    print(f"load average: {os.getloadavg()[0]:.1f} (1 min); output {args.format}")
    print(f"{'reports':>8} {'parent MiB':>11} {'worker MiB':>11} {'wall s':>8} {'output MiB':>11}")
    rows = []
    for n in sizes:
        folder = batch_folder(base, n)
        with tempfile.TemporaryDirectory() as tmp:
            r = measure(folder, args.format, args.jobs, Path(tmp) / f"out.{args.format}")
        rows.append((n, r))
        print(
            f"{n:>8} {r['parent_mib']:>11.1f} {r['worker_mib']:>11.1f} {r['seconds']:>8.1f} "
            f"{r['output_mib']:>11.1f}"
        )
    if len(rows) > 1:
        (n0, first), (n1, last) = rows[0], rows[-1]
        peak0 = max(first["parent_mib"], first["worker_mib"])
        peak1 = max(last["parent_mib"], last["worker_mib"])
        print(
            f"peak RSS {n1:,} vs {n0:,} reports: {peak1:.1f} / {peak0:.1f} MiB = "
            f"{100 * (peak1 / peak0 - 1):+.0f}% (target within 20%); parent alone "
            f"{100 * (last['parent_mib'] / first['parent_mib'] - 1):+.0f}%"
        )
    if not args.keep:
        import shutil

        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
