"""A report whose tables are set out other than the template says what its template form
says: the same findings (code, sub-id, level), built from real pages (see
tests/table_layouts.py), with real defects injected so that a misread value shows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from linter.engine import Engine
from tests import table_layouts as T
from tests.conftest import kinds, write

PINGTAN_2023 = T.HTML / "2023_zone-pingtan_gov.html"
SHANGHAI_2019 = T.HTML / "2019_prov-shanghai-govoffice.html"  # zeros left blank


def _lint(engine: Engine, tmp_path: Path, root, form: str, name: str):
    path = tmp_path / f"{name}.{form.split('-')[0]}"
    path.write_bytes(T.page_bytes(root, form))
    return engine.lint_path(path)


def _lint_a_cell_a_line(engine: Engine, tmp_path: Path, root, form: str):
    """``root`` printed a cell a line: a block between blank lines (``txt-spaced``), or
    LibreOffice's text, one line after another (``txt-lines``)."""
    text = T.page_bytes(root, "txt-spaced").decode("utf-8")
    if form == "txt-lines":
        text = "\n".join(text.split("\n\n"))
    path = tmp_path / "printed.txt"
    path.write_text(text, encoding="utf-8")
    return engine.lint_path(path)


# The four real pages as published (their tables printed in the forms of table_layouts).
PUBLISHED_PAGES = [
    T.HTML / f"{name}.html"
    for name in (
        "2019_prov-shanghai-govoffice",
        "2022_zone-pingtan_gov",
        "2023_zone-pingtan_gov",
        "2025_zonedept-pingtan-czj",
    )
]


@pytest.mark.parametrize(
    "page",
    PUBLISHED_PAGES,
    ids=lambda p: p.stem,
)
@pytest.mark.parametrize(
    "form", ["txt-pipes", "txt-cells", "txt-cells-ended", "txt-cells-marked", "txt-separated"]
)
def test_real_pages_as_rows_of_piped_cells_read_as_the_pages(
    engine: Engine, tmp_path: Path, page: Path, form: str
) -> None:
    """A real page as some web-page extractors print it (tests.table_layouts.to_pipe_rows):
    each row's cells ending in pipes, none before the first. Its rows were paragraphs:
    section 二 was not read (XT002) and section 三's first rows were "missing" (AP002 ×4).
    Printed a cell a line (``txt-cells``, tests.table_layouts.to_cell_lines), each row padded
    to the table's width, no table was read (XT002 ×4); with the table's last row not
    padded (a 2020 县卫生健康局 page) or every row ending in a line of pipes one longer than
    its padding (``txt-cells-ended``: a 2019 街道办事处 and a 2019 县卫生健康局 page), or
    with a line of a pipe alone before every row and a short row's padding on its last
    cell's line (``txt-cells-marked``: a 2020 街道 page, 湖北's annotated template), their
    tables were not read either (XT002). With each cell followed by a line holding a pipe
    alone and nothing between rows (``txt-separated``, a 2023 镇 report's stored page), no
    table was read."""
    root = T.parse(page)
    assert kinds(_lint(engine, tmp_path, root, form, "page")) == kinds(engine.lint_path(page))


@pytest.mark.parametrize("layout", ["own-tables", "own-tables-uncaptioned", "own-tables-reworded"])
@pytest.mark.parametrize("page", PUBLISHED_PAGES, ids=lambda p: p.stem)
def test_item_tables_with_a_pipe_alone_before_each_row_read_as_the_pages(
    engine: Engine, tmp_path: Path, page: Path, layout: str
) -> None:
    """Each 第二十条 item in its own table printed a cell a line, each cell followed by a
    pipe, a line holding a pipe alone before each row and no row padded to the table's
    width (``txt-cells-marked``: a 2022 区政府办公室 page so prints its tables; the items'
    tables of four columns, so an item's first row, its 信息内容 header, is never padded):
    no such table started, and section 二 was not read (XT002, ×2 on the 平潭 pages).
    Now a mark before a 信息内容 row starts the item's table, and a line without a pipe
    (the next item's title) ends it: each page reads as published."""
    root = T.parse(page)
    T.ARTICLE20_LAYOUTS[layout](root)
    found = kinds(_lint(engine, tmp_path, root, "txt-cells-marked", layout))
    assert found == kinds(engine.lint_path(page))


