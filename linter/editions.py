"""The editions of the report format, as data: the one place that knows them.

The national format has changed twice since 2019 (国办公开办函〔2019〕60号, 〔2021〕30号) and
will change again; provinces add rows. Each :class:`Edition` says which report years it
applies to, the rows of its section-三 table, its 第二十条 items (rows and columns), the
labels that only it prints (which recognise it), what else it asks of a report
(``features``) and how it is named in Chinese and English. The interpreter's
recognisers, the year→edition mapping, the rules' ``needs``, the documentation, the CLI
and the schema enums all come from :data:`REGISTRY`.

A new edition is an addition here (or a :func:`register` call from a plugin or a test):
no other module names an edition.

A rule says what it needs with ``needs``: a *concept* is a place in the tables,
``table/row/column`` (``applications/other_handling.unpaid_fee``,
``article20/item1/rules/issued``, ``article20/item9``), or a feature word of the edition
(``overview-topics``). An edition has a concept when its tables have that place, or it
lists the feature.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, lru_cache

from linter import labels as L
from linter.labels import ColumnSpec, ItemSpec, RowSpec
from linter.textnorm import key


@dataclass(frozen=True)
class Edition:
    id: str
    first_year: int  # the first report year it applies to
    last_year: int | None  # the last one (None: still in force)
    name_zh: str  # short: "2021 年格式（国办公开办函〔2021〕30号）"
    name_en: str
    short_zh: str  # "2019 年试行格式"
    short_en: str  # "the 2019 trial format"
    # With the report years it applies to (ST003's messages).
    long_zh: str
    long_en: str
    # What its tables print, told to someone who used another edition (ST003).
    expects_zh: str
    expects_en: str
    # How its section-三 table shows itself when section 二 is missing (ST003 evidence).
    applications_mark_zh: str
    # Row ids of its section-三 table, in printed order (see labels.APPLICATION_ROWS).
    application_row_ids: tuple[str, ...]
    article20_items: tuple[ItemSpec, ...]
    # Labels of section 二 that only this edition prints: they fingerprint it (FORMATS §0).
    fingerprints: tuple[str, ...]
    # What the edition asks of a report besides its tables (rules' ``needs``).
    features: frozenset[str] = frozenset()
    # Extra section-三 rows this edition defines (a province's added row): RowSpecs not in
    # labels.APPLICATION_ROWS, placed by application_row_ids.
    extra_rows: tuple[RowSpec, ...] = ()

    def years_zh(self) -> str:
        if self.last_year is None:
            return f"{self.first_year} 年度及以后"
        return f"{self.first_year}–{self.last_year} 年度"

    @property
    def application_rows(self) -> tuple[RowSpec, ...]:
        by_id = {r.id: r for r in (*L.APPLICATION_ROWS, *self.extra_rows)}
        return tuple(by_id[i] for i in self.application_row_ids)

    def item(self, item_id: str) -> ItemSpec | None:
        return next((s for s in self.article20_items if s.id == item_id), None)

    def has(self, concept: str) -> bool:
        """Whether this edition has ``concept`` (see the module's docstring)."""
        if concept in self.features:
            return True
        table, _, rest = concept.partition("/")
        parts = rest.split("/") if rest else []
        if table == "applications":
            if not parts or parts[0] in self.application_row_ids:
                return len(parts) < 2 or parts[1] in {c.id for c in L.APPLICATION_COLUMNS}
            return False
        if table == "article20":
            if not parts:
                return bool(self.article20_items)
            spec = self.item(parts[0])
            if spec is None:
                return False
            if len(parts) >= 2 and parts[1] not in {r.id for r in spec.rows} | {"*"}:
                return False
            return len(parts) < 3 or parts[2] in {c.id for c in spec.columns}
        if table == "review_litigation":
            return True
        return False

    def has_all(self, concepts: Iterable[str]) -> bool:
        return all(self.has(c) for c in concepts)

    def outcome_row_ids(self) -> tuple[str, ...]:
        """Rows summed into （七）总计 (T3-TOT)."""
        return tuple(r for r in self.application_row_ids if r not in L.APPLICATION_NON_OUTCOMES)


class EditionError(ValueError):
    """An edition that cannot be registered (an id taken, a row that does not exist …)."""


@dataclass
class Registry:
    editions: list[Edition] = field(default_factory=list)
    # Bumped on every change, so caches built from the registry know they are stale.
    version: int = 0

    def register(self, edition: Edition) -> None:
        if any(e.id == edition.id for e in self.editions):
            raise EditionError(f"edition {edition.id!r} is already registered")
        known = {r.id for r in (*L.APPLICATION_ROWS, *edition.extra_rows)}
        unknown = [r for r in edition.application_row_ids if r not in known]
        if unknown:
            raise EditionError(f"edition {edition.id!r}: unknown section-3 rows {unknown}")
        self.editions.append(edition)
        self.editions.sort(key=lambda e: e.first_year)
        self.version += 1

    def unregister(self, edition_id: str) -> None:
        self.editions = [e for e in self.editions if e.id != edition_id]
        self.version += 1


REGISTRY = Registry()


def register(edition: Edition) -> None:
    REGISTRY.register(edition)


@contextmanager
def registered(edition: Edition) -> Iterator[Edition]:
    """Register ``edition`` for the duration of a ``with`` block (tests, experiments)."""
    REGISTRY.register(edition)
    try:
        yield edition
    finally:
        REGISTRY.unregister(edition.id)


def all_editions() -> tuple[Edition, ...]:
    return tuple(REGISTRY.editions)


def ids() -> tuple[str, ...]:
    return tuple(e.id for e in REGISTRY.editions)


def get(edition_id: str | None) -> Edition | None:
    return _by_id(REGISTRY.version).get(edition_id)  # type: ignore[arg-type]


@lru_cache(maxsize=8)
def _by_id(version: int) -> dict[str, Edition]:
    """The registered editions by id (by the registry's version: asked by rules for
    every report)."""
    return {e.id: e for e in REGISTRY.editions}


def for_year(year: int) -> Edition:
    """The edition a report on ``year`` follows: the newest one in force by then (a year
    before the first edition gets the first)."""
    started = [e for e in REGISTRY.editions if e.first_year <= year]
    return max(started, key=lambda e: e.first_year) if started else REGISTRY.editions[0]


def current() -> Edition:
    """The edition in force now: what a rule assumes when nothing decides the edition."""
    return for_year(datetime.date.today().year - 1)


def having(concepts: Iterable[str]) -> tuple[str, ...]:
    """Ids of the editions that have every one of ``concepts``."""
    wanted = tuple(concepts)
    return tuple(e.id for e in REGISTRY.editions if e.has_all(wanted))


def has(edition_id: str | None, concepts: Iterable[str]) -> bool:
    """Whether the edition ``edition_id`` (a known one) has every one of ``concepts``."""
    return _has(edition_id, tuple(concepts), REGISTRY.version)


@lru_cache(maxsize=1024)  # (rules ask the same few questions of every report)
def _has(edition_id: str | None, concepts: tuple[str, ...], version: int) -> bool:
    edition = get(edition_id)
    return edition is not None and edition.has_all(concepts)


def name_zh(edition_id: str) -> str:
    edition = get(edition_id)
    return edition.name_zh if edition else edition_id


def name_en(edition_id: str) -> str:
    edition = get(edition_id)
    return edition.name_en if edition else edition_id


@cache
def _application_rows(version: int) -> tuple[RowSpec, ...]:
    # Every edition's rows in one printed order: each edition's rows, a row not seen yet
    # placed after the row it follows in that edition.
    merged: list[RowSpec] = []
    for edition in REGISTRY.editions:
        last = -1
        for spec in edition.application_rows:
            at = next((i for i, r in enumerate(merged) if r.id == spec.id), None)
            if at is None:
                merged.insert(last + 1, spec)
                last += 1
            else:
                last = at
    return tuple(merged)


def application_rows() -> tuple[RowSpec, ...]:
    """Every section-三 row of any registered edition, in printed order."""
    return _application_rows(REGISTRY.version)


def first_year() -> int:
    """The first year a registered national format applies to (2019): reports on the
    years before it followed no national format."""
    return min(e.first_year for e in REGISTRY.editions)


@lru_cache(maxsize=8)
def _article20_column_keys(version: int) -> frozenset[str]:
    return frozenset(
        key(c.label) for e in REGISTRY.editions for item in e.article20_items for c in item.columns
    )


def article20_column_keys() -> frozenset[str]:
    """The keys (textnorm.key) of every registered edition's section-二 column labels."""
    return _article20_column_keys(REGISTRY.version)


def editions_of_row(row_id: str) -> tuple[str, ...]:
    return tuple(e.id for e in REGISTRY.editions if row_id in e.application_row_ids)


# --- the national editions -----------------------------------------------------------------

_ITEM1_2019 = ItemSpec(
    "item1",
    "一",
    (RowSpec("rules", "规章", ""), RowSpec("normative_documents", "规范性文件", "")),
    (
        ColumnSpec("new_made", "本年新制作数量"),
        ColumnSpec("new_published", "本年新公开数量"),
        ColumnSpec("total_published", "对外公开总数量"),
    ),
)
_ITEM_COUNT_COLUMNS_2019 = (
    ColumnSpec("previous_count", "上一年项目数量"),
    ColumnSpec("change", "本年增/减"),
    ColumnSpec("decisions", "处理决定数量"),
)
ARTICLE20_ITEMS_2019 = (
    _ITEM1_2019,
    ItemSpec(
        "item5",
        "五",
        (
            RowSpec("licensing", "行政许可", ""),
            RowSpec("other_services", "其他对外管理服务事项", ""),
        ),
        _ITEM_COUNT_COLUMNS_2019,
    ),
    ItemSpec(
        "item6",
        "六",
        (RowSpec("penalty", "行政处罚", ""), RowSpec("coercion", "行政强制", "")),
        _ITEM_COUNT_COLUMNS_2019,
    ),
    ItemSpec(
        "item8",
        "八",
        (RowSpec("fees", "行政事业性收费", ""),),
        _ITEM_COUNT_COLUMNS_2019[:2],
    ),
    ItemSpec(
        "item9",
        "九",
        (RowSpec("procurement", "政府集中采购", ""),),
        (ColumnSpec("projects", "采购项目数量"), ColumnSpec("amount", "采购总金额")),
    ),
)
ARTICLE20_ITEMS_2021 = (
    ItemSpec(
        "item1",
        "一",
        (RowSpec("rules", "规章", ""), RowSpec("normative_documents", "行政规范性文件", "")),
        (
            ColumnSpec("issued", "本年制发件数"),
            ColumnSpec("repealed", "本年废止件数"),
            ColumnSpec("in_force", "现行有效件数"),
        ),
    ),
    ItemSpec(
        "item5",
        "五",
        (RowSpec("licensing", "行政许可", ""),),
        (ColumnSpec("decisions", "本年处理决定数量"),),
    ),
    ItemSpec(
        "item6",
        "六",
        (RowSpec("penalty", "行政处罚", ""), RowSpec("coercion", "行政强制", "")),
        (ColumnSpec("decisions", "本年处理决定数量"),),
    ),
    ItemSpec(
        "item8",
        "八",
        (RowSpec("fees", "行政事业性收费", ""),),
        (ColumnSpec("amount", "本年收费金额（单位：万元）"),),
    ),
)

_COMMON_ROWS_BEFORE = tuple(
    r.id for r in L.APPLICATION_ROWS if r.group != "other_handling" and r.id != "other_handling"
)
_OUTCOME_TAIL = ("outcome_total", "carried_forward")
_BEFORE_OTHER = tuple(r for r in _COMMON_ROWS_BEFORE if r not in _OUTCOME_TAIL)

TRIAL_2019 = Edition(
    id="2019",
    first_year=2019,
    last_year=2020,
    name_zh="2019 年试行格式（国办公开办函〔2019〕60号）",
    name_en="the 2019 trial format (国办公开办函〔2019〕60号)",
    short_zh="2019 年试行格式",
    short_en="the 2019 trial format",
    long_zh="2019 年试行格式（国办公开办函〔2019〕60号，适用于 2019、2020 年度报告）",
    long_en="the 2019 trial format (国办公开办函〔2019〕60号, for report years 2019–2020)",
    expects_zh="第二十条第（一）项为本年新制作数量、本年新公开数量、对外公开总数量，并有第（九）项政府集中采购",
    expects_en="item (1) with 本年新制作数量, 本年新公开数量, 对外公开总数量, and an item (9) 政府集中采购",
    applications_mark_zh="（六）其他处理为一行",
    application_row_ids=(*_BEFORE_OTHER, "other_handling", *_OUTCOME_TAIL),
    article20_items=ARTICLE20_ITEMS_2019,
    fingerprints=(
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
        "上一年项目数量",
        "本年增/减",
        "采购项目数量",
        "采购总金额",
        "政府集中采购",
        "其他对外管理服务事项",
    ),
)

FORMAT_2021 = Edition(
    id="2021",
    first_year=2021,
    last_year=None,
    name_zh="2021 年格式（国办公开办函〔2021〕30号）",
    name_en="the 2021 format (国办公开办函〔2021〕30号)",
    short_zh="2021 年格式",
    short_en="the 2021 format",
    long_zh="2021 年格式（国办公开办函〔2021〕30号，适用于 2021 年度及以后的报告）",
    long_en="the 2021 format (国办公开办函〔2021〕30号, for report years 2021 onward)",
    expects_zh="第二十条第（一）项为本年制发件数、本年废止件数、现行有效件数，第（五）（六）项为本年处理决定数量，"
    "第（八）项为本年收费金额（单位：万元），没有第（九）项",
    expects_en="item (1) with 本年制发件数, 本年废止件数, 现行有效件数; items (5)(6) with 本年处理决定数量; "
    "item (8) with 本年收费金额（单位：万元）; no item (9)",
    applications_mark_zh="（六）其他处理下分 3 个子项",
    application_row_ids=(
        *_BEFORE_OTHER,
        "other_handling.no_correction",
        "other_handling.unpaid_fee",
        "other_handling.other",
        *_OUTCOME_TAIL,
    ),
    article20_items=ARTICLE20_ITEMS_2021,
    fingerprints=(
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
        "本年处理决定数量",
        "本年收费金额",
    ),
    features=frozenset(
        {
            # 一、总体情况 names the aspects the 2021 notice lists (ST007).
            "overview-topics",
            # 五 reports how last year's problems were rectified (PI004).
            "problems-rectification",
            # 六 reports the information processing fee collected (OM001, OM002).
            "fee-reporting",
        }
    ),
)

register(TRIAL_2019)
register(FORMAT_2021)


# --- the schemas' enums --------------------------------------------------------------------

SCHEMAS = ("report.schema.json", "config.schema.json", "output.schema.json")
_ENUM = re.compile(r'("enum"\s*:\s*\[)([^\[\]]*)(\])')


def _year_mapping() -> str:
    parts = []
    for e in REGISTRY.editions:
        years = f"{e.first_year}–{e.last_year}" if e.last_year else f"{e.first_year} on"
        parts.append(f"{years} → {e.id}")
    return ", ".join(parts)


def _edition_enum(values: list) -> bool:
    years = [v for v in values if v is not None and v != "auto"]
    return bool(years) and all(isinstance(v, str) and v.isdigit() for v in years)


def schema_text_with_enums(text: str) -> str:
    """A schema's text with every edition enum (an enum of edition ids, with ``auto`` or
    ``null`` kept where they were) listing the registered editions; the file's own layout
    is kept."""
    import json

    def one(m: re.Match) -> str:
        inner = m.group(2)
        values = json.loads(f"[{inner}]")
        if not _edition_enum(values):
            return m.group(0)
        new = [
            *(v for v in values if v == "auto"),
            *ids(),
            *(v for v in values if v is None),
        ]
        items = [json.dumps(v, ensure_ascii=False) for v in new]
        if "\n" in inner:
            indent = re.match(r"\s*", inner.lstrip("\n")).group(0)
            close = inner[inner.rstrip().__len__() :]
            return m.group(1) + "\n" + ",\n".join(indent + i for i in items) + close + m.group(3)
        return m.group(1) + ", ".join(items) + m.group(3)

    out = _ENUM.sub(one, text)
    description = "Format edition: auto (by report year: "
    out = re.sub(
        re.escape(description) + r"[^)]*\) or forced\.",
        lambda _m: f"{description}{_year_mapping()}) or forced.",
        out,
    )
    return out


def schema_texts(folder) -> dict:
    """{path: (current text, the text the registry wants)} for the schemas with edition enums."""
    from pathlib import Path

    out = {}
    for name in SCHEMAS:
        path = Path(folder) / name
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            out[path] = (text, schema_text_with_enums(text))
    return out


def main(argv: list[str] | None = None) -> int:
    """``python -m linter.editions [--check]``: write (or check) the schemas' edition enums."""
    import sys
    from pathlib import Path

    args = sys.argv[1:] if argv is None else argv
    folder = Path(__file__).resolve().parent.parent / "schemas"
    stale = []
    for path, (text, wanted) in schema_texts(folder).items():
        if text != wanted:
            stale.append(path)
            if "--check" not in args:
                path.write_text(wanted, encoding="utf-8")
    if stale and "--check" in args:
        print("edition enums out of date: " + ", ".join(map(str, stale)), file=sys.stderr)
        print("run: python -m linter.editions", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
