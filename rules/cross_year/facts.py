"""Compact facts about one report, kept for comparing it with the same agency's next one.

Nothing here holds the whole IR: a few numbers with their anchors, and hashes of the
sentences of the narrative (8 bytes each), so five years of a national batch fit one
machine.
"""

from __future__ import annotations

import hashlib
import heapq
import re
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from operator import attrgetter
from typing import NamedTuple

from linter.document import ANCHOR_FIELDS, Anchor
from linter.factstore import FactSource, Identity, as_source
from linter.forms import Form, compare, figures_read
from linter.model import Cell, Report
from linter.rule import ReportFacts
from linter.textnorm import compact

# Clauses, not whole sentences: a copied measure is often re-framed ("下一步，将…" →
# "2025 年我们将…") while its clauses stay word for word (洪泽区 2023 → 2024).
_CLAUSE_END = re.compile(r"[。；;！!？?\n，,：:、]")
MIN_CLAUSE = 6  # characters: shorter pieces ("一是", "同时") say nothing about copying


_anchor_values = attrgetter(*ANCHOR_FIELDS)


def pack_anchor(anchor: Anchor | None) -> tuple | None:
    """An anchor as a plain tuple (trailing blanks dropped): kept by the thousand in the
    fact store, where a tuple pickles in a fraction of a dataclass's time and space."""
    if anchor is None:
        return None
    values = _anchor_values(anchor)
    end = len(values)
    while end and values[end - 1] is None:
        end -= 1
    return values[:end]


def unpack_anchor(packed: tuple | None) -> Anchor | None:
    return None if packed is None else Anchor(*packed)


class Number(NamedTuple):
    """A cell reduced to what cross-year rules need: its value and where it is."""

    value: float | int | None  # None: not a number (text); blanks count as 0
    where: tuple | None

    @property
    def anchor(self) -> Anchor:
        return unpack_anchor(self.where) or Anchor()

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
        return cls(value, pack_anchor(cell.anchor))


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


def _digests(text: str) -> list[tuple[bytes, int]]:
    """Each clause of ``text`` as its hash and length, in order."""
    blake2b = hashlib.blake2b
    return [(blake2b(c.encode("utf-8"), digest_size=8).digest(), len(c)) for c in clauses(text)]


def sentence_hashes(text: str) -> Sentences:
    """Each clause of ``text`` as an 8-byte hash with its length."""
    return _sentences(_digests(text))


def _sentences(digests: list[tuple[bytes, int]]) -> Sentences:
    return Sentences(b"".join(h for h, _ in digests), array("I", (n for _, n in digests)))


SKETCH_SIZE = 64


def sketch(text: str) -> tuple[int, bytes]:
    """A bottom-k sketch of the text's clauses: the SKETCH_SIZE smallest clause hashes
    (8 bytes each) and the number of distinct clauses. 512 bytes per report, however long
    the report: enough to estimate how much of two narratives is the same."""
    return _sketch({h for h, _ in _digests(text)})


def _sketch(hashes: set[bytes]) -> tuple[int, bytes]:
    distinct = sorted(hashes)
    return len(distinct), b"".join(distinct[:SKETCH_SIZE])


def narrative_facts(report: Report, number: int) -> tuple[Sentences, tuple[int, bytes]]:
    """:func:`sentence_hashes` of section ``number`` and the :func:`sketch` of sections 1–6
    (:func:`report_sections`), each clause hashed once: the sections' texts are joined
    with line breaks, which end clauses, so the whole text's clauses are the sections'."""
    wanted = report.section(number)
    mine: list[tuple[bytes, int]] | None = None
    every: set[bytes] = set()
    for section in report.sections:
        if 1 <= section.number <= 6:
            digests = _digests(section.text)
            every.update(h for h, _ in digests)
            if section is wanted:
                mine = digests
    if mine is None:  # no such section, or one outside 1–6
        mine = _digests(wanted.text) if wanted is not None else []
    return _sentences(mine), _sketch(every)


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


