"""The HTML reader on real published pages (a bare fragment and whole site pages) and on
hostile input."""

from __future__ import annotations

import html
import random
import re
import time
from pathlib import Path

import pytest

from linter.document import Anchor, Document, Paragraph, ReadError, Table, TableCell
from linter.readers import Limits
from linter.readers.html import HtmlReader
from tests.conftest import kinds

HTML = Path(__file__).parent / "fixtures" / "html"
SHANGHAI_2019 = HTML / "2019_prov-shanghai-govoffice.html"
PINGTAN_2022 = HTML / "2022_zone-pingtan_gov.html"
PINGTAN_2023 = HTML / "2023_zone-pingtan_gov.html"
PINGTAN_CZJ_2025 = HTML / "2025_zonedept-pingtan-czj.html"
PINGTAN_PAGES = (PINGTAN_2022, PINGTAN_2023, PINGTAN_CZJ_2025)

# Site chrome of the Pingtan pages (header, breadcrumb, share box, QR code, footer).
PINGTAN_CHROME = (
    "当前位置",
    "网站支持IPV6",
    "移动版",
    "闽政通APP",
    "公安备案号",
    "QQ空间",
    "相关链接",
    "文件下载",
    "扫一扫在手机上查看当前页面",
    "新媒体矩阵",
    "网站标识码",
    "闽ICP备",
    "版权所有",
    "来源：",
)

# Paragraphs of the Shanghai 2019 report, reused in the synthetic pages below.
EXCERPT = (
    "<p>一、总体情况</p>"
    "<p>2019年，上海市人民政府办公厅坚持以习近平新时代中国特色社会主义思想为指导。</p>"
    "<p>二、主动公开政府信息情况</p>"
    "<table border='1'><tr><td>信息内容</td><td>本年新制作数量</td></tr>"
    "<tr><td>规章</td><td><span>1</span><span>3</span></td></tr></table>"
    "<p>三、收到和处理政府信息公开申请情况</p><p>市政府办公厅代表市政府共受理政府信息公开申请859件。</p>"
    "<p>六、其他需要报告的事项</p><p>无。</p>"
)


def read(path: Path | str, data: bytes | None = None) -> Document:
    data = Path(path).read_bytes() if data is None else data
    return HtmlReader().read(str(path), data, Limits())


def tables(doc: Document) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table)]


