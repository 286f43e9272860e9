"""Plain-text reader: converter output, archiver dumps and markdown.

Three layouts are read, line by line, into paragraphs and tables:

* Tika-style extraction of a Word file: every table cell on its own line behind a TAB,
  a blank line between table rows, an empty TAB line for a merged or empty cell, and
  ``[bookmark: …]`` artefacts, which are dropped.
* Markdown pipe tables (``| a | b |`` with ``|---|`` separator lines), as produced by
  PDF-to-markdown converters; the table may be cut into many fragments.
* HTML tables in markdown (``<table><tr><td rowspan="2">…``, on one line or several), as
  MinerU, marker and other PDF-to-markdown converters write a table with merged cells:
  read by the HTML reader's table code, anchored to this file's lines and columns.
* Plain paragraphs, one per line. An archiver's metadata header (``标题: …``,
  ``发布时间: …`` up to a ``==== 正文 ====`` line) goes into the metadata. A very long
  line that holds the whole body (a flattened web page) is cut at the section headings
  printed inside it, so that the sections can still be found; its tables cannot be
  recovered and are not invented.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from linter.document import Anchor, Diagnostic, Document, Paragraph, ReadError, Table, TableCell
from linter.labels import SECTIONS
from linter.readers import (
    PUBLISHED_LABELS,
    Limits,
    Reader,
    collector_paused,
    decode_text,
    is_binary,
    iso_date,
)
from linter.textnorm import is_data_like, parse_cell, unify_radicals
from linter.traditional import forms, pattern, simplified

_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_PAGE_NUMBER = re.compile(r"^[\s—\-－–]*\d{1,3}[\s—\-－–]*$")
_MADE_NAME = re.compile(r"^Col\d+$")  # PyMuPDF's name for an empty header cell
_MD_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_META_KEYS = (
    "标题",
    "发布时间",
    "发布日期",
    "成文日期",
    "文号",
    "发布机构",
    "栏目",
    "原文链接",
    "索引号",
)
_META_LINE = re.compile(f"^({'|'.join(map(pattern, _META_KEYS))})\\s*[:：]\\s*(.*)$")
_BODY_MARK = re.compile(r"^=+\s*正文\s*=+$")
_LONE_YEAR = re.compile(r"^(?:19|20)\d\d$")
_NUMERALS = "一二三四五六"
# An inline heading inside a flattened line: the numeral, 、 and the start of a heading
# (in simplified or traditional characters).
_INLINE_HEADING = re.compile(
    "(?:"
    + "|".join(f"{_NUMERALS[s.number - 1]}、(?:{'|'.join(map(pattern, s.cues))})" for s in SECTIONS)
    + ")"
)
# The same numbered “（一）” (a report numbering its six parts so): used for a flattened
# line when it names more sections than the “一、” form does.
_INLINE_PAREN_HEADING = re.compile(
    "(?:"
    + "|".join(
        f"[（(]{_NUMERALS[s.number - 1]}[）)](?:{'|'.join(map(pattern, s.cues))})" for s in SECTIONS
    )
    + ")"
)
_FLATTENED_MIN_CHARS = 400
# Inline HTML that markdown converters leave in table cells.
_INLINE_TAG = re.compile(
    r"</?(?:sup|sub|b|i|u|s|em|strong|span|font|small|big)(?:\s[^<>]*)?>", re.I
)
# A line wholly in markdown emphasis: the markers are markup, not the report's text.
_WHOLE_LINE_EMPHASIS = re.compile(r"^(\*\*|__)((?:(?!\1).)+)\1$")
_INLINE_CUTS_PER_HEADING = 3

_WHITESPACE = " \t\u3000\u00a0\r\ufeff\f"


class TextReader(Reader):
    name = "text"
    media_type = "text/plain"
    suffixes = (".txt", ".text", ".md", ".markdown")
    label_zh = "文本"
    label_en = "text"

    def sniff(self, head: bytes, suffix: str) -> int:
        if not head:
            return 10
        if head.startswith((b"PK\x03\x04", b"%PDF", b"\xd0\xcf\x11\xe0")):
            return 0
        if suffix in self.suffixes:
            return 50
        return 20

    @collector_paused
    def read(self, path: str, data: bytes, limits: Limits) -> Document:
        if not data.strip():
            raise ReadError(
                "文件为空（没有任何内容），请确认上传或转换是否成功。",
                "the file is empty: check that the upload or the conversion worked.",
                cause="empty",
            )
        if is_binary(data):
            raise ReadError(
                "文件内容是二进制数据而不是文本，可能是扩展名有误（例如 .doc/.pdf/.docx 被改名为 .txt）；"
                "请提供原始格式的文件或正确导出的文本。",
                "the content is binary, not text: the extension is probably wrong (e.g. a "
                ".doc/.pdf/.docx renamed to .txt); supply the original file or a proper text export.",
                cause="wrong-extension",
            )
        decoded = decode_text(data)
        # Every line is read from the text with its radicals unified (below).
        doc = Document(
            path=path, media_type=self.media_type, encoding=decoded.encoding, radicals_read=True
        )
        if path.lower().endswith((".md", ".markdown")):
            doc.media_type = "text/markdown"
        if decoded.fallback:
            doc.diagnostics.append(_encoding_diagnostic(decoded.encoding, decoded.replaced))
        text = unify_radicals(decoded.text)
        spaced = _double_spaced(text)
        if spaced is None:
            _parse_lines(text.split("\n"), doc)
        else:
            _parse_lines(spaced[0], doc)
            _respaced(doc, spaced[1])
        if "published" not in doc.metadata and (date := _page_date(text)):
            doc.metadata["published"] = date
        if "title" not in doc.metadata and (title := _page_title(text)):
            doc.metadata["title"] = title
        return doc


# A text whose lines stand each alone between blank lines, as docx2txt writes a Word file:
# each paragraph, and each table cell's, then a blank line (an empty cell: a blank line
# more; a line break inside a cell, “结果” / “纠正”, a line of its own). Read one item a
# line, as LibreOffice's text export sets a table, anchors moved back to the file's
# lines. Only a text this long (a report, not a note), without a TAB (Tika's cells), and
# with few items of more than one line.
_SPACED_ITEMS = 40
_SPACED_BROKEN = 0.05


def _double_spaced(text: str) -> tuple[list[str], list[int]] | None:
    """The items of a text written one to a line with a blank line after each, and the
    file's line (1-based) each begins on; None for any other text."""
    if "\n\n" not in text or "\t" in text:
        return None
    items = text.removesuffix("\n").split("\n\n")
    broken = sum("\n" in item for item in items)
    if len(items) < _SPACED_ITEMS or broken > _SPACED_BROKEN * len(items):
        return None
    # Three line ends in a row (a web page's text sets a heading or its header lines apart
    # so) count among the items broken: the item is read from its first line of text. An
    # item of three lines or more is a block the page prints a line each (索引号 / 发布机构
    # … above the title), not a cell broken in two (“结果” / “纠正”): its lines are kept.
    lines: list[str] = []
    starts: list[int] = []
    line = 1
    for item in items:
        first = line + len(item) - len(item.lstrip("\n"))
        pieces = item.strip("\n").split("\n")
        if len(pieces) > 2:
            lines.extend(pieces)
            starts.extend(range(first, first + len(pieces)))
        else:
            lines.append("".join(pieces))
            starts.append(first)
        line += item.count("\n") + 2
    return lines, starts


def _respaced(doc: Document, starts: list[int]) -> None:
    """Anchors into the items of :func:`_double_spaced` as lines of the file."""
    from dataclasses import replace

    def at(line: int | None) -> int | None:
        return starts[line - 1] if line is not None and 0 < line <= len(starts) else line

    def moved(a: Anchor) -> Anchor:
        return a if a.line is None else replace(a, line=at(a.line), end_line=at(a.end_line))

    blocks: list = []
    for block in doc.blocks:
        if isinstance(block, Table):
            rows = tuple(
                tuple(TableCell(c.text, moved(c.anchor), c.hmerge, c.vmerge) for c in row)
                for row in block.rows
            )
            blocks.append(Table(rows, moved(block.anchor), block.grid))
        else:
            blocks.append(Paragraph(block.text, moved(block.anchor)))
    doc.blocks = blocks
    doc.diagnostics = [replace(d, anchor=moved(d.anchor)) for d in doc.diagnostics]


def _encoding_diagnostic(encoding: str, replaced: int) -> Diagnostic:
    if replaced:
        return Diagnostic(
            "XT003",
            f"文本不是有效的 UTF-8 或 GB18030，已用替换字符解码（{replaced} 处无法识别）；"
            "部分文字可能缺失，请用 UTF-8 重新导出。",
            f"the text is neither valid UTF-8 nor GB18030 and was decoded with {replaced} "
            "replacement characters; some text may be lost: re-export it as UTF-8.",
            args=(("encoding", encoding),),
        )
    return Diagnostic(
        "XT003",
        "文件不是 UTF-8 编码，已按 GB18030（兼容 GBK/GB2312）解码；建议另存为 UTF-8。",
        "the file is not UTF-8 and was decoded as GB18030 (a superset of GBK/GB2312); "
        "consider saving it as UTF-8.",
        args=(("encoding", encoding),),
    )


def _stray_years(lines: list[str], start: int) -> dict[int, int]:
    """Years printed out of their line: {line of the text: line of its year}.

    A PDF printer may set a year in another font whose baseline differs from the text's;
    ``pdftotext`` then prints “2024” on a line of its own, under (with ``-layout``) or after
    (without) the line that goes on “年制作、获取…”. A line cannot begin with 年 in running
    text, so a line that does, followed within its block (no blank line between, at most
    three lines on) by a line that is only a year, is the year's line.
    """
    found: dict[int, int] = {}
    taken: set[int] = set()
    n = len(lines)
    for i in range(start, n):
        if not lines[i].strip(_WHITESPACE + "\f").startswith("年"):
            continue
        for j in range(i + 1, min(i + 4, n)):
            text = lines[j].strip(_WHITESPACE + "\f")
            if not text:
                break
            if _LONE_YEAR.match(text) and j not in taken:
                found[i] = j
                taken.add(j)
                break
    return found


