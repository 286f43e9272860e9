"""ST — structure: 条例第五十条 contents and the unified format."""

from __future__ import annotations

from linter.hookspecs import hookimpl
from rules.structure.st001_missing_section import MissingSection


@hookimpl
def gongkai_lint_rules() -> list[type]:
    return [MissingSection]
