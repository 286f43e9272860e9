"""Pointing inside a paragraph: the anchor of a match at an offset in a text block.

An offset into a paragraph's text is a column offset in the source only when the text is
the source: text and markdown files, and DOCX (whose anchors point into the extracted
text). An HTML paragraph's anchor is its element's start tag and its text has lost the
inline markup, so there a finding points at the paragraph itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from linter.document import MARKUP_MEDIA_TYPES, Anchor
from linter.model import Report, TextBlock


def anchor_at(anchor: Anchor, text: str, start: int, length: int = 0) -> Anchor:
    """The anchor of ``text[start:start + length]`` when ``anchor`` is where ``text`` starts.

    Text and HTML anchors (and DOCX anchors into the extracted text) carry a line and a
    column; an anchor without them (a DOCX paragraph index only) is returned unchanged.
    """
    if anchor.line is None or anchor.column is None:
        return anchor
    line, column = _advance(anchor.line, anchor.column, text[:start])
    end_line, end_column = _advance(line, column, text[start : start + length])
    return Anchor(
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        table=anchor.table,
        row=anchor.row,
        cell=anchor.cell,
        paragraph=anchor.paragraph,
    )


def _advance(line: int, column: int, passed: str) -> tuple[int, int]:
    breaks = passed.count("\n")
    if not breaks:
        return line, column + len(passed)
    return line + breaks, len(passed) - passed.rfind("\n")


def point_into(report: Report, block: TextBlock, start: int, length: int = 0) -> Anchor:
    """The anchor of ``block.text[start:start + length]`` where columns can be trusted,
    else the paragraph's own anchor."""
    if report.source.media_type in MARKUP_MEDIA_TYPES:
        return block.anchor
    return anchor_at(block.anchor, block.text, start, length)


@dataclass(frozen=True)
class Hit:
    """A match found in a run of paragraphs: the paragraph it starts in and where."""

    block: TextBlock
    match: re.Match[str]
    start: int  # offset of the match in ``block.text``

    def anchor(self, report: Report) -> Anchor:
        return point_into(report, self.block, self.start, len(self.match.group(0)))


def search_blocks(pattern: re.Pattern[str], blocks: Sequence[TextBlock]) -> Iterator[Hit]:
    """Every match of ``pattern`` over the paragraphs read as one text.

    The paragraphs are joined without separators, so a phrase wrapped over two lines of a
    PDF conversion (“统计期限为 2025” / “年 1 月 1 日至 12 月 31 日”) is found; each hit
    points into the paragraph where it starts.
    """
    blocks = [block for block in blocks if block.text]
    starts: list[int] = []
    position = 0
    for block in blocks:
        starts.append(position)
        position += len(block.text)
    joined = "".join(block.text for block in blocks)
    index = 0
    for match in pattern.finditer(joined):
        while index + 1 < len(starts) and starts[index + 1] <= match.start():
            index += 1
        yield Hit(blocks[index], match, match.start() - starts[index])


def narrative_blocks(report: Report) -> Iterable[TextBlock]:
    """The preamble and every section's paragraphs, in document order."""
    yield from report.preamble
    for section in report.sections:
        yield from section.paragraphs