@pytest.mark.parametrize("page", PUBLISHED_PAGES, ids=lambda p: p.stem)
def test_cells_each_followed_by_a_pipe_line_with_padding_lines_read_as_the_pages(
    engine: Engine, tmp_path: Path, page: Path
) -> None:
    """A table printed a cell a line, each cell's pipe on the line after it and each row
    padded by a line of pipes (a 2021 街道办事处 report's stored page: ``第二十条第(一)项``,
    ``|``, ``||||``, ``信息内容``, ``|`` …): the reader of cells separated by a pipe line
    joined a padding line with the next cell (``||||信息内容``), and with the lines above
    the table (the narrative and section 二's heading) into one cell; item (一)'s header
    was lost and AD002 said its three columns were missing, and section 三's first rows
    (AP002), all errors. Such a table is the one of cells each ended by a pipe."""
    text = T.page_bytes(T.parse(page), "txt-cells").decode("utf-8")
    lines = []
    for line in text.split("\n"):
        cell = line.rstrip()
        if cell.endswith(" |") and cell[:-2].strip():
            lines += [cell[:-2].rstrip(), "|"]
        else:
            lines.append(line)
    path = tmp_path / "page.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert kinds(engine.lint_path(path)) == kinds(engine.lint_path(page))


@pytest.mark.parametrize("page", PUBLISHED_PAGES, ids=lambda p: p.stem)
def test_lines_of_a_pipe_alone_after_a_tables_last_row_hold_no_cell(
    engine: Engine, tmp_path: Path, page: Path
) -> None:
    """A table printed a cell a line whose last row is followed by lines of a pipe alone
    before the next heading (a 2024 市场监督管理局 page: “2.02 |”, “||”, “|”, “|”, then
    三、…): its cells did not come out in whole rows, and section 二 was not read
    (XT002 ×2, and the page, cut after 二, was XT004 'not a report'). They hold no cell."""
    text = T.page_bytes(T.parse(page), "txt-cells").decode("utf-8")
    heading = next(line for line in text.split("\n") if line.startswith("三、"))
    path = tmp_path / "page.txt"
    # (the last row's padding, then the two lines)
    path.write_text(text.replace(f"\n{heading}", f"\n||\n|\n|\n{heading}", 1), encoding="utf-8")
    assert kinds(engine.lint_path(path)) == kinds(engine.lint_path(page))


@pytest.mark.parametrize("name", ["2022_zone-pingtan_gov", "2023_zone-pingtan_gov"])
def test_real_pages_a_block_between_blank_lines_read_as_the_pages(
    engine: Engine, tmp_path: Path, name: str
) -> None:
    """A real page as an extractor printed 2019 and 2020 街道 and 镇 reports' stored pages
    (tests.table_layouts.to_spaced_items): every paragraph and table cell with a blank line
    after it, but the page's information lines one under another above the article and two
    blank lines before section 二. Read one block a line only when the blank lines paired
    everywhere, no table was read (XT002 x3); it now gives the page's findings."""
    page = T.HTML / f"{name}.html"
    assert kinds(_lint(engine, tmp_path, T.parse(page), "txt-spaced", "page")) == kinds(
        engine.lint_path(page)
    )


def test_page_information_table_printed_as_piped_cells_names_title_and_date(
    engine: Engine, tmp_path: Path
) -> None:
    """A page's information table printed as rows of cells each followed by a pipe above
    an article whose title the extractor left out (a 2019 开发区管委会 report's stored page:
    ``标 题 | …年度报告 | ||``, ``发布机构 | … | 发文日期 | 2020-02-03 |``): no title was
    found (no agency, ST004) nor the date (PB001 not checked). 平潭 2023 so printed reads
    as the page."""
    page = T.HTML / "2023_zone-pingtan_gov.html"
    title = "平潭综合实验区2023年度政府信息公开工作年度报告"
    article = T.page_bytes(T.parse(page), "txt-pipes").decode("utf-8").split("\n")
    assert article[0] == title
    head = [
        "索 引 号 | 11350128MB1234567X/2024-00012 | 分 类 | 综合政务/其他 / 报告 |",
        "发布机构 | 平潭综合实验区管委会办公室 | 发文日期 | 2024-01-18 |",
        f"标 题 | {title} | ||",
        "文 号 | 无号 | 主 题 词 | |",
    ]
    path = tmp_path / "page.txt"
    path.write_text("\n".join([*head, *article[1:]]), encoding="utf-8")
    result = engine.lint_path(path)
    report = result.report
    assert report.title is not None and report.title.text == title
    assert report.agency.value == "平潭综合实验区"
    assert report.metadata["published"] == "2024-01-18"
    assert kinds(result) == kinds(engine.lint_path(page))


