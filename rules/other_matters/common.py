"""Helpers shared by the section-六 rules: locations and row （六）2 of section 三."""

from __future__ import annotations

from dataclasses import dataclass

from linter.document import Anchor
from linter.finding import Location
from linter.labels import (
    APPLICANT_COLUMN_IDS,
    SECTION_NUMERALS,
)
from linter.model import Cell, Report, Section
from rules.applications.common import location as cell_location

UNPAID_FEE_ROW = "other_handling.unpaid_fee"


def section_location(section: Section, anchor: Anchor | None = None) -> Location:
    """Section ``section``, or one of its paragraphs when ``anchor`` is given."""
    numeral = SECTION_NUMERALS[section.number - 1]
    return Location(
        anchor or section.anchor,
        logical=f"section/{section.number}",
        label_zh=f"第{numeral}部分",
        label_en=f"section {section.number}",
    )


@dataclass(frozen=True)
class UnpaidFee:
    """Row （六）2 of section 三: how many applications were dropped for an unpaid fee."""

    count: int | float
    cell: Cell
    column_id: str

    @property
    def location(self) -> Location:
        return cell_location(self.cell, UNPAID_FEE_ROW, self.column_id)


def unpaid_fee(report: Report) -> UnpaidFee | None:
    """Row （六）2: its 总计, or, when the 总计 is not a number, the sum of the applicant
    columns that are. None when the row is not there (2019 edition; the single （六） row
    淮安市洪泽区 prints) or holds no number at all."""
    row = report.applications.rows.get(UNPAID_FEE_ROW)
    if row is None:
        return None
    total = row.cells.get("total")
    if total is not None and total.is_number:
        return UnpaidFee(total.value or 0, total, "total")
    numbers = [(c, row.cells[c]) for c in APPLICANT_COLUMN_IDS if c in row.cells]
    numbers = [(c, cell) for c, cell in numbers if cell.is_number and cell.value]
    if not numbers:
        return None
    column_id, first = numbers[0]
    return UnpaidFee(sum(cell.value or 0 for _, cell in numbers), first, column_id)
