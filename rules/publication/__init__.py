"""PB — publication: 条例第四十九条 deadlines (needs publication metadata)."""

from __future__ import annotations

from linter.hookspecs import hookimpl
from rules.publication.pb001_late_publication import LatePublication


@hookimpl
def gongkai_lint_rules() -> list[type]:
    return [LatePublication]


@hookimpl
def gongkai_lint_families() -> list:
    from linter.plugins import Family

    return [Family("PB", "公开时限", "publication", order=100)]