@pytest.mark.parametrize("form", ["txt-cells", "txt-cells-ended"])
def test_a_row_left_blank_in_an_item_table_of_its_own_printed_a_cell_a_line(
    engine: Engine, tmp_path: Path, form: str
) -> None:
    """Each 第二十条 item its own table, printed a cell a line with each cell followed by a
    pipe (``txt-cells``, ``txt-cells-ended``), 平潭 2023's 规章 row left blank: its label
    stays a paragraph with its pipe (``规章 |``), its empty cells lone pipes, and item (一)
    is read from the 行政规范性文件 row alone. 规章 was 'missing' (AD002, an error); it is a
    row printed but not read."""
    root = T.parse(PINGTAN_2023)
    table = T.table_of(root, "二")
    row = next(tr for tr in table.iter("tr") if tr.text_content().strip().startswith("规章"))
    for td in row.xpath("./td")[1:]:
        T.set_text(td, "")
    T.article20_own_tables(root)
    page = tmp_path / "page.html"
    page.write_bytes(T.page_bytes(root, "html"))
    found = set(kinds(_lint(engine, tmp_path, root, form, "printed")))
    assert not [k for k in found - set(kinds(engine.lint_path(page))) if k[2] == "error"]


def test_a_zone_management_committee_is_not_taken_for_a_department(
    engine: Engine, tmp_path: Path
) -> None:
    """A 开发区/实验区 管理委员会 is a government's 派出机构, neither a 县级以上人民政府部门
    (1月31日) nor a 人民政府 (3月31日): its deadline is the locality's (spec CHECKS.md
    PUB-01). Named by its page's information table (连云港经济技术开发区管理委员会 2019,
    published 2020-02-03), it was taken for a department by the 委员会 in its name: PB001
    'published 3 days late', an error. 平潭 2023 so printed, its 管理委员会 named, gives its
    page's findings (the issuer kind unknown, PB001 not decided); a 委员会 that is a
    department (发展和改革委员会) still is one."""
    from linter.issuer import infer_issuer_kind

    page = T.HTML / "2023_zone-pingtan_gov.html"
    title = "平潭综合实验区管理委员会2023年度政府信息公开工作年度报告"
    article = T.page_bytes(T.parse(page), "txt-pipes").decode("utf-8").split("\n")
    head = [
        "发布机构 | 平潭综合实验区管理委员会 | 发文日期 | 2024-02-03 |",
        f"标 题 | {title} | ||",
    ]
    path = tmp_path / "page.txt"
    path.write_text("\n".join([*head, *article[1:]]), encoding="utf-8")
    result = engine.lint_path(path)
    assert result.report.agency.value == "平潭综合实验区管理委员会"
    assert not [f for f in result.findings if f.code == "PB001" and f.level == "error"]
    assert kinds(result) == kinds(engine.lint_path(page))
    assert infer_issuer_kind("连云港经济技术开发区管委会") is None
    assert infer_issuer_kind("平潭综合实验区发展和改革委员会") == "department"


@pytest.mark.parametrize("name", ["2019_prov-shanghai-govoffice", "2025_zonedept-pingtan-czj"])
def test_real_pages_a_block_between_blank_lines_make_up_no_error(
    engine: Engine, tmp_path: Path, name: str
) -> None:
    """Blank cells (上海 2019 leaves zeros blank) and merged places not printed leave some
    tables unread (XT002): never an error the page lacks."""
    page = T.HTML / f"{name}.html"
    found = set(kinds(_lint(engine, tmp_path, T.parse(page), "txt-spaced", "page")))
    assert not [k for k in found - set(kinds(engine.lint_path(page))) if k[2] == "error"]


@pytest.mark.parametrize("form", ["txt-spaced", "txt-lines"])
def test_a_row_left_blank_printed_a_cell_a_line_is_not_missing(
    engine: Engine, tmp_path: Path, form: str
) -> None:
    """A row of nothing left blank (上海 2019 leaves its zeros blank; here 平潭 2023's 规章
    row, 0 0 0) printed a cell a line: its label stands on a line of its own, its empty
    cells are blank lines (``txt-spaced``, and LibreOffice's text, a cell a line:
    ``txt-lines``). The table is read from the next row with figures, the label is left a
    paragraph: the row was "missing" (AD002, an error) though printed. It is a row not
    read (XT002 partial; AD002 not said), the other items read as before."""
    root = T.parse(PINGTAN_2023)
    table = T.table_of(root, "二")
    row = next(tr for tr in table.iter("tr") if tr.text_content().strip().startswith("规章"))
    for td in row.xpath("./td")[1:]:
        T.set_text(td, "")
    page = tmp_path / "page.html"
    page.write_bytes(T.page_bytes(root, "html"))
    result = _lint_a_cell_a_line(engine, tmp_path, root, form)
    found = set(kinds(result))
    assert not [k for k in found - set(kinds(engine.lint_path(page))) if k[2] == "error"]
    items = result.report.article20.items
    assert [u.row_id for u in items["item1"].unread] == ["rules"]
    assert {"licensing", "penalty", "coercion", "fees"} <= {
        r for t in items.values() for r in t.rows
    }


