"""The narrative as one normalised text, and the statements the TX rules read from it.

Paragraphs are joined and normalised (NFKC, whitespace removed) so that a number or a word
broken across printed lines (“办结 1191 件（含” / “上年结转 189 件）”, a PDF or markdown
conversion) reads as in the original sentence; every normalised character keeps where it
came from, so a statement is reported at its paragraph's line and the column of its number.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import wraps
from typing import Literal

from linter.narrative import Narrative, Source
from linter.numerals import parse_number
from rules.consistency import patterns as p

__all__ = ["Narrative", "NoneStatement", "Source", "Statement"]

Kind = Literal["received", "review", "litigation", "fee_notice"]


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


def _per_narrative(find: Callable[[Narrative], list]) -> Callable[[Narrative], list]:
    """``find`` run once per narrative: TX001 and TX002 read the same application counts,
    TX002 and TX003 the same case counts, of the same (memoised) narratives. Each caller
    gets its own copy of the list. The result is kept on the narrative itself, as its
    cached properties are: it goes with the narrative, and so with its report (a memo of
    the last few narratives held earlier reports alive, and a later report freed them)."""
    name = f"_found_{find.__module__}.{find.__qualname__}"

    @wraps(find)
    def once(narrative: Narrative) -> list:
        kept = narrative.__dict__  # a frozen dataclass: set as cached_property sets
        found = kept.get(name)
        if found is None:
            found = kept[name] = find(narrative)
        return list(found)

    return once


def _number(text: str) -> int | None:
    value = parse_number(text)
    return value if isinstance(value, int) else None


def _has_any(text: str, words: Sequence[str]) -> bool:
    return any(w in text for w in words)


# --- applications ---------------------------------------------------------------------------


@_per_narrative
def application_counts(narrative: Narrative) -> list[Statement]:
    """Every “received N applications” statement, strong or weak, in text order."""
    text = narrative.text
    found: dict[int, Statement] = {}
    for regex in (p.RECEIVED_AFTER, p.RECEIVED_BEFORE):
        for m in regex.finditer(text):
            start, end = m.span("num")
            if start in found:
                continue
            value = _number(m.group("num"))
            gap = m.group("gap")
            if value is None:
                continue
            if not _information_application(gap, m.group("app"), regex is p.RECEIVED_AFTER):
                continue
            prefix = text[narrative.clause_start(m.start()) : m.start()]
            sentence = text[narrative.sentence_start(m.start()) : m.start()]
            weak = (
                _has_any(prefix + gap, p.NOT_RECEIVED_WORDS)
                or _has_any(sentence, p.SENTENCE_PART_WORDS)
            ) or (_has_any(gap, p.CHANNEL_WORDS) and not _has_any(gap, p.ALL_KINDS_WORDS))
            found[start] = Statement("received", value, start, end, m.group(0), strong=not weak)
    return [found[k] for k in sorted(found)]


def _information_application(gap: str, app: str, app_after_gap: bool) -> bool:
    """The application is one for information, not “受理行政许可申请”."""
    if "公开" in app or (app_after_gap and gap.endswith(p.INFO_APPLICATION_BEFORE)):
        return True
    rest = gap
    for word in sorted(p.BARE_GAP_WORDS, key=len, reverse=True):
        rest = rest.replace(word, "")
    return rest == ""


@_per_narrative
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


@_per_narrative
def case_counts(narrative: Narrative) -> list[Statement]:
    """Every “行政复议 N 件” / “行政诉讼 N 件” statement, in text order."""
    text = narrative.text
    out: list[Statement] = []
    taken: set[int] = set()

    def add(kind: Kind, m: re.Match, group: str, term_start: int, offset: int = 0) -> None:
        start, end = m.start(group) + offset, m.end(group) + offset
        value = _number(m.group(group))
        if start in taken or value is None:
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
        out.append(Statement(kind, value, start, end, quote, strong=not weak))

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
                    kind, int(m.group(group)), start, m.end(group), m.group(0), strong=not weak
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


@_per_narrative
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
