"""Time DocxReader.read against the bare minimum: unzip word/document.xml and parse it.

    python bench/bench_docx.py                 # built-in fixtures (filled 2021 template)
    python bench/bench_docx.py a.docx b.docx   # your own files

For each file: the best-of-repeats mean CPU time of ``DocxReader().read`` and of
``zipfile.ZipFile(...).read("word/document.xml")`` + ``lxml.etree.fromstring(...)``, timed
in turns, and their ratio. The target is a ratio of at most 1.5 (issue 16).

The last column adds what opening the package with python-docx
(``docx.opc.package.OpcPackage.open``, which loads and parses every part) would cost on
top of the reader, as a ratio to the bare parse: why the reader follows the package
relationships and reads the core properties with lxml itself (README, "python-docx").
"""

from __future__ import annotations

import argparse
import io
import sys
import time
import timeit
import zipfile
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from linter.readers import Limits  # noqa: E402
from linter.readers.docx import DocxReader  # noqa: E402


def built_in_files() -> dict[str, bytes]:
    """The blank template, the filled 淮安 2024 report, and a long report (the 淮安
    narrative repeated 40 times per section, 3 copies of each table's values)."""
    from docx_fixtures import (  # noqa: PLC0415 (only needed without arguments)
        HUAIAN_2024_SECTIONS,
        TEMPLATE,
        huaian_2024_docx,
    )

    long_sections = {number: texts * 40 for number, texts in HUAIAN_2024_SECTIONS.items()}
    files = {
        "template_blank": TEMPLATE.read_bytes(),
        "huaian_2024": huaian_2024_docx(),
        "huaian_2024_long_text": huaian_2024_docx(sections=long_sections),
    }
    return files


def bare(data: bytes) -> None:
    etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))


def python_docx_package(data: bytes) -> None:
    from docx.opc.package import OpcPackage  # noqa: PLC0415 (only for this column)

    package = OpcPackage.open(io.BytesIO(data))
    _ = package.main_document_part, package.core_properties.title


def time_per_call(function, data: bytes, number: int, repeat: int) -> float:
    runs = timeit.repeat(
        lambda: function(data), number=number, repeat=repeat, timer=time.process_time
    )
    return min(runs) / number


def interleaved(functions, data: bytes, number: int, repeat: int) -> list[float]:
    """The best CPU time per call of each function, timed in turns (one repeat of each,
    then the next round): on a shared machine the load changes by the minute, and a ratio
    of two times taken minutes apart says little."""
    best = [float("inf")] * len(functions)
    for _ in range(repeat):
        for i, function in enumerate(functions):
            best[i] = min(best[i], time_per_call(function, data, number, 1))
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--number", type=int, default=50, help="calls per repeat")
    parser.add_argument("--repeat", type=int, default=7, help="repeats (the best is kept)")
    args = parser.parse_args(argv)

    if args.files:
        files = {path.name: path.read_bytes() for path in args.files}
    else:
        files = built_in_files()
    reader = DocxReader()
    limits = Limits()

    def read(data: bytes) -> None:
        reader.read("bench.docx", data, limits)

    print(f"{'file':28} {'KiB':>7} {'read ms':>9} {'bare ms':>9} {'ratio':>6} {'+python-docx':>13}")
    worst = 0.0
    for name, data in files.items():
        read(data)  # warm up, and fail early on an unreadable file
        ours, baseline, opc = interleaved(
            (read, bare, python_docx_package), data, args.number, args.repeat
        )
        ratio = ours / baseline
        worst = max(worst, ratio)
        print(
            f"{name[:28]:28} {len(data) / 1024:7.0f} {ours * 1e3:9.3f} "
            f"{baseline * 1e3:9.3f} {ratio:6.2f} {(ours + opc) / baseline:13.2f}"
        )
    print(f"worst ratio {worst:.2f} (target ≤ 1.5, issue 16)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
