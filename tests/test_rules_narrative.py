"""TX004–TX006: the statement-based narrative rules, on real reports and minimal edits of them.

The unedited real reports of the corpus (text, HTML, the PDFs' text) give no finding except
the ones verified by hand as true defects, pinned here with the quoted text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.engine import Engine, FileResult
from linter.plugins import load_plugins
from tests.conftest import FIXTURES, SHANGHAI_2025_MD, replace_line, write

NEW = ("TX004", "TX005", "TX006", "WD001", "WD002", "WD003")
HTML = FIXTURES / "html"
TEXT = FIXTURES / "text"


@pytest.fixture(scope="module")
def engine() -> Engine:
    plugins = load_plugins()
    assert not plugins.problems, plugins.problems
    return Engine(plugins=plugins, root=FIXTURES)


def found(result: FileResult, codes: tuple[str, ...] = NEW) -> list[tuple]:
    return [
        (f.code, f.location.anchor.line, f.expected, f.reported)
        for f in result.findings
        if f.code in codes
    ]


def _shanghai(line: int, new: str) -> str:
    return replace_line(SHANGHAI_2025_MD.read_text(encoding="utf-8"), line, new)


def quoted(result: FileResult) -> list[tuple[str, str]]:
    """(code, the text a finding quotes) for the new rules' findings."""
    return [
        (f.code, str(f.properties.get("text", f.reported)))
        for f in result.findings
        if f.code in NEW
    ]


# Verified by hand as true defects of the published reports (listed in the closing note):
# 平潭 2021 “二是规范审核审核发布机制”; 平潭 2022 heading “四、政府信息公开行政法复议、行政诉讼
# 情况”; 平潭 2023 “现行有效行政规范性文件393件” (table 470) and “一是……；三是……；三是” in
# 五; 平潭财政金融局 2025 “全会精神精神”, “2024年制作、获取政府信息总数467条” (a 2025 report)
# and “不子公开信息数168条”.
PINGTAN_2022 = [("WD001", "政府信息公开行政法复议、行政诉讼情况")]
PINGTAN_2023 = [("TX004", "393"), ("WD003", "三是")]
PINGTAN_CZJ_2025 = [("WD002", "精神精神"), ("TX006", "2024年"), ("WD001", "不子公开")]
TRUE_DEFECTS = {
    "2021_zone-pingtan_gov.txt": [("WD002", "审核审核")],
    "2022_zone-pingtan_gov.txt": PINGTAN_2022,
    "2022_zone-pingtan_gov.html": PINGTAN_2022,
    "2022_zone-pingtan_gov.printed.pdf": PINGTAN_2022,  # the page printed by Chromium
    # The page converted to DOCX and that to PDF by LibreOffice, site menus and all.
    "2022_zone-pingtan_gov.lo.pdf": PINGTAN_2022,
    "2022_zone-pingtan_gov.narrative.txt": PINGTAN_2022,
    "2023_zone-pingtan_gov.html": PINGTAN_2023,
    "2023_zone-pingtan_gov.lo.pdf": PINGTAN_2023,
    "2023_zone-pingtan_gov.narrative.txt": PINGTAN_2023[1:],  # no tables in the excerpt
    # pdftotext (no -layout) of the page: table 三 flattened, so no TX004 from it.
    "2023_zone-pingtan_gov.pdftotext-raw.txt": PINGTAN_2023[1:],
    "2023_zone-pingtan_gov.pdftotext-layout.txt": PINGTAN_2023,
    # pdftotext -layout of Chromium's print of the pages
    "2022_zone-pingtan_gov.printed-layout.txt": PINGTAN_2022,
    "2023_zone-pingtan_gov.printed-layout.txt": PINGTAN_2023,
    # LibreOffice's “Text” export of the DOCX it made of the page (one cell per line)
    "2023_zone-pingtan_gov.lo.txt": PINGTAN_2023,
    # the year of “2024年制作…” set on a line of its own by pdftotext, -layout or not
    "2025_zonedept-pingtan-czj.printed-layout.txt": PINGTAN_CZJ_2025,
    "2025_zonedept-pingtan-czj.printed-raw.txt": PINGTAN_CZJ_2025,
    "2025_zonedept-pingtan-czj.html": PINGTAN_CZJ_2025,
    "2025_zonedept-pingtan-czj.lo.pdf": PINGTAN_CZJ_2025,
    "2025_zonedept-pingtan-czj.lo800.pdf": PINGTAN_CZJ_2025,  # on 800-pt-high pages
    "2025_zonedept-pingtan-czj.narrative.txt": PINGTAN_CZJ_2025,
    # the pages' text as a browser gives it (innerText; test_reader_browser_text.py)
    "2022_zone-pingtan_gov.innertext.txt": PINGTAN_2022,
    "2023_zone-pingtan_gov.innertext-plain.txt": PINGTAN_2023,
    "2025_zonedept-pingtan-czj.innertext.txt": PINGTAN_CZJ_2025,
    # the 2023 page through html2text and Microsoft's markitdown (test_converted_markdown.py)
    "2023_zone-pingtan_gov.html2text.md": PINGTAN_2023,
    "2023_zone-pingtan_gov.markitdown.md": PINGTAN_2023,
    # PyMuPDF's markdown (pymupdf4llm) of the printed and the Writer PDFs (the second splits
    # each item's title over two cells, “第二十条第（五|）项”: its items are told by their rows)
    "2022_zone-pingtan_gov.printed.pymupdf4llm.md": PINGTAN_2022,
    "2023_zone-pingtan_gov.lo.pymupdf4llm.md": PINGTAN_2023,
}
CLEAN_REPORTS = sorted(
    [
        *TEXT.glob("*"),
        *HTML.glob("*.html"),
        *(FIXTURES / "pdf").glob("20*.pdf"),
        *(FIXTURES / "corpus_sections" / "tx").glob("*.narrative.txt"),
    ]
)