_REGION_ENDS = frozenset("市省区县州")
MIN_SHORT_NAME = 5  # characters: never a bare suffix such as 政府 or 教育局


def _same_agency(a: str, b: str) -> bool:
    """Same key, or one is the other with its parent region left out (全称 vs 简称:
    淮安市洪泽区政府 / 洪泽区政府) — never a bare suffix such as 政府 or 教育局."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return short in short_forms(long_)


def short_forms(key: str) -> list[str]:
    """The names ``key`` is also known by with its parent regions left out: each suffix
    that starts right after a 市/省/区/县/州 and is long enough to name an agency."""
    return [key[i:] for i in range(1, len(key) - MIN_SHORT_NAME + 1) if key[i - 1] in _REGION_ENDS]


class AgencyIndex:
    """Reports by (agency key, year): the full name's entry, and a suffix entry for each
    of its short forms, so finding a report's namesakes is a few dictionary lookups
    whatever the size of the batch."""

    def __init__(self, shorts: dict[str, list[str]] | None = None) -> None:
        self.exact: dict[tuple[str, int], list[Identity]] = defaultdict(list)
        self.longer: dict[tuple[str, int], list[Identity]] = defaultdict(list)
        # key -> its short forms, computed once per key (shared between indexes).
        self._short: dict[str, list[str]] = {} if shorts is None else shorts
        self._found: dict[tuple[str, int], list[Identity]] = {}

    def short_forms(self, key: str) -> list[str]:
        found = self._short.get(key)
        if found is None:
            found = self._short[key] = short_forms(key)
        return found

    def add(self, key: str, identity: Identity) -> None:
        year = identity.year
        self.exact[(key, year)].append(identity)
        for short in self.short_forms(key):
            self.longer[(short, year)].append(identity)

    def same_agency(self, key: str, year: int) -> list[Identity]:
        """Every report of ``year`` whose agency is ``key``, or its full or short name
        (computed once per name and year: do not change the list)."""
        found = self._found.get((key, year))
        if found is None:
            found = list(self.exact.get((key, year), ()))
            found += self.longer.get((key, year), ())
            for short in self.short_forms(key):
                found += self.exact.get((short, year), ())
            if len(found) > 1:
                # Namesakes are looked up once per report among them: kept. A name
                # with one report or none (most) is cheaper to look up again than to
                # keep for the whole batch.
                self._found[(key, year)] = found
        return found


class Namesakes(list):
    """The reports an ambiguous report could be paired with: the first few by path,
    and ``total``, how many there are (a national batch can hold thousands of reports
    under one name; listing them all for each would be quadratic). ``differ``: two of
    them (or this report and one of them) read as one report in two forms whose figures
    differ — ``(path, path, place, value, value)`` — so they were not counted as one."""

    total: int = 0
    differ: tuple[str, str, str, float, float] | None = None


MAX_NAMESAKES = 20
# Files of one agency and year compared with each other to find forms of one report:
# more than this are several reports whatever their forms (a national batch's 教育局).
MAX_FORMS = 6


class _Reports(NamedTuple):
    """The files of one agency and year, as reports: each a list of its forms, the form
    to compare with first; ``differ`` as in :class:`Namesakes`."""

    reports: list[list[Identity]]
    differ: tuple[str, str, str, float, float] | None


class FormGroups:
    """Which files of one agency and year are the same report in different forms
    (linter.forms), worked out once per agency and year from the form digests every
    rule's facts carry alike, so every rule counts the same files as one report."""

    def __init__(self, source: FactSource) -> None:
        self.source = source
        self._done: dict[tuple[int, ...], _Reports] = {}

    def reports(self, files: list[Identity]) -> _Reports:
        if len(files) == 1:
            return _Reports([files], None)
        key = tuple(sorted(f.handle for f in files))
        found = self._done.get(key)
        if found is None:
            found = self._done[key] = self._group(files)
        return found

    def _group(self, files: list[Identity]) -> _Reports:
        if len(files) > MAX_FORMS:
            return _Reports([[f] for f in sorted(files, key=lambda f: f.path)], None)
        decoded = {f: Form.decode(self.source.form(f)) for f in files}
        keys = {f: agency_key(f.agency) or "" for f in files}
        order = sorted(files, key=lambda f: (-figures_read(decoded[f]), f.path))
        reports: list[list[Identity]] = []
        differ = None
        for f in order:
            for report in reports:
                # Namesakes found under a short name can be two agencies (宿迁市洪泽区…
                # and 淮安市洪泽区…): forms of one report name one agency.
                if not all(_same_agency(keys[g], keys[f]) for g in report):
                    continue
                verdicts = [compare(decoded[g], decoded[f]) for g in report]
                if all(v.verdict == "same" for v in verdicts):
                    report.append(f)
                    break
                if differ is None:
                    for g, v in zip(report, verdicts, strict=True):
                        if v.verdict == "differ" and v.where is not None:
                            differ = (g.path, f.path, *v.where)
                            break
            else:
                reports.append([f])
        return _Reports(reports, differ)


