"""Findings: what a rule reports, in both languages, pointing at IR nodes."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any, Literal, NamedTuple

from linter.document import ANCHOR_FIELDS, Anchor, fast_init, pickle_by_fields

Level = Literal["error", "warning", "note"]
LEVELS: tuple[Level, ...] = ("error", "warning", "note")


@fast_init  # one per finding and related cell
@dataclass(frozen=True, slots=True)
class Location:
    """A place in the report: a source anchor plus the logical path of the IR node.

    ``logical`` reads like ``三/new_received/total`` (section / row id / column id);
    ``label_zh``/``label_en`` describe the place for people (“第三部分 一、本年新收… / 总计”).
    """

    anchor: Anchor
    logical: str | None = None
    label_zh: str | None = None
    label_en: str | None = None
    # Another report, for related locations in it (cross-year rules); None: this one.
    path: str | None = None


class Related(Sequence):
    """A finding's related locations, made when something first reads them: an identity
    over a table column relates every cell of it (AP102: thirty), yet SARIF lists them
    only with --sarif-related-locations and the counts never read them. ``make`` builds
    the locations; ``count`` says how many without building them. Reads, compares and
    pickles as the tuple it stands for."""

    __slots__ = ("_make", "_made", "_count")

    def __init__(self, make: Callable[[], Iterable[Location]], count: int) -> None:
        self._make: Callable[[], Iterable[Location]] | None = make
        self._made: tuple[Location, ...] | None = None
        self._count = count

    def _items(self) -> tuple[Location, ...]:
        made = self._made
        if made is None:
            assert self._make is not None
            made = self._made = tuple(self._make())
            self._make = None  # what it was made from is no longer held
        return made

    def __len__(self) -> int:
        return self._count if self._made is None else len(self._made)

    def __bool__(self) -> bool:
        return len(self) > 0

    def __getitem__(self, index: Any) -> Any:
        return self._items()[index]

    def __iter__(self) -> Iterator[Location]:
        return iter(self._items())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Related):
            other = other._items()
        return self._items() == other if isinstance(other, tuple) else NotImplemented

    def __hash__(self) -> int:
        return hash(self._items())

    def __repr__(self) -> str:
        return repr(self._items())

    def __reduce__(self) -> tuple:
        return (tuple, (self._items(),))


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    name: str
    level: Level
    path: str
    message_zh: str
    message_en: str
    location: Location
    sub_id: str | None = None
    related: tuple[Location, ...] | Related = ()
    expected: float | int | None = None
    reported: float | int | None = None
    # True when the tool failed (a rule raised, a file could not be read): also a
    # toolExecutionNotification in SARIF.
    tool_failure: bool = False
    properties: dict[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Identities add exactly (Decimal, linter.arith); the outputs carry JSON numbers.
        for name in ("expected", "reported"):
            v = getattr(self, name)
            if v is not None and not isinstance(v, int | float):
                integral = v == v.to_integral_value()
                object.__setattr__(self, name, int(v) if integral else float(v))

    def message(self, lang: str) -> str:
        return self.message_en if lang == "en" else self.message_zh

    @property
    def rule_key(self) -> str:
        return f"{self.code}/{self.sub_id}" if self.sub_id else self.code

    def sort_key(self) -> tuple:
        a = self.location.anchor
        return (
            self.path,
            a.line or 0,
            a.column or 0,
            a.table or 0,
            a.row or 0,
            a.cell or 0,
            self.code,
            self.sub_id or "",
        )


pickle_by_fields(Location)
pickle_by_fields(Finding)

# --- findings crossing from a worker (see linter.engine.FileResult) -----------------------

# A finding as one flat tuple of plain values (its location's and anchor's fields
# inlined, without related locations): a list of them pickles in one C pass, where
# Finding, Location and Anchor objects each cost a Python call to pickle and another
# to build back, for the twenty-odd findings of a report.
_OWN = tuple(f.name for f in fields(Finding) if f.name not in ("location", "related"))
_own_values = attrgetter(*_OWN)
_location_values = attrgetter("logical", "label_zh", "label_en", "path")
_anchor_values = attrgetter(*ANCHOR_FIELDS)
_N_OWN, _N_ANCHOR = len(_OWN), len(ANCHOR_FIELDS)


def flat_light(findings: list[Finding]) -> list[tuple]:
    """The findings as flat tuples, related locations left out (:func:`from_flat`)."""
    return [
        (*_own_values(f), *_location_values(f.location), *_anchor_values(f.location.anchor))
        for f in findings
    ]


def _finding_builder():
    """``build(own, location)``: a Finding from its own fields' values (in ``_OWN``
    order, already converted as ``__post_init__`` leaves them) without running
    ``__init__`` and ``__post_init__`` again: each slot is set through its descriptor."""
    setters = {name: Finding.__dict__[name].__set__ for name in (*_OWN, "location", "related")}
    namespace: dict[str, object] = {"_new": object.__new__, "_Finding": Finding}
    lines = ["def build(own, location):", "    f = _new(_Finding)"]
    for i, name in enumerate(_OWN):
        namespace[f"_set_{name}"] = setters[name]
        lines.append(f"    _set_{name}(f, own[{i}])")
    namespace["_set_location"] = setters["location"]
    namespace["_set_related"] = setters["related"]
    lines += ["    _set_location(f, location)", "    _set_related(f, ())", "    return f"]
    exec("\n".join(lines) + "\n", namespace)  # as fast_init builds __init__
    return namespace["build"]


_build = _finding_builder()


class Tally(NamedTuple):
    """What the parent process counts of a finding whose output a worker already rendered
    (linter.batch.rendered): the summary, the exit code and the progress line read only
    these. Reading anything else of it (a message, a location) fails loudly: a caller that
    needs whole findings asks the worker for them (``EngineSpec.whole_findings``)."""

    code: str
    name: str
    level: str
    path: str


_tally_values = attrgetter("code", "name", "level", "path")


def tallies(findings: list[Finding]) -> list[Tally]:
    return [Tally(*_tally_values(f)) for f in findings]


def from_flat(rows: list[tuple]) -> list[Finding]:
    """Findings back from :func:`flat_light`'s tuples."""
    a = _N_OWN + 4
    return [_build(row, Location(Anchor(*row[a : a + _N_ANCHOR]), *row[_N_OWN:a])) for row in rows]
