"""Tables a PDF prints without ruling lines, read from where their characters stand.

An OCR'd scan (a picture of each page under an invisible text layer: the table's lines
are pixels) or a table drawn without borders gives the PDF reader no lines to build a
grid from, but its text still stands in columns. The lines of text outside ruled tables
are set out as ``pdftotext -layout`` prints them — each character in the column its
position gives, a form feed between pages — and the text reader's column-aligned table
reading (:func:`linter.readers.text.layout_tables`) reads them: one reading for both
forms, with its cautions (a row whose values cannot be placed is left as printed, and
the interpreter says the table was read only in part, XT002). Every cell is mapped back
to its page and the box of its characters.

A reading is kept only when its columns are consistent (:func:`_consistent`): the values
of the table's full rows stand in columns that do not overlap and do not cross, and
every value of a row falls in its own column. A table whose numbers stand between or
across columns (a shifted column, a skewed scan) is not read: XT002 says so, rather than
a sum that does not add up because a number was put in the wrong column.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from linter.document import Anchor, Table

# Gaps between two characters of a line, in units (half the page's CJK character width,
# about one digit): closer is one word, wider than _SPACED is two cells (a label and
# the row label beside it, a cell's padding apart), or wider than _SPACED_BY_CHAR where a
# space character stands in the gap (a full-width space inside a heading is no cell).
_ADJACENT = 0.6
_SPACED = 1.2
_SPACED_BY_CHAR = 2.4
# A blank line where the space between two lines is this share of their height: rows of
# a table are set apart, the lines of one wrapped label are not (as pdftotext prints).
_ROW_GAP = 0.5
# A table that follows one not trusted with only pieces of labels between them (at most
# this many lines, of at most _PIECE characters) is its continuation: not trusted either.
_CONTINUED = 8
_PIECE = 16
# Two characters are on one line when their middles are this share of a height apart.
_SAME_LINE = 0.34
# Points: label pieces that begin this close together begin at one column edge.
_EDGE = 0.5


class _CharLike(Protocol):
    ch: str
    x0: float
    y0: float
    x1: float
    y1: float


class _LineLike(Protocol):
    chars: list
    y0: float
    y1: float

    @property
    def height(self) -> float: ...


@dataclass(slots=True)
class Borderless:
    """One table read from aligned text: the table (its anchors are lines and columns of
    the laid-out text), the reader's lines it was read from, and the first of them."""

    table: Table
    lines: list[object]
    first: object
    _cols: list[dict[int, _CharLike]]
    _pages: list[int]

    def locate(self, anchor: Anchor) -> tuple[int | None, tuple[float, float, float, float] | None]:
        """The page and the box of the characters at a text anchor."""
        if anchor.line is None:
            return None, None
        k = anchor.line - 1
        cols = self._cols[k]
        lo = (anchor.column or 1) - 1
        hi = (anchor.end_column or anchor.column or 1) - 1
        chars = [cols[c] for c in range(lo, max(hi, lo + 1)) if c in cols]
        if not chars:
            return self._pages[k], None
        box = (
            min(c.x0 for c in chars),
            min(c.y0 for c in chars),
            max(c.x1 for c in chars),
            max(c.y1 for c in chars),
        )
        return self._pages[k], box