def paragraphs(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def all_text(doc: Document) -> str:
    """Every paragraph and every cell of the document, one per line."""
    lines = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            lines.append(block.text)
        else:
            lines.extend(cell.text for row in block.rows for cell in row)
    return "\n".join(lines)


def at(source: str, anchor: Anchor) -> str:
    """The decoded source from ``anchor`` to the end of its line."""
    assert anchor.line is not None and anchor.column is not None, anchor
    return source.split("\n")[anchor.line - 1][anchor.column - 1 :]


def anchor_of(source: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of a code-point offset, computed independently of the reader."""
    line = source.count("\n", 0, offset) + 1
    return line, offset - (source.rfind("\n", 0, offset) + 1) + 1


def text_after(source: str, anchor: Anchor, size: int = 12) -> str:
    """The first ``size`` characters of text (tags dropped, entities resolved, no spaces)
    at ``anchor`` in the source."""
    lines = source.split("\n")
    offset = sum(len(line) + 1 for line in lines[: anchor.line - 1]) + anchor.column - 1
    window = re.sub(r"<!--.*?-->|<script.*?</script>|<[^>]*>", "", source[offset : offset + 3000])
    return "".join(html.unescape(window).split())[:size]


def assert_anchors_point_at_tags(doc: Document, source: str) -> None:
    """Paragraphs point at a block start tag (or <br>), cells at <td>/<th>, tables at
    <table>, and the text that follows each anchor in the source is the block's text."""
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            assert at(source, block.anchor).startswith(("<p", "<div", "<h", "<li", "<br", "<td")), (
                block
            )
            expected = "".join(block.text.split())[:12]
            assert text_after(source, block.anchor, len(expected)) == expected, block
        else:
            assert at(source, block.anchor).startswith("<table")
            for row in block.rows:
                for cell in row:
                    assert at(source, cell.anchor).startswith(("<td", "<th")), cell
                    expected = "".join(cell.text.split())[:12]
                    assert text_after(source, cell.anchor, len(expected)) == expected, cell


def page(body: str, head: str = "", charset: str = "utf-8") -> str:
    return (
        f'<!DOCTYPE html>\n<html>\n<head>\n<meta charset="{charset}">\n{head}</head>\n'
        f"<body>\n{body}\n</body>\n</html>\n"
    )


# --------------------------------------------------------------------------- Shanghai 2019


@pytest.fixture(scope="module")
def shanghai() -> Document:
    return read(SHANGHAI_2019)


def test_shanghai_fragment_is_read_whole(shanghai: Document) -> None:
    assert shanghai.encoding == "utf-8" and shanghai.diagnostics == []
    assert shanghai.metadata == {
        "title": "2019年上海市人民政府办公厅政府信息公开工作年度报告",
        "published": "2020-01-31",
    }
    texts = paragraphs(shanghai)
    assert texts[:2] == [
        "2019年上海市人民政府办公厅政府信息公开工作年度报告",
        "发布日期：2020-01-31",
    ]
    for heading in (
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、政府信息公开工作存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ):
        assert heading in texts
    assert texts[-1] == "无。"
    assert [len(t.rows) for t in tables(shanghai)] == [18, 26, 4]
    assert all(t.grid for t in tables(shanghai))


def test_shanghai_section_three_grid(shanghai: Document) -> None:
    table = tables(shanghai)[1]
    assert {len(row) for row in table.rows} == {10}
    rows = table.rows
    labels = [row[2].text for row in rows]
    new, carried = rows[3], rows[4]
    assert new[0].text == "一、本年新收政府信息公开申请数量"
    assert [c.text for c in new[3:]] == ["821", "35", "", "", "2", "1", "859"]
    assert carried[9].text == "18"
    total = rows[labels.index("（七）总计")]
    assert total[9].text == "805"
    assert rows[25][0].text == "四、结转下年度继续办理" and rows[25][9].text == "72"
    # The identity the report's own header states holds with the blanks read as blanks.
    assert int(new[9].text) + int(carried[9].text) == int(total[9].text) + int(rows[25][9].text)
    # A 总计 cell left blank in a non-zero row is blank, not 0.
    published = rows[5]
    assert published[1].text == "（一）予以公开" and published[3].text == "258"
    assert published[9].text == ""
    # The last header row: 自然人 and 总计 continue from the row above.
    assert [c.text for c in rows[2][3:]] == [
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    ]
    assert rows[2][3].vmerge and not rows[2][3].hmerge
    assert rows[2][9].vmerge and not rows[2][4].vmerge


def test_shanghai_merged_copies_are_flagged(shanghai: Document) -> None:
    rows = tables(shanghai)[1].rows
    note = rows[0][0]
    assert note.text.startswith("（本列数据的勾稽关系为：") and not (note.hmerge or note.vmerge)
    assert rows[0][1] == TableCell(note.text, note.anchor, hmerge=True, vmerge=False)
    assert rows[1][0] == TableCell(note.text, note.anchor, hmerge=False, vmerge=True)
    assert rows[2][2] == TableCell(note.text, note.anchor, hmerge=True, vmerge=True)
    # 三、本年度办理结果 (rowspan=20) and （三）不予公开 (rowspan=8).
    assert rows[5][0].text == rows[24][0].text == "三、本年度办理结果"
    assert not rows[5][0].vmerge and all(rows[r][0].vmerge for r in range(6, 25))
    assert not rows[25][0].vmerge
    assert rows[7][1].text == "（三）不予公开" and rows[14][1].vmerge and not rows[15][1].vmerge
    # （一）予以公开 spans label columns 2-3.
    assert rows[5][2] == TableCell("（一）予以公开", rows[5][1].anchor, hmerge=True)


def test_shanghai_section_two_cells(shanghai: Document) -> None:
    rows = tables(shanghai)[0].rows
    assert rows[0][0].text == "第二十条第（一）项" and all(c.hmerge for c in rows[0][1:])
    assert [c.text for c in rows[1]] == [
        "信息内容",
        "本年新\n制作数量",  # <br> inside the cell
        "本年新\n公开数量",
        "本年新\n公开数量",
        "对外公开总数量",
    ]
    assert [c.text for c in rows[17]] == ["政府集中采购", "6", "6", "251000元", "251000元"]
    assert [c.hmerge for c in rows[17]] == [False, False, True, False, True]


def test_shanghai_anchors(shanghai: Document) -> None:
    source = SHANGHAI_2019.read_text(encoding="utf-8")
    assert_anchors_point_at_tags(shanghai, source)
    assert all(b.anchor.line == 1 for b in shanghai.blocks)  # the whole fragment is one line
    cell = tables(shanghai)[1].rows[3][9]
    expected = anchor_of(source, source.rfind("<td", 0, source.index(">859<")))
    assert (cell.anchor.line, cell.anchor.column) == expected
    assert at(source, cell.anchor).startswith('<td nowrap="nowrap" style="width:62px;"><p')
    heading = next(b for b in shanghai.blocks if getattr(b, "text", "") == "六、其他需要报告的事项")
    assert (heading.anchor.line, heading.anchor.column) == anchor_of(
        source, source.index("<p>六、其他需要报告的事项")
    )
    table = tables(shanghai)[2]
    assert (table.anchor.line, table.anchor.column) == anchor_of(source, source.rindex("<table"))
    # merged copies carry the anchor of the cell they continue
    rows = tables(shanghai)[1].rows
    assert rows[24][0].anchor == rows[5][0].anchor


# --------------------------------------------------------------------------- Pingtan pages


@pytest.fixture(scope="module")
def pingtan() -> dict[str, Document]:
    return {path.name: read(path) for path in PINGTAN_PAGES}


def test_pingtan_metadata(pingtan: dict[str, Document]) -> None:
    assert pingtan[PINGTAN_2022.name].metadata == {
        "title": "平潭综合实验区2022年度政府信息公开工作年度报告",
        "published": "2023-02-20",
        "url": "https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202302/t20230220_80629.htm",
    }
    assert pingtan[PINGTAN_2023.name].metadata["title"] == (
        "平潭综合实验区2023年度政府信息公开工作年度报告"
    )
    assert pingtan[PINGTAN_2023.name].metadata["published"] == "2024-03-08"
    czj = pingtan[PINGTAN_CZJ_2025.name].metadata
    assert czj["title"] == "平潭综合实验区财政金融局2025年度政府信息公开工作年度报告"
    assert czj["published"] == "2026-01-16"
    assert czj["agency"] == "区财政金融局"
    assert all(doc.encoding == "utf-8" and not doc.diagnostics for doc in pingtan.values())


@pytest.mark.parametrize("path", PINGTAN_PAGES, ids=lambda p: p.name)
def test_pingtan_chrome_never_becomes_a_block(path: Path, pingtan: dict[str, Document]) -> None:
    source = path.read_text(encoding="utf-8")
    doc = pingtan[path.name]
    text = all_text(doc)
    for chrome in PINGTAN_CHROME:
        assert chrome in source, chrome
        assert chrome not in text, chrome
    # The body starts with the report's opening and ends with section 六.
    first = paragraphs(doc)[0]
    assert first.startswith(("本报告根据", "根据《中华人民共和国政府信息公开条例》"))
    assert [len(t.rows) for t in tables(doc)] == [14, 28, 4]
    assert [len(t.rows[0]) for t in tables(doc)] == [4, 10, 15]
    assert_anchors_point_at_tags(doc, source)


def test_pingtan_2022_word_export_cells(pingtan: dict[str, Document]) -> None:
    doc = pingtan[PINGTAN_2022.name]
    section2, section3, section4 = tables(doc)
    # cells written as <span>&nbsp;</span><span>0</span><span>&nbsp;</span> and a TAB span
    assert [c.text for c in section2.rows[3]] == ["行政规范性文件", "88", "55", "698"]
    assert [c.text for c in section2.rows[13]] == ["行政事业性收费"] + ["9116.36"] * 3
    assert [c.hmerge for c in section2.rows[13]] == [False, False, True, True]
    new = section3.rows[3]
    assert [c.text for c in new[3:]] == ["71", "3", "0", "0", "0", "0", "74"]
    assert section3.rows[4][9].text == "1" and section3.rows[26][9].text == "75"
    assert section3.rows[27][9].text == "0"
    # a header label that the editor wrote one character per paragraph
    assert section4.rows[1][1].text == "结\n果\n纠\n正"
    assert [c.text for c in section4.rows[3]] == (
        ["0", "1", "1", "0", "2"] + ["1", "0", "0", "0", "1"] + ["0"] * 5
    )
    assert "四、政府信息公开行政法复议、行政诉讼情况" in paragraphs(doc)  # the typo is kept
    assert paragraphs(doc)[-1] == "2022年，无收取信息处理费情况。"


def test_pingtan_2022_anchors_across_lines(pingtan: dict[str, Document]) -> None:
    source = PINGTAN_2022.read_text(encoding="utf-8")
    doc = pingtan[PINGTAN_2022.name]
    fee = tables(doc)[0].rows[13][1]
    # the <td> of the fee cell spans four source lines; the anchor is its first character
    td = source.rfind("<td", 0, source.index(">9116.36<"))
    assert (fee.anchor.line, fee.anchor.column) == anchor_of(source, td)
    heading = next(b for b in doc.blocks if getattr(b, "text", "") == "一、总体情况")
    assert (heading.anchor.line, heading.anchor.column) == (349, 441)
    assert at(source, heading.anchor).startswith("<p><span")
    # the end: just past the element's end tag, so an editor selects the whole element
    lines = source.split("\n")
    end = heading.anchor
    element = lines[348][end.column - 1 : end.end_column - 1]
    assert end.end_line == 349 and element.startswith("<p>") and element.endswith("</p>")
    assert "一、总体情况" in element
    # the fee cell: from its <td to its </td>, over four lines
    assert fee.anchor.end_line == fee.anchor.line + 3
    assert lines[fee.anchor.end_line - 1][: fee.anchor.end_column - 1].endswith("</td>")


def test_pingtan_2023_and_2025_cells(pingtan: dict[str, Document]) -> None:
    doc2023 = pingtan[PINGTAN_2023.name]
    rules = tables(doc2023)[0].rows[3]
    assert [c.text for c in rules] == ["行政规范性文件", "77", "132", "470"]
    assert tables(doc2023)[0].rows[13][1].text == "5949.088667"
    assert tables(doc2023)[1].rows[3][9].text == "81"
    doc2025 = pingtan[PINGTAN_CZJ_2025.name]
    section2, section3, section4 = tables(doc2025)
    assert section2.rows[13][1].text == "4166.214619"
    # cells written "0&nbsp;" and "&nbsp;0" inside <p style="text-indent: 2em;">
    assert [c.text for c in section4.rows[3]] == ["0"] * 15
    assert [c.text for c in section3.rows[3][3:]] == ["2", "0", "0", "0", "0", "0", "2"]
    texts = paragraphs(doc2025)
    assert (
        "2024年制作、获取政府信息总数467条" in texts[texts.index("(一)主动公开政府信息的数量") + 1]
    )
    assert texts[-2:] == ["平潭综合实验区财政金融局", "2026年1月14日"]


# --------------------------------------------------------------------------- encodings and chrome


def gbk_site_page(meta_charset: str = "gb2312") -> str:
    chrome_top = (
        '<div class="header"><ul class="nav"><li><a href="/">首页</a></li>'
        '<li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>'
        '<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a>'
        " &gt; 政府信息公开年报</div>\n"
        '<table class="xxgk_meta"><tr><td>索引号：</td><td>000014349/2024-00012</td>'
        "<td>发布机构：</td><td>某某区人民政府办公室</td></tr>"
        "<tr><td>成文日期：</td><td>2024年1月20日</td><td>发布日期：</td><td>2024-01-25</td></tr>"
        "</table>\n"
    )
    article = (
        '<div class="article"><h1>某某区人民政府办公室2023年政府信息公开工作年度报告</h1>\n'
        '<div class="info">发布日期：2024-01-25　来源：区政府办</div>\n'
        '<div class="share">分享到：<a>微信</a> <a>微博</a></div>\n'
        f'<div id="zoom">\n{EXCERPT}\n</div>\n</div>\n'
    )
    footer = (
        '<div class="footer"><p>版权所有：某某区人民政府 网站标识码：3301000001</p>'
        "<script>var s = '<p>一、总体情况</p>';</script></div>"
    )
    return page(
        chrome_top + article + footer,
        head="<title>某某区人民政府办公室2023年政府信息公开工作年度报告_年度报告_某某区人民政府</title>\n",
        charset=meta_charset,
    )


def test_gbk_page_body_metadata_and_chrome() -> None:
    source = gbk_site_page()
    doc = read("gbk.html", source.encode("gbk"))
    assert doc.encoding == "gb2312" and doc.diagnostics == []
    assert doc.metadata == {
        "title": "某某区人民政府办公室2023年政府信息公开工作年度报告",
        "published": "2024-01-25",
        "written": "2024-01-20",
        "agency": "某某区人民政府办公室",
    }
    assert paragraphs(doc) == [
        "一、总体情况",
        "2019年，上海市人民政府办公厅坚持以习近平新时代中国特色社会主义思想为指导。",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "市政府办公厅代表市政府共受理政府信息公开申请859件。",
        "六、其他需要报告的事项",
        "无。",
    ]
    (table,) = tables(doc)
    assert [[c.text for c in row] for row in table.rows] == [
        ["信息内容", "本年新制作数量"],
        ["规章", "13"],  # a number split over two spans
    ]
    text = all_text(doc)
    for chrome in (
        "首页",
        "政务公开",
        "当前位置",
        "分享到",
        "微信",
        "版权所有",
        "网站标识码",
        "索引号",
    ):
        assert chrome not in text, chrome
    assert_anchors_point_at_tags(doc, source)


def test_charset_that_lies() -> None:
    # declares gb2312 but is UTF-8: the bytes win, and that is no fallback
    doc = read("lie1.html", gbk_site_page("gb2312").encode("utf-8"))
    assert doc.encoding == "utf-8" and doc.diagnostics == []
    assert paragraphs(doc)[0] == "一、总体情况"
    # declares utf-8 but is GBK: read as GB18030 and say so (XT003)
    doc = read("lie2.html", gbk_site_page("utf-8").encode("gbk"))
    assert doc.encoding == "gb18030"
    assert [d.code for d in doc.diagnostics] == ["XT003"]
    assert "utf-8" in doc.diagnostics[0].detail_zh and "gb18030" in doc.diagnostics[0].detail_en
    assert paragraphs(doc)[-1] == "无。"
    assert doc.metadata["agency"] == "某某区人民政府办公室"


def test_utf16_pages() -> None:
    source = page(EXCERPT)
    with_bom = read("bom.html", source.encode("utf-16"))
    assert with_bom.encoding == "utf-16" and paragraphs(with_bom)[0] == "一、总体情况"
    without_bom = read("le.html", source.encode("utf-16-le"))
    assert without_bom.encoding == "utf-16-le"
    assert paragraphs(without_bom) == paragraphs(with_bom)
    assert_anchors_point_at_tags(without_bom, source)


# --------------------------------------------------------------------------- structure


def test_br_splits_paragraphs_and_whitespace_collapses() -> None:
    source = page(
        "<div class='TRS_Editor'>\n<div>第一行<br>第二行<br/><br>\u3000\u3000第三行&nbsp;&nbsp;末尾</div>\n"
        "<p>\u3000\u3000一、&nbsp;总体情况\t</p><p>&nbsp;</p><p>\u200b</p>\n"
        "<p>二、主动公开<span>政府信息</span><b>情况</b></p></div>"
    )
    doc = read("br.html", source.encode())
    assert paragraphs(doc) == [
        "第一行",
        "第二行",
        "第三行 末尾",
        "一、 总体情况",
        "二、主动公开政府信息情况",
    ]
    first, second, third = doc.blocks[:3]
    assert at(source, first.anchor).startswith("<div>第一行")
    assert at(source, second.anchor).startswith("<br>第二行")
    assert at(source, third.anchor).startswith("<br>\u3000\u3000第三行")


def test_one_line_page_with_chrome_before_the_article() -> None:
    # Everything on one line: the chrome's own <p>, <div>, <li> and <br> come first, with
    # a comment, a script and a noscript holding tag-like text, then the article.
    source = page(
        '<div class="top"><div>首页</div><p>网站导航</p><ul><li>政务公开</li></ul><br>'
        "<!-- <p>注释</p><td> --><script>document.write('<p>脚本</p>')</script>"
        "<noscript><p>请启用脚本</p></noscript><textarea><p>留言</p></textarea></div>"
        f'<div class="article"><div id="zoom">{EXCERPT}</div></div>'
        '<div class="foot"><p>版权所有</p></div>'
    ).replace("\n", "")
    doc = read("one-line.html", source.encode())
    assert paragraphs(doc)[0] == "一、总体情况" and "版权所有" not in all_text(doc)
    assert all(b.anchor.line == 1 for b in doc.blocks)
    assert_anchors_point_at_tags(doc, source)


@pytest.mark.parametrize(
    "chrome",
    [
        '<div class="share"><p>分享到：</p><div>微信</div></div>',  # a chrome region
        "<noscript><p>请启用脚本</p><div>脚本</div></noscript>",  # a widget
    ],
)
def test_chrome_inside_the_article_on_the_lines_of_its_blocks(chrome: str) -> None:
    # The article's elements are ranked among those of their name on their line only
    # when an anchor is first read — after the chrome inside the article is removed. The
    # chrome's <p> and <div> on the same line still count: each block keeps its own tag.
    source = page(f'<div id="zoom">{chrome}{EXCERPT}</div>').replace("\n", "")
    doc = read("chrome-inline.html", source.encode())
    assert paragraphs(doc)[0] == "一、总体情况"
    assert "分享" not in all_text(doc) and "脚本" not in all_text(doc)
    assert_anchors_point_at_tags(doc, source)


def test_elements_are_ranked_only_when_an_anchor_is_read() -> None:
    source = page(f'<div id="zoom">{EXCERPT}</div>')
    doc = read("lazy.html", source.encode())
    index = doc.blocks[0].anchor._locate.__self__  # the page's source index
    assert index.ranks == {} and index._ranked == {}
    assert_anchors_point_at_tags(doc, source)
    assert set(index._ranked) == {"p", "table", "td"}  # only the names anchors were read for


def test_layout_table_is_unwrapped_and_nested_tables_stay_in_their_cell() -> None:
    data_table = (
        "<table border='1'><tr><td>行政许可</td><td>"
        "<table><tr><td>10</td></tr><tr><td>（含变更）</td></tr></table>"
        "</td></tr></table>"
    )
    source = page(
        "<table width='100%'><tr><td>\n"
        "<p>一、总体情况</p><p>正文。</p>\n"
        f"<p>二、主动公开政府信息情况</p>{data_table}\n"
        "<p>六、其他需要报告的事项</p></td></tr></table>"
    )
    doc = read("layout.html", source.encode())
    assert paragraphs(doc) == [
        "一、总体情况",
        "正文。",
        "二、主动公开政府信息情况",
        "六、其他需要报告的事项",
    ]
    (table,) = tables(doc)  # the layout table is gone, the inner table is part of a cell
    assert [[c.text for c in row] for row in table.rows] == [["行政许可", "10\n（含变更）"]]
    assert_anchors_point_at_tags(doc, source)


def test_row_groups_header_cells_and_rows_without_tr() -> None:
    source = page(
        "<p>一、总体情况</p><p>二、主动公开</p>"
        "<table><caption>表一</caption><thead><tr><th>信息内容</th><th>数量</th></tr></thead>"
        "<tbody><tr><td>规章</td><td>1</td></tr></tbody>"
        "<tfoot><tr><td>合计</td><td>1</td></tr></tfoot></table>"
        "<table><td>a<td>b<tr><td>c</table>"
    )
    doc = read("groups.html", source.encode())
    first, second = tables(doc)
    assert [[c.text for c in row] for row in first.rows] == [
        ["信息内容", "数量"],
        ["规章", "1"],
        ["合计", "1"],
    ]
    assert "表一" in paragraphs(doc)
    assert [[c.text for c in row] for row in second.rows] == [["a", "b"], ["c"]]
    assert at(source, first.rows[0][0].anchor).startswith("<th>信息内容")


def test_malformed_spans_are_clamped() -> None:
    source = page(
        "<p>一、总体情况</p><p>二、主动公开</p><table>"
        '<tr><td colspan="0">a</td><td colspan="">b</td><td colspan="abc">c</td>'
        '<td rowspan="9999" colspan="9999">d</td></tr>'
        '<tr><td rowspan="0">e</td><td>f</td></tr>'
        "<tr><td>g</td></tr></table>"
    )
    (table,) = tables(read("spans.html", source.encode()))
    first, second, third = table.rows
    assert [c.text for c in first[:4]] == ["a", "b", "c", "d"]
    assert len(first) == 3 + 100  # colspan capped at 100
    assert all(c.text == "d" and c.hmerge for c in first[4:])
    # rowspan 9999 stops at the last row; rowspan 0 runs to the end of the table
    assert [c.text for c in second] == ["e", "f", ""] + ["d"] * 100
    assert second[2] == TableCell("", second[2].anchor)  # a hole the spans left empty
    assert [c.text for c in third[:2]] == ["e", "g"] and third[0].vmerge
    assert third[3].vmerge and not third[3].hmerge and third[4].vmerge and third[4].hmerge


@pytest.mark.parametrize(
    "value, count",
    [("2", 2), (" 3", 3), ("4px", 4), ("２", 2), ("²", 1), ("1234567", 100), ("007", 7), ("x", 1)],
)
def test_span_attribute_values(value: str, count: int) -> None:
    # digits first (any decimal digit, as the pattern reads them), then capped; a
    # superscript is a digit to str.isdigit but not a number.
    from linter.readers.html import _span

    assert _span(value, 100) == count


def test_empty_rows_count_for_rowspans() -> None:
    source = page(
        "<p>一、总体情况</p><p>二、主动公开</p><table>"
        '<tr><td rowspan="2">规章</td><td>1</td></tr><tr></tr><tr></tr>'
        "<tr><td>规范性文件</td><td>2</td></tr></table>"
    )
    (table,) = tables(read("empty-rows.html", source.encode()))
    assert [[(c.text, c.vmerge) for c in row] for row in table.rows] == [
        [("规章", False), ("1", False)],
        [("规章", True)],  # the empty <tr> the rowspan reaches into
        [("规范性文件", False), ("2", False)],  # the second empty <tr> is dropped
    ]


def test_title_and_dates_from_visible_text() -> None:
    source = page(
        '<div class="nav">首页</div><div class="article_title">'
        "某某县财政局2024年政府信息公开工作年度报告</div>"
        "<p>发布时间: 2025年1月3日 08:58</p>"
        f"<div class='content-text'>{EXCERPT}</div>",
        head="<title>年度报告 - 某某县人民政府</title>",
    )
    doc = read("visible.html", source.encode())
    assert doc.metadata == {
        "title": "某某县财政局2024年政府信息公开工作年度报告",
        "published": "2025-01-03",
    }
    title_only = page(
        EXCERPT, head="<title>某某县2024年度政府信息公开工作年度报告_年报专栏_某某县</title>"
    )
    assert read("t.html", title_only.encode()).metadata["title"] == (
        "某某县2024年度政府信息公开工作年度报告"
    )


def test_page_without_numbered_headings_uses_the_cms_container() -> None:
    source = page(
        '<div class="menu"><a>首页</a><a>机构概况</a><a>政务公开</a></div>'
        '<div class="main"><div class="TRS_Editor"><p>本机关2024年未收到政府信息公开申请。</p>'
        "<p>全年主动公开政府信息120条。</p></div></div>"
        '<div class="foot"><p>版权所有 某某县人民政府 主办单位：某某县人民政府办公室</p></div>'
    )
    doc = read("cms.html", source.encode())
    assert paragraphs(doc) == [
        "本机关2024年未收到政府信息公开申请。",
        "全年主动公开政府信息120条。",
    ]


def test_headings_repeated_in_a_table_of_contents() -> None:
    toc = "".join(
        f"<p>{heading}</p>"
        for heading in (
            "一、总体情况",
            "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
        )
    )
    source = page(
        f'<div class="side"><div class="toc">{toc}<p>六、其他需要报告的事项</p></div></div>'
        f'<div class="main"><div class="wz">{EXCERPT}</div></div>'
    )
    doc = read("toc.html", source.encode())
    assert paragraphs(doc)[:2] == [
        "一、总体情况",
        "2019年，上海市人民政府办公厅坚持以习近平新时代中国特色社会主义思想为指导。",
    ]
    assert paragraphs(doc).count("一、总体情况") == 1
    assert_anchors_point_at_tags(doc, source)


def test_page_without_headings_or_known_container_uses_the_densest_branch() -> None:
    source = page(
        "<div><div><a>首页</a> <a>机构概况</a></div>"
        "<div><div><p>本机关2024年未收到政府信息公开申请，全年主动公开政府信息120条。</p>"
        "<p>网站发布信息1200条，政务新媒体发布信息340条，回应关切16次。</p></div></div>"
        "<div>联系我们</div></div>"
    )
    doc = read("dense.html", source.encode())
    assert paragraphs(doc) == [
        "本机关2024年未收到政府信息公开申请，全年主动公开政府信息120条。",
        "网站发布信息1200条，政务新媒体发布信息340条，回应关切16次。",
    ]


# --------------------------------------------------------------------------- hostile input


def test_billion_laughs_is_not_expanded() -> None:
    entities = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)).replace(
        "&lol0;", "lol"
    )
    source = (
        f'<?xml version="1.0"?><!DOCTYPE lolz [{entities}]><html><body><p>&lol9;</p></body></html>'
    )
    started = time.perf_counter()
    with pytest.raises(ReadError, match="ENTITY") as error:
        read("lol.html", source.encode())
    assert time.perf_counter() - started < 1.0
    assert "十亿笑声" in error.value.detail_zh
    # Even where the declaration is not caught (it is beyond the first 64 KiB), the
    # parser never expands entities.
    from linter.readers.html import _parse

    root = _parse(source.encode())
    assert "lollol" not in "".join(root.itertext())