@pytest.mark.parametrize("path", CLEAN_REPORTS, ids=lambda p: p.name)
def test_clean_real_reports_give_only_the_verified_defects(engine: Engine, path: Path) -> None:
    assert quoted(engine.lint_path(path)) == TRUE_DEFECTS.get(path.name, [])


def test_tx004_figure_changed(engine: Engine, tmp_path: Path) -> None:
    # 上海 2025 line 40: “不予公开 20 件” → 21; the table's （三） rows add up to 20.
    text = _shanghai(40, "分公开 208 件（17.46%），不予公开 21 件（1.68%），因本机关")
    result = engine.lint_path(write(tmp_path, "r.md", text))
    assert found(result, ("TX004",)) == [("TX004", 40, 20, 21)]
    finding = next(f for f in result.findings if f.code == "TX004")
    assert finding.sub_id == "applications.withheld"
    assert finding.level == "warning"
    assert "“不予公开”为 21件" in finding.message_zh
    assert [r.logical for r in finding.related][:2] == [
        "三/withheld.state_secret/total",
        "三/withheld.prohibited_by_law/total",
    ]


def test_tx004_chinese_numeral_figure(engine: Engine, tmp_path: Path) -> None:
    text = _shanghai(40, "分公开 208 件（17.46%），不予公开二十一件（1.68%），因本机关")
    assert found(engine.lint_path(write(tmp_path, "r.md", text)), ("TX004",)) == [
        ("TX004", 40, 20, 21)
    ]
    text = _shanghai(40, "分公开 208 件（17.46%），不予公开二十件（1.68%），因本机关")
    assert found(engine.lint_path(write(tmp_path, "r.md", text)), ("TX004",)) == []


def test_tx004_estimate_and_comparison_are_not_compared(engine: Engine, tmp_path: Path) -> None:
    for edit in ("不予公开约 21 件", "不予公开 21 余件", "不予公开较上年增加 21 件"):
        text = _shanghai(40, f"分公开 208 件（17.46%），{edit}（1.68%），因本机关")
        assert found(engine.lint_path(write(tmp_path, "r.md", text)), ("TX004",)) == [], edit


