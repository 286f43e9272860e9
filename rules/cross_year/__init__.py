"""CY — this report against the same agency's previous report (batch rules).

Reports are paired by agency (from the title) and year within one batch; each rule
keeps compact facts per report while the batch is linted and compares them at the end.
"""

from __future__ import annotations

from linter.hookspecs import hookimpl
from rules.cross_year.cy001_carry_over import CarryOver
from rules.cross_year.cy002_roll_forward import ValidDocumentsRollForward
from rules.cross_year.cy003_copied_text import CopiedText
from rules.cross_year.cy004_copied_tables import CopiedTables
from rules.cross_year.cy005_item_count_roll_forward import ItemCountRollForward


@hookimpl
def gongkai_lint_rules() -> list[type]:
    return [CarryOver, ValidDocumentsRollForward, CopiedText, CopiedTables, ItemCountRollForward]


@hookimpl
def gongkai_lint_families() -> list:
    from linter.plugins import Family

    return [Family("CY", "与上年报告比对", "against last year", order=90)]
