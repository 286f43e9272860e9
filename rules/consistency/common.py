"""Helpers shared by the TX rules: which paragraphs are read, and where a statement is."""

from __future__ import annotations

from collections.abc import Iterable

from linter.document import MARKUP_MEDIA_TYPES, Anchor
from linter.finding import Location
from linter.labels import SECTION_NUMERALS
from linter.model import Report
from linter.rule import ReportMemo
from rules.consistency.narrative import Narrative, NoneStatement, Source, Statement

# Where applications are described: the preamble, 一、总体情况 (its 依申请公开 paragraph) and
# the text of 三. Cases are also described in the text of 四; the fee notice in 六.
APPLICATION_SECTIONS = (1, 3)
CASE_SECTIONS = (1, 3, 4)
FEE_SECTIONS = (1, 3, 6)


# The narratives of the report being checked: each TX rule asks for the same ones, and
# building one costs more than the rest of a rule.
_NARRATIVES = ReportMemo()


def narrative(report: Report, sections: Iterable[int]) -> Narrative:
    """The preamble and the paragraphs of ``sections``, in document order."""
    wanted_key = tuple(sorted(set(sections)))
    return _NARRATIVES.get(report, wanted_key, lambda: _build(report, wanted_key))


def _build(report: Report, sections: Iterable[int]) -> Narrative:
    sources = [Source(b.text, b.anchor, "preamble") for b in report.preamble]
    wanted = set(sections)
    for section in report.sections:
        if section.number in wanted:
            sources += [
                Source(b.text, b.anchor, f"section/{section.number}") for b in section.paragraphs
            ]
    return Narrative.of(sources, exact=report.source.media_type not in MARKUP_MEDIA_TYPES)


def statement_location(text: Narrative, statement: Statement | NoneStatement) -> Location:
    """The statement's place: its number (or the whole “none” phrase) in its paragraph."""
    anchor, where = text.anchor(statement.start, statement.end)
    return narrative_location(anchor, where)


def narrative_location(anchor: Anchor, where: str) -> Location:
    """A place in the narrative: ``where`` is ``preamble`` or ``section/N``."""
    if where == "preamble":
        return Location(
            anchor,
            logical="preamble/narrative",
            label_zh="正文开头（第一部分之前）",
            label_en="the opening paragraphs (before section 1)",
        )
    number = int(where.split("/")[1])
    numeral = SECTION_NUMERALS[number - 1]
    return Location(
        anchor,
        logical=f"{numeral}/narrative",
        label_zh=f"第{numeral}部分文字",
        label_en=f"the text of section {number}",
    )


def place_zh(location: Location) -> str:
    return location.label_zh or "文字部分"


def place_en(location: Location) -> str:
    return location.label_en or "the narrative"
