"""HTML reader: a published report page (or a fragment of one) → :class:`Document`.

What it does, in order:

1. Decode: a BOM, then strict UTF-8, then the page's declared charset (``<meta charset>``,
   ``http-equiv``), then GB18030 (:func:`linter.readers.decode_text`); a fallback is an
   XT003 diagnostic. BOM-less UTF-16 is recognised by its NUL pattern.
2. Parse with a hardened lxml HTML parser: no network, no DTD, no entity expansion (the
   HTML parser knows only the predefined HTML entities), default resource limits. Every
   parser failure is a :class:`ReadError` that says what is wrong with the file.
3. Find the report body in a whole site page: the smallest element holding the section
   headings (一、总体情况 … 六、其他需要报告的事项), widened to a known CMS article
   container; failing that a known CMS container, failing that the element holding most of
   the page's text. Navigation, breadcrumbs, share buttons, footers, scripts and styles
   outside (or inside) it never become blocks. A fragment without ``<html>``/``<body>`` is
   read whole.
4. Blocks in document order: a :class:`Paragraph` per block-level element (split at
   ``<br>``), a :class:`Table` per ``<table>`` with row and column spans expanded into a
   full grid (copies flagged ``hmerge``/``vmerge``). A one-column table wrapping the
   article is layout and is read as blocks.
5. Anchors: 1-based line and column (code points) of each element's start tag in the
   decoded text. lxml gives the line on which a start tag *ends*; the body's lines are
   scanned once for start tags, and an element that is the k-th of its name to end on a
   line gets the k-th such start tag of the source.
6. Metadata: title, published and written dates (YYYY-MM-DD), agency, url — from
   ``<meta>`` tags first, then from visible labels such as ``发布日期：2020-01-31``.
"""

from __future__ import annotations

import codecs
import re
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from itertools import accumulate
from typing import TYPE_CHECKING

from linter.document import (
    MHTML_MEDIA_TYPE,
    Anchor,
    Block,
    Diagnostic,
    Document,
    LazyAnchor,
    Paragraph,
    ReadError,
    Table,
    TableCell,
)
from linter.readers import (
    PUBLISHED_LABELS,
    Decoded,
    Limits,
    Reader,
    canonical_codec,
    collector_paused,
    decode_text,
    html_positioned,
    is_binary,
    iso_date,
)
from linter.readers.declared import HTML_SUFFIXES, MHTML_SUFFIXES, HtmlForm, is_mhtml
from linter.textnorm import unify_radicals

if TYPE_CHECKING:  # lxml is imported lazily: only this reader needs it.
    from lxml.etree import _Element as Element

    from linter.readers.mhtml import Archived

__all__ = ["HtmlReader"]

# Signatures of container formats that are certainly not HTML.
NOT_HTML_MAGIC = (
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"%PDF",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
)

MAX_COLSPAN = 100
# A cell with this much text and a table inside it is page layout, not a data cell.
LAYOUT_CELL_TEXT = 500
# A CMS article container is trusted when it holds this much text (or this share of the page).
CONTAINER_MIN_TEXT = 200
CONTAINER_MIN_SHARE = 0.25
# Bounds on the search for the report body, so that a crafted page stays linear.
MAX_CANDIDATES = 10
MAX_DESCENT = 40
MAX_DESCENT_COST = 6
# All tables of one document together; a real report has well under 2,000 cells.
MAX_GRID_CELLS = 200_000

# Elements that start a new paragraph. Table parts are here too: outside a table grid
# (a stray cell, a layout table) they are containers like any other.
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center",
        "dd", "details", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html",
        "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary",
        "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
# Elements whose start tags are located in the source (everything that gets an anchor).
ANCHORED_TAGS = tuple(sorted(BLOCK_TAGS | {"br"}))
ANCHORED_SET = frozenset(ANCHORED_TAGS)
# Never content, and holding no elements: dropped from the whole tree first.
SCRIPT_TAGS = ("script", "style")
# Never content inside the report body either (dropped after the anchors are ranked:
# some hold elements that the source scan counts).
WIDGET_TAGS = (
    "noscript", "template", "iframe", "frame", "object", "embed", "applet", "select",
    "button", "textarea", "input", "svg", "canvas", "audio", "video", "map", "marquee",
    "noembed", "noframes",
)  # fmt: skip
WIDGET_TAG_SET = frozenset(WIDGET_TAGS)
# Page regions that are chrome unless they hold the report (a table or a heading).
REGION_TAGS = frozenset({"nav", "header", "footer", "aside", "form", "menu"})
# Elements whose class/id is an editor's, never chrome.
NEVER_CHROME_TAGS = frozenset({"p", "td", "th", "tr", "tbody", "table"})
# class/id fragments of chrome inside an article container.
CHROME_MARKER_RE = re.compile(
    r"breadcrumb|crumb|share|fenxiang|print|qrcode|ewm|position|location|dqwz|pagination"
    r"|pager|related|xglj|toolbar|function_icon|article_extend|article_btn|attachment"
    r"|footer|header|\bnav",
    re.IGNORECASE,
)
# class/id of the article container in the CMSs government sites use.
CONTENT_MARKER_RE = re.compile(
    r"trs_editor|custom_unionstyle|\bzoom\b|article[-_]?(?:content|con\b|body|text)"
    r"|(?:detail|content|news|main)[-_]?(?:content|text|body|con\b)|\bcontent\b|\bzw\b",
    re.IGNORECASE,
)

# Section headings: a Chinese numeral and a key phrase of that section's heading.
HEADING_KEYS = (
    "总体情况", "主动公开", "收到和处理", "依申请", "行政复议", "行政诉讼", "主要问题",
    "其他需要报告",
)  # fmt: skip
HEADING_RE = re.compile(r"^[一二三四五六][、.．，,]\S{0,12}?(?:" + "|".join(HEADING_KEYS) + ")")
HEADING_START_RE = re.compile(r"^[一二三四五六][、.．，,]")
# Text nodes that may hold (the start of) a heading; the filtering is done in Python,
# which is cheaper than asking XPath for each key phrase. A page without a full-width
# stop asks only for the 、: each test reads every text node of the page anew.
HEADING_XPATH = "descendant::text()[contains(., '、') or contains(., '．')]"
HEADING_XPATH_NO_STOP = "descendant::text()[contains(., '、')]"
# A full-width stop (．, U+FF0E) written as a character reference (looked for apart from
# the character itself: a pattern opening with a literal is searched for fast, in C).
FULL_STOP_REFERENCE_RE = re.compile(r"&#(?:0*65294|[xX]0*[fF][fF]0[eE])")


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    """A pattern matching exactly one of ``words``, written as a prefix tree
    (``t(?:able|body|d|…)``): re tries the branches of an alternation one after another,
    and at every ``<`` of a page a flat one of 48 names tried them all."""
    branches: dict[str, list[str]] = {}
    for word in words:
        if word:
            branches.setdefault(word[0], []).append(word[1:])
    parts = [re.escape(first) + _alternation(rests) for first, rests in sorted(branches.items())]
    if not parts:
        return ""
    tree = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{tree})?" if "" in words else tree


