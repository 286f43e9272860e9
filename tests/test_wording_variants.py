"""The same real report written the way other agencies write it: the findings must not change.

Each case edits one real report (the 平潭综合实验区 2023 page, the 洪泽区 2024 report as
``pdftotext -layout`` output, the 2019 Tika sample) into a spelling seen in other agencies'
reports — a heading numbered “第一部分 ”, “一 ”, “1.”, worded “六、其他事项”, a table label
without its numbering, a count printed “80件” — and compares the findings, by (code, sub-id,
level), with those of the report as published.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from linter.engine import Engine
from tests.conftest import FIXTURES, PINGTAN, SAMPLE_2019, SHANGHAI_2025_MD, TEXT, kinds, write

PINGTAN_2023 = FIXTURES / "html" / "2023_zone-pingtan_gov.html"
HONGZE_2024 = TEXT / "pi_2024_district-hongze_gov.txt"
HUAIAN_2024 = TEXT / "st_2024_city-huaian_gov.txt"

HEADINGS = {
    "一": "总体情况",
    "二": "主动公开政府信息情况",
    "三": "收到和处理政府信息公开申请情况",
    "四": "政府信息公开行政复议、行政诉讼情况",
    "五": "存在的主要问题及改进情况",
    "六": "其他需要报告的事项",
}
ARABIC = dict(zip("一二三四五六", "123456", strict=True))
ROMAN = dict(zip("一二三四五六", "ⅠⅡⅢⅣⅤⅥ", strict=True))


def every_heading(form: str) -> Callable[[str], str]:
    """Every section heading ``一、总体情况`` rewritten as ``form`` ({n}: 一, {a}: 1, {r}: Ⅰ,
    {h}: 总体情况)."""

    def edit(text: str) -> str:
        for n, h in HEADINGS.items():
            assert f"{n}、{h}" in text
            text = text.replace(f"{n}、{h}", form.format(n=n, a=ARABIC[n], r=ROMAN[n], h=h), 1)
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
    # Six parts numbered as sub-headings usually are (their sub-headings then “1.”).
    "（{n}）{h}",
    "【{n}】{h}",
    "第{n}章 {h}",
    "{r}、{h}",
    "({a}){h}",
    "（{a}）{h}",
    "{a}){h}",
    "{a}）{h}",
]


@pytest.mark.parametrize("form", HEADING_FORMS)
@pytest.mark.parametrize("original", [PINGTAN_2023, HONGZE_2024, SAMPLE_2019], ids=lambda p: p.stem)
def test_headings_numbered_otherwise(engine: Engine, tmp_path: Path, original: Path, form: str):
    same_findings(engine, tmp_path, original, every_heading(form))


@pytest.mark.parametrize("form", ["（{n}）", "({n})"])
@pytest.mark.parametrize("original", PINGTAN, ids=lambda p: p.stem)
def test_flattened_headings_numbered_otherwise(
    engine: Engine, tmp_path: Path, original: Path, form: str
):
    """平潭's archived pages, flattened into one line, with the six parts numbered “（一）”:
    the line is cut at those headings as at “一、” ones (six ST001 errors before)."""
    starts = ["一、总体情况", "二、主动公开", "三、收到和处理", "四、政府信息公开行政"]
    starts += ["五、存在的主要问题", "六、其他需要报告"]

    def edit(text: str) -> str:
        for start in starts:
            assert start in text
            text = text.replace(start, form.format(n=start[0]) + start[2:], 1)
        return text

    same_findings(engine, tmp_path, original, edit)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("一、总体情况", "一、概述"),
        ("一、总体情况", "一、总体概况"),
        ("六、其他需要报告的事项", "六、其他事项"),
        ("五、存在的主要问题及改进情况", "五、存在的问题"),
        ("五、存在的主要问题及改进情况", "五、主要问题和改进措施"),
        # FORMATS.md §3.2: seen in real reports, not a misspelling (WD001).
        ("四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政复议和行政诉讼情况"),
        ("四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政复议及行政诉讼情况"),
        # The words turned about, the section's key words kept.
        ("二、主动公开政府信息情况", "二、政府信息主动公开情况"),
        ("三、收到和处理政府信息公开申请情况", "三、政府信息公开申请办理情况"),
        # A 2020 镇人民政府 report's part one (seen in a real stored page): ST001 error.
        ("一、总体情况", "一、工作基本情况"),
        # A 2020 街道's part one (双塔区前进街道's stored page): ST001 error.
        ("一、总体情况", "一、总体概述"),
        # A 2021 县林业局 report's part one, and the wording other agencies print (ST001 error).
        ("一、总体情况", "一、2023政府信息公开情况"),
        ("一、总体情况", "一、政府信息公开工作情况"),
    ],
)
def test_headings_worded_otherwise(engine: Engine, tmp_path: Path, old: str, new: str):
    same_findings(engine, tmp_path, PINGTAN_2023, replace(old + "</strong>", new + "</strong>"))


@pytest.mark.parametrize(
    ("old", "new", "misspelt"),
    [
        ("一、总体情况", "一、总休情况", None),
        ("六、其他需要报告的事项", "六、其它需要报告的事项", "其他需要报告的事项"),
        ("三、收到和处理政府信息公开申请情况", "三、收到和处理政府信息公开申清情况", None),
        ("六、其他需要报告的事项", "六、需要报告的其他事项", None),
    ],
    ids=["overview-slip", "other-matters-slip", "applications-slip", "other-matters-turned"],
)
def test_heading_with_a_slip_is_the_heading(
    engine: Engine, tmp_path: Path, old: str, new: str, misspelt: str | None
):
    """A heading in its place, numbered for its section, its words the format's with a
    slip: the section is there (no ST001 'missing'); a misspelling is WD001's (a warning)."""
    edit = replace(old + "</strong>", new + "</strong>")
    variant = write(tmp_path, "variant.html", edit(PINGTAN_2023.read_text("utf-8")))
    added = set(kinds(engine.lint_path(variant))) - set(kinds(engine.lint_path(PINGTAN_2023)))
    assert not [k for k in added if k[0] == "ST001"]
    assert all(k[2] == "warning" and k[0] == "WD001" for k in added)
    if misspelt:
        assert ("WD001", misspelt, "warning") in added


