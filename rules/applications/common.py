"""Helpers shared by the section-三 rules: terms, locations and messages."""

from __future__ import annotations

from collections.abc import Sequence

from linter import arith
from linter.arith import Term
from linter.finding import Location
from linter.labels import ENGLISH, column_label_zh, row_label_zh
from linter.model import Cell, Table


def term(table: Table, row_id: str, column_id: str) -> Term:
    cell = table.cell(row_id, column_id)
    if cell is None:
        raise arith.Undecidable
    return Term(cell, row_label_zh(row_id), ENGLISH[row_id])


def location(cell: Cell, row_id: str, column_id: str) -> Location:
    return Location(
        cell.anchor,
        logical=f"三/{row_id}/{column_id}",
        label_zh=f"第三部分 {row_label_zh(row_id)} / {column_label_zh(column_id)}",
        label_en=f"section 3, {ENGLISH[row_id]} / {ENGLISH[column_id]}",
    )


def column_names(column_id: str) -> tuple[str, str]:
    return column_label_zh(column_id), ENGLISH[column_id]


def joined(terms: Sequence[Term], lang: str) -> str:
    return " + ".join(arith.show(t, lang) for t in terms)
