"""DOCX reader: walks ``word/document.xml`` with lxml into paragraphs and table grids.

The archive is checked against :class:`~linter.readers.Limits` before anything is
decompressed, the main part is read with a bounded read, and the XML is parsed with a
hardened parser (no DTD, no entities, no network). A document that declares a DOCTYPE is
refused: Word never writes one.

What is read (everything else in the package — headers, footers, footnotes, comments,
images — is ignored):

- Blocks in body order: a :class:`Paragraph` for every ``w:p`` with text, a
  :class:`Table` (``grid=True``) for every top-level ``w:tbl``. Block-level content
  controls (``w:sdt``) and ``w:customXml`` are transparent.
- Paragraph text: runs inside hyperlinks, smart tags, content controls, simple fields,
  tracked insertions and moves-to; the result of complex fields (between ``separate`` and
  ``end``), never their instructions; tracked deletions and moves-from are skipped, so a
  document reads as if all changes were accepted. ``w:tab`` → TAB, ``w:br``/``w:cr`` →
  line break, ``w:noBreakHyphen`` → ``-``; symbols (``w:sym``) and hidden-text flags are
  ignored (hidden text is read).
- Text boxes: the paragraphs of a text box anchored in a body paragraph become paragraphs
  of their own right after the host paragraph, anchored to the host's paragraph index; a
  text box inside a table cell adds its lines to the cell text. Of an
  ``mc:AlternateContent``, only the first ``mc:Choice`` (else the ``mc:Fallback``) is read,
  so a text box is not read twice.
- Tables: ``w:gridSpan``, ``w:vMerge``, legacy ``w:hMerge``, ``w:gridBefore`` and
  ``w:gridAfter`` are resolved into a rectangular grid. A copy of a merged cell has the
  origin's text; ``hmerge`` marks the grid columns after the first of a spanning cell,
  ``vmerge`` every column of a vertically continued cell (a cell merged both ways has
  both flags on its later columns). Positions covered by no cell (``gridBefore``,
  ``gridAfter``, short rows) are empty cells with no flag. Rows deleted in tracked changes
  are skipped. A nested table's text is appended to its cell (cells joined by a space,
  rows by a line break). A table of one cell a row around tables or a long text is a frame
  round the report (layout), not data: its content is read as if it had none.

``Document.extracted_text`` is laid out like a Tika text dump: one line per paragraph;
for a table one line per grid cell, the cell text behind a TAB, a blank line after each
row; merged copies are empty TAB lines and their anchors point at the origin's text.
"""

from __future__ import annotations

import codecs
import io
import lzma
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator

from lxml import etree

from linter.document import Anchor, Block, Document, Paragraph, ReadError, Table, TableCell
from linter.readers import Limits, Reader, collector_paused
from linter.readers.declared import DocxForm
from linter.textnorm import RADICAL

__all__ = ["DocxReader"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# ISO 29500 Strict documents use another namespace for the same vocabulary.
_STRICT_W_NS = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_TRANSITIONAL_W_NS = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"

W_BODY = _W + "body"
W_P = _W + "p"
W_R = _W + "r"
W_R_PR = _W + "rPr"
W_P_PR = _W + "pPr"
W_T = _W + "t"
W_TAB = _W + "tab"
W_PTAB = _W + "ptab"
W_BR = _W + "br"
W_CR = _W + "cr"
W_NO_BREAK_HYPHEN = _W + "noBreakHyphen"
W_FLD_CHAR = _W + "fldChar"
W_FLD_CHAR_TYPE = _W + "fldCharType"
W_FLD_SIMPLE = _W + "fldSimple"
W_HYPERLINK = _W + "hyperlink"
W_SMART_TAG = _W + "smartTag"
W_SDT = _W + "sdt"
W_SDT_CONTENT = _W + "sdtContent"
W_CUSTOM_XML = _W + "customXml"
W_INS = _W + "ins"
W_DEL = _W + "del"
W_MOVE_TO = _W + "moveTo"
W_DIR = _W + "dir"
W_BDO = _W + "bdo"
W_RUBY = _W + "ruby"
W_RUBY_BASE = _W + "rubyBase"
W_DRAWING = _W + "drawing"
W_PICT = _W + "pict"
W_OBJECT = _W + "object"
W_TXBX_CONTENT = _W + "txbxContent"
W_TBL = _W + "tbl"
W_TR = _W + "tr"
W_TR_PR = _W + "trPr"
W_TC = _W + "tc"
W_TC_PR = _W + "tcPr"
W_GRID_SPAN = _W + "gridSpan"
W_GRID_BEFORE = _W + "gridBefore"
W_GRID_AFTER = _W + "gridAfter"
W_V_MERGE = _W + "vMerge"
W_H_MERGE = _W + "hMerge"
W_CELL_DEL = _W + "cellDel"
W_VAL = _W + "val"
MC_ALTERNATE = _MC + "AlternateContent"
MC_CHOICE = _MC + "Choice"
MC_FALLBACK = _MC + "Fallback"
M_O_MATH = _M + "oMath"
M_O_MATH_PARA = _M + "oMathPara"
M_T = _M + "t"

# Inline wrappers whose runs are read as if they were the paragraph's own.
_INLINE_CONTAINERS = frozenset(
    {W_HYPERLINK, W_SMART_TAG, W_FLD_SIMPLE, W_INS, W_MOVE_TO, W_CUSTOM_XML, W_DIR, W_BDO}
)
_RUN_CHARS = {W_TAB: "\t", W_PTAB: "\t", W_BR: "\n", W_CR: "\n", W_NO_BREAK_HYPHEN: "-"}
_BOX_HOSTS = frozenset({W_DRAWING, W_PICT, W_OBJECT, MC_ALTERNATE})
_MATH = frozenset({M_O_MATH, M_O_MATH_PARA})

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_EMPTY_ZIP_MAGIC = b"PK\x05\x06"
_ENCRYPTED_STREAMS = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))
_WORD_STREAM = "WordDocument".encode("utf-16-le")
_EXCEL_STREAM = "Workbook".encode("utf-16-le")
_POWERPOINT_STREAM = "PowerPoint Document".encode("utf-16-le")
_MAIN_PART = "word/document.xml"
_CORE_PART = "docProps/core.xml"
_PACKAGE_RELS = "_rels/.rels"
_OFFICE_DOCUMENT_REL = "/officeDocument"

