"""The rule base class and its metadata.

A rule is a class: its metadata (code, name, level, editions, basis, summaries in
Chinese and English, grade of its basis) is validated when the class is defined, and
its docstring is the source of its documentation page. ``check`` sees one report and
yields findings; it never does I/O and never computes positions: it points at IR nodes
(their anchors) through :meth:`Rule.finding`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any, ClassVar

from linter import editions as _editions
from linter.document import Anchor
from linter.finding import LEVELS, Finding, Level, Location, Related
from linter.model import Report

_CODE = re.compile(r"^[A-Z]{2}\d{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
GRADES = ("A", "B", "C", "D", "U")
PRECISIONS = ("very-high", "high", "medium", "low")


class _Editions:
    """``rule.editions``: the ids of the registered editions the rule applies to — those
    that have everything in its ``needs`` (and, when a rule restricts itself with an
    ``editions`` tuple of its own, only those). Computed from the registry each time, so
    an edition added later is checked by every rule whose needs it meets."""

    def __get__(self, obj: object, cls: type) -> tuple[str, ...]:
        # asked for every rule and report: worked out once per class and registry version
        return _editions_of(cls, _editions.REGISTRY.version)


@cache
def _editions_of(cls: type, version: int) -> tuple[str, ...]:
    own = getattr(cls, "_declared_editions", None)
    found = _editions.having(cls.needs)
    return tuple(e for e in found if own is None or e in own)


@dataclass(frozen=True)
class Skip:
    """A rule could not check this report because an input is missing (no publication
    date, issuer kind unknown …). Skips are counted and shown, never taken as a pass."""

    reason_zh: str
    reason_en: str


_MISSING = object()


class ReportMemo:
    """Work that several rules share on the report being checked (its narratives, its
    figures, the items present …): made once, by the first rule that asks, and kept for
    that report (``owner``: the report, or the one table the work is about) only.

    Every memo is emptied when the engine is done with a report (:func:`forget_reports`,
    at the end of :meth:`linter.engine.Engine.check_report`). A memo kept until the next
    report asked held the previous report's IR alive — its parsed tree, anchors and
    text — and the next report then paid for freeing it."""

    _every: ClassVar[list[ReportMemo]] = []

    def __init__(self) -> None:
        self.owner: object = None
        self.made: dict[Any, Any] = {}
        ReportMemo._every.append(self)

    def get(self, owner: object, key: Any, make: Any) -> Any:
        """``make()`` for ``owner`` and ``key``, made once."""
        if self.owner is not owner:
            self.owner, self.made = owner, {}
        found = self.made.get(key, _MISSING)
        if found is _MISSING:
            found = self.made[key] = make()
        return found

    def forget(self) -> None:
        self.owner, self.made = None, {}


def forget_reports() -> None:
    """Empty every :class:`ReportMemo` (the engine is done with the report)."""
    for memo in ReportMemo._every:
        memo.forget()


class RuleDefinitionError(TypeError):
    """A rule class whose metadata is incomplete or wrong."""


@dataclass(frozen=True)
class RuleContext:
    """What a rule may know besides the report: settings from the configuration."""

    # Blank cells: "warn" (report them) or "ignore".
    blank_cells: str = "warn"
    issuer_kind: str | None = None
    # Publication deadlines as MM-DD of the following year, by issuer kind.
    deadlines: dict[str, str] = field(
        default_factory=lambda: {"department": "01-31", "government": "03-31"}
    )
    options: dict[str, Any] = field(default_factory=dict)
    # The codes of the rules that run with this one, for a batch rule that says what
    # another rule would say when that one does not run (None: not known, all of them).
    enabled: frozenset[str] | None = None


class Rule:
    """Base class of every rule. Subclasses set the metadata below and ``check``."""

    code: ClassVar[str]
    name: ClassVar[str]
    level: ClassVar[Level]
    # What the rule needs of an edition (see linter.editions): table places such as
    # "article20/item1/rules/issued" or features such as "fee-reporting". It runs on a
    # report whose edition has them all (or whose edition is unknown).
    needs: ClassVar[tuple[str, ...]] = ()
    editions = _Editions()
    _declared_editions: ClassVar[tuple[str, ...] | None] = None
    summary_zh: ClassVar[str]
    summary_en: ClassVar[str]
    # The legal basis: article and item, or the format's own wording.
    basis_zh: ClassVar[str]
    basis_en: ClassVar[str]
    # FORMATS.md grade of the basis; a U-graded rule never claims "the format requires".
    grade: ClassVar[str] = "A"
    # How often a finding is right (SARIF ``precision``; GitHub sorts alerts by it):
    # very-high for arithmetic identities, medium for rules that read narrative text.
    precision: ClassVar[str] = "high"

    # Former names still accepted by --select/--ignore and the configuration.
    aliases: ClassVar[tuple[str, ...]] = ()
    # A third-party rule that replaces the built-in rule of the same code says so here;
    # without it, two packages defining one code is a load error (see linter.plugins).
    overrides: ClassVar[bool] = False

    _abstract: ClassVar[bool] = False

    def __init_subclass__(cls, abstract: bool = False, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._abstract = abstract
        declared = cls.__dict__.get("editions")
        if declared is not None and not isinstance(declared, _Editions):
            # A rule that names its editions itself (a third party's): kept as a restriction.
            cls._declared_editions = tuple(declared) if declared else ()
            cls.editions = _Editions()
        if abstract:
            return
        problems = []
        for attr in ("code", "name", "level", "summary_zh", "summary_en", "basis_zh", "basis_en"):
            if not isinstance(getattr(cls, attr, None), str) or not getattr(cls, attr):
                problems.append(f"missing {attr}")
        if not problems:
            if not _CODE.match(cls.code):
                problems.append(f"code {cls.code!r} is not two capitals and three digits")
            if not _NAME.match(cls.name):
                problems.append(f"name {cls.name!r} is not kebab-case")
            bad = [a for a in cls.aliases if not isinstance(a, str) or not _NAME.match(a)]
            if isinstance(cls.aliases, str) or bad:
                problems.append(f"aliases {cls.aliases!r} must be a tuple of kebab-case names")
            if cls.level not in LEVELS:
                problems.append(f"level {cls.level!r} is not one of {LEVELS}")
            known = _editions.ids()
            declared = cls._declared_editions
            if declared is not None and (not declared or any(e not in known for e in declared)):
                problems.append(f"editions {declared!r} must be a subset of {known}")
            if isinstance(cls.needs, str) or not all(isinstance(n, str) for n in cls.needs):
                problems.append(f"needs {cls.needs!r} must be a tuple of concept strings")
            elif not cls.editions:
                problems.append(
                    f"no registered edition has what the rule needs ({', '.join(cls.needs)})"
                )
            if cls.precision not in PRECISIONS:
                problems.append(f"precision {cls.precision!r} is not one of {PRECISIONS}")
            if cls.grade not in GRADES:
                problems.append(f"grade {cls.grade!r} is not one of {GRADES}")
            if not (cls.__doc__ or "").strip():
                problems.append("no docstring (it is the rule's documentation)")
        if problems:
            raise RuleDefinitionError(f"rule {cls.__qualname__}: " + "; ".join(problems))

    @property
    def family(self) -> str:
        return self.code[:2]

    def applies_to(self, report: Report) -> bool:
        edition = report.edition.value
        return edition is None or edition in self.editions

    def check(self, report: Report, context: RuleContext) -> Iterable[Finding]:
        raise NotImplementedError

    def run(self, report: Report, context: RuleContext) -> Iterator[Finding | Skip]:
        yield from self.check(report, context)

    def skip(self, reason_zh: str, reason_en: str) -> Skip:
        """Say that this report could not be checked, and why (yield it from ``check``)."""
        return Skip(reason_zh, reason_en)

    def finding(
        self,
        report: Report,
        where: Location | Anchor | None,
        message_zh: str,
        message_en: str,
        *,
        sub_id: str | None = None,
        related: Iterable[Location] = (),
        expected: float | int | None = None,
        reported: float | int | None = None,
        level: Level | None = None,
        **properties: object,
    ) -> Finding:
        if where is None:
            where = Location(Anchor())
        elif isinstance(where, Anchor):
            where = Location(where)
        return Finding(
            code=self.code,
            name=self.name,
            level=level or self.level,
            path=report.source.path,
            message_zh=message_zh,
            message_en=message_en,
            location=where,
            sub_id=sub_id,
            related=related if type(related) is Related else tuple(related),
            expected=expected,
            reported=reported,
            properties=dict(properties),
        )


@dataclass(frozen=True)
class ReportFacts:
    """What a batch rule kept of one report: its identity and the rule's compact facts."""

    path: str
    agency: str | None
    year: int | None
    edition: str | None
    facts: Any
    # The report's form digest (linter.forms): the same for every rule's facts of one
    # report, so that every rule counts two files of one report (a page and its PDF) as
    # one report alike. None: not known (a caller's own facts, an older store's).
    form: bytes | None = None


