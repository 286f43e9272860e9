"""RL — section 四: administrative review and litigation."""

from __future__ import annotations

from linter.hookspecs import hookimpl
from rules.review_litigation.rl001_missing_table import MissingTable
from rules.review_litigation.rl002_missing_column import MissingColumn
from rules.review_litigation.rl003_blank_cell import BlankCell
from rules.review_litigation.rl004_invalid_number import InvalidNumber
from rules.review_litigation.rl005_blank_total import BlankTotal
from rules.review_litigation.rl101_group_total import GroupTotal


@hookimpl
def gongkai_lint_rules() -> list[type]:
    return [MissingTable, MissingColumn, BlankCell, InvalidNumber, BlankTotal, GroupTotal]


@hookimpl
def gongkai_lint_families() -> list:
    from linter.plugins import Family

    return [Family("RL", "行政复议、行政诉讼表", "review and litigation", order=50)]