_DOCX_SUFFIXES = frozenset({".docx", ".docm", ".dotx", ".dotm", ".doc", ".dot", ".wps"})
# Suffixes of other formats: a ZIP under one of these names is probably not a DOCX.
_OTHER_SUFFIXES = frozenset(
    {
        ".xlsx",
        ".xlsm",
        ".xls",
        ".pptx",
        ".ppt",
        ".odt",
        ".ods",
        ".odp",
        ".ofd",
        ".zip",
        ".rar",
        ".7z",
        ".epub",
        ".jar",
        ".apk",
        ".pdf",
        ".htm",
        ".html",
        ".shtml",
        ".txt",
        ".md",
        ".json",
        ".xml",
    }
)

# Members smaller than this are not checked for their compression ratio: a short XML part
# full of repeated markup legitimately compresses far better than 200:1.
_RATIO_MIN_BYTES = 1 << 20
_CHUNK_BYTES = 1 << 20
# Package metadata parts (core properties, relationships) are a few KiB in practice.
_SMALL_PART_BYTES = 1 << 20
# Bounds on table expansion, so that a hostile gridSpan cannot blow up memory. Word itself
# allows 63 columns.
_MAX_SPAN = 1_000
_MAX_GRID_CELLS = 2_000_000
_PROLOG_SCAN_BYTES = 1 << 16

_LINE_BREAKS = str.maketrans(dict.fromkeys("\r\v\f\x85\u2028\u2029", "\n"))
_LINE_BREAK_CHARS = re.compile("[\r\v\f\x85\u2028\u2029]")
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")

_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,  # a member compressed with LZMA (zip method 14), damaged
    EOFError,
    OSError,
    ValueError,
    struct.error,
    NotImplementedError,
    KeyError,
)

_WHAT_TO_DO_ZH = "请用 Word/WPS 打开后另存为 .docx 再检查"
_WHAT_TO_DO_EN = "open it in Word/WPS, save it as .docx and check again"


class DocxReader(DocxForm, Reader):
    """Reads Office Open XML word-processing documents (.docx, .docm, .dotx)."""

    def sniff(self, head: bytes, suffix: str) -> int:
        """90 for a ZIP named like a Word file (or with no known suffix), 60 for a ZIP
        under another name, 80 for an OLE file (so ``read`` can explain a .doc or an
        encrypted file), otherwise 0."""
        if head.startswith(_ZIP_MAGIC):
            ext = _normal_suffix(suffix)
            if ext in _DOCX_SUFFIXES or ext not in _OTHER_SUFFIXES:
                return 90
            return 60
        if head.startswith(_OLE_MAGIC):
            return 80
        return 0

    @collector_paused
    def read(self, path: str, data: bytes, limits: Limits) -> Document:
        if len(data) > limits.max_file_bytes:
            raise ReadError(
                f"文件大小 {_size(len(data))} 超过上限 {_size(limits.max_file_bytes)}："
                "请确认文件无误，或在配置中提高文件大小上限",
                f"the file is {_size(len(data))}, over the limit of "
                f"{_size(limits.max_file_bytes)}: check the file, or raise the file size "
                "limit in the configuration",
            )
        if data.startswith(_OLE_MAGIC):
            raise _ole_error(data)
        if not data.startswith((_ZIP_MAGIC, _EMPTY_ZIP_MAGIC)):
            raise _not_zip_error(data)
        _check_declared_member_count(data, limits)
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                _check_archive(archive, limits)
                part = _main_part_name(archive, limits)
                xml = _read_member(archive, part, limits.max_uncompressed_bytes, limits)
                metadata = _core_metadata(archive, limits)
        except ReadError:
            raise
        except _ZIP_ERRORS as exc:
            raise _corrupt_error(exc) from None
        root = _parse_xml(xml, part)
        body = root.find(W_BODY)
        extractor = _Extractor()
        if body is not None:
            extractor.walk(body)
        lines = extractor.lines
        extracted = "\n".join(lines) + "\n" if lines else ""
        return Document(
            path=path,
            media_type=self.media_type,
            blocks=extractor.blocks,
            metadata=metadata,
            extracted_text=extracted,
            # Every block's text is lines of the extracted text: one search of it (and of
            # the metadata) says whether the engine's pass over every cell can find any.
            radicals_read=RADICAL.search(extracted) is None
            and not any(RADICAL.search(value) for value in metadata.values()),
        )


