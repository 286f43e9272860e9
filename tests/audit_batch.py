"""Batches for the inspector's deliverables (HTML audit, workbook, 通报), made from the
real reports in tests/fixtures.

``known_batch`` writes a few reports whose findings are known: the 2019 sample with a
broken balance (AP101 on 四、结转下年度 / 总计, printed 3), its 2020 copy (CY001, CY003),
and a report whose text, title and address hold markup and ``javascript:`` addresses
(it must render inert). ``large_batch`` adds reports built the way the benchmark builds
them (bench/bench_batch.py: real reports with numbers varied, plus broken files).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from tests.conftest import replace_line, sample_text
from tests.test_rules_cross_year import CARRIED_FORWARD_TOTAL, TITLE, year_copy

ROOT = Path(__file__).resolve().parent.parent

# Markup in a report's own words: each would set window.__pwned if it ever ran.
SCRIPT = "<script>window.__pwned = 1</script>"
ONERROR = '<img src="x" onerror="window.__pwned = 2">'
JS_LINK = '<a href="javascript:window.__pwned = 3">点此查看</a>'
JS_URL = "javascript:window.__pwned = 4"
HOSTILE_AGENCY = f"某县{SCRIPT}{ONERROR}人民政府"
HOSTILE_FILE = '<img src=x onerror="window.__pwned=5">.txt'


def hostile_text() -> str:
    text = sample_text()
    text = replace_line(text, TITLE, f"{HOSTILE_AGENCY}2019年度政府信息公开工作年度报告")
    lines = text.split("\n")
    # A sentence of section 一 carries the markup too.
    index = next(i for i, line in enumerate(lines) if line.startswith("一、") and len(line) < 20)
    lines.insert(index + 1, f"本年度详见{JS_LINK}{SCRIPT}，图片{ONERROR}。")
    return "\n".join(lines)


def known_batch(folder: Path) -> Path:
    """Write the known reports and a manifest; return the manifest's path."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "2019.txt").write_text(year_copy(2019, {CARRIED_FORWARD_TOTAL: "\t3"}), "utf-8")
    (folder / "2020.txt").write_text(year_copy(2020), "utf-8")
    (folder / "hostile.txt").write_text(hostile_text(), "utf-8")
    (folder / HOSTILE_FILE).write_text(hostile_text(), "utf-8")
    manifest = folder / "manifest.csv"
    with manifest.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["path", "agency", "issuer_kind", "year", "published", "url"])
        writer.writerow(
            ["2019.txt", "", "department", "", "2020-01-20", "https://example.org/2019"]
        )
        writer.writerow(["2020.txt", "", "department", "", "2021-02-26", ""])
        writer.writerow(["hostile.txt", HOSTILE_AGENCY, "government", "", "2020-03-01", JS_URL])
    return manifest


def large_batch(folder: Path, n: int) -> Path:
    """``n`` reports: the known ones and benchmark-style variations of the real ones."""
    sys.path.insert(0, str(ROOT))
    from bench.bench_batch import build_batch

    manifest = known_batch(folder)
    (folder / "varied").mkdir()
    build_batch(folder / "varied", n - 4)
    return manifest