def _parse_lines(lines: list[str], doc: Document) -> None:
    start = _read_metadata_header(lines, doc)
    strays = _stray_years(lines, start)
    skip = set(strays.values())
    # One cell per line is read only from a file that is not a PDF's text (pdftotext sets
    # pages apart with form feeds): a PDF's text may print a row's values before its label.
    cell_lines = not any("\f" in line for line in lines)
    # Lines holding a pipe alone: a table's cell separators (see _read_separated_cells).
    lone_pipes = {k for k, line in enumerate(lines) if line.strip(_WHITESPACE) == "|"}
    # The lines holding a pipe, a TAB or a tag's “<”: the readings of TAB-separated,
    # pasted, Tika, HTML and pipe tables each need one on the line or two lines on (a
    # pasted cell's separator, a bare pipe table's first row); most lines of a report have
    # none, and are not asked the seven questions (one C pass over the text instead).
    marked = [("|" in line or "\t" in line or "<" in line) for line in lines]
    marked += (False, False)
    i = start
    n = len(lines)
    while i < n:
        if i in skip:
            i += 1
            continue
        line = lines[i].rstrip("\r")
        if i in strays:
            k = line.index("年")
            line = line[:k] + lines[strays[i]].strip(_WHITESPACE + "\f") + line[k:]
        if (marked[i] or marked[i + 2]) and (
            after := _read_marked(lines, i, line, doc)
        ) is not None:
            i = after
            continue
        if _is_layout_start(line) or _is_layout_header(lines, i):
            i = _read_layout_table(lines, i, doc)
            continue
        if cell_lines and _is_padded_separated_start(lines, i):
            i = _read_pipe_table(lines, i, doc, terminated=True)
            continue
        if (
            cell_lines
            and not lone_pipes.isdisjoint(range(i + 1, i + 1 + _SEPARATED_CELL_LINES))
            # (lines right above such a padded table are none of its cells: no pipe after them)
            and not any(
                _is_padded_separated_start(lines, k)
                for k in range(i + 1, i + 1 + _SEPARATED_CELL_LINES)
            )
            and (after := _read_separated_cells(lines, i, doc)) is not None
        ):
            i = after
            continue
        if cell_lines and (end := _cell_lines_region(lines, i)) is not None:
            if not _read_cell_lines_table(lines, i, end, doc):
                for k in range(i, end):  # not a table that can be trusted: its text
                    _add_paragraphs(lines[k].rstrip("\r"), k + 1, doc)
            i = end
            continue
        _add_paragraphs(line, i + 1, doc)
        i += 1


def _read_marked(lines: list[str], i: int, line: str, doc: Document) -> int | None:
    """The table of TABs, pasted cells, Tika cells, HTML or pipes starting at line ``i``
    (``line``, its text), read into ``doc``: the line after it; None when none starts
    there. (Each needs a TAB, a pipe or a “<” on line ``i`` or two lines on.)"""
    if _tab_cells(line) is not None:
        return _read_tab_table(lines, i, doc)
    if _is_pasted_cells_start(lines, i):
        return _read_pasted_cells_table(lines, i, doc)
    if line.startswith("\t"):
        return _read_tika_table(lines, i, doc)
    if _HTML_TABLE_START.match(line):
        return _read_html_table(lines, i, doc)
    if line.lstrip(" ").startswith("|"):
        if _is_marked_rows_start(lines, i):
            return _read_pipe_table(lines, i + 1, doc, terminated=True, marked=True)
        if not line.strip(_WHITESPACE + "|") and _is_terminated_pipe_start(lines, i + 1):
            # (a line of pipes alone before a table whose cells each end in a pipe: the
            # mark an extractor prints between rows, before the first row too)
            return i + 1
        return _read_pipe_table(lines, i, doc)
    if _is_bare_pipe_start(lines, i):
        return _read_pipe_table(lines, i, doc, bare=True)
    if _is_terminated_pipe_start(lines, i):
        return _read_pipe_table(lines, i, doc, terminated=True)
    return None


def _read_metadata_header(lines: list[str], doc: Document) -> int:
    """Read an archiver's ``key: value`` header ending at ``=== 正文 ===``; return the body start."""
    for idx, line in enumerate(lines[:40]):
        if _BODY_MARK.match(line.strip()):
            for head in lines[:idx]:
                m = _META_LINE.match(head.strip())
                if not m or not m.group(2).strip():
                    continue
                key, value = simplified(m.group(1)), m.group(2).strip()
                if key == "标题":
                    doc.metadata["title"] = value
                elif key in ("发布时间", "发布日期"):
                    if date := iso_date(value):
                        doc.metadata["published"] = date
                elif key == "成文日期":
                    if date := iso_date(value):
                        doc.metadata["written"] = date
                elif key == "发布机构":
                    doc.metadata["agency"] = value
                elif key == "原文链接":
                    doc.metadata["url"] = value
            return idx + 1
    return 0


# A web page's text carries its date above the report, as the page shows it
# (“发布日期: 2021-01-29  来源:大五里镇”, “来源:原创  发布时间:2023-01-31 13:24”), or its
# information table as rows of cells each followed by a pipe (“发布机构 | 连云港经济技术开发区
# | 发文日期 | 2020-02-03 |”, seen in a 2019 开发区 report's stored page).
# The bare labels 时间 / 日期 (“来源:公安局 时间:2023-01-11 15:51”, “日期:2023-01-17 15:39:00”,
# seen on 2022–2024 区县局 pages) count where no word runs into them: 成文日期, 更新时间 and
# 统计时间 name other dates.
_PAGE_DATE = re.compile(
    f"(?:{'|'.join(map(pattern, PUBLISHED_LABELS))}"
    f"|(?<![\\u4e00-\\u9fff]){pattern('时间')}|(?<![\\u4e00-\\u9fff]){pattern('日期')})"
    # (or a space alone, the label and its date in a table's cells: “发布日期 2023-01-18”)
    "(?:\\s*[:：|｜]\\s*|\\s+(?=\\d))(.*)"
)
# The title in such a table: “标 题 | 连云港经济技术开发区管理委员会2019年…年度报告 | ||”.
_PAGE_TITLE = re.compile(
    "^(?:"
    + "|".join("\\s*".join(pattern(c) for c in label) for label in ("标题", "名称", "题名"))
    + ")\\s*[|｜]\\s*([^|｜]+?)\\s*[|｜]"
)
_PAGE_DATE_LINES = 12  # lines (not blank) above the report in which the page's date stands
_PAGE_DATE_LINE = 120  # characters: a longer line is text, not the page's date line


def _page_head(text: str) -> Iterator[str]:
    """The short lines (not blank) among a web page's text's first lines, above section
    一's heading: where the page prints its date, and its information table."""
    seen = 0
    for line in text.split("\n", 200)[:200]:
        line = line.strip(_WHITESPACE)
        if not line:
            continue
        seen += 1
        if seen > _PAGE_DATE_LINES or line.startswith(("一、", "一.", "一．")):
            return
        if len(line) <= _PAGE_DATE_LINE:
            yield line


def _page_date(text: str) -> str | None:
    """The date a web page's text shows with its label (发布日期, 发布时间 …) on a short
    line among its first lines, above section 一's heading: the page's publication date,
    as the HTML reader takes it from a page's visible labels. None when there is none."""
    for line in _page_head(text):
        if m := _PAGE_DATE.search(line):
            date = iso_date(m.group(1))
            if date and 1949 <= int(date[:4]) <= 2100:
                return date
    return None


def _page_title(text: str) -> str | None:
    """The title a web page's information table names in a cell (标 题 | … |), printed as
    rows of cells each followed by a pipe among the text's first lines; None when there is
    none. (The page's own title, as the HTML reader reads a page's title.)"""
    for line in _page_head(text):
        if m := _PAGE_TITLE.match(line):
            return m.group(1)
    return None


def _clean(text: str, column: int) -> tuple[str, int]:
    """Strip artefacts and surrounding whitespace; return the text and its 1-based column."""
    if "[bookmark:" in text:
        # Artefacts before the text shift its start; ones inside are simply removed.
        while (m := _BOOKMARK.match(text.lstrip(_WHITESPACE))) is not None:
            lead = len(text) - len(text.lstrip(_WHITESPACE))
            column += lead + m.end()
            text = text.lstrip(_WHITESPACE)[m.end() :]
        text = _BOOKMARK.sub("", text)
    stripped = text.lstrip(_WHITESPACE)
    column += len(text) - len(stripped)
    return stripped.rstrip(_WHITESPACE), column


def _add_paragraphs(line: str, line_no: int, doc: Document) -> None:
    text, column = _clean(line.lstrip("#"), 1 + len(line) - len(line.lstrip("#")))
    if not text or _PAGE_NUMBER.match(text):
        return
    emphasis = _WHOLE_LINE_EMPHASIS.match(text)
    if emphasis:  # markdown's bold line (html2text, markitdown, MinerU): "**一、总体情况**"
        inner, inner_column = _clean(emphasis.group(2), column + len(emphasis.group(1)))
        if inner:
            text, column = inner, inner_column
    if len(text) >= _FLATTENED_MIN_CHARS:
        # A flattened page: cut at the section headings printed inside the line, numbered
        # “一、” or, when that names fewer sections, “（一）”.
        cuts, named = _inline_cuts(text, _INLINE_HEADING)
        if named < len(SECTIONS):
            paren_cuts, paren_named = _inline_cuts(text, _INLINE_PAREN_HEADING)
            if paren_named > named:
                cuts = paren_cuts
        bounds = [0, *cuts, len(text)]
        for a, b in zip(bounds, bounds[1:], strict=False):
            piece = text[a:b].strip(_WHITESPACE)
            if piece:
                lead = len(text[a:b]) - len(text[a:b].lstrip(_WHITESPACE))
                doc.blocks.append(Paragraph(piece, _span(line_no, column + a + lead, piece)))
        return
    doc.blocks.append(Paragraph(text, _span(line_no, column, text)))


def _inline_cuts(text: str, pattern: re.Pattern[str]) -> tuple[list[int], int]:
    """Where a flattened line is cut at the headings ``pattern`` finds inside it, and how
    many sections they name. At most a few cuts per heading (a contents list, the body):
    a line repeating one heading thousands of times is text, not thousands of sections."""
    seen: dict[str, int] = {}
    cuts = []
    for m in pattern.finditer(text):
        numeral = m.group().lstrip("（(")[0]
        seen[numeral] = seen.get(numeral, 0) + 1
        if m.start() > 0 and seen[numeral] <= _INLINE_CUTS_PER_HEADING:
            cuts.append(m.start())
    return cuts, len(seen)


def _span(line: int, column: int, text: str) -> Anchor:
    """The anchor of ``text`` printed on ``line`` from ``column``, with its end."""
    return Anchor(line, column, line, column + len(text))


