"""Statements: every figure the narrative states, with what it is about (IR ``statements``).

The narrative is the preamble and the paragraphs of the six sections — never table cells,
headings or site chrome — normalised as one text (:class:`linter.narrative.Narrative`). A
*statement* is a number (Arabic, full-width or Chinese numerals, with 万/亿) followed by a unit
(件/条/起/个/宗/项/万元/元/%), together with:

* the format's concepts it names (:data:`CONCEPTS`, one table of data: the words that name a
  concept and the table cells that hold its figure) — “予以公开 25 件”, “予以公开及部分公开
  208 件” (two concepts: their sum), “其中结果维持 72 件” after “行政复议” (review.upheld);
* its qualifiers: 共/合计 (a total), 其中 (a part), 分别 (respectively), 约/余/以上/近 (an
  estimate), 较上年/同比/增加 (a change, not the year's own count);
* the year its sentence names before it, and where it is.

Precision first: a concept is taken only when its words stand right before the number (with
nothing but linking words between), or right after it for the few concepts written that way
(“1件结转下年度继续办理”).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from operator import methodcaller

from linter.document import LazyAnchor, fast_init
from linter.model import Report, Section, Statement, TextBlock
from linter.narrative import CLAUSE_END, Narrative, of_parts, of_report
from linter.numerals import parse_number

# --- the concepts, as data ---------------------------------------------------------------

Cells = tuple[tuple[str, str, str], ...]  # (table, row id, column id): the figure is their sum


@dataclass(frozen=True)
class Concept:
    """One of the tables' own concepts as the narrative names it.

    ``before``: regex sources of the words that stand before the number (“不予公开”);
    ``after``: words that follow the number and its unit (“结转下年度”). ``cells`` hold the
    figure (summed); ``parts`` map a cue naming one sub-row (“不掌握”) to that row's cells,
    whose figure is then accepted too (“因本机关不掌握等原因无法提供 265 件”). ``context``:
    the concept is taken only when the last of these words before it in the sentence is
    one of its own (结果维持 after 行政复议 is review.upheld, after 行政诉讼 litigation.upheld).
    ``total``: under 其中 the figure is a part, not compared. ``units``: the units it is
    counted in; ``scale`` converts 元 to the table's 万元.
    """

    id: str
    zh: str
    en: str
    before: tuple[str, ...]
    cells: Cells
    after: tuple[str, ...] = ()
    parts: tuple[tuple[str, Cells], ...] = ()
    context: tuple[str, ...] = ()
    total: bool = False
    units: tuple[str, ...] = ("件", "条", "宗", "个", "项")
    # The editions whose tables hold the figure: those that have ``cells`` or one of the
    # ``alternatives`` (see linter.editions), computed from the registry.
    # The rule that compares it with the table (TX001/TX003 have their own tuned readings).
    compared_by: str = "TX004"
    # Other cells that hold the same figure, tried when ``cells`` are not all in the table:
    # （六）其他处理 is three sub-rows in 2021 and one row in 2019 (and in some 2021 reports).
    alternatives: tuple[Cells, ...] = ()

    @property
    def editions(self) -> tuple[str, ...]:
        from linter import editions

        return _concept_editions(self, editions.REGISTRY.version)


@cache
def _concept_editions(concept: Concept, version: int) -> tuple[str, ...]:
    from linter import editions

    found: dict[str, None] = {}
    for cells in (concept.cells, *concept.alternatives):
        for edition in editions.having("/".join(c) for c in cells):
            found[edition] = None
    return tuple(e for e in editions.ids() if e in found)


def _rows(table: str, rows: Iterable[str], column: str = "total") -> Cells:
    return tuple((table, row, column) for row in rows)


_WITHHELD = (
    ("国家秘密", "state_secret"),
    ("禁止公开", "prohibited_by_law"),
    ("三安全一稳定", "three_securities"),
    ("第三方", "third_party"),
    ("内部事务", "internal_affairs"),
    ("过程性", "process_information"),
    ("执法案卷", "enforcement_files"),
    ("行政查询", "query_matters"),
)
_UNAVAILABLE = (
    ("不掌握", "not_held"),
    ("另行制作", "needs_creation"),
    ("仍不明确", "still_unclear"),
)
_NOT_PROCESSED = (
    ("信访", "petition"),
    ("重复申请", "repeated"),
    ("出版物", "publications"),
    ("大量反复", "excessive"),
    ("重新出具", "confirmation"),
)
_REVIEW_WORDS = ("行政复议", "复议")
_LITIGATION_WORDS = ("行政诉讼", "诉讼", "起诉")
_REVIEW = (("review_litigation", "cases", "review.{}"),)
_LITIGATION = (
    ("review_litigation", "cases", "litigation_direct.{}"),
    ("review_litigation", "cases", "litigation_after_review.{}"),
)
_OUTCOME_WORDS = {
    "upheld": ("结果维持", "维持"),
    "corrected": ("结果纠正", "被纠正", "纠正", "纠错"),
    "other": ("其他结果",),
    "pending": ("尚未审结", "未审结"),
}
_OUTCOME_NAMES = {
    "upheld": ("结果维持", "upheld"),
    "corrected": ("结果纠正", "corrected"),
    "other": ("其他结果", "other outcomes"),
    "pending": ("尚未审结", "pending"),
}


def _group(prefix: str, rows: tuple[tuple[str, str], ...]) -> tuple[Cells, tuple, tuple]:
    """The cells of a group of sub-rows, no words after, and each sub-row's cue."""
    cells = _rows("applications", (f"{prefix}.{row}" for _, row in rows))
    parts = tuple((cue, _rows("applications", (f"{prefix}.{row}",))) for cue, row in rows)
    return cells, (), parts


