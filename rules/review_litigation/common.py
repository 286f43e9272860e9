"""Helpers shared by the section-四 shape rules (RL002–RL004): labels and locations."""

from __future__ import annotations

from linter.document import Anchor
from linter.finding import Location
from linter.labels import ENGLISH, REVIEW_GROUPS, REVIEW_OUTCOMES, ColumnSpec
from linter.model import Cell, Table

LITIGATION_ZH = "行政诉讼"


def group_label_zh(group: ColumnSpec) -> str:
    """行政复议, 行政诉讼/未经复议直接起诉 or 行政诉讼/复议后起诉, as the header prints them."""
    return group.label if group.id == "review" else f"{LITIGATION_ZH}/{group.label}"


def leaf_label_zh(group: ColumnSpec, outcome: ColumnSpec) -> str:
    return f"{group_label_zh(group)}/{outcome.label}"


def leaf_label_en(group: ColumnSpec, outcome: ColumnSpec) -> str:
    return f"{ENGLISH[group.id]} / {ENGLISH[outcome.id]}"


def leaves() -> list[tuple[ColumnSpec, ColumnSpec]]:
    """The 15 leaf columns in printed order: (group, outcome)."""
    return [(g, o) for g in REVIEW_GROUPS for o in REVIEW_OUTCOMES]


def leaf_location(anchor: Anchor, group: ColumnSpec, outcome: ColumnSpec) -> Location:
    return Location(
        anchor,
        logical=f"四/{group.id}/{outcome.id}",
        label_zh=f"第四部分 {leaf_label_zh(group, outcome)}",
        label_en=f"section 4, {leaf_label_en(group, outcome)}",
    )


def group_location(anchor: Anchor, group: ColumnSpec) -> Location:
    return Location(
        anchor,
        logical=f"四/{group.id}",
        label_zh=f"第四部分 {group_label_zh(group)}",
        label_en=f"section 4, {ENGLISH[group.id]}",
    )


def blank_group_totals(table: Table) -> dict[str, tuple[Cell, float | int]]:
    """Groups whose 总计 is blank (or a placeholder) while the group has entries: group id
    → (the total cell, the sum of its outcomes). RL005 reports them; RL003 and RL101 leave
    these cells alone."""
    out: dict[str, tuple[Cell, float | int]] = {}
    row = table.rows.get("cases") if table.present else None
    if row is None:
        return out
    for group in REVIEW_GROUPS:
        total = row.cells.get(f"{group.id}.total")
        if total is None or not total.is_empty:
            continue
        parts = [row.cells.get(f"{group.id}.{o.id}") for o in REVIEW_OUTCOMES[:-1]]
        entries = sum(c.value for c in parts if c is not None and c.is_number and c.value)
        if entries:
            out[group.id] = (total, entries)
    return out
