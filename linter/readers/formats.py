"""Forms a report is published in that the tool cannot read: each named, never skipped.

A folder of downloaded reports holds more than the forms the readers read: old binary
Word files, RTF, scans as images. This reader declares their suffixes so that the folder
walk counts every such file, and turns each into one XT001 that says what the file is
and what to supply instead. Files in the ZIP or OLE containers (``.xlsx``, ``.odt``,
``.ofd``, ``.doc``, ``.xls``, ``.wps``) are explained by the DOCX reader, which looks
inside the container; this reader only declares their suffixes.
"""

from __future__ import annotations

from typing import ClassVar

from linter.document import Document, ReadError
from linter.readers import Limits, Reader

__all__ = ["OtherFormatsReader"]

# Magic bytes → (what it is in Chinese, in English).
_IMAGES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"BM", "BMP"),
)
_RTF = b"{\\rtf"


def _image_kind(head: bytes) -> str | None:
    for magic, kind in _IMAGES:
        if head.startswith(magic):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP"
    return None


class OtherFormatsReader(Reader):
    """Recognises images and RTF (and declares the Office suffixes) to explain them."""

    name: ClassVar[str] = "other-formats"
    media_type: ClassVar[str] = "application/octet-stream"
    suffixes: ClassVar[tuple[str, ...]] = (
        ".doc",
        ".dot",
        ".wps",
        ".wpt",
        ".rtf",
        ".odt",
        ".ott",
        ".xls",
        ".xlsx",
        ".et",
        ".ofd",
        ".png",
        ".jpg",
        ".jpeg",
        ".tif",
        ".tiff",
        ".bmp",
        ".gif",
        ".webp",
    )

    def sniff(self, head: bytes, suffix: str) -> int:
        """98 for an image or an RTF document (by their magic bytes), otherwise 0."""
        if _image_kind(head) is not None or head.lstrip(b"\xef\xbb\xbf").startswith(_RTF):
            # BMP's "BM" is short: only believed with an image suffix.
            if head.startswith(b"BM") and suffix not in (".bmp",):
                return 0
            return 98
        return 0

    def read(self, path: str, data: bytes, limits: Limits) -> Document:
        kind = _image_kind(data[:16])
        if kind is not None:
            raise ReadError(
                f"这是一张图片（{kind}），不是文字版报告，无法检查：请提供报告的 DOCX、PDF（文字版）"
                "或网页，或先做文字识别（OCR）",
                f"this is an image ({kind}), not a text report, and cannot be checked: supply "
                "the report as DOCX, a text PDF or the web page, or run OCR first",
                cause="image",
            )
        raise ReadError(
            "这是 RTF 文档，目前不能直接检查：请用 Word/WPS 另存为 .docx 后再检查",
            "this is an RTF document, which cannot be checked directly: save it as .docx in "
            "Word/WPS and check again",
            cause="old-format",
        )