def _table_anchor(start_line: int, column: int, rows: list[tuple[TableCell, ...]]) -> Anchor:
    """From the table's first line to the end of its last cell."""
    last = next((row[-1].anchor for row in reversed(rows) if row), None)
    if last is None or last.end_line is None:
        return Anchor(line=start_line, column=column)
    return Anchor(start_line, column, last.end_line, last.end_column)


def _read_tika_table(lines: list[str], i: int, doc: Document) -> int:
    """Read TAB-prefixed cell lines, rows separated by blank lines, until body text."""
    rows: list[tuple[TableCell, ...]] = []
    current: list[TableCell] = []
    start = i
    n = len(lines)
    while i < n:
        raw = lines[i].rstrip("\r")
        if raw.startswith("\t"):
            text, column = _clean(raw[1:], 2)
            current.append(TableCell(text, _span(i + 1, column, text)))
            i += 1
            continue
        if raw.strip(_WHITESPACE) == "":
            if current:
                rows.append(tuple(current))
                current = []
            # The table goes on if more cell lines follow after the blank lines.
            j = i
            while j < n and lines[j].strip(_WHITESPACE) == "" and not lines[j].startswith("\t"):
                j += 1
            if j < n and lines[j].startswith("\t") and j - i <= 1:
                i = j
                continue
            break
        break
    if current:
        rows.append(tuple(current))
    if rows and all(len(row) == 1 for row in rows):
        # Not a table: paragraphs indented by a TAB (a Word-exported page as a browser
        # gives its text: "\t一、总体情况").
        for k in range(start, i):
            _add_paragraphs(lines[k].rstrip("\r"), k + 1, doc)
    elif rows:
        doc.blocks.append(Table(tuple(rows), _table_anchor(start + 1, 2, rows)))
    return i


# --- a page's text as a browser gives it (copy and paste, ``innerText``): a table's cells
# are set apart by TABs, a row to a line; or, when each cell holds a <p>, each cell is a
# paragraph of its own, cells set apart by a line holding only a TAB and rows by a run of
# blank lines. Merged cells are not repeated: rows under a tall cell have fewer cells.
_PASTED_ROW_BREAK = 3  # blank lines between rows (cells with <p>); 1 between a cell's lines
_PASTED_CAPTION_MAX = 40  # characters of a one-cell row inside a TAB table ("第二十条第（一）项")


def _tab_cells(line: str) -> list[tuple[str, int]] | None:
    """The cells of a line that is a TAB-separated row, with their 1-based columns; None
    for a line without a TAB between cells (a Tika cell line is one leading TAB)."""
    line = line.rstrip("\r")
    if "\t" not in line.lstrip("\t") or not line.strip(_WHITESPACE):
        return None
    cells: list[tuple[str, int]] = []
    position = 0
    for piece in line.split("\t"):
        cells.append(_clean(piece, position + 1))
        position += len(piece) + 1
    return cells


def _tab_row(cells: list[tuple[str, int]], line_no: int) -> tuple[TableCell, ...]:
    return tuple(TableCell(text, _span(line_no, column, text)) for text, column in cells)


def _read_tab_table(lines: list[str], i: int, doc: Document) -> int:
    """Consecutive TAB-separated rows (and short one-cell caption rows between them)."""
    rows: list[tuple[TableCell, ...]] = []
    start, n = i, len(lines)
    while i < n:
        raw = lines[i].rstrip("\r")
        cells = _tab_cells(raw)
        if cells is None:
            text, column = _clean(raw, 1)
            following = _tab_cells(lines[i + 1]) if i + 1 < n else None
            if not _short_cell_text(text) or following is None:
                break
            cells = [(text, column)]
        rows.append(_tab_row(cells, i + 1))
        i += 1
    doc.blocks.append(Table(tuple(rows), _table_anchor(start + 1, 1, rows)))
    return i


def _separator(line: str) -> tuple[int, bool] | None:
    """A line of TABs between cells, with blank cells (a no-break space) between them:
    (the TABs, whether a blank cell follows the last one); None for any other line."""
    line = line.rstrip("\r")
    if "\t" not in line or line.strip(_WHITESPACE):
        return None
    return line.count("\t"), bool(line.rsplit("\t", 1)[1])


def _is_pasted_cells_start(lines: list[str], i: int) -> bool:
    """A cell's text, a blank line, a line of TABs, a blank line: the next cell."""
    return (
        i + 3 < len(lines)
        and bool(lines[i].strip(_WHITESPACE))
        and not lines[i].startswith("\t")
        and not lines[i + 1].strip(_WHITESPACE)
        and "\t" not in lines[i + 1]
        and _separator(lines[i + 2]) is not None
        and not lines[i + 3].strip(_WHITESPACE)
    )


def _read_pasted_cells_table(lines: list[str], i: int, doc: Document) -> int:
    """Cells each a paragraph of its own (see above), until text that is not a cell."""
    rows: list[tuple[TableCell, ...]] = []
    row: list[TableCell] = []
    parts: list[tuple[str, int, int]] = []  # the current cell's lines: text, line, column
    expect = False  # after a separator: the next text is a new cell of this row
    start, n = i, len(lines)

    def close_cell(line_no: int) -> None:
        if parts:
            text = "".join(p[0] for p in parts)
            first, last = parts[0], parts[-1]
            row.append(TableCell(text, Anchor(first[1], first[2], last[1], last[2] + len(last[0]))))
            parts.clear()
        elif expect:  # nothing between two separators: a blank cell
            row.append(TableCell("", Anchor(line=line_no)))

    blanks = 0
    last_line = i
    while i < n:
        raw = lines[i].rstrip("\r")
        separator = _separator(raw)
        if separator is not None:
            close_cell(i + 1)
            tabs, blank_after = separator
            row.extend(TableCell("", Anchor(line=i + 1)) for _ in range(tabs - 1 + blank_after))
            expect, blanks, last_line = not blank_after, 0, i
            i += 1
            continue
        text, column = _clean(raw, 1)
        if not text:
            if "\t" in raw:  # TABs among text: not this form
                break
            blanks += 1
            i += 1
            continue
        if expect and blanks < _PASTED_ROW_BREAK:
            if _INLINE_HEADING.match(text) or ("。" in text and len(text) > _PASTED_CAPTION_MAX):
                break  # the text after the table's last separator
            expect = False
        elif blanks >= _PASTED_ROW_BREAK or not row and not parts:
            # a new row (after a row whose last cell may be blank: a no-break space)
            if (row or parts) and not _starts_pasted_row(lines, i):
                break  # the text after the table
            if row or parts:
                close_cell(i + 1)
                rows.append(tuple(row))
                row = []
            expect = False
        elif not (parts and _continues_cell(parts[-1][0], text, lines, i)):
            break  # the text after the table
        parts.append((text, i + 1, column))
        last_line, blanks = i, 0
        i += 1
    close_cell(last_line + 1)
    if row:
        rows.append(tuple(row))
    doc.blocks.append(Table(tuple(rows), _table_anchor(start + 1, 1, rows)))
    return last_line + 1


def _starts_pasted_row(lines: list[str], i: int) -> bool:
    """Line ``i`` begins a row: its first cell, a separator after it; or a short one-cell
    row (a caption such as 第二十条第（六）项) with a row of cells after it."""
    # a first cell of a few short lines ("结果" / "维持" around a <br>) or paragraphs
    # ("商业" / "企业", one blank line apart)
    j, n = i, len(lines)
    for _ in range(6):
        if _is_pasted_cells_start(lines, j):
            return True
        if j + 1 < n and _short_cell_text(lines[j + 1]):
            j += 1
        elif j + 2 < n and "\t" not in lines[j + 1] and _short_cell_text(lines[j + 2]):
            if lines[j + 1].strip(_WHITESPACE):
                break
            j += 2
        else:
            break
    if not _short_cell_text(lines[i]):
        return False
    j = _past_blank_lines(lines, i)
    return j - i > _PASTED_ROW_BREAK and _is_pasted_cells_start(lines, j)


def _past_blank_lines(lines: list[str], i: int) -> int:
    """The first line after ``i`` that holds something (a TAB counts), or the end."""
    j = i + 1
    while j < len(lines) and not lines[j].strip(_WHITESPACE) and "\t" not in lines[j]:
        j += 1
    return j


def _short_cell_text(line: str) -> bool:
    text = line.strip(_WHITESPACE)
    return bool(text) and len(text) <= _PASTED_CAPTION_MAX and "。" not in text


def _continues_cell(previous: str, text: str, lines: list[str], i: int) -> bool:
    """``text`` one blank line after ``previous`` is more of the same cell (a cell of two
    paragraphs: "商业" / "企业", or one per character: "纠" / "正") only when the cell goes on,
    over more such short lines, to a separator or a row break, and neither is a figure, a
    heading or a sentence."""
    if _INLINE_HEADING.match(text) or not _short_cell_text(text):
        return False
    if parse_cell(previous).state == "number" or parse_cell(text).state == "number":
        return False
    n = len(lines)
    for _ in range(12):
        j = _past_blank_lines(lines, i)
        if j >= n or _separator(lines[j]) is not None or j - i > _PASTED_ROW_BREAK:
            return True
        if j - i > 2 or not _short_cell_text(lines[j]) or _INLINE_HEADING.match(lines[j]):
            return False
        i = j
    return False


def _split_pipe_row(line: str) -> list[tuple[str, int]]:
    """Split ``| a | b |`` into (cell text, 0-based offset of the cell) pairs."""
    cells: list[tuple[str, int]] = []
    body_start = line.index("|") + 1
    if "\\" not in line:  # no escapes: every pipe ends a cell (split in C, not per character)
        *pieces, tail = line[body_start:].split("|")
        at = body_start
        for piece in pieces:
            cells.append((piece, at))
            at += len(piece) + 1
        if tail.strip():
            cells.append((tail, at))
        return cells
    pos = body_start
    buf_start = pos
    escaped = False
    for k in range(body_start, len(line)):
        ch = line[k]
        if escaped:
            escaped = False
            continue
        if ch == "\\":
            escaped = True
            continue
        if ch == "|":
            cells.append((line[buf_start:k], buf_start))
            buf_start = k + 1
    tail = line[buf_start:]
    if tail.strip():
        cells.append((tail, buf_start))
    return cells


def _is_bare_pipe_start(lines: list[str], i: int) -> bool:
    """A pipe table written without the outer pipes (html2text: ``规章| 0| 0| 0``): a header
    line, a separator (``---|---``, or ``---`` under a one-cell header), then a row."""
    return (
        i + 2 < len(lines)
        and bool(lines[i].strip(_WHITESPACE))
        and not _MD_SEPARATOR.match(lines[i])
        and _MD_SEPARATOR.match(lines[i + 1]) is not None
        and ("|" in lines[i] or "|" in lines[i + 2])
        and "|" in lines[i + 2]
    )


