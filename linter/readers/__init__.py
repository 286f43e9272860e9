"""Readers: one module per input form, each turning bytes into a :class:`Document`.

Readers are plugins (hook ``gongkai_lint_readers``). The engine picks a reader by
looking at the bytes (:meth:`Reader.sniff`), never by trusting the file extension
alone, and refuses files over the size limit before any reader sees them.
"""

from __future__ import annotations

import codecs
import gc
import re
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import ClassVar, TypeVar

from linter.document import Document, Paragraph, ReadError, Table, TableCell

__all__ = ["Limits", "Reader", "ReadError", "decode_text", "Decoded"]


@dataclass(frozen=True)
class Limits:
    """Resource limits for hostile input; every one is configurable and tested."""

    max_file_bytes: int = 64 * 1024 * 1024
    max_archive_members: int = 5_000
    max_uncompressed_bytes: int = 256 * 1024 * 1024
    max_compression_ratio: float = 200.0
    # A pathological file becomes XT001 instead of hanging a batch.
    time_limit_seconds: float = 120.0
    # PDF: pages in one file, graphic objects on one page.
    max_pdf_pages: int = 2_000
    max_page_objects: int = 50_000
    # A worker past this much memory is stopped and its file is XT001 (linter.batch).
    max_memory_bytes: int = 2 * 1024 * 1024 * 1024
    # Findings of one rule in one file; the rest become one finding saying how many.
    max_findings_per_rule: int = 50


_Read = TypeVar("_Read", bound=Callable[..., Document])


def collector_paused(read: _Read) -> _Read:
    """Run a reader's ``read`` with the cyclic garbage collector paused.

    A read builds thousands of objects (a cell, its anchor and text for every table cell)
    that all live on in the Document: every collection the allocations set off during the
    read walks them again and finds nothing to free — a fifth of the HTML reader's CPU.
    Only for readers that leave no reference cycles behind (tests/test_reader_cycles.py
    checks them), so nothing is kept that a collection would have freed: the collector
    runs again as soon as the read returns. Left alone when the collector is already off.
    """

    @wraps(read)
    def paused(*args, **kwargs):
        if not gc.isenabled():
            return read(*args, **kwargs)
        gc.disable()
        try:
            return read(*args, **kwargs)
        finally:
            gc.enable()

    return paused  # type: ignore[return-value]


class Reader(ABC):
    """Turns the bytes of one file into a Document.

    ``sniff`` looks at the first bytes (and the file name's suffix as a tie-breaker)
    and returns a confidence from 0 (not mine) to 100 (certainly mine).
    ``read`` raises :class:`ReadError` when the file cannot be read at all; problems
    that still allow reading go into ``Document.diagnostics``.
    """

    name: ClassVar[str]
    media_type: ClassVar[str]
    # What the reader reads, declared so the engine, the folder walk and the messages
    # need no list of their own: file-name suffixes (lower case, with the dot), the
    # magic bytes a file of this form starts with (empty: no fixed signature), and the
    # form's name for messages ("Word 文档" / "a Word document").
    suffixes: ClassVar[tuple[str, ...]] = ()
    magic: ClassVar[tuple[bytes, ...]] = ()
    label_zh: ClassVar[str] = ""
    label_en: ClassVar[str] = ""

    def has_magic(self, head: bytes) -> bool:
        """True when ``head`` starts with one of the declared magic byte strings."""
        return any(head.startswith(m) for m in self.magic)

    @abstractmethod
    def sniff(self, head: bytes, suffix: str) -> int: ...

    @abstractmethod
    def read(self, path: str, data: bytes, limits: Limits) -> Document: ...


