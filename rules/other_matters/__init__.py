"""OM — section 六: 其他需要报告的事项 (信息处理费)."""

from __future__ import annotations

from linter.hookspecs import hookimpl
from rules.other_matters.om001_fee_not_reported import FeeNotReported
from rules.other_matters.om002_fee_notice import FeeNoticeInconsistent


@hookimpl
def gongkai_lint_rules() -> list[type]:
    return [FeeNotReported, FeeNoticeInconsistent]


@hookimpl
def gongkai_lint_families() -> list:
    from linter.plugins import Family

    return [Family("OM", "其他需要报告的事项", "other matters", order=70)]