_ITEM1 = "article20/item1"
_DOCS = "(?:行政)?规范性文件"
_THIS_YEAR = "(?:本年度?|年度|全年|本年内)?"

CONCEPTS: tuple[Concept, ...] = (
    Concept(
        "applications.new_received",
        "本年新收政府信息公开申请数量",
        "new applications received",
        ("(?:收到|新收|受理|接收)(?:政府信息公开|依申请公开)申请",),
        _rows("applications", ("new_received",)),
        total=True,
        compared_by="TX001",
    ),
    Concept(
        "applications.granted",
        "予以公开",
        "disclosed",
        ("予以公开",),
        _rows("applications", ("granted",)),
    ),
    Concept(
        "applications.partially_granted",
        "部分公开",
        "partly disclosed",
        ("部分公开",),
        _rows("applications", ("partially_granted",)),
    ),
    Concept(
        "applications.withheld",
        "不予公开",
        "withheld",
        ("不予公开",),
        *_group("withheld", _WITHHELD),
    ),
    Concept(
        "applications.unavailable",
        "无法提供",
        "unavailable",
        ("无法提供",),
        *_group("unavailable", _UNAVAILABLE),
    ),
    Concept(
        "applications.not_processed",
        "不予处理",
        "not processed",
        ("不予处理",),
        *_group("not_processed", _NOT_PROCESSED),
    ),
    Concept(
        "applications.other_handling",
        "其他处理",
        "other handling",
        ("其他处理",),
        _rows(
            "applications",
            (
                "other_handling.no_correction",
                "other_handling.unpaid_fee",
                "other_handling.other",
            ),
        ),
        alternatives=(_rows("applications", ("other_handling",)),),
    ),
    Concept(
        "applications.outcome_total",
        "办结（（七）总计）",
        "concluded ((7) total)",
        (
            "(?<!公开)(?<!予以)(?<!依法)(?:办结|答复)(?:了)?(?:政府信息公开|依申请公开|依申请)?(?:申请)?",
        ),
        _rows("applications", ("outcome_total",)),
        total=True,
    ),
    Concept(
        "applications.carried_forward",
        "结转下年度继续办理",
        "carried forward to next year",
        ("结转(?:至|到)?下(?:一)?年度?(?:继续办理)?",),
        _rows("applications", ("carried_forward",)),
        after=("(?:申请)?(?:需)?结转(?:至|到)?下(?:一)?年度?",),
        total=True,
    ),
    Concept(
        "applications.carried_over",
        "上年结转",
        "carried over from last year",
        ("(?:上年度?|上一年度?)结转(?:的)?(?:申请)?",),
        _rows("applications", ("carried_over",)),
        total=True,
    ),
    Concept(
        "article20.rules.issued",
        "规章 本年制发",
        "rules issued this year",
        (f"{_THIS_YEAR}(?:制发|出台|制定)(?:的)?(?:政府)?规章",),
        ((_ITEM1, "rules", "issued"),),
    ),
    Concept(
        "article20.normative_documents.issued",
        "行政规范性文件 本年制发",
        "normative documents issued this year",
        (f"{_THIS_YEAR}(?:制发|出台|印发)(?:的)?{_DOCS}",),
        ((_ITEM1, "normative_documents", "issued"),),
    ),
    Concept(
        "article20.normative_documents.repealed",
        "行政规范性文件 本年废止",
        "normative documents repealed this year",
        (f"{_THIS_YEAR}废止(?:的)?{_DOCS}",),
        ((_ITEM1, "normative_documents", "repealed"),),
    ),
    Concept(
        "article20.normative_documents.in_force",
        "行政规范性文件 现行有效",
        "normative documents in force",
        (f"现行有效(?:的)?{_DOCS}",),
        ((_ITEM1, "normative_documents", "in_force"),),
    ),
    Concept(
        "article20.licensing.decisions",
        "行政许可 处理决定数量",
        "licensing decisions",
        ("行政许可(?:处理)?决定(?:数量|数)?",),
        (("article20/item5", "licensing", "decisions"),),
    ),
    Concept(
        "article20.penalty.decisions",
        "行政处罚 处理决定数量",
        "penalty decisions",
        ("行政处罚(?:处理)?决定(?:数量|数)?",),
        (("article20/item6", "penalty", "decisions"),),
    ),
    Concept(
        "article20.coercion.decisions",
        "行政强制 处理决定数量",
        "coercion decisions",
        ("行政强制(?:处理)?决定(?:数量|数)?",),
        (("article20/item6", "coercion", "decisions"),),
    ),
    Concept(
        "article20.fees.amount",
        "行政事业性收费 本年收费金额（万元）",
        "administrative fees collected (10,000 yuan)",
        ("行政事业性收费(?:金额|总额|收入)?",),
        (("article20/item8", "fees", "amount"),),
        units=("万元", "元"),
    ),
    *(
        Concept(
            f"{group}.{outcome}",
            f"{group_zh} {_OUTCOME_NAMES[outcome][0]}",
            f"{group_en} {_OUTCOME_NAMES[outcome][1]}",
            words,
            tuple((t, r, c.format(outcome)) for t, r, c in cells),
            context=context,
        )
        for group, group_zh, group_en, cells, context in (
            ("review", "行政复议", "administrative review", _REVIEW, _REVIEW_WORDS),
            ("litigation", "行政诉讼", "litigation", _LITIGATION, _LITIGATION_WORDS),
        )
        for outcome, words in _OUTCOME_WORDS.items()
    ),
)