def test_external_entities_and_dtds_are_not_loaded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    xxe = (
        f'<!DOCTYPE x [<!ENTITY e SYSTEM "{secret.as_uri()}"><!ENTITY % p SYSTEM '
        f'"{secret.as_uri()}"> %p;]><html><body><p>一、总体情况&e;</p>'
        "<p>二、主动公开</p></body></html>"
    )
    with pytest.raises(ReadError, match="ENTITY") as error:
        read("xxe.html", xxe.encode())
    assert "TOP-SECRET-CONTENT" not in error.value.detail_en
    from linter.readers.html import _parse

    root = _parse(xxe.encode())
    assert "TOP-SECRET-CONTENT" not in "".join(root.itertext())
    with pytest.raises(ReadError):
        read("passwd.html", b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><p>&e;</p>')


def test_binary_garbage_and_nul_bytes_are_refused() -> None:
    garbage = random.Random(20240125).randbytes(8192)
    with pytest.raises(ReadError) as error:
        read("garbage.html", garbage)
    assert "二进制" in error.value.detail_zh and "binary" in error.value.detail_en
    with pytest.raises(ReadError):
        read("nul.html", b"<html><body><p>a\x00b</p></body></html>")
    with pytest.raises(ReadError) as error:
        read("empty.html", b"  \n ")
    assert "空" in error.value.detail_zh


def test_truncated_page_keeps_what_is_there() -> None:
    data = SHANGHAI_2019.read_bytes()
    cut = data.index("关于着力发挥资本市场作用".encode()) + 4  # inside a character
    doc = read("truncated.html", data[:cut])
    assert doc.encoding == "utf-8" and doc.diagnostics == []
    assert paragraphs(doc)[-1].endswith("若干意见》《关")
    cut = data.index(b">859<")
    doc = read("truncated.html", data[:cut])
    section3 = tables(doc)[1]
    assert len(section3.rows) == 4  # the rows up to the cut; the cut cell is there, empty
    assert [c.text for c in section3.rows[3][3:]] == ["821", "35", "", "", "2", "1", ""]


def test_parser_limits_become_read_errors() -> None:
    with pytest.raises(ReadError) as error:
        read("deep.html", ("<div>" * 1000 + "x" + "</div>" * 1000).encode())
    assert "256" in error.value.detail_zh
    rows = "".join('<tr><td colspan="100">x</td><td>y</td></tr>' for _ in range(2100))
    with pytest.raises(ReadError) as error:
        read("wide.html", f"<table>{rows}</table>".encode())
    assert "表格过大" in error.value.detail_zh


# --------------------------------------------------------------------------- sniffing


@pytest.mark.parametrize(
    ("head", "suffix", "expected"),
    [
        (b"<!DOCTYPE html>\n<html>", ".html", 100),
        (b"\xef\xbb\xbf  <html lang='zh'>", ".htm", 100),
        (b"<!-- saved from url=(0042)http://x/ -->\r\n<HTML>", "", 95),
        (b"<p style='text-align: center'>2019", ".html", 85),
        ("<table><tr><td>一、总体情况".encode("gbk"), ".txt", 80),
        ("<!DOCTYPE html><html>".encode("utf-16"), ".html", 100),
        (b"2019\xc4\xea\xb6\xc8\xb1\xa8\xb8\xe6\r\n", ".html", 10),
        (b"2019 annual report\n", ".txt", 0),
        (b"%PDF-1.7\n<html>", ".html", 0),
        (b"PK\x03\x04\x14\x00<html>", ".html", 0),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".htm", 0),
        (random.Random(1).randbytes(512).replace(b"<", b"."), ".html", 0),
    ],
)
def test_sniff(head: bytes, suffix: str, expected: int) -> None:
    assert HtmlReader().sniff(head, suffix) == expected


