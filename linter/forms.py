"""One report in several forms: the web page and its PDF attachment, a PDF and a text
extraction of it. An inspector's folder scraped from government sites often holds both.

Each report's *form digest* (:func:`digest`, about 1 KB, computed once per report in the
worker that read it) keeps the figures its tables gave, by place, and a sketch of its
narrative. Batch rules that pair reports by agency and year (CY) then count files of one
agency and year that are the same report as ONE report (:func:`compare`): the same
figures wherever both forms read a table — a form whose tables could not be read agrees
on what it has — and the same narrative (the shorter one contained in the other: a
flattened table adds text to an extraction, it takes none away). Forms whose narrative is
the same but whose figures differ are not merged: the difference is reported.

The narrative sketch is of 8-character shingles of the CJK text only: line breaks, page
headers, spaces and punctuation, which differ from one converter to the next, do not
count. On the corpus, forms of one report contain each other at 0.81–1.00 (a Tika
extraction of a .doc is the lowest); different reports, of one agency in other years or
of other agencies, at 0.50 at most, and 0.75 for a template filled with the same
agency's figures and an abridged text (kept apart).
"""

from __future__ import annotations

import pickle
import re
import zlib
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import compress
from typing import Literal

from linter.model import Report, Table

FORM_VERSION = 2  # 2: the sketch is of a sample of the shingles
SHINGLE = 8  # CJK characters
SKETCH_SIZE = 128  # smallest shingle hashes kept (4 bytes each)
# A narrative with fewer shingles (about this many CJK characters) is too short to tell
# one report from another (a blank template, a page that only links its file).
MIN_SHINGLES = 300
# Share of the shorter narrative found in the longer one for the two to be one report.
SAME_TEXT = 0.8

_NOT_CJK = re.compile(r"[^\u3400-\u9fff]+")
# The content-chosen sample of shingles (see _shingles): 1 where the low byte of a
# character's code point is a multiple of 4.
_SAMPLED = bytes(1 if b % 4 == 0 else 0 for b in range(256))


def _figures(report: Report) -> dict[str, int | float]:
    """Each number the tables gave, by ``table/row/column`` (blanks and placeholders
    as 0, as the rules read them; text cells are left out)."""
    return dict(zip(*_places_and_values(report), strict=True))


def _places_and_values(report: Report) -> tuple[list[str], list[int | float]]:
    """:func:`_figures` as two lists, in the order the tables hold them."""
    tables: list[tuple[str, Table]] = [
        ("三", report.applications),
        ("四", report.review_litigation),
    ]
    tables += [(f"二/{item}", t) for item, t in sorted(report.article20.items.items())]
    names: list[str] = []
    values: list[int | float] = []
    for name, table in tables:
        if not table.present:
            continue
        for row_id, row in table.rows.items():
            for col_id, cell in row.cells.items():
                state = cell.state
                if state == "number":
                    if cell.value is not None:
                        names.append(f"{name}/{row_id}/{col_id}")
                        values.append(cell.value)
                elif state == "blank" or state == "placeholder":
                    names.append(f"{name}/{row_id}/{col_id}")
                    values.append(0)
    return names, values


