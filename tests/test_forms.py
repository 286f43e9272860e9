"""Converted forms of real reports and documents that are not reports: each gives the
right finding or none (tests/fixtures/forms/README.md says where each file comes from)."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.engine import Engine
from tests.conftest import FIXTURES, SAMPLE_2019, kinds

FORMS = FIXTURES / "forms"
GLUED = FORMS / "st_2019_glued-headings_tika.txt"
LOST_FIVE = FORMS / "st_2019_lost-heading-five_tika.txt"
CAPTIONS = FORMS / "st_2025_shanghai-govoffice_captions.md"
ATTACHMENT_PAGE = FORMS / "xt_zone-pingtan_attachment-page.html"
NOT_REPORTS = sorted(p for p in FORMS.glob("xt_*") if p != ATTACHMENT_PAGE)
REAL_REPORTS = sorted(
    p
    for folder in ("text", "html", "docx", "pdf", "forms")
    for p in (FIXTURES / folder).iterdir()
    if p.suffix in (".txt", ".md", ".html", ".docx", ".pdf")
    and not p.name.startswith("xt_")
    and p.name != "README.md"
)


def codes(result) -> list[str]:
    return [f.code for f in result.findings]


# --- headings ---------------------------------------------------------------------------------


def test_glued_headings_are_headings(engine: Engine) -> None:
    # 五 glued after table 四's last number, 六 after 五's last sentence: both are still the
    # sections, so the findings are exactly the sample's own.
    glued = engine.lint_path(GLUED)
    assert [s.number for s in glued.report.sections] == [1, 2, 3, 4, 5, 6]
    five = glued.report.section(5)
    assert five.heading == "五、存在的主要问题及改进情况"
    assert (five.anchor.line, five.anchor.column) == (388, 3)
    assert five.text.startswith("我局政府信息公开工作虽然取得了一定的成效")
    assert "六、其他" not in five.text
    assert glued.report.section(6).text.startswith("全年我局共承办人大代表建议9件")
    # The glued number still belongs to table 四 (复议后起诉 / 总计 = 0).
    cases = glued.report.review_litigation.rows["cases"].cells
    assert cases["litigation_after_review.total"].value == 0
    original = engine.lint_path(SAMPLE_2019)
    assert sorted(codes(glued)) == sorted(codes(original))
    assert "ST001" not in codes(glued) and "ST002" not in codes(glued)


def test_lost_heading_with_its_content_is_not_a_missing_section(engine: Engine) -> None:
    result = engine.lint_path(LOST_FIVE)
    st001 = [f for f in result.findings if f.code == "ST001"]
    assert [(f.level, f.sub_id, f.location.anchor.line) for f in st001] == [
        ("note", "section5", 392)
    ]
    assert "但没有印出“五、存在的主要问题及改进情况”这一标题" in st001[0].message_zh
    assert "not printed as such" in st001[0].message_en
    # The content is read as section 五: PI002 (problems listed, no measures) still fires.
    assert "PI002" in codes(result)
    assert result.report.section(5).heading_printed is False


def test_lost_heading_without_its_content_is_still_missing(engine: Engine, tmp_path) -> None:
    # Heading and content both gone: section 五 is truly absent, an error.
    lines = LOST_FIVE.read_text(encoding="utf-8").split("\n")
    assert lines[391].startswith("我局政府信息公开工作虽然")
    path = tmp_path / "r.txt"
    path.write_text("\n".join(lines[:391] + lines[392:]), encoding="utf-8")
    st001 = [f for f in engine.lint_path(path).findings if f.code == "ST001"]
    assert [(f.level, f.sub_id) for f in st001] == [("error", "section5")]


def test_review_captions_are_not_headings(engine: Engine) -> None:
    result = engine.lint_path(CAPTIONS)
    assert "ST002" not in codes(result)
    assert [s.number for s in result.report.sections] == [1, 2, 3, 4, 5, 6]
    assert result.report.repeated_headings == ()
    # The real markdown conversion lost heading 五; the section is found from its content.
    (note,) = [f for f in result.findings if f.code == "ST001"]
    assert note.level == "note"


# --- not a report -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", NOT_REPORTS, ids=lambda p: p.name)
def test_a_document_that_is_not_a_report_gives_one_xt004(engine: Engine, path: Path) -> None:
    result = engine.lint_path(path)
    assert codes(result) == ["XT004"]
    assert result.findings[0].level == "error"


def test_an_index_page_is_named_as_one(engine: Engine) -> None:
    (finding,) = engine.lint_path(FORMS / "xt_zone-pingtan_index-page.html").findings
    assert "该文件列出了 4 份年度报告的标题（如网站的目录页或列表页）" in finding.message_zh
    assert "a site's index or list page" in finding.message_en


def test_a_page_whose_report_is_an_attachment_is_one_xt004_warning(
    engine: Engine, tmp_path: Path
) -> None:
    """The report's page holding only its title and a link to the report as a PDF (how many
    sites publish it): not six "section missing" errors but one warning naming the
    attachment. Without the link (a page whose text a script loads, saved without it): the
    same warning, saying where the text may be."""
    (finding,) = engine.lint_path(ATTACHMENT_PAGE).findings
    assert (finding.code, finding.level, finding.sub_id) == ("XT004", "warning", "title-only")
    assert (
        "只有年度报告的标题（“平潭综合实验区2023年度政府信息公开工作年度报告”）"
        in finding.message_zh
    )
    assert (
        "报告正文应在附件中（平潭综合实验区2023年度政府信息公开工作年度报告.pdf）"
        in finding.message_zh
    )
    assert (
        "the attachment (平潭综合实验区2023年度政府信息公开工作年度报告.pdf)" in finding.message_en
    )
    assert finding.location.anchor.line == 294  # the title on the page
    page = ATTACHMENT_PAGE.read_text(encoding="utf-8")
    start = page.index("<p>附件：")
    # The PDF shown in the page by a viewer (pdf.js), its path in the viewer's query.
    viewer = '<iframe src="/pdfjs/web/viewer.html?file=%2Fuploads%2F2024%2F%E5%B9%B4%E6%8A%A5.pdf">'
    shown = tmp_path / "viewer.html"
    shown.write_text(page[:start] + viewer + page[page.index("</p>", start) + 4 :], "utf-8")
    (finding,) = engine.lint_path(shown).findings
    assert (finding.code, finding.level) == ("XT004", "warning")
    assert "报告正文应在附件中（年报.pdf）" in finding.message_zh
    bare = tmp_path / "script-loaded.html"
    bare.write_text(page[:start] + page[page.index("</p>", start) + 4 :], encoding="utf-8")
    (finding,) = engine.lint_path(bare).findings
    assert (finding.code, finding.level) == ("XT004", "warning")
    assert "可能在附件中，或由网页脚本加载而未随网页保存" in finding.message_zh


@pytest.mark.parametrize("path", REAL_REPORTS, ids=lambda p: p.name)
def test_xt004_never_fires_on_a_real_report(engine: Engine, path: Path) -> None:
    assert "XT004" not in codes(engine.lint_path(path))


# --- wrapped row labels -----------------------------------------------------------------------

WRAPPED = FORMS / "ap_2025_shanghai-govoffice_wrapped-labels.md"
LINE_NEEDS_CREATION = 126  # "| 2.没有现成信息需要另行 |" — its figures are on line 127


def test_wrapped_labels_are_joined_and_every_row_is_read(engine: Engine) -> None:
    result = engine.lint_path(WRAPPED)
    rows = result.report.applications.rows
    assert len(rows) == 25 and result.report.applications.extra_rows == ()
    # Second half on the next row, figures on the first; first half on the row before.
    assert rows["partially_granted"].cells["total"].value == 2
    needs = rows["unavailable.needs_creation"]
    assert (needs.label, needs.label_match) == ("2.没有现成信息需要另行制作", "exact")
    assert (needs.anchor.line, needs.cells["total"].value) == (LINE_NEEDS_CREATION, 48)
    assert rows["not_processed.excessive"].label == "4.无正当理由大量反复申请"
    assert rows["other_handling.no_correction"].cells["total"].value == 43
    assert rows["other_handling.unpaid_fee"].cells["total"].anchor.line == 140
    # No missing row, no altered label, identities hold: 1295 + 189 = 1191 + 293.
    assert not [f for f in result.findings if f.code.startswith("AP")]


def _without_lines(path: Path, tmp_path: Path, drop: set[int], name: str) -> Path:
    lines = path.read_text(encoding="utf-8").split("\n")
    out = tmp_path / name
    out.write_text("\n".join(x for i, x in enumerate(lines, 1) if i not in drop), "utf-8")
    return out


def test_a_row_truly_absent_is_missing(engine: Engine, tmp_path: Path) -> None:
    # Both printed rows of （四）2 removed: the row is truly absent, an error.
    path = _without_lines(WRAPPED, tmp_path, {LINE_NEEDS_CREATION, 127}, "absent.md")
    ap002 = [f for f in engine.lint_path(path).findings if f.code == "AP002"]
    assert [(f.sub_id, f.level) for f in ap002] == [("unavailable.needs_creation", "error")]
    assert "缺少“（四）2.没有现成信息需要另行制作”行" in ap002[0].message_zh


def test_a_row_that_cannot_be_read_is_a_warning_not_missing(engine: Engine, tmp_path) -> None:
    # The first half of the label lost: its figures are there under “制作”, which matches
    # nothing. The row cannot be read — said at warning level, never “missing”.
    path = _without_lines(WRAPPED, tmp_path, {LINE_NEEDS_CREATION}, "unreadable.md")
    result = engine.lint_path(path)
    assert result.report.applications.extra_rows == ("制作",)
    ap002 = [f for f in result.findings if f.code == "AP002"]
    assert [(f.sub_id, f.level) for f in ap002] == [("unavailable.needs_creation", "warning")]
    assert "未能读出“（四）2.没有现成信息需要另行制作”行" in ap002[0].message_zh
    assert "（“制作”），该行可能就在其中" in ap002[0].message_zh
    assert "could not be read" in ap002[0].message_en
    assert ap002[0].properties["kind"] == "unreadable"


def test_figures_without_a_label_make_a_missing_row_unreadable(engine: Engine, tmp_path) -> None:
    # Both halves of （四）2's label lost, its figures kept: a row of figures with no label.
    lines = WRAPPED.read_text(encoding="utf-8").split("\n")
    lines[LINE_NEEDS_CREATION - 1] = ""  # "| 2.没有现成信息需要另行 |" gone
    lines[LINE_NEEDS_CREATION] = lines[LINE_NEEDS_CREATION].replace("| 制作 |", "|  |")
    path = tmp_path / "nolabel.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    ap002 = [f for f in engine.lint_path(path).findings if f.code == "AP002"]
    assert [(f.sub_id, f.level) for f in ap002] == [("unavailable.needs_creation", "warning")]
    assert "（无标签），该行可能就在其中" in ap002[0].message_zh


# --- HTML tables in markdown ------------------------------------------------------------------

HTML_TABLES_MD = FORMS / "2023_zone-pingtan_gov.html-tables.md"


def test_markdown_with_html_tables_reads_as_the_page(engine: Engine) -> None:
    """平潭 2023's page as PDF-to-markdown converters (MinerU, marker) write it: paragraphs as
    text, each table as its HTML on one line. The tables are read (spans and all) and the
    lint gives what the page's own lint gives; before, XT002 for sections 二, 三 and 四."""
    result = engine.lint_path(HTML_TABLES_MD)
    page = engine.lint_path(FIXTURES / "html" / "2023_zone-pingtan_gov.html")
    assert kinds(result) == kinds(page)
    assert ("TX004", "article20.normative_documents.in_force", "warning") in kinds(result)
    row = result.report.applications.rows["new_received"]
    assert (row.cells["natural_person"].value, row.cells["total"].value) == (80, 81)
    lines = HTML_TABLES_MD.read_text(encoding="utf-8").split("\n")
    anchor = row.cells["total"].anchor  # the cell's place in the markdown file
    assert lines[anchor.line - 1][anchor.column - 1 : anchor.end_column - 1] == "<td>81</td>"


