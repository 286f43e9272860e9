"""AD — 第二十条 tables (section 二): items (一)(五)(六)(八) [and (九) in 2019]."""

from __future__ import annotations

from linter.hookspecs import hookimpl
from rules.article20.ad001_missing_item import MissingItem
from rules.article20.ad002_missing_row_or_column import MissingRowOrColumn
from rules.article20.ad003_altered_label import AlteredLabel
from rules.article20.ad004_blank_cell import BlankCell
from rules.article20.ad005_invalid_number import InvalidNumber
from rules.article20.ad006_fee_unit import FeeUnit
from rules.article20.ad007_document_counts import DocumentCountPlausibility
from rules.article20.ad008_item_counts import ItemCountPlausibility
from rules.article20.ad009_procurement import ProcurementConsistency


@hookimpl
def gongkai_lint_rules() -> list[type]:
    return [
        MissingItem,
        MissingRowOrColumn,
        AlteredLabel,
        BlankCell,
        InvalidNumber,
        FeeUnit,
        DocumentCountPlausibility,
        ItemCountPlausibility,
        ProcurementConsistency,
    ]


@hookimpl
def gongkai_lint_families() -> list:
    from linter.plugins import Family

    return [Family("AD", "第二十条主动公开表", "article 20 tables", order=30)]
