"""Compact facts about one report, kept for comparing it with the same agency's next one.

Nothing here holds the whole IR: a few numbers with their anchors, and hashes of the
sentences of the narrative (8 bytes each), so five years of a national batch fit one
machine.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from linter.document import Anchor
from linter.model import Cell, Report
from linter.rule import ReportFacts
from linter.textnorm import compact

# Clauses, not whole sentences: a copied measure is often re-framed ("下一步，将…" →
# "2025 年我们将…") while its clauses stay word for word (洪泽区 2023 → 2024).
_CLAUSE_END = re.compile(r"[。；;！!？?\n，,：:、]")
MIN_CLAUSE = 6  # characters: shorter pieces ("一是", "同时") say nothing about copying


@dataclass(frozen=True, slots=True)
class Number:
    """A cell reduced to what cross-year rules need."""

    value: float | int | None  # None: not a number (text); blanks count as 0
    anchor: Anchor

    @classmethod
    def of(cls, cell: Cell | None) -> Number | None:
        if cell is None:
            return None
        if cell.state == "number":
            value = cell.value
        elif cell.state in ("blank", "placeholder"):
            value = 0
        else:
            value = None
        return cls(value, cell.anchor)


@dataclass(frozen=True)
class Sentences:
    """Each long-enough sentence as an 8-byte hash, with its length: packed, because a
    batch keeps one of these per report until the end."""

    hashes: bytes  # 8 bytes per sentence
    lengths: array

    def __iter__(self) -> Iterator[tuple[bytes, int]]:
        for i, n in enumerate(self.lengths):
            yield self.hashes[8 * i : 8 * i + 8], n


def clauses(text: str) -> list[str]:
    """The clauses of ``text`` long enough to matter, whitespace removed, in order."""
    return [c for c in (compact(p) for p in _CLAUSE_END.split(text)) if len(c) >= MIN_CLAUSE]


def _digest(clause: str) -> bytes:
    return hashlib.blake2b(clause.encode("utf-8"), digest_size=8).digest()


def sentence_hashes(text: str) -> Sentences:
    """Each clause of ``text`` as an 8-byte hash with its length."""
    hashes = bytearray()
    lengths = array("I")
    for clause in clauses(text):
        hashes += _digest(clause)
        lengths.append(len(clause))
    return Sentences(bytes(hashes), lengths)


SKETCH_SIZE = 64


def sketch(text: str) -> tuple[int, bytes]:
    """A bottom-k sketch of the text's clauses: the SKETCH_SIZE smallest clause hashes
    (8 bytes each) and the number of distinct clauses. 512 bytes per report, however long
    the report: enough to estimate how much of two narratives is the same."""
    distinct = sorted({_digest(c) for c in clauses(text)})
    return len(distinct), b"".join(distinct[:SKETCH_SIZE])


def sketch_similarity(a: tuple[int, bytes], b: tuple[int, bytes]) -> float:
    """Estimated Jaccard similarity of two clause sets from their bottom-k sketches."""
    hashes_a = {a[1][i : i + 8] for i in range(0, len(a[1]), 8)}
    hashes_b = {b[1][i : i + 8] for i in range(0, len(b[1]), 8)}
    if not hashes_a or not hashes_b:
        return 0.0
    union = sorted(hashes_a | hashes_b)[:SKETCH_SIZE]
    return sum(1 for h in union if h in hashes_a and h in hashes_b) / len(union)


def longest_shared_passage(text: str, last: Sentences) -> str:
    """The longest run of consecutive clauses of ``text`` printed last year too."""
    previous = {h for h, _ in last}
    best: list[str] = []
    run: list[str] = []
    for clause in clauses(text):
        if _digest(clause) in previous:
            run.append(clause)
            if sum(map(len, run)) > sum(map(len, best)):
                best = list(run)
        else:
            run = []
    return "，".join(best)


def copied_share(this: Sentences, last: Sentences) -> float:
    """Share of this year's text (by characters) printed verbatim last year."""
    total = sum(this.lengths)
    if not total:
        return 0.0
    previous = {h for h, _ in last}
    return sum(n for h, n in this if h in previous) / total


def agency_key(name: str | None) -> str | None:
    """The agency name for pairing: no spaces or punctuation, 人民政府 read as 政府."""
    if not name:
        return None
    return compact(name).replace("人民政府", "政府")


def _same_agency(a: str, b: str) -> bool:
    """Same key, or one is the other with its parent region left out (全称 vs 简称:
    淮安市洪泽区政府 / 洪泽区政府) — never a bare suffix such as 政府 or 教育局."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return (
        len(short) >= 5
        and long_.endswith(short)
        and long_[: -len(short)].endswith(("市", "省", "区", "县", "州"))
    )


def pairs(
    reports: Iterable[ReportFacts],
    ambiguous: list[tuple[ReportFacts, list[ReportFacts]]] | None = None,
) -> Iterator[tuple[ReportFacts, ReportFacts]]:
    """(this year, the year before) for each report whose agency has exactly one report
    the year before, by agency name (全称 or 简称) and year. A report with several
    candidates is not compared: it goes to ``ambiguous`` instead (nothing is paired
    across agencies by accident)."""
    by_year: dict[int, list[tuple[str, ReportFacts]]] = defaultdict(list)
    for r in reports:
        key = agency_key(r.agency)
        if key and r.year:
            by_year[r.year].append((key, r))
    for year in sorted(by_year):
        for key, this in sorted(by_year[year], key=lambda kr: (kr[0], kr[1].path)):
            candidates = [r for k, r in by_year.get(year - 1, []) if _same_agency(key, k)]
            same_year = [r for k, r in by_year[year] if r is not this and _same_agency(key, k)]
            if len(candidates) == 1 and not same_year:
                yield this, candidates[0]
            elif candidates and ambiguous is not None:
                ambiguous.append((this, candidates + same_year))


def report_sections(report: Report, numbers: Iterable[int]) -> str:
    return "\n".join(s.text for s in report.sections if s.number in set(numbers))
