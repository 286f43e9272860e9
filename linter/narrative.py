"""The narrative as one normalised text (NFKC, whitespace removed), with every character's origin.

Paragraphs are joined and normalised so that a number or a word broken across printed lines
(“办结 1191 件（含” / “上年结转 189 件）”, a PDF or markdown conversion) reads as in the
original sentence; every normalised character keeps where it came from, so a statement is
reported at its paragraph's line and the column of its number. The TX rules
(``rules.consistency``) and the statement extractor (:mod:`linter.statements`) read it.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from operator import methodcaller

from linter.document import MARKUP_MEDIA_TYPES, Anchor, fast_init
from linter.model import Report, Section, TextBlock
from linter.rule import ReportMemo

# Clause ends, after NFKC (“，；：！？” are already ASCII then). The narrative adds two
# synthetic ones (text whitespace is removed, so they never come from the text): a newline
# before a numbered paragraph (it also starts a new paragraph context), and U+001E after a
# heading paragraph (“（二）依申请公开方面”).
PARAGRAPH_BREAK = "\n"
HEADING_END = "\x1e"
CLAUSE_END = "。,;!?:" + PARAGRAPH_BREAK + HEADING_END

# A count or a “none” about cases is read only where it is about information disclosure: its
# clause says so (“政府信息公开行政复议 351 件”, “因政府信息公开引起的行政复议案件2件”), or
# the paragraph's heading does (“（二）依申请公开情况。”), or it stands in the text of 三 or 四.
# Otherwise “全年办理行政复议案件 120 件” in a 司法局 report would be taken for table 四.
INFO_CLAUSE_WORDS = ("信息公开", "依申请", "公开申请")
INFO_HEADING_WORDS = ("依申请", "公开申请", "复议", "诉讼")
INFO_SECTIONS = ("section/3", "section/4")

# A paragraph that opens with numbering starts a new paragraph context (patterns.PARAGRAPH_BREAK);
# a short one without a clause end is a heading (“（二）依申请公开方面”) and ends its clause
# (patterns.HEADING_END).
_NUMBERED = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．](?!\d)|[一二三四五六七八九十]是)"
)
_HEADING_MAX = 30
_SPACE = re.compile(r"\s")
_DROPPED = re.compile("[\\s\u200b\ufeff]")
_ENDS = CLAUSE_END
_TEXT_ENDS = "。,;!?:"
_SENTENCE_ENDS = "。;!?" + PARAGRAPH_BREAK + HEADING_END
_CLAUSE_END_RE = re.compile(f"[{re.escape(_ENDS)}]")
_SENTENCE_END_RE = re.compile(f"[{re.escape(_SENTENCE_ENDS)}]")
# Where each match starts, without a Python frame per match (thousands per narrative).
_START = methodcaller("start")


@fast_init
@dataclass(frozen=True, slots=True)
class Source:
    """A block of narrative: its text and where it starts (as in the IR's ``TextBlock``)."""

    text: str
    anchor: Anchor
    where: str  # "preamble" or "section/N"


def _kept(ch: str) -> str:
    """What a source character becomes in the narrative: NFKC, whitespace dropped."""
    return "".join(
        out
        for out in unicodedata.normalize("NFKC", ch)
        if not _SPACE.match(out) and out not in "\u200b\ufeff"
    )


class _KeptTable(dict):
    """Code point → its normalised form, for ``str.translate``: characters repeat endlessly
    across reports, and normalising them one by one was the single largest cost of the TX
    rules."""

    def __missing__(self, code: int) -> str:
        kept = self[code] = _kept(chr(code))
        return kept


_KEPT = _KeptTable()


def _normalised(text: str) -> str:
    """A block's normalised text (NFKC, whitespace dropped)."""
    return _block(text)[0]


def _block(text: str) -> tuple[str, bool, bool]:
    """A block's normalised text, whether it opens with numbering (a new paragraph
    context), and whether it is a heading (numbered, short, no clause end). Kept: the TX
    rules and the statement extractor build narratives of overlapping parts of one report
    (four a report, most blocks in three of them)."""
    done = _BLOCKS.get(text)
    if done is None:
        if len(_BLOCKS) > 4096:
            _BLOCKS.clear()
        kept = text.translate(_KEPT)
        numbered = bool(_NUMBERED.match(text))
        heading = (
            numbered
            and len(text.strip()) <= _HEADING_MAX
            and not any(c in _TEXT_ENDS for c in kept)
        )
        done = _BLOCKS[text] = (kept, numbered, heading)
    return done


_BLOCKS: dict[str, tuple[str, bool, bool]] = {}


class _SkippingDropped:
    """Offsets in a text from which only some characters (whitespace) were dropped: the
    normalised position k is the k-th kept character, found from the dropped ones' places."""

    def __init__(self, text: str, kept: int) -> None:
        self.drops = [m.start() for m in _DROPPED.finditer(text)]
        self.length = kept

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, k: int) -> int:
        s = k
        while True:
            moved = k + bisect_right(self.drops, s)
            if moved == s:
                return s
            s = moved