def test_headings_that_lost_their_numerals(engine: Engine, tmp_path: Path):
    """Every section heading printed without its numeral (“、总体情况”, “、主动公开政府信息
    情况” …: a 2025 街道办事处 report's stored page lost its numerals, “()政府信息主动公开
    情况” too): the wording tells each part. ST001 said every section was missing (an
    error where the tables were not read, a warning where they were)."""

    def edit(text: str) -> str:
        for n, h in HEADINGS.items():
            assert f"{n}、{h}</strong>" in text
            text = text.replace(f"{n}、{h}</strong>", f"、{h}</strong>", 1)
        return text

    same_findings(engine, tmp_path, PINGTAN_2023, edit)


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
    ],
    ids=["3-other-bare", "total-bare", "partly-no-note"],
)
def test_table_labels_printed_otherwise(engine: Engine, tmp_path: Path, old: str, new: str):
    same_findings(engine, tmp_path, PINGTAN_2023, replace(old, new))


@pytest.mark.parametrize(
    ("original", "old", "new"),
    [
        (HONGZE_2024, "     （七）总计    ", "     总计        "),
        (HUAIAN_2024, "3、其他 ", "其他   "),
    ],
    ids=["hongze-total-bare", "huaian-3-other-bare"],
)
def test_layout_text_labels_without_numbering(
    engine: Engine, tmp_path: Path, original: Path, old: str, new: str
):
    """The same in ``pdftotext -layout`` text, where a bare “总计” row label must not be
    taken for the header's total column either (no AP003 about the header)."""
    same_findings(engine, tmp_path, original, replace(old, new))


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


def test_header_cells_cut_to_their_first_line_are_read_in_order(engine: Engine, tmp_path: Path):
    """上海 2019's “本年新<br/>制作数量” and “本年新<br/>公开数量” as an extractor that keeps a
    cell's first line prints them (seen in a real report's stored page: “本年新 | 本年新 |
    对外公开总数量”): two AD002 "column missing" errors with the figures there. The cut
    labels take the item's columns that start with them, in order: AD003 warnings."""
    page = FIXTURES / "html" / "2019_prov-shanghai-govoffice.html"
    text = page.read_text("utf-8")
    assert text.count("本年新<br />制作数量") == 1 and text.count("本年新<br />公开数量") == 1
    cut = text.replace("本年新<br />制作数量", "本年新").replace("本年新<br />公开数量", "本年新")
    original = set(kinds(engine.lint_path(page)))
    found = set(kinds(engine.lint_path(write(tmp_path, "cut.html", cut))))
    assert found - original == {
        ("AD003", "item1/new_made", "warning"),
        ("AD003", "item1/new_published", "warning"),
    }
    assert original - found == set()


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


@pytest.mark.parametrize(
    ("old", "new", "column"),
    [(">其他</p>", ">其他组织</p>", "other"), (">法律服务机构<", ">律师事务所<", "legal_services")],
    ids=["other-org", "law-firms"],
)
def test_one_column_labelled_otherwise_is_read_and_warned(
    engine: Engine, tmp_path: Path, old: str, new: str, column: str
):
    """One applicant column under a label the format does not have (FORMATS.md §6: a tool
    prints “其他组织”): the rows' seven figures are read in the format's order, as the six
    named columns agree; AP003 says the label differs (a warning), not that the column and
    its figures are missing (an error)."""
    variant = write(tmp_path, "variant.html", replace(old, new)(PINGTAN_2023.read_text("utf-8")))
    result = engine.lint_path(variant)
    added = set(kinds(result)) - set(kinds(engine.lint_path(PINGTAN_2023)))
    assert added == {("AP003", column, "warning")}
    assert result.report.applications.rows["new_received"].cells[column].value == 0


@pytest.mark.parametrize(
    ("printed", "value"),
    [("—3", -3), ("–3", -3), ("减3", -3), ("减少3", -3), ("负3", -3), ("－3", -3)],
    ids=["em-dash", "en-dash", "jian", "jianshao", "fu", "full-width"],
)
def test_a_decrease_written_otherwise(engine: Engine, tmp_path: Path, printed: str, value: int):
    """本年增/减 “—3”, “减3”, “减少3”, “负3”, “－3” in the 2019 sample is −3 (AD005 'not a
    number', an error, before): a minus typed as a dash, or the sign in words."""
    variant = write(
        tmp_path,
        "report.txt",
        replace("\t\u3000-3\n", f"\t\u3000{printed}\n")(SAMPLE_2019.read_text("utf-8")),
    )
    result = engine.lint_path(variant)
    assert kinds(result) == kinds(engine.lint_path(SAMPLE_2019))
    licensing = result.report.article20.items["item5"].rows["licensing"]
    assert licensing.cells["change"].value == value


def test_count_with_a_unit_is_a_warning(engine: Engine, tmp_path: Path):
    """“80件” (平潭 2023, 自然人 new applications) and “2件” (行政复议 总计): the number is a
    valid count and is used; the unit is a warning (AP006/RL004), not an invalid number."""
    text = PINGTAN_2023.read_text("utf-8")
    # Section 四's one row: 1, 1, 0, 0, then the 行政复议 总计 2.
    total = text.index(">2<", text.rindex("复议后起诉"))
    text = text[:total] + ">2件<" + text[total + 3 :]
    variant = write(tmp_path, "variant.html", replace(">80<", ">80件<")(text))
    result = engine.lint_path(variant)
    added = set(kinds(result)) - set(kinds(engine.lint_path(PINGTAN_2023)))
    assert added == {
        ("AP006", "new_received/natural_person", "warning"),
        ("RL004", "review.total", "warning"),
    }
    assert result.report.applications.rows["new_received"].cells["natural_person"].value == 80


def test_title_year_in_chinese_numerals(engine: Engine, tmp_path: Path):
    """“二〇二四年政府信息公开工作年度报告” (洪泽区 2024's title so written) states its year."""
    edit = replace("2024 年政府信息公开工作年度报告", "二〇二四年政府信息公开工作年度报告")
    same_findings(engine, tmp_path, HONGZE_2024, edit)


