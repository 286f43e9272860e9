"""XT — ingest: the document can be read and recognised as a report at all.

Readers and the interpreter report these problems as diagnostics; each rule here turns
the diagnostics of its code into findings, so they can be selected, ignored and
documented like every other rule.
"""

from __future__ import annotations

from linter.hookspecs import hookimpl
from rules.ingest.diagnostic_rule import (
    BeforeTheFormats,
    EncodingFallback,
    NotAnAnnualReport,
    NoTextLayer,
    TableNotRecognised,
    UnreadableDocument,
)


@hookimpl
def gongkai_lint_rules() -> list[type]:
    return [
        UnreadableDocument,
        TableNotRecognised,
        EncodingFallback,
        NotAnAnnualReport,
        NoTextLayer,
        BeforeTheFormats,
    ]


@hookimpl
def gongkai_lint_families() -> list:
    from linter.plugins import Family

    return [Family("XT", "读取", "ingest", order=10)]
