"""OM rules (section 六, 信息处理费) on every real report's section 六, and end to end."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx_fixtures import HUAIAN_2024_SECTIONS, HUAIAN_2024_VALUES, huaian_2024_docx

from linter.engine import Engine
from rules.other_matters.cues import mentions_fee_notice, states_fee
from tests.conftest import FIXTURES, write

SECTIONS = FIXTURES / "corpus_sections"

# Section 六 of every real report in the corpus (extracted by the ST/PI work into
# tests/fixtures/corpus_sections/<report>/section6.txt): does it state the fee, and a notice?
EXPECTED = {
    "2019_city-bureau-gongxin_tika.txt": (False, False),  # 人大建议 only (2019 edition: no OM)
    "2019_prov-shanghai-govoffice.html": (False, False),  # "无。"
    "2019_zone-pingtan_gov.txt": (False, False),  # 无其他需要报告的事项
    "2020_zone-pingtan_gov.txt": (False, False),
    "2021_zone-pingtan_gov.txt": (True, False),  # 无收取信息处理费情况
    "2022_zone-pingtan_gov.txt": (True, False),
    "2022_zone-pingtan_gov.html": (True, False),
    "2023_zone-pingtan_gov.html": (True, False),
    "2025_zonedept-pingtan-czj.html": (True, False),
    "2025_prov-shanghai-govoffice.md": (True, False),  # 未收取信息公开处理费
    "2023_district-hongze_gov.pdf": (True, False),  # 收取……信息处理费 0 元
    "2024_district-hongze_gov.pdf": (True, False),
    "2024_city-huaian_gov.pdf": (True, False),  # 收取信息处理费 3940 元, no notices
}


@pytest.mark.parametrize("report", sorted(EXPECTED))
def test_cues_on_every_real_section_six(report: str) -> None:
    path = SECTIONS / report / "section6.txt"
    if not path.exists():
        pytest.skip(f"no section 六 extracted for {report}")
    text = path.read_text(encoding="utf-8")
    assert (states_fee(text), mentions_fee_notice(text)) == EXPECTED[report]


def test_om001_fires_on_a_2021_report_silent_on_the_fee(engine: Engine) -> None:
    # The real 2019 sample's section 六 (人大建议 only), in a report of 2023 (2021 edition).
    path = FIXTURES / "text" / "ap_2021_collapsed_six.txt"
    (finding,) = [f for f in engine.lint_path(path).findings if f.code == "OM001"]
    assert finding.location.anchor.line == 368 and "未收取的也应写明" in finding.message_zh


def test_om001_passes_on_real_2021_reports(engine: Engine) -> None:
    for name in (
        "2022_zone-pingtan_gov.html",
        "2023_zone-pingtan_gov.html",
        "2025_zonedept-pingtan-czj.html",
    ):
        assert "OM001" not in [
            f.code for f in engine.lint_path(FIXTURES / "html" / name).findings
        ], name


def test_om002_on_huaian_2024_fee_without_notices(engine: Engine, tmp_path: Path) -> None:
    """淮安 2024: （六）2 = 6 but section 六 gives only the 3,940 元 collected."""
    path = write(tmp_path, "huaian.docx", huaian_2024_docx())
    (finding,) = [f for f in engine.lint_path(path).findings if f.code == "OM002"]
    assert finding.reported == 6 and "虽提到了信息处理费" in finding.message_zh
    assert (finding.related[0].anchor.table, finding.related[0].anchor.row) == (1, 24)
    # The same report reporting its notices passes.
    sections = dict(HUAIAN_2024_SECTIONS)
    sections["六"] = ("全年发出收费通知6件，金额5200元；实际收取信息处理费3940元。",)
    fixed = write(tmp_path, "fixed.docx", huaian_2024_docx(sections=sections))
    assert "OM002" not in [f.code for f in engine.lint_path(fixed).findings]
    # No application dropped for an unpaid fee: nothing to report.
    values = dict(HUAIAN_2024_VALUES)
    values[("三", "2.申请人逾期未按收费通知要求缴纳费用", "总计")] = 0
    none = write(tmp_path, "none.docx", huaian_2024_docx(values=values))
    assert "OM002" not in [f.code for f in engine.lint_path(none).findings]