def heading_into_table(numeral: str, table_index: int) -> Callable[[str], str]:
    """Section ``numeral``'s heading moved from its paragraph into a first row of the
    section's table, one cell across it (``<tr><td colspan="9">三、…</td></tr>``)."""

    def edit(text: str) -> str:
        heading = f"{numeral}、{HEADINGS[numeral]}"
        m = re.search(
            r'<p style="text-indent: 2em;"><strong>(&nbsp;)?'
            + re.escape(heading)
            + r"</strong>(&nbsp;)?</p>",
            text,
        )
        assert m
        text = text[: m.start()] + text[m.end() :]
        table = [t.start() for t in re.finditer("<table", text)][table_index]
        body = text.index(">", text.index("<tbody", table)) + 1
        return text[:body] + f'<tr><td colspan="9">{heading}</td></tr>' + text[body:]

    return edit


@pytest.mark.parametrize("caption", ["主动公开政府信息情况", "二、主动公开政府信息情况"])
def test_table_caption_repeating_the_heading_above_it(engine: Engine, tmp_path: Path, caption: str):
    """Section 二's table opening with a row that names the section, under the section's
    heading (“主动公开政府信息情况 | |||” under “二、主动公开政府信息情况”, a 2023 街道
    report's stored page): the row is the table's caption, not the section's heading a
    second time (ST002 said the heading was repeated)."""

    def edit(text: str) -> str:
        table = [t.start() for t in re.finditer("<table", text)][0]
        body = text.index(">", text.index("<tbody", table)) + 1
        return text[:body] + f'<tr><td colspan="9">{caption}</td></tr>' + text[body:]

    same_findings(engine, tmp_path, PINGTAN_2023, edit)


@pytest.mark.parametrize(("numeral", "table_index"), [("二", 0), ("三", 1), ("四", 2)])
def test_heading_printed_as_the_first_row_of_its_table(
    engine: Engine, tmp_path: Path, numeral: str, table_index: int
):
    """A section heading printed as the first row of the section's table, one cell across
    it, is the section's heading (it was ST001 'missing section')."""
    same_findings(engine, tmp_path, PINGTAN_2023, heading_into_table(numeral, table_index))


@pytest.mark.parametrize(
    ("old", "new", "added"),
    [
        # The format's row label inside a longer one: AD003 (a warning), not AD002 'missing'.
        (">规章<", ">政府规章<", {("AD003", "item1/rules", "warning")}),
        # The header row's first cell worded otherwise: still the header, the items read.
        (">信息内容<", ">信息类别<", set()),
        # The item's title without its second 第: the item is there (AD001 'missing').
        (">第二十条第（五）项<", ">第二十条（五）项<", set()),
    ],
    ids=["rules-longer", "header-first-cell", "item-title-one-di"],
)
def test_article20_labels_printed_otherwise(
    engine: Engine, tmp_path: Path, old: str, new: str, added: set
):
    text = PINGTAN_2023.read_text("utf-8").replace(old, new)
    variant = write(tmp_path, "variant.html", text)
    found = set(kinds(engine.lint_path(variant)))
    original = set(kinds(engine.lint_path(PINGTAN_2023)))
    assert found - original == added
    assert original - found == set()


@pytest.mark.parametrize(
    ("original", "old", "new"),
    [
        (HONGZE_2024, "     （七）总计    ", "     （七）合计    "),
        (HONGZE_2024, "     （七）总计    ", "     合计        "),
        (PINGTAN_2023, ">（七）总计<", ">合计<"),
    ],
    ids=["layout-numbered", "layout-bare", "html-bare"],
)
def test_outcome_total_printed_heji(
    engine: Engine, tmp_path: Path, original: Path, old: str, new: str
):
    """“（七）合计” for （七）总计: the row, its label altered (AP004, a warning), not a
    missing row (AP002)."""
    edit = replace(old, new)
    variant = write(tmp_path, f"variant{original.suffix}", edit(original.read_text("utf-8")))
    found = set(kinds(engine.lint_path(variant)))
    original_kinds = set(kinds(engine.lint_path(original)))
    assert found - original_kinds == {("AP004", "outcome_total", "warning")}
    assert original_kinds - found == set()


def test_amount_with_a_currency_sign(engine: Engine, tmp_path: Path):
    """“￥180000” for the 2019 sample's 采购总金额 “180000元”: an amount, not text (AD005)."""
    same_findings(engine, tmp_path, SAMPLE_2019, replace("\t180000元\n", "\t￥180000\n"))


@pytest.mark.parametrize(
    ("original", "old", "new", "items"),
    [
        (PINGTAN_2023, ">本年处理决定数量<", ">处理决定数量<", ("item5", "item6")),
        (HONGZE_2024, "本年处理决定数量", "处理决定数量", ("item5", "item6")),
        (SAMPLE_2019, "\t处理决定数量\n", "\t本年处理决定数量\n", ("item5", "item6")),
    ],
    ids=["pingtan-2023-html", "hongze-2024-layout", "2019-sample-reverse"],
)
def test_decisions_column_worded_as_the_other_edition(
    engine: Engine, tmp_path: Path, original: Path, old: str, new: str, items: tuple
):
    """A 2021 report whose items (五)(六) head their one column with the 2019 label
    “处理决定数量” (agencies that kept their 2019 table's wording), or a 2019 report with
    the 2021 label “本年处理决定数量”: the item follows the report's edition, its column
    labelled otherwise (AD003, a warning), not the other edition's item with columns
    and rows missing (AD002 errors)."""
    edit = replace(old, new)
    text = original.read_text("utf-8")
    text = edit(edit(text))
    variant = write(tmp_path, f"variant{original.suffix}", text)
    found = set(kinds(engine.lint_path(variant)))
    original_kinds = set(kinds(engine.lint_path(original)))
    assert found - original_kinds == {("AD003", f"{i}/decisions", "warning") for i in items}
    assert original_kinds - found == set()


