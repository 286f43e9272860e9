"""Probe the text readers with the text common converters extract from published PDFs.

    python bench/probe_extracts.py FORMS [-v] [--out DIR] [--only NAME] [--conv C,C]

FORMS is a folder of PDFs made by ``bench/probe_producers.py chromium lo --keep FORMS``
(the real HTML pages of tests/fixtures/html printed by headless Chromium and LibreOffice
with page furniture: repeated table header rows, rows broken across pages, 公文 page
numbers, running headers, a 红头, 抄送/印发 blocks, watermarks, landscape pages, two pages
a sheet). Each PDF is extracted by every converter found on the machine:

``pdftotext`` (poppler; reading order), ``pdftotext-layout`` (``-layout``),
``pdftotext-raw`` (``-raw``, content-stream order), ``pdftohtml`` (``-s -i -noframes``,
one HTML page), ``markitdown`` and ``pymupdf4llm`` (markdown; when their Python packages
are installed: they are no dependency of the project).

Each extraction is linted and compared with the original HTML page's findings: a run
counts as "error" when it has an error-level finding the original lacks. Prints the
counts by converter and by the trait the PDF was printed with, and with -v each run that
differs.

Measured 2026-12-06 on the 152 PDFs of ``probe_producers.py chromium lo`` (4 pages × 27
Chromium traits and two-up sheets, 4 × 5 LibreOffice html->pdf, 4 × 5 html->docx->pdf),
extractions with an error-level finding the original page lacks, main d03a246 -> a74a68f:
pdftotext 21 -> 0, pdftotext -layout 21 -> 13, pdftotext -raw 51 -> 19, pdftohtml 109 -> 29,
markitdown 50 -> 32, pymupdf4llm (0.x) 11 -> 3; of 152 each (263 -> 96 of 912). Left: two
pages a sheet (a line holds both pages' text: 24 of the 96), 上海 2019's item (九) table
in pdftohtml (its cells' characters reordered: 19), tables whose rows a converter breaks
(markitdown, pdftotext -raw), a row after a page break indented otherwise (-layout).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from probe_producers import PAGES, Run  # noqa: E402


def _poppler(args: list[str], src: Path, dst: Path) -> Path | None:
    tool = shutil.which(args[0])
    if not tool:
        return None
    subprocess.run([tool, *args[1:], str(src), str(dst)], check=True, capture_output=True)
    return dst


def _markitdown(src: Path, dst: Path) -> Path | None:
    try:
        from markitdown import MarkItDown
    except ImportError:
        return None
    dst.write_text(MarkItDown().convert(str(src)).text_content, encoding="utf-8")
    return dst


def _pymupdf4llm(src: Path, dst: Path) -> Path | None:
    try:
        import pymupdf4llm
    except ImportError:
        return None
    dst.write_text(pymupdf4llm.to_markdown(str(src)), encoding="utf-8")
    return dst


CONVERTERS = {  # each: (the PDF, the extraction's path without its suffix)
    "pdftotext": lambda s, d: _poppler(["pdftotext", "-enc", "UTF-8"], s, d.with_suffix(".txt")),
    "pdftotext-layout": lambda s, d: _poppler(
        ["pdftotext", "-layout", "-enc", "UTF-8"], s, d.with_suffix(".layout.txt")
    ),
    "pdftotext-raw": lambda s, d: _poppler(
        ["pdftotext", "-raw", "-enc", "UTF-8"], s, d.with_suffix(".raw.txt")
    ),
    "pdftohtml": lambda s, d: _poppler(
        ["pdftohtml", "-s", "-i", "-noframes", "-enc", "UTF-8", "-q"],
        s,
        d.with_suffix(".pdftohtml.html"),
    ),
    "markitdown": lambda s, d: _markitdown(s, d.with_suffix(".markitdown.md")),
    "pymupdf4llm": lambda s, d: _pymupdf4llm(s, d.with_suffix(".pymupdf4llm.md")),
}


def trait_of(stem: str) -> str:
    """The trait a probe_producers PDF was printed with, from its name
    (``pingtan2023.chromium.foot-dash``, ``pingtan2023.lo-thead``, ``….plain.2up``)."""
    rest = stem.split(".", 1)[1] if "." in stem else stem
    return re.sub(r"(split(?:-thead)?)\d+$", r"\1", rest)


def main(argv: list[str]) -> None:
    if not argv or argv[0].startswith("-"):
        print(__doc__)
        sys.exit(2)
    forms = Path(argv[0])
    verbose = "-v" in argv
    only = argv[argv.index("--only") + 1] if "--only" in argv else None
    convs = argv[argv.index("--conv") + 1].split(",") if "--conv" in argv else list(CONVERTERS)
    keep = argv[argv.index("--out") + 1] if "--out" in argv else None
    run = Run(verbose)
    by_conv: Counter = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(keep) if keep else Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        for name, page in PAGES.items():
            if only and only not in name:
                continue
            pdfs = sorted(forms.rglob(f"{name}.*.pdf"))
            if not pdfs:
                continue
            base = run.original(page)
            for pdf in pdfs:
                trait = trait_of(pdf.stem)
                # (probe_producers puts html->docx->pdf in a folder of its own)
                inner = pdf.relative_to(forms).parent.name
                stem = f"{pdf.stem}.{inner}" if inner else pdf.stem
                if inner:
                    trait += f".{inner}"
                for conv in convs:
                    try:
                        text = CONVERTERS[conv](pdf, out / f"{stem}.x")
                    except (subprocess.CalledProcessError, Exception) as exc:  # noqa: BLE001
                        print(f"  {conv} failed on {pdf.name}: {exc!r:.80}", flush=True)
                        continue
                    if text is None:
                        continue
                    by_conv[conv] += 1
                    run.compare(f"{stem} {conv}", f"{conv} {trait}", text, base)
    run.report()
    print("by converter (extractions; with an error the original lacks):")
    for conv, n in by_conv.items():
        bad = sum(v for (g, k), v in run.totals.items() if k == "error" and g.split()[0] == conv)
        print(f"  {conv:20} {bad}/{n}")


if __name__ == "__main__":
    main(sys.argv[1:])