# --------------------------------------------------------------------------- archive


def _normal_suffix(suffix: str) -> str:
    ext = suffix.strip().lower()
    if ext and not ext.startswith("."):
        ext = "." + ext
    return ext


def _size(n: float) -> str:
    for unit in ("B", "KiB", "MiB"):
        if n < 1024:
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GiB"


def _ole_error(data: bytes) -> ReadError:
    if all(name in data for name in _ENCRYPTED_STREAMS):
        return _encrypted_error()
    # A .doc may embed a workbook (an Excel table pasted as an object): its own stream
    # decides first.
    if _WORD_STREAM not in data and _EXCEL_STREAM in data:
        return ReadError(
            "这是旧版 Excel 二进制 .xls 文件，不是 Word 文档：请提供 .docx 格式的年度报告",
            "an old binary Excel .xls workbook, not a Word document: provide the report as .docx",
            cause="old-format",
        )
    if _WORD_STREAM not in data and _POWERPOINT_STREAM in data:
        return ReadError(
            "这是旧版 PowerPoint 二进制 .ppt 文件，不是 Word 文档：请提供 .docx 格式的年度报告",
            "an old binary PowerPoint .ppt file, not a Word document: provide the report as .docx",
            cause="old-format",
        )
    return ReadError(
        "这是旧版 Word 二进制 .doc 文件，请用 Word/WPS 另存为 .docx 后再检查",
        "an old binary Word .doc: save it as .docx and check again",
        cause="old-format",
    )


def _encrypted_error() -> ReadError:
    return ReadError(
        "文件已加密（设置了打开密码），无法读取：请在 Word/WPS 中取消密码，另存为 .docx 后再检查",
        "the document is encrypted (password-protected) and cannot be read: remove the "
        "password in Word/WPS, save it as .docx and check again",
        cause="encrypted",
    )


def _not_zip_error(data: bytes) -> ReadError:
    head = data[:2048].lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n\x00").lower()
    if not data:
        kind_zh, kind_en = "文件为空", "the file is empty"
    elif head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<meta")) or (
        b"<html" in head or b"<table" in head or b"<div" in head or b"<p" in head
    ):
        kind_zh, kind_en = "内容是 HTML 网页", "the content is HTML"
    elif head.startswith(b"{\\rtf"):
        kind_zh, kind_en = "内容是 RTF 文档", "the content is RTF"
    elif head.startswith(b"%pdf"):
        kind_zh, kind_en = "内容是 PDF", "the content is a PDF"
    elif head.startswith(b"<?xml"):
        kind_zh, kind_en = "内容是 XML（可能是 Word 2003 XML）", "the content is XML"
    else:
        kind_zh, kind_en = "内容不是 ZIP 压缩包", "the content is not a ZIP archive"
    return ReadError(
        f"文件不是 DOCX：{kind_zh}。请确认文件格式：网页或文本请使用正确的扩展名，"
        "Word 文档请另存为 .docx 后再检查",
        f"not a DOCX file: {kind_en}. Check the file: give HTML or text its proper "
        "extension; save a Word document as .docx and check again",
        cause="wrong-extension",
    )


def _corrupt_error(exc: BaseException) -> ReadError:
    detail = str(exc) or type(exc).__name__
    return ReadError(
        f"DOCX 文件已损坏或不完整，无法解压（{detail}）：请重新下载，或{_WHAT_TO_DO_ZH}",
        f"the DOCX archive is corrupt or truncated ({detail}): download it again, or "
        f"{_WHAT_TO_DO_EN}",
        cause="damaged",
    )


def _too_many_members(count: int, limits: Limits) -> ReadError:
    return ReadError(
        f"DOCX 压缩包含有 {count} 个成员文件，超过上限 {limits.max_archive_members}"
        "（正常的 Word 文档只有几十个），文件可能被恶意构造：请确认来源，"
        "或在配置中提高 max_archive_members",
        f"the DOCX archive holds {count} members, over the limit of "
        f"{limits.max_archive_members} (a Word document has a few dozen); the file may be "
        "crafted: check where it came from, or raise max_archive_members in the "
        "configuration",
    )


