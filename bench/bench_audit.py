"""Inspector's deliverables benchmark: what the HTML audit, the workbook and the 通报 cost.

    python bench/bench_audit.py                 # 3,000 reports
    python bench/bench_audit.py -n 500 --keep /tmp/audit-batch

Builds a batch the way bench/bench_batch.py does (real reports with their numbers
varied, plus broken files), then measures, in one run:

* wall time of ``gongkai-lint check`` with ``--output-format`` sarif (the baseline),
  html, xlsx and docx, all cores; the html run's size on disk and files written;
* with Chromium (Debian's ``chromium``) and Playwright installed: the time the overview
  takes to open with its table ready, and the in-page time of a filter by year, a
  search and a sort (measured inside the page, without Playwright's own overhead).

Target (issue 14): for 3,000 reports the overview opens and answers in under 2 s.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_batch import build_batch  # noqa: E402


def check(folder: Path, fmt: str, out: Path) -> float:
    cmd = [sys.executable, "-m", "linter.cli", "check", str(folder), "--isolated"]
    cmd += ["--output-format", fmt, "-o", str(out)]
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise SystemExit(f"check --output-format {fmt} failed: {proc.stderr[-2000:]}")
    return seconds


def browse(index: Path) -> dict[str, float] | None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if chromium is None:
        return None
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        started = time.perf_counter()
        page.goto(index.resolve().as_uri())
        page.wait_for_selector("#reports tbody tr")
        opened = time.perf_counter() - started
        inside = page.evaluate(
            """() => {
              const t0 = performance.now();
              const year = document.getElementById('year');
              year.value = year.options[Math.min(1, year.options.length - 1)].value;
              year.dispatchEvent(new Event('change'));
              const t1 = performance.now();
              const search = document.getElementById('search');
              search.value = 'report_0';
              search.dispatchEvent(new Event('input'));
              const t2 = performance.now();
              document.querySelector("th[data-key='total']").click();
              const t3 = performance.now();
              return [t1 - t0, t2 - t1, t3 - t2];
            }"""
        )
        browser.close()
    return {"open": opened, "filter": inside[0] / 1000, "search": inside[1] / 1000,
            "sort": inside[2] / 1000}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-n", type=int, default=3000, help="reports in the batch (default 3000)")
    parser.add_argument("--keep", type=Path, help="build the batch here and keep it")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-audit-"))
    folder = args.keep or work / "batch"
    folder.mkdir(parents=True, exist_ok=True)
    try:
        counts = build_batch(folder, args.n)
        print(f"batch: {args.n} files {counts}")
        times = {}
        for fmt, out in (
            ("sarif", work / "out.sarif"),
            ("html", work / "audit"),
            ("xlsx", work / "out.xlsx"),
            ("docx", work / "out.docx"),
        ):
            times[fmt] = check(folder, fmt, out)
            print(f"check --output-format {fmt:<5} {times[fmt]:7.1f} s", end="")
            if fmt != "sarif":
                print(f"   ({times[fmt] / times['sarif']:.2f}x sarif)", end="")
            print()
        audit = work / "audit"
        files = [p for p in audit.rglob("*") if p.is_file()]
        size = sum(p.stat().st_size for p in files)
        overview = (audit / "index.html").stat().st_size
        print(
            f"audit folder: {len(files)} files, {size / 2**20:.1f} MiB "
            f"(overview {overview / 2**10:.0f} KiB)"
        )
        browsed = browse(audit / "index.html")
        if browsed is None:
            print("Chromium or Playwright not installed: overview not opened")
        else:
            print(
                f"overview in Chromium: open {browsed['open']:.2f} s; in the page: filter "
                f"{browsed['filter'] * 1000:.0f} ms, search {browsed['search'] * 1000:.0f} ms, "
                f"sort {browsed['sort'] * 1000:.0f} ms"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