@pytest.mark.parametrize(
    ("original", "title", "agency", "added"),
    [
        (
            HONGZE_2024,
            "关于2024年政府信息公开工作情况的报告",
            "淮安市洪泽区人民政府",
            {("ST004", "name", "warning")},
        ),
        (
            HONGZE_2024,
            "关于2024年度政府信息公开工作的报告",
            "淮安市洪泽区人民政府",
            {("ST004", "name", "warning")},
        ),
        (
            HONGZE_2024,
            "2024年政府信息公开年报",
            "淮安市洪泽区人民政府",
            {("ST004", "name", "warning")},
        ),
        (HONGZE_2024, "2024年度政府信息公开工作年度报告（全文）", "淮安市洪泽区人民政府", set()),
        (HUAIAN_2024, "政府信息公开工作年度报告（2024年）", "淮安市人民政府", set()),
        (
            HONGZE_2024,
            "关于印发《淮安市洪泽区2024年政府信息公开工作年度报告》的通知",
            # (the name in the book title is the district's, not its government's: ST008,
            # which is about governments, does not apply; a missed warning, no claim)
            "淮安市洪泽区",
            {("-", "ST008")},
        ),
        # the year printed without 年 (“东河区卫生健康委员会 2021政府信息公开工作年度报告”,
        # a 2021 区卫健委 report's stored page): it is the title's year, not 'no year'
        (HONGZE_2024, "2024政府信息公开工作年度报告", "淮安市洪泽区人民政府", set()),
    ],
    ids=[
        "about-situation",
        "about-work",
        "nianbao",
        "full-text",
        "year-after",
        "notice",
        "year-without-nian",
    ],
)
def test_title_worded_otherwise(
    engine: Engine, tmp_path: Path, original: Path, title: str, agency: str, added: set
):
    """Titles as agencies word them, under the agency's line (“淮安市洪泽区人民政府” /
    “关于2024年政府信息公开工作情况的报告”): the title, its agency and year are read; a
    name other than the statutory one is ST004's warning, not “no title” and a lost
    agency (or, for “（2024年）” after the name, the name taken for the agency)."""
    edit = replace("2024 年政府信息公开工作年度报告", title)
    variant = write(tmp_path, f"variant{original.suffix}", edit(original.read_text("utf-8")))
    result = engine.lint_path(variant)
    assert result.report.agency.value == agency
    assert result.report.year.value == 2024
    found = set(kinds(result))
    original_kinds = set(kinds(engine.lint_path(original)))
    removed = {k[1] for k in added if k[0] == "-"}
    assert found - original_kinds == {k for k in added if k[0] != "-"}
    assert {k[0] for k in original_kinds - found} == removed


@pytest.mark.parametrize(
    "title",
    [
        "关于平潭综合实验区2023年政府信息公开工作情况的报告",
        "平潭综合实验区2023年政府信息公开年报",
        "平潭综合实验区关于2023年度政府信息公开工作的报告",
        "平潭综合实验区2023年度政府信息公开工作年度报告全文",
        "平潭综合实验区政府信息公开工作年度报告",
    ],
)
def test_attachment_page_with_a_title_worded_otherwise(engine: Engine, tmp_path: Path, title: str):
    """A page that holds only the report's title (the report is its attachment), the
    title worded otherwise: still “the report is elsewhere” (XT004, a warning), never
    “this is not a report” (XT004 at error level, the worst false claim)."""
    page = FIXTURES / "forms" / "xt_zone-pingtan_attachment-page.html"
    text = page.read_text("utf-8").replace("平潭综合实验区2023年度政府信息公开工作年度报告", title)
    found = engine.lint_path(write(tmp_path, "page.html", text)).findings
    assert [(f.code, f.level) for f in found] == [("XT004", "warning")]
    assert title in found[0].message_zh


@pytest.mark.parametrize(
    ("original", "old", "new", "added"),
    [
        (SAMPLE_2019, "\t\u3000-3\n", "\t\u3000(3)\n", ("AD005", "item5/licensing/change")),
        (PINGTAN_2023, ">2629<", ">0.2629万<", ("AD005", "item5/licensing/decisions")),
        (PINGTAN_2023, ">80<", ">（80）<", ("AP006", "new_received/natural_person")),
        (PINGTAN_2023, ">80<", ">0.008万<", ("AP006", "new_received/natural_person")),
        (PINGTAN_2023, ">5949.088667<", ">5949.088667万<", ("AD005", "item8/fees/amount")),
    ],
    ids=["change-bracketed", "decisions-wan", "count-bracketed", "count-wan", "fee-wan"],
)
def test_figure_in_a_form_not_read_is_a_warning(
    engine: Engine, tmp_path: Path, original: Path, old: str, new: str, added: tuple
):
    """“(3)” (a negative to an accountant, or only brackets) and “1.2万” (rounded or not)
    hold a figure the tool does not read exactly: the rule says so at warning level, and
    the identities over the cell are not checked; no 'not a number' error."""
    variant = write(tmp_path, f"v{original.suffix}", replace(old, new)(original.read_text("utf-8")))
    result = engine.lint_path(variant)
    found = set(kinds(result))
    original_kinds = set(kinds(engine.lint_path(original)))
    assert found - original_kinds == {(*added, "warning")}
    assert original_kinds - found == set()
    why = next(f for f in result.findings if f.code == added[0]).message_zh
    assert "无法确定" in why or "表头已注明单位" in why


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("一、总体情况", "一、總體情況"),
        ("二、主动公开政府信息情况", "二、主動公開政府信息情況"),
        ("三、收到和处理政府信息公开申请情况", "三、收到和處理政府信息公開申請情況"),
        ("四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公開行政復議、行政訴訟情況"),
        ("六、其他需要报告的事项", "六、其它需要報告的事項"),
    ],
    ids=["one", "two", "three", "four", "six"],
)
def test_heading_in_traditional_characters(engine: Engine, tmp_path: Path, old: str, new: str):
    """A heading printed in traditional characters (a page saved from a site's 繁體 view,
    or copied from a converting mirror) is the section's heading: no ST001 'missing
    section' error."""
    edit = replace(old + "</strong>", new + "</strong>")
    variant = write(tmp_path, "variant.html", edit(PINGTAN_2023.read_text("utf-8")))
    found = set(kinds(engine.lint_path(variant)))
    assert not [k for k in found if k[0] == "ST001"]
    assert not [k for k in found - set(kinds(engine.lint_path(PINGTAN_2023))) if k[2] == "error"]