def _offsets(text: str) -> Sequence[int]:
    """Per character of ``_normalised(text)``, its offset in ``text``. Needed only where a
    statement is anchored, so it is worked out then (once per block and narrative)."""
    kept = len(_normalised(text))
    drops = len(_DROPPED.findall(text))
    if kept == len(text) and not drops:
        return range(len(text))  # nothing dropped, nothing expanded: one for one
    if kept == len(text) - drops:
        return _SkippingDropped(text, kept)  # only whitespace dropped, nothing expanded
    offsets: list[int] = []
    for offset, ch in enumerate(text):
        offsets.extend([offset] * len(_KEPT[ord(ch)]))
    return offsets


@dataclass(frozen=True)
class Narrative:
    """Normalised text of some blocks. ``starts[i]`` is where block i's text starts in it;
    ``synthetic`` maps the positions of the added breaks to (block index, offset).

    ``exact``: a block's text is the source text from its anchor on, so an offset in the text
    is a column in the source (text files; DOCX, whose anchors point into the extracted
    text). Not so for HTML, whose anchors point at the element's start tag: a statement is
    then reported at its paragraph.
    """

    text: str
    starts: tuple[int, ...]
    sources: tuple[Source, ...]
    exact: bool = True
    synthetic: dict[int, tuple[int, int]] = field(default_factory=dict)

    @classmethod
    def of(cls, sources: Iterable[Source], exact: bool = True) -> Narrative:
        sources = tuple(sources)
        chars: list[str] = []
        starts: list[int] = []
        synthetic: dict[int, tuple[int, int]] = {}
        length = 0
        for index, source in enumerate(sources):
            kept, numbered, heading = _block(source.text)
            if numbered:
                synthetic[length] = (index, 0)
                chars.append(PARAGRAPH_BREAK)
                length += 1
            starts.append(length)
            chars.append(kept)
            length += len(kept)
            if heading:
                synthetic[length] = (index, max(len(source.text) - 1, 0))
                chars.append(HEADING_END)
                length += 1
        return cls("".join(chars), tuple(starts), sources, exact, synthetic)

    def block_of(self, pos: int) -> int:
        """The index of the block normalised position ``pos`` comes from (as
        :meth:`origin` gives it, without working out the offset in the block)."""
        if pos in self.synthetic:
            return self.synthetic[pos][0]
        return max(bisect_right(self.starts, pos) - 1, 0)

    def origin(self, pos: int) -> tuple[int, int]:
        """(block index, offset in its text) of normalised position ``pos``."""
        if pos in self.synthetic:
            return self.synthetic[pos]
        index = max(bisect_right(self.starts, pos) - 1, 0)
        offsets = self._offsets.get(index)
        if offsets is None:
            offsets = self._offsets[index] = _offsets(self.sources[index].text)
        offset = pos - self.starts[index]
        return index, offsets[min(offset, len(offsets) - 1)] if offsets else 0

    @classmethod
    def from_texts(cls, texts: Sequence[str], where: str = "section/1") -> Narrative:
        """A narrative from bare strings (lines of an extracted excerpt), for tests and tools."""
        return cls.of(Source(t, Anchor(line=i + 1, column=1), where) for i, t in enumerate(texts))

    @cached_property
    def _clause_ends(self) -> list[int]:
        return list(map(_START, _CLAUSE_END_RE.finditer(self.text)))

    @cached_property
    def _sentence_ends(self) -> list[int]:
        return list(map(_START, _SENTENCE_END_RE.finditer(self.text)))

    @cached_property
    def _offsets(self) -> dict[int, Sequence[int]]:
        return {}

    def clause_start(self, pos: int) -> int:
        """Where the clause holding ``pos`` starts (after the last clause end before it)."""
        i = bisect_left(self._clause_ends, pos)
        return self._clause_ends[i - 1] + 1 if i else 0

    def sentence_start(self, pos: int) -> int:
        i = bisect_left(self._sentence_ends, pos)
        return self._sentence_ends[i - 1] + 1 if i else 0

    def clause_end(self, pos: int) -> int:
        """The first clause end at or after ``pos`` (the text's end if none)."""
        i = bisect_left(self._clause_ends, pos)
        return self._clause_ends[i] if i < len(self._clause_ends) else len(self.text)

    def about_information(self, start: int, end: int) -> bool:
        """Whether the text at ``[start, end)`` is about information disclosure: its clause up
        to ``end`` names it, or its paragraph's heading is about applications or cases, or it
        stands in the text of 三 or 四."""
        if self.sources[self.origin(start)[0]].where in INFO_SECTIONS:
            return True
        if _has_any(self.text[self.clause_start(start) : end], INFO_CLAUSE_WORDS):
            return True
        block = self.text.rfind(PARAGRAPH_BREAK, 0, start) + 1
        heading_end = block
        while heading_end < start and self.text[heading_end] not in _TEXT_ENDS + HEADING_END:
            heading_end += 1
        return block > 0 and _has_any(self.text[block:heading_end], INFO_HEADING_WORDS)

    def anchor(self, start: int, end: int) -> tuple[Anchor, str]:
        """The source anchor of normalised ``[start, end)`` and where its block is."""
        index, offset = self.origin(start)
        end_index, end_offset = self.origin(max(end - 1, start))
        source = self.sources[index]
        base = source.anchor
        if not self.exact or base.line is None or base.column is None:
            return base, source.where
        line, column = _advance(base.line, base.column, source.text, offset)
        end_line = end_column = None
        if end_index == index:
            end_line, end_column = _advance(base.line, base.column, source.text, end_offset + 1)
        # Only the position changes: the page, box and DOCX/PDF places stay the block's.
        # (The constructor, not dataclasses.replace, which reads the fields one by one.)
        anchor = Anchor(
            line,
            column,
            end_line,
            end_column,
            base.table,
            base.row,
            base.cell,
            base.paragraph,
            base.page,
            base.bbox,
        )
        return anchor, source.where


