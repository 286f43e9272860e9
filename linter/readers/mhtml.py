"""A web page archived as one file (MHTML, RFC 2557): the page's HTML and where it is.

Inspectors keep the pages they audit as evidence, and a browser's "save as one file"
(Chrome and Edge: ``.mhtml``; Internet Explorer and Word: ``.mht``) writes the page as a
MIME message: a header block, then parts between boundary lines, the first (or the one
the ``start`` parameter names) being the page's HTML, usually quoted-printable or base64.
:func:`unwrap` takes that part out and undoes its transfer encoding, keeping for each
byte of the HTML the offset of the archive byte it came from, so that findings point
into the archived file itself, as they do for a page.

The headers are parsed with the standard library's :mod:`email` parser; the parts are
found in the bytes (the parser does not say where a part's body starts).
"""

from __future__ import annotations

import binascii
import re
from bisect import bisect_right
from dataclasses import dataclass
from email.message import Message
from email.parser import BytesHeaderParser
from email.policy import compat32

from linter.readers import ReadError

HTML_TYPES = ("text/html", "application/xhtml+xml")
# Quoted-printable: a soft line break (``=`` at a line's end) or an escaped byte.
_QP_TOKEN = re.compile(rb"=[ \t]*\r?\n|(?:=[0-9A-Fa-f]{2})+")
_BLANK_LINE = re.compile(rb"\r?\n\r?\n")


@dataclass(frozen=True)
class Archived:
    """The page's HTML part of an archive, its transfer encoding undone."""

    raw: bytes  # the whole archive
    html: bytes
    charset: str | None  # the part's declared charset, if any
    location: str | None  # the address the page was saved from
    # Pieces of the decoded HTML: the decoded offset each starts at, the archive offset
    # it came from, and the archive bytes per decoded byte (1 as is, 3 for "=E5", 4/3
    # for base64); see :meth:`archive_offset`.
    starts: tuple[int, ...]
    origins: tuple[int, ...]
    widths: tuple[float, ...]

    def archive_offset(self, offset: int) -> int:
        """The offset in the archive of the HTML's byte at ``offset``."""
        i = max(0, bisect_right(self.starts, offset) - 1)
        return self.origins[i] + int((offset - self.starts[i]) * self.widths[i])


def unwrap(data: bytes) -> Archived:
    """The page of an MHTML archive; :class:`ReadError` when it holds none."""
    header_end = _BLANK_LINE.search(data)
    if header_end is None:
        raise _not_an_archive("它只有邮件头，没有内容", "it has headers and nothing else")
    top = _headers(data[: header_end.end()])
    boundary = top.get_param("boundary")
    if not isinstance(boundary, str) or not boundary:
        raise _not_an_archive(
            "它没有写明各部分的分隔符（boundary）", "it names no boundary between its parts"
        )
    start = top.get_param("start")
    wanted = start.strip("<>") if isinstance(start, str) else None
    chosen = None
    for headers, body_start, body_end in _parts(data, boundary.encode("latin-1", "replace")):
        content_id = (headers.get("Content-ID") or "").strip().strip("<>")
        if wanted is not None:
            if content_id == wanted:
                chosen = headers, body_start, body_end
                break
        elif headers.get_content_type() in HTML_TYPES:
            chosen = headers, body_start, body_end
            break
    if chosen is None:
        raise _not_an_archive("其中没有网页（HTML）部分", "it holds no HTML page")
    headers, body_start, body_end = chosen
    body = data[body_start:body_end]
    transfer = (headers.get("Content-Transfer-Encoding") or "").strip().lower()
    if transfer == "quoted-printable":
        html, starts, origins, widths = _quoted_printable(body, body_start)
    elif transfer == "base64":
        html, starts, origins, widths = _base64(body, body_start)
    else:  # 7bit, 8bit, binary: the bytes as they are
        html, starts, origins, widths = body, [0], [body_start], [1.0]
    charset = headers.get_content_charset()
    location = headers.get("Content-Location") or top.get("Snapshot-Content-Location")
    return Archived(
        data,
        html,
        charset,
        location and location.strip(),
        tuple(starts),
        tuple(origins),
        tuple(widths),
    )


def _headers(block: bytes) -> Message:
    return BytesHeaderParser(policy=compat32).parsebytes(block)


def _parts(data: bytes, boundary: bytes):
    """(headers, body start, body end) of each part between ``--boundary`` lines."""
    delimiter = re.compile(rb"(?:^|\r?\n)--" + re.escape(boundary) + rb"(--)?[ \t]*(?:\r?\n|$)")
    found = list(delimiter.finditer(data))
    for here, after in zip(found, [*found[1:], None], strict=True):
        if here.group(1):  # the closing delimiter
            return
        part_start = here.end()
        part_end = after.start() if after is not None else len(data)  # a cut-off archive
        blank = _BLANK_LINE.search(data, part_start, part_end)
        if blank is None:
            continue
        yield _headers(data[part_start : blank.end()]), blank.end(), part_end


def _quoted_printable(body: bytes, origin: int):
    pieces: list[bytes] = []
    starts: list[int] = []
    origins: list[int] = []
    widths: list[float] = []
    decoded = position = 0

    def piece(chunk: bytes, raw_at: int, width: float) -> None:
        nonlocal decoded
        starts.append(decoded)
        origins.append(origin + raw_at)
        widths.append(width)
        pieces.append(chunk)
        decoded += len(chunk)

    for token in _QP_TOKEN.finditer(body):
        if token.start() > position:
            piece(body[position : token.start()], position, 1.0)
        text = token.group(0)
        if text[1:2] in (b"\r", b"\n", b" ", b"\t"):  # a soft line break: nothing decoded
            pass
        else:
            piece(binascii.unhexlify(text.replace(b"=", b"")), token.start(), 3.0)
        position = token.end()
    if position < len(body):
        piece(body[position:], position, 1.0)
    if not starts:
        starts, origins, widths = [0], [origin], [1.0]
    return b"".join(pieces), starts, origins, widths


def _base64(body: bytes, origin: int):
    """Each line of base64 decodes to its own bytes (3 per 4 characters)."""
    pieces: list[bytes] = []
    starts: list[int] = []
    origins: list[int] = []
    decoded = 0
    carry = b""  # characters of a line whose length is not a multiple of 4
    line_start = 0
    for line in body.split(b"\n"):
        chars = carry + line.strip()
        usable = len(chars) - len(chars) % 4
        if usable:
            try:
                chunk = binascii.a2b_base64(chars[:usable])
            except binascii.Error as exc:
                raise _not_an_archive(
                    f"网页部分的 base64 编码有误（{exc}）", f"its page's base64 is broken ({exc})"
                ) from exc
            starts.append(decoded)
            origins.append(origin + line_start)
            pieces.append(chunk)
            decoded += len(chunk)
        carry = chars[usable:]
        line_start += len(line) + 1
    if not starts:
        starts, origins = [0], [origin]
    return b"".join(pieces), starts, origins, [4 / 3] * len(starts)


def _not_an_archive(why_zh: str, why_en: str) -> ReadError:
    return ReadError(
        f"文件看起来是单文件网页存档（MHTML，.mht/.mhtml），但{why_zh}，可能已损坏或不完整。"
        "请重新保存网页（浏览器“另存为 → 网页，仅 HTML”），或提供原始网页。",
        f"the file looks like a single-file web archive (MHTML, .mht/.mhtml) but {why_en}; it "
        "may be damaged or incomplete. Save the page again (browser: Save as → Webpage, HTML "
        "only) or supply the original page.",
    )