# ``pdftotext -layout`` of 平潭 2023's PDF and of 平潭财政金融局 2025's printed page.
LAYOUT_PINGTAN = [
    TEXT / "2023_zone-pingtan_gov.pdftotext-layout.txt",
    TEXT / "2025_zonedept-pingtan-czj.printed-layout.txt",
]


@pytest.mark.parametrize(
    "original", [PINGTAN_2023, HONGZE_2024, *LAYOUT_PINGTAN], ids=lambda p: p.stem
)
def test_report_in_traditional_characters(engine: Engine, tmp_path: Path, original: Path):
    """A whole report in traditional characters (a page saved from a site's 繁體 view):
    its title, sections, tables and narrative read as in the original, the findings the
    same (洪泽 2024's section 五 was PI002 'no improvement measures', an error, and its
    title not found; in ``pdftotext -layout`` text the reader matched “信息内容”,
    “第二十条第（五）项” and the headings that end a table as simplified strings: items
    (五), (六), (八) of section 二 were lost, with an AD002 error for 行政处罚)."""
    from linter.traditional import SIMPLIFIED, TRADITIONAL

    text = original.read_text("utf-8").translate(str.maketrans(SIMPLIFIED, TRADITIONAL))
    assert "總體情況" in text
    result = engine.lint_path(write(tmp_path, f"variant{original.suffix}", text))
    assert kinds(result) == kinds(engine.lint_path(original))
    assert result.report.year.value is not None and result.report.agency.value


def test_cai_of_procurement_in_traditional_characters(engine: Engine, tmp_path: Path):
    """採 for 采 (a 2020 report's 繁體 page: 政府集中採購, 採購項目數量, 採購總金額) was not
    in the table: item (九)'s header was not read and its row was AD003 'label altered'.
    上海 2019 (2019 format, which has item (九)) so printed reads as published."""
    original = FIXTURES / "html" / "2019_prov-shanghai-govoffice.html"
    text = original.read_text("utf-8")
    assert text.count("采购") >= 3
    result = engine.lint_path(write(tmp_path, "cai.html", text.replace("采购", "採購")))
    assert kinds(result) == kinds(engine.lint_path(original))


def test_a_traditional_slip_in_a_simplified_report_is_not_rewritten(engine: Engine, tmp_path: Path):
    """One heading in traditional characters in a simplified report: the heading is
    matched, the report's text is left as printed."""
    text = PINGTAN_2023.read_text("utf-8").replace("一、总体情况</strong>", "一、總體情況</strong>")
    result = engine.lint_path(write(tmp_path, "variant.html", text))
    assert result.report.section(1).heading == "一、總體情況"


def test_report_editions_row_label_in_an_item_of_the_other_edition(engine: Engine, tmp_path: Path):
    """A 2023 report whose item (一) keeps the 2019 columns (本年新制作数量 …) but prints
    its rows as 2023 does (行政规范性文件): the row label is the report's edition's, not
    “printed otherwise than the format's 规范性文件” (AD003)."""
    text = PINGTAN_2023.read_text("utf-8")
    for old, new in (
        (">本年制发件数<", ">本年新制作数量<"),
        (">本年废止件数<", ">本年新公开数量<"),
        (">现行有效件数<", ">对外公开总数量<"),
    ):
        text = replace(old, new)(text)
    found = set(kinds(engine.lint_path(write(tmp_path, "variant.html", text))))
    assert ("AD003", "item1/normative_documents", "warning") not in found
    assert not [k for k in found - set(kinds(engine.lint_path(PINGTAN_2023))) if k[2] == "error"]


@pytest.mark.parametrize(
    ("original", "old", "new", "column"),
    [
        (PINGTAN_2023, ">现行有效件数<", ">有效件数合计<", "item1/in_force"),
        (PINGTAN_2023, ">本年收费金额（单位：万元）<", ">处理决定数量<", "item8/amount"),
        (HONGZE_2024, "本年收费金额（单位：万元）", "处理决定数量", "item8/amount"),
    ],
    ids=["in-force-otherwise", "fee-header-pasted", "fee-header-pasted-layout"],
)
def test_one_item_column_labelled_otherwise(
    engine: Engine, tmp_path: Path, original: Path, old: str, new: str, column: str
):
    """One header label of a section-二 item that is none of its columns, where exactly
    one of its columns is not printed: that column under another label (AD003, a
    warning), not a missing column (AD002 error) nor an unread table."""
    variant = write(tmp_path, f"v{original.suffix}", replace(old, new)(original.read_text("utf-8")))
    found = set(kinds(engine.lint_path(variant)))
    original_kinds = set(kinds(engine.lint_path(original)))
    assert found - original_kinds == {("AD003", column, "warning")}
    # (平潭 2023's TX004 compares its narrative's 393 with the 现行有效 column, still read)
    assert original_kinds - found == set()


def test_item_kept_in_the_2019_form_lacks_no_2019_only_row(engine: Engine, tmp_path: Path):
    """A 2023 report whose item (五) keeps the 2019 columns (上一年项目数量, 本年增/减,
    处理决定数量) over its one 2021 row 行政许可: the 2019-only row 其他对外管理服务事项
    is not one the report lacks (AD002 said it was, an error)."""
    text = PINGTAN_2023.read_text("utf-8")
    header = re.search(
        r'<td colspan="3"([^>]*)><p style="text-indent: 0em;">本年处理决定数量<', text
    )
    assert header
    style = header.group(1)

    def cells(*texts: str) -> str:
        return "".join(f'<td{style}><p style="text-indent: 0em;">{t}</p></td>' for t in texts)

    text = text.replace(
        header.group(0)[: -len("<")] + "</p></td>",
        cells(*"上一年项目数量 本年增/减 处理决定数量".split()),
        1,
    )
    value = re.search(r'<td colspan="3"[^>]*><p style="text-indent: 0em;">2629</p></td>', text)
    assert value
    text = text.replace(value.group(0), cells("10", "0", "2629"), 1)
    result = engine.lint_path(write(tmp_path, "variant.html", text))
    assert result.report.article20.items["item5"].rows["licensing"].cells["decisions"].value == 2629
    added = set(kinds(result)) - set(kinds(engine.lint_path(PINGTAN_2023)))
    assert not [k for k in added if k[2] == "error"]