_GROUP_PIECE = 10  # characters: at most a line of a group label (三、本年度办理结果)


def _without_group_pieces(text: str) -> str:
    """The label of a row of figures whose cell also holds, above it, the lines of the
    group label printed down the merged column beside it (PyMuPDF's markdown: “三、<br>
    本年<br>（一）予以公开”, “开<br>2.其他法律行政法规禁<br>止公开”): the label from its
    last numbered line on (a label has no numbered line inside it). Only when the lines
    above are short, as a group label's pieces are."""
    lines = text.split("\n")
    for k in range(len(lines) - 1, 0, -1):
        if _NUMBERING_START.match(lines[k].strip(_WHITESPACE)):
            above = [t.strip(_WHITESPACE) for t in lines[:k]]
            if all(len(t) <= _GROUP_PIECE for t in above):
                return "\n".join(lines[k:])
            return text
    return text


def _ends_in_pipe(line: str) -> bool:
    text = line.rstrip(_WHITESPACE)
    return text.endswith("|") and not text.endswith("\\|")


def _pipe_below(lines: list[str], i: int) -> bool:
    """Line ``i`` is a cell's text whose pipe stands alone on the next line (the cell ended
    in a line break: ``行政规范性文件`` then ``|``, in a 2021 县信访局 report's stored page)."""
    text = lines[i].strip(_WHITESPACE)
    return (
        bool(text)
        and len(text) <= _CELL_LABEL_MAX
        and not text.startswith("|")
        and i + 1 < len(lines)
        and lines[i + 1].strip(_WHITESPACE) == "|"
        # (a section heading above a table whose rows a lone pipe marks is no cell)
        and not _INLINE_HEADING.match("".join(text.split()))
    )


_MARKED_ROW_LINES = 12  # cells of a row between two of its marks, at most


def _is_marked_rows_start(lines: list[str], i: int) -> bool:
    """Line ``i`` is the mark (a pipe alone) before the first row of a table printed a
    cell a line, each cell followed by a pipe, a mark before each row, and no row padded
    (an item's own table, ``|``, ``信息内容 |``, ``本年制发件数 |`` …, ``|``, ``规章 |``
    …): two cells or more, then the next row's mark and its first cell. (A table whose
    first row is padded starts by :func:`_is_terminated_pipe_start`.)"""
    if lines[i].strip(_WHITESPACE) != "|" or i + 1 >= len(lines):
        return False
    # Only a section-二 item's table, whose header opens with 信息内容 (a table of other
    # rows, unpadded, may be one printed across, its columns as rows: not guessed).
    if _cell_text(lines[i + 1]) not in _CONTENT:
        return False
    k = i + 1
    while k < len(lines) and k - i <= _MARKED_ROW_LINES:
        text = lines[k].strip(_WHITESPACE)
        if text == "|":
            return (
                k - i > 2
                and k + 1 < len(lines)
                and _ends_in_pipe(lines[k + 1])
                and bool(lines[k + 1].strip(_WHITESPACE).rstrip("|").strip(_WHITESPACE))
            )
        if not (_ends_in_pipe(text) and text.rstrip("|").strip(_WHITESPACE)):
            return False
        k += 1
    return False


def _is_terminated_pipe_start(lines: list[str], i: int) -> bool:
    """A table whose every cell is followed by a pipe, a row a line, with no pipe before
    the first cell (``规章 | 0 | 0 | 0 |``), as some web-page text extractors write tables:
    a place that a cell of the row above covers (a rowspan) is an empty cell there, so such
    a row starts with ``| ``. It starts with a row that is not one of those, and at least two
    rows in a row end in a pipe, one of them with two cells or more. (A narrative line
    seldom ends in a pipe, and two in a row never.)"""
    if i + 1 >= len(lines):
        return False
    first, second = lines[i], lines[i + 1]
    return (
        not first.lstrip(" ").startswith("|")
        and bool(first.strip(_WHITESPACE).rstrip("|").strip(_WHITESPACE))
        and _ends_in_pipe(first)
        and _ends_in_pipe(second)
        # (a table printed a cell a line has its row's padding a few lines on)
        and any(line.count("|") >= 2 and _ends_in_pipe(line) for line in lines[i : i + 4])
    )


def _rows_of_cell_lines(
    raw_rows: list[tuple[int, list[TableCell]]],
) -> list[list[TableCell]] | None:
    """A table that an extractor printed a cell a line, each cell followed by a pipe, with
    no mark between rows but each row padded to the table's width with empty cells (pipes
    on the row's last line): ``第二十条第（一）项 |``, ``|||``, ``信息内容 |``, ``本年制发件数 |`` …
    (seen in real reports' stored pages, for cells holding a paragraph). The width is the
    first row's: its cells up to the first line with an empty cell (its padding). The rows
    are the cells taken that many at a time; None when the lines are not such a table (most
    lines hold several cells, the cells do not come out in whole rows, a line of padding
    would end inside a row, or a row would start with an empty cell). An extractor that
    ends every row with one pipe more than its padding (``规章 |`` … ``0 |``, ``||``, a
    full row in ``|``) gives rows one empty cell wider; the table's last row may be printed
    without its padding."""
    # Lines of pipes alone after the last cell with text hold no cell of the table (a
    # 2024 市场监管局 page ends its last item's table “2.02 |”, “||”, “|”, “|”): the last
    # row is then one printed without its padding (see _chunked).
    end = len(raw_rows)
    while end and not any(c.text for c in raw_rows[end - 1][1]):
        end -= 1
    raw_rows = raw_rows[:end]
    if len(raw_rows) < 4:
        return None
    if sum(len(cells) == 1 for _, cells in raw_rows) * 2 < len(raw_rows):
        return None  # most lines hold several cells: a row a line
    # The first row's cells: up to the first line with an empty cell (its padding).
    at = next((k for k, (_, cells) in enumerate(raw_rows) if any(not c.text for c in cells)), -1)
    if at < 0:
        return None
    width = sum(len(cells) for _, cells in raw_rows[: at + 1])
    # A row ended by a line of pipes after its padding printed on its own line (“第二十条
    # 第（一）项 | |||”, then “|”, a 2020 街道 report's page): that line is the row's too.
    wider = width
    for _, cells in raw_rows[at + 1 :]:
        if any(c.text for c in cells):
            break
        wider += len(cells)
    for guess in dict.fromkeys((width, wider)):
        if (rows := _chunked(raw_rows, guess)) is not None:
            return rows
    return None


def _chunked(
    raw_rows: list[tuple[int, list[TableCell]]], width: int
) -> list[list[TableCell]] | None:
    """The cells of :func:`_rows_of_cell_lines`'s lines taken ``width`` at a time, or None
    when they do not come out in whole rows."""
    if width < 2:
        return None
    stream = [c for _, cells in raw_rows for c in cells]
    if short := len(stream) % width:
        # The table's last row printed without its padding or the line of pipes that
        # ends a row (the extractor stops at the table's last cell): its first cell not
        # empty and the first of a line.
        tail = stream[-short:]
        bounds, count = set(), 0
        for _, cells in raw_rows:
            bounds.add(count)
            count += len(cells)
        if not tail[0].text or len(stream) - short not in bounds:
            return None
        stream += [TableCell("", tail[-1].anchor)] * (width - short)
    # Every line of padding (two cells or more, the last empty) ends a row: tables of other
    # widths run together (no line between them) do not come out in whole rows.
    count = 0
    for k, (_, cells) in enumerate(raw_rows):
        count += len(cells)
        if len(cells) >= 2 and not cells[-1].text and count % width:
            # (or the line of pipes alone right after it ends that row, or it is the
            # table's last line, its row without that line: padded above)
            if k + 1 == len(raw_rows):
                break
            after = raw_rows[k + 1][1]
            if any(c.text for c in after) or (count + len(after)) % width:
                return None
    rows = [stream[k : k + width] for k in range(0, len(stream), width)]
    return None if any(not row[0].text for row in rows) else rows


def _read_pipe_table(
    lines: list[str],
    i: int,
    doc: Document,
    bare: bool = False,
    terminated: bool = False,
    marked: bool = False,
) -> int:
    """Read consecutive ``|``-lines; a separator line gives the width of its fragment.
    ``bare``: a table without the outer pipes, whose rows run to a blank line (a row
    without a pipe is a one-cell row, as GitHub's markdown reads it). ``terminated``: a
    table whose cells each end in a pipe (see :func:`_is_terminated_pipe_start`), whose rows
    run while lines end in a pipe; a pipe at the start of such a row follows an empty cell.
    ``marked``: such a table whose rows a line holding a pipe alone marks
    (:func:`_is_marked_rows_start`): a line without a pipe ends it (an item's title above
    the next item's table), not a cell whose pipe fell on the next line."""
    raw_rows: list[tuple[int, list[TableCell]]] = []
    widths: list[tuple[int, int]] = []  # (index of the next row, width)
    start = i
    n = len(lines)
    # a bare table whose first line ends in a pipe writes closing pipes (GitHub style);
    # every row of a terminated table ends in one (its first cell's may be on the next line)
    ends_in_pipe = terminated or lines[i].rstrip(_WHITESPACE).endswith("|")
    while i < n and (
        (_ends_in_pipe(lines[i]) or (not marked and _pipe_below(lines, i)))
        if terminated
        else lines[i].strip(_WHITESPACE)
        if bare
        else lines[i].lstrip(" ").startswith("|")
    ):
        raw = lines[i].rstrip("\r")
        # A cell whose pipe an extractor printed on the next line (its text ended in a
        # line break): ``行政规范性文件`` / ``|`` in a table of ``规章 |`` lines.
        below = terminated and not _ends_in_pipe(raw)
        if below:
            raw += " |"
        if _MD_SEPARATOR.match(raw):
            widths.append((len(raw_rows), raw.strip().strip("|").count("|") + 1))
            i += 1
            continue
        cells = []
        if raw.lstrip(" ").startswith("|") and not terminated:
            pieces = _split_pipe_row(raw)
        else:  # a row without its outer pipes
            pieces = [(text, offset - 1) for text, offset in _split_pipe_row("|" + raw)]
            if raw.rstrip(_WHITESPACE).endswith("|") and not ends_in_pipe:
                # html2text joins cells with "| ": a row ending "1|  " ends in a blank cell
                end = len(raw.rstrip(_WHITESPACE))
                pieces.append(("", end))
        for text, offset in pieces:
            # The end from the printed cell (escapes and <br> are longer than their text).
            end = offset + len(text.rstrip(_WHITESPACE)) + 1
            text = text.replace("\\|", "|").replace("<br>", "\n").replace("<br/>", "\n")
            if "<" in text:  # <sup>19</sup> (PyMuPDF's markdown), <b>…</b>: markup, not text
                text = _INLINE_TAG.sub("", text)
            clean, column = _clean(text, offset + 1)
            anchor = Anchor(i + 1, column, i + 1, max(end, column))
            cells.append(TableCell(clean, anchor))
        if i + 1 < n and _MD_SEPARATOR.match(lines[i + 1]):
            # A header line: PyMuPDF's markdown names an empty header cell “Col3” (its
            # third column's), a table without a header row its first row's (“|收政府信息
            # 公开申请数量|Col2|Col3|821|35|”): a name it made, not a cell's text.
            cells = [TableCell("", c.anchor) if _MADE_NAME.match(c.text) else c for c in cells]
        if any("\n" in c.text for c in cells[:2]) and any(
            parse_cell(c.text).state == "number" for c in cells[1:]
        ):
            cells[:2] = [
                TableCell(_without_group_pieces(c.text), c.anchor) if "\n" in c.text else c
                for c in cells[:2]
            ]
        raw_rows.append((i, cells))
        i += 2 if below else 1
    if terminated and (chunked := _rows_of_cell_lines(raw_rows)) is not None:
        raw_rows = [(k, row) for k, row in enumerate(chunked)]
    rows: list[tuple[TableCell, ...]] = []
    seen = 0  # separators at or before the row (``widths`` is in row order)
    for index, (_, cells) in enumerate(raw_rows):
        # The width of a row: the last separator before it, or else the first one after it
        # (a fragment's separator follows its first row).
        while seen < len(widths) and widths[seen][0] <= index:
            seen += 1
        width = widths[seen - 1][1] if seen else (widths[0][1] if widths else None)
        # Converters add empty cells past the fragment's width; they are not cells. (A bare
        # table's separator is as wide as its first row, often a caption: no guide.)
        while not bare and width is not None and len(cells) > width and not cells[-1].text:
            cells.pop()
        rows.append(tuple(cells))
    if rows:
        doc.blocks.append(Table(tuple(rows), _table_anchor(start + 1, 1, rows)))
    return i