def _shingles(text: str) -> tuple[int, bytes]:
    """The number of shingles of the CJK text and the smallest SKETCH_SIZE hashes of a
    sample of them (CRC-32: stable across processes and fast).

    The sample is chosen by content, so that two forms of one text sample the same
    shingles: those that start on a character whose code point is a multiple of 4 (about
    0.3 of them in these reports). Hashing every shingle cost 1.5 ms a report, most of what
    the digest costs in every report checked; the sample costs 0.6 ms and estimates the
    same containment (0.96–1.00 for forms of one report on the fixtures, as with every
    shingle; at most 0.44 for other reports, 0.50 with every shingle)."""
    cjk = _NOT_CJK.sub("", text)
    count = len(cjk) - SHINGLE + 1
    if count <= 0:
        return 0, b""
    utf8 = cjk.encode("utf-8")  # these CJK characters are 3 bytes each
    # the low byte of each code point, 1 where it is sampled (for the shingles that fit)
    marks = cjk.encode("utf-16-le")[0 : 2 * count : 2].translate(_SAMPLED)
    crc32 = zlib.crc32
    width = 3 * SHINGLE
    hashes = {crc32(utf8[b : b + width]) for b in compress(range(0, 3 * count, 3), marks)}
    if len(hashes) > 2 * SKETCH_SIZE:
        # The smallest are found among those below a cut that keeps about 1.5 times as
        # many (CRC-32 spreads them evenly): fewer to sort. All are sorted when too few.
        cut = (1 << 32) * (3 * SKETCH_SIZE // 2) // len(hashes)
        low = sorted(filter(cut.__gt__, hashes))
        if len(low) >= SKETCH_SIZE:
            return count, array("I", low[:SKETCH_SIZE]).tobytes()
    return count, array("I", sorted(hashes)[:SKETCH_SIZE]).tobytes()


def _places(names: list[str]) -> tuple[list[int], bytes]:
    """The order that sorts ``names``, and the compressed places in that order: most
    reports of a batch read the same cells of the same edition's tables (7 KB of names),
    so each list of places is sorted and compressed once per process."""
    key = tuple(names)
    done = _PLACES.get(key)
    if done is None:
        if len(_PLACES) >= 64:
            _PLACES.clear()
        order = sorted(range(len(names)), key=names.__getitem__)
        joined = "\n".join([names[i] for i in order]).encode("utf-8")
        done = _PLACES[key] = (order, zlib.compress(joined))
    return done


_PLACES: dict[tuple[str, ...], tuple[list[int], bytes]] = {}


def digest(report: Report) -> bytes:
    """The report's form digest (see the module's docstring): the number of figures,
    their places and their values (each compressed: places repeat, and most values are
    small whole numbers), the narrative's sketch. About 1.5 KB."""
    names, numbers = _places_and_values(report)
    order, places = _places(names)
    values = zlib.compress(array("d", [numbers[i] for i in order]).tobytes())
    count, sketch = _shingles("\n".join(s.text for s in report.sections))
    return pickle.dumps(
        (FORM_VERSION, len(names), places, values, count, sketch),
        protocol=pickle.HIGHEST_PROTOCOL,
    )


class Form:
    """A decoded form digest. The figures are unpacked only when two forms' places
    differ (most pairs of forms read the same tables: their values are compared as
    bytes)."""

    __slots__ = ("count", "_places", "_values", "shingles", "sketch", "_figures")

    def __init__(
        self, count: int, places: bytes, values: bytes, shingles: int, sketch: tuple[int, ...]
    ) -> None:
        self.count = count  # how many figures the tables gave
        self._places = places
        self._values = values
        self.shingles = shingles
        self.sketch = sketch
        self._figures: dict[str, float] | None = None

    @property
    def figures(self) -> dict[str, float]:
        if self._figures is None:
            self._figures = {}
            if self.count:
                try:
                    names = zlib.decompress(self._places).decode("utf-8").split("\n")
                    numbers = array("d")
                    numbers.frombytes(zlib.decompress(self._values))
                    self._figures = dict(zip(names, numbers, strict=True))
                except (zlib.error, UnicodeDecodeError, ValueError):
                    pass  # a damaged digest: as if no table was read
        return self._figures

    def same_figures_as(self, other: Form) -> bool | None:
        """True or False when both read the same places; None when they read others."""
        if self._places == other._places:
            return self._values == other._values
        return None

    @classmethod
    def decode(cls, blob: bytes | None) -> Form | None:
        """None for no digest, or one this version does not read (an older store's)."""
        if not blob:
            return None
        try:
            version, figures, places, values, count, sketch = pickle.loads(blob)
            if version != FORM_VERSION:
                return None
            return cls(figures, places, values, count, tuple(array("I", sketch)))
        except Exception:  # not a digest this version wrote: treated as none
            return None


Verdict = Literal["same", "differ", "other"]


@dataclass(frozen=True)
class Comparison:
    verdict: Verdict
    # Where the figures differ (the first place, by name): (place, value in a, value in b).
    where: tuple[str, float, float] | None = None


def containment(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated share of the smaller shingle set found in the other, from their sketches
    (bottom-k: both hold every hash of their set up to the smaller of their maxima)."""
    if not a or not b:
        return 0.0
    cut = min(a[-1], b[-1])
    low_a = {h for h in a if h <= cut}
    low_b = {h for h in b if h <= cut}
    return len(low_a & low_b) / min(len(low_a), len(low_b))


def compare(a: Form | None, b: Form | None) -> Comparison:
    """``same``: one report (near-identical narrative, no figure differs); ``differ``:
    near-identical narrative but a figure differs; ``other``: different reports, or
    too little to tell."""
    if a is None or b is None or min(a.shingles, b.shingles) < MIN_SHINGLES:
        return Comparison("other")
    if containment(a.sketch, b.sketch) < SAME_TEXT:
        return Comparison("other")
    if not a.count or not b.count or a.same_figures_as(b):
        return Comparison("same")  # a form whose tables were not read agrees on what it has
    theirs = b.figures
    differing = [p for p, v in a.figures.items() if theirs.get(p, v) != v]
    if differing:
        place = min(differing)
        return Comparison("differ", (place, a.figures[place], theirs[place]))
    return Comparison("same")


def place_zh(place: str) -> str:
    """``三/row/column`` in words for a message: the section and the format's labels
    where they are known, the ids otherwise."""
    from linter import editions
    from linter.labels import ARTICLE20_ITEM_TITLE, REVIEW_COLUMNS, column_label_zh, row_label_zh

    table, *rest = place.split("/")
    if table == "三" and len(rest) == 2:
        try:
            return f"第三部分 {row_label_zh(rest[0])} / {column_label_zh(rest[1])}"
        except Exception:  # an id outside the registry's rows
            pass
    if table == "四" and len(rest) == 2:
        label = next((c.label for c in REVIEW_COLUMNS if c.id == rest[1]), rest[1])
        return f"第四部分 {label}"
    if table == "二" and len(rest) == 3:
        for edition in reversed(editions.all_editions()):  # the current one first
            item = edition.item(rest[0])
            row = item and next((r for r in item.rows if r.id == rest[1]), None)
            column = item and next((c for c in item.columns if c.id == rest[2]), None)
            if item and row and column:
                title = ARTICLE20_ITEM_TITLE.format(n=item.number)
                return f"第二部分 {title} {row.label} / {column.label}"
    return place


def figures_read(form: Form | None) -> int:
    return form.count if form is not None else 0


def preferred(forms: Iterable[tuple[str, Form | None]]) -> list[str]:
    """Paths in the order their forms are used: most figures read first, then by path."""
    return [p for p, _ in sorted(forms, key=lambda pf: (-figures_read(pf[1]), pf[0]))]