def test_tx004_unedited_shanghai_agrees(engine: Engine) -> None:
    # 办结 1191、上年结转 189、不予公开 20、无法提供 564、不予处理 80: all as in the table.
    result = engine.lint_path(SHANGHAI_2025_MD)
    statements = [s for s in result.report.statements if s.concepts]
    assert len(statements) >= 7
    assert found(result, ("TX004",)) == []


def test_tx001_reads_chinese_numerals_both_ways(engine: Engine, tmp_path: Path) -> None:
    line = "市政府共受理政府信息公开申请 {} 件，办结 1191 件（含"
    wrong = engine.lint_path(write(tmp_path, "a.md", _shanghai(38, line.format("一千二百九十九"))))
    assert found(wrong, ("TX001",)) == [("TX001", 38, 1295, 1299)]
    right = engine.lint_path(write(tmp_path, "b.md", _shanghai(38, line.format("一千二百九十五"))))
    assert found(right, ("TX001",)) == []


# --- TX005 -------------------------------------------------------------------------------------


def test_tx005_all_concluded_against_carried_forward(engine: Engine, tmp_path: Path) -> None:
    # 上海 2025 line 38 with a claim added: 四、结转下年度继续办理 totals 293.
    text = _shanghai(38, "全年依申请公开的申请均已办结，办结 1191 件（含")
    result = engine.lint_path(write(tmp_path, "r.md", text))
    [finding] = [f for f in result.findings if f.code == "TX005"]
    assert finding.level == "error"
    assert (finding.location.anchor.line, finding.properties["text"]) == (38, "均已办结")
    assert finding.sub_id == "applications.carried_forward"
    assert "“结转下年度继续办理”为 293" in finding.message_zh


def test_tx005_upheld_against_corrected_review(engine: Engine, tmp_path: Path) -> None:
    # 平潭 2023: 行政复议 结果维持 1, 结果纠正 1, 总计 2.
    page = (HTML / "2023_zone-pingtan_gov.html").read_text(encoding="utf-8")
    claim = "因政府信息公开引起的行政复议案件2件，均获维持；行政诉讼案件7件。"
    edited = page.replace("因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。", claim)
    result = engine.lint_path(write(tmp_path, "p.html", edited))
    assert [(f.sub_id, f.properties["text"]) for f in result.findings if f.code == "TX005"] == [
        ("review.corrected", "均获维持")
    ]


@pytest.mark.parametrize(
    "claim",
    [
        # 上海 2025 as published: no correction in the table, the claim holds
        "全年未发生因依申请公开被行政复议纠错或行政诉讼败诉情形。",
        # a part, or about the figure before it
        "其中，已审结的申请均已办结。",
        "办结 1191 件，均已办结。",
        "应公开的申请全部予以公开。",
    ],
)
def test_tx005_claims_that_hold_or_are_about_a_part(
    engine: Engine, tmp_path: Path, claim: str
) -> None:
    text = _shanghai(43, claim)
    assert found(engine.lint_path(write(tmp_path, "r.md", text)), ("TX005",)) == []


# --- TX006 -------------------------------------------------------------------------------------


def test_tx006_year_changed(engine: Engine, tmp_path: Path) -> None:
    # 上海 2025 line 38 opened with last year's year, as a copied sentence would be.
    text = _shanghai(38, "2024年，市政府共受理政府信息公开申请 1295 件，办结 1191 件（含")
    result = engine.lint_path(write(tmp_path, "r.md", text))
    assert found(result, ("TX006",)) == [("TX006", 38, 2025, 2024)]
    assert found(engine.lint_path(SHANGHAI_2025_MD), ("TX006",)) == []


@pytest.mark.parametrize(
    "opening",
    [
        "2025年，",  # the report year
        "较2024年增加 3 件，",  # a comparison
        "截至2024年底，",  # a stock
        "自2019年以来，",  # a period
        "根据《2024年政务公开工作要点》，",  # a title
        "2026年，计划",  # a later year
    ],
)
def test_tx006_years_that_are_not_stale(engine: Engine, tmp_path: Path, opening: str) -> None:
    text = _shanghai(38, f"{opening}市政府共受理政府信息公开申请 1295 件，办结 1191 件（含")
    assert found(engine.lint_path(write(tmp_path, "r.md", text)), ("TX006",)) == []