# --- column-aligned text (pdftotext -layout) ------------------------------------------------

# A line ending in values: a label (or nothing), 2+ spaces, then numbers separated by spaces.
_NUMBERING_START = re.compile(r"^[（(]?\s*[一二三四五六七八九十\d０-９]{1,3}\s*[）)、.．]")
_ARTICLE20_BREAK = re.compile(f"{pattern('第二十条')}|^{pattern('信息内容')}")
# The first label of a section-二 header, as printed in simplified or traditional characters.
_CONTENT = forms("信息内容")
_CONTENT_START = re.compile(pattern("信息内容"))
_LAYOUT_MAX_GAP = 8  # lines between two value rows of one table
_LAYOUT_MAX_TEXT = 40  # a longer text line between value rows is narrative, not a label
_LAYOUT_LONE_GAP = 8  # a single value must stand this far from its label
_X_TOLERANCE = 4
_SAME_X = 2  # a new label this close to an open one takes its place
_STRAY_NUMBER = re.compile(r"(?:^|\s)[\d０-９]+(?:[.．][\d０-９]+)?(?:\s|$)")


_TOKEN = re.compile(r"\S+")
# A run of Chinese characters and the punctuation around them, longer than any
# placeholder: no form of it is a number or a placeholder (none of these characters is a
# digit in any form), so parse_cell need not be asked (each new line of text a miss of its
# cache: NFKC and four patterns).
_WORDS_ONLY = re.compile("[\u4e00-\u9fff、。，；：！？“”‘’《》（）]{9,}").fullmatch


_VALUE_STATES = ("number", "placeholder")


def _layout_row(line: str) -> tuple[list[tuple[str, int]], list[tuple[str, int]]] | None:
    """Split a column-aligned line into label cells and value cells (text, 0-based column),
    or None when the line does not end in values set apart from its text."""
    line = line.replace("\f", " ")  # pdftotext's page break, kept out of the columns
    # Most lines are text: one that does not end in a value is turned down before it is
    # cut into tokens (str.split and \S+ part at the same white space).
    last = line.rsplit(None, 1)[-1:]
    if not last or _WORDS_ONLY(last[0]) or parse_cell(last[0]).state not in _VALUE_STATES:
        return None
    tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(line)]
    k = len(tokens)
    while k > 0 and parse_cell(tokens[k - 1][0]).state in _VALUE_STATES:
        k -= 1
    values = tokens[k:]
    if not values or not any(parse_cell(t).state == "number" for t, _ in values):
        return None
    head = line[: values[0][1]]
    label_end = len(head.rstrip(_WHITESPACE))
    gap = values[0][1] - label_end
    spaced = all(v[1] - (p[1] + len(p[0])) >= 2 for p, v in zip(values, values[1:], strict=False))
    if label_end:
        # A first value one space from its label is still a cell when the values after
        # it stand in columns (“4.保护第三方合法权益 1      0   0   0   0   0   1”).
        glued = gap == 1 and len(values) >= 3 and spaced
        if (gap < 2 and not glued) or (len(values) == 1 and gap < _LAYOUT_LONE_GAP):
            return None
        if not spaced and len(values) < 3:
            # Values printed one space apart are running text ("第 3 条 5 款"), not cells.
            return None
    elif len(values) < 2:
        return None  # a lone number on a line: a page number or a stray figure
    return _label_cells(head), values


def _label_cells(text: str) -> list[tuple[str, int]]:
    """The text pieces of a line set apart by 2+ spaces, or by one space before a row
    numbering (“（三） 4.保护第三方合法权益”: a group label beside its row's) that follows
    a numbered piece or a short one."""
    cells = []
    for m in _SPACED_PIECE.finditer(text):
        piece, x = m.group(), m.start()
        cuts = (
            [0]
            + [
                k + 1
                for k in range(len(piece))
                if piece[k] == " "
                and _NUMBERING_START.match(piece[k + 1 :])
                # after a numbered label, or a short piece of a label printed down the side
                # (“理结果 （二）部分公开”)
                and (_NUMBERING_START.match(piece) or len(piece[:k].split(" ")[-1]) <= 4)
            ]
        )
        for a, b in zip(cuts, [*cuts[1:], len(piece) + 1], strict=False):
            part = piece[a : b - 1] if b <= len(piece) else piece[a:]
            if part.strip(_WHITESPACE):
                cells.append((part.strip(_WHITESPACE), x + a))
    return cells


def _header_cells(text: str) -> list[tuple[str, int]]:
    """A section-二 header's cells: set apart by 2+ spaces, or by single spaces when every
    piece is a whole column label (“本年制发件数 本年废止件数 现行有效件数”)."""
    cells = []
    for piece, x in ((m.group(), m.start()) for m in _SPACED_PIECE.finditer(text)):
        words = [(w.group(), w.start()) for w in _WORD.finditer(piece)]
        if len(words) > 1 and all(len(w) >= 4 for w, _ in words):
            cells += [(w, x + wx) for w, wx in words]
        else:
            cells.append((piece, x))
    return cells


def _loose_row(line: str) -> tuple[list[tuple[str, int]], list[tuple[str, int]]] | None:
    """Under a section-二 header: a label and its one value one space apart
    (“行政事业性收费 5949.088667”)."""
    m = _LOOSE_ROW.match(line.replace("\f", " "))
    if not m or parse_cell(m.group(3)).state != "number" or is_data_like(m.group(2)):
        return None
    return [(m.group(2), len(m.group(1)))], [(m.group(3), m.start(3))]


def _item_row(line: str, above: tuple[int, int] | None):
    """Under a section-二 header: a loose row (label, one value). The first row under the
    header is taken as it stands; a later one only when its value stands in the column of
    the value above it (start or end within a few characters): an item such as 第（六）项
    has several rows (“行政强制       54” under “行政处罚       1330”), and a line of
    running text that happens to end in a number does not stand in that column."""
    row = _loose_row(line)
    if row is None or above is None:
        return row
    text, x = row[1][0]
    if abs(x - above[0]) <= _X_TOLERANCE or abs(x + len(text) - above[1]) <= _X_TOLERANCE:
        return row
    return None


def _value_span(row) -> tuple[int, int] | None:
    """Where a row's single value stands (start, end), or None for a row of several."""
    values = row[1]
    if len(values) != 1:
        return None
    text, x = values[0]
    return x, x + len(text)


def _layout_start_row(line: str):
    """The value row that ``line`` is when it can start (or carry on) an aligned table."""
    if "\t" in line or line.lstrip(" ").startswith("|"):
        return None
    row = _layout_row(line)
    return row if row is not None and (len(row[1]) >= 2 or bool(row[0])) else None


def _is_layout_start(line: str) -> bool:
    return _layout_start_row(line) is not None


def _is_layout_header(lines: list[str], i: int) -> bool:
    """A section-二 header line (``信息内容   本年制发件数 …``) right above aligned values."""
    text = lines[i].strip(_WHITESPACE + "\f")
    if not _CONTENT_START.match(text) or not _COLUMN_GAP.search(text):
        return False
    for j in range(i + 1, min(i + 5, len(lines))):
        if lines[j].strip(_WHITESPACE):
            line = lines[j].rstrip("\r")
            return _is_layout_start(line) or _loose_row(line) is not None
    return False


def _layout_region(lines: list[str], i: int) -> int:
    """The end (exclusive) of the aligned table starting with the value row at ``i``."""
    n = len(lines)
    last = i
    j = i + 1
    # Under a section-二 header: the rows read so far under it go on while the lines
    # after them are rows (``above``: where the last one's single value stands).
    after_header = _is_layout_header(lines, i)
    above: tuple[int, int] | None = None
    while j < n and j - last <= _LAYOUT_MAX_GAP:
        raw = lines[j].rstrip("\r").replace("\f", " ")
        text = raw.strip(_WHITESPACE)
        start_row = _layout_start_row(raw)
        start = start_row is not None
        loose = _item_row(raw, above) if after_header and not start else None
        if text and not _PAGE_NUMBER.match(text) and not start:
            if _CONTENT_START.match(text):
                after_header = True
                above = None
                j += 1
                continue
            if not (after_header and loose):
                after_header = False
        if raw.startswith("\t") or raw.lstrip(" ").startswith("|"):
            break
        if start or (after_header and loose):
            last = j
            above = _value_span(start_row or loose)
            after_header = after_header and above is not None
        elif not text or _PAGE_NUMBER.match(text):
            pass
        elif (
            _INLINE_HEADING.match(squeezed := "".join(text.split()))
            or len(squeezed) > _LAYOUT_MAX_TEXT
        ):
            break
        j += 1
    end = last + 1
    # A label's last part printed on the line right after the table's last value row.
    if end < n:
        text = lines[end].replace("\f", " ").strip(_WHITESPACE)
        if (
            text
            and len(text) <= 20
            and _layout_row(lines[end]) is None
            and not _NUMBERING_START.match(text)
            and not _PAGE_NUMBER.match(text)
            and not _INLINE_HEADING.match("".join(text.split()))
            and not _ARTICLE20_BREAK.search(text)
            and "  " not in text
        ):
            end += 1
    return end