def test_section_kept_mostly_in_the_2019_form(engine: Engine, tmp_path: Path):
    """A 2023 report whose items (五) and (六) both keep the 2019 columns, so that its
    section 二 reads as the 2019 form: ST003 says the tables follow the wrong edition
    (true) of those two items, and that items (一) and (八) follow the 2021 one (it said
    "the section 二 tables follow the 2019 format"); the 2019-only item (九) and row
    其他对外管理服务事项 are not claimed missing from a 2023 report (AD001, AD002 errors
    before)."""
    text = PINGTAN_2023.read_text("utf-8")
    header = re.search(
        r'<td colspan="3"([^>]*)><p style="text-indent: 0em;">本年处理决定数量</p></td>', text
    )
    assert header

    def cells(*texts: str) -> str:
        return "".join(
            f'<td{header.group(1)}><p style="text-indent: 0em;">{t}</p></td>' for t in texts
        )

    text = text.replace(header.group(0), cells("上一年项目数量", "本年增/减", "处理决定数量"))
    for figure in ("2629", "1330", "54"):
        value = re.search(
            f'<td colspan="3"[^>]*><p style="text-indent: 0em;">{figure}</p></td>', text
        )
        assert value
        text = text.replace(value.group(0), cells("10", "0", figure), 1)
    result = engine.lint_path(write(tmp_path, "variant.html", text))
    added = set(kinds(result)) - set(kinds(engine.lint_path(PINGTAN_2023)))
    assert {k for k in added if k[2] == "error"} == {("ST003", "section2", "error")}
    (st003,) = [f for f in result.findings if f.code == "ST003"]
    assert st003.message_zh.startswith("第二部分第二十条第（五）（六）项的表格采用 2019 年试行格式")
    assert "第（一）（八）项采用 2021 年格式" in st003.message_zh
    assert "those of items (1)(8) the 2021 format" in st003.message_en


def test_header_below_an_items_rows_is_not_its_column(engine: Engine):
    """PyMuPDF's markdown of the printed 平潭 2022 page loses the title of item (八), so
    its header “本年收费金额（单位：万元）” comes below item (六)'s rows: it is not (六)'s
    one column labelled otherwise (AD003 would quote the fee's label as the decisions')."""
    found = kinds(engine.lint_path(TEXT / "2022_zone-pingtan_gov.printed.pymupdf4llm.md"))
    assert ("AD003", "item6/decisions", "warning") not in found


@pytest.mark.parametrize("printed", ["无变化", "持平"])
def test_change_written_no_change(engine: Engine, tmp_path: Path, printed: str):
    """本年增/减 “无变化” (no change) in the 2019 sample: a cell with no figure entered
    (AD004, a warning: write 0), not 'not a number' (AD005, an error)."""
    variant = write(
        tmp_path,
        "report.txt",
        replace("\t\u3000-3\n", f"\t\u3000{printed}\n")(SAMPLE_2019.read_text("utf-8")),
    )
    added = set(kinds(engine.lint_path(variant))) - set(kinds(engine.lint_path(SAMPLE_2019)))
    assert added == {("AD004", "item5", "warning")}


def test_one_item_kept_in_the_2019_form_is_said(engine: Engine, tmp_path: Path):
    """A 2023 report whose item (八) keeps the 2019 table (上一年项目数量 / 本年增/减, no
    fee amount): ST003 warns about that item (it said nothing: the section as a whole
    follows the 2021 edition)."""
    text = PINGTAN_2023.read_text("utf-8")
    header = re.search(
        r'<td colspan="3"([^>]*)><p style="text-indent: 0em;">本年收费金额（单位：万元）</p></td>',
        text,
    )
    value = re.search(
        r'<td colspan="3"[^>]*><p style="text-indent: 0em;">5949.088667</p></td>', text
    )
    assert header and value

    def cells(*texts: str) -> str:
        return "".join(
            f'<td{header.group(1)}><p style="text-indent: 0em;">{t}</p></td>' for t in texts
        )

    text = text.replace(header.group(0), cells("上一年项目数量", "本年增/减"))
    text = text.replace(value.group(0), cells("3", "0"))
    result = engine.lint_path(write(tmp_path, "variant.html", text))
    added = set(kinds(result)) - set(kinds(engine.lint_path(PINGTAN_2023)))
    assert added == {("ST003", "section2/item8", "warning")}
    (finding,) = [f for f in result.findings if f.sub_id == "section2/item8"]
    assert "本年收费金额（单位：万元）" in finding.message_zh


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("四、政府信息公开行政复议、行政诉讼情况", "（四）政府信息公开行政复议、行政诉讼情况"),
        ("二、主动公开政府信息情况", "2.主动公开政府信息情况"),
        ("六、其他需要报告的事项", "（六）其他需要报告的事项"),
    ],
    ids=["paren-four", "arabic-two", "paren-six"],
)
def test_one_heading_numbered_in_another_system(engine: Engine, tmp_path: Path, old: str, new: str):
    """One heading numbered otherwise than the other five (“（四）…” among “一、”…“六、”),
    in the format's wording and its place: the section's heading (ST001 'missing', an
    error, before)."""
    variant = write(
        tmp_path,
        "variant.html",
        replace(old + "</strong>", new + "</strong>")(PINGTAN_2023.read_text("utf-8")),
    )
    assert kinds(engine.lint_path(variant)) == kinds(engine.lint_path(PINGTAN_2023))


