"""OM001–OM002 (section 六, 信息处理费) and their cues, on every real report's section 六.

Section 六 of every real report of the corpus is in
``tests/fixtures/corpus_sections/<report>/section6.txt`` (pdftotext -layout for the three
PDFs, lxml for the pages, the IR for the text and markdown files; see the README there).
Each is checked twice:

- by the cue functions (``rules/other_matters/cues.py``): which sentence states the fee, and
  whether fee notices are reported;
- by the rules, end to end: the 2021-edition text fixture
  ``ad_2022_sample-with-pingtan-2022-tables.txt`` (see ``tests/test_rules_article20.py``)
  with its section 六 replaced by the real one and its row （六）2 set to the real report's
  value, so that each real text is judged as in a 2021+ report — including the four
  reports of 2019–2020 (2019 edition), on which the rules do not run in their own report.

Real values of row （六）2 (逾期未按收费通知要求缴纳费用), 总计: 淮安 2024 6; 平潭 2021, 2022,
2023 and 财政金融局 2025, 上海 2025 0; 洪泽 2023/2024 print a single （六）其他处理 row (0),
so its sub-row is 0; the 2019–2020 reports have the single row of the 2019 edition (0).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx_fixtures import HUAIAN_2024_SECTIONS, HUAIAN_2024_VALUES, huaian_2024_docx

from linter.engine import Engine
from linter.finding import Finding
from rules.other_matters.cues import fee_statement, notice_statement
from tests.conftest import FIXTURES, PINGTAN, SAMPLE_2019, SHANGHAI_2025_MD, TEXT, write

SECTIONS = FIXTURES / "corpus_sections"
HTML = FIXTURES / "html"
AD_2022 = TEXT / "ad_2022_sample-with-pingtan-2022-tables.txt"

# Lines of ad_2022_sample-with-pingtan-2022-tables.txt.
LINE_UNPAID_NATURAL, LINE_UNPAID_TOTAL = 301, 307  # （六）2 / 自然人, 总计
LINE_SECTION6, LINE_SECTION6_TEXT = 390, 391
LINE_OVERVIEW_LAST = 7
LINE_SIX_FIRST, LINE_SIX_LAST = 287, 319  # the （六） rows, from its blank first cell

HUAIAN_SENTENCE = "2024年，市政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费3940元。"
HONGZE_SENTENCE = (
    "{y}年，区政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费0元。"
)
PINGTAN_SENTENCE = "{y}年，无收取信息处理费情况。"

# report → (the sentence that states the fee, its kind, the amount read), the notice
# statement (none in any real report), the real row （六）2, and the OM findings
# (code, sub_id) when that section 六 stands in a 2021-edition report with that （六）2.
EXPECTED: dict[str, tuple] = {
    # 人大代表建议/政协提案 only.
    "2019_city-bureau-gongxin_tika.txt": (None, None, 0, [("OM001", None)]),
    # “无。” (E5).
    "2019_prov-shanghai-govoffice.html": (None, None, 0, [("OM001", None)]),
    "2019_zone-pingtan_gov.txt": (None, None, 0, [("OM001", None)]),
    "2020_zone-pingtan_gov.txt": (None, None, 0, [("OM001", None)]),
    "2021_zone-pingtan_gov.txt": ((PINGTAN_SENTENCE.format(y=2021), "none", None), None, 0, []),
    "2022_zone-pingtan_gov.txt": ((PINGTAN_SENTENCE.format(y=2022), "none", None), None, 0, []),
    "2022_zone-pingtan_gov.html": ((PINGTAN_SENTENCE.format(y=2022), "none", None), None, 0, []),
    "2023_zone-pingtan_gov.html": ((PINGTAN_SENTENCE.format(y=2023), "none", None), None, 0, []),
    "2025_zonedept-pingtan-czj.html": (
        (PINGTAN_SENTENCE.format(y=2025), "none", None),
        None,
        0,
        [],
    ),
    "2025_prov-shanghai-govoffice.md": (
        ("2025年度本机关未收取信息公开处理费。", "none", None),
        None,
        0,
        [],
    ),
    # 0 元 is stated (“收取……0 元”); the fee rules' title alone would not be.
    "2023_district-hongze_gov.pdf": (
        (HONGZE_SENTENCE.format(y=2023), "amount", "0元"),
        None,
        0,
        [],
    ),
    "2024_district-hongze_gov.pdf": (
        (HONGZE_SENTENCE.format(y=2024), "amount", "0元"),
        None,
        0,
        [],
    ),
    # E10: 6 applications dropped for an unpaid fee, only the 3,940 元 collected reported.
    "2024_city-huaian_gov.pdf": (
        (HUAIAN_SENTENCE, "amount", "3940元"),
        None,
        6,
        [("OM002", "no-notice")],
    ),
}
REPORTS = sorted(EXPECTED)


def section6(report: str) -> str:
    return (SECTIONS / report / "section6.txt").read_text(encoding="utf-8")


def as_2021_report(section_six: str, unpaid: int | None = 0, overview: str | None = None) -> str:
    """The 2021-edition fixture with this section 六 and （六）2 (自然人 and 总计) = ``unpaid``."""
    lines = AD_2022.read_text(encoding="utf-8").split("\n")
    if unpaid is not None:
        lines[LINE_UNPAID_NATURAL - 1] = lines[LINE_UNPAID_TOTAL - 1] = f"\t{unpaid}"
    lines[LINE_SECTION6_TEXT - 1 :] = section_six.strip().split("\n")
    if overview is not None:
        lines.insert(LINE_OVERVIEW_LAST, overview)
    return "\n".join(lines)


def om(engine: Engine, path: Path) -> list[Finding]:
    return [f for f in engine.lint_path(path).findings if f.code.startswith("OM")]


def test_every_real_report_is_pinned() -> None:
    on_disk = sorted(p.name for p in SECTIONS.iterdir() if (p / "section6.txt").exists())
    assert on_disk == REPORTS


@pytest.mark.parametrize("report", REPORTS)
def test_cues_on_every_real_section_six(report: str) -> None:
    fee, notice, _, _ = EXPECTED[report]
    found = fee_statement(section6(report))
    assert (found and (found.sentence, found.kind, found.amount)) == fee
    assert notice_statement(section6(report)) == notice


@pytest.mark.parametrize("report", REPORTS)
def test_rules_on_every_real_section_six(engine: Engine, tmp_path: Path, report: str) -> None:
    _, _, unpaid, expected = EXPECTED[report]
    path = write(tmp_path, "r.txt", as_2021_report(section6(report), unpaid))
    findings = om(engine, path)
    assert [(f.code, f.sub_id) for f in findings] == expected
    for f in findings:
        assert (f.location.anchor.line, f.location.logical) == (LINE_SECTION6, "section/6")


@pytest.mark.parametrize("report", REPORTS)
def test_om002_on_every_real_section_six_with_unpaid_fees(
    engine: Engine, tmp_path: Path, report: str
) -> None:
    """Had 6 applications been dropped for an unpaid fee, no real section 六 would report
    the fee notices: each gets OM002, quoting its fee sentence when it has one."""
    fee, _, _, _ = EXPECTED[report]
    path = write(tmp_path, "r.txt", as_2021_report(section6(report), 6))
    (finding,) = [f for f in om(engine, path) if f.code == "OM002"]
    assert (finding.sub_id, finding.reported) == ("no-notice", 6)
    assert [r.anchor.line for r in finding.related] == [LINE_UNPAID_TOTAL]
    assert finding.related[0].logical == "三/other_handling.unpaid_fee/total"
    if fee is None:
        assert "第六部分完全没有提到信息处理费或收费通知" in finding.message_zh
    else:
        assert f"第六部分只写了“{fee[0]}”，没有报告收费通知的件数和金额" in finding.message_zh


@pytest.mark.parametrize(
    ("text", "fee", "notice"),
    [
        # The fee rules' title names the fee but says nothing about what was collected.
        ("严格落实《政府信息公开信息处理费管理办法》，规范收费行为。", None, None),
        ("根据《关于印发〈政府信息公开信息处理费管理办法〉的通知》执行。", None, None),
        # 行政事业性收费 is section 二's item (8), not the 信息处理费.
        ("全年行政事业性收费9116.36万元。", None, None),
        # Free of charge: said of applications, it states the fee; of the gazette, it does not.
        ("依申请公开政府信息均免费提供。", "none", None),
        ("《政府公报》在各服务点免费发放。", None, None),
        ("本年度未收取信息处理费。", "none", None),
        ("本机关未产生信息处理费。", "none", None),
        ("信息处理费收取情况：无。", "none", None),
        ("全年收取信息处理费1,200元。", "amount", None),
        ("全年发出收费通知6件，金额5200元；实际收取信息处理费3940元。", "amount", (False, 6)),
        ("全年向申请人发出8份缴费通知书。", None, (False, 8)),
        ("本年度未发出收费通知，未收取信息处理费。", "none", (True, None)),
        ("没有向申请人发出收费通知。", None, (True, None)),
        # The row label paraphrased: notices are mentioned, not denied, not counted.
        ("有6件申请因申请人逾期未按收费通知要求缴纳费用而终止处理。", None, (False, None)),
    ],
)
def test_cue_cases(text: str, fee: str | None, notice: tuple | None) -> None:
    found = fee_statement(text)
    assert (found.kind if found else None) == fee
    said = notice_statement(text)
    assert ((said.denied, said.count) if said else None) == notice


# --- the real reports as they are -------------------------------------------------------


def test_real_reports_as_they_are(engine: Engine, tmp_path: Path) -> None:
    # 2019 edition (OM does not run), or 2021 edition with the fee stated; tables 三 of the
    # flattened texts cannot be read, so OM002 has no （六）2 to compare. 淮安 2024 as
    # pdftotext -layout text is read and gives the OM002 of the DOCX and the PDF (E10).
    real = [
        SAMPLE_2019,
        HTML / "2019_prov-shanghai-govoffice.html",
        *PINGTAN,
        SHANGHAI_2025_MD,
        HTML / "2022_zone-pingtan_gov.html",
        HTML / "2023_zone-pingtan_gov.html",
        HTML / "2025_zonedept-pingtan-czj.html",
        TEXT / "st_2023_district-hongze_gov.txt",
        TEXT / "pi_2024_district-hongze_gov.txt",
        AD_2022,
    ]
    for path in real:
        assert om(engine, path) == [], path.name
    (finding,) = om(engine, TEXT / "st_2024_city-huaian_gov.txt")
    assert (finding.code, finding.sub_id, finding.reported) == ("OM002", "no-notice", 6)


def test_om002_on_huaian_2024_in_the_template(engine: Engine, tmp_path: Path) -> None:
    """淮安 2024 (E10): （六）2 = 6 but section 六 gives only the 3,940 元 collected."""
    path = write(tmp_path, "huaian.docx", huaian_2024_docx())
    (finding,) = om(engine, path)
    assert (finding.code, finding.sub_id, finding.reported) == ("OM002", "no-notice", 6)
    assert "全年收取政府信息公开信息处理费3940元。”，没有报告收费通知" in finding.message_zh
    assert (finding.related[0].anchor.table, finding.related[0].anchor.row) == (1, 24)
    # The same report giving its notices passes.
    sections = dict(HUAIAN_2024_SECTIONS)
    sections["六"] = ("全年发出收费通知6件，金额5200元；实际收取信息处理费3940元。",)
    fixed = write(tmp_path, "fixed.docx", huaian_2024_docx(sections=sections))
    assert om(engine, fixed) == []
    # No application dropped for an unpaid fee: nothing to report.
    values = dict(HUAIAN_2024_VALUES)
    values[("三", "2.申请人逾期未按收费通知要求缴纳费用", "总计")] = 0
    none = write(tmp_path, "none.docx", huaian_2024_docx(values=values))
    assert om(engine, none) == []


# --- OM001 details -----------------------------------------------------------------------


def test_om001_messages(engine: Engine, tmp_path: Path) -> None:
    # Short: quoted whole (上海 2019's “无。” in a 2021+ report).
    (finding,) = om(engine, write(tmp_path, "a.txt", as_2021_report("无。")))
    assert finding.level == "warning"
    assert "第六部分“六、其他需要报告的事项”只写了“无。”，没有说明本年度信息处理费的收取情况" in (
        finding.message_zh
    )
    assert "未收取的也应写明“本年度未收取信息处理费”" in finding.message_zh
    # Naming the fee rules is not saying what was collected.
    text = as_2021_report("严格落实《政府信息公开信息处理费管理办法》，规范收费行为。")
    assert [f.code for f in om(engine, write(tmp_path, "b.txt", text))] == ["OM001"]
    # The fee stated in section 一 instead: said, and pointed at.
    said = "全年未收取信息处理费。"
    text = as_2021_report("无。", overview=said)
    (finding,) = om(engine, write(tmp_path, "c.txt", text))
    assert "（第一部分提到了信息处理费，格式模板提示在第六部分报告）" in finding.message_zh
    assert [r.anchor.line for r in finding.related] == [LINE_OVERVIEW_LAST + 1]


@pytest.mark.parametrize(
    "text",
    [
        "本年度未收取信息处理费。",
        "2022年，无收取信息处理费情况。",
        "本机关未产生信息处理费。",
        "无信息处理费收取情况。",
        "依申请公开政府信息不收费。",
        "本年度收取信息处理费0元。",
        "全年收取信息处理费1200元。",
        "信息处理费收取情况：无。",
    ],
)
def test_om001_accepts_every_way_of_stating_the_fee(
    engine: Engine, tmp_path: Path, text: str
) -> None:
    assert om(engine, write(tmp_path, "r.txt", as_2021_report(text))) == []


# --- OM002 details -----------------------------------------------------------------------


def test_om002_cases(engine: Engine, tmp_path: Path) -> None:
    # Notices reported, at least as many as （六）2: consistent.
    text = as_2021_report("全年发出收费通知6件，实际收取信息处理费3940元。", 6)
    assert om(engine, write(tmp_path, "ok.txt", text)) == []
    text = as_2021_report("全年向申请人发出8份缴费通知书，收取信息处理费3940元。", 6)
    assert om(engine, write(tmp_path, "ok2.txt", text)) == []
    # Fewer notices than applications dropped for not paying.
    text = as_2021_report("全年发出收费通知4件，收取信息处理费3940元。", 6)
    (finding,) = om(engine, write(tmp_path, "count.txt", text))
    assert (finding.sub_id, finding.expected, finding.reported) == ("count", 6, 4)
    assert (
        "第六部分写发出收费通知 4 件（“全年发出收费通知4件，收取信息处理费3940元。”），少于 6 件"
        in (finding.message_zh)
    )
    # Denied.
    text = as_2021_report("本年度未发出收费通知，未收取信息处理费。", 2)
    (finding,) = om(engine, write(tmp_path, "denied.txt", text))
    assert finding.sub_id == "notice-denied"
    assert (
        "为 2 件，说明发出过收费通知，而第六部分却写“本年度未发出收费通知，未收取信息处理费。”"
        in (finding.message_zh)
    )
    # Nothing at all about the fee: OM001 and OM002 both.
    text = as_2021_report("无。", 1)
    assert [(f.code, f.sub_id) for f in om(engine, write(tmp_path, "none.txt", text))] == [
        ("OM001", None),
        ("OM002", "no-notice"),
    ]


def test_om002_reads_the_applicant_columns_when_the_total_is_blank(
    engine: Engine, tmp_path: Path
) -> None:
    lines = as_2021_report(section6("2024_city-huaian_gov.pdf"), 6).split("\n")
    lines[LINE_UNPAID_TOTAL - 1] = "\t"
    (finding,) = [
        f for f in om(engine, write(tmp_path, "r.txt", "\n".join(lines))) if f.code == "OM002"
    ]
    assert finding.reported == 6
    assert finding.related[0].logical == "三/other_handling.unpaid_fee/natural_person"
    assert finding.related[0].anchor.line == LINE_UNPAID_NATURAL


def test_om002_needs_the_three_sub_rows(engine: Engine, tmp_path: Path) -> None:
    """洪泽 2023/2024 print （六）其他处理 as one row (the 2019 layout; AP002 reports it): there
    is no （六）2 to read, so OM002 cannot tell whether notices were issued."""
    lines = as_2021_report(section6("2024_city-huaian_gov.pdf"), 6).split("\n")
    # The three sub-rows (lines 287–318) become one row: 2 + 6 + 2 = 10 (自然人 8, 商业企业 2).
    collapsed = ["\t", "\t（六）其他处理", "\t8", "\t2", *["\t0"] * 4, "\t10", ""]
    lines[LINE_SIX_FIRST - 1 : LINE_SIX_LAST] = collapsed
    findings = engine.lint_path(write(tmp_path, "r.txt", "\n".join(lines))).findings
    assert "AP002" in [f.code for f in findings]
    assert [f for f in findings if f.code.startswith("OM")] == []