def layout_tables(lines: list[str]) -> list[tuple[int, int, Table]]:
    """The column-aligned tables among ``lines`` (text laid out as ``pdftotext -layout``
    prints it, pages set apart by a form feed), read as this reader reads them: (first
    line, end line exclusive, table) each, 0-based, the table's anchors 1-based lines and
    columns of ``lines``. The PDF reader reads a table drawn without lines so, from a
    layout it sets out of its characters' positions.

    A numbered label line right above the table's first row of values (no blank line
    between: the row's figures set in the middle of a label of two lines, “一、本年新收
    政府信息公开申请数” / figures / “量”) is the table's first line."""
    scratch = Document(path="", media_type="text/plain")
    found: list[tuple[int, int, Table]] = []
    i = 0
    done = 0  # where the last table ends
    while i < len(lines):
        if _is_layout_start(lines[i]) or _is_layout_header(lines, i):
            before = len(scratch.blocks)
            if i - 1 >= done and _lead_label(lines[i - 1]):
                i -= 1
            end = _read_layout_table(lines, i, scratch, nearer=True)
            done = end
            if len(scratch.blocks) > before:
                block = scratch.blocks[-1]
                assert isinstance(block, Table)
                found.append((i, end, block))
            i = max(end, i + 1)
        else:
            i += 1
    return found


def _lead_label(line: str) -> bool:
    """A line that can be the first line of a row's label: numbered, short, no values,
    no section heading."""
    text = line.replace("\f", " ").strip(_WHITESPACE)
    squeezed = "".join(text.split())
    return (
        bool(_NUMBERING_START.match(text))
        and len(squeezed) <= _LAYOUT_MAX_TEXT
        and "  " not in text
        and _layout_row(line) is None
        and not _INLINE_HEADING.match(squeezed)
        and not _ARTICLE20_BREAK.search(text)
    )


class _Label:
    """A row label assembled from its printed pieces, and the values printed beside it."""

    def __init__(self, x: int, order: int, segment: int = 0) -> None:
        self.x = x
        self.order = order
        self.segment = segment  # the section-二 item it is under (its own columns)
        self.parts: list[tuple[str, int, int]] = []  # text, line number, 0-based column
        self.values: list[tuple[str, int, int]] | None = None
        self.last_line = -1


def _read_layout_table(lines: list[str], i: int, doc: Document, nearer: bool = False) -> int:
    """Read column-aligned rows (``pdftotext -layout``) into a table.

    Each value row gives its values in printed order. A label wrapped over several lines
    is put together from the pieces printed at the same indentation: a piece starting
    with a numbering (``1.``, ``（二）``, ``三、``) begins a new label, any other piece goes
    on the label above it at that indentation (across blank lines while that label has
    no values yet; only on the very next line once it has). A value row without a label
    belongs to the label begun last that has no values yet. Rows whose values are fewer
    than the columns are left as printed: the interpreter cannot place them and says so.
    ``nearer`` (lines set out from exact positions): values beside a group label's line
    go to the row label begun on the line above, right of it.
    """
    end = _layout_region(lines, i)
    across = _across_page_breaks(lines, i, end)
    labels: list[_Label] = []
    open_by_x: list[_Label] = []  # the current label at each indentation
    out: list[tuple[int, tuple[TableCell, ...]]] = []  # (order, row) for header/break rows
    counter = 0

    def stream(x: int) -> _Label | None:
        near = [lab for lab in open_by_x if abs(lab.x - x) <= _X_TOLERANCE]
        return min(near, key=lambda lab: abs(lab.x - x)) if near else None

    def place(text: str, line_no: int, x: int, starts: bool) -> _Label:
        nonlocal counter
        current = stream(x)
        if current is not None:
            follows = current.values is None or current.last_line in (
                line_no - 1,
                across.get(line_no),
            )
            if not starts and follows:
                current.parts.append((text, line_no, x))
                current.last_line = line_no
                return current
            if abs(current.x - x) <= _SAME_X or current.values is not None:
                open_by_x.remove(current)  # a new label in its place
        counter += 1
        lab = _Label(x, counter, segment)
        lab.parts.append((text, line_no, x))
        lab.last_line = line_no
        labels.append(lab)
        open_by_x.append(lab)
        return lab

    def split_at_streams(cells: list[tuple[str, int]]) -> list[tuple[str, int]]:
        """Cut a piece at a single space when each side stands under a label of its own
        (“无法提 府信息”: the group label's second line beside the row label's)."""
        out_cells = []
        for t, x in cells:
            words = t.split(" ")
            if (
                len(words) == 2
                and all(len(w) >= 2 and not _DIGIT.search(w) for w in words)
                and (left := stream(x)) is not None
                and (right := stream(x + len(words[0]) + 1)) is not None
                and right is not left
                and right.values is None
                and abs(right.x - (x + len(words[0]) + 1)) <= _SAME_X
            ):
                out_cells += [(words[0], x), (words[1], x + len(words[0]) + 1)]
            else:
                out_cells.append((t, x))
        return out_cells

    after_header = False
    above: tuple[int, int] | None = None  # as in _layout_region
    segment = 0
    dropped: set[int] = set()  # numbering lines put back on the line above
    for j in range(i, end):
        if j in dropped:
            continue
        raw = lines[j].rstrip("\r").replace("\f", " ")
        text = raw.strip(_WHITESPACE)
        if not text or _PAGE_NUMBER.match(text):
            continue
        row = _layout_start_row(raw)
        if row is None and after_header:
            row = _item_row(raw, above)
        above = _value_span(row) if row is not None and after_header else None
        after_header = above is not None
        if row is None:
            cells = _label_cells(raw)
            if _ARTICLE20_BREAK.search(text):
                # An item title or a header of section 二: a row of its own, labels end.
                counter += 1
                segment += 1
                if _CONTENT_START.match(text):
                    cells = _header_cells(raw)
                    after_header = True
                out.append((counter, tuple(TableCell(t, _span(j + 1, x + 1, t)) for t, x in cells)))
                open_by_x.clear()
                continue
            numbering = _dropped_numbering(lines, j, end, cells)
            if numbering is not None:
                near = stream(cells[0][1])
                if near is None or near.values is not None:
                    # “属于” over “5.” over “三类内部 0 0 …”: the row number, in a font of
                    # its own, set a line lower than the text it begins; the label begins here.
                    dropped.add(j + 1)
                    place(numbering + cells[0][0], j + 1, cells[0][1], True)
                    continue
            for t, x in split_at_streams(cells):
                place(t, j + 1, x, bool(_NUMBERING_START.match(t)))
            continue
        label_cells, values = row
        owner: _Label | None = None
        for t, x in split_at_streams(label_cells):
            owner = place(t, j + 1, x, bool(_NUMBERING_START.match(t)))
        if owner is not None and owner.values is not None:
            # Its label already has values: the text begins a new label.
            t, line_no, x = owner.parts[-1]
            owner.parts.pop()
            open_by_x.remove(owner)
            owner = place(t, line_no, x, True)
        if owner is None:
            waiting = [lab for lab in labels if lab.values is None and lab in open_by_x]
            owner = max(waiting, key=lambda lab: lab.order) if waiting else None
        elif nearer and owner.values is None:
            # A group label's line beside the figures, the row label begun on the line
            # above to its right (“2.没有现成信息需要另” over “（四）无法提  0 0 …”): the
            # figures are the row's, whose label stands nearer them. Only where the
            # lines are set out from exact positions (a PDF's characters): pdftotext
            # shifts a label's pieces by a column or two, and the reading is no surer.
            right = [
                lab
                for lab in open_by_x
                if lab.values is None and lab.x > owner.x + _X_TOLERANCE and lab.last_line == j
            ]
            if len(right) == 1 and right[0].x < values[0][1]:
                owner = right[0]
        vals = [(t, j + 1, x) for t, x in values]
        if owner is None or owner.values is not None:
            counter += 1
            out.append((counter, tuple(TableCell(t, _span(ln, x + 1, t)) for t, ln, x in vals)))
            continue
        owner.values = vals
        owner.last_line = j + 1
    for seg in sorted({lab.segment for lab in labels}):
        part = [lab for lab in labels if lab.segment == seg]
        # A value printed among the labels: the table's columns cannot be trusted.
        trusted = not any(_STRAY_NUMBER.search(t) for lab in part for t, _, _ in lab.parts)
        _take_glued_values(part)
        if trusted:
            _place_by_columns(part, lines)
    for lab in labels:
        label_text = "".join(t for t, _, _ in lab.parts)
        first_text, first_line, first_x = lab.parts[0]
        cell = TableCell(label_text, _span(first_line, first_x + 1, first_text))
        row_cells = [cell]
        row_cells += [
            TableCell(t, _span(ln, x + 1, t)) if t else TableCell("", Anchor(ln, x + 1))
            for t, ln, x in lab.values or ()
        ]
        out.append((lab.order, tuple(row_cells)))
    out.sort(key=lambda p: p[0])
    rows = [r for _, r in out if r]
    if rows:
        doc.blocks.append(Table(tuple(rows), _table_anchor(i + 1, 1, rows)))
    return end


def _across_page_breaks(lines: list[str], i: int, end: int) -> dict[int, int]:
    """The lines (1-based) that begin a page, each with the last line printed before the
    break when only blank lines and page numbers stand between them: a label cut by the
    page break (“（二）部分公开（区分处理的，只计这一情形，不” / page number / “计其他情
    形）”) goes on there as on the next line, as its reader reads it."""
    out: dict[int, int] = {}
    last = None
    broken = False
    for j in range(i, end):
        raw = lines[j]
        broken = broken or "\f" in raw
        text = raw.replace("\f", " ").strip(_WHITESPACE)
        if not text or _PAGE_NUMBER.match(text):
            continue
        if broken and last is not None:
            out[j + 1] = last + 1
        last, broken = j, False
    return out