def test_sniff_the_real_pages() -> None:
    for path in (SHANGHAI_2019, *PINGTAN_PAGES):
        assert HtmlReader().sniff(path.read_bytes()[:4096], path.suffix) >= 85


def test_a_tag_with_thousands_of_attributes_is_refused_in_a_small_page_and_a_huge_one():
    """The attribute guard: a page of ordinary size is first split at ">" to see whether
    any tag could be long enough; a huge page goes straight to the pattern. Both refuse
    the tag, and a long run of text without markup (no tag) is read."""
    import pytest

    from linter.document import ReadError
    from linter.readers import Limits
    from linter.readers.html import HtmlReader, _guard_shapes

    bomb = b"<p " + b" ".join(b"data-x%d=1" % i for i in range(2_000)) + b">\xe4\xb8\x80</p>"
    small = b"<html><body>" + bomb + b"</body></html>"
    filler = b"<p>\xe6\x96\x87\xe5\xad\x97</p>\n" * 300_000  # ~5.4 MB of ordinary markup
    huge = b"<html><body>" + filler + bomb + b"</body></html>"
    assert len(small) < 4 << 20 < len(huge)
    for page in (small, huge):
        with pytest.raises(ReadError, match="attributes"):
            _guard_shapes(page)
    long_text = b"<html><body><p>" + "一二三".encode() * 10_000 + b"</p></body></html>"
    _guard_shapes(long_text)  # 90 KB between two ">" but no tag in it: nothing to refuse
    doc = HtmlReader().read("long.html", long_text, Limits())
    assert doc.blocks and len(doc.blocks[0].text) == 30_000


