"""The same real report written the way other agencies write it: the findings must not change.

Each case edits one real report (the 平潭综合实验区 2023 page, the 洪泽区 2024 report as
``pdftotext -layout`` output, the 2019 Tika sample) into a spelling seen in other agencies'
reports — a heading numbered “第一部分 ”, “一 ”, “1.”, worded “六、其他事项”, a table label
without its numbering, a count printed “80件” — and compares the findings, by (code, sub-id,
level), with those of the report as published.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from linter.engine import Engine
from tests.conftest import FIXTURES, SAMPLE_2019, TEXT, kinds, write

PINGTAN_2023 = FIXTURES / "html" / "2023_zone-pingtan_gov.html"
HONGZE_2024 = TEXT / "pi_2024_district-hongze_gov.txt"

HEADINGS = {
    "一": "总体情况",
    "二": "主动公开政府信息情况",
    "三": "收到和处理政府信息公开申请情况",
    "四": "政府信息公开行政复议、行政诉讼情况",
    "五": "存在的主要问题及改进情况",
    "六": "其他需要报告的事项",
}
ARABIC = dict(zip("一二三四五六", "123456", strict=True))


def every_heading(form: str) -> Callable[[str], str]:
    """Every section heading ``一、总体情况`` rewritten as ``form`` ({n}: 一, {a}: 1, {h}: 总体情况)."""

    def edit(text: str) -> str:
        for n, h in HEADINGS.items():
            assert f"{n}、{h}" in text
            text = text.replace(f"{n}、{h}", form.format(n=n, a=ARABIC[n], h=h), 1)
        return text

    return edit


def replace(old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert old in text
        return text.replace(old, new, 1)

    return edit


def same_findings(engine: Engine, tmp_path: Path, original: Path, edit: Callable[[str], str]):
    variant = write(tmp_path, f"variant{original.suffix}", edit(original.read_text("utf-8")))
    assert kinds(engine.lint_path(variant)) == kinds(engine.lint_path(original))


HEADING_FORMS = [
    "{n} {h}",
    "{n}\u3000{h}",
    "第{n}部分 {h}",
    "第{n}部分：{h}",
    "{a}.{h}",
    "{a}、{h}",
]


@pytest.mark.parametrize("form", HEADING_FORMS)
@pytest.mark.parametrize("original", [PINGTAN_2023, HONGZE_2024, SAMPLE_2019], ids=lambda p: p.stem)
def test_headings_numbered_otherwise(engine: Engine, tmp_path: Path, original: Path, form: str):
    same_findings(engine, tmp_path, original, every_heading(form))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("一、总体情况", "一、概述"),
        ("一、总体情况", "一、总体概况"),
        ("六、其他需要报告的事项", "六、其他事项"),
        ("五、存在的主要问题及改进情况", "五、存在的问题"),
        # FORMATS.md §3.2: seen in real reports, not a misspelling (WD001).
        ("四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政复议和行政诉讼情况"),
        ("四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政复议及行政诉讼情况"),
    ],
)
def test_headings_worded_otherwise(engine: Engine, tmp_path: Path, old: str, new: str):
    same_findings(engine, tmp_path, PINGTAN_2023, replace(old + "</strong>", new + "</strong>"))


def test_loose_heading_out_of_its_place_is_not_a_heading(engine: Engine, tmp_path: Path):
    """“一、基本情况” inside section 三 is not section 一's heading: 一 is still missing."""
    text = SAMPLE_2019.read_text("utf-8").replace("一、总体情况\n", "", 1)
    text = text.replace("四、政府信息公开行政复议", "一、基本情况\n四、政府信息公开行政复议", 1)
    found = engine.lint_path(write(tmp_path, "report.txt", text)).findings
    assert [(f.code, f.sub_id, f.level) for f in found if f.code == "ST001"] == [
        ("ST001", "section1", "error")
    ]


def test_arabic_sub_headings_under_chinese_headings_stay_sub_headings(
    engine: Engine, tmp_path: Path
):
    """A “2.主动公开政府信息情况” under “一、总体情况” does not take section 二's place."""
    text = SAMPLE_2019.read_text("utf-8")
    variant = text.replace("一、总体情况\n", "一、总体情况\n2.主动公开政府信息情况\n", 1)
    assert kinds(engine.lint_path(write(tmp_path, "report.txt", variant))) == kinds(
        engine.lint_path(SAMPLE_2019)
    )


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # Sub-row and total printed without numbering: “其他”, “总计” are also column
        # labels, but a row of numbers under （六） or below the outcome rows is the row.
        (">3.其他<", ">其他<"),
        (">（七）总计<", ">总计<"),
        # The format's note in brackets left out of a row label.
        ("（区分处理的，只计这一情形，不计其他情形）<", "<"),
        # One applicant column labelled otherwise (FORMATS.md §6: “其他组织”): the row's
        # seven numbers are read in the format's order since the other six agree.
        (">其他</p>", ">其他组织</p>"),
        (">法律服务机构<", ">法律服务组织<"),
    ],
    ids=["3-other-bare", "total-bare", "partly-no-note", "column-other-org", "column-legal"],
)
def test_table_labels_printed_otherwise(engine: Engine, tmp_path: Path, old: str, new: str):
    same_findings(engine, tmp_path, PINGTAN_2023, replace(old, new))


@pytest.mark.parametrize(
    "printed", ["本年收费金额(万元)", "本年收费金额"], ids=["unit-short", "no-unit"]
)
def test_fee_column_label_printed_otherwise_is_a_label_warning(
    engine: Engine, tmp_path: Path, printed: str
):
    """Section 二's fee column under another label is read (AD003, a warning), not
    “table not read” (AD002)."""
    edit = replace(">本年收费金额（单位：万元）<", f">{printed}<")
    variant = write(tmp_path, "variant.html", edit(PINGTAN_2023.read_text("utf-8")))
    added = set(kinds(engine.lint_path(variant))) - set(kinds(engine.lint_path(PINGTAN_2023)))
    assert added == {("AD003", "item8/amount", "warning")}


def test_bare_total_label_in_the_header_is_still_a_column(engine: Engine, tmp_path: Path):
    """The header's “总计”, a row without numbers, stays the total column: a table whose
    （七）总计 row is really missing is still AP002."""
    text = PINGTAN_2023.read_text("utf-8")
    start = text.index(">（七）总计<")
    row_start = text.rfind("<tr", 0, start)
    row_end = text.index("</tr>", start) + len("</tr>")
    variant = write(tmp_path, "variant.html", text[:row_start] + text[row_end:])
    found = kinds(engine.lint_path(variant))
    assert ("AP002", "outcome_total", "error") in found
    assert not [k for k in found if k[0] == "AP003"]
