"""RL — section 四: administrative review and litigation."""

from __future__ import annotations

from linter.hookspecs import hookimpl
from rules.review_litigation.rl101_group_total import GroupTotal


@hookimpl
def gongkai_lint_rules() -> list[type]:
    return [GroupTotal]