def test_an_unclosed_html_table_in_text_keeps_the_rest(engine: Engine, tmp_path) -> None:
    text = SAMPLE_2019.read_text(encoding="utf-8").split("\n")
    broken = "\n".join([*text[:5], "<table><tr><td>规章</td><td>0</td>", *text[5:]])
    path = tmp_path / "r.md"
    path.write_text(broken, encoding="utf-8")
    result = engine.lint_path(path)
    assert result.report.readable and "XT001" not in codes(result)
    assert [s.number for s in result.report.sections] == [1, 2, 3, 4, 5, 6]


def test_a_hostile_html_table_in_markdown_is_one_xt001_naming_its_lines(
    engine: Engine, tmp_path
) -> None:
    # The HTML reader's guards hold for a table inside a text file too, and the message
    # says where in this file the table is.
    text = SAMPLE_2019.read_text(encoding="utf-8").split("\n")
    attributes = " ".join(f'a{k}="x"' for k in range(5_000))
    path = tmp_path / "r.md"
    path.write_text(
        "\n".join([*text[:5], f"<table><tr><td {attributes}>1</td></tr></table>", *text[5:]]),
        "utf-8",
    )
    (finding,) = engine.lint_path(path).findings
    assert finding.code == "XT001"
    assert finding.message_zh.startswith("无法读取文件：第 6 行的 HTML 表格无法读取：")
    assert "5,000 个属性" in finding.message_zh