def test_paren_sub_heading_naming_problems_stays_a_sub_heading(engine: Engine, tmp_path: Path):
    """上海 2025 (markdown) with its parts numbered “（一）”…: the sub-heading “（一）2024 年
    工作中存在问题的改进情况” under the lost heading 五 is not taken for 五's heading in
    the “（一）” system (PI002 'no measures', an error, before)."""
    text = SHANGHAI_2025_MD.read_text("utf-8")
    for n, h in HEADINGS.items():
        text = text.replace(f"{n}、{h}", f"（{n}）{h}", 1)
    result = engine.lint_path(write(tmp_path, "variant.md", text))
    added = set(kinds(result)) - set(kinds(engine.lint_path(SHANGHAI_2025_MD)))
    assert not [k for k in added if k[2] == "error"]


def test_traditional_headings_glued_in_a_flattened_page(engine: Engine, tmp_path: Path):
    """平潭 2022 as an archiver's flattened text (the body on one line) with its section
    headings in traditional characters: the headings glued inside the line are found as
    the simplified ones are (ST001 'missing' errors before)."""
    from linter.traditional import SIMPLIFIED, TRADITIONAL

    original = TEXT / "2022_zone-pingtan_gov.txt"
    text = original.read_text("utf-8")
    to_traditional = str.maketrans(SIMPLIFIED, TRADITIONAL)
    for n, h in HEADINGS.items():
        text = text.replace(f"{n}、{h}", f"{n}、{h.translate(to_traditional)}")
    assert "一、總體情況" in text
    variant = write(tmp_path, "variant.txt", text)
    found = set(kinds(engine.lint_path(variant)))
    assert not [k for k in found - set(kinds(engine.lint_path(original))) if k[2] == "error"]


# Pinyin as mirrors of 繁體 pages write it after some characters (拖市镇 2020, 襄阳中环水务
# 2019 and two other stored pages: 鎮(zhèn), 數(shù)量, 申請(qǐng), 主動(dòng)公開, 改進(jìn)).
MIRROR_PINYIN = {"動": "dòng", "數": "shù", "請": "qǐng", "進": "jìn", "報": "bào", "議": "yì"}


@pytest.mark.parametrize(
    "original",
    [TEXT / "2022_zone-pingtan_gov.txt", TEXT / "2023_zone-pingtan_gov.markitdown.md"],
    ids=lambda p: p.name,
)
def test_traditional_page_with_a_mirrors_pinyin(engine: Engine, tmp_path: Path, original: Path):
    """A 繁體 page copied by a mirror that writes pinyin after some characters: the
    headings glued inside a flattened line were not found (ST001 'missing' errors on a
    stored 2019 page whose headings are there) and the tables' labels were not read. The
    pinyin is dropped: the findings are the original's."""
    from linter.traditional import SIMPLIFIED, TRADITIONAL

    text = original.read_text("utf-8").translate(str.maketrans(SIMPLIFIED, TRADITIONAL))
    for char, syllable in MIRROR_PINYIN.items():
        text = text.replace(char, f"{char}({syllable})")
    assert "主動(dòng)公開" in text and "申請(qǐng)" in text
    result = engine.lint_path(write(tmp_path, f"mirror{original.suffix}", text))
    assert kinds(result) == kinds(engine.lint_path(original))
    assert (result.report.agency.value, result.report.year.value) == (
        "平潭综合实验区",
        int(original.name[:4]),
    )


@pytest.mark.parametrize("original", [PINGTAN_2023, HONGZE_2024], ids=lambda p: p.stem)
def test_big5_gateway_words(engine: Engine, tmp_path: Path, original: Path):
    """A government site's big5 gateway (big5.mot.gov.cn, a 2020 海事局 report) writes
    資訊 for 信息 and 公佈 for 公布: the title (“…政府資訊公開工作年度報告”, ST004 'not the
    report's name'), the 資訊內容 headers and the agency after “特向社會公佈” were not read.
    The report so printed gives the original's findings."""
    from linter.traditional import SIMPLIFIED, TRADITIONAL

    text = original.read_text("utf-8").translate(str.maketrans(SIMPLIFIED, TRADITIONAL))
    text = text.replace("信息", "資訊").replace("公布", "公佈")
    assert "政府資訊公開" in text and "資訊內容" in text
    result = engine.lint_path(write(tmp_path, f"gateway{original.suffix}", text))
    assert kinds(result) == kinds(engine.lint_path(original))
    assert result.report.agency.value == engine.parse(original).agency.value


@pytest.mark.parametrize(
    "agency", ["南京海关", "淮安市公安局交通警察支队", "洪泽区岔河镇", "淮安市气象台"]
)
def test_agency_line_above_the_title_of_other_agencies(engine: Engine, tmp_path: Path, agency: str):
    """洪泽 2024's two-line title with another agency's name on the first line: a customs
    office, a police detachment, a town, a weather station name the report's agency (lost
    before: the cross-year pairing and ST008 need it)."""
    edit = replace("淮安市洪泽区人民政府\n", f"{agency}\n")
    result = engine.lint_path(write(tmp_path, "variant.txt", edit(HONGZE_2024.read_text("utf-8"))))
    assert result.report.agency.value == agency


@pytest.mark.parametrize(
    ("old", "new", "term", "kind"),
    [
        # one traditional character in a simplified report: matched, and said
        ("一、总体情况</strong>", "一、總体情况</strong>", "总体情况", "traditional"),
        ("办结依申请公开81件", "办结依申請公开81件", "依申请公开", "traditional"),
        # 其它 for 其他, in a heading also in traditional characters: the slip is said
        # as in the simplified heading (it was lost)
        (
            "六、其他需要报告的事项</strong>",
            "六、其它需要報告的事項</strong>",
            "其他需要报告的事项",
            None,
        ),
    ],
    ids=["heading", "body", "other-matters"],
)
def test_traditional_characters_in_a_simplified_report_are_said(
    engine: Engine, tmp_path: Path, old: str, new: str, term: str, kind: str | None
):
    """A simplified report (平潭 2023) with a traditional character or two: the heading or
    term is read (no ST001), and WD001 says what is written (it was silent)."""
    variant = write(tmp_path, "variant.html", replace(old, new)(PINGTAN_2023.read_text("utf-8")))
    result = engine.lint_path(variant)
    added = set(kinds(result)) - set(kinds(engine.lint_path(PINGTAN_2023)))
    assert added == {("WD001", term, "warning")}
    (finding,) = [f for f in result.findings if f.code == "WD001"]
    assert finding.properties.get("kind") == kind
    if kind:
        assert "混用了繁体字" in finding.message_zh and "traditional" in finding.message_en


