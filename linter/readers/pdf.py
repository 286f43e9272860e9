"""PDF reader: characters and ruling lines from PDFium (pypdfium2) into paragraphs and grids.

Why PDFium and a grid builder of our own: pdfplumber's table finder does the job but is
pure Python (0.28–0.34 s for a 5–6 page report here, against the 0.15 s target); PDFium
gives every character with its box and every path object in 0.03–0.04 s, and the grid
from ruling lines below adds little to that (``bench/bench_pdf.py`` measures both).

What is read, page by page (coordinates are turned into the page as displayed, so a
page with ``/Rotate`` reads in its visual order):

- Characters with their boxes (PDFium's text page); characters PDFium generates (spaces,
  line ends) are dropped and real spaces kept. Text is normalised as printed: Kangxi
  radicals and CJK compatibility ideographs that some fonts map to (U+2F00 ``⼀`` for
  一), ligatures and full-width digits and letters become their ordinary forms, soft
  hyphens are dropped; characters in private-use areas (a font without a usable
  ToUnicode map) are counted and reported as XT003. Characters set at a slant (more than
  10° off a quarter turn: a watermark such as ``仅供参考`` laid diagonally across each page,
  the ring of an electronic seal) are on no line of the page and are left out.
- Ruling lines: stroked path segments and thin filled rectangles that are not white
  (white fills are cell backgrounds, not borders). Horizontal and vertical segments that
  touch form a table; a table's lattice comes from their positions, and two neighbouring
  lattice cells are one (merged) cell when no line separates them. A cell's text is the
  characters whose centres lie in it, lines joined without a space (a label broken as
  ``不予`` / ``公开`` reads ``不予公开``), with a space only between two Latin words; a
  figure across a column line goes with the figure it stands against, and characters
  overlapping by half a character are in the page's content order (each set a point
  or two off its place: their positions cannot tell which comes first).
- Tables printed without ruling lines (an OCR'd scan, whose lines are pixels; a table
  drawn without borders): where figures stand apart in the lines outside ruled tables,
  those lines are laid out as fixed-width text and read by the text reader's
  ``pdftotext -layout`` table reading (:mod:`linter.readers.pdf_columns`); a reading
  whose columns overlap, or with a figure read into a label, is dropped (the sections
  say XT002, as without it).
- Everything outside tables becomes lines, and lines become paragraphs: a new paragraph
  starts after a line that ends short of the right margin, at an indented line, after a
  wide gap or a change of font size; a paragraph that fills the last line of a page and
  is not indented on the next goes on there.
- Running headers and footers: lines in the top or bottom band of a page that look like
  page numbers (``- 4 -``, ``第 4 页 共 6 页``, ``4/6``) or repeat on several pages are
  dropped, so they never become paragraphs or cells.
- A table that ends a page and one that starts the next with the same left and right
  edges are one table; a header row repeated at the top of the continuation is dropped,
  and a cell left open at the page break (no bottom line, no top line on the next page)
  is one merged cell.

Tables become :class:`~linter.document.Table` with ``grid=True`` and spans expanded as
the DOCX reader does (``hmerge``/``vmerge`` copies carry the origin's text). Anchors
carry the page number (1-based) and the box on the page (points, origin top left) besides
table/row/cell or paragraph and a line/column into ``Document.extracted_text``, laid out
like the DOCX reader's.

Hostile files: a password, a damaged or truncated file, more pages than
``Limits.max_pdf_pages``, more objects on a page than ``Limits.max_page_objects`` — each a
:class:`ReadError` naming the cause. Images are never decoded. A PDF with no text at all
raises :class:`NoTextLayer` (XT005): a scanned report needs a text version or OCR.
"""

from __future__ import annotations

import ctypes
import math
import re
import time
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

from linter.document import (
    Anchor,
    Block,
    Diagnostic,
    Document,
    Paragraph,
    ReadError,
    Table,
    TableCell,
)
from linter.readers import Limits, Reader, pdf_columns
from linter.readers.declared import PdfForm

__all__ = ["PdfReader", "NoTextLayer"]

# Distances in points.
_SNAP = 2.0  # lines this close are one line
_THIN = 3.0  # a filled rectangle this thin is a ruling line
_SLIVER = 5.0  # no row or column of a table is this narrow: two lines this close are one
_MIN_COVER = 0.6  # share of a lattice side a line must cover to separate two cells
_MAX_LOOSE = 72.0  # a loose character box higher or wider than this is a font's error
_CELL_MARGIN = 6.0  # a cell's inner margin at most (Word's default is 5.4)
_MIN_OFF_PAGE = 5  # characters outside a page before the reader says so (not a stray one)
_UNDERLINE_BELOW = 0.6  # an underline lies no further below its characters' boxes (median)
# A character turned further than this from a quarter turn (radians, 10°) is set at a slant:
# a watermark laid across the page, or the ring of an electronic seal. A scan's text layer
# follows the page's skew, a degree or two.
_OBLIQUE = math.radians(10)


class NoTextLayer(ReadError):
    """The PDF has pages but no text: nothing can be checked (XT005)."""

    code = "XT005"


# --------------------------------------------------------------------------- text


def _build_fold() -> dict[int, str]:
    fold: dict[int, str] = {}
    ranges = (
        (0x2E80, 0x2EFF),  # CJK radicals supplement
        (0x2F00, 0x2FDF),  # Kangxi radicals
        (0xF900, 0xFAFF),  # CJK compatibility ideographs
        (0x2F800, 0x2FA1F),  # CJK compatibility ideographs supplement
        (0xFB00, 0xFB06),  # Latin ligatures
        (0xFF10, 0xFF19),  # full-width digits
        (0xFF21, 0xFF3A),  # full-width capitals
        (0xFF41, 0xFF5A),  # full-width small letters
    )
    for lo, hi in ranges:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            norm = unicodedata.normalize("NFKC", ch)
            if norm != ch:
                fold[cp] = norm
    # Radicals supplement forms have no NFKC mapping; the common ones by hand.
    fold.update({0x2EA0: "民", 0x2ED8: "青", 0x2EBB: "聿", 0x2ECF: "阝", 0x2EDD: "食"})
    fold[0x00AD] = ""  # soft hyphen
    fold[0xFEFF] = ""
    fold[0x200B] = ""
    return fold


_FOLD = _build_fold()


def fold(text: str) -> str:
    """Text as the reader normalises each character (Kangxi radicals, compatibility
    ideographs, ligatures, full-width digits and letters; soft hyphens dropped)."""
    return text.translate(_FOLD)


def _is_private(cp: int) -> bool:
    return 0xE000 <= cp <= 0xF8FF or cp >= 0xF0000


_PAGE_NUMBER = re.compile(
    r"^[\s\-–—－_·•]*(?:"
    r"第\s*\d+\s*页(?:\s*[,，/／]?\s*共\s*\d+\s*页)?"
    r"|共\s*\d+\s*页\s*第\s*\d+\s*页"
    r"|(?:page\s*)?\d+(?:\s*(?:[/／]|of)\s*\d+)?"
    r"|[ivxlc]+"
    r")[\s\-–—－_·•]*$",
    re.IGNORECASE,
)


class _Char:
    """One character and its box in reading coordinates (y down), with its centre and
    its place in the order the page's content gives its text (``n``)."""

    __slots__ = ("ch", "x0", "y0", "x1", "y1", "cx", "cy", "n")

    def __init__(self, ch: str, x0: float, y0: float, x1: float, y1: float, n: int = 0) -> None:
        self.ch = ch
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
        self.cx = (x0 + x1) / 2
        self.cy = (y0 + y1) / 2
        self.n = n


@dataclass(slots=True)
class _Line:
    chars: list[_Char]
    x0: float
    y0: float
    x1: float
    y1: float
    text: str = ""

    @property
    def height(self) -> float:
        return self.y1 - self.y0


def _group_lines(chars: list[_Char]) -> list[_Line]:
    """Characters into lines (top to bottom), each line left to right."""
    if not chars:
        return []
    if len(chars) == 1:
        c = chars[0]
        return [_Line(chars, c.x0, c.y0, c.x1, c.y1, c.ch.strip())]
    chars = sorted(chars, key=lambda c: (c.cy, c.x0))
    lines: list[list[_Char]] = [[chars[0]]]
    top, bottom = chars[0].y0, chars[0].y1
    for c in chars[1:]:
        h = min(c.y1 - c.y0, bottom - top) or 1.0
        overlap = min(bottom, c.y1) - max(top, c.y0)
        if overlap >= 0.5 * h:
            lines[-1].append(c)
            top, bottom = min(top, c.y0), max(bottom, c.y1)
        else:
            lines.append([c])
            top, bottom = c.y0, c.y1
    out = []
    for group in lines:
        group.sort(key=lambda c: c.x0)
        _content_order(group)
        line = _Line(
            group,
            min(c.x0 for c in group),
            min(c.y0 for c in group),
            max(c.x1 for c in group),
            max(c.y1 for c in group),
        )
        line.text = _line_text(group)
        out.append(line)
    return out