CONCEPT_BY_ID = {c.id: c for c in CONCEPTS}

# --- the reading ---------------------------------------------------------------------------

COUNT_UNITS = ("件", "条", "宗", "起", "个", "项")
_UNIT = r"(?P<unit>万元|元|[件条宗起个项])"
# A figure is found from its unit back: units are few, and a scan for them is much cheaper
# than trying a number at every character. Not an ordinal (第二十条) or a name in quotes
# (“五个中心”).
# A numeral character (and 余/多) right before the unit: one leading character class, so the
# regex engine skips ahead fast; the number itself is then read backwards.
_UNIT_RE = re.compile(r"[0-9零〇一二两三四五六七八九十百千万亿余多](?P<unit>万元|[件条宗起个项元])")
_RUN_CHARS = frozenset("0123456789.,零〇一二两三四五六七八九十百千万亿")
_NOT_BEFORE = frozenset('第“"')


@fast_init
@dataclass(frozen=True, slots=True)
class _Figure:
    start: int
    end: int  # after the number (before 余/多 and the unit)
    text: str
    more: str  # 余, 多 or ""
    unit: str
    unit_end: int


def figures_in(text: str) -> Iterator[_Figure]:
    """Every figure of ``text`` (a number right before its unit), in order."""
    return _figures(text)