def _check_declared_member_count(data: bytes, limits: Limits) -> None:
    """Refuse an archive whose end record declares too many members, before zipfile
    builds an entry for each of them."""
    eocd = data.rfind(_EMPTY_ZIP_MAGIC, max(0, len(data) - 65_557))
    if eocd < 0 or eocd + 22 > len(data):
        return
    (total,) = struct.unpack_from("<H", data, eocd + 10)
    if total != 0xFFFF and total > limits.max_archive_members:
        raise _too_many_members(total, limits)


def _check_archive(archive: zipfile.ZipFile, limits: Limits) -> None:
    members = archive.infolist()
    if len(members) > limits.max_archive_members:
        raise _too_many_members(len(members), limits)
    total = 0
    for info in members:
        if info.flag_bits & 0x1:
            raise _encrypted_error()
        total += info.file_size
        if info.file_size > _RATIO_MIN_BYTES:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_compression_ratio:
                raise _ratio_error(info.filename, ratio, limits)
    if total > limits.max_uncompressed_bytes:
        raise ReadError(
            f"DOCX 解压后总大小 {_size(total)} 超过上限 {_size(limits.max_uncompressed_bytes)}，"
            "文件可能是压缩炸弹：请确认来源，或在配置中提高 max_uncompressed_bytes",
            f"the DOCX archive would expand to {_size(total)}, over the limit of "
            f"{_size(limits.max_uncompressed_bytes)}; it may be a zip bomb: check where it "
            "came from, or raise max_uncompressed_bytes in the configuration",
        )


def _ratio_error(name: str, ratio: float, limits: Limits) -> ReadError:
    return ReadError(
        f"DOCX 压缩包成员 {name} 的压缩比为 {ratio:.0f}:1，超过上限 "
        f"{limits.max_compression_ratio:.0f}:1，疑似压缩炸弹：请确认来源，"
        "或在配置中提高 max_compression_ratio",
        f"the DOCX member {name} is compressed {ratio:.0f}:1, over the limit of "
        f"{limits.max_compression_ratio:.0f}:1; it looks like a zip bomb: check where the "
        "file came from, or raise max_compression_ratio in the configuration",
    )


def _read_member(archive: zipfile.ZipFile, name: str, max_bytes: int, limits: Limits) -> bytes:
    """Decompress one member in chunks, stopping as soon as it passes ``max_bytes`` or the
    compression ratio limit: the sizes declared in the archive are not trusted."""
    info = archive.getinfo(name)
    ratio_cap = limits.max_compression_ratio * max(info.compress_size, 1)
    chunks: list[bytes] = []
    total = 0
    with archive.open(info) as member:
        while True:
            chunk = member.read(_CHUNK_BYTES)
            if not chunk:
                break
            total += len(chunk)
            if total > max_bytes:
                raise ReadError(
                    f"DOCX 成员 {name} 解压后超过上限 {_size(max_bytes)}："
                    "请确认来源，或在配置中提高 max_uncompressed_bytes",
                    f"the DOCX member {name} expands past the limit of {_size(max_bytes)}: "
                    "check where the file came from, or raise max_uncompressed_bytes in "
                    "the configuration",
                )
            if total > _RATIO_MIN_BYTES and total > ratio_cap:
                raise _ratio_error(name, total / max(info.compress_size, 1), limits)
            chunks.append(chunk)
    return b"".join(chunks)


def _main_part_name(archive: zipfile.ZipFile, limits: Limits) -> str:
    names = set(archive.namelist())
    if _MAIN_PART in names:
        return _MAIN_PART
    target = _office_document_target(archive, names, limits)
    if target is not None:
        return target
    if "xl/workbook.xml" in names:
        what_zh, what_en = "这是 Excel 工作簿 .xlsx", "it is an Excel workbook (.xlsx)"
    elif "ppt/presentation.xml" in names:
        what_zh, what_en = "这是 PowerPoint 演示文稿 .pptx", "it is a PowerPoint deck (.pptx)"
    elif "content.xml" in names and "mimetype" in names:
        what_zh, what_en = "这是 OpenDocument 文档（.odt 等）", "it is an OpenDocument file (.odt)"
    elif "Doc_0/Document.xml" in names or "OFD.xml" in names:
        raise ReadError(
            "这是 OFD 版式文件（国家标准 GB/T 33190 的电子文件格式），本工具不读取：请提供同一报告的 "
            "PDF 或 .docx 版本（OFD 阅读器可将其另存为 PDF）后再检查",
            "it is an OFD file (the Chinese fixed-layout document format, GB/T 33190), which "
            "this tool does not read: supply the report as PDF or .docx (an OFD reader can "
            "save it as PDF) and check again",
            cause="other-format",
        )
    else:
        what_zh, what_en = "是普通的 ZIP 压缩包", "it is a plain ZIP archive"
    raise ReadError(
        f"压缩包中没有 word/document.xml，不是 Word 文档（{what_zh}）：请提供 .docx 格式的年度报告，"
        "或用 Word/WPS 将其另存为 .docx 后再检查",
        f"the archive has no word/document.xml, so it is not a Word document ({what_en}): "
        "provide the report as .docx, or save it as .docx in Word/WPS and check again",
        cause="other-format",
    )