@pytest.mark.parametrize(
    "page",
    PUBLISHED_PAGES,
    ids=lambda p: p.stem,
)
def test_real_pages_a_cell_a_line_with_pipes_and_no_padding(
    engine: Engine, tmp_path: Path, page: Path
) -> None:
    """A real page printed a cell a line, each cell followed by a pipe but no row padded
    (``txt-cells-bare``, as the stored page of a 2025 开发区 bureau's report prints its
    tables): its tables are read as one cell per line (sections 二 and 三 were not read:
    XT002), an empty cell being a pipe alone, and give the page's findings. (平潭财政金融局
    2025's section 二 is not read one cell per line even without the pipes, as LibreOffice
    saves it: it gives what those lines give.)"""
    root = T.parse(page)
    found = kinds(_lint(engine, tmp_path, root, "txt-cells-bare", "bare"))
    if page.stem == "2025_zonedept-pingtan-czj":
        bare = T.page_bytes(root, "txt-cells-bare").decode()
        plain = "\n".join(line.removesuffix(" |") for line in bare.split("\n"))
        assert found == kinds(engine.lint_path(write(tmp_path, "plain.txt", plain)))
    else:
        assert found == kinds(engine.lint_path(page))


@pytest.mark.parametrize(
    "layout",
    sorted(f"review:{k}" for k in T.REVIEW_LAYOUTS)
    + sorted(f"a20:{k}" for k in T.ARTICLE20_LAYOUTS),
)
@pytest.mark.parametrize("page", [PINGTAN_2023, SHANGHAI_2019], ids=["pingtan2023", "shanghai2019"])
@pytest.mark.parametrize(
    "form", ["txt-cells", "txt-cells-ended", "txt-cells-marked", "txt-separated"]
)
def test_layouts_printed_a_cell_a_line_make_up_no_error(
    engine: Engine, tmp_path: Path, page: Path, layout: str, form: str
) -> None:
    """Printed a cell a line (``txt-cells``) a table is set out again only from its rows'
    padding; the layouts above then read in part (findings are missed: the RL101 defect of
    a split review table), never into an error the page in template form lacks. (Four
    untitled 第二十条 tables, one of them full so unpadded, made its item "missing": AD001
    is a warning when the item's rows are printed.)"""
    group, name = layout.split(":")
    if group == "review":  # (_laid_out injects the review defects itself)
        original = set(_original(engine, tmp_path, page, form))
        found = set(_laid_out(engine, tmp_path, page, form, T.REVIEW_LAYOUTS[name]))
    else:

        def laid_out(root) -> None:
            T.inject_article20_defect(root)
            T.ARTICLE20_LAYOUTS[name](root)

        original = set(_laid_out(engine, tmp_path, page, form, T.inject_article20_defect))
        found = set(_laid_out(engine, tmp_path, page, form, laid_out))
    assert not [k for k in found - original if k[2] == "error"]


def _ap(found: list[tuple[str, str | None, str]]) -> list[tuple[str, str | None, str]]:
    return [k for k in found if k[0].startswith("AP")]


def _original(engine: Engine, tmp_path: Path, page: Path, form: str):
    return _laid_out(engine, tmp_path, page, form, None)


def _laid_out(engine: Engine, tmp_path: Path, page: Path, form: str, layout: T.Layout | None):
    """The findings of ``page`` with its real defects injected (tests.table_layouts),
    set out by ``layout`` (None: as published), in ``form``."""
    root = T.parse(page)
    T.inject_defects(root)
    if layout is not None:
        layout(root)
    return kinds(_lint(engine, tmp_path, root, form, layout.__name__ if layout else "original"))