def _figures(text: str) -> Iterator[_Figure]:
    """Every figure of ``text``: a number right before a unit (余/多 may stand between)."""
    for unit in _UNIT_RE.finditer(text):
        end = unit.start("unit")
        more = text[end - 1] if end and text[end - 1] in "余多" else ""
        end -= len(more)
        start = end
        while start > 0 and text[start - 1] in _RUN_CHARS:
            start -= 1
        while start < end and text[start] in ".,":
            start += 1
        if start == end or (start and text[start - 1] in _NOT_BEFORE):
            continue
        yield _Figure(start, end, text[start:end], more, unit.group("unit"), unit.end())


# (the digit test after the leading 2, not before it: a pattern opening with a literal is
# searched for that character in C, one opening with a lookbehind tried at every place —
# the year search was a sixth of reading a narrative's statements)
_YEAR = re.compile(r"(2(?<!\d2)0\d\d)年(?!度?报告|度?年报)")
_LINK = (
    r"(?:的)?(?:政府信息公开|依申请公开)?(?:申请|案件|事项|信息)?(?:数量|总数|数)?"
    r"(?:共计|合计|总计|累计|共|计|达到|达|为|是)*"
    r"(?:(?:较上一?年度?|较去年|比上一?年度?|比去年|同比|环比)(?:增加|减少|增长|下降|上升|多|少)了?)?"
)
_APPROX_BEFORE = ("约", "近", "超过", "逾", "大约", "将近", "不足", "不到", "多达")
_APPROX_AFTER = ("以上", "左右", "上下", "以内")
_COMPARISON = ("较", "比", "同比", "环比", "增加", "减少", "增长", "下降", "上升", "持平")
_QUALIFIERS = (
    "共计",
    "合计",
    "总计",
    "累计",
    "共",
    "其中",
    "分别",
    "同比",
    "环比",
    "较上年",
    "较去年",
    "约",
    "近",
)
_JOIN = "(?:和|及|与|、|以及)"
_JOIN_RE = re.compile(_JOIN)
_QUALIFIER_RE = re.compile("|".join(sorted(_QUALIFIERS, key=len, reverse=True)))
_APPROX_AFTER_RE = re.compile("|".join(_APPROX_AFTER))
_COMPARISON_RE = re.compile("|".join(_COMPARISON))
_HEAD_WINDOW = 60
_TERM_WINDOW = 40  # the concept's words and the linking words before a figure
_SENTENCE_WINDOW = 160


