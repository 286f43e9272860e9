"""The cross-year (CY) batch step at national scale: time and memory of pairing.

    python bench/bench_cross_year.py                  # 1,000 / 8,000 / 50,000 reports
    python bench/bench_cross_year.py -n 8000 -n 190000

For each N it builds N reports' facts in two shapes — ``pairs``: N/2 agencies with
distinct names, each with a 2023 and a 2024 report, every fourth agency under its short
name (第3区教育局 for 江苏省某0市第3区教育局) the second year, every pair compared;
``distinct``: N agencies with one report each (2023 or 2024), nothing to pair; ``forms``:
N/3 agencies, each with a 2023 report and its 2024 report in two forms (a page and its
attachment: the same form digest), each form compared — from the facts the CY rules keep of the real
淮安 2024 filled template (tests/docx_fixtures.py). The facts go through the SQLite fact store exactly as a batch
run writes them; then it times the batch step as a run takes it (the CY rules, pairing
included, their findings sorted in the store and read back report by report) and reports the peak RSS of the process that did it (each N in a fresh
process, so one N's memory does not hide another's).

Targets (issue 16): under 1 s at 8,000 reports; memory flat from 1,000 to 8,000
(within 20%); 50,000 completes.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

PROVINCES = "江苏省 浙江省 福建省 山东省 河南省 湖北省 广东省 四川省".split()
KINDS = (
    "政府 教育局 财政局 卫生健康委员会 自然资源局 生态环境局 住房和城乡建设局 交通运输局".split()
)


def agency(i: int, short: bool) -> str:
    """A distinct agency: province / city / county / bureau, numbered."""
    county = f"第{i // len(KINDS)}区"
    kind = KINDS[i % len(KINDS)]
    full = f"{PROVINCES[i % len(PROVINCES)]}某{i // 97}市{county}{kind}"
    return f"{county}{kind}" if short else full


def one(n: int, shape: str) -> dict:
    """Run the batch step for n reports in this process; return the measures."""
    from docx_fixtures import huaian_2024_docx  # type: ignore[import-not-found]

    from linter.config import Config
    from linter.engine import Engine
    from linter.factstore import FactStore
    from linter.plugins import load_plugins

    engine = Engine.from_config(load_plugins(), Config(), select=("CY",))
    tmp = Path(f"/tmp/gongkai-bench-cy-{n}.docx")
    tmp.write_bytes(huaian_2024_docx())
    try:
        template = engine.lint_path(tmp).facts
    finally:
        tmp.unlink()
    started = time.perf_counter()
    store = FactStore()
    try:
        if shape == "pairs":
            reports = [(i, year, "docx") for i in range(n // 2) for year in (2023, 2024)]
        elif shape == "forms":
            reports = [
                (i, year, suffix)
                for i in range(n // 3)
                for year, suffix in ((2023, "docx"), (2024, "docx"), (2024, "html"))
            ]
        else:
            reports = [(i, 2023 + i % 2, "docx") for i in range(n)]
        for i, year, suffix in reports:
            name = agency(i, short=shape == "pairs" and year == 2024 and i % 4 == 0)
            path = f"{year}/{i:06d}.{suffix}"
            for code, facts in template.items():
                store.add(code, replace(facts, path=path, agency=name, year=year))
        store.finish(n)
        written = time.perf_counter() - started
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started = time.perf_counter()
        # As a batch run takes them (linter.batch.run_batch): sorted in the store and
        # read back one report at a time, not held in a list.
        findings = sum(len(group) for group in store.in_order(engine.iter_batch(store)))
        seconds = time.perf_counter() - started
    finally:
        store.close()
    return {
        "n": n,
        "shape": shape,
        "store_seconds": written,
        "batch_seconds": seconds,
        "findings": findings,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "before_mib": before,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, action="append", help="reports (repeatable)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--shape", default="pairs", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.shape)))
        return
    print(
        f"{'reports':>8} {'shape':>9} {'store s':>8} {'CY step s':>10} {'findings':>9} "
        f"{'peak RSS MiB':>13} {'before step':>12}"
    )
    for n, shape in [
        (n, s) for n in args.n or [1000, 8000, 50000] for s in ("distinct", "pairs", "forms")
    ]:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n), "--shape", shape],
            capture_output=True,
            text=True,
        )
        if out.returncode:
            print(out.stderr[-2000:], file=sys.stderr)
            continue
        r = json.loads(out.stdout)
        print(
            f"{r['n']:>8} {r['shape']:>9} {r['store_seconds']:>8.2f} {r['batch_seconds']:>10.2f} "
            f"{r['findings']:>9} {r['peak_rss_mib']:>13.1f} {r['before_mib']:>12.1f}"
        )


if __name__ == "__main__":
    main()