_GLUED_VALUE = re.compile(r"^(.*\S) ([\d０-９]+)$")


def _full_width(labels: list[_Label]) -> int | None:
    """How many values the table's full rows have: the commonest count of three or more,
    held by at least two rows; None when no such width stands out."""
    counts = [len(lab.values) for lab in labels if lab.values and len(lab.values) >= 3]
    if len(counts) < 2:
        return None
    width = max(set(counts), key=counts.count)
    return width if counts.count(width) >= 2 else None


def _take_glued_values(labels: list[_Label]) -> None:
    """A row's first value printed one space after a piece of its label, the other values
    in their columns on a later line (“其他法律行政法规禁 0” / “2.” / “止公开  0 0 0 0 0 0”:
    a browser's PDF sets the first column beside the label's first line). The number is
    the row's first value when it is the only number among the label's pieces, stands left
    of the row's other values, and with them makes the row as wide as the table's full rows
    (at least two of them, three or more values each); otherwise the row stays unread."""
    width = _full_width(labels)
    if width is None:
        return
    for lab in labels:
        if not lab.values or len(lab.values) != width - 1:
            continue
        glued = [k for k, (t, _, _) in enumerate(lab.parts) if _GLUED_VALUE.match(t)]
        numbers = sum(len(_STRAY_NUMBER.findall(t)) for t, _, _ in lab.parts)
        if len(glued) != 1 or numbers != 1:
            continue
        k = glued[0]
        text, line_no, x = lab.parts[k]
        m = _GLUED_VALUE.match(text)
        assert m is not None
        value_x = x + m.start(2)
        first_line, first_x = lab.values[0][1], lab.values[0][2]
        if line_no > first_line or value_x >= first_x:
            continue
        lab.parts[k] = (m.group(1), line_no, x)
        lab.values = [(m.group(2), line_no, value_x), *lab.values]


_LONE_NUMBERING = re.compile(r"^\d{1,2}[.．、]$")


def _dropped_numbering(
    lines: list[str], j: int, end: int, cells: list[tuple[str, int]]
) -> str | None:
    """The row number (“5.”) printed alone on the line under a label piece, at its indentation:
    a browser's PDF sets the digits a little lower than the Chinese text of the same line,
    and pdftotext puts them on a line of their own under it."""
    if len(cells) != 1 or _NUMBERING_START.match(cells[0][0]) or j + 1 >= end:
        return None
    below = lines[j + 1].rstrip("\r").replace("\f", " ")
    text = below.strip(_WHITESPACE)
    if not _LONE_NUMBERING.match(text):
        return None
    x = len(below) - len(below.lstrip(_WHITESPACE))
    return text if abs(x - cells[0][1]) <= _X_TOLERANCE else None


def _place_by_columns(labels: list[_Label], lines: list[str]) -> None:
    """Give a row with fewer values than the table's columns its blank cells, from where its
    values stand against the rows with every value printed on the same page.

    The columns are the spans the full rows' values occupy, page by page (pdftotext sets
    each page apart), among the rows of one table (a section-二 item has its own columns).
    A short row is filled only when each of its values falls in exactly one column and in
    order; otherwise it is left as printed (the interpreter reports it unread), never
    guessed. The caller fills no row when a number stood among the table's label text (a
    value wrapped out of its column).
    """
    width = _full_width(labels)
    if width is None:
        return
    page_of: list[int] = []
    page = 0
    for line in lines:
        page += line.count("\f")
        page_of.append(page)

    def page_at(line_no: int) -> int:
        return page_of[line_no - 1] if 0 < line_no <= len(page_of) else -1

    spans: dict[int, list[tuple[int, int]]] = {}
    for lab in labels:
        if lab.values and len(lab.values) == width:
            pg = page_at(lab.values[0][1])
            cols = spans.setdefault(pg, [(10**9, -1)] * width)
            for k, (t, _, x) in enumerate(lab.values):
                lo, hi = cols[k]
                cols[k] = (min(lo, x), max(hi, x + len(t)))
    for lab in labels:
        if not lab.values or len(lab.values) >= width:
            continue
        cols = spans.get(page_at(lab.values[0][1]))
        if cols is None or any(a[1] + 1 >= b[0] for a, b in zip(cols, cols[1:], strict=False)):
            continue  # no full row on the page, or columns that touch: ambiguous
        placed: list[int] = []
        for t, _, x in lab.values:
            hits = [k for k, (lo, hi) in enumerate(cols) if x < hi + 1 and x + len(t) > lo - 1]
            if len(hits) != 1 or (placed and hits[0] <= placed[-1]):
                placed = []
                break
            placed.append(hits[0])
        if not placed:
            continue
        line_no = lab.values[0][1]
        filled: list[tuple[str, int, int]] = [("", line_no, cols[k][0]) for k in range(width)]
        for k, value in zip(placed, lab.values, strict=True):
            filled[k] = value
        lab.values = filled


# --- one cell per line, rows not set apart (LibreOffice's “Text” export of a Word file) -----

_CELL_LABEL_MAX = 40  # a longer line is a paragraph, not a cell
_CELL_MAX_GAP = 8  # lines between two rows of one table
_SPACED_PIECE = re.compile(r"\S+(?: \S+)*")  # text up to a gap of 2+ spaces
_WORD = re.compile(r"\S+")
_LOOSE_ROW = re.compile(r"^(\s*)(\S(?:.*\S)?)\s+(\S+)\s*$")
_COLUMN_GAP = re.compile(r"\S {2,}\S")
_DIGIT = re.compile(r"[\d０-９]")
_ITEM_LINE = re.compile(
    f"^{pattern('第二十条第')}[（(]?[一二三四五六七八九十]+[）)]?{pattern('项')}$"
)


def _cell_text(line: str) -> str:
    """A cell line's text; without the pipe an extractor may print after each cell
    (``第二十条第（一）项 |``, ``0 |``, an empty cell ``|``: seen in the stored pages of
    real 2023–2025 reports, with no line of padding between rows)."""
    text = line.rstrip("\r").strip(_WHITESPACE)
    if text.endswith("|") and not text.endswith("\\|"):
        return text[:-1].rstrip(_WHITESPACE)
    return text


def _value_line(line: str) -> bool:
    """A line that is one value cell: a number or a placeholder, nothing else; or a cell
    left blank with a no-break space (an empty line is an empty or merged-over cell, and
    cannot be told from one; a no-break space is always a cell of its own)."""
    text = _cell_text(line)
    if not text:
        return "\u00a0" in line or line.strip(_WHITESPACE) == "|"
    return " " not in text and parse_cell(text).state in _VALUE_STATES


def _number_line(line: str) -> bool:
    text = _cell_text(line)
    return (
        bool(text)
        and " " not in text
        and not _WORDS_ONLY(text)
        and parse_cell(text).state == "number"
    )


def _cell_label(line: str) -> bool:
    """A line that can be a label or header cell: short text, no column gaps, no sentence end."""
    if line.startswith("\t") or line.lstrip(" ").startswith("|"):
        return False
    text = _cell_text(line)
    if not text:
        return False
    squeezed = "".join(text.split())  # (what re.sub(r"\s+", "", text) gives, in one C call)
    return (
        len(squeezed) <= _CELL_LABEL_MAX
        and "  " not in text
        and not text.endswith(("。", "；", "：", ":"))
        and parse_cell(text).state == "text"
        and not _INLINE_HEADING.match(squeezed)
    )


def _values_after(lines: list[str], k: int) -> int:
    """How many value lines follow line ``k`` without a break."""
    m = k + 1
    while m < len(lines) and _value_line(lines[m]):
        m += 1
    return m - k - 1


def _cell_lines_region(lines: list[str], i: int) -> int | None:
    """The end (exclusive) of a table printed one cell per line from line ``i``, or None.

    A Word file saved as text by LibreOffice puts every table cell on a line of its own,
    an empty or merged-over cell as an empty line, and nothing between rows. A row is then
    a label line followed by its value lines. The table begins with a label and at least
    two numbers under it, or with a section-二 item title or 信息内容 header followed by
    such a label within a few lines (an item may have one value a row); it ends at its last
    row when a paragraph, a section heading or a long stretch without values follows.
    """
    n = len(lines)
    text = _cell_text(lines[i])
    if not text or len("".join(text.split())) > _CELL_LABEL_MAX:
        return None  # (no label cell: what _cell_label asks first)
    # A number on the next line, or an item's title or header: asked first, as most lines
    # (a paragraph's, printed over several short lines) have neither.
    opens = i + 1 < n and _number_line(lines[i + 1])
    titled = not opens and (_ITEM_LINE.match(text) or text in _CONTENT)
    if not (opens or titled) or not _cell_label(lines[i]):
        return None
    if opens and _values_after(lines, i) >= 2:
        last = i + _values_after(lines, i)
    elif titled or _ITEM_LINE.match(text) or text in _CONTENT:
        last = None
        for k in range(i + 1, min(i + 8, n)):
            if not _cell_label(lines[k]):
                break
            if k + 1 < n and _number_line(lines[k + 1]):
                last = k + _values_after(lines, k)
                break
        if last is None:
            return None
    else:
        return None
    j = last + 1
    while j < n and j - last <= _CELL_MAX_GAP:
        line = lines[j]
        if not _cell_text(line):
            j += 1
            continue
        if _value_line(line):
            last = j  # values after a blank line: a row whose label cell is empty
        elif not _cell_label(line):
            break
        elif _values_after(lines, j):
            last = j + _values_after(lines, j)
            j = last
        j += 1
    return last + 1


def _joined_header(header: tuple[TableCell, ...], width: int) -> tuple[TableCell, ...] | None:
    """A section-二 header printed a line per line of its cells (“本年新” / “公开数量”) as
    ``width`` cells: each label one of the format's columns, as printed or joined with the
    next line; None when the lines do not come out so."""
    from linter.editions import article20_column_keys
    from linter.textnorm import key

    known = article20_column_keys()
    labels, out, k = header[1:], [header[0]], 0
    while k < len(labels):
        if key(labels[k].text) in known:
            out.append(labels[k])
            k += 1
        elif k + 1 < len(labels) and key(labels[k].text + labels[k + 1].text) in known:
            out.append(TableCell(labels[k].text + labels[k + 1].text, labels[k].anchor))
            k += 2
        else:
            return None
    return tuple(out) if len(out) == width else None


