"""Arithmetic over table cells for identity rules (FORMATS.md §5).

Blank and placeholder cells count as 0, as RULES.md says, and the message says so; a
cell holding text makes the identity undecidable (the invalid-number rules report it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from linter.model import Cell


@dataclass(frozen=True)
class Term:
    cell: Cell
    label_zh: str
    label_en: str


class Undecidable(Exception):
    """A term is missing or not a number."""


def value(cell: Cell | None) -> int | float:
    if cell is None:
        raise Undecidable
    if cell.state == "number":
        return cell.value or 0
    if cell.state in ("blank", "placeholder"):
        return 0
    raise Undecidable


def total(terms: Sequence[Term]) -> int | float:
    return sum(value(t.cell) for t in terms)


def any_blank(terms: Sequence[Term]) -> bool:
    return any(t.cell.is_empty for t in terms)


def show(term: Term, lang: str) -> str:
    """``一、本年新收…（5）``: a term with its printed value (blank shown as 空白)."""
    label = term.label_en if lang == "en" else term.label_zh
    if term.cell.state == "number":
        shown = fmt(term.cell.value)
    else:
        shown = "blank" if lang == "en" else "空白"
    return f"{label} ({shown})" if lang == "en" else f"{label}（{shown}）"


def fmt(v: int | float | None) -> str:
    if v is None:
        return "?"
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return f"{v:g}" if isinstance(v, float) else str(v)


BLANK_NOTE_ZH = "（空白或占位符单元格按 0 计算）"
BLANK_NOTE_EN = " (blank or placeholder cells counted as 0)"