@pytest.mark.parametrize("form", ["html", "md", "txt", "docx", "txt-pipes"])
@pytest.mark.parametrize("layout", sorted(T.REVIEW_LAYOUTS))
@pytest.mark.parametrize("page", [PINGTAN_2023, SHANGHAI_2019], ids=["pingtan2023", "shanghai2019"])
def test_review_table_layouts_read_as_the_template(
    engine: Engine, tmp_path: Path, page: Path, layout: str, form: str
) -> None:
    original = _original(engine, tmp_path, page, form)
    found = _laid_out(engine, tmp_path, page, form, T.REVIEW_LAYOUTS[layout])
    assert found == original
    assert ("RL101", "review", "error") in found
    if page == PINGTAN_2023:  # the 7 added to a blank cell is RL005 on Shanghai's page
        assert ("RL101", "litigation_after_review", "error") in found


@pytest.mark.parametrize("form", ["html", "md"])
def test_review_table_with_a_litigation_total_group(
    engine: Engine, tmp_path: Path, form: str
) -> None:
    """A 合计 group after 复议后起诉 is not one of the format's: the 15 cells are read
    by their labels (in markdown, a merged header's copies are the empty cells after it)."""
    original = _original(engine, tmp_path, PINGTAN_2023, form)
    assert _laid_out(engine, tmp_path, PINGTAN_2023, form, T.review_litigation_total) == original


def test_review_table_with_a_litigation_total_group_in_tika_text_is_not_guessed(
    engine: Engine, tmp_path: Path
) -> None:
    """Tika prints each merged header once: 20 values under 15 outcome labels cannot be
    told apart, so the table is not read (XT002) and no RL finding is made up. The
    warning says why: the labels are the format's, the values do not fit under them (not
    that the labels differ from the format)."""
    root = T.parse(PINGTAN_2023)
    T.review_litigation_total(root)
    result = _lint(engine, tmp_path, root, "txt", "total")
    found = kinds(result)
    assert ("XT002", "section4", "warning") in found
    assert not [k for k in found if k[0].startswith("RL")]
    (xt002,) = [f for f in result.findings if f.code == "XT002"]
    assert "有统一格式的标签" in xt002.message("zh")
    assert "标签与统一格式不符" not in xt002.message("zh")
    assert "with the format's labels" in xt002.message("en")


def test_review_outcome_labels_with_a_unit(engine: Engine, tmp_path: Path) -> None:
    """The groups as rows under 结果维持（件） … 总计（件）: the outcome labels with their
    unit are read as the format's."""
    original = _original(engine, tmp_path, PINGTAN_2023, "html")

    def with_units(root) -> None:
        T.review_group_rows(root)
        for td in T.table_of(root, "四").xpath(".//td"):
            if td.text in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计"):
                td.text += "（件）"

    assert _laid_out(engine, tmp_path, PINGTAN_2023, "html", with_units) == original


@pytest.mark.parametrize("form", ["html", "md", "docx", "txt"])
def test_review_outcomes_in_another_order(engine: Engine, tmp_path: Path, form: str) -> None:
    """总计 printed first in each group: the 15 values were taken in the format's order,
    so a group's total was read as its 结果维持 (RL101 errors on a correct report). They
    are placed by their labels; in Tika text, where 行政复议's outcome labels are printed
    once on the row above the litigation ones, they cannot be, and the table is not read
    (XT002) — never an RL claim from a guess."""
    found = _laid_out(engine, tmp_path, PINGTAN_2023, form, T.review_total_first)
    if form == "txt":
        assert ("XT002", "section4", "warning") in found
        assert not [k for k in found if k[0].startswith("RL")]
    else:
        assert found == _original(engine, tmp_path, PINGTAN_2023, form)


def test_review_values_of_different_groups_are_not_guessed(engine: Engine, tmp_path: Path) -> None:
    """Group rows whose labels name no group (项目一/项目二…): nothing is placed, the
    section-四 table is reported as not recognised (XT002), never RL002 or RL101."""
    root = T.parse(PINGTAN_2023)
    T.review_group_rows(root)
    for td in T.table_of(root, "四").xpath(".//td"):
        if td.text in ("行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"):
            td.text = "项目"
    found = kinds(_lint(engine, tmp_path, root, "html", "unlabelled"))
    assert ("XT002", "section4", "warning") in found
    assert not [k for k in found if k[0].startswith("RL")]


@pytest.mark.parametrize(
    ("page", "form"),
    [(PINGTAN_2023, "html"), (PINGTAN_2023, "md"), (PINGTAN_2023, "docx"), (SHANGHAI_2019, "html")],
    ids=["pingtan2023-html", "pingtan2023-md", "pingtan2023-docx", "shanghai2019-html"],
)
@pytest.mark.parametrize("layout", sorted(T.APPLICATION_LAYOUTS))
def test_transposed_applications_table_read_as_the_template(
    engine: Engine, tmp_path: Path, page: Path, form: str, layout: str
) -> None:
    _same_findings_transposed(engine, tmp_path, page, form, layout)


