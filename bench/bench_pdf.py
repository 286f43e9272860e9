"""Time the PDF reader against bare text extraction and against pdfplumber, in one run.

    python bench/bench_pdf.py                  # the real PDFs in tests/fixtures/pdf
    python bench/bench_pdf.py a.pdf b.pdf      # your own files
    python bench/bench_pdf.py --batch 1000     # and peak memory over a 1,000-PDF batch

For each file, the best-of-repeats time per call of

- ``PdfReader().read``: characters, ruling lines, grids, paragraphs;
- bare text: pypdfium2 opens the file and extracts each page's text (``get_text_range``);
- pdfplumber: ``extract_text`` + ``find_tables`` on each page (skipped when pdfplumber
  is not installed: ``pip install pdfplumber``; it is not a dependency of the project).

Targets: at most 0.15 s per 5-page report on the reference machine, at most 3x the bare
text extraction. ``--batch N`` reads the files round-robin N times and prints the
resident memory after each tenth, which must stay flat (no leak of PDFium documents).
"""

from __future__ import annotations

import argparse
import sys
import timeit
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pypdfium2 as pdfium  # noqa: E402

from linter.readers import Limits  # noqa: E402
from linter.readers.pdf import PdfReader  # noqa: E402


def built_in_files() -> list[Path]:
    return sorted((ROOT / "tests" / "fixtures" / "pdf").glob("20*.pdf"))


def ours(data: bytes) -> None:
    PdfReader().read("bench.pdf", data, Limits())


def bare(data: bytes) -> None:
    pdf = pdfium.PdfDocument(data)
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            text = page.get_textpage()
            text.get_text_range()
            text.close()
            page.close()
    finally:
        pdf.close()


def plumber(data: bytes) -> None:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.find_tables()


def time_pair(data: bytes, number: int, repeat: int) -> tuple[float, float]:
    """Best time per call of the reader and of bare extraction, measured in turns so
    that both see the same load on a busy machine."""
    best_ours = best_bare = float("inf")
    for _ in range(repeat):
        best_ours = min(best_ours, timeit.timeit(lambda: ours(data), number=number) / number)
        best_bare = min(best_bare, timeit.timeit(lambda: bare(data), number=number) / number)
    return best_ours, best_bare


def rss_mib() -> float:
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[1])
    except OSError:  # not Linux
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    import os

    return pages * os.sysconf("SC_PAGE_SIZE") / (1 << 20)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--number", type=int, default=5, help="calls per repeat")
    parser.add_argument("--repeat", type=int, default=7, help="repeats (the best counts)")
    parser.add_argument("--batch", type=int, default=0, help="also read N files for memory")
    args = parser.parse_args(argv)
    files = args.files or built_in_files()
    try:
        import pdfplumber  # noqa: F401

        have_plumber = True
    except ImportError:
        have_plumber = False
        print("pdfplumber is not installed: its column is skipped (pip install pdfplumber)")
    print(f"{'file':<34}{'pages':>6}{'reader':>9}{'bare':>9}{'ratio':>7}{'plumber':>9}")
    worst_ratio = 0.0
    worst_per_page = 0.0
    for path in files:
        data = path.read_bytes()
        pages = len(pdfium.PdfDocument(data))
        t_ours, t_bare = time_pair(data, args.number, args.repeat)
        t_plumber = timeit.timeit(partial(plumber, data), number=1) if have_plumber else None
        ratio = t_ours / t_bare
        worst_ratio = max(worst_ratio, ratio)
        worst_per_page = max(worst_per_page, t_ours / pages)
        plumber_text = f"{t_plumber:9.3f}" if t_plumber is not None else f"{'-':>9}"
        print(f"{path.name[:33]:<34}{pages:>6}{t_ours:9.3f}{t_bare:9.3f}{ratio:7.1f}{plumber_text}")
    print(
        f"worst: {worst_per_page * 5:.3f} s per 5 pages (target 0.15), "
        f"{worst_ratio:.1f}x bare text (target 3)"
    )
    if args.batch:
        blobs = [p.read_bytes() for p in files]
        step = max(1, args.batch // 10)
        print(f"memory over a {args.batch}-file batch (resident MiB):", end="")
        for i in range(args.batch):
            ours(blobs[i % len(blobs)])
            if (i + 1) % step == 0:
                print(f" {rss_mib():.0f}", end="", flush=True)
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
