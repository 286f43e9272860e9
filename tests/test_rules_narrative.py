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
# 五; 平潭财政金融局 2025 “全会精神精神” and “不子公开信息数168条”.
PINGTAN_2022 = [("WD001", "政府信息公开行政法复议、行政诉讼情况")]
PINGTAN_2023 = [("TX004", "393"), ("WD003", "三是")]
PINGTAN_CZJ_2025 = [("WD002", "精神精神"), ("WD001", "不子公开")]
TRUE_DEFECTS = {
    "2021_zone-pingtan_gov.txt": [("WD002", "审核审核")],
    "2022_zone-pingtan_gov.txt": PINGTAN_2022,
    "2022_zone-pingtan_gov.html": PINGTAN_2022,
    "2022_zone-pingtan_gov.narrative.txt": PINGTAN_2022,
    "2023_zone-pingtan_gov.html": PINGTAN_2023,
    "2023_zone-pingtan_gov.narrative.txt": PINGTAN_2023[1:],  # no tables in the excerpt
    "2025_zonedept-pingtan-czj.html": PINGTAN_CZJ_2025,
    "2025_zonedept-pingtan-czj.narrative.txt": PINGTAN_CZJ_2025,
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