def _content_order(line: list[_Char]) -> None:
    """Two characters side by side that overlap by half a character or more (each set a
    point or two off its place, as an OCR text layer or some producers set them: “53”
    with its “5” moved over its “3”) are in the order the page's content gives them:
    their positions cannot tell which comes first."""
    for _ in range(len(line)):
        swapped = False
        for k in range(len(line) - 1):
            a, b = line[k], line[k + 1]
            if b.n < a.n and b.x0 < a.x0 + 0.5 * (a.x1 - a.x0) and a.ch != " " != b.ch:
                line[k], line[k + 1] = b, a
                swapped = True
        if not swapped:
            return


def _line_text(chars: list[_Char]) -> str:
    parts: list[str] = []
    prev: _Char | None = None
    for c in chars:
        if prev is not None and _latin(c.ch) and _latin(prev.ch):
            # Words set apart without a space character (numbers in a row of figures).
            em = max(prev.y1 - prev.y0, c.y1 - c.y0, 1.0)
            if c.x0 - prev.x1 > 0.5 * em:
                parts.append(" ")
        parts.append(c.ch)
        prev = c
    return "".join(parts).strip()


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _join_lines(texts: list[str]) -> str:
    """Lines of one cell or paragraph: no space between CJK or digits, one between Latin
    words."""
    out = ""
    for t in texts:
        t = t.strip()
        if not t:
            continue
        if out and out[-1].isascii() and out[-1].isalpha() and t[0].isascii() and t[0].isalpha():
            out += " "  # two Latin words; a number wrapped in a narrow cell stays whole
        out += t
    return out


# --------------------------------------------------------------------------- geometry


@dataclass(slots=True)
class _Seg:
    pos: float  # y of a horizontal line, x of a vertical one
    lo: float
    hi: float


def _merge_segments(segs: list[_Seg]) -> list[_Seg]:
    """Collinear segments that overlap or nearly touch become one."""
    segs.sort(key=lambda s: (s.pos, s.lo))
    out: list[_Seg] = []
    for s in segs:
        for o in reversed(out[-8:]):
            if abs(o.pos - s.pos) <= _SNAP and s.lo <= o.hi + _SNAP and o.lo <= s.hi + _SNAP:
                o.lo, o.hi = min(o.lo, s.lo), max(o.hi, s.hi)
                break
        else:
            out.append(_Seg(s.pos, s.lo, s.hi))
    return out


def _cluster(values: list[float]) -> list[float]:
    values = sorted(values)
    groups: list[list[float]] = []
    for v in values:
        if groups and v - groups[-1][-1] <= _SNAP:
            groups[-1].append(v)
        else:
            groups.append([v])
    return [sum(g) / len(g) for g in groups]


def _without_slivers(lattice: list[float], lines: list[float]) -> list[float]:
    """The lattice less a sliver at either edge of the table, narrower than any row or
    column of text can be: a double border (Word's 双线, CSS ``border-style: double``: two
    lines 3–4.5 points apart, the table's inner lines run out to the outer one) would read
    as a row and a column of blank cells round the table. Of the two positions, the one
    no ruling line stands at (``lines``: where they do) goes, else the outer one."""
    out = list(lattice)
    for outer, inner in ((0, 1), (-1, -2)):
        if len(out) > 2 and abs(out[inner] - out[outer]) < _SLIVER:
            drawn = [any(abs(p - out[k]) <= _SNAP for p in lines) for k in (outer, inner)]
            del out[inner if drawn == [True, False] else outer]
    return out


def _index(lattice: list[float], v: float) -> int:
    i = bisect_left(lattice, v - _SNAP)
    if i >= len(lattice):
        return len(lattice) - 1
    return i


def _covered(segs: list[_Seg], pos: float, lo: float, hi: float) -> bool:
    """True when lines at ``pos`` cover most of ``lo``..``hi``."""
    need = (hi - lo) * _MIN_COVER
    got = 0.0
    for s in segs:
        if abs(s.pos - pos) <= _SNAP:
            got += max(0.0, min(hi, s.hi) - max(lo, s.lo))
    return got >= need


@dataclass(slots=True)
class _Rect:
    """One (possibly merged) cell of a table part, in display coordinates."""

    x0: float
    y0: float
    x1: float
    y1: float
    page: int
    open_top: bool = False
    open_bottom: bool = False
    lines: list[str] = field(default_factory=list)
    # y offset that places this part's cells below the previous part's (merged tables).
    shift: float = 0.0
    # x of its page's left edge on the sheet (two pages a sheet), for its box on the sheet.
    dx: float = 0.0
    boxes: list[tuple[int, float, float, float, float]] = field(default_factory=list)
    # Where its last line of text ends, and how wide its first line's first two characters
    # are: a row cut by a page break is told by its words wrapping onto the next page.
    last_end: float = 0.0
    lead: float = 0.0

    @property
    def text(self) -> str:
        return _join_lines(self.lines)


@dataclass(slots=True)
class _TablePart:
    rects: list[_Rect]
    x0: float
    y0: float
    x1: float
    y1: float
    page: int
    # The lattice and, for each lattice cell (row-major), the index of its rect.
    xs: list[float] = field(default_factory=list)
    ys: list[float] = field(default_factory=list)
    cell_of: list[int] = field(default_factory=list)
    dx: float = 0.0  # as _Rect.dx


def _find(parent: list[int], i: int) -> int:
    """The root of ``i`` in a union-find forest, halving the path on the way."""
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _tables_from_lines(horiz: list[_Seg], vert: list[_Seg], page: int) -> list[_TablePart]:
    horiz = _merge_segments(horiz)
    vert = _merge_segments(vert)
    if not horiz or not vert:
        return []
    # Connected components of touching horizontal and vertical lines.
    n_h = len(horiz)
    parent = list(range(n_h + len(vert)))

    vert_sorted = sorted(range(len(vert)), key=lambda j: vert[j].pos)
    vpos = [vert[j].pos for j in vert_sorted]
    for i, h in enumerate(horiz):
        start = bisect_left(vpos, h.lo - _SNAP)
        for k in range(start, len(vpos)):
            if vpos[k] > h.hi + _SNAP:
                break
            v = vert[vert_sorted[k]]
            if v.lo - _SNAP <= h.pos <= v.hi + _SNAP:
                a, b = _find(parent, i), _find(parent, n_h + vert_sorted[k])
                if a != b:
                    parent[a] = b
    groups: dict[int, tuple[list[_Seg], list[_Seg]]] = {}
    for i, h in enumerate(horiz):
        groups.setdefault(_find(parent, i), ([], []))[0].append(h)
    for j, v in enumerate(vert):
        groups.setdefault(_find(parent, n_h + j), ([], []))[1].append(v)
    parts = []
    for hs, vs in groups.values():
        part = _part_from_component(hs, vs, page)
        if part is not None:
            parts.append(part)
    return parts


