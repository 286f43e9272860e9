"""PI — section 五: 存在的主要问题及改进情况."""

from __future__ import annotations

from linter.hookspecs import hookimpl
from rules.problems.pi002_no_measures import NoImprovementMeasures


@hookimpl
def gongkai_lint_rules() -> list[type]:
    return [NoImprovementMeasures]