# Start tags of anchored elements, and the openers of what the parser does not read as
# markup (comments, raw-text elements), in lowercase: a case-insensitive alternation
# scans several times slower, so it is used only for pages that write tags in uppercase.
# (Each name must be followed by a space, "/" or ">", so at most one name can match at a
# place: the prefix tree finds the same matches as a flat alternation of the names.)
RAW_TEXT_TAGS = (
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
)  # fmt: skip
_SOURCE_TAG_PATTERN = (
    # (every alternative starts with "!" or a letter: an end tag, most "<" of a page,
    # fails at the lookahead, before the alternatives are tried one by one)
    r"<(?=[!a-z])(?:(!--)|("
    + _alternation(RAW_TEXT_TAGS)
    + r")(?=[\s/>])|("
    + _alternation(ANCHORED_TAGS)
    + r")(?=[\s/>])[^>]*>)"
)
SOURCE_TAG_RE = re.compile(_SOURCE_TAG_PATTERN)
SOURCE_TAG_ANY_CASE_RE = re.compile(_SOURCE_TAG_PATTERN, re.IGNORECASE)
UPPERCASE_TAG_RE = re.compile(r"</?[A-Z]")
DOCUMENT_TAG_RE = re.compile(r"<(?:html|body)[\s>]", re.IGNORECASE)
DECLARED_CHARSET_RE = re.compile(
    rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([a-z0-9_.:-]+)|<\?xml[^>]*?encoding\s*=\s*[\"']([a-z0-9_.:-]+)",
    re.IGNORECASE,
)
SNIFF_START_RE = re.compile(
    rb"<(?:head|body|meta|title|table|p|div|h[1-6]|span|center|font|br|ul|ol|section|article"
    rb"|link|style|script|base)[\s>/]"
)
SNIFF_ANYWHERE_RE = re.compile(rb"<(?:html|body|table|div|p|td|tr|br)[\s>/]")
LEADING_JUNK_RE = re.compile(rb"\s+|<!--.*?-->|<\?.*?\?>", re.DOTALL)

# What may stand between a visible label and its value in the page source: a colon,
# spaces, &nbsp; and the tags that close the label's cell and open the value's.
_LABEL_GAP = r"(?:\s|&nbsp;|&#160;|\u3000|[:：]|<[^<>]{0,400}>){0,16}?"
_DATE_VALUE_RE = re.compile(_LABEL_GAP + r"(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})")
# Visible metadata labels: (key, labels, the pattern of the value right after a label).
METADATA_LABELS = (
    ("published", PUBLISHED_LABELS, _DATE_VALUE_RE),
    ("written", ("成文日期", "成文时间"), _DATE_VALUE_RE),
    (
        "agency",
        ("发布机构", "发文机关", "发布单位"),
        re.compile(_LABEL_GAP + r"([^\s<>:：|｜&]{2,40})"),
    ),
)
NOT_AN_AGENCY_RE = re.compile(r"日期|时间|索引号|分类|文号|主题|名称")
TITLE_SPLIT_RE = re.compile(r"\s*(?:_|\||｜| - | — |——|－)\s*")

# Joins the pieces of one table cell; never occurs in parsed text (lxml drops NULs).
CELL_BREAK = "\x00"
ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


_ENTITY_DECLARATION = re.compile(r"<!DOCTYPE[^>\[]*\[[^\]]*<!ENTITY", re.IGNORECASE | re.DOTALL)
# The lead bytes of U+2F00..U+2FFF in UTF-8 (the Kangxi radicals are U+2F00..U+2FD5): a page
# without them holds no radical.
RADICAL_BYTES_RE = re.compile(rb"\xe2[\xbc-\xbf]")
# A character reference that may be one (U+2F00–U+2FDF: &#x2F00; … &#12255;).
RADICAL_REFERENCE_BYTES_RE = re.compile(rb"&#(?:[xX]0*2[fF][0-9a-fA-F]{2}|0*12[0-2][0-9]{2})")
# The mark of poppler's positioned pages (ASCII: looked for in the payload's bytes).
_POSITIONED_MARKER = html_positioned.MARKER.encode("ascii")


class HtmlReader(HtmlForm, Reader):
    """Reads a report published as an HTML page or fragment."""

    def sniff(self, head: bytes, suffix: str) -> int:
        """High when the bytes start like HTML; the suffix only breaks ties."""
        if head.startswith(NOT_HTML_MAGIC):
            return 0
        if is_mhtml(head):  # a page saved as one file
            return 100 if suffix.lower() in MHTML_SUFFIXES else 90
        sample = _ascii_head(head)
        html_suffix = suffix.lower() in HTML_SUFFIXES
        start = _skip_leading_junk(sample).lower()
        if start.startswith((b"<!doctype html", b"<html")):
            score = 95
        elif SNIFF_START_RE.match(start):
            score = 80
        elif SNIFF_ANYWHERE_RE.search(sample[:4096].lower()):
            score = 50
        else:
            score = 0
        if html_suffix:
            score = min(100, score + 5) if score else (10 if not is_binary(head) else 0)
        return score

    @collector_paused
    def read(self, path: str, data: bytes, limits: Limits) -> Document:
        """Read one HTML file; raises :class:`ReadError` when nothing can be read."""
        from lxml import etree

        archive = None
        if is_mhtml(data[:4096]):
            from linter.readers.mhtml import unwrap

            archive = unwrap(data)
            data = archive.html
        text, encoding, payload, diagnostics = _decode(data, archive and archive.charset)
        # radicals pasted from a PDF: the parser reads the same text (looked for in the UTF-8
        # payload first, where the search runs several times faster than in the text)
        if RADICAL_BYTES_RE.search(payload):
            unified = unify_radicals(text)
            if unified is not text:
                text, payload = unified, unified.encode("utf-8")
        positioned = _POSITIONED_MARKER in payload  # (ASCII: found in the bytes, faster)
        sizes = html_positioned.font_sizes(text) if positioned else {}
        if _NEXT_DOCUMENT_BYTES.search(payload):
            joined = _join_documents(text)
            if joined is not text:
                text, payload = joined, joined.encode("utf-8")
        if _ENTITY_DECLARATION.search(text, 0, 65536):
            # Web pages never declare entities; a document that does is an XML entity
            # attack (billion laughs, external entities) or not a page at all.
            raise ReadError(
                "文件在 DOCTYPE 中声明了 XML 实体（<!ENTITY …>），这是实体展开攻击（如“十亿笑声”、外部实体）的写法，"
                "政府网站的网页不会这样写；出于安全考虑未读取。请提供原始网页。",
                "the file declares XML entities in its DOCTYPE (<!ENTITY …>), the form of entity "
                "expansion attacks (billion laughs, external entities); web pages never do this, so "
                "it was not read. Supply the original page.",
            )
        _guard_shapes(payload)
        try:
            root = _parse(payload)
            is_page = DOCUMENT_TAG_RE.search(text) is not None
            metadata, linked = _head_metadata(root, is_page)
            etree.strip_elements(root, *SCRIPT_TAGS, with_tail=False)
            body = _body_element(root)
            if is_page:
                full_stops = "．" in text or FULL_STOP_REFERENCE_RE.search(text) is not None
                container = _report_container(body, full_stops)
            else:  # a bare fragment is the report itself
                container = body
            source = (
                _SourceIndex(text) if archive is None else _ArchivedSource(text, archive, encoding)
            )
            if positioned:
                html_positioned.place_tables(container, sizes)
            source.prepare(container)
            if linked is None or positioned:  # (placing tables may have moved links)
                linked = list(body.iter(*LINK_TAGS))
            # (the body's links were gathered with its meta tags; most pages' report
            # bodies link to no file, and a page without links has none to look for)
            # the report body's links, widgets and page regions: one walk
            inside = list(container.iter(*LINK_TAGS, *WIDGET_TAGS, *REGION_TAGS))
            if container is body or not linked:
                attachments = _attachments(linked)
            else:
                links = [e for e in inside if e.tag in LINK_TAG_SET]
                attachments = _attachments(links) or _attachments(linked)
            if attachments:
                metadata["attachments"] = attachments
            _drop_chrome(container, source, [e for e in inside if e is not container])
            walker = _BlockWalker(source)
            blocks = walker.run(container)
            body_span = (0, 0) if container is body else source.span
            _visible_metadata(metadata, text, blocks, body_span)
        except ReadError:
            raise
        except (etree.LxmlError, ValueError, RecursionError) as exc:
            raise ReadError(
                f"HTML 文件无法解析（{type(exc).__name__}: {exc}）。请确认文件是完整的网页，"
                "或另存为 UTF-8 编码的 HTML 后重试。",
                f"The HTML file cannot be parsed ({type(exc).__name__}: {exc}). Check that the "
                "file is a complete web page, or save it again as UTF-8 HTML.",
            ) from exc
        if archive is not None and archive.location and "url" not in metadata:
            metadata["url"] = archive.location
        return Document(
            path=path,
            media_type=self.media_type if archive is None else MHTML_MEDIA_TYPE,
            blocks=blocks,
            encoding=encoding,
            metadata=metadata,
            diagnostics=diagnostics,
            images=walker.images,
            # Radicals in the source were unified before parsing; one written as a
            # character reference (“&#x2F00;”) only appears in the parsed text.
            radicals_read=not RADICAL_REFERENCE_BYTES_RE.search(payload),
        )


# Pictures noted in a page (for what a section without a table holds instead).
MAX_IMAGES = 200


# --------------------------------------------------------------------------- fragments


def fragment_blocks(fragment: str) -> list[Block]:
    """The tables (and any text) of an HTML fragment inside another document — a
    ``<table>…</table>`` that a PDF-to-markdown converter writes into its markdown — with
    anchors into the fragment (line 1 is its first line). Raises :class:`ReadError` for a
    fragment the guards refuse, as for a page."""
    from lxml import etree

    payload = fragment.encode("utf-8")
    _guard_shapes(payload)
    try:
        root = _parse(b"<html><body>" + payload + b"</body></html>")
        body = _body_element(root)
        source = _SourceIndex(fragment)
        source.prepare(body)
        blocks = _BlockWalker(source).run(body)
    except (etree.LxmlError, ValueError, RecursionError) as exc:
        raise ReadError(
            f"文中的 HTML 表格无法解析（{type(exc).__name__}: {exc}）。",
            f"an HTML table in the text cannot be parsed ({type(exc).__name__}: {exc}).",
        ) from exc
    return blocks


# --------------------------------------------------------------------------- sniffing


# One HTML document after another in one file (poppler's ``pdftohtml -s``: each page of
# the PDF a document of its own, ``</html>`` then ``<!DOCTYPE html><html>…<body>``).
_NEXT_DOCUMENT_BYTES = re.compile(rb"</html>\s*(?:<!DOCTYPE[^>]*>\s*)?<html\b", re.IGNORECASE)
_NEXT_DOCUMENT = re.compile(r"</body>\s*</html>\s*(?:<!DOCTYPE[^>]*>\s*)?<html\b", re.IGNORECASE)
_BODY_TAG = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


def _join_documents(text: str) -> str:
    """Documents one after another in one file as one body: the parser reads only the
    first (the pages after it were lost, and with them every section but the first).
    The markup between two bodies becomes spaces (its line breaks kept), so every
    anchor into the file stays where it was. One pass over the text."""
    out: list[str] = []
    at = 0
    while (end := _NEXT_DOCUMENT.search(text, at)) is not None:
        body = _BODY_TAG.search(text, end.end())
        if body is None:
            break
        out += [text[at : end.start()], re.sub(r"[^\n]", " ", text[end.start() : body.end()])]
        at = body.end()
    return "".join([*out, text[at:]]) if out else text


def _ascii_head(head: bytes) -> bytes:
    """The start of the file as bytes in which ASCII markup can be matched."""
    if head.startswith(codecs.BOM_UTF8):
        return head[3:]
    utf16 = _utf16_codec(head)
    if utf16:
        text = head.decode(utf16, errors="ignore").lstrip("\ufeff")
        return text.encode("utf-8", errors="ignore")
    return head


def _skip_leading_junk(sample: bytes) -> bytes:
    """Skip whitespace, comments (``<!-- saved from url -->``) and ``<?xml ?>``."""
    pos = 0
    while True:
        match = LEADING_JUNK_RE.match(sample, pos)
        if not match or match.end() == pos:
            return sample[pos:]
        pos = match.end()


def _utf16_codec(data: bytes) -> str | None:
    """``utf-16`` with a BOM; ``utf-16-le``/``-be`` when a BOM-less file starts with
    markup or whitespace in that form (ASCII interleaved with NULs); else None."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if len(data) < 4:
        return None
    if data[0] in b"<\t\r\n " and not data[1] and data[2] and not data[3]:
        return "utf-16-le"
    if not data[0] and data[1] in b"<\t\r\n " and not data[2] and data[3]:
        return "utf-16-be"
    return None


# --------------------------------------------------------------------------- decoding


def _decode(data: bytes, charset: str | None = None) -> tuple[str, str, bytes, list[Diagnostic]]:
    """Decide the text; return it, its encoding, UTF-8 bytes for lxml, and diagnostics.
    ``charset`` is what the file's container declares (an archive's part), which the page's
    own ``<meta charset>`` gives way to when they differ only if the bytes say so."""
    utf16 = _utf16_codec(data)
    declared = None
    if utf16 and utf16 != "utf-16":  # no BOM, which decode_text needs to recognise UTF-16
        text = data.decode(utf16, errors="replace")
        encoding, replaced = utf16, text.count("\ufffd")
        fallback = replaced > 0
    else:
        if not utf16 and is_binary(data):
            raise ReadError(
                "文件不是文本格式的网页（含有 NUL 字节或大量控制字符），可能是二进制文件被改成了 "
                ".html 扩展名，或是不带 BOM 的 UTF-16 文本。请提供原始网页，或另存为 UTF-8 编码。",
                "The file is not a text web page (it contains NUL bytes or many control "
                "characters): it may be a binary file renamed to .html, or UTF-16 text without "
                "a byte-order mark. Provide the original page, or save it as UTF-8.",
            )
        declared = _declared_charset(data) or charset
        decoded = decode_text(data, declared=declared)
        truncated = _truncated_utf8(data) if decoded.fallback and not utf16 else None
        if truncated is None and decoded.encoding == "utf-8" and not decoded.replaced:
            return decoded.text, "utf-8", data, []  # lxml can parse the bytes as they are
        decoded = truncated or decoded
        text, encoding = decoded.text, decoded.encoding
        fallback, replaced = decoded.fallback, decoded.replaced
    diagnostics: list[Diagnostic] = []
    if fallback:
        diagnostics.append(_fallback_diagnostic(declared, encoding, replaced))
    return text, encoding, text.encode("utf-8", errors="replace"), diagnostics


def _truncated_utf8(data: bytes) -> Decoded | None:
    """UTF-8 whose only fault is a character cut off at the end (a truncated download)."""
    for cut in (1, 2, 3):
        try:
            return Decoded(data[:-cut].decode("utf-8"), "utf-8", fallback=False)
        except UnicodeDecodeError as error:
            if error.start < len(data) - 4:
                return None
    return None


def _fallback_diagnostic(declared: str | None, encoding: str, replaced: int) -> Diagnostic:
    if declared:
        said_zh = f"网页声明的编码（{declared}）与内容不符"
        said_en = f"The page declares charset {declared} but its bytes are not in it"
    else:
        said_zh = "网页没有声明编码，内容也不是 UTF-8"
        said_en = "The page declares no charset and is not UTF-8"
    lost_zh = f"，{replaced} 个字符无法识别、已替换为 U+FFFD" if replaced else ""
    lost_en = f"; {replaced} undecodable characters were replaced by U+FFFD" if replaced else ""
    return Diagnostic(
        code="XT003",
        detail_zh=f"{said_zh}，已按 {encoding} 解码{lost_zh}。请核对文字，或将网页另存为 UTF-8。",
        detail_en=f"{said_en}; it was decoded as {encoding}{lost_en}. Check the text, or save "
        "the page as UTF-8.",
        args=(("encoding", encoding), ("declared", declared or ""), ("replaced", str(replaced))),
    )


def _declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 8 KB. A declared UTF-16/32 is ignored: the
    declaration was just read as ASCII, so the file cannot be in it."""
    match = DECLARED_CHARSET_RE.search(data, 0, 8192)
    if not match:
        return None
    declared = (match.group(1) or match.group(2)).decode("ascii", errors="ignore")
    if not declared or declared.lower().startswith(("utf-16", "utf-32", "ucs", "unicode")):
        return None
    return declared


