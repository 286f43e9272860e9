"""Report tables set out other than the official template, built from the real HTML pages.

Real agencies change the template's geometry: section 三 transposed (applicant types as
rows), section 四 with its groups as rows or split into a 行政复议 and a 行政诉讼 table, a
备注 column, a 合计 row, a unit or caption row inside a table, a table split over two with
or without its header repeated, each 第二十条 item in its own table. Each layout here is
made from a real page (``tests/fixtures/html``) by editing its lxml tree, so the labels and
figures are the report's own; :func:`to_markdown` prints the same page as a converter's
markdown (pipe tables, the copies of a merged cell left empty).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from lxml import etree, html

HTML = Path(__file__).parent / "fixtures" / "html"

Grid = list[list[int | None]]


def parse(path: Path) -> html.HtmlElement:
    return html.fromstring(path.read_bytes(), parser=html.HTMLParser(encoding="utf-8"))


def expand(table: etree._Element) -> tuple[Grid, dict[int, str]]:
    """The table as a grid of cell ids (a merged cell's id in every place it covers) and
    the text of each id."""
    grid: dict[tuple[int, int], int] = {}
    texts: dict[int, str] = {}
    for r, tr in enumerate(table.xpath("./tr|./tbody/tr|./thead/tr")):
        c = 0
        for td in tr.xpath("./td|./th"):
            while (r, c) in grid:
                c += 1
            rows, cols = int(td.get("rowspan") or 1), int(td.get("colspan") or 1)
            n = len(texts)
            texts[n] = " ".join(td.text_content().split())
            for i in range(rows):
                for j in range(cols):
                    grid[r + i, c + j] = n
            c += cols
    height = max(r for r, _ in grid) + 1
    width = max(c for _, c in grid) + 1
    return [[grid.get((r, c)) for c in range(width)] for r in range(height)], texts


def build(grid: Grid, texts: dict[int, str]) -> etree._Element:
    """A table element from a grid of ids (each id's rectangle one cell with its spans)."""
    table = etree.Element("table", border="1")
    done: set[int] = set()
    height, width = len(grid), len(grid[0])
    for r in range(height):
        tr = etree.SubElement(table, "tr")
        for c in range(width):
            n = grid[r][c]
            if n is None:
                etree.SubElement(tr, "td")
                continue
            if n in done:
                continue
            done.add(n)
            cols = 1
            while c + cols < width and grid[r][c + cols] == n:
                cols += 1
            rows = 1
            while r + rows < height and grid[r + rows][c] == n:
                rows += 1
            td = etree.SubElement(tr, "td")
            if cols > 1:
                td.set("colspan", str(cols))
            if rows > 1:
                td.set("rowspan", str(rows))
            td.text = texts[n]
    return table


def table_of(root: html.HtmlElement, section: str) -> etree._Element:
    """The page's table of section 二, 三 or 四 (by what it holds)."""
    for table in root.xpath("//table"):
        text = table.text_content()
        found = "二" if "第二十条" in text else "三" if "自然人" in text else "四"
        if "行政复议" in text or found != "四":
            if found == section:
                return table
    raise LookupError(section)


def new_text(texts: dict[int, str], text: str) -> int:
    n = max(texts) + 1
    texts[n] = text
    return n


def replace(old: etree._Element, *new: etree._Element) -> None:
    parent = old.getparent()
    at = parent.index(old)
    parent.remove(old)
    for k, element in enumerate(new):
        parent.insert(at + k, element)


def paragraph(text: str) -> etree._Element:
    p = etree.Element("p")
    p.text = text
    return p


def set_text(td: etree._Element, text: str) -> None:
    for child in list(td):
        td.remove(child)
    td.text = text


def add_to_cell(td: etree._Element, delta: int) -> None:
    value = " ".join(td.text_content().split())
    set_text(td, str(int(value or 0) + delta))


def inject_defects(root: html.HtmlElement) -> None:
    """Real defects every layout must still show: 行政复议 总计 one more than its parts
    (RL101), 复议后起诉 结果纠正 seven more (RL101), and 一、本年新收 自然人 one more
    (AP101, AP103)."""
    cells = table_of(root, "四").xpath(".//tr")[-1].xpath("./td|./th")
    add_to_cell(cells[4], 1)
    add_to_cell(cells[11], 7)
    for tr in table_of(root, "三").xpath(".//tr"):
        cells = tr.xpath("./td|./th")
        if cells and "本年新收" in cells[0].text_content():
            add_to_cell(cells[1], 1)


# --- layouts: each edits the page in place -------------------------------------------------


def review_split(root: html.HtmlElement) -> None:
    """Section 四 as two tables: 行政复议 (its five columns) and 行政诉讼 (ten)."""
    table = table_of(root, "四")
    grid, texts = expand(table)
    replace(table, build([r[:5] for r in grid], texts), build([r[5:] for r in grid], texts))


def review_split_captioned(root: html.HtmlElement) -> None:
    """Two tables, the first without its 行政复议 row: a paragraph above each names it."""
    table = table_of(root, "四")
    grid, texts = expand(table)
    replace(
        table,
        paragraph("（一）行政复议情况"),
        build([r[:5] for r in grid][1:], texts),
        paragraph("（二）行政诉讼情况"),
        build([r[5:] for r in grid], texts),
    )


def review_group_rows(root: html.HtmlElement) -> None:
    """The three groups as rows under the five outcomes (行政诉讼 spanning its two)."""
    table = table_of(root, "四")
    grid, texts = expand(table)
    values = [texts[n] for n in grid[-1] if n is not None]
    t: dict[int, str] = {0: "项目"}
    leaves = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    rows: Grid = [[0, 0, *(new_text(t, x) for x in leaves)]]
    review = new_text(t, "行政复议")
    rows.append([review, review, *(new_text(t, x) for x in values[0:5])])
    litigation = new_text(t, "行政诉讼")
    rows.append(
        [litigation, new_text(t, "未经复议直接起诉"), *(new_text(t, x) for x in values[5:10])]
    )
    rows.append([litigation, new_text(t, "复议后起诉"), *(new_text(t, x) for x in values[10:15])])
    replace(table, build(rows, t))


def review_transposed(root: html.HtmlElement) -> None:
    table = table_of(root, "四")
    grid, texts = expand(table)
    replace(table, build([list(r) for r in zip(*grid, strict=True)], texts))


def review_extra_rows(root: html.HtmlElement) -> None:
    """A caption row, a unit row and a 备注 column inside the section-四 table."""
    table = table_of(root, "四")
    grid, texts = expand(table)
    remark = new_text(texts, "备注")
    for r, row in enumerate(grid):
        row.append(remark if r < 3 else new_text(texts, ""))
    width = len(grid[0])
    grid.insert(0, [new_text(texts, "单位：件")] * width)
    grid.insert(0, [new_text(texts, "表四 政府信息公开行政复议、行政诉讼情况")] * width)
    replace(table, build(grid, texts))


def review_litigation_total(root: html.HtmlElement) -> None:
    """A 合计 group of five more columns after 复议后起诉: the two litigation groups
    added up, as some reports print."""
    table = table_of(root, "四")
    grid, texts = expand(table)
    values = [int(texts[n] or 0) for n in grid[3]]  # type: ignore[index]
    group = new_text(texts, "合计")
    grid[0] += [grid[0][-1]] * 5
    grid[1] += [group] * 5
    grid[2] += [
        new_text(texts, x) for x in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    ]
    grid[3] += [new_text(texts, str(values[5 + k] + values[10 + k])) for k in range(5)]
    replace(table, build(grid, texts))


def review_total_first(root: html.HtmlElement) -> None:
    """Each group's 总计 printed before its four outcomes."""
    table = table_of(root, "四")
    grid, texts = expand(table)
    for row in grid[1:]:
        for g in range(0, 15, 5):
            row[g : g + 5] = [row[g + 4], *row[g : g + 4]]
    replace(table, build(grid, texts))


Layout = Callable[[html.HtmlElement], None]
REVIEW_LAYOUTS: dict[str, Layout] = {
    "split": review_split,
    "split-captioned": review_split_captioned,
    "group-rows": review_group_rows,
    "transposed": review_transposed,
    "extra-rows": review_extra_rows,
}


def _article(root: html.HtmlElement) -> Iterator[str | etree._Element]:
    """The article of a page in order: the title the CMS prints above it, then the text
    of each paragraph (outside tables, empty ones left out) and each table element."""
    body = root.xpath('//div[contains(@class,"TRS_Editor")]')
    title = root.xpath('//div[contains(@class,"article_title")]')
    if title:
        yield " ".join(title[0].text_content().split())
    for element in (body[0] if body else root).iter("p", "table"):
        if element.tag == "table":
            yield element
        elif not any(a.tag == "table" for a in element.iterancestors()):
            text = " ".join(element.text_content().split())
            if text:
                yield text


def to_markdown(root: html.HtmlElement, *, every_copy_empty: bool = False) -> str:
    """The article as a converter's markdown: one paragraph a line, pipe tables with the
    copies of a merged cell below it left empty (those to its right repeat its text), or
    with ``every_copy_empty`` all its copies left empty."""
    out: list[str] = []
    for element in _article(root):
        if isinstance(element, str):
            out.append(element)
            continue
        grid, texts = expand(element)
        seen: set[int | None] = {None}
        out.append("")
        for k, row in enumerate(grid):
            cells = []
            for n in row:
                cells.append("" if n in seen else texts[n])  # type: ignore[index]
                if every_copy_empty:
                    seen.add(n)
            seen.update(row)
            out.append("| " + " | ".join(cells) + " |")
            if k == 0:
                out.append("|" + "---|" * len(cells))
        out.append("")
    return "\n".join(out) + "\n"


def to_tika(root: html.HtmlElement) -> str:
    """The article as Apache Tika prints a page: one paragraph a line; a table one cell a
    line after a TAB, each printed cell once (no copies of merged cells), a blank line
    after each row."""
    out: list[str] = []
    for element in _article(root):
        if isinstance(element, str):
            out.append(element)
            continue
        out.append("")
        for tr in element.xpath(".//tr"):
            out.extend("\t" + " ".join(td.text_content().split()) for td in tr.xpath("./td|./th"))
            out.append("")
    return "\n".join(out) + "\n"


def _article_text(
    root: html.HtmlElement, table: Callable[[Grid, dict[int, str]], list[str]]
) -> str:
    """The article one paragraph a line, each table as ``table`` prints its grid."""
    out: list[str] = []
    for element in _article(root):
        out.extend([element] if isinstance(element, str) else table(*expand(element)))
    return "\n".join(out) + "\n"


def _printed(grid: Grid, texts: dict[int, str], r: int, above: str | None) -> list[str]:
    """Row ``r``'s cells as an extractor prints them: a place that a merged cell to its left
    covers not at all, one that a merged cell above covers as ``above`` (None: not at all)."""
    cells: list[str] = []
    for c, n in enumerate(grid[r]):
        if n is not None and c and grid[r][c - 1] == n:
            continue
        if n is not None and r and grid[r - 1][c] == n:
            if above is not None:
                cells.append(above)
            continue
        cells.append(texts.get(n, "") if n is not None else "")
    return cells


def to_pipe_rows(root: html.HtmlElement) -> str:
    """The article as some web-page text extractors print it (seen in real reports' stored
    pages): one paragraph a line; a table one row a line, each cell followed by `` | ``, a
    place that a merged cell of a row above covers an empty cell, one that a merged cell to
    its left covers nothing: ``| （二）部分公开 | 19 | … | 20 |``."""

    def table(grid: Grid, texts: dict[int, str]) -> list[str]:
        return [
            "".join(
                f"{cell} | " if cell else "| " for cell in _printed(grid, texts, r, "")
            ).rstrip()
            for r in range(len(grid))
        ]

    return _article_text(root, table)


def to_marked_cell_lines(root: html.HtmlElement) -> str:
    """The article as an extractor printed a 2020 街道 report's page (湖北's annotated
    template): a table a cell a line, each cell followed by `` |``, a line ``|`` before
    every row, a short row's padding on its last cell's line (``第二十条第（一）项 | |||``);
    places merged cells cover are not printed."""

    def table(grid: Grid, texts: dict[int, str]) -> list[str]:
        lines: list[str] = []
        for r in range(len(grid)):
            printed = _printed(grid, texts, r, None)
            lines.append("|")
            lines.extend(f"{cell} |" if cell else "|" for cell in printed)
            if pad := len(grid[0]) - len(printed):
                lines[-1] += " " + "|" * pad
        return lines

    return _article_text(root, table)


def to_cell_lines(root: html.HtmlElement, *, row_ends: bool = False, padded: bool = True) -> str:
    """The article as the same kind of extractor prints tables whose cells hold paragraphs
    (seen in real reports' stored pages): one paragraph a line; a table a cell a line, each
    printed cell followed by `` |`` (an empty one a ``|`` of its own), nothing between rows
    but each row padded to the table's width with pipes on its last line; places merged
    cells cover are not printed. The table's last row is not padded (a 2020 县卫生健康局
    page's stored text). ``row_ends``: every row but the last ends in a line of one pipe
    more than its padding, a full row in ``|`` (a 2019 街道办事处 and a 2019 县卫生健康局
    page's stored text: ``规章 |``, ``0 |`` …, ``||``). Without ``padded``, no row is padded
    (the stored page of a 2025 开发区 bureau's report)."""

    def table(grid: Grid, texts: dict[int, str]) -> list[str]:
        lines: list[str] = []
        for r in range(len(grid)):
            printed = _printed(grid, texts, r, None)
            lines.extend(f"{cell} |" if cell else "|" for cell in printed)
            pad = len(grid[0]) - len(printed) + row_ends
            if pad and r + 1 < len(grid) and padded:
                lines.append("|" * pad)
        return lines

    return _article_text(root, table)


def to_spaced_items(root: html.HtmlElement) -> str:
    """The article as a web-page text extractor prints it with a blank line after each block
    (seen in real reports' stored pages, 2019 and 2020 街道 and 镇 reports): the page's
    information lines (索引号, 标题, 发布机构) one under another above it, set apart from the
    article by two blank lines; then each paragraph and each printed table cell on a line of
    its own with a blank line after it, an empty cell an empty line (places merged cells
    cover are not printed); two blank lines before section 二."""
    title = next(e for e in _article(root) if isinstance(e, str))
    out = ["索引号: 000000/2021-00001", f"标题: {title}", "发布机构: 管委会办公室", "", ""]
    for element in _article(root):
        if isinstance(element, str):
            if element.startswith("二、"):
                out.append("")
            out += [element, ""]
            continue
        grid, texts = expand(element)
        for r in range(len(grid)):
            for cell in _printed(grid, texts, r, None):
                out += [cell, ""]
    return "\n".join(out)


def to_separated_cells(root: html.HtmlElement) -> str:
    """The article as an extractor prints tables whose cells it sets apart by a line
    holding a pipe alone (seen in the stored page of a real 2023 镇 report): one paragraph a
    line; a table a cell a line, each printed cell followed by ``|``, a cell of several
    words a word a line (“商业” / “企业”), nothing between rows; places merged cells cover
    are not printed."""

    def table(grid: Grid, texts: dict[int, str]) -> list[str]:
        lines: list[str] = []
        for r in range(len(grid)):
            for cell in _printed(grid, texts, r, None):
                lines.extend([*(cell.split(" ") if cell else []), "|"])
        return lines

    return _article_text(root, table)


def _word_table(grid: Grid, texts: dict[int, str], para: Callable[[str], str]) -> str:
    """A ``w:tbl`` with the merged cells as Word writes them (``w:gridSpan``, ``w:vMerge``)."""
    height, width = len(grid), len(grid[0])
    xml = ["<w:tbl><w:tblGrid>" + '<w:gridCol w:w="500"/>' * width + "</w:tblGrid>"]
    for r in range(height):
        xml.append("<w:tr>")
        c = 0
        while c < width:
            n = grid[r][c]
            span = 1
            while n is not None and c + span < width and grid[r][c + span] == n:
                span += 1
            props = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
            above = n is not None and r > 0 and grid[r - 1][c] == n
            below = n is not None and r + 1 < height and grid[r + 1][c] == n
            if above:
                props += "<w:vMerge/>"
            elif below:
                props += '<w:vMerge w:val="restart"/>'
            text = "" if above or n is None else texts[n]
            xml.append(f"<w:tc><w:tcPr>{props}</w:tcPr>{para(text)}</w:tc>")
            c += span
        xml.append("</w:tr>")
    xml.append("</w:tbl>")
    return "".join(xml)


def to_docx(root: html.HtmlElement) -> bytes:
    """The article as a Word file: one paragraph each, the tables as Word writes them."""
    from xml.sax.saxutils import escape

    from tests.docx_fixtures import docx_from_body

    def para(text: str) -> str:
        return f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'

    return docx_from_body(
        "".join(
            para(e) if isinstance(e, str) else _word_table(*expand(e), para) for e in _article(root)
        )
    )


def page_bytes(root: html.HtmlElement, form: str) -> bytes:
    if form == "docx":
        return to_docx(root)
    if form == "md":
        return to_markdown(root).encode()
    if form == "md-empty":
        return to_markdown(root, every_copy_empty=True).encode()
    if form == "txt":
        return to_tika(root).encode()
    if form == "txt-pipes":
        return to_pipe_rows(root).encode()
    if form == "txt-cells":
        return to_cell_lines(root).encode()
    if form == "txt-cells-marked":
        return to_marked_cell_lines(root).encode()
    if form == "txt-spaced":
        return to_spaced_items(root).encode()
    if form == "txt-cells-ended":
        return to_cell_lines(root, row_ends=True).encode()
    if form == "txt-cells-bare":
        return to_cell_lines(root, padded=False).encode()
    if form == "txt-separated":
        return to_separated_cells(root).encode()
    return html.tostring(root, encoding="utf-8", method="html")


# --- section 三 -------------------------------------------------------------------------------

APPLICANTS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")


def _application_rows(table: etree._Element) -> list[tuple[str, str, list[str]]]:
    """(label as printed in the last label column, its group's label or "", the seven
    values) of each data row of the template's section-三 table."""
    grid, texts = expand(table)
    out = []
    for row in grid[3:]:
        label = texts[row[2]]  # type: ignore[index]
        group = texts[row[1]] if row[1] != row[2] else ""  # type: ignore[index]
        out.append((label, group, [texts[n] for n in row[3:]]))  # type: ignore[index]
    return out


def applications_transposed(root: html.HtmlElement) -> None:
    """The template's table turned: its header (勾稽 note, 申请人情况, 法人或其他组织)
    down the left, the format's rows across."""
    table = table_of(root, "三")
    grid, texts = expand(table)
    replace(table, build([list(r) for r in zip(*grid, strict=True)], texts))


def applications_transposed_flat(root: html.HtmlElement) -> None:
    """One header row of the format's row labels (as printed in the last label column),
    one row per applicant type."""
    table = table_of(root, "三")
    rows = _application_rows(table)
    grid: Grid = []
    t: dict[int, str] = {0: "申请人情况"}
    grid.append([0, *(new_text(t, label) for label, _, _ in rows)])
    for c, name in enumerate(APPLICANTS):
        grid.append([new_text(t, name), *(new_text(t, values[c]) for _, _, values in rows)])
    replace(table, build(grid, t))


def applications_transposed_groups(root: html.HtmlElement) -> None:
    """Two header rows: the groups （三）…（六） spanning their items, then the items."""
    table = table_of(root, "三")
    rows = _application_rows(table)
    t: dict[int, str] = {0: "申请人情况"}
    groups: dict[str, int] = {}
    top: list[int | None] = [0]
    leaf: list[int | None] = [0]
    for label, group, _ in rows:
        if group:
            top.append(groups.setdefault(group, new_text(t, group)))
            leaf.append(new_text(t, label))
        else:
            n = new_text(t, label)
            top.append(n)
            leaf.append(n)
    grid: Grid = [top, leaf]
    for c, name in enumerate(APPLICANTS):
        grid.append([new_text(t, name), *(new_text(t, values[c]) for _, _, values in rows)])
    replace(table, build(grid, t))


APPLICATION_LAYOUTS: dict[str, Layout] = {
    "transposed": applications_transposed,
    "transposed-flat": applications_transposed_flat,
    "transposed-groups": applications_transposed_groups,
}


def applications_total_first(root: html.HtmlElement) -> None:
    """The 总计 column printed first, before 自然人."""
    table = table_of(root, "三")
    grid, texts = expand(table)
    for row in grid:
        row[3:] = [row[9], *row[3:9]]
    replace(table, build(grid, texts))


def applications_split(root: html.HtmlElement, *, repeat_header: bool = False) -> None:
    """Section 三 in two tables, cut before （三）不予公开 (over a page, or by an editor),
    with or without the header rows printed again above the second."""
    table = table_of(root, "三")
    grid, texts = expand(table)
    cut = next(r for r, row in enumerate(grid) if "不予公开" in texts[row[1]])  # type: ignore[index]
    second = [list(r) for r in grid[:3]] + grid[cut:] if repeat_header else grid[cut:]
    replace(table, build(grid[:cut], texts), build(second, texts))


def applications_units(root: html.HtmlElement) -> None:
    """A unit after each applicant column label: 自然人（件）."""
    for td in table_of(root, "三").xpath(".//td"):
        if td.text_content().strip() in APPLICANTS:
            set_text(td, td.text_content().strip() + "（件）")


# --- section 二 -------------------------------------------------------------------------------


def article20_own_tables(root: html.HtmlElement, captions: dict[str, str] | None = None) -> None:
    """Each 第二十条 item in its own table, its title a paragraph above it: as printed
    (第二十条第（一）项), in other words (``captions``: item numeral → text), or left out
    (an empty text)."""
    table = table_of(root, "二")
    grid, texts = expand(table)
    parts: list[etree._Element] = []
    rows: Grid = []
    for row in grid:
        title = texts[row[0]]  # type: ignore[index]
        if "第二十条" in title:
            if rows:
                parts.append(build(rows, texts))
                rows = []
            numeral = title[title.index("（") + 1]
            text = title if captions is None else captions.get(numeral, title)
            if text:
                parts.append(paragraph(text))
        else:
            rows.append(row)
    parts.append(build(rows, texts))
    replace(table, *parts)


ARTICLE20_CAPTIONS = {
    "一": "（一）规章和行政规范性文件制发情况",
    "五": "（二）行政许可情况",
    "六": "（三）行政处罚和行政强制情况",
    "八": "（四）行政事业性收费情况",
}


def inject_article20_defect(root: html.HtmlElement) -> None:
    """行政许可's 本年处理决定数量 printed as −5: not a count (AD005)."""
    for tr in table_of(root, "二").xpath(".//tr"):
        cells = tr.xpath("./td|./th")
        if cells and cells[0].text_content().strip() == "行政许可":
            set_text(cells[1], "-5")


ARTICLE20_LAYOUTS: dict[str, Layout] = {
    "own-tables": article20_own_tables,
    "own-tables-reworded": lambda r: article20_own_tables(r, ARTICLE20_CAPTIONS),
    "own-tables-uncaptioned": lambda r: article20_own_tables(r, dict.fromkeys("一五六八九", "")),
}


def to_reading_order(root: html.HtmlElement, width: int = 10, glued: bool = False) -> str:
    """The article as pdftotext (without -layout) prints a PDF of the page whose tables
    have narrow label columns: one paragraph a line; a table row by row, a label wrapped
    in pieces of ``width`` characters, the row's first figure after its first piece
    (``2.其他法律行政法规禁 0`` / ``止公开``; a row not in a group: its label, then its
    figures on a line), a merged group cell's text in pieces of four
    before the lines of the rows it spans (``（三）不 4.保护第三方合法权益 0``, ``予公开 5.…``),
    and the other columns' figures after the table, one a line (czj 2025's report printed
    by Chromium, as pdftotext reads it)."""

    def pieces(text: str, n: int) -> list[str]:
        return [text[i : i + n] for i in range(0, len(text), n)] or [""]

    def table(grid: Grid, texts: dict[int, str]) -> list[str]:
        lines: list[str] = []
        later: list[str] = []
        groups: dict[int, list[str]] = {}
        for r, row in enumerate(grid):
            prefix, label, figures = [], [], []
            grouped = False
            for c, n in enumerate(row):
                if n is None or (c and row[c - 1] == n):
                    continue
                text = texts[n]
                if re.fullmatch(r"\d+", text):
                    figures.append(text)
                elif r + 1 < len(grid) and grid[r + 1][c] == n or r and grid[r - 1][c] == n:
                    grouped = True
                    left = groups.setdefault(n, pieces(text, 4))
                    if left:
                        prefix.append(left.pop(0))
                else:
                    label.append(text)
            if not figures or not grouped:  # a header row, or a row across the labels
                lines.append(" ".join(prefix + label))
                if figures:
                    lines.append(" ".join(figures))
                continue
            wrapped = pieces(" ".join(label), width)
            first = " ".join([*prefix, wrapped[0]])
            # ``glued``: the first figure set against the label (pdftotext -raw)
            lines.append(first + ("" if glued else " ") + figures[0])
            lines.extend(wrapped[1:])
            later.extend(figures[1:])
        for figure in later:
            lines.extend(["", figure])
        return lines

    return _article_text(root, table)
