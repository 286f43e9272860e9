"""Helpers shared by the section-三 rules (and the section-四 shape rules): terms,
locations, messages, and what the interpreter said about a table it could not read."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

from linter import arith
from linter.arith import Term
from linter.finding import Location, Related
from linter.labels import (
    APPLICANT_COLUMN_IDS,
    ENGLISH,
    column_label_zh,
    registry_version,
    row_label_zh,
)
from linter.model import Cell, Report, Table, UnreadRow
from linter.rule import ReportMemo
from linter.textnorm import (
    MAX_NUMBER_DIGITS,
    UNREAD_FORMS,
    key,
    similarity,
    split_numbering,
    unread_form,
)


def term(table: Table, row_id: str, column_id: str) -> Term:
    row = table.rows.get(row_id)
    cell = row.cells.get(column_id) if row is not None else None
    if cell is None:
        raise arith.Undecidable
    # the identity rules make one for every cell they add up: the labels are looked up
    # once per row, and the tuple is made without NamedTuple's Python-level __new__
    return _new_term(Term, (cell, *_row_names(row_id, registry_version())))


_new_term = tuple.__new__


def row_terms(table: Table, row_id: str, column_ids: Sequence[str]) -> list[Term]:
    """:func:`term` of each column of one row (the row and its labels looked up once)."""
    row = table.rows.get(row_id)
    if row is None:
        raise arith.Undecidable
    cells = row.cells
    names = _row_names(row_id, registry_version())
    out = []
    for column_id in column_ids:
        cell = cells.get(column_id)
        if cell is None:
            raise arith.Undecidable
        out.append(_new_term(Term, (cell, *names)))
    return out


@cache
def _row_names(row_id: str, version: int) -> tuple[str, str]:
    return row_label_zh(row_id), ENGLISH[row_id]


def location(cell: Cell, row_id: str, column_id: str) -> Location:
    return Location(cell.anchor, *_place(row_id, column_id, registry_version()))


def locations(cells: Iterable[tuple[Cell, str, str]]) -> Related:
    """:func:`location` of each ``(cell, row id, column id)``: a finding's related cells
    (a column of thirty outcome rows), made when an output reads them (most do not),
    with the registry looked up once for them all."""
    cells = list(cells)
    version = registry_version()
    return Related(
        lambda: [
            Location(cell.anchor, *_place(row, column, version)) for cell, row, column in cells
        ],
        len(cells),
    )


@cache
def _place(row_id: str, column_id: str, version: int) -> tuple[str, str, str]:
    """A section-三 cell's logical name and labels (the same in every report)."""
    return (
        f"三/{row_id}/{column_id}",
        f"第三部分 {row_label_zh(row_id)} / {column_label_zh(column_id)}",
        f"section 3, {ENGLISH[row_id]} / {ENGLISH[column_id]}",
    )


def column_names(column_id: str) -> tuple[str, str]:
    return column_label_zh(column_id), ENGLISH[column_id]


def joined(terms: Sequence[Term], lang: str) -> str:
    return " + ".join(arith.show(t, lang) for t in terms)


# --- shared by the table-shape rules of sections 三 and 四 (AP001–AP006, RL001–RL004) ---


def table_unreadable(report: Report, section: int) -> bool:
    """True when the interpreter said (XT002) that the section's table could not be read.

    A partial XT002 (some rows unreadable) does not count: the table was read.
    """
    for d in report.diagnostics:
        args = dict(d.args)
        if d.code == "XT002" and args.get("section") == str(section) and not args.get("partial"):
            return True
    return False


def unread_rows(report: Report, section: int) -> tuple[tuple[UnreadRow, ...], bool]:
    """The rows the interpreter recognised but could not read (``Table.unread``) in section
    2 or 3, and whether a partial XT002 came without them (an intermediate form written
    before they were recorded: then any row may be unreadable)."""
    if section == 2:
        unread = tuple(u for t in report.article20.items.values() for u in t.unread)
    else:
        unread = report.applications.unread
    return unread, partly_read(report, section) and not unread


def partly_read(report: Report, section: int) -> bool:
    """Whether the interpreter said (a partial XT002) that the section's table was read
    only in part: a row or column not found in it may be one a converter dropped or broke,
    so its absence is not a confident claim."""
    return any(
        d.code == "XT002"
        and dict(d.args).get("section") == str(section)
        and dict(d.args).get("partial")
        for d in report.diagnostics
    )


def label_score(printed: str, canonical: str, numbering: str) -> float:
    """How well a printed row label (or the start of one) names the format's row, 0–1.

    By label text: 1 for the same key (punctuation, spacing and numbering style
    ignored); 0.99 for a start of at least six characters (a label cut by a line or page
    break); otherwise the similarity of the keys. A printed numbering that disagrees
    with the format's gives 0.
    """
    numbered = split_numbering(printed)
    if numbered.numbering and numbering and numbered.numbering != numbering:
        return 0.0
    body, full = key(numbered.body), key(canonical)
    if not body:
        return 0.0
    if body == full:
        return 1.0
    if len(body) >= 6 and full.startswith(body):
        return 0.99
    return similarity(body, full) if len(body) >= 4 else 0.0