# --------------------------------------------------------------------------- parsing


# Shapes libxml2's HTML parser takes super-linear time over (measured: 20,000
# attributes on one tag take 0.7 s, 100,000 over two minutes). No web page comes near.
MAX_ATTRIBUTES_PER_TAG = 1_000
MAX_TAGS = 1_000_000
# A start tag longer than this is looked at more closely (counting its attributes).
_LONG_TAG_BYTES = 16385  # "<", a letter and 16,384 more: what _LONG_TAG looks for
_LONG_TAG = re.compile(rb"<[A-Za-z][^<>]{16384,}")
_QUOTED = re.compile(rb"\"[^\"]*\"|'[^']*'")
_ATTRIBUTE = re.compile(rb"\s[^\s\"'=<>/]")
# Any stretch of _LONG_TAG_BYTES bytes (≥ 2 × this − 1) covers an aligned window this long.
_GUARD_WINDOW = 8192


def _guard_shapes(payload: bytes) -> None:
    """Refuse, before the parser sees them, the shapes it is slow on: a tag with
    thousands of attributes, millions of tags (all scans run in C, linear time)."""
    # A tag that long holds no ">": it lies in a stretch at least that long between two
    # ">". Most pages have none; the pattern looks only inside those there are.
    for start, end in _long_stretches(payload):
        _guard_attributes(payload, start, end)
    # (each tag takes a "<": a payload shorter than the limit cannot exceed it)
    tags = payload.count(b"<") if len(payload) > MAX_TAGS else 0
    if tags > MAX_TAGS:
        raise ReadError(
            f"文件含 {tags:,} 个标签（上限 {MAX_TAGS:,}），远超任何年度报告网页，因此未读取。"
            "文件可能已损坏或是恶意构造的，请提供原始网页。",
            f"the file holds {tags:,} tags (the limit is {MAX_TAGS:,}), far more than any "
            "annual report page, so it was not read. It is probably damaged or crafted: "
            "supply the original page.",
        )