def pairs(
    reports: Iterable[ReportFacts] | FactSource,
    ambiguous: list[tuple[ReportFacts, list[ReportFacts]]] | None = None,
) -> Iterator[tuple[ReportFacts, ReportFacts]]:
    """(this year, the year before) for each report whose agency has exactly one report
    the year before, by agency name (全称 or 简称) and year. A report with several
    candidates is not compared: it goes to ``ambiguous`` instead (nothing is paired
    across agencies by accident), with its :class:`Namesakes`.

    Files that are one report in several forms (a page and its PDF, see linter.forms)
    count as one report: each form of this year's report is compared with last year's,
    and last year's report is compared in the form that read most of its tables (then
    the first by path). Forms whose figures differ stay apart (ambiguous, and said).

    Pairing is an index lookup per report (linear in the batch). With an audit store
    (``--store``), a report whose previous year is not in this batch is paired with the
    latest earlier run's report of that agency and year. Facts are loaded only for the
    reports that pair."""
    source = as_source(reports)
    keys: dict[str | None, str | None] = {}

    def key_of(name: str | None) -> str | None:
        if name not in keys:
            keys[name] = agency_key(name)
        return keys[name]

    index = AgencyIndex()
    mine: list[tuple[int, str, str, Identity]] = []
    for identity in source.identities():
        key = key_of(identity.agency)
        if key and identity.year:
            index.add(key, identity)
            mine.append((identity.year, key, identity.path, identity))
    earlier = AgencyIndex(index._short)
    for identity in source.earlier({year - 1 for year, _, _, _ in mine}):
        key = key_of(identity.agency)
        if key and identity.year:
            earlier.add(key, identity)
    mine.sort(key=lambda row: row[:3])
    groups = FormGroups(source)
    # (key, year) -> the first namesakes by path and their number, for ambiguity notes.
    first: dict[tuple[str, int], tuple[list[Identity], int]] = {}
    for year, key, _, this in mine:
        candidates = index.same_agency(key, year - 1)
        if not candidates and earlier.exact:
            stored = earlier.same_agency(key, year - 1)
            latest = max((c.run for c in stored), default=0)
            candidates = [c for c in stored if c.run == latest]
        if not candidates:
            continue
        same_year = index.same_agency(key, year)  # this report among them
        before = groups.reports(candidates)
        now = groups.reports(same_year)
        if len(before.reports) == 1 and len(now.reports) == 1:
            yield source.load(this.handle), source.load(before.reports[0][0].handle)
        elif ambiguous is not None:
            if (key, year) not in first:
                group = candidates + same_year
                first[(key, year)] = (
                    heapq.nsmallest(MAX_NAMESAKES + 1, group, key=lambda r: r.path),
                    len(group),
                )
            listed, total = first[(key, year)]
            mine_too = next((r for r in now.reports if this in r), [this])
            others = Namesakes(_identity_only(r) for r in listed if r not in mine_too)
            del others[MAX_NAMESAKES:]
            others.total = total - len(mine_too)
            others.differ = before.differ or now.differ
            # (this report's own facts: a rule may say something of it in its note)
            ambiguous.append((source.load(this.handle), others))