def test_pdftohtml_pages_read_as_the_pdf(engine) -> None:
    """洪泽区 2023 as poppler's ``pdftohtml -s -i`` writes it: each PDF page an HTML
    document of its own, one after another in the file (``</html>`` then ``<!DOCTYPE
    html><html>…<body>``), each line of text an absolutely positioned ``<p>`` and nothing
    of the tables' markup. The parser read only the first document (sections 二 to 六
    'missing', ST001, five errors); then, every page read, the tables were lines of text
    (XT002 for sections 二 to 四). The positions are read as the PDF reader reads a table
    without ruling lines: the PDF's findings (its RL101 and AP002 errors are the report's
    own), each cell's pointing to the line of the file that prints it."""
    path = HTML / "2023_district-hongze_gov.pdftohtml.html"
    text = path.read_text(encoding="utf-8")
    assert text.count("<!DOCTYPE html>") == 5
    result = engine.lint_path(path)
    pdf = Path(__file__).parent / "fixtures" / "pdf" / "2023_district-hongze_gov.pdf"
    assert kinds(result) == kinds(engine.lint_path(pdf))
    report = engine.parse(path)
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    lines = text.split("\n")
    for finding in (f for f in result.findings if f.code == "RL101"):
        line = lines[finding.location.anchor.line - 1]
        assert 'class="ft' in line and re.search(r">\d+</p>", line), line
    doc = HtmlReader().read(str(path), path.read_bytes(), Limits())
    last = next(b for b in reversed(doc.blocks) if isinstance(b, Paragraph))
    line = text.split("\n")[last.anchor.line - 1]
    assert last.text.replace(" ", "")[:6] in html.unescape(line).replace("\xa0", "")


