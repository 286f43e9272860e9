"""The table figures a narrative is compared with, and the comparisons themselves.

A :class:`Figure` says which values the narrative may state (``accepted``: for applications
一[总计] or 一+二[总计]; for cases the printed 总计 or, when that disagrees with its parts, the
sum of the parts — that disagreement is RL101's to report), whether the table shows any case
at all, and whether it decidably shows none. The functions at the end are pure: statements and
a figure in, the statements to report out; the rules only turn them into findings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from linter.finding import Location
from linter.labels import (
    APPLICANT_COLUMN_IDS,
    ENGLISH,
    REVIEW_GROUPS,
    REVIEW_OUTCOMES,
    column_label_zh,
    row_label_zh,
)
from linter.model import Cell, Report, Table
from linter.rule import ReportMemo
from linter.statements import CONCEPT_BY_ID, Cells
from rules.consistency.narrative import NoneStatement, Statement
from rules.review_litigation.common import leaf_location

Number = int | float


@dataclass(frozen=True)
class Figure:
    """What the tables say about one concept (applications received, review, litigation)."""

    accepted: tuple[Number, ...]
    # Some cell of the concept holds a number > 0.
    any_positive: bool
    # Every cell of the concept is 0 or empty and at least one printed number says so.
    all_zero: bool
    # How the table figure reads in messages: “一、本年新收政府信息公开申请数量”总计为 95 …
    shown_zh: str
    shown_en: str
    cells: tuple[Location, ...] = field(default=())
    # The second accepted figure, when there is one: “，加上“二、上年结转…”总计 189 为 1484”.
    also_zh: str = ""
    also_en: str = ""

    @property
    def expected(self) -> Number:
        return self.accepted[0]


# --- from the IR ----------------------------------------------------------------------------


# The figures of the report being checked: TX001 and TX002 read the applications
# received, TX002 and TX003 the cases, TX004 and TX005 the same concepts' figures (the
# figures are frozen: every rule may share them).
_FIGURES = ReportMemo()


def _once(report: Report, key: tuple, make: Callable[[], Any]) -> Any:
    return _FIGURES.get(report, key, make)


def applications_received(report: Report) -> Figure | None:
    """一[总计] and 一+二[总计] of section 三; None when 一[总计] is not a printed number."""
    return _once(report, ("applications_received",), lambda: _applications_received(report))


def _applications_received(report: Report) -> Figure | None:
    table = report.applications
    if not table.present:
        return None
    new = table.cell("new_received", "total")
    if new is None or not new.is_number:
        return None
    carried = table.cell("carried_over", "total")
    new_value = new.value or 0
    accepted: list[Number] = [new_value]
    cells = [_application_location(new, "new_received")]
    carried_value: Number | None = None
    if carried is not None and (carried.is_number or carried.is_empty):
        carried_value = (carried.value or 0) if carried.is_number else 0
        if new_value + carried_value != new_value:
            accepted.append(new_value + carried_value)
        cells.append(_application_location(carried, "carried_over"))
    new_cells = _row_cells(table, "new_received")
    carried_cells = _row_cells(table, "carried_over")
    any_positive = _positive(new_cells)
    all_zero = _zero(new_cells) and carried_value is not None and _zero(carried_cells)
    shown_zh = f"“{row_label_zh('new_received')}”总计为 {fmt(new_value)}"
    shown_en = f"“{ENGLISH['new_received']}” totals {fmt(new_value)}"
    also_zh = also_en = ""
    if carried_value:
        also_zh = (
            f"，加上“{row_label_zh('carried_over')}”总计 {fmt(carried_value)} "
            f"为 {fmt(new_value + carried_value)}"
        )
        also_en = (
            f", or {fmt(new_value + carried_value)} with “{ENGLISH['carried_over']}” "
            f"({fmt(carried_value)})"
        )
    return Figure(
        tuple(accepted),
        any_positive,
        all_zero,
        shown_zh,
        shown_en,
        tuple(cells),
        also_zh,
        also_en,
    )


def review_cases(report: Report) -> Figure | None:
    groups = ("review",)
    return _once(report, groups, lambda: _cases(report.review_litigation, groups))


def litigation_cases(report: Report) -> Figure | None:
    groups = ("litigation_direct", "litigation_after_review")
    return _once(report, groups, lambda: _cases(report.review_litigation, groups))


def unpaid_fee_applications(report: Report) -> Figure | None:
    """Section 三 （六）2 (2021 edition): applications dropped because a fee was not paid."""
    table = report.applications
    cell = table.cell("other_handling.unpaid_fee", "total") if table.present else None
    if cell is None or not cell.is_number:
        return None
    value = cell.value or 0
    return Figure(
        (value,),
        value > 0,
        value == 0,
        f"“{row_label_zh('other_handling.unpaid_fee')}”总计为 {fmt(value)}",
        f"“{ENGLISH['other_handling.unpaid_fee']}” totals {fmt(value)}",
        (_application_location(cell, "other_handling.unpaid_fee"),),
    )


_GROUP_LABELS = {
    "review": ("行政复议", "administrative review"),
    "litigation_direct": ("未经复议直接起诉", "litigation without prior review"),
    "litigation_after_review": ("复议后起诉", "litigation after review"),
}


def _cases(table: Table, groups: Sequence[str]) -> Figure | None:
    if not table.present or "cases" not in table.rows:
        return None
    totals: list[Cell] = []
    parts: list[Cell] = []
    for group in groups:
        total = table.cell("cases", f"{group}.total")
        if total is None:
            return None
        totals.append(total)
        for outcome in REVIEW_OUTCOMES[:-1]:
            cell = table.cell("cases", f"{group}.{outcome.id}")
            if cell is not None:
                parts.append(cell)
    if any(c.state == "text" for c in totals):
        return None
    printed = sum((c.value or 0) for c in totals if c.is_number)
    accepted: list[Number] = [printed]
    if all(c.state != "text" for c in parts):
        by_parts = sum((c.value or 0) for c in parts if c.is_number)
        if by_parts != printed:
            accepted.append(by_parts)
    cells = totals + parts
    if len(groups) == 1:
        shown_zh = f"“{_GROUP_LABELS[groups[0]][0]}”总计为 {_shown(totals[0])}"
        shown_en = f"“{_GROUP_LABELS[groups[0]][1]}” totals {_shown(totals[0], 'en')}"
    else:
        shown_zh = "行政诉讼" + " 与".join(
            f"“{_GROUP_LABELS[g][0]}”总计 {_shown(c)}" for g, c in zip(groups, totals, strict=True)
        )
        shown_zh += f"，合计 {fmt(printed)}"
        shown_en = " plus ".join(
            f"“{_GROUP_LABELS[g][1]}” {_shown(c, 'en')}"
            for g, c in zip(groups, totals, strict=True)
        )
        shown_en += f", {fmt(printed)} in all"
    if len(accepted) > 1:
        shown_zh += f"（各结果之和为 {fmt(accepted[1])}）"
        shown_en += f" (its outcomes add up to {fmt(accepted[1])})"
    return Figure(
        tuple(accepted),
        _positive(cells),
        _zero(cells),
        shown_zh,
        shown_en,
        tuple(_case_location(c, g) for g, c in zip(groups, totals, strict=True)),
    )


def _row_cells(table: Table, row_id: str) -> list[Cell]:
    row = table.rows.get(row_id)
    if row is None:
        return []
    return [row.cells[c] for c in (*APPLICANT_COLUMN_IDS, "total") if c in row.cells]


def _positive(cells: Sequence[Cell]) -> bool:
    return any(c.is_number and (c.value or 0) > 0 for c in cells)


def _zero(cells: Sequence[Cell]) -> bool:
    return any(c.is_number for c in cells) and all(
        c.is_empty or (c.is_number and not c.value) for c in cells
    )


def _shown(cell: Cell, lang: str = "zh") -> str:
    if cell.is_number:
        return fmt(cell.value)
    return "blank" if lang == "en" else "空白"


def fmt(value: Number | None) -> str:
    if value is None:
        return "?"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:g}" if isinstance(value, float) else str(value)


def _application_location(cell: Cell, row_id: str) -> Location:
    return Location(
        cell.anchor,
        logical=f"三/{row_id}/total",
        label_zh=f"第三部分 {row_label_zh(row_id)} / {column_label_zh('total')}",
        label_en=f"section 3, {ENGLISH[row_id]} / {ENGLISH['total']}",
    )


def _case_location(cell: Cell, group: str) -> Location:
    return Location(
        cell.anchor,
        logical=f"四/{group}/total",
        label_zh=f"第四部分 {'' if group == 'review' else '行政诉讼 '}{_GROUP_LABELS[group][0]} / 总计",
        label_en=f"section 4, {ENGLISH[group]} / total",
    )


# --- comparisons ----------------------------------------------------------------------------


def count_mismatches(statements: Sequence[Statement], figure: Figure) -> list[Statement]:
    """TX001/TX003: stated counts that are none of the table's figures (both sides non-zero).

    When any statement, strong or weak, states one of the accepted figures, the narrative
    agrees with the table and the others are taken to be about something else (a part, the
    whole jurisdiction): nothing is reported.
    """
    if not statements or any(s.value in figure.accepted for s in statements):
        return []
    if figure.all_zero:
        return []  # a non-zero count against an empty table is TX002
    return [s for s in statements if s.strong and s.value > 0]


@dataclass(frozen=True)
class Contradiction:
    """TX002: ``statement`` says none where the table has some (``reverse`` False) or states
    a positive count where the table decidably has none (``reverse`` True)."""

    statement: Statement | NoneStatement
    reverse: bool


def contradictions(
    nones: Sequence[NoneStatement], counts: Sequence[Statement], figure: Figure
) -> list[Contradiction]:
    """TX002 for one concept: “none” against non-zero cells, or a count against zero cells."""
    out: list[Contradiction] = []
    if figure.any_positive:
        # A positive count elsewhere in the narrative means the “none” is about a part.
        if not any(s.value > 0 for s in counts):
            out += [Contradiction(n, False) for n in nones]
            if not any(s.value in figure.accepted for s in counts):
                # “行政复议0件” is both a zero count and a “none”: report it once.
                out += [
                    Contradiction(s, False)
                    for s in counts
                    if s.strong
                    and s.value == 0
                    and not any(n.start <= s.start < n.end for n in nones)
                ]
    elif figure.all_zero and not any(s.value in figure.accepted for s in counts):
        out += [Contradiction(s, True) for s in counts if s.strong and s.value > 0]
    return sorted(out, key=lambda c: c.statement.start)


# --- TX004: the other concepts of the tables -------------------------------------------------


@dataclass(frozen=True)
class ConceptFigure:
    """The table's figure for one or more concepts (their sum), and the cells it comes from.
    ``parts``: the figures of sub-rows the narrative may name instead (“因本机关不掌握等原因
    无法提供 265 件” is the sub-row 本机关不掌握)."""

    value: Number
    cells: tuple[Location, ...]
    parts: dict[str, Number] = field(default_factory=dict)


def _table_of(report: Report, key: str) -> Table | None:
    if key == "applications":
        return report.applications
    if key == "review_litigation":
        return report.review_litigation
    if key.startswith("article20/"):
        return (
            report.article20.items.get(key.split("/", 1)[1]) if report.article20.present else None
        )
    return None


def _sum_cells(
    report: Report, cells: Cells
) -> tuple[Number, list[tuple[tuple[str, str, str], Cell]]] | None:
    """The sum of ``cells``; None when one is text or missing, or none holds a number."""
    total: Number = 0
    found: list[tuple[tuple[str, str, str], Cell]] = []
    for spec in cells:
        table_key, row_id, column_id = spec
        table = _table_of(report, table_key)
        if table is None or not table.present:
            return None
        cell = table.cell(row_id, column_id)
        if cell is None:
            return None
        if cell.state == "text":
            return None
        found.append((spec, cell))
        if cell.is_number:
            total += cell.value or 0
    if not any(c.is_number for _, c in found):
        return None
    return total, found


def concept_figure(report: Report, concept_ids: Sequence[str]) -> ConceptFigure | None:
    """The table's figure for ``concept_ids`` together (their sum), or None when the tables
    do not decidably give it (not recognised, a cell not a number, another edition)."""
    key = ("concepts", *concept_ids)
    return _once(report, key, lambda: _concept_figure(report, concept_ids))


def _concept_figure(report: Report, concept_ids: Sequence[str]) -> ConceptFigure | None:
    edition = report.edition.value
    total: Number = 0
    locations: list[Location] = []
    parts: dict[str, Number] = {}
    for concept_id in concept_ids:
        concept = CONCEPT_BY_ID[concept_id]
        if edition is not None and edition not in concept.editions:
            return None
        summed = None
        for cells in (concept.cells, *concept.alternatives):
            summed = _sum_cells(report, cells)
            if summed is not None:
                break
        if summed is None:
            return None
        value, cells = summed
        total += value
        locations += [_concept_location(spec, cell) for spec, cell in cells]
        for cue, part_cells in concept.parts:
            part = _sum_cells(report, part_cells)
            if part is not None:
                parts[cue] = part[0]
    return ConceptFigure(total, tuple(locations[:8]), parts)


def _concept_location(spec: tuple[str, str, str], cell: Cell) -> Location:
    table_key, row_id, column_id = spec
    if table_key == "applications":
        return _application_location(cell, row_id)
    if table_key == "review_litigation":
        group_id, outcome_id = column_id.split(".", 1)
        group = next((g for g in REVIEW_GROUPS if g.id == group_id), None)
        outcome = next((o for o in REVIEW_OUTCOMES if o.id == outcome_id), None)
        if group is not None and outcome is not None:
            return leaf_location(cell.anchor, group, outcome)
        return Location(cell.anchor, logical=f"四/{group_id}/{outcome_id}")
    item = table_key.split("/", 1)[1]
    return Location(
        cell.anchor,
        logical=f"二/{item}/{row_id}/{column_id}",
        label_zh=f"第二部分 第二十条第（{_ITEM_NUMERALS.get(item, item)}）项",
        label_en=f"section 2, article 20 item ({item[4:]})",
    )


_ITEM_NUMERALS = {"item1": "一", "item5": "五", "item6": "六", "item8": "八", "item9": "九"}
