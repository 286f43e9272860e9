"""Per-file CPU time of the HTML and DOCX readers against their bare parse, on a batch.

    python bench/bench_readers.py FOLDER [--rounds 5] [--code OTHER_CHECKOUT]

Every ``.html``/``.htm`` and ``.docx`` file under FOLDER (``broken_*`` files left out) is
read into memory once. Each round then times, in turns and in CPU time
(``time.process_time``: the machine is shared, wall time lies), the bare parse of every
file of one kind (``lxml.html.fromstring``; zip + ``lxml.etree.fromstring`` of
``word/document.xml``) and the reader on the same files (``Reader.read``, nothing else).
Reported: the mean per file in ms and the reader / bare ratio, min / median / max over
the rounds. Targets (issue 16): HTML ≤ 2×, DOCX ≤ 1.5×.

``--anchors`` also times placing every anchor of the documents read (each block's and
each cell's line and column: for HTML, the source scan and ranking that the first anchor
a finding reads sets off, and each element's place), after the reader's own time.

``--code`` imports ``linter`` from another checkout (``git worktree``/``git archive`` of an
older commit) to time it the same way: run both, one after the other, for before/after.
"""

from __future__ import annotations

import argparse
import gc
import io
import statistics
import sys
import time
import zipfile
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--code", type=Path, help="the checkout to import linter from")
    parser.add_argument(
        "--anchors", action="store_true", help="also time placing every anchor of what was read"
    )
    args = parser.parse_args(argv)
    root = (args.code or Path(__file__).resolve().parent.parent).resolve()
    sys.path.insert(0, str(root))

    import lxml.html  # noqa: PLC0415
    from lxml import etree  # noqa: PLC0415

    from linter.readers import Limits  # noqa: PLC0415
    from linter.readers.docx import DocxReader  # noqa: PLC0415
    from linter.readers.html import HtmlReader  # noqa: PLC0415

    files: dict[str, list[tuple[str, bytes]]] = {"html": [], "docx": []}
    for path in sorted(args.folder.rglob("*")):
        if not path.is_file() or path.name.startswith("broken_"):
            continue
        kind = {".html": "html", ".htm": "html", ".docx": "docx"}.get(path.suffix.lower())
        if kind:
            files[kind].append((str(path), path.read_bytes()))
    limits = Limits()
    xml_parser = etree.XMLParser(resolve_entities=False)

    def bare_html(path: str, data: bytes) -> None:
        lxml.html.fromstring(data)

    def bare_docx(path: str, data: bytes) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            etree.fromstring(archive.read("word/document.xml"), xml_parser)

    html_reader, docx_reader = HtmlReader(), DocxReader()
    ours_reader = {"html": html_reader, "docx": docx_reader}

    def read_html(path: str, data: bytes) -> None:
        html_reader.read(path, data, limits)

    def read_docx(path: str, data: bytes) -> None:
        docx_reader.read(path, data, limits)

    def every_anchor(document) -> None:
        for block in document.blocks:
            block.anchor.line  # noqa: B018 (placing it is what is timed)
            for row in getattr(block, "rows", ()):
                for cell in row:
                    cell.anchor.line  # noqa: B018

    def cpu(function, batch) -> float:
        gc.collect()
        started = time.process_time()
        for path, data in batch:
            function(path, data)
        return (time.process_time() - started) / len(batch)

    kinds = [
        (kind, bare, ours)
        for kind, bare, ours in (("html", bare_html, read_html), ("docx", bare_docx, read_docx))
        if files[kind]
    ]
    rows: dict[str, list[float]] = {}
    for kind, bare, ours in kinds:  # warm up (imports, caches), and fail early
        cpu(bare, files[kind])
        cpu(ours, files[kind])
    for _ in range(args.rounds):
        for kind, bare, ours in kinds:
            base = cpu(bare, files[kind])
            read = cpu(ours, files[kind])
            rows.setdefault(f"{kind} bare ms/file", []).append(base * 1e3)
            rows.setdefault(f"{kind} reader ms/file", []).append(read * 1e3)
            rows.setdefault(f"{kind} reader / bare", []).append(read / base)
            if args.anchors:
                documents = [
                    ours_reader[kind].read(path, data, limits) for path, data in files[kind]
                ]
                gc.collect()
                started = time.process_time()
                for document in documents:
                    every_anchor(document)
                placed = (time.process_time() - started) / len(documents)
                rows.setdefault(f"{kind} anchors ms/file", []).append(placed * 1e3)
    counts = ", ".join(f"{len(files[kind])} {kind}" for kind, _, _ in kinds)
    print(f"{root}: {counts}; {args.rounds} rounds, CPU time")
    print(f"{'':22} {'min':>7} {'median':>7} {'max':>7}")
    for key, values in rows.items():
        print(f"{key:22} {min(values):7.2f} {statistics.median(values):7.2f} {max(values):7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
