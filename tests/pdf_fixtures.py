"""Small PDF generators for the hostile-input tests (nothing large is committed).

:func:`build_pdf` writes a PDF from page content streams with a correct cross-reference
table; options add an ``/Encrypt`` dictionary (RC4, revision 2: the standard security
handler every reader supports), many pages, or extra objects on a page.
"""

from __future__ import annotations

import hashlib
import re
import zlib

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _padded(password: bytes) -> bytes:
    return (password + _PAD)[:32]


def build_pdf(
    contents: list[bytes],
    *,
    user_password: bytes | None = None,
    compress: bool = False,
    extra: dict[int, bytes] | None = None,
    resources: bytes = b"<< /Font << /F1 4 0 R >> >>",
    font: bytes = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
) -> bytes:
    """A PDF with one page per content stream (object numbers: 1 catalog, 2 pages,
    3 info, 4 font, then page/content pairs; ``extra`` objects by number after those)."""
    n_pages = len(contents)
    first = 5
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Producer (gongkai-lint tests) >>",
        4: font,
    }
    kids = []
    streams: dict[int, bytes] = {}
    for k, content in enumerate(contents):
        page, stream = first + 2 * k, first + 2 * k + 1
        kids.append(f"{page} 0 R".encode())
        objects[page] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources "
            + resources
            + f" /Contents {stream} 0 R >>".encode()
        )
        streams[stream] = zlib.compress(content) if compress else content
    objects[2] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + f"] /Count {n_pages} >>".encode()
    for number, body in (extra or {}).items():
        objects[number] = body
    file_id = hashlib.md5(b"gongkai-lint").digest()
    key = None
    encrypt = b""
    if user_password is not None:
        owner = _rc4(hashlib.md5(_padded(b"owner")).digest()[:5], _padded(user_password))
        permissions = (-4).to_bytes(4, "little", signed=True)
        key = hashlib.md5(_padded(user_password) + owner + permissions + file_id).digest()[:5]
        user = _rc4(key, _PAD)
        number = max([*objects, *streams]) + 1
        objects[number] = (
            b"<< /Filter /Standard /V 1 /R 2 /P -4 /O <"
            + owner.hex().encode()
            + b"> /U <"
            + user.hex().encode()
            + b"> >>"
        )
        encrypt = f" /Encrypt {number} 0 R".encode()
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for number in sorted([*objects, *streams]):
        offsets[number] = len(out)
        out += f"{number} 0 obj\n".encode()
        if number in streams:
            data = streams[number]
            if key is not None:
                data = _rc4(_object_key(key, number), data)
            flt = b" /Filter /FlateDecode" if compress else b""
            out += f"<< /Length {len(data)}".encode() + flt + b" >>\nstream\n" + data
            out += b"\nendstream"
        else:
            out += objects[number]
        out += b"\nendobj\n"
    size = max(offsets) + 1
    xref = len(out)
    out += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
    for number in range(1, size):
        if number in offsets:
            out += f"{offsets[number]:010d} 00000 n \n".encode()
        else:
            out += b"0000000000 65535 f \n"
    out += (
        f"trailer\n<< /Size {size} /Root 1 0 R /Info 3 0 R".encode()
        + encrypt
        + b" /ID [<"
        + file_id.hex().encode()
        + b"> <"
        + file_id.hex().encode()
        + b">] >>\n"
    )
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _object_key(key: bytes, number: int) -> bytes:
    digest = hashlib.md5(key + number.to_bytes(3, "little") + (0).to_bytes(2, "little")).digest()
    return digest[: min(16, len(key) + 5)]


def text_page(*lines: str) -> bytes:
    """A content stream printing ASCII lines in Helvetica."""
    ops = [b"BT /F1 14 Tf 72 760 Td 18 TL"]
    for line in lines:
        ops.append(b"(" + line.encode("ascii") + b") Tj T*")
    ops.append(b"ET")
    return b"\n".join(ops)


def many_paths(count: int) -> bytes:
    """A content stream with ``count`` separate stroked path objects."""
    return b"".join(b"%d 100 m %d 200 l S\n" % (i % 500, i % 500) for i in range(count))


