"""Helpers shared by the section-二 (第二十条) rules: specs, names and locations."""

from __future__ import annotations

from linter import editions
from linter.document import Anchor
from linter.finding import Location
from linter.interpret import FUZZY_THRESHOLD
from linter.labels import ItemSpec, RowSpec
from linter.model import Cell, Report, Table
from linter.rule import ReportMemo
from linter.textnorm import key, similarity

ITEM_EN = {
    "item1": "item (1)",
    "item5": "item (5)",
    "item6": "item (6)",
    "item8": "item (8)",
    "item9": "item (9)",
}
ROW_EN = {
    "rules": "rules (规章)",
    "normative_documents": "normative documents",
    "licensing": "administrative licensing",
    "other_services": "other external management services",
    "penalty": "administrative penalties",
    "coercion": "administrative coercion",
    "fees": "administrative fees",
    "procurement": "government centralised procurement",
}
COLUMN_EN = {
    "new_made": "newly made this year",
    "new_published": "newly published this year",
    "total_published": "total published",
    "previous_count": "items last year",
    "change": "change this year",
    "decisions": "decisions",
    "issued": "issued this year",
    "repealed": "repealed this year",
    "in_force": "in force",
    "amount": "amount",
    "projects": "procurement projects",
}
# Article 20 item (1)'s three counts, as the 2021 format prints them (AD007, CY002).
ITEM1_COUNTS = (
    "article20/item1/*/issued",
    "article20/item1/*/repealed",
    "article20/item1/*/in_force",
)
# Columns whose values are money (decimals allowed); every other column is a count.
MONEY_COLUMNS = {"amount"}
# Columns that may be negative: 本年增/减.
SIGNED_COLUMNS = {"change"}


def edition_of(report: Report) -> str:
    """The edition section 二 is checked against: the one its tables follow, else the year's."""
    return report.article20.edition or report.edition.value or editions.current().id


def item_specs(report: Report) -> tuple[ItemSpec, ...]:
    edition = editions.get(edition_of(report)) or editions.current()
    return edition.article20_items


def item_title_zh(spec: ItemSpec) -> str:
    return f"第二十条第（{spec.number}）项"


def row_label(spec: ItemSpec, row_id: str) -> str:
    return next((r.label for r in _all(spec, "rows") if r.id == row_id), row_id)


def column_label(spec: ItemSpec, column_id: str) -> str:
    return next((c.label for c in _all(spec, "columns") if c.id == column_id), column_id)


def _all(spec: ItemSpec, what: str):
    """The spec's rows or columns, then the same item's in every edition (a table may
    mix them); a label is always found or the id stands in."""
    yield from getattr(spec, what)
    for edition in editions.all_editions():
        for other in edition.article20_items:
            if other.id == spec.id:
                yield from getattr(other, what)


def location(cell: Cell, spec: ItemSpec, row_id: str, column_id: str) -> Location:
    """A data cell of section 二."""
    return Location(
        cell.anchor,
        logical=f"二/{spec.id}/{row_id}/{column_id}",
        label_zh=f"第二部分 {item_title_zh(spec)} {row_label(spec, row_id)} / {column_label(spec, column_id)}",
        label_en=f"section 2, article 20 {ITEM_EN[spec.id]}, {ROW_EN[row_id]} / {COLUMN_EN[column_id]}",
    )


def item_location(anchor: Anchor | None, spec: ItemSpec) -> Location:
    """An item block of section 二 as a whole."""
    return Location(
        anchor or Anchor(),
        logical=f"二/{spec.id}",
        label_zh=f"第二部分 {item_title_zh(spec)}",
        label_en=f"section 2, article 20 {ITEM_EN[spec.id]}",
    )


def row_location(anchor: Anchor | None, spec: ItemSpec, row_id: str) -> Location:
    """A row (its label) of an item block."""
    return Location(
        anchor or Anchor(),
        logical=f"二/{spec.id}/{row_id}",
        label_zh=f"第二部分 {item_title_zh(spec)} {row_label(spec, row_id)}",
        label_en=f"section 2, article 20 {ITEM_EN[spec.id]}, {ROW_EN[row_id]}",
    )


def column_location(anchor: Anchor | None, spec: ItemSpec, column_id: str) -> Location:
    """A column (its header) of an item block."""
    return Location(
        anchor or Anchor(),
        logical=f"二/{spec.id}/{column_id}",
        label_zh=f"第二部分 {item_title_zh(spec)} {column_label(spec, column_id)}",
        label_en=f"section 2, article 20 {ITEM_EN[spec.id]}, {COLUMN_EN[column_id]}",
    )


def tables_unreadable(report: Report) -> bool:
    """Section 二's tables could not be read at all (XT002 says so): nothing to check."""
    return any(
        d.code == "XT002" and dict(d.args).get("section") == "2" and not dict(d.args).get("partial")
        for d in report.diagnostics
    )


def unaligned_labels(report: Report) -> list[str]:
    """Row labels of section 二 that were printed but whose cells could not be placed in
    columns (a partial XT002 lists them): those rows are there, only unreadable."""
    return [u.label for t in report.article20.items.values() for u in t.unread]


def printed_but_unreadable(row: RowSpec, unaligned: list[str]) -> bool:
    return any(
        key(label) == key(row.label) or similarity(key(label), key(row.label)) >= FUZZY_THRESHOLD
        for label in unaligned
    )


def present_items(report: Report) -> list[tuple[ItemSpec, Table]]:
    """Each item present, with the spec of the edition its own table follows: one item
    may carry the other edition's columns (item 1 of 2019 in a 2021 report)."""
    # Every AD rule asks it of the report in turn: worked out once per report (and
    # registry version); each caller gets its own list.
    version = editions.REGISTRY.version
    return list(_ITEMS.get(report, version, lambda: _present_items(report)))


_ITEMS = ReportMemo()


def _present_items(report: Report) -> list[tuple[ItemSpec, Table]]:
    out = []
    for spec in item_specs(report):
        table = report.article20.items.get(spec.id)
        if table is not None and table.present:
            own_edition = editions.get(table.edition)
            if own_edition is not None and table.edition != edition_of(report):
                own = {s.id: s for s in own_edition.article20_items}
                spec = own.get(spec.id, spec)
            out.append((spec, table))
    return out
