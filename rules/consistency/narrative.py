"""The narrative as one normalised text, and the statements the TX rules read from it.

Paragraphs are joined and normalised (NFKC, whitespace removed) so that a number or a word
broken across printed lines (“办结 1191 件（含” / “上年结转 189 件）”, a PDF or markdown
conversion) reads as in the original sentence; every normalised character keeps where it
came from, so a statement is reported at its paragraph's line and the column of its number.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from linter.document import Anchor
from rules.consistency import patterns as p

Kind = Literal["received", "review", "litigation", "fee_notice"]

# A paragraph that opens with numbering starts a new paragraph context (patterns.PARAGRAPH_BREAK);
# a short one without a clause end is a heading (“（二）依申请公开方面”) and ends its clause
# (patterns.HEADING_END).
_NUMBERED = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、.．](?!\d)|[一二三四五六七八九十]是)"
)
_HEADING_MAX = 30
_SPACE = re.compile(r"\s")
_ENDS = p.CLAUSE_END
_TEXT_ENDS = "。,;!?:"
_SENTENCE_ENDS = "。;!?" + p.PARAGRAPH_BREAK + p.HEADING_END


@dataclass(frozen=True)
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


# Character → its normalised form: characters repeat endlessly across reports, and
# normalising them one by one was the single largest cost of the TX rules.
_KEPT: dict[str, str] = {}


def _normalised(text: str) -> tuple[str, tuple[int, ...]]:
    """A block's normalised text and, per character, its offset in ``text``. The TX rules
    build narratives of overlapping sections of one report: each block is done once."""
    done = _BLOCKS.get(text)
    if done is None:
        if len(_BLOCKS) > 4096:
            _BLOCKS.clear()
        out: list[str] = []
        offsets: list[int] = []
        for offset, ch in enumerate(text):
            kept = _KEPT.get(ch)
            if kept is None:
                kept = _KEPT[ch] = _kept(ch)
            for k in kept:
                out.append(k)
                offsets.append(offset)
        done = _BLOCKS[text] = ("".join(out), tuple(offsets))
    return done


_BLOCKS: dict[str, tuple[str, tuple[int, ...]]] = {}


@dataclass(frozen=True)
class Narrative:
    """Normalised text of some blocks; ``origins[i]`` = (block index, offset in its text).

    ``exact``: a block's text is the source text from its anchor on, so an offset in the text
    is a column in the source (text files; DOCX, whose anchors point into the extracted
    text). Not so for HTML, whose anchors point at the element's start tag: a statement is
    then reported at its paragraph.
    """

    text: str
    origins: tuple[tuple[int, int], ...]
    sources: tuple[Source, ...]
    exact: bool = True

    @classmethod
    def of(cls, sources: Iterable[Source], exact: bool = True) -> Narrative:
        sources = tuple(sources)
        chars: list[str] = []
        origins: list[tuple[int, int]] = []
        for index, source in enumerate(sources):
            numbered = bool(_NUMBERED.match(source.text))
            if numbered:
                chars.append(p.PARAGRAPH_BREAK)
                origins.append((index, 0))
            kept, offsets = _normalised(source.text)
            chars.extend(kept)
            origins.extend((index, offset) for offset in offsets)
            heading = (
                numbered
                and len(source.text.strip()) <= _HEADING_MAX
                and not any(c in _TEXT_ENDS for c in unicodedata.normalize("NFKC", source.text))
            )
            if heading:
                chars.append(p.HEADING_END)
                origins.append((index, max(len(source.text) - 1, 0)))
        return cls("".join(chars), tuple(origins), sources, exact)

    @classmethod
    def from_texts(cls, texts: Sequence[str], where: str = "section/1") -> Narrative:
        """A narrative from bare strings (lines of an extracted excerpt), for tests and tools."""
        return cls.of(Source(t, Anchor(line=i + 1, column=1), where) for i, t in enumerate(texts))

    def clause_start(self, pos: int) -> int:
        i = pos
        while i > 0 and self.text[i - 1] not in _ENDS:
            i -= 1
        return i

    def sentence_start(self, pos: int) -> int:
        i = pos
        while i > 0 and self.text[i - 1] not in _SENTENCE_ENDS:
            i -= 1
        return i

    def clause_end(self, pos: int) -> int:
        i = pos
        while i < len(self.text) and self.text[i] not in _ENDS:
            i += 1
        return i

    def about_information(self, start: int, end: int) -> bool:
        """Whether the text at ``[start, end)`` is about information disclosure: its clause up
        to ``end`` names it, or its paragraph's heading is about applications or cases, or it
        stands in the text of 三 or 四."""
        if self.sources[self.origins[start][0]].where in p.INFO_SECTIONS:
            return True
        if _has_any(self.text[self.clause_start(start) : end], p.INFO_CLAUSE_WORDS):
            return True
        block = self.text.rfind(p.PARAGRAPH_BREAK, 0, start) + 1
        heading_end = block
        while heading_end < start and self.text[heading_end] not in _TEXT_ENDS + p.HEADING_END:
            heading_end += 1
        return block > 0 and _has_any(self.text[block:heading_end], p.INFO_HEADING_WORDS)

    def anchor(self, start: int, end: int) -> tuple[Anchor, str]:
        """The source anchor of normalised ``[start, end)`` and where its block is."""
        index, offset = self.origins[start]
        end_index, end_offset = self.origins[max(end - 1, start)]
        source = self.sources[index]
        base = source.anchor
        if not self.exact or base.line is None or base.column is None:
            return base, source.where
        line, column = _advance(base.line, base.column, source.text, offset)
        anchor = replace(base, line=line, column=column, end_line=None, end_column=None)
        if end_index == index:
            end_line, end_column = _advance(base.line, base.column, source.text, end_offset + 1)
            anchor = replace(anchor, end_line=end_line, end_column=end_column)
        return anchor, source.where


def _advance(line: int, column: int, text: str, offset: int) -> tuple[int, int]:
    """Line and column of ``text[offset]`` when ``text`` starts at (line, column)."""
    before = text[:offset]
    breaks = before.count("\n")
    if breaks:
        return line + breaks, offset - before.rfind("\n")
    return line, column + offset


@dataclass(frozen=True)
class Statement:
    """A figure stated in the narrative.

    ``start``/``end`` delimit the number in the normalised text; ``quote`` is the statement
    (normalised, e.g. “受理政府信息公开申请17件”). A *weak* statement (a part, another year,
    a handling verb nearby) may excuse a difference but is never reported itself.
    """

    kind: Kind
    value: int
    start: int
    end: int
    quote: str
    strong: bool = True


@dataclass(frozen=True)
class NoneStatement:
    """The narrative says there were none: ``kinds`` are what it denies."""

    kinds: tuple[Kind, ...]
    start: int
    end: int
    quote: str


def _number(text: str) -> int:
    return int(text.replace(",", ""))


def _has_any(text: str, words: Sequence[str]) -> bool:
    return any(w in text for w in words)


# --- applications ---------------------------------------------------------------------------


def application_counts(narrative: Narrative) -> list[Statement]:
    """Every “received N applications” statement, strong or weak, in text order."""
    text = narrative.text
    found: dict[int, Statement] = {}
    for regex in (p.RECEIVED_AFTER, p.RECEIVED_BEFORE):
        for m in regex.finditer(text):
            start, end = m.span("num")
            if start in found:
                continue
            gap = m.group("gap")
            if not _information_application(gap, m.group("app"), regex is p.RECEIVED_AFTER):
                continue
            prefix = text[narrative.clause_start(m.start()) : m.start()]
            sentence = text[narrative.sentence_start(m.start()) : m.start()]
            weak = (
                _has_any(prefix + gap, p.NOT_RECEIVED_WORDS)
                or _has_any(sentence, p.SENTENCE_PART_WORDS)
            ) or (_has_any(gap, p.CHANNEL_WORDS) and not _has_any(gap, p.ALL_KINDS_WORDS))
            found[start] = Statement(
                "received", _number(m.group("num")), start, end, m.group(0), strong=not weak
            )
    return [found[k] for k in sorted(found)]


def _information_application(gap: str, app: str, app_after_gap: bool) -> bool:
    """The application is one for information, not “受理行政许可申请”."""
    if "公开" in app or (app_after_gap and gap.endswith(p.INFO_APPLICATION_BEFORE)):
        return True
    rest = gap
    for word in sorted(p.BARE_GAP_WORDS, key=len, reverse=True):
        rest = rest.replace(word, "")
    return rest == ""


def application_none(narrative: Narrative) -> list[NoneStatement]:
    """“未收到政府信息公开申请” and the like."""
    out = []
    for m in p.APPLICATION_NONE.finditer(narrative.text):
        if _spoiled(narrative, m.start(), m.end("neg")):
            continue
        if _digits_after(narrative, m.end()):
            continue
        out.append(NoneStatement(("received",), m.start(), m.end(), m.group(0)))
    return out


# --- review and litigation ------------------------------------------------------------------


def case_counts(narrative: Narrative) -> list[Statement]:
    """Every “行政复议 N 件” / “行政诉讼 N 件” statement, in text order."""
    text = narrative.text
    out: list[Statement] = []
    taken: set[int] = set()

    def add(kind: Kind, m: re.Match, group: str, term_start: int, offset: int = 0) -> None:
        start, end = m.start(group) + offset, m.end(group) + offset
        if start in taken:
            return
        clause_start = narrative.clause_start(term_start)
        prefix = text[clause_start:term_start]
        combined = bool(p.COMBINED_BEFORE.search(prefix))
        if combined:
            return
        sentence = text[narrative.sentence_start(term_start) : term_start]
        weak = (
            _has_any(prefix, p.NOT_TOTAL_CASE_WORDS)
            or _has_any(sentence, p.SENTENCE_PART_WORDS)
            or not narrative.about_information(term_start, end)
        )
        quote = text[term_start : m.end() + offset]
        taken.add(start)
        out.append(Statement(kind, _number(m.group(group)), start, end, quote, strong=not weak))

    for m in p.REVIEW_LITIGATION_RESPECTIVELY.finditer(text):
        for kind, group in (("review", "review"), ("litigation", "litigation")):
            start = m.start(group)
            taken.add(start)
            clause_start = narrative.clause_start(m.start())
            sentence = text[narrative.sentence_start(m.start()) : m.start()]
            weak = (
                _has_any(text[clause_start : m.start()], p.NOT_TOTAL_CASE_WORDS)
                or _has_any(sentence, p.SENTENCE_PART_WORDS)
                or not narrative.about_information(m.start(), m.end())
            )
            out.append(
                Statement(
                    kind, _number(m.group(group)), start, m.end(group), m.group(0), strong=not weak
                )
            )
    for m in p.REVIEW_COUNT.finditer(text):
        add("review", m, "num", m.start("term"))
        rest = p.BARE_LITIGATION_AFTER_REVIEW.match(text[m.end() :])
        if rest:
            add("litigation", rest, "num", m.start("term"), offset=m.end())
    for m in p.LITIGATION_COUNT.finditer(text):
        add("litigation", m, "num", m.start("term"))
    return sorted(out, key=lambda s: s.start)


def case_none(narrative: Narrative) -> list[NoneStatement]:
    """“未发生因政府信息公开被申请行政复议、提起行政诉讼的情况”, “行政复议、行政诉讼均为0”."""
    out = []
    for regex, has_neg in ((p.CASE_NONE, True), (p.CASE_ZERO, False)):
        for m in regex.finditer(narrative.text):
            if has_neg and _spoiled(narrative, m.start(), m.end("neg")):
                continue
            if not has_neg and _spoiled(narrative, m.start(), m.start()):
                continue
            if not narrative.about_information(m.start(), m.end()):
                continue
            terms = m.group("terms")
            kinds: list[Kind] = []
            if "复议" in terms:
                kinds.append("review")
            if "诉讼" in terms:
                kinds.append("litigation")
            out.append(NoneStatement(tuple(kinds), m.start(), m.end(), m.group(0)))
    return out


# --- fee notices ----------------------------------------------------------------------------


def fee_notice_none(narrative: Narrative) -> list[NoneStatement]:
    """“未向申请人发出收费通知”."""
    out = []
    for m in p.FEE_NOTICE_NONE.finditer(narrative.text):
        if _spoiled(narrative, m.start(), m.start() + 1):
            continue
        out.append(NoneStatement(("fee_notice",), m.start(), m.end(), m.group(0)))
    return out


def _spoiled(narrative: Narrative, start: int, neg_end: int) -> bool:
    """The clause before the negation (and the negation) make it hypothetical or partial."""
    head = narrative.text[narrative.clause_start(start) : neg_end]
    return _has_any(head, p.NEGATION_SPOILERS)


def _digits_after(narrative: Narrative, pos: int) -> bool:
    return any(c.isdigit() for c in narrative.text[pos : narrative.clause_end(pos)])
