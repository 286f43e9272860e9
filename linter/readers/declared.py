"""What the DOCX, PDF and HTML readers declare, in a module that imports nothing heavy.

Each real reader and its start-up stand-in (:mod:`linter.readers.builtin`) take their
name, media type, suffixes, magic bytes and labels from the one class here, so the
engine sees the same declarations whether or not the reader's module (lxml, ctypes, its
regular expressions) has been imported yet.
"""

from __future__ import annotations

import re
from typing import ClassVar

HTML_SUFFIXES = frozenset({".html", ".htm", ".shtml", ".xhtml"})
# A web page saved as one file (MHTML): read by the HTML reader from inside the archive.
MHTML_SUFFIXES = frozenset({".mht", ".mhtml"})
_HEADER_LINE = re.compile(rb"[A-Za-z][A-Za-z0-9-]*:")
_HEADER_END = re.compile(rb"\r?\n\r?\n")
_MULTIPART_RELATED = re.compile(rb"(?im)^content-type:[ \t]*multipart/related")


def is_mhtml(head: bytes) -> bool:
    """The start of an MHTML archive: a MIME header block whose Content-Type is
    multipart/related (Chrome, Edge, Internet Explorer and Word all write one)."""
    if not _HEADER_LINE.match(head):
        return False
    end = _HEADER_END.search(head)
    return _MULTIPART_RELATED.search(head, 0, end.start() if end else len(head)) is not None


class DocxForm:
    name: ClassVar[str] = "docx"
    media_type: ClassVar[str] = (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    suffixes: ClassVar[tuple[str, ...]] = (".docx", ".docm", ".dotx")
    # A ZIP package, or an OLE file that ``read`` explains (.doc, encrypted .docx).
    magic: ClassVar[tuple[bytes, ...]] = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")
    label_zh: ClassVar[str] = "Word 文档"
    label_en: ClassVar[str] = "a Word document"


class PdfForm:
    name: ClassVar[str] = "pdf"
    media_type: ClassVar[str] = "application/pdf"
    suffixes: ClassVar[tuple[str, ...]] = (".pdf",)
    magic: ClassVar[tuple[bytes, ...]] = (b"%PDF-",)
    label_zh: ClassVar[str] = "PDF 文件"
    label_en: ClassVar[str] = "a PDF file"

    def has_magic(self, head: bytes) -> bool:
        # The signature may come anywhere in the first kilobyte (readers accept that).
        return b"%PDF-" in head[:1024]


class HtmlForm:
    name: ClassVar[str] = "html"
    media_type: ClassVar[str] = "text/html"
    suffixes: ClassVar[tuple[str, ...]] = tuple(sorted(HTML_SUFFIXES | MHTML_SUFFIXES))
    label_zh: ClassVar[str] = "网页（HTML）"
    label_en: ClassVar[str] = "an HTML page"
