"""The intermediate form (IR): one report, whatever file it came from.

These frozen dataclasses are what rules see. ``Report.to_json()`` gives the JSON
document described by ``schemas/report.schema.json`` (the public contract for rule
authors and for other extractors), and ``Report.from_json()`` reads one back, so an IR
produced elsewhere (an OCR or PDF pipeline) can be linted too.

Tables are keyed by canonical ids (``linter.labels``): a row of section 三 is
``report.applications.rows["new_received"]`` and its cells are keyed by column id
(``natural_person`` … ``total``). The printed label is kept beside every id.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from linter.document import Anchor, Diagnostic, fast_init

IR_VERSION = "1.0"

CellState = Literal["number", "blank", "placeholder", "text"]
LabelMatch = Literal["exact", "variant", "altered"]


@fast_init  # one per data cell of every table
@dataclass(frozen=True, slots=True)
class Cell:
    """One data cell: the text as printed and what it means.

    ``state`` is ``number`` (``value`` holds it), ``blank`` (nothing printed),
    ``placeholder`` (“-”, “/”, “无” …: nothing entered) or ``text`` (not a number).
    ``unit`` is a unit printed with the number (``元``, ``万元`` …); ``note`` is text
    printed beside the number in the same cell (“（其中修订 16 件）”).
    """

    text: str
    value: int | float | None
    state: CellState
    anchor: Anchor
    unit: str | None = None
    note: str | None = None

    @property
    def is_number(self) -> bool:
        return self.state == "number"

    @property
    def is_empty(self) -> bool:
        return self.state in ("blank", "placeholder")


@dataclass(frozen=True, slots=True)
class Row:
    """A table row mapped to a canonical id, with the label as printed."""

    id: str
    label: str
    anchor: Anchor
    cells: dict[str, Cell]
    # exact: as in the format; variant: differs only in punctuation, spacing or
    # numbering style; altered: matched only fuzzily (a typo, a changed word).
    label_match: LabelMatch = "exact"


@dataclass(frozen=True, slots=True)
class Column:
    id: str
    label: str
    anchor: Anchor | None = None
    label_match: LabelMatch = "exact"


@dataclass(frozen=True, slots=True)
class Table:
    """A recognised table (or one item block of section 二)."""

    present: bool
    anchor: Anchor | None = None
    # Which edition's labels the table matched (an id of linter.editions, None if undecided).
    edition: str | None = None
    title: str | None = None
    columns: dict[str, Column] = field(default_factory=dict)
    rows: dict[str, Row] = field(default_factory=dict)
    # Printed rows that carry data but match no label of the format (local additions).
    extra_rows: tuple[str, ...] = ()
    # Rows printed with a label of the format whose values could not be read, and why.
    unread: tuple[UnreadRow, ...] = ()

    def cell(self, row_id: str, column_id: str) -> Cell | None:
        row = self.rows.get(row_id)
        return row.cells.get(column_id) if row else None


ABSENT = Table(present=False)


@dataclass(frozen=True, slots=True)
class UnreadRow:
    """A printed row the interpreter recognised by its label but could not read."""

    label: str  # as printed
    row_id: str | None  # the format's row it names, when the label was matched
    # Why: "cells" — its number of cells does not match the header, so its values cannot
    # be placed in columns (they are not used).
    reason: str = "cells"


@dataclass(frozen=True, slots=True)
class Article20:
    """Section 二: the 第二十条 item blocks, keyed ``item1``, ``item5`` …"""

    present: bool
    anchor: Anchor | None = None
    edition: str | None = None
    items: dict[str, Table] = field(default_factory=dict)


@fast_init  # one per paragraph of every report
@dataclass(frozen=True, slots=True)
class TextBlock:
    text: str
    anchor: Anchor


@dataclass(frozen=True, slots=True)
class Section:
    number: int  # 1–6
    key: str  # overview, proactive, applications, review_litigation, problems, other_matters
    heading: str  # as printed, numbering included
    anchor: Anchor
    paragraphs: tuple[TextBlock, ...] = ()
    # Whether tables were found inside this section's span of the document.
    has_table: bool = False
    # False when the heading was lost (e.g. by a conversion) and the section was recognised
    # from its content and place; ``heading`` is then the format's wording and ``anchor``
    # the section's first paragraph.
    heading_printed: bool = True

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


@fast_init  # one per figure of every narrative
@dataclass(frozen=True, slots=True)
class Statement:
    """A figure the narrative states (:mod:`linter.statements` reads them).

    ``text`` is the clause it stands in (normalised: NFKC, no whitespace) and ``figure`` the
    number as printed (``1295``, ``一千二百九十九``, ``1.2万``); ``value`` its value, ``unit``
    the unit printed after it (件, 条, 起, 个, 万元, 元, %). ``concepts`` are the ids of the
    format's own concepts it is about (``applications.granted``, ``review.upheld`` … see
    ``linter.statements.CONCEPTS``), empty when it names none. ``qualifiers`` are the words
    that qualify it (共, 其中, 分别, 同比, 较上年, 约, 余, 以上, 近 …); ``approximate`` and
    ``comparison`` say whether it is an estimate or a change against another period — such a
    figure is not the year's own count. ``year`` is a year its sentence names before it.
    ``where`` is ``preamble`` or ``section/N``; ``anchor`` points at the number.
    """

    text: str
    figure: str
    value: int | float
    unit: str | None
    concepts: tuple[str, ...]
    qualifiers: tuple[str, ...]
    approximate: bool
    comparison: bool
    year: int | None
    where: str
    anchor: Anchor

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "figure": self.figure,
            "value": self.value,
            "unit": self.unit,
            "concepts": list(self.concepts),
            "qualifiers": list(self.qualifiers),
            "approximate": self.approximate,
            "comparison": self.comparison,
            "year": self.year,
            "where": self.where,
            "anchor": self.anchor.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Statement:
        return cls(
            text=data["text"],
            figure=data["figure"],
            value=data["value"],
            unit=data.get("unit"),
            concepts=tuple(data.get("concepts") or ()),
            qualifiers=tuple(data.get("qualifiers") or ()),
            approximate=data.get("approximate", False),
            comparison=data.get("comparison", False),
            year=data.get("year"),
            where=data["where"],
            anchor=Anchor.from_json(data.get("anchor")),
        )


@dataclass(frozen=True, slots=True)
class Decided:
    """A value and how it was decided (``title``, ``statistics_period``, ``year``, …)."""

    value: Any
    decided_by: str | None = None
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    path: str
    media_type: str
    sha256: str
    size: int
    encoding: str | None = None
    reader: str | None = None


@dataclass(frozen=True, slots=True)
class Report:
    source: Source
    readable: bool = True
    title: TextBlock | None = None
    agency: Decided = Decided(None)
    year: Decided = Decided(None)
    edition: Decided = Decided(None)
    sections: tuple[Section, ...] = ()
    # Paragraphs before the first section heading (title, preamble, 统计期限 …).
    preamble: tuple[TextBlock, ...] = ()
    # Section headings printed a second time (the first one opens the section).
    repeated_headings: tuple[TextBlock, ...] = ()
    article20: Article20 = Article20(present=False)
    applications: Table = ABSENT
    review_litigation: Table = ABSENT
    metadata: dict[str, str] = field(default_factory=dict)
    diagnostics: tuple[Diagnostic, ...] = ()
    # Text that DOCX anchors point into (embedded in SARIF); None for text/HTML.
    extracted_text: str | None = None
    # Figures stated in the narrative (linter.statements; the interpreter gives them as a
    # linter.statements.Statements, read when asked for); None: not extracted (an IR
    # written by another tool without them — linter.statements.statements_of reads them then).
    statements: Sequence[Statement] | None = None

    def section(self, number: int) -> Section | None:
        for s in self.sections:
            if s.number == number:
                return s
        return None

    # --- JSON -----------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return {
            "ir_version": IR_VERSION,
            "source": _plain(self.source),
            "readable": self.readable,
            "title": _text_block(self.title),
            "agency": _plain(self.agency),
            "year": _plain(self.year),
            "edition": _plain(self.edition),
            "sections": [
                {
                    "number": s.number,
                    "key": s.key,
                    "heading": s.heading,
                    "anchor": s.anchor.to_json(),
                    "has_table": s.has_table,
                    "heading_printed": s.heading_printed,
                    "paragraphs": [_text_block(p) for p in s.paragraphs],
                }
                for s in self.sections
            ],
            "preamble": [_text_block(p) for p in self.preamble],
            "repeated_headings": [_text_block(p) for p in self.repeated_headings],
            "article20": {
                "present": self.article20.present,
                "anchor": _anchor(self.article20.anchor),
                "edition": self.article20.edition,
                "items": {k: _table(t) for k, t in self.article20.items.items()},
            },
            "applications": _table(self.applications),
            "review_litigation": _table(self.review_litigation),
            "metadata": dict(self.metadata),
            "diagnostics": [
                {
                    "code": d.code,
                    "detail_zh": d.detail_zh,
                    "detail_en": d.detail_en,
                    "anchor": d.anchor.to_json(),
                    "args": {k: v for k, v in d.args},
                }
                for d in self.diagnostics
            ],
            "extracted_text": self.extracted_text,
            "statements": (
                None if self.statements is None else [st.to_json() for st in self.statements]
            ),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Report:
        """Rebuild a Report from its JSON form (validate against the schema first)."""
        a20 = data.get("article20") or {}
        return cls(
            source=Source(**data["source"]),
            readable=data.get("readable", True),
            title=_text_block_in(data.get("title")),
            agency=Decided(**(data.get("agency") or {"value": None})),
            year=Decided(**(data.get("year") or {"value": None})),
            edition=Decided(**(data.get("edition") or {"value": None})),
            sections=tuple(
                Section(
                    number=s["number"],
                    key=s["key"],
                    heading=s["heading"],
                    anchor=Anchor.from_json(s.get("anchor")),
                    has_table=s.get("has_table", False),
                    heading_printed=s.get("heading_printed", True),
                    paragraphs=tuple(_text_block_in(p) for p in s.get("paragraphs", [])),
                )
                for s in data.get("sections", [])
            ),
            preamble=tuple(_text_block_in(p) for p in data.get("preamble", [])),
            repeated_headings=tuple(_text_block_in(p) for p in data.get("repeated_headings", [])),
            article20=Article20(
                present=a20.get("present", False),
                anchor=_anchor_in(a20.get("anchor")),
                edition=a20.get("edition"),
                items={k: _table_in(t) for k, t in (a20.get("items") or {}).items()},
            ),
            applications=_table_in(data.get("applications")),
            review_litigation=_table_in(data.get("review_litigation")),
            metadata=dict(data.get("metadata") or {}),
            diagnostics=tuple(
                Diagnostic(
                    code=d["code"],
                    detail_zh=d["detail_zh"],
                    detail_en=d["detail_en"],
                    anchor=Anchor.from_json(d.get("anchor")),
                    args=tuple((d.get("args") or {}).items()),
                )
                for d in data.get("diagnostics", [])
            ),
            extracted_text=data.get("extracted_text"),
            statements=(
                None
                if data.get("statements") is None
                else tuple(Statement.from_json(st) for st in data["statements"])
            ),
        )


def _plain(obj: Any) -> dict[str, Any]:
    return {k: getattr(obj, k) for k in obj.__slots__}


def _anchor(anchor: Anchor | None) -> dict | None:
    return anchor.to_json() if anchor is not None else None


def _anchor_in(data: dict | None) -> Anchor | None:
    return Anchor.from_json(data) if data is not None else None


def _text_block(block: TextBlock | None) -> dict | None:
    if block is None:
        return None
    return {"text": block.text, "anchor": block.anchor.to_json()}


def _text_block_in(data: dict | None) -> TextBlock | None:
    if data is None:
        return None
    return TextBlock(text=data["text"], anchor=Anchor.from_json(data.get("anchor")))


def _cell(cell: Cell) -> dict[str, Any]:
    out: dict[str, Any] = {
        "text": cell.text,
        "value": cell.value,
        "state": cell.state,
        "anchor": cell.anchor.to_json(),
    }
    if cell.unit is not None:
        out["unit"] = cell.unit
    if cell.note is not None:
        out["note"] = cell.note
    return out


def _table(table: Table) -> dict[str, Any]:
    return {
        "present": table.present,
        "anchor": _anchor(table.anchor),
        "edition": table.edition,
        "title": table.title,
        "columns": {
            k: {"label": c.label, "anchor": _anchor(c.anchor), "label_match": c.label_match}
            for k, c in table.columns.items()
        },
        "rows": {
            k: {
                "label": r.label,
                "label_match": r.label_match,
                "anchor": r.anchor.to_json(),
                "cells": {ck: _cell(c) for ck, c in r.cells.items()},
            }
            for k, r in table.rows.items()
        },
        "extra_rows": list(table.extra_rows),
        "unread": [
            {"label": u.label, "row_id": u.row_id, "reason": u.reason} for u in table.unread
        ],
    }


def _table_in(data: dict | None) -> Table:
    if not data:
        return ABSENT
    return Table(
        present=data.get("present", False),
        anchor=_anchor_in(data.get("anchor")),
        edition=data.get("edition"),
        title=data.get("title"),
        columns={
            k: Column(
                id=k,
                label=c["label"],
                anchor=_anchor_in(c.get("anchor")),
                label_match=c.get("label_match", "exact"),
            )
            for k, c in (data.get("columns") or {}).items()
        },
        rows={
            k: Row(
                id=k,
                label=r["label"],
                anchor=Anchor.from_json(r.get("anchor")),
                label_match=r.get("label_match", "exact"),
                cells={
                    ck: Cell(
                        text=c["text"],
                        value=c.get("value"),
                        state=c["state"],
                        anchor=Anchor.from_json(c.get("anchor")),
                        unit=c.get("unit"),
                        note=c.get("note"),
                    )
                    for ck, c in r["cells"].items()
                },
            )
            for k, r in (data.get("rows") or {}).items()
        },
        extra_rows=tuple(data.get("extra_rows") or ()),
        unread=tuple(
            UnreadRow(u["label"], u.get("row_id"), u.get("reason", "cells"))
            for u in data.get("unread") or ()
        ),
    )
