"""What the WD rules read: the report's text outside tables — the preamble, the section
headings and the paragraphs (:func:`linter.narrative.of_report`) — never table labels
(AD003/AP004 own those) and never site chrome (the readers leave it out). Lines that are a
table printed as text (columns set apart by tabs or runs of spaces, ``| … |`` rows, as a
PDF-to-text converter leaves them) are not read either, nor paragraphs without a single
punctuation mark (a table's labels a converter stacked up: “结果结果其他尚未”), nor a
numbered row label of the format's tables on a line of its own (“1.属于国家秘密”: a table
flattened one label per line), nor what
comes before the report's title: the site's menus (“登录 登录 注册 注册”) that a page saved
or printed from a browser, or converted to DOCX or PDF, keeps above the report.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from linter.editions import all_editions
from linter.finding import Location
from linter.labels import (
    REVIEW_HEADER_LABELS,
    SECTION_NUMERALS,
    application_rows,
    registry_version,
)
from linter.model import Report
from linter.narrative import Narrative, of_report
from linter.rule import ReportMemo
from linter.textnorm import compact, split_numbering

# A paragraph with none of these is a table's labels set as text (“结果结果其他尚未”, the
# header of a table a converter stacked up), not prose.
_PROSE_MARKS = "，。；：、,.;:！？"
_PROSE_MARK = re.compile(f"[{re.escape(_PROSE_MARKS)}]")


class Prose:
    """Which blocks of a report's narrative are prose (not a table set as text), by block
    index: each block is judged when a rule first asks about it (the WD rules ask only
    where they found something, most blocks never)."""

    __slots__ = ("_sources", "_before_title", "_known")

    def __init__(self, narrative: Narrative, before_title: int) -> None:
        self._sources = narrative.sources
        self._before_title = before_title
        self._known: dict[int, bool] = {}

    def __getitem__(self, k: int) -> bool:
        known = self._known.get(k)
        if known is None:
            s = self._sources[k]  # (an IndexError for a block that is not there, as a tuple)
            known = self._known[k] = k >= self._before_title and (
                s.where.startswith("heading") or _is_prose(s.text)
            )
        return known

    def __len__(self) -> int:
        return len(self._sources)


@dataclass(frozen=True)
class Text:
    """A report's narrative and which of its blocks are prose (not a table set as text)."""

    narrative: Narrative
    prose: Prose

    def block(self, pos: int) -> int:
        return max(bisect_right(self.narrative.starts, pos) - 1, 0)

    def is_prose(self, start: int, end: int) -> bool:
        """``[start, end)`` lies in one prose block."""
        first = self.block(start)
        return first == self.block(max(end - 1, start)) and self.prose[first]

    def location(self, start: int, end: int) -> Location:
        anchor, where = self.narrative.anchor(start, end)
        kind, _, number = where.partition("/")
        if kind == "preamble":
            return Location(
                anchor, "preamble/text", "正文开头（第一部分之前）", "the opening paragraphs"
            )
        numeral = SECTION_NUMERALS[int(number) - 1]
        if kind == "heading":
            return Location(
                anchor,
                f"{numeral}/heading",
                f"第{numeral}部分标题",
                f"the heading of section {number}",
            )
        return Location(
            anchor, f"{numeral}/narrative", f"第{numeral}部分文字", f"the text of section {number}"
        )


# The report's text: the three WD rules read the same one.
_TEXTS = ReportMemo()


def text_of(report: Report) -> Text:
    narrative = of_report(report)
    return _TEXTS.get(narrative, None, lambda: _text(report, narrative))


def _text(report: Report, narrative: Narrative) -> Text:
    return Text(narrative, Prose(narrative, _before_title(report)))


def _is_prose(text: str) -> bool:
    text = text.strip()  # indentation is not a column
    if "\t" in text or "   " in text or "\u3000\u3000\u3000" in text or text.count("|") >= 2:
        return False  # columns set apart: a table printed as text
    return _PROSE_MARK.search(text) is not None and not _is_row_label(text)


def _is_row_label(text: str) -> bool:
    """A numbered row label of the format's tables on a line of its own (``1.属于国家秘密``,
    cut short or followed by its figures): a table flattened by a converter, not an
    enumeration of the report's text (“1.” then “3.” is two rows' order, not a slip)."""
    if len(text) > 60:
        return False
    numbered = split_numbering(text)
    if not numbered.numbering:
        return False
    rest = compact(numbered.body)
    if len(rest) < 4:
        return False
    for label in _row_labels(registry_version()):
        if label.startswith(rest) or (
            rest.startswith(label) and _FIGURES_ONLY.fullmatch(rest[len(label) :])
        ):
            return True
    return False


_FIGURES_ONLY = re.compile(r"[\d.,]*")


@cache
def _row_labels(version: int) -> tuple[str, ...]:
    """The row labels of the format's tables (sections 二, 三, 四), every edition, compacted
    (by the editions registry's version, as the label caches are: an edition a plugin
    registers counts)."""
    labels = {compact(label) for label in REVIEW_HEADER_LABELS}
    for edition in all_editions():
        labels.update(compact(row.label) for row in application_rows(edition.id))
        for item in edition.article20_items:
            labels.update(compact(row.label) for row in item.rows)
    return tuple(sorted(label for label in labels if len(label) >= 4))


def _before_title(report: Report) -> int:
    """How many preamble blocks come before the report's title: a page's site menus and
    links, kept by a browser's print or a conversion of the saved page, are the site's
    words, not the report's. The narrative's first blocks are the preamble's, in order.
    0 when the title is not one of the blocks (not found, or from the metadata only)."""
    title = report.title
    if title is None:
        return 0
    where = (title.anchor.line, title.anchor.paragraph, title.anchor.page)
    if where != (None, None, None):
        for k, block in enumerate(report.preamble):
            if (block.anchor.line, block.anchor.paragraph, block.anchor.page) == where:
                return k
    printed = compact(title.text)
    for k, block in enumerate(report.preamble):
        if printed and printed in compact(block.text):
            return k
    return 0