def first_characters(pattern: str) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can start with, or None when that cannot be
    told (a wildcard, a category, an empty match…). Read from the regex's own parse, so the
    set is never too small: lookarounds take no character and are passed over, which can
    only make it larger."""
    try:
        from re import _constants as c  # type: ignore[attr-defined]
        from re import _parser as parser  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10
        import sre_constants as c
        import sre_parse as parser

    def first(items: list) -> tuple[set[str] | None, bool]:
        # (possible first characters, whether the sequence can match empty)
        chars: set[str] = set()
        for op, av in items:
            if op is c.LITERAL:
                chars.add(chr(av))
                return chars, False
            if op is c.IN:
                for kind, value in av:
                    if kind is c.LITERAL:
                        chars.add(chr(value))
                    elif kind is c.RANGE and value[1] - value[0] < 256:
                        chars.update(chr(code) for code in range(value[0], value[1] + 1))
                    else:
                        return None, False
                return chars, False
            if op in (c.ASSERT, c.ASSERT_NOT):
                continue
            if op is c.BRANCH:
                parts = [first(list(alternative)) for alternative in av[1]]
            elif op is c.SUBPATTERN:
                parts = [first(list(av[-1]))]
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
                sub_chars, sub_empty = first(list(av[2]))
                parts = [(sub_chars, sub_empty or av[0] == 0)]
            else:
                return None, False
            empty = False
            for sub_chars, sub_empty in parts:
                if sub_chars is None:
                    return None, False
                chars |= sub_chars
                empty = empty or sub_empty
            if not empty:
                return chars, False
        return chars, True

    try:
        chars, empty = first(list(parser.parse(pattern)))
    except Exception:  # noqa: BLE001 (an internal module: without it, no shortcut)
        return None
    return None if chars is None or empty else frozenset(chars)


def _compile() -> tuple[re.Pattern, re.Pattern, dict[str, Concept], dict[str, Concept]]:
    """One regex for the words before a figure (anchored at its end), one for after."""
    names_before: dict[str, Concept] = {}
    names_after: dict[str, Concept] = {}
    before: list[str] = []
    after: list[str] = []
    for i, concept in enumerate(CONCEPTS):
        for j, word in enumerate(concept.before):
            name = f"b{i}_{j}"
            names_before[name] = concept
            before.append(f"(?P<{name}>{word})")
        for j, word in enumerate(concept.after):
            name = f"a{i}_{j}"
            names_after[name] = concept
            after.append(f"(?P<{name}>{word})")
    term = "(?:" + "|".join(before) + ")"
    plain = re.sub(r"\(\?P<\w+>", "(?:", term)
    approx = "|".join(_APPROX_BEFORE)
    head = rf"(?P<terms>(?:{plain}{_JOIN})*){term}{_LINK}(?:{approx})?$"
    # The search tries every place of the window; the engine sees no first character to
    # skip ahead by (the pattern opens with an optional repeat), so it is told: a lookahead
    # for the characters a match can start with turns most places down at once (20 → 3.5 µs
    # a figure).
    starts = first_characters(head)
    if starts:
        head = f"(?=[{re.escape(''.join(sorted(starts)))}])" + head
    tail = re.compile("^(?:" + "|".join(after) + ")")
    return re.compile(head), tail, names_before, names_after


_HEAD, _TAIL, _NAMES_BEFORE, _NAMES_AFTER = _compile()
# A word every concept's wording contains: a figure whose clause has none of them is not
# looked at further (most figures of a narrative are about other things).
CONCEPT_KEYWORDS = (
    "公开",
    "提供",
    "处理",
    "办结",
    "答复",
    "结转",
    "规章",
    "文件",
    "决定",
    "收费",
    "维持",
    "纠正",
    "纠错",
    "审结",
    "结果",
)
_ANY_TERM = re.compile("|".join(CONCEPT_KEYWORDS))
_PLAIN_TERMS = [(re.compile("(?:" + "|".join(c.before) + ")"), c) for c in CONCEPTS]


def extract(report: Report) -> tuple[Statement, ...]:
    """Every figure stated in the narrative of ``report`` (preamble and section paragraphs)."""
    return tuple(_statements(narrative_of(report)))


def statements_of(report: Report) -> Sequence[Statement]:
    """The report's statements: those in the IR, or read now when the IR has none."""
    if report.statements is not None:
        return report.statements
    return extract(report)


def named_statements(report: Report) -> tuple[Statement, ...]:
    """The report's statements that name one of the format's concepts (those a rule
    compares with the tables), in order. Read without the others when the report's
    statements were not read yet (most figures of a narrative name none)."""
    found = report.statements
    if isinstance(found, Statements):
        return found.named()
    if found is not None:
        return tuple(s for s in found if s.concepts)
    return tuple(_statements(narrative_of(report), named_only=True))


