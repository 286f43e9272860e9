"""PI — section 五: 存在的主要问题及改进情况."""

from __future__ import annotations

from linter.hookspecs import hookimpl
from rules.problems.pi001_empty_section import EmptySection
from rules.problems.pi002_no_measures import NoImprovementMeasures
from rules.problems.pi003_no_problems import NoProblemsStated
from rules.problems.pi004_no_rectification import NoRectificationReport


@hookimpl
def gongkai_lint_rules() -> list[type]:
    return [EmptySection, NoImprovementMeasures, NoProblemsStated, NoRectificationReport]


@hookimpl
def gongkai_lint_families() -> list:
    from linter.plugins import Family

    return [Family("PI", "存在的主要问题及改进情况", "problems and improvement", order=60)]