# A cell printed over a few lines between two separators (“商业” / “企业”).
_SEPARATED_CELL_LINES = 3
_SEPARATED_MIN_CELLS = 8


def _is_padded_separated_start(lines: list[str], i: int) -> bool:
    """Line ``i`` starts a table printed a cell a line, each cell followed by a line
    holding a pipe alone, whose rows are padded to the table's width by a line of pipes
    (``第二十条第(一)项``, ``|``, ``||||``, ``信息内容``, ``|`` …: a 2021 街道 report's
    stored page): the table whose cells each end in a pipe (:func:`_read_pipe_table`,
    ``terminated``), each cell's pipe on the next line. The first row's first cell or
    its second is followed by such padding."""
    for k in (i, i + 2):
        if not (
            k + 2 < len(lines)
            and lines[k].strip(_WHITESPACE).strip("|")
            and lines[k + 1].strip(_WHITESPACE) == "|"
        ):
            return False
        padding = lines[k + 2].strip(_WHITESPACE)
        if len(padding) >= 2 and not padding.strip("|"):
            return True
    return False


def _read_separated_cells(lines: list[str], i: int, doc: Document) -> int | None:
    """A table an extractor printed a cell a line, each cell followed by a line holding a
    pipe alone and nothing between rows (``第二十条第（一）项``, ``|``, ``信息内容``, ``|`` …,
    seen in the stored page of a real 2023 镇 report): the separators tell a cell of two
    lines (``商业`` / ``企业``) from two cells. The cells are read as one cell per line
    (:func:`_read_cell_lines_table`, under the same conditions); the line after the table
    read, or None when the lines are not such a table or it cannot be read."""
    n = len(lines)
    cells: list[str] = []
    origin: list[int] = []  # the line each cell starts on
    k = i
    while k < n:
        if k > i and lines[k].strip(_WHITESPACE) == "|":
            cells.append("|")  # an empty cell: its separator alone (read as a cell's pipe)
            origin.append(k)
            k += 1
            continue
        j = k
        while (
            j < n and j - k < _SEPARATED_CELL_LINES and lines[j].strip(_WHITESPACE) not in ("|", "")
        ):
            j += 1
        if j == k or j >= n or lines[j].strip(_WHITESPACE) != "|":
            break
        cells.append("".join(line.strip(_WHITESPACE) for line in lines[k:j]))
        origin.append(k)
        k = j + 1
    if len(cells) < _SEPARATED_MIN_CELLS:
        return None
    # The table starts at its first row label (a header's cells before it, “申请人情况” …,
    # are paragraphs, as in one cell per line).
    start = next((s for s in range(len(cells)) if _cell_lines_region(cells, s)), None)
    if start is None:
        return None
    end = _cell_lines_region(cells, start)
    table = Document(doc.path, doc.media_type)
    if not _read_cell_lines_table(cells, start, end, table) or len(table.blocks) != 1:
        return None
    for s in range(start):
        _add_paragraphs(cells[s], origin[s] + 1, doc)
    read = table.blocks[0]
    assert isinstance(read, Table)

    def placed(anchor: Anchor) -> Anchor:
        line = origin[anchor.line - 1] + 1 if anchor.line else None
        return Anchor(line, anchor.column, line, anchor.end_column)

    rows = tuple(tuple(TableCell(c.text, placed(c.anchor)) for c in row) for row in read.rows)
    doc.blocks.append(Table(rows, placed(read.anchor)))
    return origin[end] if end < len(origin) else k


def _read_cell_lines_table(lines: list[str], i: int, end: int, doc: Document) -> bool:
    """Rows from a one-cell-per-line table: a label and the values right under it; a
    信息内容 header with its column labels; an item title or a group label on a row of its
    own. Empty lines (empty or merged-over cells) are passed over.

    Nothing tells an empty cell from a merged-over one, nor a cell of two lines from two
    cells, so the table is taken only when it reads the same under every reading: in each
    part (a section-二 item, or the whole table) every row has the same number of values,
    each printed one after the other under its label, and a 信息内容 header has exactly one
    column label per value. Otherwise nothing is read (False) and the interpreter says the
    table could not be read (XT002), rather than put a value in a column it may not be in.
    """

    def cell(k: int) -> TableCell:
        raw = lines[k].rstrip("\r")
        if _cell_text(raw) != raw.strip(_WHITESPACE):  # (a cell's pipe after it)
            raw = raw.rstrip(_WHITESPACE)[:-1]
        text, column = _clean(raw, 1)
        return TableCell(text, _span(k + 1, column, text))

    rows: list[tuple[TableCell, ...]] = []
    parts: list[list[tuple[TableCell, ...]]] = [[]]  # the rows of each item, for the check
    k = i
    while k < end:
        if not _cell_text(lines[k]):
            k += 1
            continue
        run = _values_after(lines, k)
        if _value_line(lines[k]):
            return False  # values without a label (after an empty cell): columns unknown
        if _ITEM_LINE.match(_cell_text(lines[k])):
            parts.append([])
        if _cell_text(lines[k]) in _CONTENT:
            if run:
                return False  # values under the header's first cell: not this table's order
            if parts[-1]:
                parts.append([])
            header = [cell(k)]
            m = k + 1
            while (
                m + 1 < end
                and _cell_label(lines[m])
                and not _number_line(lines[m + 1])
                and not _ITEM_LINE.match(_cell_text(lines[m]))
            ):
                header.append(cell(m))
                m += 1
            rows.append(tuple(header))
            parts[-1].append(tuple(header))
            k = m
            continue
        rows.append(tuple(cell(m) for m in range(k, k + 1 + run)))
        parts[-1].append(rows[-1])
        k += 1 + run
    if rows and len(rows[-1]) > 1:
        # The table's last row: no-break-space paragraphs after the table are not its cells
        # when the row is longer than its part's others (or its header) without them.
        part = parts[-1]
        others = [len(r) for r in part[:-1] if len(r) > 1 and r[0].text not in _CONTENT]
        header = next((len(r) for r in part if r[0].text in _CONTENT), None)
        width = header or (max(set(others), key=others.count) if others else None)
        last = rows[-1]
        if width and len(last) > width and not any(c.text for c in last[width:]):
            rows[-1] = part[-1] = last[:width]
    for part in parts:
        widths = {len(row) for row in part if len(row) > 1 and row[0].text not in _CONTENT}
        if len(widths) > 1:
            return False
        headers = [row for row in part if row[0].text in _CONTENT]
        if len(headers) == 1 and len(widths) == 1 and len(headers[0]) > min(widths):
            # A header cell printed on two lines (本年新 / 公开数量, a cell of two
            # paragraphs): its lines joined where that makes one of the format's labels.
            if joined := _joined_header(headers[0], min(widths)):
                rows[rows.index(headers[0])] = part[part.index(headers[0])] = joined
                headers = [joined]
        # (a part whose rows all have no values, left blank on the page: its header alone)
        if headers and (len(headers) > 1 or ({len(headers[0])} != widths and widths)):
            return False
    if not rows:
        return False
    # A label right after the last value, with no value of its own: the values may stand
    # before their labels (a PDF's text), every row taking the next row's values.
    last = end - 1
    while last > i and _value_line(lines[last]) and not _cell_text(lines[last]):
        last -= 1  # no-break-space paragraphs after the table
    if (
        last + 1 < len(lines)
        and _cell_label(lines[last + 1])
        and not _values_after(lines, last + 1)
        # (the next item's title is no row label: the items after it left blank)
        and not _ITEM_LINE.match(_cell_text(lines[last + 1]))
    ):
        return False
    doc.blocks.append(Table(tuple(rows), _table_anchor(i + 1, 1, rows)))
    return True


# --- HTML tables in markdown ------------------------------------------------------------

# PDF-to-markdown converters (MinerU, marker and the like) write a table they cannot set in
# pipes as the HTML of the table, alone on its line(s).
_HTML_TABLE_START = re.compile(r"\s*<table[\s>]", re.IGNORECASE)
_HTML_TABLE_TAG = re.compile(r"<(/?)table[\s>]", re.IGNORECASE)
_HTML_TABLE_PART = re.compile(r"</?(?:t[rdh]|thead|tfoot|tbody|table|caption|col)\b", re.I)
# Lines one table may run over (a converter writes one table per line or one row per line).
_HTML_TABLE_MAX_LINES = 5_000


def _read_html_table(lines: list[str], i: int, doc: Document) -> int:
    """Read the HTML table starting on line ``i`` up to its matching ``</table>``, with the
    HTML reader's tables (spans, cell text); anchors are lines and columns of this file."""
    from linter.readers.html import fragment_blocks

    depth, end = 0, i
    while end < len(lines) and end - i < _HTML_TABLE_MAX_LINES:
        if end > i and not _HTML_TABLE_PART.search(lines[end]):
            break  # text again: a table never closed ends where its markup does
        for m in _HTML_TABLE_TAG.finditer(lines[end]):
            depth += -1 if m.group(1) else 1
        end += 1
        if depth <= 0:
            break
    indent = len(lines[i]) - len(lines[i].lstrip())
    fragment = "\n".join([lines[i][indent:], *lines[i + 1 : end]])
    try:
        blocks = fragment_blocks(fragment)
    except ReadError as exc:  # the guards of a page: what they say, placed in this file
        lines_zh = f"{i + 1}" if end == i + 1 else f"{i + 1}–{end}"
        raise ReadError(
            f"第 {lines_zh} 行的 HTML 表格无法读取：{exc.detail_zh}",
            f"the HTML table on line(s) {lines_zh} cannot be read: {exc.detail_en}",
            exc.cause,
        ) from exc
    for block in blocks:
        doc.blocks.append(_shifted(block, i, indent))
    return end


def _shifted(block: Paragraph | Table, lines_before: int, indent: int) -> Paragraph | Table:
    """A fragment's block with its anchors moved to where the fragment is in the file."""

    def move(anchor: Anchor) -> Anchor:
        if anchor.line is None:
            return Anchor(lines_before + 1, indent + 1)
        return Anchor(
            anchor.line + lines_before,
            (anchor.column or 1) + (indent if anchor.line == 1 else 0),
            (anchor.end_line or anchor.line) + lines_before,
            (anchor.end_column or anchor.column or 1)
            + (indent if (anchor.end_line or anchor.line) == 1 else 0),
        )

    if isinstance(block, Paragraph):
        return Paragraph(block.text, move(block.anchor))
    rows = tuple(
        tuple(TableCell(c.text, move(c.anchor), c.hmerge, c.vmerge) for c in row)
        for row in block.rows
    )
    return Table(rows=rows, anchor=move(block.anchor), grid=True)