def _office_document_target(
    archive: zipfile.ZipFile, names: set[str], limits: Limits
) -> str | None:
    """The main part named by the package relationships, for producers that do not use
    ``word/document.xml``."""
    if _PACKAGE_RELS not in names:
        return None
    if archive.getinfo(_PACKAGE_RELS).file_size > _SMALL_PART_BYTES:
        return None
    try:
        root = _parse_small_part(archive, _PACKAGE_RELS, limits)
    except (ReadError, *_ZIP_ERRORS):
        return None
    if root is None:
        return None
    for rel in root.iterchildren(_RELS + "Relationship"):
        if (rel.get("Type") or "").endswith(_OFFICE_DOCUMENT_REL):
            target = (rel.get("Target") or "").lstrip("/")
            if target in names:
                return target
    return None


# ------------------------------------------------------------------------------- XML


def _xml_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _declares_doctype(xml: bytes) -> bool:
    """True when the prolog (the part before the root element) holds a DOCTYPE or any
    other markup declaration."""
    if xml.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in xml[:4]:
        xml = xml[: _PROLOG_SCAN_BYTES * 2].decode("utf-16", errors="replace").encode()
    i = 0
    while True:
        i = xml.find(b"<", i)
        if i < 0:
            return False
        if xml.startswith(b"<?", i):
            end = xml.find(b"?>", i + 2)
            i = end + 2
        elif xml.startswith(b"<!--", i):
            end = xml.find(b"-->", i + 4)
            i = end + 3
        elif xml.startswith(b"<!", i):
            return True
        else:
            return False
        if end < 0:
            return False


def _doctype_error(part: str) -> ReadError:
    return ReadError(
        f"{part} 含有 DOCTYPE/实体声明（Word 从不生成这些，文件可能被恶意构造），为安全起见不予读取："
        f"{_WHAT_TO_DO_ZH}",
        f"{part} declares a DOCTYPE or entities (Word never writes these; the file may be "
        f"crafted) and is refused for safety: {_WHAT_TO_DO_EN}",
    )


def _parse_xml(xml: bytes, part: str) -> etree._Element:
    if xml.find(_STRICT_W_NS, 0, _PROLOG_SCAN_BYTES) >= 0:  # (no copy of the prolog)
        xml = xml.replace(_STRICT_W_NS, _TRANSITIONAL_W_NS)
    if _declares_doctype(xml):
        raise _doctype_error(part)
    try:
        root = etree.fromstring(xml, _xml_parser())
    except etree.XMLSyntaxError as exc:
        message = str(exc)
        raise ReadError(
            f"{part} 不是合法的 XML（{message}），文件可能已损坏：{_WHAT_TO_DO_ZH}",
            f"{part} is not well-formed XML ({message}); the file may be damaged: {_WHAT_TO_DO_EN}",
        ) from None
    if root is None:
        raise _corrupt_error(ValueError(f"{part} is empty"))
    if root.getroottree().docinfo.doctype:
        raise _doctype_error(part)
    return root


def _parse_small_part(archive: zipfile.ZipFile, name: str, limits: Limits) -> etree._Element | None:
    """Parse a metadata part; None when it is not plain XML."""
    xml = _read_member(archive, name, _SMALL_PART_BYTES, limits)
    if _declares_doctype(xml):
        return None
    try:
        return etree.fromstring(xml, _xml_parser())
    except etree.XMLSyntaxError:
        return None


def _core_metadata(archive: zipfile.ZipFile, limits: Limits) -> dict[str, str]:
    """Title and dates from the core properties. They describe the file, not the report
    (a copied template keeps its title and creation date): the interpreter decides how
    far to trust them."""
    try:
        info = archive.getinfo(_CORE_PART)
    except KeyError:
        return {}
    if info.file_size > _SMALL_PART_BYTES:
        return {}
    try:
        root = _parse_small_part(archive, _CORE_PART, limits)
    except (ReadError, *_ZIP_ERRORS):
        return {}
    if root is None:
        return {}
    metadata: dict[str, str] = {}
    for key, element in (("title", "title"), ("author", "creator")):
        value = " ".join((root.findtext(_DC + element) or "").split())
        if value:
            metadata[key] = value
    for key in ("created", "modified"):
        match = _DATE.match((root.findtext(_DCTERMS + key) or "").strip())
        if match:
            metadata[key] = match.group(1)
    # The last save is the closest the package gets to when the report was written.
    written = metadata.get("modified") or metadata.get("created")
    if written:
        metadata["written"] = written
    return metadata


# ------------------------------------------------------------------------------ text


def _visible(fields: list[bool]) -> bool:
    # ``fields`` holds one flag per open complex field: True while in its instruction.
    return not fields or True not in fields


# The walkers below iterate over all children and compare tags: lxml's
# ``iterchildren(*tags)`` builds a tag matcher on every call and is several times slower.