def test_the_source_scans_prefix_tree_finds_what_a_flat_alternation_finds() -> None:
    """The start-tag scan's names are written as a prefix tree for speed (``t(?:able|…)``);
    it must find exactly the tags a flat alternation of the same names finds, whatever the
    case and whatever follows a name (``<th>``/``<thead>``, ``<p>``/``<pre>``/``<param>``)."""
    from linter.readers.html import ANCHORED_TAGS, RAW_TEXT_TAGS, _alternation

    flat = (
        r"<(?:(!--)|(" + "|".join(RAW_TEXT_TAGS) + r")(?=[\s/>])|("
        + "|".join(ANCHORED_TAGS) + r")(?=[\s/>])[^>]*>)"
    )  # fmt: skip
    tree = (
        r"<(?:(!--)|(" + _alternation(RAW_TEXT_TAGS) + r")(?=[\s/>])|("
        + _alternation(ANCHORED_TAGS) + r")(?=[\s/>])[^>]*>)"
    )  # fmt: skip
    assert _alternation(["p", "pre"]) == "p(?:re)?"
    names = [*ANCHORED_TAGS, *RAW_TEXT_TAGS, "param", "tab", "thx", "h7", "b", "span", "ddd"]
    rng = random.Random(16)
    pieces = ["<", "</", ">", " ", "/", "\n", "<!--", "-->", "x", "='a>'", *names]
    samples = [f"<{name}{end}" for name in names for end in (">", " ", "/", "x", "")]
    samples += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    for flags in (0, re.IGNORECASE):
        for sample in (*samples, *(s.upper() for s in samples)):
            expected = [(m.span(), m.groups()) for m in re.finditer(flat, sample, flags)]
            assert [(m.span(), m.groups()) for m in re.finditer(tree, sample, flags)] == expected


