"""Pages as poppler's ``pdftohtml`` writes them: tables read from where their lines stand.

``pdftohtml -s -i`` sets each line of a PDF page's text in an absolutely positioned
``<p>`` (``top``/``left`` in pixels, the font size in its class), inside one ``<div
id="pageN-div">`` a page: a table's cells are ``<p>`` elements standing in rows and
columns, with nothing of the table's markup. The characters are set out from those
positions (each CJK character one font size wide, a digit or Latin letter half one) and
read by the PDF reader's reading of tables without ruling lines
(:mod:`linter.readers.pdf_columns`), with all its cautions: a reading whose columns cannot
be trusted is dropped, and the sections say their tables were not recognised (XT002). A
table read is put in the page as a ``<table>`` in place of its lines, each cell anchored
to the line of the file its text is on.

A line the PDF printed in several runs of text (Chromium's prints: a run ends at each
change of font or at a glyph that falls back to another font, "⼀、总" then "体情况" at the
same ``top``) is split by pdftohtml into several ``<p>``s side by side: the runs that
touch on one line are joined into the first ``<p>``, so that a heading or a sentence is
read whole, not cut into paragraphs of a few characters. A translucent run (a class with
an opacity under 0.6: a watermark Chromium printed, “仅供参考” in grey at 0.35, as tall as
three lines) is dropped: it is not the report's text, and it would join the lines it
crosses into one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.etree import _Element as Element

_PAGE_DIV = re.compile(r"page\d+-div$")
_POSITION = re.compile(r"top:\s*(-?\d+(?:\.\d+)?)px;\s*left:\s*(-?\d+(?:\.\d+)?)px")
_FONT = re.compile(
    r"\.(ft\w+)\s*\{\s*font-size:\s*(\d+(?:\.\d+)?)px;(?:\s*line-height:\s*(\d+)px;)?"
)
# A page of pdftohtml's: its marker, looked for before anything is parsed.
MARKER = 'id="page1-div"'


# A class's opacity (“.ft11{font-size:89px;…;color:#b4b4b4;opacity:0.349020;}”).
_OPACITY = re.compile(r"\.(ft\w+)\s*\{[^}]*?opacity:\s*(\d*\.?\d+)")
# Text this translucent is a watermark (Chromium's prints keep a CSS watermark's alpha,
# “仅供参考” at 0.35), not the report's.
WATERMARK_OPACITY = 0.6
WATERMARK = "watermark"


def font_sizes(text: str) -> dict[str, tuple[float, float]]:
    """Each class's font size and line height (pixels), from the pages' style sheets; a
    translucent class (a watermark's) under ``WATERMARK`` as well."""
    sizes: dict = {
        m.group(1): (float(m.group(2)), float(m.group(3) or 0) or 1.25 * float(m.group(2)))
        for m in _FONT.finditer(text)
    }
    faint = {m.group(1) for m in _OPACITY.finditer(text) if float(m.group(2)) < WATERMARK_OPACITY}
    if faint:
        sizes[WATERMARK] = faint
    return sizes


def place_tables(body: Element, sizes: dict[str, tuple[float, float]]) -> int:
    """Read the tables of pdftohtml's positioned pages under ``body`` and put each in
    place of its lines; the number of tables read."""
    from lxml import etree

    from linter.readers import pdf, pdf_columns

    faint = sizes.get(WATERMARK, set())
    owner: dict[int, Element] = {}
    chars_of: dict[Element, list] = {}
    pages = []
    order: dict[Element, int] = {}
    for number, div in enumerate(
        (d for d in body.iter("div") if _PAGE_DIV.match(d.get("id") or "")), start=1
    ):
        chars: list[pdf._Char] = []
        for p in list(div.iter("p")):
            if p.get("class") in faint:
                # A watermark's characters (“仅供”, “参考”, 89px across the page's lines)
                # are no text of the report: they would join the lines they cross.
                _drop(p)
                continue
            order[p] = len(order)
            where = _POSITION.search(p.get("style") or "")
            if where is None:
                continue
            size, pitch = sizes.get(p.get("class") or "", (16.0, 20.0))
            top, left = float(where.group(1)), float(where.group(2))
            pieces = _pieces(p)
            for k, piece in enumerate(pieces):
                x, y = left, top + k * pitch
                for ch in piece:
                    wide = ord(ch) >= 0x2E80
                    width = size if wide else 0.5 * size
                    c = pdf._Char(" " if ch in " \xa0\u3000" else ch, x, y, x + width, y + size)
                    owner[id(c)] = p
                    chars_of.setdefault(p, []).append(c)
                    chars.append(c)
                    x += width
        lines = [
            line
            for line in pdf._group_lines(chars)
            if line.text and not pdf._PAGE_NUMBER.match(line.text)
        ]
        pages.append((number, lines))
    found = pdf_columns.read(pages)
    placed: set = set()
    for table in found:
        inside = {id(c) for line in table.lines for c in line.chars}  # type: ignore[attr-defined]
        elements = {owner[i] for i in inside}
        whole = [p for p in elements if all(id(c) in inside for c in chars_of[p] if c.ch != " ")]
        if not whole:
            continue
        first = min(whole, key=order.__getitem__)
        markup = etree.Element("table")
        for row in table.table.rows:
            tr = etree.SubElement(markup, "tr")
            for cell in row:
                td = etree.SubElement(tr, "td")
                td.text = cell.text
                line = _line_of(table, cell, owner)
                if line:
                    td.sourceline = line
        markup.sourceline = first.sourceline
        first.addprevious(markup)
        placed.update(whole)
        for p in whole:
            parent = p.getparent()
            if parent is not None:
                tail = p.tail
                parent.remove(p)
                if tail and tail.strip():
                    markup.tail = (markup.tail or "") + tail
    for _, lines in pages:
        for line in lines:
            _join_runs(line, owner, chars_of, sizes, placed)
    return len(found)


def _pieces(p: Element) -> list[str]:
    """The text of a ``<p>`` line by line (split at its ``<br>``s), the text of its
    inline elements (``<b>``, ``<i>``: a bold run) included."""
    pieces = [p.text or ""]

    def walk(e: Element) -> None:
        for child in e:
            if child.tag == "br":
                pieces.append("")
            else:
                pieces[-1] += child.text or ""
                walk(child)
            pieces[-1] += child.tail or ""

    walk(p)
    return pieces


def _join_runs(line, owner, chars_of, sizes, placed) -> None:
    """Join the ``<p>``s that print one line of a page in runs that touch (each begins
    where the one before it ends, within a character's width) into the first of them."""
    # (each run where it starts: its width is reckoned, and may overlap the next's)
    runs = sorted(
        {id(p): p for p in (owner[id(c)] for c in line.chars)}.values(),
        key=lambda p: min(c.x0 for c in chars_of[p]),
    )
    if len(runs) < 2:
        return
    # All or nothing: a line whose runs do not all touch is a table's row (its cells
    # apart, or reckoned to touch in a print scaled down), its cells left as they are.
    if all(_touch(a, b, chars_of, sizes, placed) for a, b in zip(runs, runs[1:], strict=False)):
        _join(runs)


def _touch(prev, nxt, chars_of, sizes, placed) -> bool:
    """Whether run ``nxt`` goes on where run ``prev`` ends, on the same line."""
    if prev in placed or nxt in placed or any(e.find(".//br") is not None for e in (prev, nxt)):
        return False  # a table's cell, or a run of several lines (``<br>``)
    if prev.getparent() is None or prev.getparent() is not nxt.getparent():
        return False
    size = sizes.get(nxt.get("class") or "", (16.0, 20.0))[0]
    left = min(c.x0 for c in chars_of[prev])
    width = max(c.x1 for c in chars_of[prev]) - left
    start = min(c.x0 for c in chars_of[nxt])
    if start - left < 0.5 * size:
        return False  # the same place printed twice (a bold made by overprinting)
    gap = start - left - width
    # The widths are reckoned from the font size, which pdftohtml does not always
    # write (then 16px): a run may really be half as wide again, or narrower.
    return -width <= gap <= max(size, 0.5 * width)


def _drop(p: Element) -> None:
    """Remove ``p``, keeping its tail's text."""
    parent = p.getparent()
    if parent is None:
        return
    prev = p.getprevious()
    if p.tail and p.tail.strip():
        if prev is None:
            parent.text = (parent.text or "") + p.tail
        else:
            prev.tail = (prev.tail or "") + p.tail
    parent.remove(p)


def _join(runs) -> None:
    """The runs' text (and inline elements) into the first of them; the others removed."""
    first = runs[0]
    for p in runs[1:]:
        if p.text:
            last = first[-1] if len(first) else None
            if last is None:
                first.text = (first.text or "") + p.text
            else:
                last.tail = (last.tail or "") + p.text
        for child in list(p):
            first.append(child)  # (its tail goes with it)
        _drop(p)


def _line_of(table, cell, owner) -> int | None:
    """The line of the file holding the ``<p>`` of the cell's first character."""
    a = cell.anchor
    if a.line is None:
        return None
    where = table._cols[a.line - 1]
    c = where.get((a.column or 1) - 1)
    p = owner.get(id(c)) if c is not None else None
    return p.sourceline if p is not None else None
