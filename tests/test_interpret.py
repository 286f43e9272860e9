"""The interpreter on real reports: sections, identity, editions, tables to canonical ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.engine import Engine
from linter.labels import APPLICATION_COLUMNS, application_rows
from linter.schema import validate_report_json
from tests.conftest import PINGTAN, SAMPLE_2019, SHANGHAI_2025_MD


def test_2019_sample_full_ir(engine: Engine) -> None:
    report = engine.parse(SAMPLE_2019)
    assert validate_report_json(report.to_json()) == []
    assert report.title is not None and report.title.text == "2019年度政府信息公开工作年度报告"
    assert report.agency.value is None  # the title names no agency (ST004 material)
    assert (report.year.value, report.year.decided_by) == (2019, "title")
    assert (report.edition.value, report.edition.decided_by) == ("2019", "year")
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert report.section(5).anchor.line == 392

    table = report.applications
    assert table.edition == "2019"
    expected_rows = [r.id for r in application_rows("2019")]
    assert list(table.rows) == expected_rows  # every row of the 2019 edition, in order
    assert set(table.columns) == {c.id for c in APPLICATION_COLUMNS}
    for row in table.rows.values():
        assert list(row.cells) == [c.id for c in APPLICATION_COLUMNS]
        assert row.cells["total"].text == "0" and row.cells["total"].value == 0
        # The applicant columns are printed blank (NBSP or nothing), not 0.
        assert all(row.cells[c].state == "blank" for c in list(row.cells)[:-1])
    assert table.rows["new_received"].cells["total"].anchor.line == 108
    assert table.rows["withheld.state_secret"].label == "1.属于国家秘密"

    review = report.review_litigation.rows["cases"].cells
    assert review["review.total"].value == 0
    assert review["litigation_direct.total"].state == "blank"  # printed blank
    assert review["litigation_after_review.total"].value == 0

    a20 = report.article20
    assert a20.edition == "2019"
    assert list(a20.items) == ["item1", "item5", "item6", "item8", "item9"]
    assert a20.items["item5"].rows["licensing"].cells["change"].value == -3
    amount = a20.items["item9"].rows["procurement"].cells["amount"]
    assert (amount.value, amount.unit, amount.text) == (180000, "元", "180000元")
    assert report.diagnostics == ()


@pytest.mark.parametrize("path", PINGTAN, ids=lambda p: p.name)
def test_flattened_pingtan_tables_are_not_invented(engine: Engine, path: Path) -> None:
    report = engine.parse(path)
    assert validate_report_json(report.to_json()) == []
    assert report.agency.value == "平潭综合实验区"
    assert report.year.value == int(path.name[:4])
    assert not report.applications.present and not report.review_litigation.present
    assert not report.article20.present
    xt002 = [d for d in report.diagnostics if d.code == "XT002"]
    assert [dict(d.args)["section"] for d in xt002] == ["2", "3", "4"]
    assert report.metadata["published"][:4] == str(report.year.value + 1)


def test_markdown_conversion_reads_what_it_can(engine: Engine) -> None:
    report = engine.parse(SHANGHAI_2025_MD)
    assert validate_report_json(report.to_json()) == []
    assert report.agency.value == "上海市人民政府办公厅"
    assert (report.year.value, report.edition.value) == (2025, "2021")
    # Heading 五 was lost by the converter; the section is recognised from its content
    # (after 四's table, before 六: “（一）2024 年工作中存在问题的改进情况”).
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    five = report.section(5)
    assert (five.heading_printed, five.heading, five.anchor.line) == (
        False,
        "五、存在的主要问题及改进情况",
        183,
    )
    assert five.paragraphs[0].text == "（一）2024 年工作中存在问题的改进情况"
    assert "（二）2025 年工作中存在的主要问题" in five.text
    assert "注：行政复议" in report.section(4).text
    rows = report.applications.rows
    assert rows["new_received"].cells["total"].value == 1295
    assert rows["carried_over"].cells["total"].value == 189
    assert rows["outcome_total"].cells["total"].value == 1191
    assert rows["carried_forward"].cells["total"].value == 293
    assert rows["other_handling.other"].cells["natural_person"].value == 264
    review = report.review_litigation.rows["cases"].cells
    assert [
        review[k].value
        for k in ("review.total", "litigation_direct.total", "litigation_after_review.total")
    ] == [55, 12, 22]
    # Section 二 cannot be recovered from the fragments: said, not guessed.
    assert [dict(d.args)["section"] for d in report.diagnostics if d.code == "XT002"] == ["2"]


def test_2021_layout_with_typo_label_is_mapped_as_altered(engine: Engine, tmp_path: Path) -> None:
    # 洪泽区 2023/2024 print "2.其他法律行政止公开" (missing 法规禁).
    text = SAMPLE_2019.read_text(encoding="utf-8").replace(
        "2.其他法律行政法规禁止公开", "2.其他法律行政止公开"
    )
    path = tmp_path / "typo.txt"
    path.write_text(text, encoding="utf-8")
    row = engine.parse(path).applications.rows["withheld.prohibited_by_law"]
    assert (row.label, row.label_match) == ("2.其他法律行政止公开", "altered")


def test_report_round_trips_through_json(engine: Engine) -> None:
    from linter.model import Report

    report = engine.parse(SAMPLE_2019)
    again = Report.from_json(report.to_json())
    assert again.to_json() == report.to_json()


def test_title_after_site_menus(engine: Engine, tmp_path: Path) -> None:
    """A page saved or printed with its site (menus, a link to last year's report) has its
    title further down than the first lines: the last title line before section 一 is it."""
    body = SAMPLE_2019.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(body) if line.strip().startswith("一、"))
    menus = ["国务院 省政府", "移动版", "首页", "政务公开", "解读回应", "办事服务", "互动交流"]
    menus += ["走进平潭", "请输入搜索内容", "政府信息公开年报"]
    menus += ["平潭综合实验区2021年度政府信息公开工作年度报告", "当前位置：首页 > 政务公开"]
    title = "平潭综合实验区2022年度政府信息公开工作年度报告"
    text = "\n\n".join([*menus, title, "来源：平潭县人民政府 时间：2023-02-20"])
    path = tmp_path / "printed.txt"
    path.write_text(text + "\n\n" + "\n".join(body[start:]), encoding="utf-8")
    report = engine.parse(path)
    assert report.title is not None and report.title.text == title
    assert (report.agency.value, report.year.value) == ("平潭综合实验区", 2022)
    # Within the first lines, the first title line stays the title, as before.
    path.write_text(title + "\n\n" + "\n".join(body[start:]), encoding="utf-8")
    assert engine.parse(path).title.text == title


@pytest.mark.parametrize(
    ("label", "other", "column"),
    [
        ("标题: ", "发布机构: 淮安市人民政府办公室", 5),
        # (黄石市卫健委 2019's stored page, a 湖北 CMS: the labels run into their values)
        ("公报标题", "主办单位淮安市人民政府办公室 公报年份2024", 5),
        # (白银区统计局 2020's stored page: an empty 文号 before the 关键字 naming the title)
        ("文       号: 关键字: ", "所属机构: 淮安市 发布机构: 淮安市人民政府", 17),
    ],
    ids=["colon", "no-mark", "keywords"],
)
def test_title_named_by_the_page_information_table_label(
    engine: Engine, tmp_path: Path, label: str, other: str, column: int
) -> None:
    """A page's information lines printed above the article (索引号 / 标题: … / 发布机构,
    as a 2020 镇人民政府 report's stored page prints them) name the title after a label:
    the agency was “标题:淮安市人民政府” (ST008 and every message named it so), and
    “公报标题淮安市人民政府” where the label has no mark after it."""
    whole = Path(__file__).parent / "fixtures" / "text" / "st_2024_city-huaian_gov.txt"
    head = ["索引号: 014000000/2025-00012", f"{label}淮安市人民政府2024年政府信息公开工作年度报告"]
    path = tmp_path / "labelled.txt"
    path.write_text("\n".join([*head, other, ""]) + whole.read_text("utf-8"))
    report = engine.parse(path)
    assert report.title is not None
    assert report.title.text == "淮安市人民政府2024年政府信息公开工作年度报告"
    assert (report.agency.value, report.year.value) == ("淮安市人民政府", 2024)
    assert (report.title.anchor.line, report.title.anchor.column) == (2, column)


def test_title_under_a_line_naming_the_page_column(engine: Engine, tmp_path: Path) -> None:
    """A page that prints its column's name above the title (“2020年信息公开年报” over
    “蒲纺工业园区2020年政府信息公开工作年度报告”, 赤壁 2020's stored page): the column line was
    the title, so the agency was None and ST004 quoted the column's name twice. The title is
    the next line, naming the agency, also when printed over two lines; and so is the
    article's title under a page's own title that names no agency."""
    whole = Path(__file__).parent / "fixtures" / "text" / "st_2024_city-huaian_gov.txt"
    path = tmp_path / "column.txt"
    path.write_text("2024年信息公开年报\n" + whole.read_text("utf-8"), encoding="utf-8")
    report = engine.parse(path)
    assert report.title is not None
    assert report.title.text == "淮安市人民政府2024 年政府信息公开工作年度报告"
    assert (report.agency.value, report.year.value) == ("淮安市人民政府", 2024)
    assert report.title.anchor.line == 2
    body = SAMPLE_2019.read_text(encoding="utf-8").split("\n")
    title = "蒲纺工业园区2019年政府信息公开工作年度报告"
    path.write_text("\n".join(["2019年信息公开年报", title, *body[1:]]), encoding="utf-8")
    report = engine.parse(path)
    assert report.title is not None and report.title.text == title
    assert (report.agency.value, report.title.anchor.line) == ("蒲纺工业园区", 2)
    codes = [f.code for f in engine.lint_path(path).findings]
    assert "ST004" not in codes
    # The page's own title naming no agency, its date, then the article's title naming it
    # (衡阳市国资委 2019's stored page).
    page = "2024年政府信息公开工作年度报告\n发布时间:2025-01-20 10:56 来源:办公室\n"
    path.write_text(page + whole.read_text("utf-8"), encoding="utf-8")
    report = engine.parse(path)
    assert report.title is not None and report.title.anchor.line == 3
    assert report.agency.value == "淮安市人民政府"
    # A title naming no agency over a line that does not print a title stays the title
    # (ST004's 'no agency' is the report's own): the 2019 sample.
    assert engine.parse(SAMPLE_2019).agency.value is None


@pytest.mark.parametrize(
    ("head", "at"),
    [
        # two labels a line (a 2025 街道办事处 report's stored page): the title ended at the
        # next label, not at the line's end (“…年度报告 发布机构: …”), and the report with
        # its title, sections and tables was XT004 'not an annual report' (an error)
        (
            [
                "名  称: 淮安市人民政府2024年政府信息公开工作年度报告 发布机构: 淮安市人民政府办公室",
                "文  号: 索 引 号: 014000000/2025-00012",
            ],
            (1, 7),
        ),
        # the labels and values as table cells without colons, under the page's breadcrumb
        # (a 2022 县政府办公室 report's stored page): the breadcrumb, naming the column
        # 政府信息公开年报 and the year, was the title and 当前位置:网站首页>… the agency
        (
            [
                "当前位置: 网站首页 >  政务公开 >  政府信息公开年报 >  2024年 >  正文",
                "索引号 bgs01/2025-00011 发文字号",
                "成文日期 2025-01-18 发布日期 2025-01-18",
                "标   题 淮安市人民政府2024年政府信息公开工作年度报告",
                "发布机构 淮安市人民政府办公室 公文时效 有效",
            ],
            (4, 7),
        ),
    ],
    ids=["two-labels-a-line", "cells-under-a-breadcrumb"],
)
def test_title_label_followed_by_other_labels(
    engine: Engine, tmp_path: Path, head: list[str], at: tuple[int, int]
) -> None:
    """A page's information lines with another label after the title's on its line (the
    title ends at that label), or printed as cells without colons under the breadcrumb."""
    whole = Path(__file__).parent / "fixtures" / "text" / "st_2024_city-huaian_gov.txt"
    path = tmp_path / "labelled.txt"
    path.write_text("\n".join([*head, ""]) + whole.read_text("utf-8"))
    report = engine.parse(path)
    assert report.title is not None
    assert report.title.text == "淮安市人民政府2024年政府信息公开工作年度报告"
    assert (report.agency.value, report.year.value) == ("淮安市人民政府", 2024)
    assert (report.title.anchor.line, report.title.anchor.column) == at
    assert "XT004" not in {f.code for f in engine.lint_path(path).findings}


def test_title_worded_annual_work_report(engine: Engine, tmp_path: Path) -> None:
    """“上湾乡人民政府2019年度政府信息公开年度工作报告” (2019 乡人民政府 reports' pages word
    it so) was no title: the preamble's sentence “…经对我乡2019年度政府信息公开工作情况进行分
    析、总结,编制本年度报告” was taken for it, and ST004 quoted that sentence."""
    body = SAMPLE_2019.read_text(encoding="utf-8").split("\n")
    title = "上湾乡人民政府2019年度政府信息公开年度工作报告"
    preamble = (
        "根据《中华人民共和国政府信息公开条例》(以下简称《条例》)和省、州相关文件精神,"
        "经对我乡2019年度政府信息公开工作情况进行分析、总结,编制本年度报告。"
    )
    path = tmp_path / "report.txt"
    path.write_text("\n".join([title, "", preamble, *body[1:]]), encoding="utf-8")
    report = engine.parse(path)
    assert report.title is not None and report.title.text == title
    assert (report.agency.value, report.year.value) == ("上湾乡人民政府", 2019)


@pytest.mark.parametrize(
    ("sentence", "title", "agency", "column"),
    [
        # (a 2021 供电 report's stored page: the sentence up to 报告 was the title, and the
        # agency “根据《中华人民共和国…》规定,特向社会公布台州电业局政府信息公开工作”)
        (
            "根据《中华人民共和国政府信息公开条例》(以下简称《条例》)规定,特向社会公布台州电业局"
            "政府信息公开工作2019年度报告。本报告由总体情况、主动公开政府信息情况等部分组成。",
            "台州电业局政府信息公开工作2019年度报告",
            "台州电业局",
            39,
        ),
        # a short sentence with the verb between the agency and the year (a 2023 街道 report's
        # stored page): under 80 characters the whole sentence was the title, and
        # “根据《中华人民共和国政府信息公开条例》的要求,绍兴市越城区东湖街道特编制” the agency
        (
            "根据《中华人民共和国政府信息公开条例》的要求,绍兴市越城区东湖街道特编制2019年政府信息"
            "公开年度报告。",
            "绍兴市越城区东湖街道2019年政府信息公开年度报告",
            "绍兴市越城区东湖街道",
            None,
        ),
        # the agency a pronoun (牛街乡 2019's stored page): “我乡” was its agency
        (
            "根据《中华人民共和国政府信息公开条例》的规定,编制2019年度我乡信息公开工作年度报告。"
            "本报告主要包括:总体情况;主动公开政府信息情况。",
            "2019年度我乡信息公开工作年度报告",
            None,
            None,
        ),
    ],
    ids=["names-the-report", "verb-before-the-year", "a-pronoun"],
)
def test_title_published_by_the_opening_sentence(
    engine: Engine,
    tmp_path: Path,
    sentence: str,
    title: str,
    agency: str | None,
    column: int | None,
) -> None:
    """A page whose title the extractor left out opens with a sentence that names the
    report: the report it publishes is the title, and the agency is the name before it."""
    body = SAMPLE_2019.read_text(encoding="utf-8").split("\n")
    path = tmp_path / "report.txt"
    path.write_text("\n".join([sentence, *body[1:]]), encoding="utf-8")
    report = engine.parse(path)
    assert report.title is not None
    assert report.title.text == title
    assert (report.agency.value, report.year.value) == (agency, 2019)
    assert report.title.anchor.line == 1
    if column is not None:
        assert report.title.anchor.column == column
    else:  # somewhere in the clause
        assert report.title.anchor.column > 20


def test_title_wrapped_before_its_last_character(engine: Engine) -> None:
    """淮安市's 2024 report filled into the 2021 template (tests/docx_fixtures.py), exported to
    PDF by LibreOffice and extracted with ``pdftotext -layout``: the centred title wraps with
    its last character "告" alone on the next line."""
    path = Path(__file__).parent / "fixtures" / "text"
    report = engine.parse(path / "2024_city-huaian_template.lo-pdftotext-layout.txt")
    assert report.title is not None
    assert report.title.text == "淮安市人民政府 2024 年政府信息公开工作年度报告"
    assert (report.agency.value, report.year.value) == ("淮安市人民政府", 2024)
    assert report.title.anchor.line == 1


def test_a_body_sentence_opening_with_the_report_is_no_title(
    engine: Engine, tmp_path: Path
) -> None:
    """A file that lost its title (LibreOffice's PDF of 上海 2019's page leaves page 1
    blank) and opens with "本年度报告由…编制，…": the first words are no title (before:
    title "本年度报告", and two ST004 warnings about its wording); the report has none."""
    lines = SAMPLE_2019.read_text(encoding="utf-8").split("\n")
    lines[0] = (
        "本年度报告由某市工业和信息化局根据《中华人民共和国政府信息公开条例》要求编制，内容包括"
        "总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、行政复议和行政诉讼情况等。"
    )
    path = tmp_path / "r.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    report = engine.parse(path)
    assert report.title is None
    assert report.year.value == 2019  # from the statistics period


def test_the_article_20_cue_is_a_title_inside_one_cell() -> None:
    # A table is section 二's when a cell names an item (第二十条第（五）项, in any width
    # or with traditional characters); a title cut over two cells is not one, and a
    # table without the words is not looked at further.
    from linter.document import NO_ANCHOR, Table, TableCell
    from linter.interpret import _looks_like_article20

    def table(*texts: str) -> Table:
        return Table((tuple(TableCell(t, NO_ANCHOR) for t in texts),), NO_ANCHOR)

    assert _looks_like_article20(table("信息内容", "第二十条第（五）项", "0"))
    assert _looks_like_article20(table("二十條第(八)項"))
    assert not _looks_like_article20(table("第二十条", "第（五）项"))
    assert not _looks_like_article20(table("行政许可", "0", "0"))
    assert not _looks_like_article20(table("第二十条规定"))


def test_fuzzy_row_labels_skip_only_rows_they_cannot_match(monkeypatch) -> None:
    """A printed section-三 label that is no row's is compared (SequenceMatcher) only with
    the rows it shares enough characters with to reach the threshold: the same rows, the
    same matches, as comparing it with every row."""
    from linter import editions
    from linter import interpret as interp

    labels = [row.label for row in editions.application_rows()]
    printed = {"（三）本年度办理结果合计", "其他组织", "本年新收申请数量", "依申请公开情况"}
    for label in labels:
        printed |= {label[1:], label[:-1], label[:3] + "的" + label[3:], label[::-1]}
        printed.add(label.replace("公开", "公布").replace("申请", "提请"))
    compared: list[tuple[str, str]] = []
    similarity = interp.similarity
    monkeypatch.setattr(
        interp, "similarity", lambda a, b: compared.append((a, b)) or similarity(a, b)
    )
    matcher = interp._RowMatcher(editions.application_rows())
    found = {p: matcher._match(p, None) for p in sorted(printed)}
    assert sum(m is not None and m.how == "altered" for m in found.values()) >= 10
    bounded = len(compared)
    monkeypatch.setattr(interp, "_in_common", lambda *args: 10**6)  # compare with every row
    every = interp._RowMatcher(editions.application_rows())
    assert {p: every._match(p, None) for p in sorted(printed)} == found
    assert len(compared) - bounded > 2 * bounded  # most comparisons were not made
