"""The 洪泽区人民政府 2023/2024 pair as DOCX filled with their printed numbers and texts.

Until a PDF reader exists, the two real PDFs are represented by the official 2021
template filled with what they print: section 三 by row (every applicant column but
自然人 is 0 in both years), section 四, the title, and the texts of sections 一, 五 and
六 as extracted from the PDFs (tests/fixtures/corpus_sections/, pdftotext). Both PDFs
print （六）其他处理 as one row of 0s; the template has its three sub-rows, filled here
with 0.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

from docx_fixtures import (
    APPLICATION_COLUMNS,
    APPLICATION_ROWS,
    REVIEW_GROUPS,
    REVIEW_LEAVES,
    fill_template,
)

from linter.batch import EngineSpec, lint_files
from tests.conftest import FIXTURES
from tests.test_cli import run

SECTIONS = FIXTURES / "corpus_sections"

# 自然人 (= 总计) per row of section 三, as printed.
HONGZE_APPLICATIONS = {
    2023: {
        "一、本年新收政府信息公开申请数量": 21,
        "二、上年结转政府信息公开申请数量": 0,
        "（一）予以公开": 0,
        "（二）部分公开": 4,
        "1.属于国家秘密": 1,
        "6.属于四类过程性信息": 1,
        "7.属于行政执法案卷": 1,
        "1.本机关不掌握相关政府信息": 10,
        "2.没有现成信息需要另行制作": 3,
        "1.信访举报投诉类申请": 1,
        "（七）总计": 21,
        "四、结转下年度继续办理": 0,
    },
    2024: {
        "一、本年新收政府信息公开申请数量": 95,
        "二、上年结转政府信息公开申请数量": 0,
        "（一）予以公开": 50,
        "（二）部分公开": 9,
        "3.危及“三安全一稳定”": 1,
        "6.属于四类过程性信息": 1,
        "7.属于行政执法案卷": 1,
        "1.本机关不掌握相关政府信息": 31,
        "2.没有现成信息需要另行制作": 1,
        "1.信访举报投诉类申请": 1,
        "（七）总计": 95,
        "四、结转下年度继续办理": 0,
    },
}
# Section 四 as printed (2023: 行政复议 总计 0 and 复议后起诉 总计 0 are real errors).
HONGZE_REVIEW = {
    2023: (10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0),
    2024: (1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3),
}


def _text(year: int, section: str) -> str:
    path = SECTIONS / f"{year}_district-hongze_gov.pdf" / f"section{section}.txt"
    return path.read_text(encoding="utf-8").replace("\n", "")


def hongze_docx(year: int) -> bytes:
    values: dict = {}
    printed = HONGZE_APPLICATIONS[year]
    for row in APPLICATION_ROWS:
        n = next((v for label, v in printed.items() if row.startswith(label)), 0)
        for column in APPLICATION_COLUMNS:
            values[("三", row, column)] = n if column in ("自然人", "总计") else 0
    for i, (group, leaf) in enumerate((g, leaf) for g in REVIEW_GROUPS for leaf in REVIEW_LEAVES):
        values[("四", group, leaf)] = HONGZE_REVIEW[year][i]
    return fill_template(
        values,
        title=f"淮安市洪泽区人民政府{year}年政府信息公开工作年度报告",
        sections={"一": (_text(year, "1"),), "五": (_text(year, "5"),), "六": (_text(year, "6"),)},
    )


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "hongze"
    folder.mkdir()
    for year in (2023, 2024):
        (folder / f"{year}_hongze.docx").write_bytes(hongze_docx(year))
    return folder


def test_hongze_pair_is_paired_carry_over_holds_and_copied_measures_are_found(
    tmp_path: Path,
) -> None:
    _folder(tmp_path)
    run(
        [
            "check",
            "hongze",
            "--select",
            "CY,RL101",
            "--output-format",
            "json",
            "-o",
            "out.json",
            "--isolated",
        ],
        tmp_path,
    )
    items = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["findings"]
    found = [(i["path"], i["code"], i["sub_id"]) for i in items]
    # RL101 for 2023's 行政复议 (10 + 1 ≠ 0) and 复议后起诉 (5 ≠ 0), as printed.
    assert ("hongze/2023_hongze.docx", "RL101", "review") in found
    assert ("hongze/2023_hongze.docx", "RL101", "litigation_after_review") in found
    # Carried forward 0 in 2023, carried over 0 in 2024: CY001 holds.
    assert not [f for f in found if f[1] == "CY001"]
    (cy003,) = [i for i in items if i["code"] == "CY003"]
    assert (cy003["path"], cy003["sub_id"]) == ("hongze/2024_hongze.docx", "section5")
    assert "“三是继续加强业务指导培训，实行政府信息公开工作人员跟班学习制度，" in cy003["message"]
    assert "hongze/2023_hongze.docx" in cy003["message"]


def test_a_broken_carry_over_is_found_in_the_pair(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    HONGZE_APPLICATIONS[2023]["四、结转下年度继续办理"] = 2
    try:
        (folder / "2023_hongze.docx").write_bytes(hongze_docx(2023))
    finally:
        HONGZE_APPLICATIONS[2023]["四、结转下年度继续办理"] = 0
    run(
        [
            "check",
            "hongze",
            "--select",
            "CY001",
            "--output-format",
            "json",
            "-o",
            "out.json",
            "--isolated",
        ],
        tmp_path,
    )
    items = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["findings"]
    assert [(i["path"], i["sub_id"], i["expected"], i["reported"]) for i in items] == [
        ("hongze/2024_hongze.docx", "natural_person", 2, 0),
        ("hongze/2024_hongze.docx", "total", 2, 0),
    ]


def test_shuffling_the_batch_changes_no_finding(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    for path in sorted((FIXTURES / "html").glob("*pingtan*.html")):
        shutil.copy(path, folder / path.name)
    spec = EngineSpec(root=tmp_path)
    engine = spec.build()
    files = sorted(p for p in folder.iterdir())

    def findings(order: list[Path]) -> list[tuple]:
        facts: dict[str, list] = {}
        out = []
        for result in lint_files(order, spec, jobs=1, engine=engine):
            out += [(f.path, f.code, f.sub_id, f.message_zh) for f in result.findings]
            for code, fact in result.facts.items():
                facts.setdefault(code, []).append(fact)
        out += [(f.path, f.code, f.sub_id, f.message_zh) for f in engine.check_batch(facts)]
        return sorted(out)

    expected = findings(files)
    assert any(code == "CY002" for _, code, _, _ in expected)  # 平潭 2022 → 2023
    for seed in (1, 2, 3):
        shuffled = list(files)
        random.Random(seed).shuffle(shuffled)
        assert findings(shuffled) == expected
