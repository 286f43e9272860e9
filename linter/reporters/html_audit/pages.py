"""What one report's page shows, computed from its intermediate form and findings.

The page re-renders the report's tables from the IR (never from the source file), with
each cell a finding points at marked by the finding's level and number; the narrative
with the paragraphs (and quoted passages) findings point at marked the same way. These
are plain view objects; the template turns them into HTML (autoescaped).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from linter.document import Anchor
from linter.finding import LEVELS, Finding
from linter.labels import APPLICATION_COLUMNS, REVIEW_GROUPS, REVIEW_OUTCOMES, SECTION_NUMERALS
from linter.model import Report, Table

# Properties of a finding that quote the report's own words (highlighted in the text).
QUOTE_PROPERTIES = ("passage", "quote", "statement", "word", "words", "text")


@dataclass
class Mark:
    """A finding pointing at a place: its number on the page, level and message."""

    number: int
    code: str
    level: str
    message: str
    related: bool = False  # the place is one of the finding's related locations


class CellView:
    """A table cell as shown: its text and the findings pointing at it (computed once:
    a page has hundreds of cells)."""

    __slots__ = ("text", "marks", "header", "level", "related_only", "codes", "tooltip")

    def __init__(self, text: str, marks: list[Mark] | None = None, header: bool = False):
        self.text = text
        self.marks = marks or []
        self.header = header
        primary = [m.level for m in self.marks if not m.related]
        levels = primary or [m.level for m in self.marks]
        # The most severe level pointing here (primary places before related ones).
        self.level = next((lv for lv in LEVELS if lv in levels), None)
        self.related_only = bool(self.marks) and not primary
        self.codes = " ".join(sorted({m.code for m in self.marks}))
        # The message in full where the finding points; a related cell (one of the many
        # cells of an identity or a blank-cell list) names the finding only, or a page
        # would repeat a long message on every cell of a table.
        self.tooltip = "\n".join(
            f"[{m.number}] {m.code}" if m.related else f"[{m.number}] {m.code} {m.message}"
            for m in self.marks
        )


@dataclass
class TableView:
    key: str  # an id for the page (applications, review_litigation, article20-item1)
    title: str
    header: list[str]
    rows: list[list[CellView]]
    marks: list[Mark] = field(default_factory=list)  # every finding pointing into it


@dataclass
class ParagraphView:
    # (text, marks) pieces: marked pieces are passages a finding quotes.
    pieces: list[tuple[str, list[Mark]]]
    marks: list[Mark] = field(default_factory=list)

    @property
    def level(self) -> str | None:
        return next((lv for lv in LEVELS if any(m.level == lv for m in self.marks)), None)

    @property
    def tooltip(self) -> str:
        return "\n".join(f"[{m.number}] {m.code} {m.message}" for m in self.marks)


@dataclass
class SectionView:
    number: int | None
    heading: str
    paragraphs: list[ParagraphView]
    findings: list[tuple[Mark, Finding]] = field(default_factory=list)


class Marks:
    """Findings by the anchors they point at (their own and their related locations)."""

    def __init__(self, findings: Iterable[tuple[Mark, Finding]]) -> None:
        self.by_anchor: dict[Anchor, list[Mark]] = {}
        self.by_line: dict[int, list[tuple[Mark, int | None]]] = {}
        self.by_paragraph: dict[int, list[Mark]] = {}
        self.used: set[int] = set()
        for mark, f in findings:
            self._add(f.location.anchor, mark, f.location.path)
            for r in f.related:
                if r.path is None or r.path == f.path:
                    related = Mark(mark.number, mark.code, mark.level, mark.message, related=True)
                    self._add(r.anchor, related, None)

    def _add(self, anchor: Anchor, mark: Mark, other_path: str | None) -> None:
        if other_path is not None or anchor == Anchor():
            return
        self.by_anchor.setdefault(anchor, []).append(mark)
        if anchor.paragraph is not None:
            self.by_paragraph.setdefault(anchor.paragraph, []).append(mark)
        elif anchor.line is not None and anchor.table is None:
            self.by_line.setdefault(anchor.line, []).append((mark, anchor.column))

    def at(self, anchor: Anchor | None) -> list[Mark]:
        if anchor is None or anchor == Anchor():
            return []
        marks = _unique(self.by_anchor.get(anchor, []))
        self.used.update(m.number for m in marks)
        return marks

    def in_block(self, anchor: Anchor, next_column: int | None = None) -> list[Mark]:
        """Marks on a paragraph: its DOCX paragraph index, or a place on its line from its
        first column up to ``next_column`` (where the next block on the line starts: an
        HTML page may hold many paragraphs on one line)."""
        if anchor.paragraph is not None:
            marks = self.by_paragraph.get(anchor.paragraph, [])
        elif anchor.line is not None:
            start = anchor.column or 1
            marks = [
                m
                for m, column in self.by_line.get(anchor.line, [])
                if start <= (column or 1) and (next_column is None or (column or 1) < next_column)
            ]
        else:
            marks = []
        marks = _unique(marks)
        self.used.update(m.number for m in marks)
        return marks


def _ordered(ids: Iterable[str], order: Iterable[str]) -> list[str]:
    ids = list(ids)
    rank = {k: i for i, k in enumerate(order)}
    return sorted(ids, key=lambda k: (rank.get(k, len(rank)), ids.index(k)))


def _cell_text(cell) -> str:
    if cell is None:
        return ""
    return cell.text.replace("\n", " ")


def grid_table(key: str, title: str, table: Table, marks: Marks, column_order=()) -> TableView:
    columns = _ordered(table.columns, column_order)
    header = [""] + [table.columns[c].label.replace("\n", "") for c in columns]
    rows: list[list[CellView]] = []
    found: list[Mark] = []
    for row in table.rows.values():
        label = CellView(row.label.replace("\n", ""), marks.at(row.anchor), header=True)
        line = [label]
        for column in columns:
            cell = row.cells.get(column)
            view = CellView(_cell_text(cell), marks.at(cell.anchor) if cell else [])
            line.append(view)
        rows.append(line)
        found += [m for v in line for m in v.marks]
    for column in columns:
        found += marks.at(table.columns[column].anchor)
    found += marks.at(table.anchor)
    return TableView(key, title, header, rows, _unique(found))


def review_table(table: Table, marks: Marks, title: str) -> TableView:
    """Section 四: the IR keeps one row of ``group.outcome`` cells; shown as the printed
    grid, one row per group, one column per outcome."""
    (row,) = table.rows.values() if len(table.rows) == 1 else (None,)
    if row is None or not all("." in c for c in row.cells):
        return grid_table("review_litigation", title, table, marks)
    header = [""] + [o.label for o in REVIEW_OUTCOMES]
    rows = []
    found: list[Mark] = []
    for group in REVIEW_GROUPS:
        line = [CellView(group.label, header=True)]
        for outcome in REVIEW_OUTCOMES:
            cell = row.cells.get(f"{group.id}.{outcome.id}")
            line.append(CellView(_cell_text(cell), marks.at(cell.anchor) if cell else []))
        rows.append(line)
        found += [m for v in line for m in v.marks]
    for column in table.columns.values():
        found += marks.at(column.anchor)
    found += marks.at(row.anchor) + marks.at(table.anchor)
    return TableView("review_litigation", title, header, rows, _unique(found))


def _unique(marks: list[Mark]) -> list[Mark]:
    seen: dict[int, Mark] = {}
    for m in marks:
        if m.number not in seen or seen[m.number].related:
            seen[m.number] = m
    return sorted(seen.values(), key=lambda m: m.number)


def tables(report: Report, marks: Marks, en: bool) -> list[TableView]:
    views = []
    for item_id, item in report.article20.items.items():
        if item.present and item.rows:
            title = item.title or item_id
            views.append(grid_table(f"article20-{item_id}", f"二 {title}", item, marks))
    if report.applications.present and report.applications.rows:
        views.append(
            grid_table(
                "applications",
                "三 " + ("applications" if en else "收到和处理政府信息公开申请情况"),
                report.applications,
                marks,
                [c.id for c in APPLICATION_COLUMNS],
            )
        )
    if report.review_litigation.present and report.review_litigation.rows:
        views.append(
            review_table(
                report.review_litigation,
                marks,
                "四 " + ("review and litigation" if en else "行政复议、行政诉讼情况"),
            )
        )
    return views


def _pieces(text: str, quotes: list[tuple[str, Mark]]) -> list[tuple[str, list[Mark]]]:
    """``text`` split so that each quoted passage found in it is its own marked piece."""
    spans: list[tuple[int, int, Mark]] = []
    for quote, mark in quotes:
        start = text.find(quote)
        if start >= 0:
            spans.append((start, start + len(quote), mark))
    if not spans:
        return [(text, [])]
    spans.sort(key=lambda s: s[0])
    out: list[tuple[str, list[Mark]]] = []
    at = 0
    for start, end, mark in spans:
        if start < at:  # overlapping quotes: keep the first
            continue
        if start > at:
            out.append((text[at:start], []))
        out.append((text[start:end], [mark]))
        at = end
    if at < len(text):
        out.append((text[at:], []))
    return out


def narrative(
    report: Report, marks: Marks, numbered: list[tuple[Mark, Finding]]
) -> list[SectionView]:
    """The preamble and the six sections, paragraphs marked, each section's findings."""
    quotes = [
        (str(f.properties[key]), mark)
        for mark, f in numbered
        for key in QUOTE_PROPERTIES
        if isinstance(f.properties.get(key), str) and len(str(f.properties[key])) >= 2
    ]
    # A finding about a statement of the narrative (TX): its clause is marked wherever it
    # stands, and its figure in the paragraph the finding points at.
    statements: dict[Anchor, list] = {}
    for st in report.statements or ():
        statements.setdefault(st.anchor, []).append(st)
    figures: dict[int, str] = {}
    for mark, f in numbered:
        # Several statements may share an anchor (a paragraph of a web page): the one the
        # finding quotes.
        candidates = statements.get(f.location.anchor, [])
        statement = next(
            (st for st in candidates if st.text in f.message_zh and st.value == f.reported),
            next(
                (st for st in candidates if st.value == f.reported),
                candidates[0] if len(candidates) == 1 else None,
            ),
        )
        if statement is not None:
            if len(statement.text) >= 4:
                quotes.append((statement.text, mark))
            figures[mark.number] = statement.figure

    # Where each block starts, by line: a place on a line belongs to the block before it.
    starts: dict[int, list[int]] = {}
    blocks = [*report.preamble, *(p for s in report.sections for p in s.paragraphs)]
    for block in blocks + [s.anchor for s in report.sections]:
        anchor = block if isinstance(block, Anchor) else block.anchor
        if anchor.line is not None and anchor.paragraph is None:
            starts.setdefault(anchor.line, []).append(anchor.column or 1)

    def next_start(anchor: Anchor) -> int | None:
        later = [c for c in starts.get(anchor.line or 0, ()) if c > (anchor.column or 1)]
        return min(later) if later else None

    def paragraph(block) -> ParagraphView:
        found = marks.in_block(block.anchor, next_start(block.anchor))
        here = [(figures[m.number], m) for m in found if m.number in figures]
        pieces = _pieces(block.text, quotes + here)
        for _, ms in pieces:
            marks.used.update(m.number for m in ms)
            found += [m for m in ms if m not in found]
        return ParagraphView(pieces, _unique(found))

    views = []
    if report.preamble:
        views.append(SectionView(None, "", [paragraph(p) for p in report.preamble]))
    for section in report.sections:
        paragraphs = [paragraph(p) for p in section.paragraphs]
        head = marks.at(section.anchor)
        views.append(
            SectionView(
                section.number,
                section.heading,
                [ParagraphView([(section.heading, [])], head)] + paragraphs if head else paragraphs,
            )
        )
    return views


def section_of(finding: Finding, report: Report) -> int | None:
    """The section (1–6) a finding is about, from its logical location or its anchor."""
    logical = finding.location.logical or ""
    head = logical.split("/")[0]
    if head and head in SECTION_NUMERALS:
        return SECTION_NUMERALS.index(head) + 1
    if head == "section":
        try:
            return int(logical.split("/")[1])
        except (IndexError, ValueError):
            return None
    anchor = finding.location.anchor
    position = anchor.paragraph if anchor.paragraph is not None else anchor.line
    if position is None:
        return None
    found = None
    for section in report.sections:
        start = section.anchor.paragraph if anchor.paragraph is not None else section.anchor.line
        if start is not None and start <= position:
            found = section.number
    return found
