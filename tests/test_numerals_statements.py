"""Chinese numerals (linter.numerals) and the statement extractor (linter.statements)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from linter.document import Anchor
from linter.model import Report, Section, Source, Statement, TextBlock
from linter.numerals import chinese_to_int, parse_number
from linter.schema import validate_report_json
from linter.statements import CONCEPT_BY_ID, CONCEPTS, extract, statements_of


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一千二百九十九", 1299),
        ("两千零五", 2005),
        ("十二", 12),
        ("十", 10),
        ("零", 0),
        ("两", 2),
        ("二百零五", 205),
        ("一百一十", 110),
        ("一千零五十", 1050),
        ("三万四千", 34000),
        ("一万零五百", 10500),
        ("十二万三千四百五十六", 123456),
        ("两亿三千万", 230_000_000),
    ],
)
def test_chinese_numerals_read_exactly(text: str, value: int) -> None:
    assert chinese_to_int(text) == value
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text",
    # abbreviations, digit strings, a skipped place without 零, misplaced 两, doubled units
    [
        "一万二",
        "一千二",
        "一千五",
        "一二三",
        "一千五十",
        "一万五百",
        "两十",
        "十两",
        "一百百",
        "零五",
        "万",
        "两千余",
    ],
)
def test_ambiguous_chinese_numerals_are_refused(text: str) -> None:
    assert chinese_to_int(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("1295", 1295), ("3,119", 3119), ("1.2万", 12000), ("4166.214619", Decimal("4166.214619"))],
)
def test_arabic_figures(text: str, value: object) -> None:
    assert parse_number(text) == value


def _report(*paragraphs: str, year: int = 2025) -> Report:
    from linter.model import Decided

    blocks = tuple(TextBlock(p, Anchor(line=i + 10, column=1)) for i, p in enumerate(paragraphs))
    return Report(
        source=Source("r.txt", "text/plain", "0" * 64, 1),
        year=Decided(year, "title"),
        sections=(Section(1, "overview", "一、总体情况", Anchor(line=9, column=1), blocks),),
    )


def _one(sentence: str) -> Statement:
    found = extract(_report(sentence))
    assert len(found) == 1, found
    return found[0]


def test_figure_unit_concept_and_position() -> None:
    # 上海市人民政府办公厅 2025, 一（二）.
    s = _one("其中，予以公开及部分 公开 208 件（17.46%）")
    assert (s.figure, s.value, s.unit) == ("208", 208, "件")
    assert s.concepts == ("applications.granted", "applications.partially_granted")
    assert s.qualifiers == ("其中",)
    assert (s.anchor.line, s.anchor.column, s.anchor.end_column) == (10, 15, 18)
    assert s.where == "section/1"
    assert not s.approximate and not s.comparison


def test_chinese_numeral_figure() -> None:
    s = _one("市政府共受理政府信息公开申请一千二百九十九件")
    assert (s.figure, s.value) == ("一千二百九十九", 1299)
    assert s.concepts == ("applications.new_received",)
    assert "共" in s.qualifiers


@pytest.mark.parametrize(
    ("sentence", "approximate", "comparison"),
    [
        ("全年不予公开约20件", True, False),
        ("不予公开两千余件", True, False),
        ("不予公开20件以上", True, False),
        ("不予公开较上年增加20件", False, True),
        ("不予公开20件", False, False),
    ],
)
def test_estimates_and_comparisons(sentence: str, approximate: bool, comparison: bool) -> None:
    s = _one(sentence)
    assert (s.approximate, s.comparison) == (approximate, comparison)
    assert s.concepts == ("applications.withheld",)


def test_outcomes_of_section_four_take_their_group_from_the_sentence() -> None:
    # 淮安市人民政府 2024.
    found = extract(
        _report(
            "政府信息公开行政复议 351 件，其中结果维持 72 件，结果纠正 64 件。行政诉讼 46 件，其中结果维持 25 件。"
        )
    )
    assert [(s.value, s.concepts) for s in found if s.concepts] == [
        (72, ("review.upheld",)),
        (64, ("review.corrected",)),
        (25, ("litigation.upheld",)),
    ]


def test_year_and_concept_after_the_figure() -> None:
    found = extract(_report("2024年，及时依法依规办结69件，1件结转下年度继续办理。"))
    assert [(s.value, s.concepts, s.year) for s in found] == [
        (69, ("applications.outcome_total",), 2024),
        (1, ("applications.carried_forward",), 2024),
    ]


def test_the_year_a_sentence_names() -> None:
    # A year is four digits from 20 before 年, not the end of a longer number, not a
    # report's year (2024年度报告); the narrative is NFKC, so ２０２１ is not read here.
    from linter.statements import _YEAR

    found = [
        (m.start(), m.group(1))
        for m in _YEAR.finditer("2023年收到12023年，x2024年度报告2022年报；２０２１年办结2020年度")
    ]
    assert found == [(0, "2023"), (23, "2022"), (37, "2020")]
    assert [m.group(1) for m in _YEAR.finditer("2019年")] == ["2019"]


def test_words_that_are_not_the_concept() -> None:
    # 淮安 2024: 政策性文件 is not 行政规范性文件; 主动公开规章 is not 制发; 第二十条 is an ordinal.
    found = extract(_report("全年新增公开市政府规章1件、市政府及市政府办政策性文件11件，第二十条"))
    assert [(s.value, s.concepts) for s in found] == [(1, ()), (11, ())]


def test_statements_in_the_ir_and_schema(tmp_path) -> None:
    report = _report("办结1191件（含上年结转189件）")
    with_statements = Report.from_json(json.loads(json.dumps({**report.to_json()})))
    assert with_statements.statements is None  # not extracted: read on demand
    assert [s.value for s in statements_of(with_statements)] == [1191, 189]
    from linter.statements import attach

    data = attach(report).to_json()
    assert validate_report_json(data) == []
    assert data["statements"][1]["concepts"] == ["applications.carried_over"]
    assert Report.from_json(data).statements == attach(report).statements


def test_the_interpreters_statements_are_read_when_asked_for() -> None:
    # Only TX004 reads statements in a check, and only those naming a concept (a third of
    # them): the interpreter leaves them unread; the IR and the HTML audit read them all.
    import pickle

    from linter.interpret import interpret
    from linter.readers import Limits
    from linter.readers.text import TextReader
    from linter.statements import Statements, attach, named_statements

    path = Path(__file__).parent / "fixtures" / "text" / "2025_prov-shanghai-govoffice.md"
    data = path.read_bytes()
    report = interpret(TextReader().read(str(path), data, Limits()), data)
    lazy = report.statements
    assert isinstance(lazy, Statements) and lazy._all is None
    named = named_statements(report)
    assert named and lazy._all is None  # the named ones were read alone
    every = extract(report)
    assert named == tuple(s for s in every if s.concepts) and len(named) < len(every)
    assert lazy == every == attach(report).statements and len(lazy) == len(every)
    assert named_statements(report) is named
    assert pickle.loads(pickle.dumps(report)).statements == every
    assert type(pickle.loads(pickle.dumps(lazy))) is tuple
    assert report.to_json()["statements"] == [s.to_json() for s in every]


def test_concepts_are_data() -> None:
    assert len({c.id for c in CONCEPTS}) == len(CONCEPTS)
    assert CONCEPT_BY_ID["applications.withheld"].parts[0][0] == "国家秘密"


def test_first_characters_of_a_pattern() -> None:
    from linter.statements import first_characters

    assert first_characters("(?:a|b)?c") == {"a", "b", "c"}
    assert first_characters("(?<!q)e|[a-c]d") == {"a", "b", "c", "e"}
    assert first_characters("(?:本年度?)?(?:制发|出台)规章") == {"本", "制", "出"}
    # Not to be told: the shortcut is left out rather than made too narrow.
    assert first_characters("x*") is None
    assert first_characters(".a") is None
    assert first_characters(r"\da") is None


def test_head_pattern_starts_with_every_concept_word() -> None:
    """The lookahead put before the words-before-a-figure pattern lets every concept's
    words through: each is found right before a figure."""
    from linter.statements import _HEAD

    for head, concept in (
        ("本年度收到政府信息公开申请", 0),
        ("依申请公开", None),
        ("其中予以公开", 0),
        ("上年结转", 0),
        ("现行有效规范性文件", 0),
        ("全年制发规章", 0),
        ("行政复议结果维持", 0),
    ):
        found = _HEAD.search(head, max(0, len(head) - 40))
        assert (found is None) == (concept is None), head


def test_statement_anchors_are_placed_only_when_read() -> None:
    # Most figures of a narrative never reach a finding: where each stands in the source
    # is worked out when something reads it (a TX004 finding, the IR), and then points at
    # the figure as printed.
    from linter.document import LazyAnchor
    from linter.interpret import interpret
    from linter.readers import Limits
    from linter.readers.text import TextReader

    path = Path(__file__).parent / "fixtures" / "text" / "2019_city-bureau-gongxin_tika.txt"
    data = path.read_bytes()
    report = interpret(TextReader().read(str(path), data, Limits()), data)
    found = report.statements
    assert len(found) >= 4
    assert all(type(s.anchor) is LazyAnchor and s.anchor._locate is not None for s in found)
    lines = data.decode("utf-8").split("\n")
    for s in found:
        printed = lines[s.anchor.line - 1][s.anchor.column - 1 :]
        assert printed.startswith(s.figure[0]), (s.figure, printed[:20])
