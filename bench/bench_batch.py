"""Batch benchmark: lint a generated batch of reports and compare with the bare parse floor.

    python bench/bench_batch.py                 # 2,000 reports
    python bench/bench_batch.py -n 500 --keep /tmp/batch

It builds N reports by varying real reports (the 2019 Tika sample, the 上海 2025
markdown conversion, the 上海 2019 and 平潭 HTML pages, the 2021 DOCX template filled
with real numbers — whichever forms this checkout can read) — their numbers are
changed and their sentences shuffled — plus a dozen broken or hostile files. Then it
measures, side by side in one run:

* reports/s of ``gongkai-lint check`` with ``--jobs 1`` and with ``--jobs`` = all cores
  (SARIF output to a file, so the reporter's work is counted), and the speed-up;
* peak memory (max RSS of the checking process) for N and for N/4 — flat means
  independent of N;
* the bare parse time of the same files (read the bytes, decode text, ``lxml`` parse of
  HTML, unzip + ``lxml`` parse of ``word/document.xml``: the floor no linter can beat)
  and the ratio lint time (jobs 1) / bare parse time;
* wall time of ``gongkai-lint check`` on one report, start-up included (best of 5).

Targets (issue 5): ratio ≤ 2; speed-up ≥ 1.8 on 2 cores; flat memory; one report < 0.5 s.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
sys.path.insert(0, str(ROOT))

_NUMBER_LINE = re.compile(r"^(\t[\u3000\u00a0 ]*)(\d+)([\u00a0 ]*)$")
_HTML_NUMBER = re.compile(r"(>\s*(?:&nbsp;)?\s*)(\d{1,4})(\s*(?:&nbsp;)?\s*<)")


def _vary_text(text: str, rng: random.Random, figures: bool = True) -> str:
    lines = []
    for line in text.split("\n"):
        m = _NUMBER_LINE.match(line) if figures else None
        if m and rng.random() < 0.3:
            line = f"{m.group(1)}{rng.randint(0, 40)}{m.group(3)}"
        elif not line.startswith("\t") and len(line) > 40 and "。" in line:
            parts = [p for p in line.split("。") if p]
            rng.shuffle(parts)
            line = "。".join(parts) + "。"
        lines.append(line)
    return "\n".join(lines)


def _vary_html(text: str, rng: random.Random) -> str:
    return _HTML_NUMBER.sub(
        lambda m: (
            m.group(1)
            + (str(rng.randint(0, 40)) if rng.random() < 0.3 else m.group(2))
            + m.group(3)
        ),
        text,
    )


def _sources() -> list[tuple[str, str, bytes]]:
    """(kind, suffix, bytes) of the real reports this checkout can read."""
    out = [
        ("text", ".txt", (FIXTURES / "text" / "2019_city-bureau-gongxin_tika.txt").read_bytes()),
        ("markdown", ".md", (FIXTURES / "text" / "2025_prov-shanghai-govoffice.md").read_bytes()),
    ]
    for path in (
        sorted((FIXTURES / "html").glob("*.html"))
        if (ROOT / "linter" / "readers" / "html.py").exists()
        else []
    ):
        out.append(("html", ".html", path.read_bytes()))
    docx_helper = ROOT / "tests" / "docx_fixtures.py"
    if (ROOT / "linter" / "readers" / "docx.py").exists() and docx_helper.exists():
        sys.path.insert(0, str(ROOT / "tests"))
        try:
            import docx_fixtures  # type: ignore[import-not-found]

            for data in docx_fixtures.benchmark_documents():
                out.append(("docx", ".docx", data))
        except (ImportError, AttributeError) as exc:
            print(f"(DOCX left out of the batch: {exc})", file=sys.stderr)
    return out


def _hostile(folder: Path) -> int:
    files = {
        "broken_empty.txt": b"",
        "broken_binary.txt": os.urandom(4096),
        "broken_pdf.txt": b"%PDF-1.7\n" + os.urandom(1000),
        "broken_truncated.docx": b"PK\x03\x04" + os.urandom(300),
        "broken_html_as.docx": b"<html><body><p>not a docx</p></body></html>",
        "broken_doc.docx": bytes.fromhex("D0CF11E0A1B11AE1") + bytes(2000),
        "broken_laughs.html": (
            b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
            + b"".join(
                f'<!ENTITY {c}{i} "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'.encode()
                for i, c in enumerate("bcdefgh")
            )
            + b"]><html><body><p>&h6;</p></body></html>"
        ),
        "broken_xxe.html": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><html><body><p>&e;</p></body></html>',
        "broken_notreport.txt": "关于做好防汛工作的通知\n请各单位做好值班。\n".encode(),
        "broken_gbk.txt": (FIXTURES / "text" / "2019_city-bureau-gongxin_tika.txt")
        .read_text(encoding="utf-8")
        .encode("gb18030"),
        "broken_badjson.json": b'{"ir_version": "1.0"}',
        "broken_zipbomb.docx": _zip_bomb(),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return len(files)


def _zip_bomb() -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w") as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(300):  # 300 MiB of zeros, ~300 KiB compressed
                member.write(chunk)
    return buffer.getvalue()


def build_batch(folder: Path, n: int, seed: int = 1, varied: float = 1.0) -> dict[str, int]:
    """N files in FOLDER: the real reports varied, and the broken or hostile ones.

    ``varied`` is the share of reports whose figures are changed (each figure with
    probability 0.3, so nearly every table's sums break: ~39 findings an HTML page where
    the real pages have 2-13); the others keep their figures, and their findings are the
    real report's. 1.0 is the bench the issues' targets were set on; 0.1 is nearer a
    real batch, where most reports add up.
    """
    rng = random.Random(seed)
    sources = _sources()
    counts: dict[str, int] = {}
    hostile = _hostile(folder)
    for i in range(n - hostile):
        kind, suffix, data = sources[i % len(sources)]
        figures = varied >= 1 or rng.random() < varied  # 1.0: the batches built before
        if kind in ("text", "markdown"):
            data = _vary_text(data.decode("utf-8"), rng, figures).encode("utf-8")
        elif kind == "html" and figures:
            data = _vary_html(data.decode("utf-8", errors="surrogateescape"), rng).encode(
                "utf-8", errors="surrogateescape"
            )
        sub = folder / f"{i // 500:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"report_{i:05d}{suffix}").write_bytes(data)
        counts[kind] = counts.get(kind, 0) + 1
    counts["broken or hostile"] = hostile
    return counts


def bare_parse_seconds(folder: Path) -> float:
    """Read every report and parse it with the cheapest correct method: the floor.

    The broken and hostile files are left out: parsing a zip bomb "barely" would take
    longer than the whole batch (the linter refuses it from its header instead).
    """
    from lxml import etree, html

    started = time.perf_counter()
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.name.startswith("broken_"):
            continue
        data = path.read_bytes()
        try:
            if path.suffix == ".docx":
                with zipfile.ZipFile(path) as z:
                    etree.fromstring(
                        z.read("word/document.xml"), etree.XMLParser(resolve_entities=False)
                    )
            elif path.suffix == ".html":
                html.fromstring(data)
            else:
                data.decode("utf-8")
        except Exception:
            pass
    return time.perf_counter() - started


def run_check(folder: Path, jobs: int, out: Path) -> tuple[float, int]:
    """Seconds and peak RSS (KiB) of one `gongkai-lint check` run (the pool included)."""
    cmd = [
        sys.executable,
        "-m",
        "linter.cli",
        "check",
        str(folder),
        "--jobs",
        str(jobs),
        "--output-format",
        "sarif",
        "-o",
        str(out),
        "--isolated",
    ]
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise SystemExit(f"check failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return seconds, _peak_rss_kib()


def sarif_results(path: Path) -> list[tuple]:
    import json

    run = json.loads(path.read_text(encoding="utf-8"))["runs"][0]
    uris = [a["location"]["uri"] for a in run["artifacts"]]
    out = []
    for r in run["results"]:
        loc = r["locations"][0]["physicalLocation"]
        out.append(
            (
                uris[loc["artifactLocation"]["index"]],
                r["ruleId"],
                json.dumps(loc.get("region")),
                r["message"]["text"],
            )
        )
    return sorted(out)


def _peak_rss_kib() -> int:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def peak_rss_of(folder: Path, jobs: int, out: Path) -> int:
    """Peak RSS of a separate measuring process (RUSAGE_CHILDREN is cumulative-max)."""
    code = (
        "import resource,subprocess,sys;"
        f"subprocess.run([sys.executable,'-m','linter.cli','check',{str(folder)!r},'--jobs','{jobs}',"
        f"'--output-format','sarif','-o',{str(out)!r},'--isolated'],capture_output=True);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    return int(
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip()
    )


def one_report_seconds(path: Path) -> float:
    exe = shutil.which("gongkai-lint") or ""
    cmd = (
        [exe, "check", str(path), "--isolated"]
        if exe
        else [sys.executable, "-m", "linter.cli", "check", str(path), "--isolated"]
    )
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run(cmd, capture_output=True)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-n", type=int, default=2000, help="reports in the batch (default 2000)")
    parser.add_argument("--keep", type=Path, help="build the batch here and keep it")
    args = parser.parse_args()
    cores = (
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    )
    base = args.keep or Path(tempfile.mkdtemp(prefix="gongkai-bench-"))
    base.mkdir(parents=True, exist_ok=True)
    big, small = base / "batch", base / "batch_quarter"
    for folder in (big, small):
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir()
    counts = build_batch(big, args.n)
    build_batch(small, max(args.n // 4, 20))
    print(f"batch of {args.n} files in {big}: {counts}")

    bare = bare_parse_seconds(big)
    serial, _ = run_check(big, 1, base / "out1.sarif")
    parallel, _ = run_check(big, cores, base / "outN.sarif")
    rss_big = peak_rss_of(big, cores, base / "outM.sarif")
    rss_small = peak_rss_of(small, cores, base / "outS.sarif")
    single = one_report_seconds(FIXTURES / "text" / "2019_city-bureau-gongxin_tika.txt")
    serial_results = sarif_results(base / "out1.sarif")
    same = serial_results == sarif_results(base / "outN.sarif")
    broken = sorted({u for u, rule, _, _ in serial_results if "broken_" in u})
    xt001 = {u for u, rule, _, _ in serial_results if rule == "XT001"}

    n = args.n
    print()
    print(f"{'measure':<46} {'value':>12}  target")
    print(f"{'bare parse (read + decode/lxml), all files':<46} {bare:>10.2f} s")
    print(f"{'check --jobs 1':<46} {serial:>10.2f} s  ({n / serial:.0f} reports/s)")
    print(f"{f'check --jobs {cores}':<46} {parallel:>10.2f} s  ({n / parallel:.0f} reports/s)")
    print(
        f"{'speed-up jobs ' + str(cores) + ' vs 1':<46} {serial / parallel:>10.2f} x  >= 1.8 on 2 cores"
    )
    print(f"{'lint time (jobs 1) / bare parse time':<46} {serial / bare:>10.2f} x  <= 2")
    print(f"{f'peak RSS, {n} files':<46} {rss_big / 1024:>10.1f} MiB")
    print(f"{f'peak RSS, {max(n // 4, 20)} files':<46} {rss_small / 1024:>10.1f} MiB  (flat in N)")
    print(f"{'one report, start-up included (best of 5)':<46} {single:>10.3f} s  < 0.5")
    print(
        f"{'findings: jobs 1 and jobs ' + str(cores) + ' identical':<46} {str(same):>10}    ({len(serial_results)} results)"
    )
    print(
        f"{'broken or hostile files with XT001':<46} {len(xt001 & set(broken)):>6} of {len(broken)}"
    )
    for uri in broken:
        rules = sorted({rule for u, rule, _, _ in serial_results if u == uri})
        print(f"    {uri.rsplit('/', 1)[-1]:<28} {' '.join(rules)}")
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