def _inline_text(
    parent: etree._Element, parts: list[str], fields: list[bool], boxes: list[etree._Element]
) -> None:
    for el in parent:
        tag = el.tag
        if tag == W_R:
            # Plain text runs are by far the most common: handled inline.
            for child in el:
                child_tag = child.tag
                if child_tag == W_T:
                    text = child.text
                    if text and (not fields or True not in fields):
                        parts.append(text)
                elif child_tag != W_R_PR:
                    _run_child(child, child_tag, parts, fields, boxes)
        elif tag == W_P_PR:
            continue
        elif tag in _INLINE_CONTAINERS:
            # hyperlink, smartTag, fldSimple, ins, moveTo, customXml, dir, bdo
            _inline_text(el, parts, fields, boxes)
        elif tag == W_SDT:
            content = el.find(W_SDT_CONTENT)
            if content is not None:
                _inline_text(content, parts, fields, boxes)
        elif tag == MC_ALTERNATE:
            branch = _alternate_branch(el)
            if branch is not None:
                _inline_text(branch, parts, fields, boxes)
        elif tag in _MATH:
            if _visible(fields):
                parts.append("".join(t.text or "" for t in el.iter(M_T)))


def _run_child(
    el: etree._Element,
    tag: object,
    parts: list[str],
    fields: list[bool],
    boxes: list[etree._Element],
) -> None:
    """Everything in a run but its text and properties."""
    if tag in _RUN_CHARS:
        if _visible(fields):
            parts.append(_RUN_CHARS[tag])  # type: ignore[index]
    elif tag == W_FLD_CHAR:
        kind = el.get(W_FLD_CHAR_TYPE)
        if kind == "begin":
            fields.append(True)
        elif kind == "separate":
            if fields:
                fields[-1] = False
        elif kind == "end" and fields:
            fields.pop()
    elif tag in _BOX_HOSTS:
        boxes.append(el)
    elif tag == W_RUBY:
        # The base text, not the pronunciation guide above it.
        base = el.find(W_RUBY_BASE)
        if base is not None:
            _inline_text(base, parts, fields, boxes)


def _paragraph_text(p: etree._Element, boxes: list[etree._Element]) -> str:
    parts: list[str] = []
    # Field state is per paragraph: an unbalanced field cannot hide the rest of the file.
    _inline_text(p, parts, [], boxes)
    return "".join(parts)


def _alternate_branch(alternate: etree._Element) -> etree._Element | None:
    branch = alternate.find(MC_CHOICE)
    return branch if branch is not None else alternate.find(MC_FALLBACK)


def _find_text_boxes(el: etree._Element, out: list[etree._Element]) -> None:
    if el.tag == MC_ALTERNATE:
        branch = _alternate_branch(el)
        if branch is not None:
            _find_text_boxes(branch, out)
        return
    for child in el:
        tag = child.tag
        if tag == W_TXBX_CONTENT:
            out.append(child)
        elif isinstance(tag, str):
            _find_text_boxes(child, out)


def _text_box_lines(hosts: list[etree._Element], out: list[str]) -> None:
    for host in hosts:
        found: list[etree._Element] = []
        _find_text_boxes(host, found)
        for box in found:
            _story_lines(box, out)


def _story_lines(container: etree._Element, out: list[str]) -> None:
    """The text of a cell or text box, one entry per paragraph or nested table."""
    for child in container:
        tag = child.tag
        if tag == W_P:
            boxes: list[etree._Element] = []
            parts: list[str] = []
            # _paragraph_text, inline: this runs for every cell
            _inline_text(child, parts, [], boxes)
            out.append("".join(parts))
            if boxes:
                _text_box_lines(boxes, out)
        elif tag == W_TBL:
            out.append(_flat_table_text(child))
        elif tag == W_SDT:
            content = child.find(W_SDT_CONTENT)
            if content is not None:
                _story_lines(content, out)
        elif tag == W_CUSTOM_XML:
            _story_lines(child, out)


def _clean(text: str) -> str:
    """Line breaks made ``\\n``, white space (U+3000 and U+00A0 included) and zero-width
    characters stripped at both ends."""
    if _LINE_BREAK_CHARS.search(text):
        text = text.replace("\r\n", "\n").translate(_LINE_BREAKS)
    text = text.strip()
    if text and (text[0] in _ZERO_WIDTH or text[-1] in _ZERO_WIDTH):
        text = text.strip(_ZERO_WIDTH).strip()
    return text


def _cell_text(tc: etree._Element) -> str:
    lines: list[str] = []
    _story_lines(tc, lines)
    if len(lines) == 1:
        return _clean(lines[0])
    return _clean("\n".join(lines))


# Text (characters) above which a one-column table holding no table is a frame round the
# report's text rather than a boxed note.
_LAYOUT_TEXT = 200