def cell_shown(cell: Cell, lang: str) -> str:
    """How a blank or placeholder cell is described: 空白, or the placeholder as printed."""
    if cell.state == "blank":
        return "blank" if lang == "en" else "空白"
    text = cell.text.strip()
    return f"“{text}”" if lang != "en" else f'"{text}"'


def too_many_digits(cell: Cell) -> bool:
    """A run of more digits than any number the tool reads (linter.textnorm)."""
    digits = sum(ch.isdigit() for ch in cell.text)
    return digits > MAX_NUMBER_DIGITS and digits >= 0.8 * len(cell.text.strip())


def implausible_count() -> tuple[str, str]:
    return (
        "位数超过 12 位，不是合理的件数（可能是录入错误）",
        "has more than 12 digits, which is not a plausible count (a typing accident?)",
    )


def unit_only(cell: Cell) -> bool:
    """A count printed with a unit (“80件”): the number itself is a valid count and is
    used; only the unit departs from the form (a warning, not an invalid number)."""
    return (
        cell.state == "number"
        and cell.unit is not None
        and cell.value is not None
        and arith.plausible(cell.value)
        and float(cell.value).is_integer()
        and cell.value >= 0
    )


def readable_otherwise(cell: Cell) -> bool:
    """A count printed with a unit (:func:`unit_only`), or a figure in a form read as
    text though it holds a number (“1.2万”, “(3)”: ``textnorm.unread_form``): the cell
    departs from the form, but the report is not shown to hold an invalid number (a
    warning)."""
    return unit_only(cell) or (cell.state == "text" and unread_form(cell.text) is not None)


def number_problem(cell: Cell) -> tuple[str, str] | None:
    """Why a count cell is not a non-negative integer (zh, en), or None when it is one.

    Blank and placeholder cells are the blank-cell rules' business, not this one's.
    """
    if cell.state == "text":
        if too_many_digits(cell):
            return implausible_count()
        if form := unread_form(cell.text):
            return UNREAD_FORMS[form]
        return "不是数字", "is not a number"
    if cell.state != "number" or cell.value is None:
        return None
    value = cell.value
    if type(value) is int and 0 <= value < arith.PLAUSIBLE_LIMIT and not cell.unit:
        return None  # the usual count: none of the problems below
    if not arith.plausible(cell.value):
        return implausible_count()
    if isinstance(cell.value, float) and not cell.value.is_integer():
        return "是小数，件数只能是整数", "is a fraction; a count is a whole number"
    if cell.value < 0:
        return "是负数，件数不能小于 0", "is negative; a count cannot be below 0"
    if cell.unit:
        return (
            f"带有单位“{cell.unit}”，表格已规定计数单位，单元格内只填数字",
            f"carries the unit '{cell.unit}'; the table's cells hold bare numbers",
        )
    return None


# --- blank cells (AP005) and blank totals (AP007) ------------------------------------------


def has_entries(cells: Sequence[Cell]) -> float | int:
    """The sum of the numbers printed in ``cells`` (0 when none is a non-zero number)."""
    return sum(c.value for c in cells if c.state == "number" and c.value)


def blank_totals(table: Table) -> dict[str, tuple[Cell, float | int]]:
    """Rows whose 总计 is blank (or a placeholder) while the row has entries: row id →
    (the total cell, the sum of the entries). AP007 reports them; AP005 and the identity
    rules leave these cells alone."""
    # AP005, AP007, AP101 and AP102 ask it of the same table in turn: worked out once
    # (each caller gets its own dict)
    return dict(_BLANK_TOTALS.get(table, None, lambda: _blank_totals(table)))


_BLANK_TOTALS = ReportMemo()


def _blank_totals(table: Table) -> dict[str, tuple[Cell, float | int]]:
    out: dict[str, tuple[Cell, float | int]] = {}
    if not table.present:
        return out
    for row_id, row in table.rows.items():
        total = row.cells.get("total")
        if total is None or not total.is_empty:
            continue
        entries = has_entries([row.cells[c] for c in APPLICANT_COLUMN_IDS if c in row.cells])
        if entries:
            out[row_id] = (total, entries)
    return out


def placeholders_note(cells: Sequence[Cell], lang: str) -> str:
    """``（其中 2 格填的是占位符“-”“/”）`` when some of the cells hold a placeholder."""
    held = [c for c in cells if c.state == "placeholder"]
    if not held or len(cells) == 1:
        return ""
    shown = list(dict.fromkeys(c.text.strip() for c in held))
    if lang == "en":
        return (
            f" ({len(held)} of them hold a placeholder: " + ", ".join(f'"{t}"' for t in shown) + ")"
        )
    return f"（其中 {len(held)} 格填的是占位符" + "".join(f"“{t}”" for t in shown) + "）"