def test_transposed_applications_table_in_tika_text(engine: Engine, tmp_path: Path) -> None:
    """Tika prints each cell once: a transposed table without merged cells is read."""
    _same_findings_transposed(engine, tmp_path, PINGTAN_2023, "txt", "transposed-flat")


def test_transposed_applications_table_with_spans_in_tika_text_is_not_guessed(
    engine: Engine, tmp_path: Path
) -> None:
    """The template turned, as Tika prints it: the merged labels are printed once, so
    the rows are of different widths and which value is which row cannot be told; a
    warning (XT002) says the table was not read and why (printed transposed, not labels
    that differ), and no AP finding is made up."""
    root = T.parse(PINGTAN_2023)
    T.applications_transposed(root)
    result = _lint(engine, tmp_path, root, "txt", "turned")
    found = kinds(result)
    assert ("XT002", "section3", "warning") in found
    assert not [k for k in found if k[0].startswith("AP")]
    (xt002,) = [f for f in result.findings if f.code == "XT002"]
    assert "转置" in xt002.message("zh") and "标签与统一格式不符" not in xt002.message("zh")
    assert "transposed" in xt002.message("en")


def _same_findings_transposed(
    engine: Engine, tmp_path: Path, page: Path, form: str, layout: str
) -> None:
    """Applicant types as rows and the format's rows as columns: the labels are the
    format's own, so the table is read turned, with the same findings."""
    found = _laid_out(engine, tmp_path, page, form, T.APPLICATION_LAYOUTS[layout])
    assert found == _original(engine, tmp_path, page, form)
    assert ("AP101", "natural_person", "error") in found
    assert ("AP103", "new_received", "error") in found


@pytest.mark.parametrize("form", ["html", "md", "txt", "txt-pipes"])
def test_applicant_columns_in_another_order_are_read_by_their_labels(
    engine: Engine, tmp_path: Path, form: str
) -> None:
    """总计 printed before 自然人: in text without a grid the values were taken in the
    format's order, and every row's total became 自然人 (AP103 on every row)."""
    original = _original(engine, tmp_path, PINGTAN_2023, form)
    assert _laid_out(engine, tmp_path, PINGTAN_2023, form, T.applications_total_first) == original


@pytest.mark.parametrize("form", ["txt-spaced", "txt-lines"])
@pytest.mark.parametrize("layout", ["template", "total-first"])
def test_applicant_columns_printed_a_label_a_line_above_the_rows_are_read_in_that_order(
    engine: Engine, tmp_path: Path, form: str, layout: str
) -> None:
    """Section 三 printed a cell a line (a block between blank lines, ``txt-spaced``, or
    LibreOffice's text, ``txt-lines``): its header labels stand as lines of their own above
    the rows the table is read from. With 总计 printed before 自然人 the values were taken
    in the format's order, every row's total became 自然人 (AP103 on every row, errors);
    the labels above tell the order (自然人 · 法人或其他组织 · 总计 over the five types, or
    总计 · 自然人 · 法人或其他组织 over them)."""
    root = T.parse(PINGTAN_2023)
    if layout == "total-first":
        T.applications_total_first(root)
    result = _lint_a_cell_a_line(engine, tmp_path, root, form)
    assert kinds(result) == kinds(engine.lint_path(PINGTAN_2023))
    row = result.report.applications.rows["new_received"]
    assert (row.cells["natural_person"].value, row.cells["total"].value) == (80, 81)


def test_applicant_columns_in_an_order_the_header_does_not_tell_are_not_guessed(
    engine: Engine, tmp_path: Path
) -> None:
    """The Tika header cut so that only 总计 and 自然人 are printed, 总计 first: the order
    of the other five cannot be told, so the rows are not read (XT002), and no AP101–
    AP103 claims an identity fails."""
    root = T.parse(PINGTAN_2023)
    T.applications_total_first(root)
    for td in T.table_of(root, "三").xpath(".//td"):
        if td.text in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"):
            td.text = ""
    found = kinds(_lint(engine, tmp_path, root, "txt", "cut-header"))
    assert ("XT002", "section3", "warning") in found
    assert not [k for k in found if k[0] in ("AP101", "AP102", "AP103")]


