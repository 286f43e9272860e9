"""Arithmetic over table cells for identity rules (FORMATS.md §5).

Blank and placeholder components count as 0, as RULES.md says, and the message says
so; a cell holding text makes the identity undecidable (the invalid-number rules report
it), and so does a total left blank: 上海市人民政府办公厅 2019 leaves the whole 总计
column of its outcome rows blank while every identity holds — that is a blank-cell
finding (AP005), not eleven arithmetic errors.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from typing import NamedTuple

from linter.model import Cell


class Term(NamedTuple):
    """A cell in an identity, with the labels its message shows it by (a tuple: the
    identity rules make one for every cell of every row they add up)."""

    cell: Cell
    label_zh: str
    label_en: str


class Undecidable(Exception):
    """A term is missing or not a number."""


# A count or amount this large is a typing accident, not a figure (AP006/AD005 say so):
# identities over it are not checked.
PLAUSIBLE_LIMIT = 10**12


def exact(v: int | float | Decimal | None) -> int | Decimal:
    """A cell's value for arithmetic: integers stay integers of any size, a fraction
    becomes the Decimal it was printed as (0.1 + 0.2 == 0.3), never a float sum."""
    if v is None:
        return 0
    if isinstance(v, float):
        if not math.isfinite(v):
            raise Undecidable
        return int(v) if v.is_integer() else Decimal(repr(v))
    return v


def plausible(v: int | float | Decimal | None) -> bool:
    return v is None or abs(v) < PLAUSIBLE_LIMIT


def value(cell: Cell | None) -> int | Decimal:
    if cell is None:
        raise Undecidable
    state = cell.state
    if state == "number":
        v = cell.value
        if type(v) is int and -PLAUSIBLE_LIMIT < v < PLAUSIBLE_LIMIT:
            return v  # the usual count: nothing to convert
        if not plausible(v):
            raise Undecidable
        return exact(v)
    if state in ("blank", "placeholder"):
        return 0
    raise Undecidable


def reported(cell: Cell | None) -> int | Decimal:
    """The value of a printed total. A total left blank was not entered: the identity
    cannot be checked (the blank-cell rules report the cell), so this raises."""
    if cell is None or cell.state != "number":
        raise Undecidable
    v = cell.value
    if type(v) is int and -PLAUSIBLE_LIMIT < v < PLAUSIBLE_LIMIT:
        return v  # the usual count
    if not plausible(v):
        raise Undecidable
    return exact(v)


def none_entered(terms: Sequence[Term]) -> bool:
    """True when every component is blank or a placeholder: the breakdown was not filled
    in at all, so comparing it with a printed total says nothing (AP005/RL003 report it)."""
    return all(t.cell.is_empty for t in terms)


def total(terms: Sequence[Term]) -> int | Decimal:
    # (a loop, not sum() over a generator: the identity rules add up every row of every
    # table, and most terms are plain counts)
    out: int | Decimal = 0
    for t in terms:
        cell = t.cell
        v = cell.value if cell is not None and cell.state == "number" else None
        if type(v) is int and -PLAUSIBLE_LIMIT < v < PLAUSIBLE_LIMIT:
            out += v
        else:
            out += value(cell)
    return out


def any_blank(terms: Sequence[Term]) -> bool:
    for t in terms:
        if t.cell.state in _EMPTY:
            return True
    return False


_EMPTY = ("blank", "placeholder")  # Cell.is_empty


def show(term: Term, lang: str) -> str:
    """``一、本年新收…（5）``: a term with its printed value (blank shown as 空白)."""
    label = term.label_en if lang == "en" else term.label_zh
    if term.cell.state == "number":
        shown = fmt(term.cell.value)
    else:
        shown = "blank" if lang == "en" else "空白"
    return f"{label} ({shown})" if lang == "en" else f"{label}（{shown}）"


def fmt(v: int | float | Decimal | None) -> str:
    if type(v) is int:
        return str(v)  # the usual count (asked for every term of every identity)
    if v is None:
        return "?"
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, Decimal):
        return str(int(v)) if v == v.to_integral_value() else format(v.normalize(), "f")
    return f"{v:g}" if isinstance(v, float) else str(v)


BLANK_NOTE_ZH = "（空白或占位符单元格按 0 计算）"
BLANK_NOTE_EN = " (blank or placeholder cells counted as 0)"
