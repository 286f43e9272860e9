"""The same real report in other forms must give the same findings: a robustness matrix.

    python bench/variant_matrix.py [--keep DIR] [--code ROOT]

Takes the real pages in ``tests/fixtures/html/`` and the real PDFs in
``tests/fixtures/pdf/`` and converts them with the tools publishing systems and
inspectors use, where they are installed:

- LibreOffice (``soffice``): the page opened in Writer and saved as DOCX; that DOCX saved
  as PDF and as text (one table cell per line);
- Chromium (``chromium``/``chromium-browser``): the page printed to PDF, as an inspector
  archives it;
- poppler (``pdftotext``, ``pdftohtml``): the printed page and the real PDFs as text with
  and without ``-layout``, and as positioned HTML.

Each text variant is also made in traditional characters (a site's 繁體 view). Each
variant is linted and compared with its original by (rule, sub-id, level): ``same``,
or the findings it has more (``extra``; those at error level are counted apart, since a
wrong error costs most) and fewer (``missing``). A tool that is absent skips its variants
with a line saying so. Outputs: a table on stdout and the exit status 1 when any variant
has an error-level finding its original does not have.

Measured at the end of the fourth session (2026-12-05): 42 variants, 23 same, 0 extra
errors (at the session's start: 12 same, 8 extra errors). 2026-12-06, with the text
variants in traditional characters: 51 variants, 24 same, 0 extra errors; each 繁體 text
gives what its simplified text gives. The rest are forms that lose
the tables (plain ``pdftotext``, ``pdftohtml``): XT002 says so, at warning level.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
# The pages as published: a fixture that is itself a converter's output
# (“….pdftohtml.html”: poppler's page of a PDF) is no original to measure others by.
PAGES = sorted(p for p in (FIXTURES / "html").glob("20*.html") if p.name.count(".") == 1)
PDFS = sorted(p for p in (FIXTURES / "pdf").glob("20*_gov.pdf"))


def run(cmd: list[str], cwd: Path) -> bool:
    try:
        done = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=180)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def variants(work: Path) -> tuple[list[tuple[Path, str, Path]], list[str]]:
    """(original, how, variant) for every variant the installed tools can make."""
    out: list[tuple[Path, str, Path]] = []
    skipped: list[str] = []
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    pdftotext, pdftohtml = shutil.which("pdftotext"), shutil.which("pdftohtml")
    for page in PAGES:
        stem = page.stem
        if soffice:
            docx = work / f"{stem}.lo.docx"
            filt = ["--infilter=HTML (StarWriter)", "--convert-to", "docx:MS Word 2007 XML"]
            if run([soffice, "--headless", *filt, "--outdir", str(work / "d"), str(page)], work):
                (work / "d" / f"{stem}.docx").rename(docx)
                out.append((page, "LibreOffice DOCX", docx))
                for fmt, how, ext in (
                    ("pdf", "LibreOffice PDF", "pdf"),
                    ("txt:Text (encoded):UTF8", "LibreOffice text", "txt"),
                ):
                    if run(
                        [
                            soffice,
                            "--headless",
                            "--convert-to",
                            fmt,
                            "--outdir",
                            str(work / ext),
                            str(docx),
                        ],
                        work,
                    ):
                        out.append((page, how, work / ext / f"{stem}.lo.{ext}"))
        if chromium:
            printed = work / f"{stem}.printed.pdf"
            flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer"]
            if run([chromium, *flags, f"--print-to-pdf={printed}", page.as_uri()], work):
                out.append((page, "Chromium PDF", printed))
                if pdftotext:
                    for flag, how in (
                        ("-layout", "Chromium PDF, pdftotext -layout"),
                        ("-raw", "Chromium PDF, pdftotext"),
                    ):
                        target = work / f"{stem}.printed{flag}.txt"
                        args = (
                            [pdftotext, flag, str(printed), str(target)]
                            if flag == "-layout"
                            else [pdftotext, str(printed), str(target)]
                        )
                        if run(args, work):
                            out.append((page, how, target))
    for pdf in PDFS:
        if pdftotext:
            for flag, how in (("-layout", "pdftotext -layout"), ("", "pdftotext")):
                target = work / f"{pdf.stem}{flag or '.raw'}.txt"
                if run([pdftotext, *([flag] if flag else []), str(pdf), str(target)], work):
                    out.append((pdf, how, target))
        if pdftohtml:
            target = work / f"{pdf.stem}.p2h"
            if run([pdftohtml, "-s", "-i", "-noframes", "-q", str(pdf), str(target)], work):
                out.append((pdf, "pdftohtml", target.with_suffix(".p2h.html")))
    # Each text variant as a site's 繁體 view or a converting mirror gives it: the same
    # text in traditional characters (linter.traditional's pairs, one for one).
    from linter.traditional import SIMPLIFIED, TRADITIONAL

    to_traditional = str.maketrans(SIMPLIFIED, TRADITIONAL)
    for original, how, variant in list(out):
        if variant.suffix == ".txt" and variant.exists():
            target = variant.with_name(f"{variant.stem}.traditional.txt")
            text = variant.read_text(encoding="utf-8", errors="replace")
            target.write_text(text.translate(to_traditional), encoding="utf-8")
            out.append((original, f"{how}, 繁體", target))
    for tool, name in (
        (soffice, "LibreOffice"),
        (chromium, "Chromium"),
        (pdftotext, "pdftotext"),
        (pdftohtml, "pdftohtml"),
    ):
        if not tool:
            skipped.append(f"{name} not installed: its variants are skipped")
    return [v for v in out if v[2].exists()], skipped


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", type=Path, help="make the variants in this folder and keep them")
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout to lint with")
    args = parser.parse_args()
    sys.path.insert(0, str(args.code))
    from linter.engine import Engine
    from linter.plugins import load_plugins

    engine = Engine(load_plugins())

    def findings(path: Path) -> Counter:
        # counts of blank cells vary with how a form shows a blank: the finding, not its sub-id
        loose = ("AP005", "RL003", "AD004")
        return Counter(
            (f.code, None if f.code in loose else f.sub_id, f.level)
            for f in engine.lint_path(path).findings
            if f.code != "PB001"  # publication metadata: only pages carry it
        )

    work = args.keep or Path(tempfile.mkdtemp(prefix="gongkai-variants-"))
    for sub in ("d", "pdf", "txt"):
        (work / sub).mkdir(parents=True, exist_ok=True)
    made, skipped = variants(work)
    for line in skipped:
        print(line)
    originals: dict[Path, Counter] = {}
    same = wrong_errors = 0
    for original, how, variant in made:
        if original not in originals:
            originals[original] = findings(original)
        ref, got = originals[original], findings(variant)
        extra, missing = got - ref, ref - got
        errors = sum(n for (_, _, level), n in extra.items() if level == "error")
        same += not extra and not missing
        wrong_errors += errors
        state = "same" if not extra and not missing else "diff"
        print(
            f"{original.stem[:30]:30} {how:38} {state}  extra {sum(extra.values()):2} "
            f"(errors {errors})  missing {sum(missing.values()):2}"
            + (f"  +{sorted(extra)}" if errors else "")
        )
    print(
        f"{len(made)} variants: {same} give the original's findings; {wrong_errors} error-level findings the original does not have"
    )
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if wrong_errors else 0


if __name__ == "__main__":
    sys.exit(main())