@pytest.mark.parametrize("stop", ["．", "&#65294;", "&#xff0e;"])
def test_headings_numbered_with_a_full_width_stop(stop: str) -> None:
    # 一．总体情况 (U+FF0E, printed or as a character reference) is a heading as 一、总体情况
    # is: the article is found by its headings, not by its share of the page's text (the
    # site's link list beside it holds more). (A page without any full-width stop has
    # only its text nodes holding a 、 looked at.)
    article = re.sub(r"<p>([一二三六])、", rf"<p>\1{stop}", EXCERPT)
    links = "".join(
        f"<li><a>上海市人民政府办公厅{year}年政府信息公开工作年度报告</a></li>"
        for year in range(2008, 2019)
    )
    source = page(f"<div><ul>{links}</ul></div><div>{article}</div>")
    doc = read("stops.html", source.encode())
    assert paragraphs(doc)[0] == "一．总体情况"
    assert "2008" not in all_text(doc) and len(tables(doc)) == 1
    assert_anchors_point_at_tags(doc, source)


def _in_runs(text: str, wide: float = 1.15) -> str:
    """pdftohtml's page as Chromium's prints come out of it: each line of text printed in
    two runs (a run ends at each change of font, or at a glyph taken from a fallback
    font), each run a ``<p>`` of its own at the same ``top``, the second starting where
    the glyphs of the first really end (in a heading, ``wide`` times as wide as the font
    size says: the size pdftohtml writes is not the glyphs' advance, and a print scaled
    down has narrower glyphs), headings in bold (``<b>`` inside the ``<p>``)."""
    sizes = {m[1]: int(m[2]) for m in re.finditer(r"\.(ft\w+)\{font-size:(\d+)px", text)}

    def split(m: re.Match) -> str:
        top, left, cls, body = m[1], int(m[2]), m[3], m[4]
        if "<" in body or "&" in body or len(body) < 6:
            return m[0]
        k = len(body) // 2
        factor = wide if re.match("[一二三四五六]、(总体|主动|收到|政府|存在|其他)", body) else 1.0
        size = sizes.get(cls, 16)
        at = left + round(sum(size if ord(c) >= 0x2E80 else size / 2 for c in body[:k]) * factor)
        if re.match("[一二三四五六]、", body):
            first, second = f"<b>{body[:k]}</b>", f"<b>{body[k:]}</b>"
        else:
            first, second = body[:k], body[k:]
        p = '<p style="position:absolute;top:{}px;left:{}px;white-space:nowrap" class="{}">{}</p>'
        return p.format(top, left, cls, first) + "\n" + p.format(top, at, cls, second)

    return re.sub(
        r'<p style="position:absolute;top:(\d+)px;left:(\d+)px;white-space:nowrap" '
        r'class="(\w+)">(.*?)</p>',
        split,
        text,
    )