def _part_from_component(hs: list[_Seg], vs: list[_Seg], page: int) -> _TablePart | None:
    if not hs or not vs:
        return None
    xs = _cluster([v.pos for v in vs] + [h.lo for h in hs] + [h.hi for h in hs])
    ys = _cluster([h.pos for h in hs] + [v.lo for v in vs] + [v.hi for v in vs])
    xs, ys = _without_slivers(xs, [v.pos for v in vs]), _without_slivers(ys, [h.pos for h in hs])
    n_r, n_c = len(ys) - 1, len(xs) - 1
    if n_r < 1 or n_c < 1 or n_r * n_c > 20_000:
        return None
    # Union-find over lattice cells: neighbours with no line between them are one cell.
    parent = list(range(n_r * n_c))

    def union(a: int, b: int) -> None:
        ra, rb = _find(parent, a), _find(parent, b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    # The lines at each lattice position, so each test looks at a few lines only.
    at_x = [[v for v in vs if abs(v.pos - x) <= _SNAP] for x in xs]
    at_y = [[h for h in hs if abs(h.pos - y) <= _SNAP] for y in ys]
    for r in range(n_r):
        for c in range(n_c - 1):
            if not _covered(at_x[c + 1], xs[c + 1], ys[r], ys[r + 1]):
                union(r * n_c + c, r * n_c + c + 1)
    for r in range(n_r - 1):
        for c in range(n_c):
            if not _covered(at_y[r + 1], ys[r + 1], xs[c], xs[c + 1]):
                union(r * n_c + c, (r + 1) * n_c + c)
    regions: dict[int, list[int]] = {}
    for i in range(n_r * n_c):
        regions.setdefault(_find(parent, i), []).append(i)
    if len(regions) < 2:
        return None  # a frame around text, not a table
    made = []
    for members in sorted(regions.values(), key=lambda m: (m[0] // n_c, m[0] % n_c)):
        rs = [i // n_c for i in members]
        cs = [i % n_c for i in members]
        r0, r1, c0, c1 = min(rs), max(rs) + 1, min(cs), max(cs) + 1
        rect = _Rect(xs[c0], ys[r0], xs[c1], ys[r1], page)
        rect.open_top = r0 == 0 and not _covered(at_y[0], ys[0], xs[c0], xs[c1])
        rect.open_bottom = r1 == n_r and not _covered(at_y[-1], ys[-1], xs[c0], xs[c1])
        made.append((rect, members))
    # A region that is no rectangle (lines that stop short: an L of lattice cells) has the
    # box round it; its top left may be another region's, so each lattice cell is told
    # its rect by the region it is in, not by that corner.
    made.sort(key=lambda t: (t[0].y0, t[0].x0))
    rects = [rect for rect, _ in made]
    # Which rect each lattice cell belongs to, for placing characters by bisection.
    cell_of = [0] * (n_r * n_c)
    for k, (_, members) in enumerate(made):
        for i in members:
            cell_of[i] = k
    return _TablePart(rects, xs[0], ys[0], xs[-1], ys[-1], page, xs, ys, cell_of)


# --------------------------------------------------------------------------- pdfium


def _pdfium():
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    return pdfium, raw


_PATH = 2  # FPDF_PAGEOBJ_PATH
_FORM = 5  # FPDF_PAGEOBJ_FORM
_IMAGE = 3  # FPDF_PAGEOBJ_IMAGE


def _mul(m1: tuple, m2: tuple) -> tuple:
    """Affine matrices (a, b, c, d, e, f) as in PDF: apply m1, then m2."""
    a1, b1, c1, d1, e1, f1 = m1
    a2, b2, c2, d2, e2, f2 = m2
    return (
        a1 * a2 + b1 * c2,
        a1 * b2 + b1 * d2,
        c1 * a2 + d1 * c2,
        c1 * b2 + d1 * d2,
        e1 * a2 + f1 * c2 + e2,
        e1 * b2 + f1 * d2 + f2,
    )


def _apply(m: tuple, x: float, y: float) -> tuple[float, float]:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


@dataclass
class _PageData:
    number: int
    width: float
    height: float
    lines: list[_Line]
    parts: list[_TablePart]
    images: int
    chars: int
    # Share of the page covered by images (top-level ones; 0–1), and its non-space chars.
    image_cover: float = 0.0
    text_chars: int = 0
    # Characters outside the page (a table too wide for it: cut off on screen and in print).
    off_page: int = 0
    # Where this page stands on its sheet (two pages printed on one: the right one's left).
    x_offset: float = 0.0

    @property
    def image_only(self) -> bool:
        """A scanned page: (almost) no text, mostly an image."""
        return self.text_chars < 20 and (self.image_cover > 0.5 or (self.images and not self.chars))


class _Scanner:
    """Reads pages through the raw PDFium API with a few reused ctypes buffers."""

    def __init__(self, raw, limits: Limits) -> None:
        self.raw = raw
        self.limits = limits
        self.f = [ctypes.c_float() for _ in range(2)]
        self.u = [ctypes.c_uint() for _ in range(4)]
        self.i = [ctypes.c_int() for _ in range(2)]
        self.matrix = raw.FS_MATRIX()
        self.char_matrix = raw.FS_MATRIX()
        self.private = 0
        self.image_area = 0.0
        # Small path objects of the page that drew lines: their bounds and which of the
        # page's horizontal and vertical lines are theirs (start, end of each list).
        self.small: list[tuple[float, float, float, float, int, int, int, int]] = []

    def pages(self, pdf, index: int) -> list[_PageData]:
        """Page ``index`` (0-based), or the two pages printed side by side on it."""
        raw = self.raw
        page = raw.FPDF_LoadPage(pdf, index)
        if not page:
            raise ReadError(
                f"PDF 第 {index + 1} 页无法解析，文件可能已损坏：请重新下载或重新导出 PDF 后再检查",
                f"page {index + 1} of the PDF cannot be parsed, the file may be damaged: "
                "download or export it again and check again",
                cause="damaged",
            )
        try:
            return self._page(page, index)
        finally:
            raw.FPDF_ClosePage(page)

    def _reading_matrix(self, page, text) -> tuple[tuple, float, float]:
        """User space → the page turned so that its text runs left to right, y down.

        The turn comes from the text itself (the most common character angle, to a
        quarter turn), not from ``/Rotate``: a landscape table drawn sideways on a
        portrait page and shown upright by ``/Rotate 90`` reads in its own order, and a
        page merely shown sideways still reads as written. Returns the matrix and the
        turned page's width and height.
        """
        raw = self.raw
        turns: Counter[int] = Counter()
        if text:
            n = raw.FPDFText_CountChars(text)
            step = max(1, n // 40)
            for i in range(0, n, step):
                if raw.FPDFText_GetUnicode(text, i) > 32 and not self._slanted(text, i):
                    angle = raw.FPDFText_GetCharAngle(text, i)
                    if angle >= 0:
                        turns[round(angle / (math.pi / 2)) % 4] += 1
        turn = turns.most_common(1)[0][0] if turns else 0
        cos, sin = ((1, 0), (0, 1), (-1, 0), (0, -1))[turn]
        # PDFium measures the angle clockwise: text runs along (cos, -sin) and "down" the
        # text is (-sin, -cos); those become the x and y axes.
        a, c, b, d = cos, -sin, -sin, -cos
        box = raw.FS_RECTF()
        if not raw.FPDF_GetPageBoundingBox(page, box):
            box.left, box.bottom = 0.0, 0.0
            box.right, box.top = raw.FPDF_GetPageWidthF(page), raw.FPDF_GetPageHeightF(page)
        corners = [(x, y) for x in (box.left, box.right) for y in (box.bottom, box.top)]
        xs = [a * x + c * y for x, y in corners]
        ys = [b * x + d * y for x, y in corners]
        m = (float(a), float(b), float(c), float(d), -min(xs), -min(ys))
        return m, max(xs) - min(xs), max(ys) - min(ys)

    def _page(self, page, index: int) -> list[_PageData]:
        raw = self.raw
        n_objects = raw.FPDFPage_CountObjects(page)
        if n_objects > self.limits.max_page_objects:
            raise ReadError(
                f"PDF 第 {index + 1} 页有 {n_objects:,} 个图形对象，超过上限 "
                f"{self.limits.max_page_objects:,}，未读取：年度报告的一页通常只有几百个；"
                "请确认文件是否正确，或重新导出 PDF",
                f"page {index + 1} of the PDF holds {n_objects:,} graphic objects, over the "
                f"limit of {self.limits.max_page_objects:,}, and was not read: a report page "
                "has a few hundred; check the file or export the PDF again",
                cause="too-large",
            )
        horiz: list[_Seg] = []
        vert: list[_Seg] = []
        self.small = []
        budget = [self.limits.max_page_objects]
        text = raw.FPDFText_LoadPage(page)
        self.image_area = 0.0
        try:
            m, width, height = self._reading_matrix(page, text)
            images = self._objects(page, None, m, horiz, vert, budget, index)
            chars = self._chars(text, m) if text else []
        finally:
            if text:
                raw.FPDFText_ClosePage(text)
        horiz, vert = _without_glyph_outlines(self.small, horiz, vert, chars)
        parts = _tables_from_lines(_without_underlines(horiz, vert, chars), vert, index + 1)
        cover = min(1.0, self.image_area / max(width * height, 1.0))
        gutter = _sheet_gutter(chars, parts, width, height)
        if gutter is None:
            return [self._page_data(index, width, height, chars, parts, images, cover)]
        out = []
        for lo, hi in ((0.0, gutter), (gutter, width)):
            half = [c for c in chars if lo <= c.cx < hi]
            mine = [p for p in parts if lo <= (p.x0 + p.x1) / 2 < hi]
            if lo:
                _move_left(half, mine, lo)
            data = self._page_data(index, hi - lo, height, half, mine, images, cover)
            data.x_offset = lo
            out.append(data)
        return out

    @staticmethod
    def _page_data(index, width, height, chars, parts, images, cover) -> _PageData:
        table_chars: list[list[_Char]] = [[] for _ in parts]
        free: list[_Char] = []
        for c in chars:
            for k, part in enumerate(parts):
                if part.x0 <= c.cx <= part.x1 and part.y0 <= c.cy <= part.y1:
                    table_chars[k].append(c)
                    break
            else:
                free.append(c)
        for part, inside in zip(parts, table_chars, strict=True):
            _fill_cells(part, inside)
        lines = _group_lines(free)
        text_chars = sum(1 for c in chars if c.ch != " ")
        off_page = sum(
            1 for c in chars if c.ch != " " and not (0 <= c.cx <= width and 0 <= c.cy <= height)
        )
        return _PageData(
            index + 1, width, height, lines, parts, images, len(chars), cover, text_chars, off_page
        )

    def _objects(self, page, form, m, horiz, vert, budget, index, depth=0) -> int:
        raw = self.raw
        count = raw.FPDFFormObj_CountObjects(form) if form else raw.FPDFPage_CountObjects(page)
        images = 0
        for k in range(count):
            obj = raw.FPDFFormObj_GetObject(form, k) if form else raw.FPDFPage_GetObject(page, k)
            budget[0] -= 1
            if budget[0] < 0:
                raise ReadError(
                    f"PDF 第 {index + 1} 页的图形对象超过上限 {self.limits.max_page_objects:,}，"
                    "未读取：请确认文件是否正确，或重新导出 PDF",
                    f"page {index + 1} of the PDF holds more than "
                    f"{self.limits.max_page_objects:,} graphic objects and was not read: "
                    "check the file or export the PDF again",
                    cause="too-large",
                )
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == _PATH:
                self._path(obj, m, horiz, vert)
            elif kind == _IMAGE:
                images += 1
                if form is None:
                    self.image_area += self._area(obj)
            elif kind == _FORM and depth < 8:
                raw.FPDFPageObj_GetMatrix(obj, self.matrix)
                fm = self.matrix
                inner = _mul((fm.a, fm.b, fm.c, fm.d, fm.e, fm.f), m)
                images += self._objects(page, obj, inner, horiz, vert, budget, index, depth + 1)
        return images

    def _area(self, obj) -> float:
        left, bottom, right, top = (ctypes.c_float() for _ in range(4))
        if not self.raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            return 0.0
        return max(0.0, right.value - left.value) * max(0.0, top.value - bottom.value)

    def _visible(self, obj, stroke: bool) -> bool:
        r, g, b, a = self.u
        getter = (
            self.raw.FPDFPageObj_GetStrokeColor if stroke else self.raw.FPDFPageObj_GetFillColor
        )
        if not getter(obj, r, g, b, a):
            return True
        if a.value < 40:
            return False
        return not (r.value > 235 and g.value > 235 and b.value > 235)

    def _path(self, obj, m, horiz: list[_Seg], vert: list[_Seg]) -> None:
        raw = self.raw
        fill, stroke = self.i
        raw.FPDFPath_GetDrawMode(obj, fill, stroke)
        stroked = bool(stroke.value) and self._visible(obj, True)
        filled = bool(fill.value) and self._visible(obj, False)
        if not stroked and not filled:
            return
        raw.FPDFPageObj_GetMatrix(obj, self.matrix)
        om = self.matrix
        full = _mul((om.a, om.b, om.c, om.d, om.e, om.f), m)
        n = raw.FPDFPath_CountSegments(obj)
        if n <= 0 or n > 400:
            return
        x, y = self.f
        pts: list[tuple[float, float, int]] = []
        for s in range(n):
            seg = raw.FPDFPath_GetPathSegment(obj, s)
            raw.FPDFPathSegment_GetPoint(seg, x, y)
            px, py = _apply(full, x.value, y.value)
            pts.append((px, py, raw.FPDFPathSegment_GetType(seg)))
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        h0, v0 = len(horiz), len(vert)
        if filled and not stroked:
            # A thin filled shape is a ruling line; a wide one is shading, not a border.
            if y1 - y0 <= _THIN and x1 - x0 > y1 - y0:
                horiz.append(_Seg((y0 + y1) / 2, x0, x1))
            elif x1 - x0 <= _THIN and y1 - y0 > x1 - x0:
                vert.append(_Seg((x0 + x1) / 2, y0, y1))
        else:
            self._edges(pts, n, horiz, vert)
        if (
            1.0 <= x1 - x0 <= _MAX_LOOSE
            and 1.0 <= y1 - y0 <= _MAX_LOOSE
            and (len(horiz) > h0 or len(vert) > v0)
        ):
            # A shape small enough to be a glyph's outline (a line, however short, is
            # none): told once the characters are known.
            self.small.append((x0, y0, x1, y1, h0, len(horiz), v0, len(vert)))

    @staticmethod
    def _edges(
        pts: list[tuple[float, float, int]], n: int, horiz: list[_Seg], vert: list[_Seg]
    ) -> None:
        start = None
        prev = None
        for px, py, kind in pts:
            if kind == 2:  # move to
                start = prev = (px, py)
                continue
            if prev is None:
                prev = start = (px, py)
                continue
            if kind == 0:  # line to
                _add_edge(prev, (px, py), horiz, vert)
            prev = (px, py)
        if start is not None and prev is not None and prev != start and n >= 4:
            _add_edge(prev, start, horiz, vert)

    def _slanted(self, text, i: int) -> bool:
        """True when character ``i`` is set at a slant (:func:`_oblique`)."""
        m = self.char_matrix
        return bool(self.raw.FPDFText_GetMatrix(text, i, m)) and _oblique(m.a, m.b)

    def _chars(self, text, m) -> list[_Char]:
        raw = self.raw
        n = raw.FPDFText_CountChars(text)
        if n <= 0:
            return []
        # All code units in one call (one per character index), instead of one per char.
        buffer = ctypes.create_string_buffer((n + 1) * 2)
        got = raw.FPDFText_GetText(text, 0, n, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
        units = buffer.raw[: max(0, got - 1) * 2]
        codes = [units[k] | units[k + 1] << 8 for k in range(0, len(units), 2)]
        if len(codes) != n:
            codes = [raw.FPDFText_GetUnicode(text, i) for i in range(n)]
        rect = raw.FS_RECTF()
        left, right, bottom, top = (ctypes.c_double() for _ in range(4))
        is_generated = raw.FPDFText_IsGenerated
        get_box = raw.FPDFText_GetCharBox
        # The loose box spans the font's ascent to descent: the same height for every
        # character of a line, so quotes and "一" sit on the line as printed. Some
        # fonts give absurd loose boxes (200 points high): then the glyph's own box.
        get_loose = raw.FPDFText_GetLooseCharBox
        get_matrix = raw.FPDFText_GetMatrix
        get_origin = raw.FPDFText_GetCharOrigin
        cm = self.char_matrix
        ox, oy = ctypes.c_double(), ctypes.c_double()
        start, dx, dy = None, 0.0, 0.0
        out: list[_Char] = []
        a, b, c, d, e, f = m
        for i, cp in enumerate(codes):
            if cp <= 32 and cp != 32:
                continue
            placed = get_matrix(text, i, cm)
            if placed and _oblique(cm.a, cm.b):
                continue  # not on a line of the page: a watermark across it, a seal's ring
            if cp == 32 or cp == 0x3000 or cp == 0xA0:
                if is_generated(text, i):
                    continue
                ch = " "
            else:
                if 0xD800 <= cp <= 0xDFFF:
                    cp = raw.FPDFText_GetUnicode(text, i)  # a surrogate: the whole character
                    if cp <= 0xFFFF:
                        continue
                if _is_private(cp) or cp == 0xFFFD:
                    self.private += 1
                folded = _FOLD.get(cp)
                ch = chr(cp) if folded is None else folded
                if not ch:
                    continue
            if (
                get_loose(text, i, rect)
                and 0 < rect.top - rect.bottom <= _MAX_LOOSE
                and 0 <= rect.right - rect.left <= _MAX_LOOSE
            ):
                x0, x1, y0, y1 = rect.left, rect.right, rect.bottom, rect.top
            elif get_box(text, i, left, right, bottom, top):
                x0, x1, y0, y1 = left.value, right.value, bottom.value, top.value
            else:
                continue
            if not placed:
                start, dx, dy = None, 0.0, 0.0
            elif (cm.e, cm.f) != start:
                # The first character of a text object (or a glyph set on its own) stands
                # where its matrix starts it. PDFium boxes a Type 3 glyph met before in
                # another form object (the other page of a sheet printed two pages a
                # sheet) where it stood there, its origin too: the matrix is right, and
                # the whole object is off.
                start, dx, dy = (cm.e, cm.f), 0.0, 0.0
                if get_origin(text, i, ox, oy):
                    size = max(x1 - x0, y1 - y0, 1.0)
                    if abs(cm.e - ox.value) > 3 * size or abs(cm.f - oy.value) > 3 * size:
                        dx, dy = cm.e - ox.value, cm.f - oy.value
            if dx or dy:
                x0, x1, y0, y1 = x0 + dx, x1 + dx, y0 + dy, y1 + dy
            # Into display coordinates (an axis-aligned box stays one).
            p0 = (a * x0 + c * y0 + e, b * x0 + d * y0 + f)
            p1 = (a * x1 + c * y1 + e, b * x1 + d * y1 + f)
            out.append(
                _Char(
                    ch,
                    min(p0[0], p1[0]),
                    min(p0[1], p1[1]),
                    max(p0[0], p1[0]),
                    max(p0[1], p1[1]),
                    i,
                )
            )
        return out


def _sheet_gutter(
    chars: list[_Char], parts: list[_TablePart], width: float, height: float
) -> float | None:
    """The x between two pages printed side by side on a landscape sheet (“2 pages per
    sheet”): the sheet's middle, when a strip round it at least 3% of the sheet's width
    wide holds no character and no table, with text on both sides. Each page of a sheet
    stands in its own half, so the strip holds the middle; a landscape page of its own has
    its lines and tables across the middle, or, a table printed without ruling lines
    (section 三 or 四 on a landscape page), a gap between two of its columns that may
    stand anywhere, and is one page."""
    if width <= height:
        return None
    lo, hi = width * 0.4, width * 0.6
    spans = [(c.x0, c.x1) for c in chars if c.ch != " "]
    if sum(1 for a, _ in spans if a < lo) < 50 or sum(1 for _, b in spans if b > hi) < 50:
        return None
    spans += [(p.x0, p.x1) for p in parts]
    middle = width / 2
    if any(a < middle < b for a, b in spans):
        return None
    left = max((b for _, b in spans if b <= middle), default=0.0)
    right = min((a for a, _ in spans if a >= middle), default=width)
    return middle if right - left >= width * 0.03 else None


def _move_left(chars: list[_Char], parts: list[_TablePart], dx: float) -> None:
    """The right page of a sheet moved onto the sheet's left edge, as a page of its own."""
    for c in chars:
        c.x0, c.x1, c.cx = c.x0 - dx, c.x1 - dx, c.cx - dx
    for part in parts:
        part.x0, part.x1 = part.x0 - dx, part.x1 - dx
        part.xs = [x - dx for x in part.xs]
        part.dx = dx
        for rect in part.rects:
            rect.x0, rect.x1, rect.dx = rect.x0 - dx, rect.x1 - dx, dx


def _oblique(a: float, b: float) -> bool:
    """True when a character matrix's baseline (``a``, ``b``: the direction its text runs)
    is at a slant, neither level nor a quarter turn. Its other column is not looked at: a
    font slanted to look italic (LibreOffice's for a CJK font without an italic face,
    15°) shears the glyphs, not the line."""
    angle = math.atan2(b, a) % (math.pi / 2)
    return _OBLIQUE < angle < math.pi / 2 - _OBLIQUE


def _add_edge(p, q, horiz: list[_Seg], vert: list[_Seg]) -> None:
    (x0, y0), (x1, y1) = p, q
    if abs(y1 - y0) <= 0.5 and abs(x1 - x0) > 0.5:
        horiz.append(_Seg((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
    elif abs(x1 - x0) <= 0.5 and abs(y1 - y0) > 0.5:
        vert.append(_Seg((x0 + x1) / 2, min(y0, y1), max(y0, y1)))


def _without_glyph_outlines(
    small: list[tuple[float, float, float, float, int, int, int, int]],
    horiz: list[_Seg],
    vert: list[_Seg],
    chars: list[_Char],
) -> tuple[list[_Seg], list[_Seg]]:
    """The lines less those of paths that lie on one character: a glyph's outline drawn
    as a path (bold faked by stroking the text, re-printed by cairo or a print driver as
    the text plus its stroked outline: ``一`` becomes a small rectangle, ``主`` a few
    bars) is no table, however its strokes line up."""
    if not small or not chars:
        return horiz, vert
    cells: dict[tuple[int, int], list[_Char]] = {}
    for c in chars:
        if c.ch != " ":
            cells.setdefault((int(c.cx // 16), int(c.cy // 16)), []).append(c)
    drop_h: set[int] = set()
    drop_v: set[int] = set()
    for x0, y0, x1, y1, h0, h1, v0, v1 in small:
        gx, gy = int((x0 + x1) / 2 // 16), int((y0 + y1) / 2 // 16)
        on_glyph = any(
            c.x0 - 0.5 <= x0 and x1 <= c.x1 + 0.5 and c.y0 - 0.5 <= y0 and y1 <= c.y1 + 0.5
            for dx in (-1, 0, 1)
            for dy in (-1, 0, 1)
            for c in cells.get((gx + dx, gy + dy), ())
        )
        if on_glyph:
            drop_h.update(range(h0, h1))
            drop_v.update(range(v0, v1))
    if not drop_h and not drop_v:
        return horiz, vert
    return (
        [s for k, s in enumerate(horiz) if k not in drop_h],
        [s for k, s in enumerate(vert) if k not in drop_v],
    )


def _without_underlines(horiz: list[_Seg], vert: list[_Seg], chars: list[_Char]) -> list[_Seg]:
    """The horizontal lines less the text's underlines: a line drawn just under one line
    of text (within its characters' boxes, or touching their bottom), as long as it and
    met by no vertical line (a link or ``<u>`` kept by a conversion: 平潭's labels
    underlined line by line in LibreOffice's PDF) is no rule between two rows, even when
    the text fills its cell. A rule starts at a cell's border, short of the text by the
    cell's padding, stands below the text's line spacing, or meets the column lines."""
    if not horiz or not chars:
        return horiz
    by_bottom = sorted(chars, key=lambda c: c.y1)
    bottoms = [c.y1 for c in by_bottom]
    kept = []
    for seg in _merge_segments(list(horiz)):
        first = bisect_left(bottoms, seg.pos - 4 * _UNDERLINE_BELOW)
        last = bisect_right(bottoms, seg.pos + _MAX_LOOSE / 2)
        run = [
            c
            for c in by_bottom[first:last]
            if c.ch != " " and seg.lo - _SNAP <= c.cx <= seg.hi + _SNAP and c.cy < seg.pos
        ]
        gaps = sorted(seg.pos - c.y1 for c in run)
        if run and gaps[len(gaps) // 2] <= _UNDERLINE_BELOW and not _meets_column_line(seg, vert):
            start, end = min(c.x0 for c in run), max(c.x1 for c in run)
            em = max(c.y1 - c.y0 for c in run)
            inked = sum(c.x1 - c.x0 for c in run)
            if (
                abs(seg.lo - start) <= 1.0
                and -1.0 <= seg.hi - end <= em
                and inked >= 0.7 * (end - start)
            ):
                continue
        kept.append(seg)
    return kept


def _meets_column_line(seg: _Seg, vert: list[_Seg]) -> bool:
    """True when a vertical line crosses or ends on ``seg`` inside its ends."""
    return any(
        seg.lo + _SNAP < v.pos < seg.hi - _SNAP and v.lo - _SNAP <= seg.pos <= v.hi + _SNAP
        for v in vert
    )


def _fill_cells(part: _TablePart, chars: list[_Char]) -> None:
    rects = part.rects
    buckets: list[list[_Char]] = [[] for _ in rects]
    xs, ys, n_c = part.xs, part.ys, len(part.xs) - 1
    last_r, last_c = len(ys) - 2, n_c - 1
    where: dict[int, int] = {}
    by_row: dict[int, list[_Char]] = {}
    astride: list[tuple[_Char, int, int]] = []
    for c in chars:
        col = min(max(bisect_left(xs, c.cx) - 1, 0), last_c)
        row = min(max(bisect_left(ys, c.cy) - 1, 0), last_r)
        cell = part.cell_of[row * n_c + col]
        buckets[cell].append(c)
        where[id(c)] = cell
        by_row.setdefault(row, []).append(c)
        if c.ch.isdigit() and (c.x0 < xs[col] < c.x1 or c.x0 < xs[col + 1] < c.x1):
            astride.append((c, row, cell))
    for c, row, cell in astride:
        # A figure across a column line (set a point or two off its place): it goes with
        # the figure it stands against, when that one is in the next cell and nothing of
        # its own cell's stands as close (a label's last character does not draw it).
        def gap(d: _Char, c: _Char = c) -> float:
            return max(d.x0 - c.x1, c.x0 - d.x1)

        line = [d for d in by_row[row] if d is not c and abs(d.cy - c.cy) < 0.5 * (c.y1 - c.y0)]
        near = min(line, key=gap, default=None)
        if (
            near is None
            or not near.ch.isdigit()
            or gap(near) > 0.5 * (c.x1 - c.x0)
            or where[id(near)] == cell
        ):
            continue
        if not any(where[id(d)] == cell and gap(d) <= gap(near) for d in line):
            buckets[cell].remove(c)
            buckets[where[id(near)]].append(c)
            where[id(c)] = where[id(near)]
    for rect, inside in zip(rects, buckets, strict=True):
        lines = _group_lines(inside)
        rect.lines = [line.text for line in lines]
        if lines:
            rect.last_end = lines[-1].x1
            rect.lead = sum(c.x1 - c.x0 for c in lines[0].chars[:2])


# --------------------------------------------------------------------------- layout


def _strip_running(pages: list[_PageData]) -> None:
    """Drops page numbers and running headers/footers (top or bottom band of a page): a
    line repeated at the same height on several pages. A running header with the report's
    title is not the title itself, printed lower on the first page in the same band. The
    height is measured from the page's nearer edge (a footer stays at its distance from the
    foot on a landscape page)."""
    band_lines: dict[str, list[tuple[int, float]]] = {}

    def in_band(line: _Line, page: _PageData) -> bool:
        return line.y1 < page.height * 0.1 or line.y0 > page.height * 0.9

    def height(line: _Line, page: _PageData) -> float:
        return line.y0 if line.y1 < page.height * 0.1 else line.y0 - page.height

    def shape(text: str) -> str:
        return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))

    for page in pages:
        for line in page.lines:
            if in_band(line, page):
                at = (page.number, height(line, page))
                band_lines.setdefault(shape(line.text), []).append(at)
    need = 2 if len(pages) <= 3 else 3

    def running(line: _Line, page: _PageData) -> bool:
        seen = band_lines.get(shape(line.text), ())
        y = height(line, page)
        return len({n for n, at in seen if abs(at - y) <= _SNAP}) >= need

    for page in pages:
        kept = []
        for line in page.lines:
            if in_band(line, page) and (_PAGE_NUMBER.match(line.text) or running(line, page)):
                continue
            if _PAGE_NUMBER.match(line.text) and len(line.text) <= 12 and _outside_body(line, page):
                continue
            kept.append(line)
        page.lines = kept


def _outside_body(line: _Line, page: _PageData) -> bool:
    """A page number printed a little above the footer band (bottom 15%)."""
    return line.y0 > page.height * 0.85 and "-" in line.text or "—" in line.text


@dataclass
class _Flow:
    kind: str  # "line" or "table"
    y0: float
    item: object
    page: int


def _paragraphs(
    lines: list[_Line], left: float, right: float
) -> list[tuple[list[_Line], bool, bool]]:
    """Lines into paragraphs: (lines, starts indented, last line full).

    A paragraph ends after a line that stops short of the right margin, before an
    indented line, at a gap wider than the run's usual line pitch, or where the font size
    changes. Consecutive centred lines of one size (a title wrapped or set on two lines)
    are one paragraph.
    """
    out: list[tuple[list[_Line], bool, bool]] = []
    current: list[_Line] = []
    steps = sorted(
        b.y0 - a.y0
        for a, b in zip(lines, lines[1:], strict=False)
        if 0 < b.y0 - a.y0 < 4 * max(a.height, 1.0)
    )
    pitch = steps[len(steps) // 2] if steps else 0.0
    middle = (left + right) / 2
    for line in lines:
        em = max(line.height, 1.0)
        if current:
            prev = current[-1]
            pem = max(prev.height, 1.0)
            size = abs(line.height - prev.height) > 0.25 * max(em, pem)
            step = line.y0 - prev.y0
            gap = step > 1.35 * pitch + 0.2 * em if pitch else line.y0 - prev.y1 > 1.6 * em
            centred = (
                _centred(prev, middle, left)
                and _centred(line, middle, left)
                and abs(line.height - prev.height) <= 0.15 * max(em, pem)
                and step <= 2.2 * max(em, pem)
            )
            short = prev.x1 < right - 1.5 * pem
            indented = line.x0 > left + 1.2 * em
            if not centred and (short or indented or gap or size):
                out.append((current, current[0].x0 > left + 1.2 * current[0].height, False))
                current = []
        current.append(line)
    if current:
        last = current[-1]
        full = last.x1 >= right - 1.5 * max(last.height, 1.0)
        out.append((current, current[0].x0 > left + 1.2 * current[0].height, full))
    return out


def _right_margin(lines: list[_Line], left: float) -> float:
    """Where full lines end: the most common end among long lines (and the furthest of
    those within 3 pt of it), so one line running past the margin (a long URL, a
    landscape page) does not make every other line look short."""
    widest = max(line.x1 for line in lines)
    long_ends = [line.x1 for line in lines if line.x1 - left > 0.5 * (widest - left)]
    mode = Counter(round(x) for x in long_ends).most_common(1)[0][0]
    return max(x for x in long_ends if abs(x - mode) <= 3)


def _centred(line: _Line, middle: float, left: float) -> bool:
    """Set in the middle: not from the left margin, its centre within 0.6 em of the
    text's (a body line indented 2 em and justified is 1 em off)."""
    em = max(line.height, 1.0)
    return line.x0 > left + 0.3 * em and abs((line.x0 + line.x1) / 2 - middle) < 0.6 * em


class _Builder:
    """Blocks and the extracted text (DOCX reader's layout) that anchors point into."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.lines: list[str] = []
        self.paragraphs = 0
        self.tables = 0

    def paragraph(self, text: str, page: int, box: tuple[float, float, float, float]) -> None:
        line = len(self.lines) + 1
        self.lines.append(text)
        anchor = Anchor(
            line, 1, line, 1 + len(text), paragraph=self.paragraphs, page=page, bbox=_r(box)
        )
        self.paragraphs += 1
        self.blocks.append(Paragraph(text, anchor))

    def table(self, parts: list[_TablePart]) -> None:
        rects = _merge_parts(parts)
        xs = _cluster([r.x0 for r in rects] + [r.x1 for r in rects])
        ys = _cluster([r.y0 + r.shift for r in rects] + [r.y1 + r.shift for r in rects])
        n_r, n_c = len(ys) - 1, len(xs) - 1
        if n_r < 1 or n_c < 1:
            return
        grid: list[list[_Rect | None]] = [[None] * n_c for _ in range(n_r)]
        origin: dict[int, tuple[int, int]] = {}
        for rect in rects:
            r0, r1 = _index(ys, rect.y0 + rect.shift), _index(ys, rect.y1 + rect.shift)
            c0, c1 = _index(xs, rect.x0), _index(xs, rect.x1)
            for r in range(r0, max(r1, r0 + 1)):
                for c in range(c0, max(c1, c0 + 1)):
                    if grid[r][c] is None:
                        grid[r][c] = rect
                        origin.setdefault(id(rect), (r, c))
        index = self.tables
        self.tables += 1
        lines = self.lines
        first_line = len(lines) + 1
        placed: dict[int, tuple[int, int, int, int]] = {}
        rows: list[tuple[TableCell, ...]] = []
        for r in range(n_r):
            cells: list[TableCell] = []
            for c in range(n_c):
                rect = grid[r][c]
                if rect is None:
                    lines.append("\t")
                    line = len(lines)
                    cells.append(
                        TableCell("", Anchor(line, 2, line, 2, index, r, c, page=parts[0].page))
                    )
                    continue
                o_r, o_c = origin[id(rect)]
                text = rect.text
                if (o_r, o_c) == (r, c):
                    lines.append("\t" + text)
                    line = len(lines)
                    placed[id(rect)] = (line, 2, line, 2 + len(text))
                else:
                    lines.append("\t")
                place = placed[id(rect)]
                anchor = Anchor(
                    place[0],
                    place[1],
                    place[2],
                    place[3],
                    index,
                    r,
                    c,
                    page=rect.page,
                    bbox=_r((rect.x0 + rect.dx, rect.y0, rect.x1 + rect.dx, rect.y1)),
                )
                cells.append(TableCell(text, anchor, c > o_c, r > o_r))
            lines.append("")
            rows.append(tuple(cells))
        last_line = len(lines) - 1
        first = parts[0]
        anchor = Anchor(
            first_line,
            1,
            last_line,
            len(lines[last_line - 1]) + 1,
            table=index,
            page=first.page,
            bbox=_r((first.x0 + first.dx, first.y0, first.x1 + first.dx, first.y1)),
        )
        self.blocks.append(Table(tuple(rows), anchor, grid=True))

    def borderless(self, found: pdf_columns.Borderless) -> None:
        """A table read from aligned text: rows as read (not a grid), each cell on a line
        of its own as a ruled table's, anchored to its page and the box of its text."""
        index = self.tables
        self.tables += 1
        lines = self.lines
        first_line = len(lines) + 1
        rows: list[tuple[TableCell, ...]] = []
        first_page = None
        for r, row in enumerate(found.table.rows):
            cells: list[TableCell] = []
            for c, cell in enumerate(row):
                lines.append("\t" + cell.text)
                line = len(lines)
                page, box = found.locate(cell.anchor)
                first_page = first_page or page
                anchor = Anchor(
                    line,
                    2,
                    line,
                    2 + len(cell.text),
                    index,
                    r,
                    c,
                    page=page,
                    bbox=_r(box) if box else None,
                )
                cells.append(TableCell(cell.text, anchor))
            lines.append("")
            rows.append(tuple(cells))
        last_line = len(lines) - 1
        first = found.first
        anchor = Anchor(
            first_line,
            1,
            last_line,
            len(lines[last_line - 1]) + 1,
            table=index,
            page=first_page,
            bbox=_r((first.x0, first.y0, first.x1, first.y1)),
        )
        self.blocks.append(Table(tuple(rows), anchor))


def _page_order(page: _PageData) -> list[tuple[float, int, _Line | None]]:
    """A page's lines and, as None, its ruled tables, top to bottom."""
    items: list[tuple[float, int, _Line | None]] = [
        (line.y0, k, line) for k, line in enumerate(page.lines)
    ]
    items += [(part.y0, len(items) + k, None) for k, part in enumerate(page.parts)]
    items.sort(key=lambda t: (t[0], t[1]))
    return items


def _r(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    return tuple(round(v, 1) for v in box)  # type: ignore[return-value]


def _merge_parts(parts: list[_TablePart]) -> list[_Rect]:
    """The cells of a table's parts (one per page) in one coordinate space.

    A cell cut by the page break is one cell again when the break left it open (no line
    under it, none over its continuation), or when, with both lines drawn, the two
    pieces have the same columns, one of them spans several rows, and the lower one is
    empty or does not start with a numbering of its own (``（四）无`` / ``法提供``).
    """
    from linter.textnorm import split_numbering

    rects = list(parts[0].rects)
    bottom = parts[0].y1
    tall = set()
    for part in parts:
        bottoms = sorted(r.y1 for r in part.rects)
        tall.update(id(r) for r in part.rects if _spans_rows(r, bottoms))
    for part in parts[1:]:
        header = _repeated_header(parts[0], part)
        top = part.y0 if header is None else header
        shift = bottom - top
        body = [r for r in part.rects if r.y0 >= top - _SNAP]
        last = [r for r in rects if abs(r.y1 + r.shift - bottom) <= _SNAP]
        width = part.x1 - part.x0
        for rect in body:
            rect.shift = shift
        # Once a cell of the page's first row starts anew, the row is a new row of the
        # table: a cell right of it is no piece of a tall cell above (a header cell such
        # as 自然人 spanning the header rows, over row 一's figure on the next page).
        new_row = False
        for rect in body:
            if abs(rect.y0 - top) > _SNAP or rect.x1 - rect.x0 >= width - 2 * _SNAP:
                continue
            joined = False
            for above in last:
                if abs(above.x0 - rect.x0) > _SNAP or abs(above.x1 - rect.x1) > _SNAP:
                    continue
                open_break = above.open_bottom and rect.open_top
                drawn_break = (
                    not new_row
                    and (id(above) in tall or id(rect) in tall)
                    and above.text
                    and (not rect.text or not split_numbering(rect.text).numbering)
                    and not _figure_under_label(above.text, rect.text)
                )
                if open_break or drawn_break:
                    above.lines = above.lines + rect.lines
                    above.y1 = rect.y1 + rect.shift - above.shift
                    above.open_bottom = rect.open_bottom
                    rect.x1 = rect.x0  # absorbed: dropped below
                    joined = True
                break
            new_row = new_row or not joined
        _join_row_cut_by_break(body, last, top, width)
        rects.extend(r for r in body if r.x1 > r.x0)
        new_bottom = max(r.y1 + r.shift for r in rects)
        if part.x0 > parts[0].x0 + 4 * _SNAP:
            # Columns the continuation does not draw, left of it: the cells above that
            # reach the break span its rows too (``三、本年度办理结果`` beside its sub-rows).
            for above in last:
                if above.x1 <= part.x0 + _SNAP:
                    above.y1 = new_bottom - above.shift
        bottom = new_bottom
    return rects


def _join_row_cut_by_break(body: list[_Rect], last: list[_Rect], top: float, width: float) -> None:
    """Joins the first row of a continued table to the last row of the page before when
    the page break cut that row: its words wrap onto the new page (the first word would
    not have fit on the line above, inside the cell's margin: ``3.危及“三安全一稳`` / ``定”``,
    a header's ``现行有效件`` / ``数``), it starts no new item
    (no numbering, no figure), and its other cells are blank, their figures printed above.
    LibreOffice lets a row break across pages and draws the lines on both sides."""
    from linter.textnorm import parse_cell, split_numbering

    row = [
        r
        for r in body
        if abs(r.y0 - top) <= _SNAP and r.x1 > r.x0 and r.x1 - r.x0 < width - 2 * _SNAP
    ]
    pairs = []
    for rect in row:
        above = next(
            (a for a in last if abs(a.x0 - rect.x0) <= _SNAP and abs(a.x1 - rect.x1) <= _SNAP),
            None,
        )
        if above is None:
            return
        pairs.append((above, rect))
    wrapped = 0
    for above, rect in pairs:
        if not rect.text or not above.text:
            continue  # a blank piece, or a figure set low in its cell under a blank one
        if (
            parse_cell(above.text).state != "text"
            or parse_cell(rect.text).state != "text"
            or split_numbering(rect.text).numbering
            or above.last_end + rect.lead <= above.x1 - _CELL_MARGIN
        ):
            return
        wrapped += 1
    if not wrapped:
        return
    for above, rect in pairs:
        above.lines = above.lines + rect.lines
        above.y1 = rect.y1 + rect.shift - above.shift
        above.open_bottom = rect.open_bottom
        rect.x1 = rect.x0  # absorbed: dropped below


def _figure_under_label(above: str, below: str) -> bool:
    """True when ``below`` is a figure and ``above`` is not: a label cut by a page break
    goes on in words, a figure is a cell of its own."""
    from linter.textnorm import parse_cell

    return parse_cell(below).state == "number" and parse_cell(above).state != "number"


def _continues(above: _TablePart, below: _TablePart) -> bool:
    """True when ``below`` (first on its page) continues ``above`` (last on the page
    before): the same right edge and columns, and the same left edge — or a left edge on
    one of the other's column lines, when the leftmost cells span rows across the break
    and one of the pages draws no cell of its own there (a browser's printed page leaves
    them out on a page the tall cell merely crosses, and draws them again, empty, on the
    page where it ends)."""
    if abs(above.x1 - below.x1) > 4 * _SNAP or not _same_columns(above, below):
        return False
    if abs(above.x0 - below.x0) <= 4 * _SNAP:
        return True
    if below.x0 > above.x0:
        return any(abs(x - below.x0) <= _SNAP for x in above.xs[1:-1])
    return any(abs(x - above.x0) <= _SNAP for x in below.xs[1:-1])


def _same_columns(above: _TablePart, below: _TablePart) -> bool:
    """True when the columns of ``below`` are (mostly) columns of ``above``: a table
    continued on the next page, not another table that happens to start the page."""
    inner = below.xs[1:-1]
    if not inner:
        return True
    known = above.xs
    hits = sum(1 for x in inner if any(abs(x - k) <= 2 * _SNAP for k in known))
    return hits >= 0.6 * len(inner)


def _spans_rows(rect: _Rect, bottoms: list[float]) -> bool:
    """True when another cell's bottom line lies inside this cell (``bottoms`` sorted)."""
    i = bisect_left(bottoms, rect.y0 + _SNAP)
    return i < len(bottoms) and bottoms[i] < rect.y1 - _SNAP


def _repeated_header(first: _TablePart, part: _TablePart) -> float | None:
    """The y where a continuation's repeated header ends, if it repeats the first rows."""

    def band(p: _TablePart, upto: float) -> list[tuple[int, int, str]]:
        return sorted(
            (round(r.x0), round(r.y0 - p.y0), r.text) for r in p.rects if r.y1 <= upto + _SNAP
        )

    cuts = sorted({r.y1 for r in part.rects})
    best = None
    for cut in cuts[:6]:
        if any(r.y0 < cut - _SNAP < r.y1 - _SNAP for r in part.rects):
            continue  # a cell crosses this line
        mine = band(part, cut)
        theirs = band(first, first.y0 + (cut - part.y0))
        if (
            mine
            and len(mine) == len(theirs)
            and all(
                abs(a[0] - b[0]) <= 3 and abs(a[1] - b[1]) <= 3 and a[2] == b[2] and a[2]
                for a, b in zip(mine, theirs, strict=True)
            )
        ):
            best = cut
    return best


# --------------------------------------------------------------------------- reader


class PdfReader(PdfForm, Reader):
    """Reads PDF files with a text layer (what Word, WPS and most publishing systems make)."""

    def sniff(self, head: bytes, suffix: str) -> int:
        """95 when ``%PDF-`` starts the file (or comes within its first kilobyte, which
        readers accept), 0 otherwise."""
        if head.startswith(b"%PDF-"):
            return 95
        if b"%PDF-" in head[:1024]:
            return 90
        return 0

    def read(self, path: str, data: bytes, limits: Limits) -> Document:
        pdfium, raw = _pdfium()
        started = time.monotonic()
        buffer = ctypes.create_string_buffer(data, len(data))
        pdf = raw.FPDF_LoadMemDocument64(buffer, len(data), None)
        if not pdf:
            raise _open_error(raw.FPDF_GetLastError(), data)
        try:
            n_pages = raw.FPDF_GetPageCount(pdf)
            if n_pages > limits.max_pdf_pages:
                raise ReadError(
                    f"PDF 有 {n_pages:,} 页，超过上限 {limits.max_pdf_pages:,} 页，未读取："
                    "年度报告通常只有几页到几十页；请确认文件是否正确，或在配置中调高 max-pdf-pages",
                    f"the PDF has {n_pages:,} pages, over the limit of {limits.max_pdf_pages:,}, "
                    "and was not read: an annual report has a few dozen pages at most; check the "
                    "file, or raise max-pdf-pages in the configuration",
                    cause="too-large",
                )
            if n_pages <= 0:
                raise ReadError(
                    "PDF 没有任何页面：请重新导出或重新下载后再检查",
                    "the PDF has no pages: export or download it again and check again",
                    cause="damaged",
                )
            scanner = _Scanner(raw, limits)
            pages = []
            for i in range(n_pages):
                pages.extend(scanner.pages(pdf, i))
                if time.monotonic() - started > limits.time_limit_seconds:
                    raise ReadError(
                        f"读取 PDF 超过时间上限 {limits.time_limit_seconds:.0f} 秒（读到第 {i + 1} 页）",
                        f"reading the PDF took longer than {limits.time_limit_seconds:.0f} s "
                        f"(stopped at page {i + 1})",
                        cause="too-large",
                    )
            metadata = _metadata(raw, pdf)
        finally:
            raw.FPDF_CloseDocument(pdf)
            del buffer
        if all(p.image_only or not p.text_chars for p in pages):
            images = sum(p.images for p in pages)
            raise NoTextLayer(
                f"PDF 共 {n_pages} 页，没有文字层（{'含 ' + str(images) + ' 个图像，' if images else ''}"
                "可能是扫描件或“图片版”），无法检查任何内容：请提供文字版 PDF、DOCX 或网页，"
                "或先做文字识别（OCR）",
                f"the PDF has {n_pages} page(s) and no text layer"
                f"{f' ({images} image(s): a scan or image-only report)' if images else ''}; "
                "nothing could be checked: supply a text PDF, the DOCX or the web page, or run "
                "OCR first",
                cause="no-text-layer",
            )
        doc = Document(path=path, media_type=self.media_type, metadata=metadata)
        _assemble(pages, doc)
        # Image-only pages between pages with text: the report's middle is missing, so a
        # rule would report as absent what is only a picture. A scanned cover or a last
        # page with a seal leaves the body whole and says nothing.
        with_text = [p.number for p in pages if not p.image_only and p.text_chars]
        scanned = [
            p.number for p in pages if p.image_only and with_text[0] < p.number < with_text[-1]
        ]
        if scanned:
            listed = "、".join(str(n) for n in scanned[:20]) + ("等" if len(scanned) > 20 else "")
            listed_en = ", ".join(str(n) for n in scanned[:20]) + (
                " and more" if len(scanned) > 20 else ""
            )
            doc.diagnostics.append(
                Diagnostic(
                    "XT005",
                    f"PDF 第 {listed} 页只有图像、没有文字层（扫描页，或表格、文字的截图）；"
                    "报告中间缺少这些页的文字，按内容的检查都不可靠，因此未做：请提供文字版，"
                    "或先对这些页做文字识别（OCR）后再检查",
                    f"page(s) {listed_en} of the PDF are images without a text layer (scanned "
                    "pages, or screenshots of tables or text); with the middle of the report "
                    "missing, no check of its content would be reliable, so none was made: "
                    "supply a text version, or run OCR on those pages and check again",
                    anchor=Anchor(page=scanned[0]),
                )
            )
        off_page = [p for p in pages if p.off_page >= _MIN_OFF_PAGE]
        if off_page:
            count = sum(p.off_page for p in off_page)
            listed = "、".join(str(p.number) for p in off_page[:20])
            listed_en = ", ".join(str(p.number) for p in off_page[:20])
            doc.diagnostics.append(
                Diagnostic(
                    "XT002",
                    f"PDF 第 {listed} 页有 {count} 个字符落在页面之外（表格或文字超出页边，显示和"
                    "打印时被截去，多见于转换时表格比页面宽）；这些内容无法与页面上的表格对应，"
                    "相关表格可能只读出一部分或无法识别，依赖它的检查可能未做：请核对原件，或提供 "
                    "DOCX、网页原文后再检查",
                    f"{count} characters on page(s) {listed_en} of the PDF lie outside the page "
                    "(a table or text running past the page edge, cut off on screen and in "
                    "print: often a table wider than the page after a conversion); they cannot "
                    "be matched to the tables on the page, which may be read only in part or not "
                    "at all, and checks that need them may not have been made: check the "
                    "original, or supply the DOCX or the web page and check again",
                    anchor=Anchor(page=off_page[0].number),
                    args=(("sub_id", "off-page"),),
                )
            )
        if scanner.private:
            doc.diagnostics.append(
                Diagnostic(
                    "XT003",
                    f"PDF 中有 {scanner.private} 个字符属于私用区或无法映射（字体缺少可用的 "
                    "ToUnicode 映射），无法识别为文字；相关内容可能未被检查，请用嵌入标准字体的方式"
                    "重新导出 PDF。",
                    f"{scanner.private} characters of the PDF are in a private-use area or "
                    "unmapped (a font without a usable ToUnicode map) and cannot be read as text; "
                    "what they say may be unchecked: export the PDF again with standard embedded "
                    "fonts.",
                    args=(("encoding", "pdf-private-use"),),
                )
            )
        return doc


def _metadata(raw, pdf) -> dict[str, str]:
    """The document information's Title, kept as ``pdf_title``: not as ``title``, which
    the interpreter trusts over the body — WPS and Word fill it from the first line or
    carry it over from last year's file, so the printed title decides."""
    out: dict[str, str] = {}
    for key, name in ((b"Title", "pdf_title"),):
        size = raw.FPDF_GetMetaText(pdf, key, None, 0)
        if size <= 2 or size > 4096:
            continue
        buf = ctypes.create_string_buffer(size)
        raw.FPDF_GetMetaText(pdf, key, buf, size)
        value = buf.raw[: size - 2].decode("utf-16-le", errors="ignore").strip()
        if value:
            out[name] = value
    return out


def _open_error(code: int, data: bytes) -> ReadError:
    if code == 4:  # FPDF_ERR_PASSWORD
        return ReadError(
            "PDF 设置了打开密码，无法读取：请提供不加密的 PDF，或 DOCX/网页版本",
            "the PDF is protected by a password and cannot be read: supply it without the "
            "password, or the DOCX or web version",
            cause="encrypted",
        )
    if code == 5:  # FPDF_ERR_SECURITY
        return ReadError(
            "PDF 使用了不支持的加密方式，无法读取：请提供不加密的 PDF，或 DOCX/网页版本",
            "the PDF uses an unsupported security handler and cannot be read: supply it "
            "unencrypted, or the DOCX or web version",
            cause="encrypted",
        )
    truncated = b"%%EOF" not in data[-2048:] and b" obj" in data[:65536]
    if truncated:
        return ReadError(
            "PDF 文件不完整（缺少文件结尾 %%EOF，可能下载中断），无法读取：请重新下载后再检查",
            "the PDF is truncated (no %%EOF at the end: an interrupted download?) and cannot be "
            "read: download it again and check again",
            cause="damaged",
        )
    return ReadError(
        "PDF 文件已损坏（交叉引用表或对象结构无法解析），无法读取：请重新下载，或重新导出 PDF 后再检查",
        "the PDF is damaged (its cross-reference table or object structure cannot be parsed) "
        "and cannot be read: download it again, or export it again, and check again",
        cause="damaged",
    )


def _assemble(pages: list[_PageData], doc: Document) -> None:
    _strip_running(pages)
    builder = _Builder()
    body_lines = [line for p in pages for line in p.lines]
    if body_lines:
        lefts = sorted(round(line.x0) for line in body_lines)
        left = Counter(lefts).most_common(1)[0][0]
        left = min(left, lefts[len(lefts) // 10])
        right = _right_margin(body_lines, left)
    else:
        left = right = 0.0
    # Tables printed without ruling lines, read from the lines' positions.
    order = [(page.number, [line for _, _, line in _page_order(page)]) for page in pages]
    borderless = pdf_columns.read(order)
    starts = {id(b.first): b for b in borderless}
    taken = {id(line) for b in borderless for line in b.lines}
    # Which table parts continue a table of the previous page.
    pending: list[_TablePart] | None = None
    open_para: tuple[list[str], int, list[float]] | None = None

    def flush_para() -> None:
        nonlocal open_para
        if open_para is not None:
            texts, page_no, box = open_para
            text = _join_lines(texts)
            if text:
                builder.paragraph(text, page_no, tuple(box))  # type: ignore[arg-type]
            open_para = None

    def flush_table() -> None:
        nonlocal pending
        if pending:
            builder.table(pending)
        pending = None

    for page in pages:
        flow = []
        for y0, _, line in _page_order(page):
            if line is None:
                continue
            if id(line) in starts:
                flow.append(_Flow("borderless", y0, starts[id(line)], page.number))
            elif id(line) not in taken:
                flow.append(_Flow("line", y0, line, page.number))
        flow += [_Flow("table", part.y0, part, page.number) for part in page.parts]
        flow.sort(key=lambda f: f.y0)
        i = 0
        first_on_page = True
        while i < len(flow):
            item = flow[i]
            if item.kind == "table":
                part = item.item
                assert isinstance(part, _TablePart)
                if (
                    first_on_page
                    and pending
                    and open_para is None
                    and _continues(pending[-1], part)
                ):
                    pending.append(part)
                else:
                    flush_para()
                    flush_table()
                    pending = [part]
                i += 1
                first_on_page = False
                continue
            if item.kind == "borderless":
                flush_para()
                flush_table()
                builder.borderless(item.item)  # type: ignore[arg-type]
                i += 1
                first_on_page = False
                continue
            # A run of lines up to the next table.
            run: list[_Line] = []
            while i < len(flow) and flow[i].kind == "line":
                run.append(flow[i].item)  # type: ignore[arg-type]
                i += 1
            paras = _paragraphs(run, left, right)
            for k, (plines, indented, full) in enumerate(paras):
                texts = [line.text for line in plines]
                box = [
                    min(line.x0 for line in plines) + page.x_offset,
                    min(line.y0 for line in plines),
                    max(line.x1 for line in plines) + page.x_offset,
                    max(line.y1 for line in plines),
                ]
                if k == 0 and first_on_page and open_para is not None and not indented:
                    open_para[0].extend(texts)
                else:
                    flush_para()
                    flush_table()
                    open_para = (texts, page.number, box)
                if k < len(paras) - 1 or not full:
                    flush_para()
            first_on_page = False
        # A paragraph or table running to the page's end may continue on the next page.
    flush_para()
    flush_table()
    doc.blocks = builder.blocks
    doc.extracted_text = "\n".join(builder.lines) + "\n" if builder.lines else ""