class BatchRule(Rule, abstract=True):
    """A rule over the whole batch (e.g. this report against last year's, CY).

    ``collect`` runs once per report, in the worker that linted it, and returns compact,
    picklable facts (a few numbers, anchors, a text fingerprint — never the whole IR):
    a national batch is ~190,000 reports a year. ``check_batch`` runs once in the parent
    after every report was linted, over all reports' facts, and yields findings whose
    ``path`` names the report they are about. ``reports`` is a
    :class:`linter.factstore.FactSource`: iterating it decodes one report's facts at a
    time from a SQLite file (never the whole batch in memory); a rule that compares
    reports looks them up by identity first (see ``rules.cross_year.facts.pairs``).
    """

    def check(self, report: Report, context: RuleContext) -> Iterable[Finding]:
        return ()

    def collect(self, report: Report, context: RuleContext) -> Any:
        raise NotImplementedError

    def check_batch(self, reports: Any, context: RuleContext) -> Iterable[Finding]:
        raise NotImplementedError

    def batch_finding(
        self,
        facts: ReportFacts,
        where: Location | Anchor | None,
        message_zh: str,
        message_en: str,
        **kwargs: Any,
    ) -> Finding:
        """A finding about the report ``facts`` came from."""
        stub = Report(source=_stub_source(facts.path))
        return self.finding(stub, where, message_zh, message_en, **kwargs)


def _stub_source(path: str):
    from linter.model import Source

    return Source(path=path, media_type="", sha256="", size=0)