@pytest.mark.parametrize(
    ("original", "form"),
    [
        (PINGTAN_2023, "本年（2023）{rest}"),
        (PINGTAN_2023, "2023年{rest}"),
        (HONGZE_2024, "本年(2024){rest}"),
    ],
    ids=["year-in-brackets", "year-for-this-year", "year-in-brackets-layout"],
)
def test_section2_column_labels_with_the_report_year(
    engine: Engine, tmp_path: Path, original: Path, form: str
):
    """Section 二's column labels with the report's year written in (“本年(2023)制发件数”,
    “本年(2023)处理决定数量”, as a 2023 街道办事处 report's stored page prints them; or
    “2023年制发件数”): each column is there under a label printed otherwise (AD003, a
    warning), not missing (AD002 said 本年制发件数 and 本年废止件数 were, errors, while
    the longer labels of items (五)(六)(八) were near enough)."""
    text = original.read_text("utf-8")
    for rest in ("制发件数", "废止件数", "处理决定数量", "收费金额"):
        assert f"本年{rest}" in text
        text = text.replace(f"本年{rest}", form.format(rest=rest))
    result = engine.lint_path(write(tmp_path, f"v{original.suffix}", text))
    found = set(kinds(result))
    original_kinds = set(kinds(engine.lint_path(original)))
    assert not [k for k in found - original_kinds if k[2] == "error"], found - original_kinds
    assert {k[0] for k in found - original_kinds} <= {"AD003"}
    assert ("AD003", "item1/issued", "warning") in found
    items = result.report.article20.items
    assert items["item1"].rows["normative_documents"].cells["issued"].value is not None


@pytest.mark.parametrize("original", [PINGTAN_2023, HONGZE_2024], ids=lambda p: p.stem)
def test_one_item_of_four_in_the_other_edition_ties_the_section(
    engine: Engine, tmp_path: Path, original: Path
):
    """A 2021-format report whose item (一) keeps the 2019 columns (本年新制作数量 …) and
    whose items (五)(六)(八) follow the 2021 ones, as a 2021 区教育局 report's stored page
    prints them: the two editions tie for section 二 (three column labels each), which
    then follows neither, and ST003 said nothing; now it says item (一) keeps the other
    edition's columns, at warning level as when the section's edition is right."""
    text = original.read_text("utf-8")
    for old, new in (
        ("本年制发件数", "本年新制作数量"),
        ("本年废止件数", "本年新公开数量"),
        ("现行有效件数", "对外公开总数量"),
    ):
        text = replace(old, new)(text)
    found = set(kinds(engine.lint_path(write(tmp_path, f"v{original.suffix}", text))))
    assert ("ST003", "section2/item1", "warning") in found
    assert not [k for k in found if k[0] == "ST003" and k[2] == "error"]


TOC_ENTRIES = [f"{n}、{h}" for n, h in HEADINGS.items()]


@pytest.mark.parametrize(
    ("original", "anchor", "line"),
    [
        (
            PINGTAN_2023,
            '<p style="text-indent: 2em;"><strong>&nbsp;一、总体情况',
            '<p style="text-indent: 2em;">{entry}{leader}{page}</p>',
        ),
        (HONGZE_2024, "  一、总体情况", "  {entry}{leader}{page}"),
    ],
    ids=lambda v: v.stem if isinstance(v, Path) else "",
)
@pytest.mark.parametrize("leader", [" ........................ ", "……………………", None])
def test_table_of_contents_above_the_report(
    engine: Engine, tmp_path: Path, original: Path, anchor: str, line: str, leader: str
):
    """A report with a table of contents above its text (目录, then each section's heading
    with a leader and its page number: “二、主动公开政府信息情况 ........ 10”, as a
    province department's published report prints it): its entries were read as the six
    sections' headings, the sections in the body as headings printed again (ST002 ×6),
    section 五 as the TOC line's leader (PI001 'only 2 characters', an error) and the whole
    report as section 六. The entries are not headings: the findings are the report's.
    So too for contents without leaders or page numbers (the six headings one under
    another, each printed again in the body: PI001 'section 五 is empty', an error)."""
    text = original.read_text("utf-8")
    assert anchor in text
    entries = [
        line.format(entry=e, leader=leader or "", page=page if leader else "")
        for e, page in zip(TOC_ENTRIES, (1, 3, 4, 6, 6, 7), strict=True)
    ]
    toc = "\n".join([line.format(entry="目录", leader="", page=""), *entries, ""])
    variant = text.replace(anchor, toc + anchor, 1)
    assert kinds(engine.lint_path(write(tmp_path, f"v{original.suffix}", variant))) == kinds(
        engine.lint_path(original)
    )


def test_table_of_contents_above_a_docx_report(engine: Engine, tmp_path: Path):
    """The 淮安 2024 DOCX with a Word table of contents above its text (目录, then each
    heading, a TAB and its page number): the entries were the sections (PI001 'section 五
    has only 1 character', an error; ST002 x6); the findings are the report's."""
    import io
    import zipfile

    from tests.docx_fixtures import huaian_2024_docx, replace_member

    data = huaian_2024_docx()
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    at = body.find("一、总体情况")
    start = max(body.rfind("<w:p>", 0, at), body.rfind("<w:p ", 0, at))
    assert at > 0 and start > 0
    toc = "<w:p><w:r><w:t>目录</w:t></w:r></w:p>" + "".join(
        f"<w:p><w:r><w:t>{entry}</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>{page}</w:t></w:r></w:p>"
        for page, entry in enumerate(TOC_ENTRIES, 1)
    )
    variant = replace_member(
        data, "word/document.xml", (body[:start] + toc + body[start:]).encode()
    )
    assert kinds(engine.lint_path(write(tmp_path, "toc.docx", variant))) == kinds(
        engine.lint_path(write(tmp_path, "original.docx", data))
    )
