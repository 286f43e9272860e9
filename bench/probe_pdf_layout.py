"""Probe the PDF reader's tables with the real PDFs made harder, as reports arrive.

    python bench/probe_pdf_layout.py jitter [AMPLITUDES] [SEEDS]
    python bench/probe_pdf_layout.py breaks

``jitter``: every character of the real PDFs in tests/fixtures/pdf moved at random across
by up to each amplitude (points; default 0.5,1,2,3, 4 seeds), as an OCR text layer or some
producers place them, in the ruled originals and in their forms without ruling lines.
``breaks``: a page break put at each gap between two text lines inside the tables of
洪泽 2023/2024 and 淮安 2024 without ruling lines (a label cut in two, rows apart).

Each form is linted and compared with the original: a run counts as "error" when it has
an error-level finding the original does not (the cost to avoid), "same" when its
findings are the original's. Prints the counts, and each run that differs with -v.
"""

from __future__ import annotations

import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from linter.document import Table  # noqa: E402
from linter.engine import Engine  # noqa: E402
from linter.plugins import load_plugins  # noqa: E402
from linter.readers import pdf  # noqa: E402
from tests.conftest import kinds  # noqa: E402
from tests.pdf_fixtures import unruled  # noqa: E402
from tests.test_reader_pdf import read  # noqa: E402
from tests.test_reader_pdf_borderless import broken, reformed  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
PDFS = (
    "2023_district-hongze_gov",
    "2024_district-hongze_gov",
    "2024_city-huaian_gov",
    "2022_zone-pingtan_gov.lo",
    "2023_zone-pingtan_gov.lo",
    "2025_zonedept-pingtan-czj.lo",
    "2022_zone-pingtan_gov.printed",
)
# PDFium's content generation re-encodes LibreOffice's fonts: those are made borderless in
# their bytes, and only the others are broken across pages.
BREAKABLE = PDFS[:3]


def without_lines(src: Path, folder: Path) -> Path:
    dst = folder / f"{src.stem}.nolines.pdf"
    if ".lo" in src.name or ".printed" in src.name:
        dst.write_bytes(unruled(src.read_bytes()))
    else:
        reformed(src, dst)
    return dst


class Jitter:
    """Moves each character the PDF reader reads across by a random distance."""

    def __init__(self) -> None:
        self.amplitude = 0.0
        self.rng = random.Random(0)
        original = pdf._Scanner._chars

        def chars(scanner, text, m):
            out = original(scanner, text, m)
            if self.amplitude:
                for c in out:
                    dx = self.rng.uniform(-self.amplitude, self.amplitude)
                    c.x0, c.x1, c.cx = c.x0 + dx, c.x1 + dx, c.cx + dx
            return out

        pdf._Scanner._chars = chars


def _compare(engine: Engine, form: Path, base: Counter, errors: set) -> tuple[bool, bool, Counter]:
    got = Counter(kinds(engine.lint_path(form)))
    new = {k for k in got if k[2] == "error"} - errors
    return bool(new), got == base, got - base


def jitter(amplitudes: list[float], seeds: int, verbose: bool) -> None:
    engine = Engine(load_plugins())
    shake = Jitter()
    totals: Counter = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for name in PDFS:
            src = FIXTURES / f"{name}.pdf"
            shake.amplitude = 0.0
            plain = without_lines(src, Path(tmp))
            errors = {k for k in kinds(engine.lint_path(src)) if k[2] == "error"}
            bases = {
                "ruled": Counter(kinds(engine.lint_path(src))),
                "nolines": Counter(kinds(engine.lint_path(plain))),
            }
            for form, path in (("ruled", src), ("nolines", plain)):
                for amplitude in amplitudes:
                    for seed in range(seeds):
                        shake.amplitude, shake.rng = amplitude, random.Random(seed)
                        bad, same, extra = _compare(engine, path, bases[form], errors)
                        shake.amplitude = 0.0
                        totals[(form, amplitude, "runs")] += 1
                        totals[(form, amplitude, "error")] += bad
                        totals[(form, amplitude, "same")] += same
                        if verbose and not same:
                            print(f"{name} {form} {amplitude} pt seed {seed}: {dict(extra)}")
    for form in ("ruled", "nolines"):
        for amplitude in amplitudes:
            runs = totals[(form, amplitude, "runs")]
            print(
                f"{form:8} {amplitude:4} pt: {totals[(form, amplitude, 'error')]}/{runs} "
                f"with an error the original lacks, {totals[(form, amplitude, 'same')]}/{runs} "
                "with its findings"
            )


def _cuts(form: Path) -> list[tuple[int, float]]:
    """(page index, y in PDF space) between two text lines inside the report's tables."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    from tests.test_reader_pdf_borderless import _text_of

    doc = pdfium.PdfDocument(str(form))
    spans: dict[int, tuple[float, float]] = {}
    for block in read(form).blocks:
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row:
                    a = cell.anchor
                    if a.page and a.bbox:
                        lo, hi = spans.get(a.page, (1e9, -1e9))
                        spans[a.page] = (min(lo, a.bbox[1]), max(hi, a.bbox[3]))
    out = []
    for number, (y0, y1) in spans.items():
        page = doc[number - 1]
        height = page.get_size()[1]
        textpage = page.get_textpage()
        rows = sorted(
            {
                (round(o.get_bounds()[1], 1), round(o.get_bounds()[3], 1))
                for o in page.get_objects()
                if o.type == raw.FPDF_PAGEOBJ_TEXT
                and not _text_of(o, textpage).replace(".", "").isdigit()
            }
        )
        inside = sorted(
            ((b, t) for b, t in rows if b >= height - y1 - 1 and t <= height - y0 + 1),
            key=lambda bt: -bt[1],
        )
        for (b1, _), (_, t2) in zip(inside, inside[1:], strict=False):
            y = (b1 + t2) / 2
            if b1 > t2 and not any(b < y < t for b, t in rows):
                out.append((number - 1, round(y, 1)))
    return sorted(set(out))


def breaks(verbose: bool) -> None:
    engine = Engine(load_plugins())
    totals: Counter = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name in BREAKABLE:
            src = FIXTURES / f"{name}.pdf"
            form = without_lines(src, folder)
            errors = {k for k in kinds(engine.lint_path(src)) if k[2] == "error"}
            base = Counter(kinds(engine.lint_path(form)))
            for index, y in _cuts(form):
                cut = broken(form, folder / f"{name}-{index}-{y}.pdf", index, y)
                bad, same, extra = _compare(engine, cut, base, errors)
                totals["runs"] += 1
                totals["error"] += bad
                totals["same"] += same
                if verbose and not same:
                    print(f"{name} page {index + 1} at {y}: {dict(extra)}")
    runs = totals["runs"]
    print(
        f"page breaks: {totals['error']}/{runs} with an error the original lacks, "
        f"{totals['same']}/{runs} with the unbroken form's findings"
    )


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    if args and args[0] == "breaks":
        breaks(verbose)
        return
    amplitudes = [float(a) for a in (args[1] if len(args) > 1 else "0.5,1,2,3").split(",")]
    seeds = int(args[2]) if len(args) > 2 else 4
    jitter(amplitudes, seeds, verbose)


if __name__ == "__main__":
    main(sys.argv[1:])