def _advance(line: int, column: int, text: str, offset: int) -> tuple[int, int]:
    """Line and column of ``text[offset]`` when ``text`` starts at (line, column)."""
    breaks = text.count("\n", 0, offset)
    if breaks:
        return line + breaks, offset - text.rfind("\n", 0, offset)
    return line, column + offset


def _has_any(text: str, words: Sequence[str]) -> bool:
    return any(w in text for w in words)


# The report's whole narrative: the statement extractor and the wording rules of one report
# read the same one (the report object changes on the way — reader name, manifest — but its
# sections and preamble are the same tuples, the memo's owner and key). Emptied with the
# rules' memos when the engine is done with the report (linter.rule.forget_reports): kept
# until the next report asked, it held the last report alive (its sections, their anchors
# and, through them, an HTML page's parsed tree), and that report's TX004 paid for freeing
# it (0.5 ms an HTML page, taken for narrative.of_parts in profiles).
_WHOLE = ReportMemo()


# A table a converter flattened to one cell per line (pdftotext without -layout) leaves lines
# that are only a row's numbering (“1.”, “3.”) or only numbers: not text. They are left out of
# the narrative in the sections that hold the tables, so that the row numbers 1. 2. 3. of
# table 三 are not read as a list (WD003) nor its cells as counts.
_TABLE_SECTIONS = (2, 3, 4)
_TABLE_LINE = re.compile(r"^[\s\u3000]*(?:\d{1,2}[.．、]|[\d０-９][\d０-９\s.,%]*)[\s\u3000]*$")


def of_report(report: Report) -> Narrative:
    """The whole text of ``report`` outside its tables, in document order: the preamble,
    and per section its heading (``where`` = ``heading/N``) and its paragraphs
    (``section/N``). Markdown table rows (a PDF converter's ``| … |`` lines) are left out."""
    return of_parts(report.sections, report.preamble, report.source.media_type)


def of_parts(
    sections: Sequence[Section], preamble: Sequence[TextBlock], media_type: str
) -> Narrative:
    """:func:`of_report` of a report's sections and preamble (its media type says whether
    anchors are exact)."""
    return _WHOLE.get(sections, id(preamble), lambda: _whole(sections, preamble, media_type))


def _whole(
    sections: Sequence[Section], preamble: Sequence[TextBlock], media_type: str
) -> Narrative:
    sources = [Source(b.text, b.anchor, "preamble") for b in preamble]
    for section in sections:
        sources.append(Source(section.heading, section.anchor, f"heading/{section.number}"))
        sources += [
            Source(b.text, b.anchor, f"section/{section.number}")
            for b in section.paragraphs
            if b.text.count("|") < 2
            and not (section.number in _TABLE_SECTIONS and _TABLE_LINE.match(b.text))
        ]
    return Narrative.of(sources, exact=media_type not in MARKUP_MEDIA_TYPES)
