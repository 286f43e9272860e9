"""Findings: what a rule reports, in both languages, pointing at IR nodes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from linter.document import Anchor, fast_init, pickle_by_fields

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
    related: tuple[Location, ...] = ()
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