# Reports named in an ambiguous-pairing note; the rest are counted.
MAX_NAMED = 5


def ambiguity_note(rule, this: ReportFacts, others: Namesakes):
    """The note a cross-year rule gives for a report it could not pair (see :func:`pairs`):
    which reports share its agency's name, and where two forms of one report differ."""
    from linter import arith
    from linter.forms import place_zh

    paths = sorted(o.path for o in others)
    total = getattr(others, "total", len(paths))
    names_zh = names_en = "、".join(paths[:MAX_NAMED])
    if total > MAX_NAMED:
        # A national batch can hold hundreds of namesakes (教育局…): name a few.
        names_zh += f" 等 {total} 份"
        names_en += f" and {total - MAX_NAMED} more"
    differ_zh = differ_en = ""
    differ = getattr(others, "differ", None)
    if differ:
        a, b, place, value_a, value_b = differ
        differ_zh = (
            f"其中 {a} 与 {b} 文字相同、像是同一报告的两种文件，但数字不一致"
            f"（{place_zh(place)}：前者为 {arith.fmt(value_a)}，后者为 {arith.fmt(value_b)}），"
            "未作为同一报告合并；"
        )
        differ_en = (
            f" {a} and {b} have the same text, as two files of one report would, but "
            f"their figures differ ({place_en(place)}: {arith.fmt(value_a)} and "
            f"{arith.fmt(value_b)}), so they were not taken as one report;"
        )
    return rule.batch_finding(
        this,
        None,
        f"无法确定与本报告配对的上一年度报告：同一机关名称对应多份报告（{names_zh}）；{differ_zh}"
        "跨年度比对（CY 规则）未做。"
        "如需比对，请用清单（--manifest）写明各报告的机关名称。",
        f"cannot tell which report of the year before belongs with this one: several reports "
        f"share the agency name ({names_en});{differ_en} the cross-year checks (CY) were not "
        "made. Give each report's agency in a manifest (--manifest) to compare them.",
        level="note",
        sub_id="ambiguous-pairing",
    )


def place_en(place: str) -> str:
    """``三/row/column`` (:func:`linter.forms.place_zh`'s places) in English words for a
    message: the rows' and columns' English names where they are known, else the ids."""
    from linter.labels import ENGLISH
    from rules.article20.common import COLUMN_EN, ITEM_EN, ROW_EN

    table, *rest = place.split("/")
    try:
        if table == "三" and len(rest) == 2:
            return f"section 3, {ENGLISH[rest[0]]} / {ENGLISH[rest[1]]}"
        if table == "四" and len(rest) == 2:
            group, _, outcome = rest[1].partition(".")
            return f"section 4, {ENGLISH[group]} / {ENGLISH[outcome]}"
        if table == "二" and len(rest) == 3 and rest[0] in ITEM_EN:
            row = ROW_EN.get(rest[1], rest[1])
            column = COLUMN_EN.get(rest[2], rest[2])
            return f"section 2, article 20 {ITEM_EN[rest[0]]}, {row} / {column}"
    except KeyError:  # an id outside the registry's rows
        pass
    return place


def _identity_only(identity: Identity) -> ReportFacts:
    """A report named in an ambiguity note: its facts are not needed."""
    return ReportFacts(identity.path, identity.agency, identity.year, None, None)


def report_sections(report: Report, numbers: Iterable[int]) -> str:
    return "\n".join(s.text for s in report.sections if s.number in set(numbers))