def test_markdown_with_empty_copies_and_zeros_left_blank_reads_as_the_page(
    engine: Engine, tmp_path: Path
) -> None:
    """上海 2019 leaves zeros blank; as markdown with a merged cell's copies left empty,
    a row's leading empty cell could be a copy or 自然人's value: the header's column
    places tell them apart, and the section-三 findings are those of the page (they were
    AP102/AP103 errors on values put one column off)."""
    page = T.parse(SHANGHAI_2019)
    on_page = _ap(kinds(_lint(engine, tmp_path, page, "html", "page")))
    as_md = _ap(kinds(_lint(engine, tmp_path, page, "md-empty", "page")))
    assert as_md == on_page


@pytest.mark.parametrize("layout", ["split", "split-header", "units"])
def test_shanghai_markdown_layouts_read_as_the_page(
    engine: Engine, tmp_path: Path, layout: str
) -> None:
    """上海 2019 (zeros left blank) as markdown with empty copies: section 三 split in two
    without its header again (the second part stands under the first part's header),
    or with a unit after each column label (自然人（件）), has the page's AP findings."""
    edit = {
        "split": T.applications_split,
        "split-header": lambda r: T.applications_split(r, repeat_header=True),
        "units": T.applications_units,
    }[layout]
    on_page = _ap(kinds(_lint(engine, tmp_path, T.parse(SHANGHAI_2019), "html", "page")))
    root = T.parse(SHANGHAI_2019)
    edit(root)
    assert _ap(kinds(_lint(engine, tmp_path, root, "md-empty", layout))) == on_page


def test_markdown_rows_that_cannot_be_aligned_are_not_guessed(
    engine: Engine, tmp_path: Path
) -> None:
    """上海 2019 as markdown whose header names no column (labels lost): a row such as
    “| （二）部分公开 |  | 3 |  | … |” has one cell too many, empty at both ends — the
    3 is 自然人 or 商业企业. Such rows are not read (XT002, partly recognised), and no
    identity error is made up from a guess."""
    root = T.parse(SHANGHAI_2019)
    for td in T.table_of(root, "三").xpath(".//td"):
        if td.text_content().strip() in (*T.APPLICANTS, "法人或其他组织"):
            T.set_text(td, "")
    found = kinds(_lint(engine, tmp_path, root, "md-empty", "no-header"))
    assert ("XT002", "section3", "warning") in found
    assert not [k for k in found if k[0] in ("AP101", "AP102", "AP103")]


@pytest.mark.parametrize("form", ["txt-pipes", "txt-cells-marked", "txt-cells-ended"])
@pytest.mark.parametrize("page", [SHANGHAI_2019, PINGTAN_2023], ids=["shanghai2019", "pingtan2023"])
def test_untitled_item_tables_run_together_keep_their_own_headers(
    engine: Engine, tmp_path: Path, form: str, page: Path
) -> None:
    """上海 2019 (its zeros left blank) with each 第二十条 item in its own untitled table,
    printed a row a line with nothing between the tables: one run of rows whose every
    信息内容 row is the next item's header. The header after (五)'s rows was taken as (五)'s
    … and the one after (六)'s ((八)'s, without 处理决定数量) as (六)'s: AD002 '(六) has no
    处理决定数量 column', an error with the column printed. Now every item reads as the page.
    (With a pipe alone before each row, the last header cell kept the padding, “本年处理决定数量
    | |”: AD003 'label printed otherwise' on 平潭 2023.)"""

    def laid_out(layout: T.Layout | None) -> list[tuple[str, str | None, str]]:
        root = T.parse(page)
        if layout is not None:
            layout(root)
        name = layout.__name__ if layout else "original"
        return kinds(_lint(engine, tmp_path, root, form, name))

    published = laid_out(None)
    found = laid_out(T.ARTICLE20_LAYOUTS["own-tables-uncaptioned"])
    assert not [k for k in found if k[0].startswith("AD00") and k[0] != "AD004"]
    assert [k for k in found if k[2] == "error"] == [k for k in published if k[2] == "error"]