def test_tables_published_as_pictures_are_named_in_xt002(engine: Engine, tmp_path) -> None:
    """上海 2019's page with each of its three tables replaced by a picture of it (how many
    sites publish tables): XT002 for sections 二, 三, 四 names the picture in each section,
    not "flattened or removed"."""
    import re

    page = (FIXTURES / "html" / "2019_prov-shanghai-govoffice.html").read_text(encoding="utf-8")
    count = iter(range(1, 10))
    pictures = re.sub(
        r"<table.*?</table>",
        lambda m: f'<p align="center"><img src="/u/2020/table{next(count)}.png?v=1"/></p>',
        page,
        flags=re.S | re.I,
    )
    path = tmp_path / "pictures.html"
    path.write_text(pictures, encoding="utf-8")
    xt002 = [f for f in engine.lint_path(path).findings if f.code == "XT002"]
    assert [f.sub_id for f in xt002] == ["section2", "section3", "section4"]
    for finding, name in zip(xt002, ("table1.png", "table2.png", "table3.png"), strict=True):
        assert f"该部分没有文字表格，只有图片（{name}）" in finding.message_zh
        assert f"only pictures ({name})" in finding.message_en
    # A section without a table and without a picture keeps the general reason.
    no_pictures = re.sub(r"<img[^>]*>", "", pictures)
    path.write_text(no_pictures, encoding="utf-8")
    xt002 = [f for f in engine.lint_path(path).findings if f.code == "XT002"]
    assert xt002 and all("没有可识别的表格" in f.message_zh for f in xt002)
