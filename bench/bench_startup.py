"""Start-up: ``gongkai-lint --version`` and one small report, wall and CPU time.

    python bench/bench_startup.py [--runs 5]

Best of N runs each, as an editor or a pre-commit hook would start it. CPU time (user +
system of the process and its worker) is given beside wall time because on a shared
machine the wall time mostly measures the other users. The bytecode cache is allowed
(an installed wheel has it; ``PYTHONDONTWRITEBYTECODE`` would make every run compile
every module again) and warmed by one run first. The modules imported are counted.

Target (issue 16): one small report ≤ 0.2 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "fixtures" / "text" / "2019_city-bureau-gongxin_tika.txt"


def command() -> list[str]:
    exe = shutil.which("gongkai-lint")
    return [exe] if exe else [sys.executable, "-m", "linter.cli"]


def best(args: list[str], runs: int, env: dict[str, str]) -> tuple[float, float]:
    wall = cpu = float("inf")
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command() + args, capture_output=True, env=env, cwd=ROOT)
        wall = min(wall, time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        used = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        cpu = min(cpu, used)
    return wall, cpu


def modules(args: list[str], env: dict[str, str]) -> int:
    code = (
        "import sys, atexit; from linter.cli import main;"
        "atexit.register(lambda: print(len(sys.modules), file=sys.stderr));"
        f"sys.argv = ['gongkai-lint', *{args!r}]; main()"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT
    )
    return int(proc.stderr.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    one = ["check", str(SAMPLE), "--isolated"]
    subprocess.run(command() + one, capture_output=True, env=env, cwd=ROOT)  # warm-up
    print(f"load average: {os.getloadavg()[0]:.1f} (1 min), {os.cpu_count()} cores")
    print(f"{'':34} {'wall s':>8} {'CPU s':>8} {'modules':>8}")
    for label, argv in (("gongkai-lint --version", ["--version"]), ("one small report", one)):
        wall, cpu = best(argv, args.runs, env)
        print(f"{label:34} {wall:8.3f} {cpu:8.3f} {modules(argv, env):8d}")


if __name__ == "__main__":
    main()
