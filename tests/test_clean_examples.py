"""Both editions pass their own clean examples with no findings at all.

The clean examples are real reports with their real defects corrected, so that every
rule of the catalogue has something to look at and nothing to say:

- 2019 edition: the 2019 city 工业和信息化局 sample (Tika text) with its agency named in
  the title (ST004), its blank cells written as 0 (AP005, RL003) and improvement measures
  added to section 五 (PI002).
- 2021 edition: 淮安市人民政府 2024 in the official template (real numbers), with its fee
  notices reported in section 六 (OM002), its 考核/评议/责任追究 results in section 一
  (ST008) and last year's rectification in section 五 (PI004).
"""

from __future__ import annotations

import re
from pathlib import Path

from docx_fixtures import HUAIAN_2024_SECTIONS, huaian_2024_docx

from linter.engine import Engine
from tests.conftest import sample_text, write


def clean_2019_text() -> str:
    text = sample_text().replace(
        "2019年度政府信息公开工作年度报告", "某市工业和信息化局2019年度政府信息公开工作年度报告", 1
    )
    # Blank table cells (NBSP or nothing behind the TAB) in sections 三 and 四 become 0.
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("三、收到和处理"))
    end = next(i for i, line in enumerate(lines) if line.startswith("五、"))
    for i in range(start, end):
        if re.fullmatch(r"\t[\u00a0 ]*", lines[i]) and i + 1 < len(lines):
            row_has_data = any(re.fullmatch(r"\t\d+", lines[j]) for j in range(i, min(i + 9, end)))
            label_cell = any(
                "、" in lines[j] or "." in lines[j] for j in range(max(start, i - 3), i)
            )
            if row_has_data or label_cell:
                lines[i] = "\t0"
    for i in range(373, 388):  # section 四's data row: 15 cells, some blank
        if lines[i] == "\t":
            lines[i] = "\t0"
    text = "\n".join(lines)
    return text.replace(
        "二是信息员工作水平还待提高。",
        "二是信息员工作水平还待提高。下一步，我局将及时更新公开内容，加强信息员业务培训。",
    )


def test_clean_2019_example_has_no_findings(engine: Engine, tmp_path: Path) -> None:
    result = engine.lint_path(write(tmp_path, "clean2019.txt", clean_2019_text()))
    assert result.report.edition.value == "2019"
    assert [(f.code, f.sub_id, f.location.anchor.line) for f in result.findings] == []


def test_clean_2021_example_has_no_findings(engine: Engine, tmp_path: Path) -> None:
    sections = dict(HUAIAN_2024_SECTIONS)
    sections["一"] = (
        *sections["一"],
        "监督保障方面，将政务公开纳入年度绩效考核，开展社会评议，全年未发生责任追究情况。",
    )
    sections["五"] = (
        *sections["五"],
        "针对2023年度报告指出的问题，已完成整改：政策解读形式更加丰富，依申请公开答复更加规范。",
    )
    sections["六"] = ("全年发出收费通知6件，金额5200元；实际收取信息处理费3940元。",)
    result = engine.lint_path(
        write(tmp_path, "clean2021.docx", huaian_2024_docx(sections=sections))
    )
    assert result.report.edition.value == "2021"
    assert [(f.code, f.sub_id) for f in result.findings] == []