def unify_radicals_in(doc: Document) -> Document:
    """``doc`` with every Kangxi radical in its text read as the ideograph it looks like
    (:func:`linter.textnorm.unify_radicals`): what any reader gives passes here, so a
    Word file or a page whose text was copied out of a PDF (“⼀、总体情况” with U+2F00)
    reads as the report it shows. One character for one: every anchor stays right. The
    text and HTML readers unify their input before reading it, the PDF reader each
    character; the rest is done here."""
    from linter.textnorm import RADICAL, unify_radicals

    if doc.radicals_read:
        return doc
    texts = [doc.extracted_text or "", *doc.metadata.values()]
    for block in doc.blocks:
        if isinstance(block, Table):
            texts.extend(cell.text for row in block.rows for cell in row)
        else:
            texts.append(block.text)
    if not RADICAL.search("\n".join(texts)):
        return doc
    blocks: list = []
    for block in doc.blocks:
        if isinstance(block, Table):
            rows = tuple(
                tuple(TableCell(unify_radicals(c.text), c.anchor, c.hmerge, c.vmerge) for c in row)
                for row in block.rows
            )
            blocks.append(Table(rows, block.anchor, block.grid))
        else:
            blocks.append(Paragraph(unify_radicals(block.text), block.anchor))
    doc.blocks = blocks
    doc.metadata = {k: unify_radicals(v) for k, v in doc.metadata.items()}
    if doc.extracted_text is not None:
        doc.extracted_text = unify_radicals(doc.extracted_text)
    return doc


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    # True when the text was not UTF-8 (or a declared charset) and a fallback was used.
    fallback: bool
    replaced: int = 0


# The labels under which a page shows its publication date (发布日期：2020-01-31), as the
# HTML reader reads them on the page and the text reader in a page's saved text.
PUBLISHED_LABELS = ("发布日期", "发布时间", "发文日期", "公开日期")
_DATE = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)"  # 2020-01-31, 2020年1月31日
)


def iso_date(text: str) -> str | None:
    """The first date written in the text (2020-01-31, 2020年1月31日, 2020/1/31) as
    YYYY-MM-DD; None when there is none or it is no calendar date."""
    match = _DATE.search(text)
    if not match:
        return None
    year, month, day = (int(group) for group in match.groups())
    if not (1949 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def decode_text(data: bytes, declared: str | None = None) -> Decoded:
    """Decode bytes as UTF-8 (with or without BOM), a declared charset, or GB18030.

    The encoding is decided from the bytes: a BOM wins; then strict UTF-8; then the
    declared charset if the bytes really are in it; then GB18030 (a superset of GBK and
    GB2312); last, UTF-8 with replacement characters.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _strict_or_replace(data[3:], "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict_or_replace(data, "utf-16")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", fallback=False)
    except UnicodeDecodeError:
        pass
    if declared:
        name = canonical_codec(declared)
        if name and name != "utf-8":
            try:
                # A declared GBK/GB2312 is read as GB18030, its superset.
                return Decoded(data.decode(name), declared.lower(), fallback=False)
            except (UnicodeDecodeError, LookupError):
                pass
    try:
        return Decoded(data.decode("gb18030"), "gb18030", fallback=True)
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    return Decoded(text, "utf-8", fallback=True, replaced=text.count("\ufffd"))


def _strict_or_replace(data: bytes, encoding: str) -> Decoded:
    try:
        return Decoded(data.decode(encoding), encoding, fallback=False)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
        return Decoded(text, encoding, fallback=True, replaced=text.count("\ufffd"))


def canonical_codec(declared: str) -> str | None:
    """The codec a declared charset is read with (GBK and GB2312 as GB18030, their
    superset); None for a name Python does not know."""
    try:
        name = codecs.lookup(declared.strip().strip("'\"")).name
    except LookupError:
        return None
    if name in {"gbk", "gb2312", "hz"}:
        return "gb18030"
    return name


def is_binary(data: bytes) -> bool:
    """True when bytes look like a binary file rather than text in any encoding we read."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    control = len(head.translate(None, _NOT_CONTROL))
    return control / len(head) > 0.05


# Bytes that are not control characters (tab, newlines, form feed and escape count as text).
_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13, 27))