class Statements(Sequence[Statement]):
    """A report's statements (``Report.statements`` as the interpreter gives it), read
    from its narrative when first asked for: by the IR, by the HTML audit. A rule that
    compares only the figures naming a concept asks for :meth:`named`, which reads only
    those (a third of them) unless all were read already. Compares equal to the tuple of
    the statements, and pickles as that tuple."""

    __slots__ = ("_parts", "_all", "_named")

    def __init__(
        self, sections: Sequence[Section], preamble: Sequence[TextBlock], media_type: str
    ) -> None:
        self._parts = (sections, preamble, media_type)
        self._all: tuple[Statement, ...] | None = None
        self._named: tuple[Statement, ...] | None = None

    @property
    def all(self) -> tuple[Statement, ...]:
        if self._all is None:
            self._all = tuple(_statements(of_parts(*self._parts)))
        return self._all

    def named(self) -> tuple[Statement, ...]:
        if self._named is None:
            if self._all is not None:
                self._named = tuple(s for s in self._all if s.concepts)
            else:
                self._named = tuple(_statements(of_parts(*self._parts), named_only=True))
        return self._named

    def __len__(self) -> int:
        return len(self.all)

    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        return self.all[index]

    def __iter__(self) -> Iterator[Statement]:
        return iter(self.all)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Statements):
            other = other.all
        return self.all == other if isinstance(other, tuple) else NotImplemented

    def __hash__(self) -> int:
        return hash(self.all)

    def __repr__(self) -> str:
        return repr(self.all)

    def __reduce__(self) -> tuple[type, tuple[tuple[Statement, ...]]]:
        return (tuple, (self.all,))


def attach(report: Report) -> Report:
    """``report`` with its statements (the interpreter's one call into this module)."""
    from dataclasses import replace

    return replace(report, statements=extract(report))


def narrative_of(report: Report) -> Narrative:
    """The report's text outside tables (:func:`linter.narrative.of_report`); statements are
    read from its paragraphs only, never from headings."""
    return of_report(report)


_START = methodcaller("start")
_anchor_later = LazyAnchor.maker(lambda place: place[0].anchor(place[1], place[2])[0])
# A figure's value by its text: the same few (“1”, “0”, “两”) stand in every report.
_parse_figure = lru_cache(maxsize=4096)(parse_number)