def _is_layout_table(tbl: etree._Element) -> bool:
    """A table that frames the document rather than holding data: one cell a row, around
    the report's tables or a long text (a report laid out in a bordered frame). A data
    table of the report never has a single column."""
    nested = False
    text = 0
    for tr in _rows(tbl):
        cells = list(_cells(tr))
        if len(cells) > 1:
            return False
        for tc in cells:
            if not nested and tc.find(".//" + W_TBL) is not None:
                nested = True
            if not nested and text < _LAYOUT_TEXT:
                text += sum(len(t.text or "") for t in tc.iter(W_T))
    return nested or text >= _LAYOUT_TEXT


def _flat_table_text(tbl: etree._Element) -> str:
    """A nested table as text: cells joined by a space, rows by a line break."""
    rows = []
    for tr in _rows(tbl):
        cells = []
        for tc in _cells(tr):
            text = " ".join(_cell_text(tc).split("\n"))
            if text:
                cells.append(text)
        if cells:
            rows.append(" ".join(cells))
    return "\n".join(rows)


# ----------------------------------------------------------------------------- tables


def _rows(tbl: etree._Element) -> Iterator[etree._Element]:
    for el in tbl:
        tag = el.tag
        if tag == W_TR:
            yield el
        elif tag == W_SDT:
            content = el.find(W_SDT_CONTENT)
            if content is not None:
                yield from _rows(content)
        elif tag == W_CUSTOM_XML:
            yield from _rows(el)


def _cells(tr: etree._Element) -> Iterator[etree._Element]:
    for el in tr:
        tag = el.tag
        if tag == W_TC:
            yield el
        elif tag == W_SDT:
            content = el.find(W_SDT_CONTENT)
            if content is not None:
                yield from _cells(content)
        elif tag == W_CUSTOM_XML:
            yield from _cells(el)


def _count(el: etree._Element, default: int) -> int:
    try:
        value = int(el.get(W_VAL) or default)
    except ValueError:
        return default
    return min(max(value, 0), _MAX_SPAN)


_ROW_PROPERTIES = (W_GRID_BEFORE, W_GRID_AFTER, W_DEL)
_CELL_PROPERTIES = (W_GRID_SPAN, W_V_MERGE, W_H_MERGE, W_CELL_DEL)


def _table_properties(
    tbl: etree._Element,
) -> tuple[dict[etree._Element, list], dict[etree._Element, list]]:
    """The row properties ``[gridBefore, gridAfter, deleted]`` and cell properties
    ``[gridSpan, vMerge continues, hMerge continues, deleted]`` that differ from the
    defaults, keyed by ``w:tr``/``w:tc``. One pass in C over the table finds the few
    elements that matter instead of visiting every property of every cell in Python."""
    rows: dict[etree._Element, list] = {}
    cells: dict[etree._Element, list] = {}
    for el in tbl.iter(*_ROW_PROPERTIES, *_CELL_PROPERTIES):
        parent = el.getparent()
        owner = parent.getparent() if parent is not None else None
        if owner is None:
            continue
        tag = el.tag
        if parent.tag == W_TR_PR and owner.tag == W_TR:
            props = rows.setdefault(owner, [0, 0, False])
            if tag == W_GRID_BEFORE:
                props[0] = _count(el, 0)
            elif tag == W_GRID_AFTER:
                props[1] = _count(el, 0)
            elif tag == W_DEL:
                props[2] = True
        elif parent.tag == W_TC_PR and owner.tag == W_TC:
            props = cells.setdefault(owner, [1, False, False, False])
            if tag == W_GRID_SPAN:
                props[0] = max(_count(el, 1), 1)
            elif tag == W_V_MERGE:
                props[1] = el.get(W_VAL, "continue") == "continue"
            elif tag == W_H_MERGE:
                props[2] = el.get(W_VAL, "continue") == "continue"
            elif tag == W_CELL_DEL:
                props[3] = True
    return rows, cells


_NO_ROW_PROPERTIES = (0, 0, False)
_NO_CELL_PROPERTIES = (1, False, False, False)


# A grid position before it gets its anchor: text, the origin's (row, column) for a copy
# or None for an origin, hmerge, vmerge.
_Slot = tuple[str, "tuple[int, int] | None", bool, bool]
_EMPTY_SLOT: _Slot = ("", None, False, False)


def _too_many_cells() -> ReadError:
    return ReadError(
        f"文档表格的单元格总数超过上限 {_MAX_GRID_CELLS}，文件可能被恶意构造：请确认来源",
        f"the document's tables hold more than {_MAX_GRID_CELLS} grid cells; the file may "
        "be crafted: check where it came from",
    )