def _unit(lines: Iterable[_LineLike]) -> float:
    """Half the commonest width of a CJK character (one digit), or of any character."""
    wide = sorted(
        c.x1 - c.x0 for line in lines for c in line.chars if ord(c.ch[0]) >= 0x2E80 and c.x1 > c.x0
    )
    if wide:
        return wide[len(wide) // 2] / 2
    narrow = sorted(c.x1 - c.x0 for line in lines for c in line.chars if c.x1 > c.x0)
    return narrow[len(narrow) // 2] if narrow else 5.0


def _figures(row: list[_CharLike], unit: float) -> list[tuple[int, int]]:
    """The runs of figures of a printed line: (first, end) indexes into it."""
    runs: list[tuple[int, int]] = []
    k = 0
    while k < len(row):
        if not row[k].ch.isdigit():
            k += 1
            continue
        j = k + 1
        while (
            j < len(row)
            and (row[j].ch.isdigit() or row[j].ch in ".．")
            and (row[j].x0 - row[j - 1].x1) / unit < _ADJACENT
        ):
            j += 1
        runs.append((k, j))
        k = j
    return runs


def _edges(rows: list[list[_CharLike]], unit: float) -> set[tuple[str, int]]:
    """Where figures printed apart from their neighbours stand in three lines or more: a
    column's left edges, right edges or middles (to the point)."""
    seen: Counter[tuple[str, int]] = Counter()
    for row in rows:
        for a, b in _figures(row, unit):
            if a and (row[a].x0 - row[a - 1].x1) / unit < _SPACED:
                continue
            x0, x1 = row[a].x0, row[b - 1].x1
            seen.update({("l", round(x0)), ("r", round(x1)), ("m", round((x0 + x1) / 2))})
    return {key for key, n in seen.items() if n >= 3}


def _label_edges(rows: list[list[_CharLike]], unit: float) -> list[float]:
    """Where pieces of text begin (a line's first character, or one after a cell's gap)
    in three lines or more, to half a point: the left edges of the label columns."""
    starts = sorted(
        row[k].x0
        for row in rows
        for k in range(len(row))
        if k == 0 or (row[k].x0 - row[k - 1].x1) / unit >= _SPACED
    )
    edges: list[float] = []
    k = 0
    while k < len(starts):
        j = k
        while j + 1 < len(starts) and starts[j + 1] - starts[k] <= _EDGE:
            j += 1
        if j - k + 1 >= 3:
            edges.append((starts[k] + starts[j]) / 2)
        k = j + 1
    return edges


def _jitter(rows: list[list[_CharLike]], unit: float) -> float:
    """How far characters stray from where their font would set them, in points: the
    median change between one gap and the next along three CJK characters of a word
    (0 where a producer sets each character at its advance; about the stray itself in
    an OCR text layer, each character placed a point or so off)."""
    changes = sorted(
        abs((c.x0 - b.x1) - (b.x0 - a.x1))
        for row in rows
        for a, b, c in zip(row, row[1:], row[2:], strict=False)
        if all(ord(d.ch[0]) >= 0x2E80 for d in (a, b, c))
        and max(b.x0 - a.x1, c.x0 - b.x1) < _ADJACENT * unit
    )
    return changes[len(changes) // 2] if changes else 0.0


def _in_column(x0: float, x1: float, edges: set[tuple[str, int]]) -> bool:
    return any(
        (side, round(x) + d) in edges
        for side, x in (("l", x0), ("r", x1), ("m", (x0 + x1) / 2))
        for d in (-1, 0, 1)
    )


def _overlapping_figures(line: list[_CharLike]) -> bool:
    """True when two figures side by side overlap by half a figure or more: which comes
    first is unsure (“53” or “35”), and a number read from them may be wrong."""
    return any(
        a.ch.isdigit() and b.ch.isdigit() and b.x0 < a.x0 + 0.5 * (a.x1 - a.x0)
        for a, b in zip(line, line[1:], strict=False)
    )


def _set_out(
    line: list[_CharLike],
    unit: float,
    edges: set[tuple[str, int]] = frozenset(),
    spaces: Sequence[float] = (),
    starts: Sequence[float] = (),
    jitter: float = 0.0,
) -> tuple[str, dict[int, _CharLike]]:
    """A line as fixed-width text: a character in the column its left edge gives, a
    word's characters side by side, one space between words, at least two between cells.
    A figure set close after a label (the label fills its cell) is a cell of its own when
    it stands where a column of figures stands in other lines. ``spaces``: where the
    line's space characters stand (their middles); ``starts``: the label columns' left
    edges (:func:`_label_edges`); ``jitter``: how far the characters stray from their
    place (:func:`_jitter`)."""
    out: list[str] = []
    cols: dict[int, _CharLike] = {}
    prev = None
    apart = {
        a
        for a, b in _figures(line, unit)
        if a and not line[a - 1].ch.isdigit() and _in_column(line[a].x0, line[b - 1].x1, edges)
    }
    # A piece of a label beside another (a group label's line, then the row label's, in
    # narrow columns set a cell's padding apart): it begins on a label column's edge,
    # further from the character before than the line's characters usually stand (a
    # character inside a word that happens to stand on an edge is no cell), by more than
    # characters set each a little off stray from their place (``jitter``: a gap that
    # wide may be one of a word's).
    gaps = sorted(
        b.x0 - a.x1 for a, b in zip(line, line[1:], strict=False) if b.x0 - a.x1 < _SPACED * unit
    )
    usual = max(gaps[len(gaps) // 2], 0.0) if gaps else 0.0
    wider = usual + max(_EDGE, 2 * jitter)
    apart.update(
        k
        for k in range(1, len(line))
        if not line[k - 1].ch.isdigit()
        and line[k].x0 - line[k - 1].x1 > wider
        and any(abs(line[k].x0 - x) <= _EDGE for x in starts)
    )
    for k, c in enumerate(line):
        if prev is None:
            col = max(0, round(c.x0 / unit))
        else:
            gap = (c.x0 - prev.x1) / unit
            last = len(out) - 1
            spaced = any(prev.x1 <= x <= c.x0 for x in spaces)
            if k not in apart and (
                gap < _ADJACENT
                or (
                    # Characters of a word strayed apart (``jitter``): still one word.
                    # Never figures: two figures a space apart are two values.
                    gap < min(_ADJACENT + 2 * jitter / unit, _SPACED)
                    and not prev.ch.isdigit()
                    and not c.ch.isdigit()
                )
            ):
                col = last + 1
            elif gap < (_SPACED_BY_CHAR if spaced else _SPACED) and k not in apart:
                col = last + 2
            else:
                col = max(last + 3, round(c.x0 / unit))
        out.extend(" " * (col - len(out)))
        for j, ch in enumerate(c.ch):
            out.append(ch)
            cols[col + j] = c
        prev = c
    return "".join(out), cols


def read(pages: Sequence[tuple[int, Sequence[_LineLike | None]]]) -> list[Borderless]:
    """The borderless tables among the pages' lines, top to bottom on each page (None
    where a ruled table stands: no table is read across it), in reading order. Only a
    run of lines where some figure stands apart from the text before it is laid out."""
    from linter.readers.text import layout_tables

    every = [line for _, items in pages for line in items if line is not None]
    if not every:
        return []
    unit = _unit(every)
    text: list[str] = []
    cols: list[dict[int, _CharLike]] = []
    page_of: list[int] = []
    line_of: list[object | None] = []

    def add(s: str, where: dict[int, _CharLike], page: int, line: object | None) -> None:
        text.append(s)
        cols.append(where)
        page_of.append(page)
        line_of.append(line)

    owner: dict[int, object] = {}  # id of a character: the reader's line it is on
    unsure: set[int] = set()  # laid-out lines with figures whose order is unsure
    for number, items in pages:
        add("\f", {}, number, None)
        runs: list[list[_LineLike]] = [[]]
        for line in items:
            if line is None:
                runs.append([])
            else:
                runs[-1].append(line)
        for k, run in enumerate(runs):
            if k:
                add("\t", {}, number, None)  # a ruled table: the text reader's tables end
            if not any(_spaced_figure(line, unit) for line in run):
                continue  # no figure stands apart: running text, no table to read
            for line in run:
                for c in line.chars:
                    owner[id(c)] = line
            prev = None
            rows = []
            for row in _rows([c for line in run for c in line.chars]):
                chars = [c for c in row if c.ch != " "]
                if chars:
                    rows.append((chars, [(c.x0 + c.x1) / 2 for c in row if c.ch == " "]))
            edges = _edges([chars for chars, _ in rows], unit)
            starts = _label_edges([chars for chars, _ in rows], unit)
            jitter = _jitter([chars for chars, _ in rows], unit)
            for row, spaces in rows:
                top, bottom = min(c.y0 for c in row), max(c.y1 for c in row)
                height = max(c.y1 - c.y0 for c in row)
                if prev is not None and top - prev[1] > _ROW_GAP * max(height, prev[2], 1.0):
                    add("", {}, number, None)
                s, where = _set_out(row, unit, edges, spaces, starts, jitter)
                add(s, where, number, row)
                if _overlapping_figures(row):
                    unsure.add(len(text) - 1)
                prev = (top, bottom, height)
    found = []
    dropped = -1  # where the last table not trusted ends
    for start, end, table in layout_tables(text):
        if (
            _continues(text[dropped:start] if dropped >= 0 else None)
            or any(start <= k < end for k in unsure)
            or not _consistent(table, cols)
        ):
            # Not trusted, or the rest of one not trusted, set apart by a page break: a
            # part of a table is no table (the interpreter would take it for the whole).
            dropped = end
            continue
        inside = {id(c) for k in range(start, end) for c in cols[k].values()}
        # The reader's lines wholly in the table (a line only partly in it stays text:
        # better printed twice than lost).
        lines: dict[int, tuple[tuple[int, float], object]] = {}
        for k in range(start, end):
            for c in cols[k].values():
                line = owner[id(c)]
                if id(line) not in lines and all(
                    id(d) in inside
                    for d in line.chars  # type: ignore[attr-defined]
                    if d.ch != " "
                ):
                    lines[id(line)] = ((page_of[k], line.y0), line)  # type: ignore[attr-defined]
        if not lines:
            continue
        first = min(lines.values(), key=lambda t: t[0])[1]
        found.append(Borderless(table, [line for _, line in lines.values()], first, cols, page_of))
    return found


def _spaced_figure(line: _LineLike, unit: float) -> bool:
    """True when a figure on the line stands apart from what is before it (a cell)."""
    prev = None
    for c in line.chars:
        if c.ch == " ":
            continue
        if prev is not None and c.ch.isdigit() and (c.x0 - prev.x1) >= _SPACED * unit:
            return True
        prev = c
    return False


def _continues(between: list[str] | None) -> bool:
    """True when the lines between a table not trusted and the next are pieces of labels
    (short, no section heading, no ruled table): the next is the rest of the same table,
    cut from it by a page break or a label's lines without figures."""
    if between is None:
        return False
    from linter.readers.text import _INLINE_HEADING

    texts = ["".join(t.split()) for t in between]
    texts = [t for t in texts if t]
    return (
        len(texts) <= _CONTINUED
        and "\t" not in between
        and all(len(t) <= _PIECE and not _INLINE_HEADING.match(t) for t in texts)
    )


def _rows(chars: list[_CharLike]) -> list[list[_CharLike]]:
    """Characters into printed lines, as pdftotext sets them, each left to right.

    Characters that share their box's top and bottom are one band (a font on one
    baseline). The bands with the most characters start lines; a smaller band joins the
    line whose first band's middle is nearest, within a third of their height (a row's
    figures set a little lower than its label), or else starts one of its own. No band
    grows a line: a label printed down the side of the table, a character a line, stays
    apart from the rows beside it, and so does a group label between two rows.
    """
    bands: dict[tuple[int, int], list[_CharLike]] = {}
    for c in chars:
        bands.setdefault((round(c.y0 * 2), round(c.y1 * 2)), []).append(c)
    order = sorted(bands.values(), key=lambda b: (-len(b), b[0].y0, b[0].x0))
    lines: list[tuple[float, float, list[_CharLike]]] = []  # (middle, height, chars)
    for band in order:
        first = band[0]
        mid, h = (first.y0 + first.y1) / 2, first.y1 - first.y0
        best = None
        for k, (m, height, _) in enumerate(lines):
            d = abs(mid - m)
            # A band much lower than the line's (a flat glyph boxed by its ink, as Type 3
            # fonts are: 一, 。, a decimal point) joins the line its middle stands in.
            near = d <= _SAME_LINE * max(min(h, height), 1.0) or (
                h < height * _SAME_LINE and d < height / 2
            )
            if near and (best is None or d < best[0]):
                best = (d, k)
        if best is None:
            lines.append((mid, h, list(band)))
        else:
            lines[best[1]][2].extend(band)
    rows = [sorted(line, key=lambda c: c.x0) for _, _, line in sorted(lines, key=lambda t: t[0])]
    return rows


_NUMBERINGS = re.compile(r"[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]")


def _consistent(table: Table, cols: list[dict[int, _CharLike]]) -> bool:
    """True when the reading can be trusted: no label holds a figure (besides its
    numbering: a value set so close to its label that it reads as part of it leaves its
    row a value short, which a column-by-position reading would then fill wrongly), and
    the values stand in columns — among the rows with the commonest number of values
    (two or more, in two rows or more), the k-th values of all rows span an x range
    (the characters' own) that ends before the next column's begins. Values of one
    column shifted onto or past the next, in some rows, overlap it."""
    from linter.textnorm import parse_cell

    for row in table.rows:
        label = row[0].text if row else ""
        if parse_cell(label).state == "text" and re.search(r"\d", _NUMBERINGS.sub("", label)):
            return False

    def span(cell) -> tuple[float, float] | None:
        a = cell.anchor
        if a.line is None or not cell.text:
            return None
        where = cols[a.line - 1]
        lo, hi = (a.column or 1) - 1, (a.end_column or a.column or 1) - 1
        chars = [where[c] for c in range(lo, hi) if c in where]
        if not chars:
            return None
        return min(c.x0 for c in chars), max(c.x1 for c in chars)

    valued = [
        row[1:]
        for row in table.rows
        if len(row) >= 3 and all(parse_cell(c.text).state != "text" for c in row[1:] if c.text)
    ]
    widths = [len(r) for r in valued]
    if not widths:
        return True
    width = max(set(widths), key=widths.count)
    full = [r for r in valued if len(r) == width]
    if len(full) < 2:
        return True
    columns: list[tuple[float, float]] = []
    for k in range(width):
        spans = [s for r in full if (s := span(r[k])) is not None]
        if not spans:
            return False
        columns.append((min(s[0] for s in spans), max(s[1] for s in spans)))
    if not all(a[1] < b[0] for a, b in zip(columns, columns[1:], strict=False)):
        return False
    # A heading over the columns, printed right above their figures, names one column
    # a cell: one that stands over two is two headings read as one (set too close to
    # tell apart), and which figures go under which is unsure.
    for above, below in zip(table.rows, table.rows[1:], strict=False):
        if len(below) - 1 != width or any(parse_cell(c.text).state == "text" for c in below[1:]):
            continue
        for cell in above[1:]:
            if (s := span(cell)) is not None and parse_cell(cell.text).state == "text":
                if sum(s[0] < c[1] and c[0] < s[1] for c in columns) >= 2:
                    return False
    return True