def _long_stretches(payload: bytes) -> Iterator[tuple[int, int]]:
    """(start, end) of each stretch of more than _LONG_TAG_BYTES bytes without ">", in
    order. Each covers a whole aligned window of _GUARD_WINDOW bytes without ">": every
    window is looked at with one find in C, and only around one without ">" (a long
    paragraph of text, a crafted tag) is the stretch measured."""
    find, size, window = payload.find, len(payload), _GUARD_WINDOW
    start = 0
    while start < size:
        if find(b">", start, start + window) >= 0:
            start += window
            continue
        after = find(b">", start + window)
        after = size if after < 0 else after
        before = payload.rfind(b">", 0, start) + 1
        if after - before > _LONG_TAG_BYTES:
            yield before, after
        start = (after // window + 1) * window  # past the window holding that ">"


def _guard_attributes(payload: bytes, start: int, end: int) -> None:
    for match in _LONG_TAG.finditer(payload, start, end):
        count = len(_ATTRIBUTE.findall(_QUOTED.sub(b" ", match.group())))
        if count > MAX_ATTRIBUTES_PER_TAG:
            line = payload.count(b"\n", 0, match.start()) + 1
            raise ReadError(
                f"第 {line} 行的一个标签带有 {count:,} 个属性（上限 {MAX_ATTRIBUTES_PER_TAG:,}），"
                "网页不会这样写；解析这种结构耗时极长，因此未读取。文件可能已损坏或是恶意构造的，请提供原始网页。",
                f"a tag on line {line} has {count:,} attributes (the limit is "
                f"{MAX_ATTRIBUTES_PER_TAG:,}); web pages never do this and parsing it takes "
                "very long, so the file was not read. It is probably damaged or crafted: "
                "supply the original page.",
            )


# One parser per thread, used for every page: a new parser sets up a new parsing context
# in libxml2 for its first page, 0.08 ms of a bench page's 1.4 ms parse. (Parsers are not
# to be shared between threads; each run leaves its own errors in ``error_log``.)
_PARSERS = threading.local()


def _parser():
    parser = getattr(_PARSERS, "html", None)
    if parser is None:
        from lxml import etree

        # etree's own HTML parser: lxml.html's element classes cost a Python call per
        # element.
        parser = _PARSERS.html = etree.HTMLParser(
            encoding="utf-8",
            no_network=True,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
            collect_ids=False,
            default_doctype=False,
        )
    return parser


def _parse(payload: bytes) -> Element:
    """Parse UTF-8 bytes with a parser that reads nothing but these bytes."""
    from lxml import etree

    parser = _parser()
    root = etree.fromstring(payload, parser=parser)
    for error in parser.error_log:
        if error.type_name == "ERR_RESOURCE_LIMIT" or error.level_name == "FATAL":
            raise ReadError(
                f"HTML 文件超出解析器的安全限制（第 {error.line} 行：{error.message}），"
                "例如元素嵌套超过 256 层或单段文字超过 10 MB。这通常是损坏或恶意构造的文件。",
                f"The HTML file exceeds the parser's safety limits (line {error.line}: "
                f"{error.message}), e.g. elements nested deeper than 256 levels or one text "
                "longer than 10 MB. The file is probably damaged or crafted.",
            )
    if root is None:
        raise ReadError(
            "HTML 文件是空的，没有任何内容。",
            "The HTML file is empty: there is nothing to read.",
        )
    return root


def _body_element(root: Element) -> Element:
    body = root.find("body")
    return body if body is not None else root


# --------------------------------------------------------------------------- the report body


def _report_container(body: Element, full_stops: bool = True) -> Element:
    """The element that holds the report in a whole site page (``full_stops``: whether
    the page may hold a full-width stop, see :func:`_heading_elements`)."""
    headings = _heading_elements(body, full_stops)
    if len({numeral for numeral, _ in headings}) >= 2:
        container = _common_ancestor([element for _, element in headings])
        return _widen_to_article(_narrow(container, headings), body)
    marked = [
        element
        for element in body.iter("div", "td", "article", "section", "main")
        if CONTENT_MARKER_RE.search(f"{element.get('class', '')} {element.get('id', '')}")
    ][:MAX_CANDIDATES]
    strong = [e for e in marked if not _is_generic_content_marker(e)]
    page_text = _text_length(body)
    for candidates in (strong, marked):
        best = max(candidates, key=_text_length, default=None)
        if best is None:
            continue
        length = _text_length(best)
        if length >= CONTAINER_MIN_TEXT or (length and length >= CONTAINER_MIN_SHARE * page_text):
            return best
    return _dominant_branch(body)


def _heading_elements(body: Element, full_stops: bool = True) -> list[tuple[str, Element]]:
    """(numeral, block element) for each section heading found in the page body; a page
    without a full-width stop (``full_stops`` false) has only its text nodes holding a
    、 looked at (half the cost: the XPath reads each text node once, not twice)."""
    found: list[tuple[str, Element]] = []
    for node in body.xpath(HEADING_XPATH if full_stops else HEADING_XPATH_NO_STOP):
        element = node.getparent()
        if element is None:
            continue
        if node.is_tail:
            element = element.getparent()
        block = element
        in_link = False
        while block is not None and block.tag not in BLOCK_TAGS:
            in_link = in_link or block.tag == "a"
            block = block.getparent()
        if block is None or in_link or block.tag in ("body", "html"):
            continue
        own = "".join(node.split())
        match = HEADING_RE.match(own)
        if not match and (HEADING_START_RE.match(own) or len(own) <= 3):
            match = HEADING_RE.match(_leading_text(block))  # "一、" and "总体情况" split
        if match:
            found.append((match.group(0)[0], block))
    return found


def _narrow(container: Element, headings: list[tuple[str, Element]]) -> Element:
    """Step into the child that holds every heading when the headings are also repeated
    elsewhere (a table of contents beside the article): the one with more text wins."""
    wanted = {numeral for numeral, _ in headings}
    for _ in range(MAX_DESCENT):
        groups: dict[int, tuple[Element, set[str], list[tuple[str, Element]]]] = {}
        for numeral, element in headings:
            child = element
            while child is not None and child.getparent() is not container:
                child = child.getparent()
            if child is None:  # the heading is the container itself
                return container
            group = groups.setdefault(id(child), (child, set(), []))
            group[1].add(numeral)
            group[2].append((numeral, element))
        complete = [group for group in groups.values() if group[1] == wanted]
        if len(groups) < 2 or not complete:
            return container
        container, _, headings = max(complete, key=lambda group: _text_length(group[0]))
    return container


def _leading_text(element: Element, size: int = 30) -> str:
    """The first ``size`` non-space characters of an element's text."""
    pieces: list[str] = []
    length = 0
    for piece in element.itertext():
        piece = "".join(piece.split())
        pieces.append(piece)
        length += len(piece)
        if length >= size:
            break
    return "".join(pieces)[:size]


def _common_ancestor(elements: list[Element]) -> Element:
    first = elements[0]
    path = [first, *first.iterancestors()]
    depth = {id(element): index for index, element in enumerate(path)}
    deepest = 0
    for element in elements[1:]:
        node = element
        while id(node) not in depth:
            node = node.getparent()
        deepest = max(deepest, depth[id(node)])
    return path[deepest]


def _widen_to_article(container: Element, body: Element) -> Element:
    """Step out of table parts, then up to a close CMS article container if there is one."""
    node = container
    while node.tag in ("tr", "tbody", "thead", "tfoot", "table") and node.getparent() is not None:
        node = node.getparent()
    climbed = node
    for _ in range(3):
        if climbed is body or climbed.getparent() is None:
            break
        marker = f"{climbed.get('class', '')} {climbed.get('id', '')}"
        if CONTENT_MARKER_RE.search(marker) and not _is_generic_content_marker(climbed):
            return climbed
        climbed = climbed.getparent()
    return node


def _is_generic_content_marker(element: Element) -> bool:
    """``class="content"`` often wraps a whole page; trust it least."""
    marker = f"{element.get('class', '')} {element.get('id', '')}"
    match = CONTENT_MARKER_RE.search(marker)
    return match is not None and match.group(0).lower() in ("content", "zw")


def _text_length(element: Element) -> int:
    return int(element.xpath("string-length(normalize-space(.))"))


def _dominant_branch(body: Element) -> Element:
    """Descend while one child holds most of the text (a page with no known container).

    Each step measures the text under the current node again; the descent stops once that
    has cost a few times the page's text, so a crafted page stays linear."""
    node = body
    total = _text_length(node)
    budget = MAX_DESCENT_COST * total
    for _ in range(MAX_DESCENT):
        if total == 0 or budget < 0:
            return node
        lengths = [(_text_length(child), child) for child in node]
        budget -= total
        length, best = max(lengths, key=lambda pair: pair[0], default=(0, None))
        if best is None or length < 0.6 * total:
            return node
        node, total = best, length
    return node


def _drop_chrome(container: Element, source: _SourceIndex, found: list[Element]) -> None:
    """Remove widgets and chrome regions inside the report body (keeping their tails);
    the source ranks the body's elements first when anything is removed. ``found``: the
    body's links, widgets and regions (``LINK_TAGS``, ``WIDGET_TAGS``, ``REGION_TAGS``)
    below it, in order."""
    from lxml import etree

    if any(element.tag in WIDGET_TAG_SET for element in found):
        source.rank()
        etree.strip_elements(container, *WIDGET_TAGS, with_tail=False)
        regions = list(container.iterdescendants(*REGION_TAGS))
    else:
        regions = [element for element in found if element.tag in REGION_TAGS]
    # (cells and paragraphs carry editor classes, never chrome: not worth a regex each;
    # they are passed over in Python: six ``self::`` tests in the XPath cost more)
    suspects = [
        element
        for element in container.xpath("descendant::*[@class or @id]")
        if element.tag not in NEVER_CHROME_TAGS
        and CHROME_MARKER_RE.search(f"{element.get('class', '')} {element.get('id', '')}")
    ]
    suspects.extend(regions)
    for element in suspects:
        if element.getparent() is None:
            continue
        if element.find(".//table") is not None or _holds_heading(element):
            continue
        source.rank()
        _remove_keep_tail(element)


def _holds_heading(element: Element) -> bool:
    return any(HEADING_RE.match("".join(t.split())) for t in element.itertext() if "、" in t)


def _remove_keep_tail(element: Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


# --------------------------------------------------------------------------- anchors


class _SourceIndex:
    """Finds where elements' start tags are in the decoded source text.

    lxml's ``sourceline`` is the line on which a start tag *ends*. The k-th element named
    ``td`` that lxml puts on line L is the k-th ``<td …>`` of the source whose ``>`` is on
    line L. :meth:`prepare` ranks the elements and scans the report body's lines once.
    """

    # libxml2 stores line numbers in 16 bits: past this line, sourceline says 65535.
    LAST_RELIABLE_LINE = 65534

    def __init__(self, text: str) -> None:
        self.text = text
        self._line_starts: list[int] | None = None
        # tag name -> offsets of its start tags' "<" and ">", in source order
        self.tags: dict[str, tuple[list[int], list[int]]] = {}
        # element -> its rank among same-named elements ending on the same line
        self.ranks: dict[Element, int] = {}
        # offsets of the first and past the last character of the scanned lines
        self.span = (0, len(text))
        self._scanned = True
        # the element whose anchored elements are still to be ranked (see :meth:`rank`)
        self._container: Element | None = None
        self._last_ranked_line = 0
        # name -> rank of each of the container's elements of that name, and the
        # elements before the container on its first line, by name (ranked name by
        # name as anchors ask, while nothing has been removed from the tree)
        self._ranked: dict[str, dict[Element, int]] = {}
        self._preceding: dict[str, int] | None = None

    @property
    def line_starts(self) -> list[int]:
        """Offsets at which the source's lines start (worked out on first use)."""
        starts = self._line_starts
        if starts is None:
            # each line starts one past the end of the one before (all in C)
            lengths = map(len, self.text.split("\n"))
            starts = list(accumulate(map((1).__add__, lengths), initial=0))[:-1]
            self._line_starts = starts
        return starts

    def prepare(self, container: Element) -> None:
        """Mark the source lines of ``container``'s elements; its anchored elements are
        ranked when the first anchor is asked for (most pages: while their findings are
        placed) or, at the latest, before anything is removed from the tree (:meth:`rank`).
        The container's last element ends on its last line: start tags come in the
        source's order, so no element of the container ends on a later line."""
        self._container = container
        first_line = container.sourceline or 1
        last = container
        while len(last):
            last = last[-1]
        last_line = last.sourceline
        if not last_line:  # an element made after parsing (no line): as its elements say
            self.rank()
            last_line = max(self._last_ranked_line, 0)
        self._span(first_line, max(first_line, last_line))

    def rank(self) -> None:
        """Rank every anchored element of the container among those of its name that end
        on the same line (call before anything is removed from the tree; once)."""
        container = self._container
        if container is None:
            return
        self._container = None
        counts: dict[tuple[str, int], int] = {}
        first_line = container.sourceline or 1
        for element in _preceding_on_line(container, first_line):
            key = (element.tag, first_line)
            counts[key] = counts.get(key, 0) + 1
        ranks = self.ranks
        last_line = first_line
        for element in container.iter(*ANCHORED_TAGS):
            key = (element.tag, element.sourceline)
            rank = counts.get(key, 0)
            ranks[element] = rank
            counts[key] = rank + 1
            last_line = key[1] or last_line
        self._last_ranked_line = last_line
        self._ranked = {}

    def _rank_of(self, element: Element, name: str) -> int | None:
        """The element's rank among the elements named ``name`` that end on its line
        (as :meth:`rank` gives it), the container's elements of that name ranked on
        first use; None for an element outside the container."""
        ranked = self._ranked.get(name)
        if ranked is None:
            container = self._container
            assert container is not None
            first_line = container.sourceline or 1
            preceding = self._preceding
            if preceding is None:
                preceding = self._preceding = {}
                for before in _preceding_on_line(container, first_line):
                    preceding[before.tag] = preceding.get(before.tag, 0) + 1
            counts = {first_line: preceding.get(name, 0)}
            ranked = self._ranked[name] = {}
            for same in container.iter(name):
                line = same.sourceline
                rank = counts.get(line, 0)
                ranked[same] = rank
                counts[line] = rank + 1
        return ranked.get(element)

    def _span(self, first_line: int, last_line: int) -> None:
        """The source offsets of the lines the container's elements end on; the tags in
        them are scanned when the first anchor is asked for (most never are)."""
        text, line_starts = self.text, self.line_starts
        first_line = min(first_line, len(line_starts))
        start = line_starts[first_line - 1]
        end = line_starts[last_line] if last_line < len(line_starts) else len(text)
        # a start tag that began on an earlier line and ends on the first one
        open_bracket = text.rfind("<", 0, start)
        if open_bracket >= 0 and text.rfind(">", 0, start) < open_bracket:
            start = open_bracket
        self.span = (start, end)
        self._scanned = False

    def _scan(self) -> None:
        self._scanned = True
        text = self.text
        start, end = self.span
        any_case = UPPERCASE_TAG_RE.search(text, start, end) is not None
        pattern = SOURCE_TAG_ANY_CASE_RE if any_case else SOURCE_TAG_RE
        tags = self.tags
        skip_to = 0  # end of the comment or raw-text element being skipped
        for match in pattern.finditer(text, start, end):
            name = match[3]
            at = match.start()
            if name is None:  # a comment or a raw-text element: skip its contents
                if at >= skip_to:
                    if match[1]:
                        close = text.find("-->", match.end())
                        skip_to = close + 3 if close >= 0 else end
                    else:
                        close = _find_end_tag(text, match[2], match.end())
                        skip_to = close if close >= 0 else end
                continue
            if at < skip_to:
                continue
            if any_case:
                name = name.lower()
            found = tags.get(name)
            if found is None:
                found = tags[name] = ([], [])
            found[0].append(at)
            found[1].append(match.end() - 1)

    def locate(self, element: Element) -> Anchor:
        """Where the element's start tag begins and its end tag ends in the source."""
        if not self._scanned:
            self._scan()
        line = element.sourceline
        if not line or line > self.LAST_RELIABLE_LINE or line > len(self.line_starts):
            return Anchor()
        name = element.tag
        if self._container is not None:
            # (only anchored elements are ranked and scanned for)
            rank = self._rank_of(element, name) if name in ANCHORED_SET else None
        else:
            rank = self.ranks.get(element)
        found = self.tags.get(name) if rank is not None else None
        if found is None or rank is None:
            return Anchor(line=line)  # an element the parser made up
        starts, ends = found
        line_starts = self.line_starts
        index = bisect_left(ends, line_starts[line - 1]) + rank
        line_end = line_starts[line] if line < len(line_starts) else len(self.text)
        if index >= len(ends) or ends[index] >= line_end:
            return Anchor(line=line)
        offset = starts[index]
        start_line = bisect_right(line_starts, offset)
        end = self._element_end(name, index)
        end_line = bisect_right(line_starts, end - 1)
        return Anchor(
            start_line,
            offset - line_starts[start_line - 1] + 1,
            end_line,
            end - line_starts[end_line - 1] + 1,
        )

    # How far to look for an end tag before settling for the end of the start tag.
    END_TAG_REACH = 20_000

    def _element_end(self, name: str, index: int) -> int:
        """The offset past the element's end tag, or past its start tag when the end tag
        is not found nearby or another element of the same name opens first (nesting)."""
        starts, ends = self.tags[name]
        after_start = ends[index] + 1
        close = _find_end_tag(self.text, name, after_start, after_start + self.END_TAG_REACH)
        if close < 0 or (index + 1 < len(starts) and starts[index + 1] < close):
            return after_start
        closing_bracket = self.text.find(">", close)
        return closing_bracket + 1 if closing_bracket >= 0 else after_start


class _ArchivedSource(_SourceIndex):
    """The source index of a page inside an MHTML archive: each anchor is worked out in
    the page's text, then moved to where those bytes are in the archive file."""

    def __init__(self, text: str, archive: Archived, encoding: str) -> None:
        super().__init__(text)
        self.archive = archive
        self._codec, self._skip = _offset_codec(encoding)
        self._byte_starts: list[int] | None = None
        self._archive_lines: list[int] | None = None

    def locate(self, element: Element) -> Anchor:
        placed = super().locate(element)
        if placed.line is None:
            return placed
        line, column = self._moved(placed.line, placed.column)
        if placed.end_line is None:
            return Anchor(line, column if placed.column is not None else None)
        end_line, end_column = self._moved(placed.end_line, placed.end_column)
        return Anchor(line, column, end_line, end_column)

    def _moved(self, line: int, column: int | None) -> tuple[int, int]:
        """(line, column) in the page's text -> (line, column) in the archive."""
        archive = self.archive
        if self._codec is None:  # UTF-16 inside an archive: the part's first line
            offset = archive.archive_offset(0)
        else:
            if self._byte_starts is None:
                lengths = (
                    len(part.encode(self._codec, "replace")) + 1 for part in self.text.split("\n")
                )
                self._byte_starts = list(accumulate(lengths, initial=self._skip))
            start = self.line_starts[line - 1]
            prefix = self.text[start : start + (column or 1) - 1]
            at = self._byte_starts[line - 1] + len(prefix.encode(self._codec, "replace"))
            offset = archive.archive_offset(at)
        if self._archive_lines is None:
            lengths = (len(part) + 1 for part in archive.raw.split(b"\n"))
            self._archive_lines = list(accumulate(lengths, initial=0))
        archive_line = bisect_right(self._archive_lines, offset)
        line_start = self._archive_lines[archive_line - 1]
        shown = archive.raw[line_start:offset].decode("utf-8", "replace")
        return archive_line, len(shown) + 1


def _offset_codec(encoding: str) -> tuple[str | None, int]:
    """The codec that gives back the bytes the page's text was decoded from, to count
    them, and the bytes of a byte-order mark before the text; no codec for UTF-16."""
    name = encoding.lower().replace("_", "-")
    if name.startswith("utf-16"):
        return None, 0
    if name == "utf-8-sig":
        return "utf-8", 3
    return canonical_codec(encoding) or "utf-8", 0  # as decode_text read it


def _find_end_tag(text: str, name: str, start: int, stop: int | None = None) -> int:
    """Offset of ``</name`` (any case) at or after ``start`` (and before ``stop``), or -1."""
    found = _end_tag(name).search(text, start, len(text) if stop is None else stop)
    return found.start() if found else -1


@cache
def _end_tag(name: str) -> re.Pattern[str]:
    return re.compile("</" + re.escape(name.lower()), re.I | re.A)


def _preceding_on_line(container: Element, line: int) -> list[Element]:
    """Anchored elements before ``container`` in document order whose start tags end on
    ``line`` (only the container's own line can share elements with what precedes it)."""
    found: list[Element] = []
    if not line:
        return found
    node = container
    while node is not None:
        for sibling in node.itersiblings(preceding=True):
            last = sibling
            while len(last):
                last = last[-1]
            if (last.sourceline or 0) < line:
                break
            found.extend(e for e in sibling.iter(*ANCHORED_TAGS) if e.sourceline == line)
        node = node.getparent()
        if node is not None and node.sourceline == line and node.tag in ANCHORED_SET:
            found.append(node)
    return found


# --------------------------------------------------------------------------- blocks


class _BlockWalker:
    """Turns the report body into paragraphs and tables in document order."""

    def __init__(self, source: _SourceIndex) -> None:
        self.source = source
        # anchor(element): the element's anchor, worked out when something first reads it.
        # (Held here, not by the source: the maker refers to the source, and a source that
        # referred back to it would keep the page's whole tree alive until a full garbage
        # collection.)
        self.anchor: Callable[[Element], Anchor] = LazyAnchor.maker(source.locate)
        self.blocks: list[Block] = []
        self.pieces: list[str] = []
        # the element whose start tag the pending text is anchored to
        self.owner: Element | None = None
        self.grid_cells = 0
        self.images: list[tuple[int, str]] = []

    def run(self, container: Element) -> list[Block]:
        if container.tag == "table":
            self._table(container)
        else:
            self._block(container)
        return self.blocks

    def _flush(self) -> None:
        if not self.pieces:
            return
        text = "".join(self.pieces)
        self.pieces = []
        if ZERO_WIDTH_RE.search(text):
            text = ZERO_WIDTH_RE.sub("", text)
        text = " ".join(text.split())
        if text and self.owner is not None:
            self.blocks.append(Paragraph(text, self.anchor(self.owner)))

    def _block(self, element: Element) -> None:
        self._flush()
        self.owner = element
        self._content(element, element)
        self._flush()

    def _content(self, element: Element, owner: Element) -> None:
        """Text and children of ``element``; text between blocks belongs to ``owner``."""
        # (each read of .text or .tail decodes it from the tree anew: read once)
        if text := element.text:
            self.pieces.append(text)
        for child in element:
            tag = child.tag
            if tag == "br":
                self._flush()
                self.owner = child
            elif tag == "table":
                self._flush()
                self._table(child)
                self.owner = owner
            elif tag in BLOCK_TAGS:
                self._block(child)
                self.owner = owner
            elif tag == "img":
                self._image(child)
            elif isinstance(tag, str):
                self._content(child, owner)
            if tail := child.tail:
                self.pieces.append(tail)

    def _image(self, img: Element) -> None:
        """Note a picture: it comes before the next block (or is part of the pending one)."""
        if len(self.images) < MAX_IMAGES:
            src = (img.get("src") or "").split("?", 1)[0]
            name = "内嵌图片" if src.startswith("data:") else src.rsplit("/", 1)[-1] or "图片"
            self.images.append((len(self.blocks), name[:80]))

    # tables ------------------------------------------------------------------------

    def _table(self, table: Element) -> None:
        rows, strays = _table_rows(table)
        for stray in strays:  # content the parser left directly in the table
            self._block(stray)
        if not rows:
            return
        if _is_layout_table(table, rows):
            for cells in rows:
                for cell in cells:
                    self._block(cell)
            return
        self.blocks.append(self._grid(table, rows))

    def _grid(self, table: Element, rows: list[list[Element]]) -> Table:
        from lxml.etree import tostring

        anchor = self.anchor
        row_count = len(rows)
        spanned = False  # whether any cell spans (only then can a row hold holes)
        # a rowspan above may already have filled places in a row before it is read
        grid: list[list[TableCell | None]] = [[] for _ in rows]
        for r, cells in enumerate(rows):
            line = grid[r]
            c = 0
            plain = 0  # cells without spans, counted once for the row
            for cell in cells:
                if line:  # places a span from above took
                    while c < len(line) and line[c] is not None:
                        c += 1
                origin = TableCell(_cell_text(cell, tostring), anchor(cell))
                colspan_attr, rowspan_attr = cell.get("colspan"), cell.get("rowspan")
                if colspan_attr is None and rowspan_attr is None:
                    plain += 1
                    if c < len(line):
                        line[c] = origin
                    else:
                        line.append(origin)
                    c += 1
                    continue
                spanned = True
                colspan = _span(colspan_attr, MAX_COLSPAN) if colspan_attr else 1
                rowspan = _span(rowspan_attr, row_count - r, True) if rowspan_attr else 1
                self._count_cells(colspan * rowspan)
                for dr in range(rowspan):
                    target = grid[r + dr]
                    if len(target) < c + colspan:
                        target.extend([None] * (c + colspan - len(target)))
                    for dc in range(colspan):
                        if target[c + dc] is None:  # overlapping spans: the first one wins
                            target[c + dc] = (
                                TableCell(origin.text, origin.anchor, dc > 0, dr > 0)
                                if dr or dc
                                else origin
                            )
                c += colspan
            if plain:
                self._count_cells(plain)
        finished: list[tuple[TableCell, ...]] = []
        for r, line in enumerate(grid):
            if not line:  # an empty <tr> that no span reaches into
                continue
            # (``None in line`` would compare each cell with None through its __eq__)
            if spanned and any(cell is None for cell in line):
                # a hole left by the spans around it: anchored at its row
                row_anchor = anchor(rows[r][0].getparent()) if rows[r] else anchor(table)
                hole = TableCell("", row_anchor)
                line = [hole if cell is None else cell for cell in line]
            finished.append(tuple(line))  # type: ignore[arg-type]
        return Table(rows=tuple(finished), anchor=anchor(table), grid=True)

    def _count_cells(self, count: int) -> None:
        self.grid_cells += count
        if self.grid_cells > MAX_GRID_CELLS:
            raise ReadError(
                f"网页中的表格过大（展开合并单元格后超过 {MAX_GRID_CELLS} 个单元格），"
                "可能是损坏或恶意构造的文件。",
                f"The page's tables are too large (more than {MAX_GRID_CELLS} cells once "
                "merged cells are expanded); the file is probably damaged or crafted.",
            )


def _table_rows(table: Element) -> tuple[list[list[Element]], list[Element]]:
    """The table's own rows (not those of nested tables) as lists of cells, and stray
    elements the parser left directly inside the table."""
    rows: list[list[Element]] = []
    strays: list[Element] = []
    loose = _take_rows(table, rows, strays, [])
    if loose:
        rows.append(loose)
    # empty rows stay: a rowspan counts them
    return rows if any(rows) else [], strays


def _take_rows(
    parent: Element, rows: list[list[Element]], strays: list[Element], loose: list[Element]
) -> list[Element]:
    """Add the rows among ``parent``'s children to ``rows``; ``loose`` holds cells met
    without a ``<tr>``, returned (still open) for the caller to carry on. (A function of
    its own, not a closure calling itself: that would be a reference cycle, freed only
    by the garbage collector, for every table.)"""
    for element in parent:
        tag = element.tag
        if tag in ("td", "th"):
            loose.append(element)
            continue
        if loose:
            rows.append(loose)
            loose = []
        if tag == "tr":
            rows.append([cell for cell in element if cell.tag in ("td", "th")])
        elif tag in ("thead", "tbody", "tfoot"):
            loose = _take_rows(element, rows, strays, loose)
            if loose:
                rows.append(loose)
                loose = []
        elif tag in ("col", "colgroup") or not isinstance(tag, str):
            pass
        else:
            strays.append(element)
    return loose


def _is_layout_table(table: Element, rows: list[list[Element]]) -> bool:
    """A table that lays out the page rather than holding data: one cell wide, or with a
    cell that holds a nested table among a long text (the report itself). A data table
    with a small table inside a cell is data: the inner table's text is that cell's."""
    if all(len(cells) <= 1 for cells in rows):
        return True
    if table.find(".//table") is None:
        return False
    return any(
        cell.find(".//table") is not None and _text_length(cell) >= LAYOUT_CELL_TEXT
        for cells in rows
        for cell in cells
    )


SPAN_DIGITS_RE = re.compile(r"\s*(\d{1,6})")


def _span(value: str | None, cap: int, zero_means_all: bool = False) -> int:
    """A rowspan/colspan attribute as a count in 1..cap; junk counts as 1."""
    if not value:
        return 1
    if value.isdecimal() and len(value) <= 6:  # "2": most spans
        number = int(value)
    else:
        digits = SPAN_DIGITS_RE.match(value)
        if not digits:
            return 1
        number = int(digits.group(1))
    if number == 0:
        return cap if zero_means_all else 1
    return max(1, min(number, cap))


def _cell_text(cell: Element, tostring: Callable[..., str]) -> str:
    """A cell's text: inline runs joined as they are, ``<br>`` and blocks as line breaks.

    Most cells are ``<td>text</td>`` or ``<td><p>…runs…</p></td>``; those are read with
    lxml's text serialiser (``tostring``, passed in because lxml is imported lazily), the
    rest by walking the cell.
    """
    if not len(cell):
        text = cell.text or ""
        if not text or text.isdigit():  # "12": no spaces or invisible characters to drop
            return text
    elif (
        len(cell) == 1
        and not len(only := cell[0])
        and isinstance(only.tag, str)
        and only.tag != "br"
        and not (cell.text or "").strip()
        and not (only.tail or "").strip()
    ):  # ``<td><p>12</p></td>``, ``<td><span>12</span></td>``: the child's text
        text = only.text or ""
    else:
        # (an unfiltered walk: lxml's tag filter costs more than it saves on a few elements)
        breaks = [d for d in cell.iterdescendants() if d.tag in ANCHORED_SET]
        if not breaks:  # only inline runs
            text = tostring(cell, method="text", encoding="unicode", with_tail=False)
        elif (
            len(breaks) == 1
            and breaks[0].tag != "br"
            and len(cell) == 1
            and cell[0] is breaks[0]
            and not (cell.text or "").strip()
            and not (breaks[0].tail or "").strip()
        ):  # one block holding everything
            text = tostring(breaks[0], method="text", encoding="unicode", with_tail=False)
        else:
            pieces: list[str] = []
            _collect_cell(cell, pieces)
            return _clean_lines("".join(pieces))
    if ZERO_WIDTH_RE.search(text):
        text = ZERO_WIDTH_RE.sub("", text)
    return " ".join(text.split())


def _collect_cell(element: Element, pieces: list[str]) -> None:
    if text := element.text:
        pieces.append(text)
    for child in element:
        tag = child.tag
        if tag == "br":
            pieces.append(CELL_BREAK)
        elif tag in BLOCK_TAGS:
            pieces.append(CELL_BREAK)
            _collect_cell(child, pieces)
            pieces.append(CELL_BREAK)
        elif isinstance(tag, str):
            _collect_cell(child, pieces)
        if tail := child.tail:
            pieces.append(tail)


def _clean_lines(text: str) -> str:
    if ZERO_WIDTH_RE.search(text):
        text = ZERO_WIDTH_RE.sub("", text)
    lines = (" ".join(line.split()) for line in text.split(CELL_BREAK))
    return "\n".join(line for line in lines if line)


# --------------------------------------------------------------------------- metadata


def _head_metadata(root: Element, is_page: bool) -> tuple[dict[str, str], list[Element] | None]:
    """Metadata from ``<meta>`` tags, ``<title>`` and (in a whole page) its article title;
    and the body's elements that may link to a file (``LINK_TAGS``, in order), gathered
    in the same walk (None when the page holds elements after its body)."""
    metas: dict[str, str] = {}
    body = _body_element(root)
    in_body = body is root
    headings: list[Element] = []
    linked: list[Element] = []
    for element in root.iter("meta", "body", "h1", "h2", "h3", *LINK_TAGS):
        tag = element.tag
        if tag == "meta":
            key = element.get("name") or element.get("property") or element.get("http-equiv") or ""
            key = key.lower()
            content = " ".join((element.get("content") or "").split())
            if key and content and key not in metas:
                metas[key] = content
        elif element is body:
            in_body = True
        elif in_body:
            if tag in LINK_TAG_SET:
                linked.append(element)
            elif tag in _TITLE_HEADINGS:
                headings.append(element)
    whole = body is root or body.getnext() is None  # (else: elements after the body)
    metadata: dict[str, str] = {}
    title = metas.get("articletitle") or metas.get("title") or metas.get("dc.title")
    if not title and is_page:
        title = _visible_title(root, headings if whole else None)
    if not title:
        page_title = root.findtext(".//title")
        if page_title:
            title = _strip_site_name(" ".join(page_title.split()))
    if title:
        metadata["title"] = title
    for key in ("pubdate", "publishdate", "firstpublishedtime", "article:published_time"):
        date = iso_date(metas.get(key, ""))
        if date:
            metadata["published"] = date
            break
    agency = metas.get("发布机构") or metas.get("contentsource")
    if agency:
        metadata["agency"] = agency
    url = metas.get("url")
    if url and url.startswith(("http://", "https://")):
        metadata["url"] = url
    return metadata, linked if whole else None


# Elements that may link to an attached file (their href, src or data).
LINK_TAGS = ("a", "iframe", "embed", "object")
LINK_TAG_SET = frozenset(LINK_TAGS)
# Headings that may show a page's article title (see _visible_title).
_TITLE_HEADINGS = frozenset({"h1", "h2", "h3"})
# Files a page attaches (the report itself is often one): what the link's path ends with.
ATTACHMENT_RE = re.compile(r"\.(?:pdf|docx?|wps|ofd|xlsx?|et|zip|rar|7z)$", re.IGNORECASE)
# A URL that can name such a file holds one of those endings (its dot maybe %-encoded):
# most links of a page do not, and are passed over without parsing the URL.
ATTACHMENT_URL_RE = re.compile(
    r"(?:\.|%2e)(?:pdf|docx?|wps|ofd|xlsx?|et|zip|rar|7z)(?![a-z0-9])", re.IGNORECASE
)


def _attachments(nodes: Iterable[Element], most: int = 3) -> str:
    """The names of the files the elements (``LINK_TAGS``, in order) link to or embed
    (``附件：….pdf``, a PDF shown in an ``<iframe>`` viewer as ``viewer.html?file=….pdf``),
    at most ``most`` of them, joined with 、; empty when there are none."""
    names: list[str] = []
    for node in nodes:
        url = node.get("href") or node.get("src") or node.get("data") or ""
        path = _attached_path(url)
        if path is None:
            continue
        file_name = path.rsplit("/", 1)[-1]
        text = " ".join("".join(node.itertext()).split()) if node.tag == "a" else ""
        if not text or ATTACHMENT_RE.search(text):
            name = text or file_name
        else:
            name = f"{text}（{file_name}）"
        if name and name not in names:
            names.append(name)
    shown = "、".join(names[:most])
    return shown + (f" 等 {len(names)} 个" if len(names) > most else "")


def _attached_path(url: str) -> str | None:
    """The path of the file a URL names, when it is a document (its own path, or a
    parameter of a viewer's URL); None otherwise."""
    if not ATTACHMENT_URL_RE.search(url):
        return None
    from urllib.parse import parse_qsl, unquote, urlsplit

    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    path = unquote(parts.path)
    if ATTACHMENT_RE.search(path):
        return path
    for _, value in parse_qsl(parts.query):
        value = urlsplit(value).path if "://" in value else value.split("#", 1)[0]
        if ATTACHMENT_RE.search(value):
            return value
    return None


def _visible_title(root: Element, headings: list[Element] | None = None) -> str | None:
    """An article heading shown on the page that names a report: the first ``<h1>``–``<h3>``
    (``headings``: the body's, in order, when already gathered) that does, else the first
    element whose class or id holds ``title``."""
    body = _body_element(root)
    for element in body.iter("h1", "h2", "h3") if headings is None else headings:
        if text := _title_text(element):
            return text
    # (only when no heading names one: the XPath over the whole page costs more than the
    # rest of the metadata; ``@class or @id`` is the cheap test, ``title`` looked for here)
    for element in body.xpath("descendant::*[@class or @id]"):
        if "title" in element.get("class", "") or "title" in element.get("id", ""):
            if text := _title_text(element):
                return text
    return None


def _title_text(element: Element) -> str | None:
    text = " ".join("".join(element.itertext()).split())
    return text if "报告" in text and 6 <= len(text) <= 120 else None


def _strip_site_name(title: str) -> str:
    parts = [part for part in TITLE_SPLIT_RE.split(title) if part]
    for part in parts:
        if "报告" in part:
            return part
    return parts[0] if parts else title


def _visible_metadata(
    metadata: dict[str, str], text: str, blocks: list[Block], body_span: tuple[int, int]
) -> None:
    """Fill what ``<meta>`` did not give from labels shown on the page (``发布日期：…``).

    The labels are looked for in the source text, which is much cheaper than collecting
    the text of the whole tree; the first label followed by a value wins. The middle of
    the report body (``body_span`` less its first and last 2,000 characters) is skipped:
    a page's metadata is around the article, and the article is most of the page.
    """
    skip_from, skip_to = body_span[0] + 2000, body_span[1] - 2000
    windows = [(0, len(text))] if skip_from >= skip_to else [(0, skip_from), (skip_to, len(text))]
    if "title" not in metadata:
        for block in blocks[:3]:
            if isinstance(block, Paragraph) and "报告" in block.text and len(block.text) <= 120:
                metadata["title"] = block.text
                break
    for key, labels, value_re in METADATA_LABELS:
        if key in metadata:
            continue
        best: tuple[int, str] | None = None
        for label in labels:
            for low, high in windows:
                position = text.find(label, low, high)
                while position >= 0 and (best is None or position < best[0]):
                    match = value_re.match(text, position + len(label))
                    value = _label_value(key, match.group(1)) if match else None
                    if value:
                        best = (position, value)
                        break
                    position = text.find(label, position + len(label), high)
        if best:
            metadata[key] = best[1]


def _label_value(key: str, raw: str) -> str | None:
    if key == "agency":
        return None if NOT_AN_AGENCY_RE.search(raw) else raw
    return iso_date(raw)