@pytest.mark.parametrize("form", ["html", "md", "txt", "docx", "txt-pipes"])
@pytest.mark.parametrize("layout", sorted(T.ARTICLE20_LAYOUTS))
def test_article20_items_in_their_own_tables(
    engine: Engine, tmp_path: Path, layout: str, form: str
) -> None:
    """Each 第二十条 item in its own table, titled by a paragraph above it, by a caption
    in other words, or not at all: an item is also told by its rows (规章 → （一），
    行政许可 → （五） …), so the tables are read (they were XT002 without the format's
    titles) and a defect in them is found.

    Rows printed a line each with nothing between tables (``txt-pipes``) run four untitled
    tables of different widths into one: each header row there is the next item's, so each
    item keeps its own (the header after (一)'s rows was taken as (一)'s, and the one after
    (六)'s as (六)'s: both unread, XT002)."""

    def laid_out(root) -> None:
        T.inject_article20_defect(root)
        T.ARTICLE20_LAYOUTS[layout](root)

    original = _laid_out(engine, tmp_path, PINGTAN_2023, form, T.inject_article20_defect)
    found = _laid_out(engine, tmp_path, PINGTAN_2023, form, laid_out)
    assert ("AD005", "item5/licensing/decisions", "error") in found
    assert found == original


def test_title_set_in_a_layout_table_above_the_report(engine: Engine, tmp_path: Path) -> None:
    """A page that sets its title in a layout table under its 索引号 and 发布机构, printed
    by an extractor as a row of one cell and a long run of empty ones
    (``浙江省教育厅2024年度政府信息公开工作报告 | |||…``, seen in the stored pages of real
    2022–2024 reports from two sites of one CMS): the title is that row's cell. It was not
    found (ST004 'no title'), and with it the agency (cross-year pairing, the issuer kind)."""
    root = T.parse(PINGTAN_2023)
    text = T.page_bytes(root, "txt-pipes").decode()
    title, rest = text.split("\n", 1)
    assert title == "平潭综合实验区2023年度政府信息公开工作年度报告"
    pad = "|" * 60
    laid_out = (
        "索 引 号: | 13500000-0/2024-00001 | 主题分类: | 综合政务 |\n"
        f"发布机构: | 平潭综合实验区管委会办公室 | 文 号: | 无 |\n{title} | {pad}\n|\n{pad}\n{rest}"
    )
    original = engine.lint_path(write(tmp_path, "original.txt", text))
    result = engine.lint_path(write(tmp_path, "laid-out.txt", laid_out))
    assert result.report.title.text == original.report.title.text  # (on line 3, not 1)
    assert result.report.agency.value == original.report.agency.value == "平潭综合实验区"
    assert kinds(result) == kinds(original)


@pytest.mark.parametrize("form", ["html", "txt-pipes", "md", "docx"])
def test_tables_printed_without_a_figure_are_said_so(
    engine: Engine, tmp_path: Path, form: str
) -> None:
    """平潭 2023 with every figure of sections 二, 三 and 四 removed (a 2021 template
    published with its labels and not one figure): section 四's table, not read, is said
    to print the format's labels but no figure, not to have labels unlike the format's
    (XT002, as before a warning). Sections 二 and 三 are read and say which cells are
    blank (AD004, AP005) as before. (Printed a cell a line, where a reader may take a
    number alone on its line for a page number, no table is said to have no figure.)"""
    root = T.parse(PINGTAN_2023)
    for section in ("二", "三", "四"):
        for td in T.table_of(root, section).xpath(".//td"):
            if re.fullmatch(r"[\d.]+", td.text_content().strip()):
                T.set_text(td, "")
    result = _lint(engine, tmp_path, root, form, "blank")
    unread = [f for f in result.findings if f.code == "XT002"]
    assert unread and all("not one figure" in f.message_en for f in unread)
    assert "section4" in {f.sub_id for f in unread}
    assert not [f for f in result.findings if f.level == "error"]


@pytest.mark.parametrize("form", ["txt-cells", "txt-cells-ended"])
def test_cell_lines_with_a_cells_pipe_on_the_next_line(
    engine: Engine, tmp_path: Path, form: str
) -> None:
    """A table printed a cell a line where a few cells' pipes stand alone on the next line
    (the cell's text ended in a line break: ``行政规范性文件`` then ``|``, a 2021 县信访局
    report's stored page): the table read as a whole, the page's findings. The table was
    cut at that line: item (一)'s row and items (五)(六)(八) not read (XT002, AD002
    warnings)."""
    root = T.parse(PINGTAN_2023)
    text = T.page_bytes(root, form).decode()
    for label in (
        "行政规范性文件",
        "行政许可",
        "行政处罚",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    ):
        assert f"\n{label} |\n" in text
        text = text.replace(f"\n{label} |\n", f"\n{label}\n|\n", 1)
    found = kinds(engine.lint_path(write(tmp_path, "page.txt", text)))
    assert found == kinds(engine.lint_path(PINGTAN_2023))
