"""Time HtmlReader.read against bare ``lxml.html.fromstring`` on the same files.

Usage: python bench/bench_html.py [FILE ...]   (default: tests/fixtures/html/*.html)
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import lxml.html

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from linter.readers import Limits  # noqa: E402
from linter.readers.html import HtmlReader  # noqa: E402


def best_mean(function: Callable[[], object], repeat: int = 7, number: int = 20) -> float:
    """Mean seconds per call, taking the best of ``repeat`` batches of ``number`` calls."""
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            function()
        timings.append((time.perf_counter() - start) / number)
    return min(timings)


def main(argv: list[str]) -> int:
    paths = [Path(p) for p in argv] or sorted((ROOT / "tests/fixtures/html").glob("*.html"))
    if not paths:
        print("no files", file=sys.stderr)
        return 2
    reader, limits = HtmlReader(), Limits()
    total_lxml = total_reader = 0.0
    print(f"{'file':45} {'bytes':>8} {'lxml ms':>8} {'reader ms':>9} {'ratio':>6}")
    for path in paths:
        data = path.read_bytes()
        bare = best_mean(partial(lxml.html.fromstring, data))
        ours = best_mean(partial(reader.read, str(path), data, limits))
        total_lxml += bare
        total_reader += ours
        print(
            f"{path.name:45} {len(data):8d} {bare * 1e3:8.2f} {ours * 1e3:9.2f} {ours / bare:6.2f}"
        )
    count = len(paths)
    print(
        f"{'mean':45} {'':8} {total_lxml / count * 1e3:8.2f} {total_reader / count * 1e3:9.2f}"
        f" {total_reader / total_lxml:6.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