def two_row_table(
    xs: tuple[int, ...], top: int, texts: list[list[bytes]], middle: tuple[int, int] | None = None
) -> bytes:
    """A content stream drawing a two-row table (rows 20 pt high, columns at ``xs``) with
    each row's cell texts; ``middle`` is the x-span of the line between the two rows (the
    whole width by default; shorter, a cell spanning both rows beside it)."""
    ys = (top, top - 20, top - 40)
    x0, x1 = middle or (xs[0], xs[-1])
    ops = [b"%d %d m %d %d l S" % (xs[0], y, xs[-1], y) for y in (ys[0], ys[-1])]
    ops.append(b"%d %d m %d %d l S" % (x0, ys[1], x1, ys[1]))
    ops += [b"%d %d m %d %d l S" % (x, ys[0], x, ys[-1]) for x in xs]
    for r, row in enumerate(texts):
        for c, text in enumerate(row):
            if text:
                ops.append(b"BT /F1 9 Tf %d %d Td (%s) Tj ET" % (xs[c] + 3, ys[r + 1] + 6, text))
    return b"\n".join(ops)


# --- a report's PDF without its ruling lines, its text kept byte for byte ------------------

_PAINT = {b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"}
_CONTENT_WS = b" \t\r\n\f\x00"
_CONTENT_DELIMS = b"()<>[]{}/%"


def _content_operators(data: bytes):
    """(start, end) of each operator of a content stream (strings, names, numbers and
    comments passed over). Raises ValueError on an inline image (binary data)."""
    i, n = 0, len(data)
    while i < n:
        c = data[i]
        if c in _CONTENT_WS or data[i : i + 2] in (b"<<", b">>") or c in b"[]{}":
            i += 2 if data[i : i + 2] in (b"<<", b">>") else 1
        elif c == 0x25:  # % comment
            while i < n and data[i] not in b"\r\n":
                i += 1
        elif c == 0x28:  # (string), nested parentheses and escapes
            depth, i = 1, i + 1
            while i < n and depth:
                if data[i] == 0x5C:
                    i += 1
                else:
                    depth += {0x28: 1, 0x29: -1}.get(data[i], 0)
                i += 1
        elif c == 0x3C:  # <hex string>
            i = data.index(b">", i) + 1
        else:
            j = i + 1
            while j < n and data[j] not in _CONTENT_WS and data[j] not in _CONTENT_DELIMS:
                j += 1
            token = data[i:j]
            if c != 0x2F and not re.match(rb"[+\-.\d]", token):
                if token == b"BI":
                    raise ValueError("inline image in a content stream")
                yield i, j
            i = j


def unruled(data: bytes, *, invisible: bool = False) -> bytes:
    """The PDF with every path of its pages' content streams left unpainted (``S``, ``f``,
    ``B``… become ``n``: a table's ruling lines and shading gone, the text as it was) and,
    ``invisible``, its text in render mode 3 (as OCR writes the text layer of a scan).

    The streams are edited in the file's bytes, so each font, glyph and position stays
    what the producer wrote (PDFium's content generation re-encodes the text of some
    fonts). For PDFs with classic cross-reference tables and page contents in direct
    streams (LibreOffice's); the offsets it breaks are rebuilt by PDFium on loading."""
    pages = {int(m) for m in re.findall(rb"/Contents\s+(\d+)\s+0\s+R", data)}
    for array in re.findall(rb"/Contents\s*\[([^\]]*)\]", data):
        pages |= {int(m) for m in re.findall(rb"(\d+)\s+0\s+R", array)}
    out, last = [], 0
    for m in re.finditer(rb"(\d+) 0 obj\s*<<(.*?)>>\s*stream\r?\n", data, re.S):
        if int(m.group(1)) not in pages:
            continue
        end = data.index(b"endstream", m.end())
        flate = b"/FlateDecode" in m.group(2)
        stream = data[m.end() : end].rstrip(b"\r\n")
        content = zlib.decompress(stream) if flate else stream
        edited, at = [], 0
        for a, b in _content_operators(content):
            op = content[a:b]
            if op in _PAINT:
                edited += [content[at:a], b"n"]
                at = b
            elif invisible and op in (b"BT", b"Tr"):
                edited += [content[at:b], b" 3 Tr"]
                at = b
        edited.append(content[at:])
        body = b"".join(edited)
        body = zlib.compress(body) if flate else body
        head = re.sub(rb"/Length\s+\d+(?:\s+\d+\s+R)?", b"/Length %d" % len(body), m.group(0))
        out += [data[last : m.start()], head, body, b"\n"]
        last = end
    out.append(data[last:])
    return b"".join(out)