@pytest.mark.parametrize("wide", [1.15, 0.6])
def test_pdftohtml_lines_printed_in_runs_are_read_whole(engine, tmp_path, wide) -> None:
    """A PDF printed by Chromium sets a line of text in several runs (“⼀、总” then
    “体情况”, “三、收到和处理政府” “信息” “公开申请情况”), and pdftohtml puts each run in
    a ``<p>`` of its own, bold runs as ``<b>`` inside it: each run was a paragraph, the
    bold ones not even read, and the headings cut so were not found (ST001 'section
    missing', errors, on 109 of the 135 pdftohtml pages of bench/probe_extracts.py). The
    runs that touch on one line are one paragraph: 洪泽区 2023's pdftohtml page so
    printed gives its own findings, with glyphs wider than their size says, and narrower
    (a print scaled to 0.5, with no font size written: the runs' reckoned widths
    overlapped, and the heading was not joined)."""
    path = HTML / "2023_district-hongze_gov.pdftohtml.html"
    text = path.read_text(encoding="utf-8")
    runs = tmp_path / "hongze.runs.html"
    runs.write_text(_in_runs(text, wide), encoding="utf-8")
    assert runs.read_text(encoding="utf-8").count("<b>") > 8
    assert kinds(engine.lint_path(runs)) == kinds(engine.lint_path(path))
    report = engine.parse(runs)
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]


def test_pdftohtml_watermark_is_not_read_into_the_lines_it_crosses(engine, tmp_path) -> None:
    """A diagonal watermark printed by Chromium (“仅供参考”, 89px, grey at opacity 0.35:
    平潭 2022 so printed) is two runs in pdftohtml's page, “仅供” and “参考”, each as tall
    as three lines of text: they made one line of the three they cross, and section 一's
    heading, printed in runs, was not joined (its runs and the others' interleaved):
    section 一 'missing' (ST001, an error). A translucent run is a watermark, not the
    report's text: 洪泽区 2023's pdftohtml page in runs with such a watermark across
    section 一's heading gives its own findings (fails before)."""
    path = HTML / "2023_district-hongze_gov.pdftohtml.html"
    text = _in_runs(path.read_text(encoding="utf-8"))
    heading = '<p style="position:absolute;top:561px;left:159px'  # 一、总体情况
    assert heading in text
    mark = (
        '<p style="position:absolute;top:{}px;left:{}px;white-space:nowrap" class="ftwm">{}</p>\n'
    )
    style = ".ftwm{font-size:89px;font-family:Times;color:#b4b4b4;opacity:0.349020;}"
    text = text.replace(
        '<style type="text/css">\n<!--\n', f'<style type="text/css">\n<!--\n{style}\n', 1
    )
    assert style in text
    marks = mark.format(530, 420, "仅供") + mark.format(500, 560, "参考")
    text = text.replace(heading, marks + heading, 1)
    marked = tmp_path / "hongze.watermark.html"
    marked.write_text(text, encoding="utf-8")
    assert [s.number for s in engine.parse(marked).sections] == [1, 2, 3, 4, 5, 6]
    assert kinds(engine.lint_path(marked)) == kinds(engine.lint_path(path))
