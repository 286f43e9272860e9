"""TX rules (narrative against tables) on every real report of the corpus.

* Whole reports through the engine: the text fixtures (the 2019 sample, 上海 2025, the four
  flattened 平潭 pages), 上海 2025 with one sentence changed, and — when the DOCX reader and
  ``tests/docx_fixtures.py`` are there — 淮安 2024 and 洪泽 2024 in the official template.
* The PDF and HTML reports (``fixtures/corpus_sections/tx``): their extracted narrative and
  the table figures read from the published page, built into an IR and checked by the rules;
  the HTML pages also through the engine's HTML reader (those copied among the fixtures).
* The patterns on single real and near-real sentences.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from linter.document import Anchor
from linter.engine import Engine, FileResult
from linter.labels import SECTIONS
from linter.model import Cell, Report, Row, Section, Source, Table, TextBlock
from linter.plugins import Plugins, load_plugins
from linter.rule import RuleContext
from rules.consistency import common
from rules.consistency.figures import applications_received, litigation_cases, review_cases
from rules.consistency.narrative import (
    Narrative,
    application_counts,
    application_none,
    case_counts,
    case_none,
    fee_notice_none,
)
from tests.conftest import FIXTURES, PINGTAN, SAMPLE_2019, SHANGHAI_2025_MD, replace_line, write

CORPUS = FIXTURES / "corpus_sections" / "tx"
TABLES = json.loads((CORPUS / "tables.json").read_text(encoding="utf-8"))
TX = ("TX001", "TX002", "TX003")


@pytest.fixture(scope="module")
def tx_plugins() -> Plugins:
    """The installed plugins, with rules.consistency added if its entry point is not there yet."""
    loaded = load_plugins()
    if "TX001" not in loaded.rules:
        import rules.consistency

        loaded = load_plugins(extra=[("consistency", rules.consistency)])
    assert not loaded.problems, loaded.problems
    assert set(TX) <= set(loaded.rules)
    return loaded


@pytest.fixture
def tx_engine(tx_plugins: Plugins, tmp_path: Path) -> Engine:
    return Engine(plugins=tx_plugins, root=tmp_path)


def tx(result: FileResult) -> list[tuple]:
    """TX findings as (code, sub_id, line, column, expected, reported)."""
    return [
        (
            f.code,
            f.sub_id,
            f.location.anchor.line,
            f.location.anchor.column,
            f.expected,
            f.reported,
        )
        for f in result.findings
        if f.code in TX
    ]


# --- whole reports through the engine --------------------------------------------------------


def test_text_fixtures_give_no_tx(tx_engine: Engine) -> None:
    for path in [SAMPLE_2019, SHANGHAI_2025_MD, *PINGTAN]:
        assert tx(tx_engine.lint_path(path)) == [], path.name


def test_shanghai_2025_narrative_agrees_with_table(tx_engine: Engine) -> None:
    # “市政府共受理政府信息公开申请 1295 件，办结 1191 件（含上年结转 189 件）” and table 一 = 1295;
    # “全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形” is about outcomes: table 四 has
    # 55 reviews and 12 + 22 lawsuits, and that is no contradiction.
    result = tx_engine.lint_path(SHANGHAI_2025_MD)
    text = common.narrative(result.report, common.CASE_SECTIONS)
    assert [(s.kind, s.value, s.strong) for s in application_counts(text)] == [
        ("received", 1295, True)
    ]
    assert case_counts(text) == [] and case_none(text) == [] and application_none(text) == []


def test_a_narrative_is_read_for_counts_once_each_caller_gets_its_own_list(
    tx_engine: Engine,
) -> None:
    # TX001 and TX002 read the application counts of one narrative, TX002 and TX003 its
    # case counts: the statements are found once (the same objects come back), and a
    # caller that changes its list changes no other caller's.
    result = tx_engine.lint_path(SHANGHAI_2025_MD)
    text = common.narrative(result.report, common.CASE_SECTIONS)
    first, again = application_counts(text), application_counts(text)
    assert first == again and first and first is not again
    assert all(a is b for a, b in zip(first, again, strict=True))
    first.clear()
    assert application_counts(text) == again
    # another narrative (another report's, or other sections) is read for itself
    other = common.narrative(result.report, common.APPLICATION_SECTIONS)
    assert other is not text
    assert [s.value for s in application_counts(other)] == [s.value for s in again]


def test_the_tables_figures_are_read_once_per_report(tx_engine: Engine) -> None:
    # TX001 and TX002 compare the narrative with the applications received, TX002 and
    # TX003 with the cases, TX004 and TX005 with the same concepts: each figure is read
    # from the tables once per report, and another report's is its own.
    report = tx_engine.lint_path(SHANGHAI_2025_MD).report
    received = applications_received(report)
    assert received is not None and received.expected == 1295
    assert applications_received(report) is received
    assert review_cases(report) is review_cases(report) is not None
    assert litigation_cases(report) is litigation_cases(report)
    other = tx_engine.lint_path(SAMPLE_2019).report
    assert applications_received(other) is not received
    assert applications_received(other) == applications_received(other)


def test_pingtan_narratives_are_read_but_without_tables_nothing_is_said(
    tx_engine: Engine,
) -> None:
    # The flattened pages' tables cannot be recovered (XT002): the rules must stay silent even
    # though the narratives state counts (2022: 75 received; 1 lawsuit, 2 reviews).
    read = {}
    for path in PINGTAN:
        result = tx_engine.lint_path(path)
        assert not result.report.applications.present
        text = common.narrative(result.report, common.CASE_SECTIONS)
        read[path.name[:4]] = (
            [s.value for s in application_counts(text)],
            [(s.kind, s.value) for s in case_counts(text)],
        )
        assert tx(result) == []
    assert read == {
        "2019": ([], []),
        # “4.认真办理依申请公开2020年全区各级行政机关共受理政府信息公开申请21件”
        "2020": ([21], []),
        "2021": ([70], []),  # “本年度全区共收到70件申请”
        "2022": ([75], [("litigation", 1), ("review", 2)]),
    }


SH_LINE_RECEIVED = 38  # 市政府共受理政府信息公开申请 1295 件，办结 1191 件（含
SH_LINE_OUTCOMES = 43  # 主动撤回 157 件）。全年未发生因依申请公开被行政复议纠错或
SH_LINE_OUTCOMES_END = 44  # 行政诉讼败诉情形。


def _shanghai(**lines: str) -> str:
    text = SHANGHAI_2025_MD.read_text(encoding="utf-8")
    for number, new in lines.items():
        text = replace_line(text, int(number.removeprefix("line")), new)
    return text


def test_shanghai_with_hongze_sentence_gives_tx001(tx_engine: Engine, tmp_path: Path) -> None:
    text = _shanghai(line38="区政府办代表区政府受理政府信息公开申请 17 件，办结 1191 件（含")
    result = tx_engine.lint_path(write(tmp_path, "report.md", text))
    assert tx(result) == [("TX001", None, SH_LINE_RECEIVED, 21, 1295, 17)]
    finding = next(f for f in result.findings if f.code == "TX001")
    assert finding.level == "warning"
    assert finding.location.anchor.end_column == 23
    assert finding.location.logical == "一/narrative"
    assert [r.logical for r in finding.related] == [
        "三/new_received/total",
        "三/carried_over/total",
    ]
    assert [r.anchor.line for r in finding.related] == [115, 117]
    assert finding.message_zh.startswith(
        "第一部分文字写明收到政府信息公开申请 17 件（“受理政府信息公开申请17件”），"
        "但第三部分表格“一、本年新收政府信息公开申请数量”总计为 1295，"
        "加上“二、上年结转政府信息公开申请数量”总计 189 为 1484，与 17 不符。"
    )
    assert "states 17 applications received" in finding.message_en
    assert finding.properties["table_values"] == ["1295", "1484"]


def test_received_count_including_carried_over_is_accepted(
    tx_engine: Engine, tmp_path: Path
) -> None:
    # 1295 new + 189 carried over: a narrative may count either.
    text = _shanghai(line38="市政府共受理政府信息公开申请 1,484 件，办结 1191 件（含")
    assert tx(tx_engine.lint_path(write(tmp_path, "report.md", text))) == []


def test_none_received_against_table_gives_tx002(tx_engine: Engine, tmp_path: Path) -> None:
    text = _shanghai(line38="本年度未收到政府信息公开申请，办结 1191 件（含")
    result = tx_engine.lint_path(write(tmp_path, "report.md", text))
    assert tx(result) == [("TX002", "received", SH_LINE_RECEIVED, 4, 1295, 0)]
    finding = next(f for f in result.findings if f.code == "TX002")
    assert finding.level == "error"
    assert "称“未收到政府信息公开申请”" in finding.message_zh
    assert finding.message_zh == (
        "第一部分文字称“未收到政府信息公开申请”，但第三部分表格"
        "“一、本年新收政府信息公开申请数量”总计为 1295，即有收到申请；"
        "文字与表格相反，必有一处有误，请核对后更正。"
    )


def test_no_cases_against_table_gives_tx002_per_group(tx_engine: Engine, tmp_path: Path) -> None:
    text = _shanghai(
        line43="主动撤回 157 件）。全年未发生因政府信息公开被申请行政复议或",
        line44="提起行政诉讼的情形。",
    )
    result = tx_engine.lint_path(write(tmp_path, "report.md", text))
    assert tx(result) == [
        ("TX002", "litigation", SH_LINE_OUTCOMES, 15, 34, 0),
        ("TX002", "review", SH_LINE_OUTCOMES, 15, 55, 0),
    ]
    litigation = next(f for f in result.findings if f.sub_id == "litigation")
    assert "行政诉讼“未经复议直接起诉”总计 12 与“复议后起诉”总计 22，合计 34，即有行政诉讼案件" in (
        litigation.message_zh
    )
    assert [r.logical for r in litigation.related] == [
        "四/litigation_direct/total",
        "四/litigation_after_review/total",
    ]


def test_review_count_differing_gives_tx003(tx_engine: Engine, tmp_path: Path) -> None:
    text = _shanghai(
        line43="主动撤回 157 件）。全年政府信息公开行政复议 50 件、行政诉讼 34 件。",
        line44="",
    )
    result = tx_engine.lint_path(write(tmp_path, "report.md", text))
    # 50 ≠ 55 (review total); 34 = 12 + 22.
    assert tx(result) == [("TX003", "review", SH_LINE_OUTCOMES, 26, 55, 50)]
    tx003 = next(f for f in result.findings if f.code == "TX003")
    assert "第四部分表格“行政复议”总计为 55，与 50 不符" in tx003.message_zh


def test_sample_2019_review_count_against_empty_table_gives_reverse_tx002(
    tx_engine: Engine, tmp_path: Path
) -> None:
    # The sample's table 四 holds only zeros (and one blank total).
    lines = SAMPLE_2019.read_text(encoding="utf-8").split("\n")
    assert lines[396 - 1].startswith("全年我局共承办人大代表建议9件")
    text = replace_line(
        "\n".join(lines), 5, "一是完善工作机制。本年度发生政府信息公开行政诉讼 2 件。"
    )
    result = tx_engine.lint_path(write(tmp_path, "report.txt", text))
    assert tx(result) == [("TX002", "litigation", 5, 26, 0, 2)]
    tx002 = next(f for f in result.findings if f.code == "TX002")
    assert "相应各格全部为 0 或空白" in tx002.message_zh


# --- DOCX in the official template (淮安 2024 and 洪泽 2024 real figures) ------------------


def _docx_fixtures(tx_plugins: Plugins):
    module = pytest.importorskip("tests.docx_fixtures")
    if not any(getattr(r, "name", "") == "docx" for r in tx_plugins.readers):
        pytest.skip("no DOCX reader")
    return module


def test_huaian_2024_docx_narrative_matches_tables(
    tx_plugins: Plugins, tx_engine: Engine, tmp_path: Path
) -> None:
    # “全市共受理政府信息公开申请3119件” = 3119; “行政复议351件” = 351; “行政诉讼46件” = 26 + 20.
    docx = _docx_fixtures(tx_plugins)
    result = tx_engine.lint_path(write(tmp_path, "huaian.docx", docx.huaian_2024_docx()))
    assert tx(result) == []


def test_huaian_2024_docx_fee_notice_denied_gives_tx002(
    tx_plugins: Plugins, tx_engine: Engine, tmp_path: Path
) -> None:
    # Table 三 （六）2 = 6: six applicants did not pay a fee notice, so notices were issued.
    docx = _docx_fixtures(tx_plugins)
    sections = dict(docx.HUAIAN_2024_SECTIONS)
    sections["六"] = (
        "2024年，市政府未向申请人发出收费通知，全年收取政府信息公开信息处理费3940元。",
    )
    result = tx_engine.lint_path(
        write(tmp_path, "huaian.docx", docx.huaian_2024_docx(sections=sections))
    )
    found = [f for f in result.findings if f.code in TX]
    assert [(f.code, f.sub_id, f.expected, f.reported) for f in found] == [
        ("TX002", "fee_notice", 6, 0)
    ]
    assert found[0].location.anchor.column == 10
    assert found[0].location.anchor.paragraph is not None
    assert "（六）2.申请人逾期未按收费通知要求缴纳费用" in found[0].message_zh


# 洪泽区 2024 as printed (PDF): table 三 by row, natural persons (every other column 0);
# the single （六） row (0) is spread over the template's three sub-rows.
_HONGZE_2024_ROWS = (95, 0, 50, 9, 0, 0, 1, 0, 0, 1, 1, 0, 31, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 95, 0)
_HONGZE_2024_REVIEW = ((1, 1, 0, 0, 2), (1, 0, 0, 0, 1), (2, 0, 1, 0, 3))


def test_hongze_2024_docx_gives_tx001_17_vs_95(
    tx_plugins: Plugins, tx_engine: Engine, tmp_path: Path
) -> None:
    docx = _docx_fixtures(tx_plugins)
    values = {}
    for row, natural in zip(docx.APPLICATION_ROWS, _HONGZE_2024_ROWS, strict=True):
        for column in docx.APPLICATION_COLUMNS:
            values[("三", row, column)] = natural if column in ("自然人", "总计") else 0
    for group, numbers in zip(docx.REVIEW_GROUPS, _HONGZE_2024_REVIEW, strict=True):
        for leaf, value in zip(docx.REVIEW_LEAVES, numbers, strict=True):
            values[("四", group, leaf)] = value
    data_lines = (CORPUS / "2024_district-hongze_gov.narrative.txt").read_text(encoding="utf-8")
    overview = data_lines.split("一、总体情况\n")[1].split("二、主动公开政府信息情况")[0]
    # The PDF's wrapped lines joined into its paragraphs (each （一）… starts one).
    paragraphs = re.split(r"\n(?=（)", overview.strip())
    paragraphs = [p.replace("\n", "") for p in paragraphs]
    data = docx.fill_template(
        values,
        title="淮安市洪泽区人民政府2024年政府信息公开工作年度报告",
        sections={"一": paragraphs},
    )
    result = tx_engine.lint_path(write(tmp_path, "hongze.docx", data))
    found = [f for f in result.findings if f.code in TX]
    assert [(f.code, f.expected, f.reported) for f in found] == [("TX001", 95, 17)]
    assert "区政府办代表区政府受理政府信息公开申请" not in found[0].message_zh  # quoted compactly
    assert "（“受理政府信息公开申请17件”）" in found[0].message_zh


# --- PDF and HTML reports: extracted narrative + the published table figures ---------------


def _cell(value: int | None) -> Cell:
    if value is None:
        return Cell("", None, "blank", Anchor())
    return Cell(str(value), value, "number", Anchor())


def corpus_report(stem: str) -> Report:
    """An IR of one corpus report: its narrative lines (anchored at their fixture line) split
    at the section headings, and its table-三/四 figures from ``tables.json``."""
    figures = TABLES[stem]
    lines = (CORPUS / f"{stem}.narrative.txt").read_text(encoding="utf-8").split("\n")
    preamble: list[TextBlock] = []
    sections: list[Section] = []
    for number, line in enumerate(lines, start=1):
        if not line:
            continue
        block = TextBlock(line, Anchor(line=number, column=1))
        heading = re.match(r"^([一二三四五六])、", line)
        if heading:
            n = "一二三四五六".index(heading.group(1)) + 1
            sections.append(Section(n, SECTIONS[n - 1].key, line, block.anchor))
        elif sections:
            last = sections[-1]
            sections[-1] = Section(
                last.number, last.key, last.heading, last.anchor, (*last.paragraphs, block)
            )
        else:
            preamble.append(block)
    rows = {
        "new_received": {"total": _cell(figures["new_received"])},
        "carried_over": {"total": _cell(figures["carried_over"])},
    }
    if figures["unpaid_fee"] is not None:
        rows["other_handling.unpaid_fee"] = {"total": _cell(figures["unpaid_fee"])}
    outcomes = ("upheld", "corrected", "other", "pending", "total")
    cases = {
        f"{group}.{outcome}": _cell(value)
        for group in ("review", "litigation_direct", "litigation_after_review")
        for outcome, value in zip(outcomes, figures[group], strict=True)
    }
    return Report(
        source=Source(path=figures["source"], media_type="text/plain", sha256="", size=0),
        preamble=tuple(preamble),
        sections=tuple(sections),
        applications=Table(
            present=True,
            edition=figures["edition"],
            rows={k: Row(k, k, Anchor(), cells) for k, cells in rows.items()},
        ),
        review_litigation=Table(present=True, rows={"cases": Row("cases", "", Anchor(), cases)}),
    )


def check(tx_plugins: Plugins, report: Report) -> list[tuple]:
    out = []
    for code in TX:
        for f in tx_plugins.rules[code].check(report, RuleContext()):
            a = f.location.anchor
            out.append((f.code, f.sub_id, a.line, a.column, f.expected, f.reported))
    return out


def read(stem: str) -> dict[str, list]:
    report = corpus_report(stem)
    text = common.narrative(report, common.CASE_SECTIONS)
    fee = common.narrative(report, common.FEE_SECTIONS)
    return {
        "received": [(s.value, s.strong) for s in application_counts(text)],
        "cases": [(s.kind, s.value) for s in case_counts(text)],
        "none": [n.kinds for n in application_none(text) + case_none(text) + fee_notice_none(fee)],
    }


# Per report: what the patterns read, and the exact TX findings.
CORPUS_EXPECTED = {
    # E7: “2024 年，区政府办代表区政府受理政府 / 信息公开申请 17 件” (line 24, column 8); table 三 95.
    "2024_district-hongze_gov": (
        {"received": [(17, True)], "cases": [], "none": []},
        [("TX001", None, 24, 8, 95, 17)],
    ),
    # “2023 年全区受理政府信息公开申请 21 件” = 21. Table 四's totals are 0 against parts 11 and 5
    # (RL101), but the narrative states no case count.
    "2023_district-hongze_gov": ({"received": [(21, True)], "cases": [], "none": []}, []),
    # 3119 = 3119; 351 = 351; 46 = 26 + 20. “政策性文件 11 件” is not read at all.
    "2024_city-huaian_gov": (
        {"received": [(3119, True)], "cases": [("review", 351), ("litigation", 46)], "none": []},
        [],
    ),
    # 859 = 859; “无法提供265件” is one outcome, not read; 7 = 7; “诉讼9件” = 9 + blank.
    "2019_prov-shanghai-govoffice": (
        {"received": [(859, True)], "cases": [("review", 7), ("litigation", 9)], "none": []},
        [],
    ),
    # 75 = 74 new + 1 carried over; “行政诉讼案件1件、行政复议案件2件” = 1 + 0 and 2.
    "2022_zone-pingtan_gov": (
        {"received": [(75, True)], "cases": [("litigation", 1), ("review", 2)], "none": []},
        [],
    ),
    # 81 = 81 (“接收通过邮寄、网络提交的各类…申请共计81件”); “办结依申请公开81件” is not read;
    # reviews 2 = 2, lawsuits 7 = 5 + 2.
    "2023_zone-pingtan_gov": (
        {"received": [(81, True)], "cases": [("review", 2), ("litigation", 7)], "none": []},
        [],
    ),
    # “共收到政府网站上政府信息公开申请件2件”: one channel, so weak — and equal to the table anyway.
    "2025_zonedept-pingtan-czj": ({"received": [(2, False)], "cases": [], "none": []}, []),
}


@pytest.mark.parametrize("stem", sorted(CORPUS_EXPECTED))
def test_corpus_report(tx_plugins: Plugins, stem: str) -> None:
    reads, findings = CORPUS_EXPECTED[stem]
    assert read(stem) == reads
    assert check(tx_plugins, corpus_report(stem)) == findings


def test_hongze_2024_message_names_both_figures(tx_plugins: Plugins) -> None:
    (finding,) = tx_plugins.rules["TX001"].check(
        corpus_report("2024_district-hongze_gov"), RuleContext()
    )
    assert finding.message_zh == (
        "第一部分文字写明收到政府信息公开申请 17 件（“受理政府信息公开申请17件”），"
        "但第三部分表格“一、本年新收政府信息公开申请数量”总计为 95，与 17 不符。"
        "文字与表格说的是同一件事，必有一处有误；请核对后更正错误的一处。"
    )
    assert finding.message_en.startswith(
        "the text of section 1 states 17 applications received (“受理政府信息公开申请17件”), "
        "but in the section-3 table “I. new applications received this year” totals 95, not 17."
    )


def test_shanghai_2019_without_its_narrative_count_matching(tx_plugins: Plugins) -> None:
    # With table 一 changed to 900, the narrative's 859 is reported; 265 (无法提供) never is.
    report = corpus_report("2019_prov-shanghai-govoffice")
    rows = dict(report.applications.rows)
    rows["new_received"] = Row("new_received", "", Anchor(), {"total": _cell(900)})
    changed = Report(
        source=report.source,
        preamble=report.preamble,
        sections=report.sections,
        applications=Table(present=True, rows=rows),
        review_litigation=report.review_litigation,
    )
    assert check(tx_plugins, changed) == [("TX001", None, 14, 23, 900, 859)]


# --- the patterns on single sentences ---------------------------------------------------------


def _read(sentence: str) -> tuple[list, list, list]:
    text = Narrative.from_texts([sentence])
    return (
        [(s.kind, s.value, s.strong) for s in application_counts(text) + case_counts(text)],
        [n.kinds for n in application_none(text) + case_none(text)],
        [n.kinds for n in fee_notice_none(text)],
    )


@pytest.mark.parametrize(
    ("sentence", "counts", "nones"),
    [
        # handling, not receiving
        ("办结依申请公开81件，其中予以公开42件。", [], []),
        ("答复政府信息公开申请805件（含上年度结转申请18件）。", [], []),
        ("因本机关不掌握等原因无法提供265件，占32.9%。", [], []),
        ("依申请公开信息数246条，不予公开信息数168条。", [], []),
        # other kinds of application
        ("全年受理行政许可申请550件。", [], []),
        ("我办全年未收到行政许可申请。", [], []),
        # widths, separators, spaces, line breaks
        ("全年受理政府信息公开申请１，２９５件。", [("received", 1295, True)], []),
        ("共收到申请 17 件，均按时答复。", [("received", 17, True)], []),
        ("受理政府信息公开申请90件，较上年增加10件。", [("received", 90, True)], []),
        # parts and other years are weak
        ("收到网上申请50件。", [], []),
        ("收到网上政府信息公开申请50件。", [("received", 50, False)], []),
        (
            "共收到申请95件，其中，区政府办受理政府信息公开申请17件。",
            [("received", 95, True), ("received", 17, False)],
            [],
        ),
        ("其中，区政府办受理政府信息公开申请17件。", [("received", 17, False)], []),
        ("去年受理政府信息公开申请80件。", [("received", 80, False)], []),
        # none
        ("本年度，我局未收到政府信息申请。", [], [("received",)]),
        ("全年未接到信息公开申请。", [], [("received",)]),
        ("本年度无依申请公开事项。", [], [("received",)]),
        ("未收到书面申请。", [], []),
        ("如未收到政府信息公开申请，应当如实说明。", [], []),
        ("本年度无依申请公开信息处理费收取情况。", [], []),
        # cases
        ("全年办理行政复议案件120件。", [("review", 120, False)], []),
        ("行政复议、行政诉讼案件9件。", [], []),
        (
            "因政府信息公开引起的行政复议、行政诉讼案件分别为2件、7件。",
            [("review", 2, True), ("litigation", 7, True)],
            [],
        ),
        ("政府信息公开类案件经行政复议后提起行政诉讼3件。", [("litigation", 3, False)], []),
        ("政府信息公开行政复议纠错2件。", [], []),
        ("全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。", [], []),
        ("本年度未发生行政复议、行政诉讼案件。", [], []),
        (
            "本年度未发生因政府信息公开工作被申请行政复议和提起行政诉讼的情况。",
            [],
            [("review", "litigation")],
        ),
        ("政府信息公开行政复议、行政诉讼均为0。", [], [("review", "litigation")]),
        ("（二）依申请公开情况。全年无行政复议案件。", [], [("review",)]),
    ],
)
def test_patterns(sentence: str, counts: list, nones: list) -> None:
    found_counts, found_nones, _ = _read(sentence)
    assert (found_counts, found_nones) == (counts, nones)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("本机关未向申请人发出收费通知。", [("fee_notice",)]),
        ("本年度未收取信息处理费。", []),
        ("2022年，无收取信息处理费情况。", []),
        ("2025 年度本机关未收取信息公开处理费。", []),
    ],
)
def test_fee_patterns(sentence: str, expected: list) -> None:
    assert _read(sentence)[2] == expected


def test_a_number_broken_across_lines_is_read_and_anchored() -> None:
    # 淮安 2024 (pdftotext -layout): “政府信息公开行政复议 351” / “件，其中结果维持 72 件”.
    text = Narrative.from_texts(["政府信息公开行政复议 351", "件，其中结果维持 72 件；"])
    (statement,) = case_counts(text)
    assert (statement.kind, statement.value) == ("review", 351)
    anchor, where = text.anchor(statement.start, statement.end)
    assert (anchor.line, anchor.column, anchor.end_column, where) == (1, 12, 15, "section/1")


def test_zero_count_and_none_in_one_phrase_are_reported_once(
    tx_engine: Engine, tmp_path: Path
) -> None:
    text = _shanghai(
        line43="主动撤回 157 件）。全年政府信息公开行政复议0件。",
        line44="",
    )
    result = tx_engine.lint_path(write(tmp_path, "report.md", text))
    assert tx(result) == [("TX002", "review", SH_LINE_OUTCOMES, 21, 55, 0)]


# --- the HTML pages through the engine, once an HTML reader and the page fixtures exist -------

HTML_PAGES = {
    "2019_prov-shanghai-govoffice": "2019_prov-shanghai-govoffice.html",
    "2022_zone-pingtan_gov": "2022_zone-pingtan_gov.html",
    "2023_zone-pingtan_gov": "2023_zone-pingtan_gov.html",
    "2025_zonedept-pingtan-czj": "2025_zonedept-pingtan-czj.html",
}


def _html_page(name: str) -> Path | None:
    for path in sorted(FIXTURES.rglob(name)):
        if path.is_file():
            return path
    return None


@pytest.mark.parametrize("stem", sorted(HTML_PAGES))
def test_html_page_through_the_engine(tx_plugins: Plugins, tx_engine: Engine, stem: str) -> None:
    """Same outcome as from the extracted narrative: the tables agree with the text."""
    if not any(getattr(r, "name", "") == "html" for r in tx_plugins.readers):
        pytest.skip("no HTML reader yet")
    page = _html_page(HTML_PAGES[stem])
    if page is None:
        pytest.skip(f"{HTML_PAGES[stem]} is not among the test fixtures")
    result = tx_engine.lint_path(page)
    figures = TABLES[stem]
    assert figures_of(result.report) == (
        figures["new_received"],
        figures["carried_over"] or 0,
        figures["review"][-1] or 0,
        (figures["litigation_direct"][-1] or 0) + (figures["litigation_after_review"][-1] or 0),
    )
    text = common.narrative(result.report, common.CASE_SECTIONS)
    reads, findings = CORPUS_EXPECTED[stem]
    assert [(s.value, s.strong) for s in application_counts(text)] == reads["received"]
    assert [(s.kind, s.value) for s in case_counts(text)] == reads["cases"]
    assert tx(result) == findings


def figures_of(report: Report) -> tuple:
    received, review, litigation = (
        applications_received(report),
        review_cases(report),
        litigation_cases(report),
    )
    assert received and review and litigation
    carried = received.accepted[1] - received.accepted[0] if len(received.accepted) > 1 else 0
    return (received.accepted[0], carried, review.accepted[0], litigation.accepted[0])


def test_html_statement_is_reported_at_its_paragraph(
    tx_plugins: Plugins, tx_engine: Engine, tmp_path: Path
) -> None:
    # HTML anchors point at the element's start tag, so no column inside the text is claimed:
    # the finding is at the <p> of “市政府办公厅代表市政府共受理政府信息公开申请859件…”.
    if not any(getattr(r, "name", "") == "html" for r in tx_plugins.readers):
        pytest.skip("no HTML reader yet")
    page = CORPUS / "2019_prov-shanghai-govoffice.html"
    html = page.read_text(encoding="utf-8")
    changed = html.replace("共受理政府信息公开申请859件", "共受理政府信息公开申请900件")
    original = tx_engine.lint_path(page)
    result = tx_engine.lint_path(write(tmp_path, "page.html", changed))
    paragraph = next(
        p for p in original.report.section(1).paragraphs if "共受理政府信息公开申请859件" in p.text
    )
    assert tx(result) == [("TX001", None, paragraph.anchor.line, paragraph.anchor.column, 859, 900)]
    tx001 = next(f for f in result.findings if f.code == "TX001")
    assert "写明收到政府信息公开申请 900 件" in tx001.message_zh


def test_a_section_4_cell_named_by_a_narrative_rule_is_labelled_as_printed():
    """A related location in the review/litigation table says 行政复议/结果维持, not the
    internal column id (it showed “第四部分 行政复议 / upheld”)."""
    from linter.document import Anchor
    from linter.model import Cell
    from rules.consistency.figures import _concept_location

    cell = Cell(text="3", value=3, state="number", anchor=Anchor(4, 2))
    place = _concept_location(("review_litigation", "", "litigation_direct.corrected"), cell)
    assert place.logical == "四/litigation_direct/corrected"
    assert place.label_zh == "第四部分 行政诉讼/未经复议直接起诉/结果纠正"
    assert "corrected" not in place.label_zh
    assert place.label_en == "section 4, litigation without prior review / corrected"