def _table_slots(tbl: etree._Element, budget: int) -> list[list[_Slot]]:
    """The grid of one table; ``budget`` is how many grid cells the document may still
    have (a row of spans is cheap to write and expensive to expand)."""
    grid: list[list[_Slot]] = []
    row_properties, cell_properties = _table_properties(tbl)
    for tr in _rows(tbl):
        before, after, deleted = row_properties.get(tr, _NO_ROW_PROPERTIES)
        if deleted:
            # A row deleted in tracked changes: read as accepted.
            continue
        r = len(grid)
        above = grid[-1] if grid else None
        row: list[_Slot] = [_EMPTY_SLOT] * before
        for tc in _cells(tr):
            span, v_continue, h_continue, cell_deleted = cell_properties.get(
                tc, _NO_CELL_PROPERTIES
            )
            if cell_deleted:
                continue
            c = len(row)
            if v_continue and above is not None and c < len(above):
                text, source, _, _ = above[c]
                origin = source if source is not None else (r - 1, c)
                row.append((text, origin, False, True))
                if span > 1:
                    row.extend([(text, origin, True, True)] * (span - 1))
            elif h_continue and row:
                text, source, _, vmerge = row[-1]
                origin = source if source is not None else (r, c - 1)
                row.extend([(text, origin, True, vmerge)] * span)
            else:
                text = _cell_text(tc)
                row.append((text, None, False, False))
                if span > 1:
                    row.extend([(text, (r, c), True, False)] * (span - 1))
            if len(row) > _MAX_SPAN:
                break
        if after:
            row.extend([_EMPTY_SLOT] * after)
        if len(row) > _MAX_SPAN:
            row = row[:_MAX_SPAN]
        budget -= len(row)
        if budget < 0:
            raise _too_many_cells()
        grid.append(row)
    return grid


def _end(line: int, column: int, text: str) -> tuple[int, int]:
    """End of ``text`` placed at line/column, as SARIF wants it (the position after)."""
    breaks = text.count("\n")
    if not breaks:
        return line, column + len(text)
    return line + breaks, len(text) - text.rfind("\n")


class _Extractor:
    """Collects blocks and the extracted text that their anchors point into."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.lines: list[str] = []
        self.paragraphs = 0
        self.tables = 0
        self.cells_left = _MAX_GRID_CELLS

    def walk(self, parent: etree._Element) -> None:
        for child in parent:
            tag = child.tag
            if tag == W_P:
                index = self.paragraphs
                self.paragraphs += 1
                boxes: list[etree._Element] = []
                text = _clean(_paragraph_text(child, boxes))
                if text:
                    self._add_paragraph(text, index)
                if boxes:
                    box_lines: list[str] = []
                    _text_box_lines(boxes, box_lines)
                    for line in box_lines:
                        line = _clean(line)
                        if line:
                            self._add_paragraph(line, index)
            elif tag == W_TBL:
                if _is_layout_table(child):
                    for tr in _rows(child):  # the frame's content, as if it had none
                        for tc in _cells(tr):
                            self.walk(tc)
                    continue
                index = self.tables
                self.tables += 1
                self._add_table(child, index)
            elif tag == W_SDT:
                content = child.find(W_SDT_CONTENT)
                if content is not None:
                    self.walk(content)
            elif tag == W_CUSTOM_XML:
                self.walk(child)

    def _add_paragraph(self, text: str, index: int) -> None:
        line = len(self.lines) + 1
        if "\n" in text:
            self.lines.extend(text.split("\n"))
            end_line, end_column = _end(line, 1, text)
        else:
            self.lines.append(text)
            end_line, end_column = line, 1 + len(text)
        anchor = Anchor(line, 1, end_line, end_column, None, None, None, index)
        self.blocks.append(Paragraph(text, anchor))

    def _add_table(self, tbl: etree._Element, index: int) -> None:
        slots = _table_slots(tbl, self.cells_left)
        if not slots:
            return
        width = max(len(row) for row in slots)
        # Short rows are padded to the full width.
        self.cells_left -= width * len(slots)
        if self.cells_left < 0:
            raise _too_many_cells()
        lines = self.lines
        first_line = len(lines) + 1
        # (line, column, end_line, end_column) of each origin cell, for its copies.
        placed: dict[tuple[int, int], tuple[int, int, int, int]] = {}
        rows: list[tuple[TableCell, ...]] = []
        for r, row in enumerate(slots):
            if len(row) < width:
                row = row + [_EMPTY_SLOT] * (width - len(row))
            cells: list[TableCell] = []
            for c, (text, origin, hmerge, vmerge) in enumerate(row):
                if origin is None:
                    line = len(lines) + 1
                    if "\n" in text:
                        # keep one line per entry so len(lines) stays the line count
                        lines.extend(("\t" + text).split("\n"))
                        end_line, end_column = _end(line, 2, text)
                        place = (line, 2, end_line, end_column)
                    else:
                        lines.append("\t" + text)
                        place = (line, 2, line, 2 + len(text))
                    placed[(r, c)] = place
                else:
                    lines.append("\t")
                    place = placed[origin]
                # Positional arguments: this runs for every grid cell.
                anchor = Anchor(place[0], place[1], place[2], place[3], index, r, c)
                cells.append(TableCell(text, anchor, hmerge, vmerge))
            lines.append("")
            rows.append(tuple(cells))
        last_line = len(lines) - 1
        anchor = Anchor(first_line, 1, last_line, len(lines[last_line - 1]) + 1, table=index)
        self.blocks.append(Table(tuple(rows), anchor, grid=True))