def _statements(narrative: Narrative, named_only: bool = False) -> Iterator[Statement]:
    """The narrative's statements in order; ``named_only``: only those naming a concept
    (the same statements, the others left unread)."""
    text = narrative.text
    term_starts = list(map(_START, _ANY_TERM.finditer(text)))
    if named_only and not term_starts:
        return
    term_ends = [t + 2 for t in term_starts]
    ends = (*narrative.starts[1:], len(text))
    headings = [
        (narrative.starts[i], ends[i])
        for i, src in enumerate(narrative.sources)
        if src.where.startswith("heading")
    ]
    heading_starts = [h[0] for h in headings]
    year_matches = list(_YEAR.finditer(text))
    year_starts = [y.start() for y in year_matches]
    years = [int(y.group(1)) for y in year_matches]
    for m in _figures(text):
        h = bisect_right(heading_starts, m.start) - 1
        if h >= 0 and m.start < headings[h][1]:
            continue  # a heading is not narrative
        figure = m.text
        value = _parse_figure(figure)
        if value is None:
            continue
        unit = m.unit
        figure_end = m.unit_end
        if isinstance(value, Decimal):
            value = float(value)
        start, end = m.start, m.end
        clause_start = narrative.clause_start(start)
        clause_end = narrative.clause_end(figure_end)
        i = bisect_right(term_ends, start)
        has_before = i > 0 and term_ends[i - 1] > clause_start
        j = bisect_left(term_starts, figure_end)
        has_after = j < len(term_starts) and term_starts[j] < clause_end
        if named_only and not (has_before or has_after):
            continue
        # Windows, not whole clauses: a table flattened into one line has no clause ends.
        head = text[max(clause_start, start - _HEAD_WINDOW) : start]
        sentence_head = text[max(narrative.sentence_start(start), start - _SENTENCE_WINDOW) : start]
        concepts = (
            _concepts(head, text[figure_end:clause_end], sentence_head, unit)
            if has_before or has_after
            else ()
        )
        if named_only and not concepts:
            continue
        # 其中 makes the rest of its sentence a breakdown (“共收到申请95件，其中，…”).
        found = set(_QUALIFIER_RE.findall(head))
        if "其中" in sentence_head:
            found.add("其中")
        qualifiers = tuple(q for q in _QUALIFIERS if q in found) if found else ()
        after = text[figure_end : figure_end + 2]
        approx_after = _APPROX_AFTER_RE.match(after)
        approximate = bool(m.more or approx_after or head.endswith(_APPROX_BEFORE))
        if m.more:
            qualifiers += (m.more,)
        if approx_after:
            qualifiers += (approx_after.group(),)
        comparison = _COMPARISON_RE.search(head) is not None
        y = bisect_left(year_starts, start) - 1
        year = years[y] if y >= 0 and year_starts[y] >= start - len(sentence_head) else None
        # Placed when read (a finding about the statement, the IR): most never are.
        anchor = _anchor_later((narrative, start, end))
        where = narrative.sources[narrative.block_of(start)].where
        yield Statement(
            text[max(clause_start, start - _HEAD_WINDOW) : min(clause_end, figure_end + 40)],
            figure,
            value,
            unit,
            concepts,
            qualifiers,
            approximate,
            comparison,
            year,
            where,
            anchor,
        )


def _concepts(head: str, tail: str, sentence_head: str, unit: str) -> tuple[str, ...]:
    """The concepts named right before the figure (several joined by 和/及/、), or right after
    it; each must be counted in ``unit`` and, for the outcomes of 四, stand in its context."""
    found: list[Concept] = []
    m = _HEAD.search(head, max(0, len(head) - _TERM_WINDOW))
    if m:
        # The term's alternatives are named groups, exactly one of which matched; it closes
        # after ``terms`` and before the linking words (no capturing groups).
        found.append(_NAMES_BEFORE[m.lastgroup])  # type: ignore[index]
        joined = m.group("terms")
        if joined:
            found = _joined(joined) + found
    elif unit in COUNT_UNITS:
        t = _TAIL.match(tail)
        if t:
            found = [c for name, c in _NAMES_AFTER.items() if t.group(name) is not None]
    out: list[str] = []
    for concept in found:
        if unit not in concept.units:
            return ()
        if concept.context:
            concept = _in_context(concept, sentence_head)
            if concept is None:
                return ()
        out.append(concept.id)
    return tuple(dict.fromkeys(out))


def _joined(terms: str) -> list[Concept]:
    """The concepts of “予以公开及部分公开” before the last one."""
    out: list[Concept] = []
    for part in _JOIN_RE.split(terms):
        for regex, concept in _PLAIN_TERMS:
            if part and regex.fullmatch(part):
                out.append(concept)
                break
    return out


def _in_context(concept: Concept, sentence_head: str) -> Concept | None:
    """For the outcomes of 四: the group whose word stands last before the figure."""
    best: tuple[int, Concept] | None = None
    outcome = concept.id.split(".", 1)[1]
    for candidate in CONCEPTS:
        if not candidate.context or candidate.id.split(".", 1)[1] != outcome:
            continue
        position = max((sentence_head.rfind(w) for w in candidate.context), default=-1)
        if position >= 0 and (best is None or position > best[0]):
            best = (position, candidate)
    return best[1] if best else None


__all__ = [
    "CONCEPTS",
    "CONCEPT_BY_ID",
    "COUNT_UNITS",
    "CLAUSE_END",
    "Concept",
    "attach",
    "extract",
    "named_statements",
    "narrative_of",
    "Statements",
    "statements_of",
]
