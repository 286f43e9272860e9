"""Seeded mutants of the real fixtures, for every reader: bytes, text, HTML, DOCX, PDF,
IR JSON, and files named for another format.

:func:`mutants` yields ``(name, data, how)``; the same seed gives the same mutants, so
a failure found once is found again (``python -m tests.fuzz --seed N``).
"""

from __future__ import annotations

import io
import json
import random
import zipfile
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

# The seeds: small real reports of each form (large ones only slow the run down).
TEXT_SEEDS = [
    "text/2019_city-bureau-gongxin_tika.txt",
    "text/2021_zone-pingtan_gov.txt",
    "text/ad_2022_sample-with-pingtan-2022-tables.txt",
    "text/ap_2021_collapsed_six.txt",
    "text/2025_prov-shanghai-govoffice.md",
    "text/st_2024_city-huaian_gov.txt",
]
HTML_SEEDS = ["html/2019_prov-shanghai-govoffice.html", "forms/xt_zone-pingtan_index-page.html"]
PDF_SEEDS = ["pdf/image_only_scan.pdf", "pdf/2024_district-hongze_gov.pdf"]


@cache
def seeds() -> dict[str, list[bytes]]:
    """The seed files by form (DOCX: the blank template and a filled real report)."""
    from tests.docx_fixtures import TEMPLATE, huaian_2024_docx

    out = {
        "text": [(FIXTURES / p).read_bytes() for p in TEXT_SEEDS],
        "html": [(FIXTURES / p).read_bytes() for p in HTML_SEEDS],
        "docx": [TEMPLATE.read_bytes(), huaian_2024_docx()],
        "pdf": [(FIXTURES / p).read_bytes() for p in PDF_SEEDS if (FIXTURES / p).exists()],
    }
    out["json"] = [_ir_json(FIXTURES / TEXT_SEEDS[2]), _ir_json(FIXTURES / TEXT_SEEDS[4])]
    return out


def _ir_json(path: Path) -> bytes:
    from linter.engine import Engine
    from linter.plugins import load_plugins

    report = Engine(plugins=load_plugins()).parse(path)
    return json.dumps(report.to_json(), ensure_ascii=False).encode("utf-8")


SUFFIX = {"text": ".txt", "html": ".html", "docx": ".docx", "pdf": ".pdf", "json": ".json"}

# --- byte-level operators (any form) ----------------------------------------------


def flip(r: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(r.randint(1, 24)):
        if out:
            out[r.randrange(len(out))] = r.randrange(256)
    return bytes(out)


def truncate(r: random.Random, data: bytes) -> bytes:
    return data[: r.randrange(max(1, len(data)))]


def cut(r: random.Random, data: bytes) -> bytes:
    a = r.randrange(max(1, len(data)))
    return data[:a] + data[a + r.randint(1, max(1, len(data) // 4)) :]


def repeat(r: random.Random, data: bytes) -> bytes:
    a = r.randrange(max(1, len(data)))
    chunk = data[a : a + r.randint(1, 2000)]
    return data[:a] + chunk * r.randint(2, 400) + data[a:]


def junk(r: random.Random, data: bytes) -> bytes:
    pieces = [b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\xc3", b"\xe4\xb8", b"\x1b[31m", b"\r", b"<"]
    a = r.randrange(max(1, len(data)))
    return data[:a] + b"".join(r.choice(pieces) for _ in range(r.randint(1, 200))) + data[a:]


def zeros(r: random.Random, data: bytes) -> bytes:
    return b"" if r.random() < 0.5 else b"\x00" * r.randint(1, 100_000)


BYTE_OPERATORS: list[Callable[[random.Random, bytes], bytes]] = [
    flip,
    truncate,
    cut,
    repeat,
    junk,
]

# --- text -------------------------------------------------------------------------

_NUMBERS = [
    "9" * 4400,
    "1" + "0" * 400,
    "0.5",
    "-3",
    "1e308",
    "１２３",
    "12,345,678,901,234",
    "NaN",
    "约5",
    "0x1F",
]


def text_numbers(r: random.Random, data: bytes) -> bytes:
    """Replace numbers with absurd ones: huge, fractional, negative, full-width."""
    text = data.decode("utf-8", "replace")
    import re

    def swap(m: re.Match) -> str:
        return r.choice(_NUMBERS) if r.random() < 0.3 else m.group()

    return re.sub(r"\d+", swap, text).encode("utf-8")


def text_long_line(r: random.Random, data: bytes) -> bytes:
    filler = r.choice(["一、总体情况 ", "表", "| 1 ", "（一）", "\t", "第二十条第（一）项"])
    return data + b"\n" + (filler * r.randint(1_000, 60_000)).encode("utf-8") + b"\n"


def text_lines(r: random.Random, data: bytes) -> bytes:
    """Shuffle, duplicate or drop whole lines (headings out of order, tables torn)."""
    lines = data.split(b"\n")
    for _ in range(r.randint(1, 30)):
        i, j = r.randrange(len(lines)), r.randrange(len(lines))
        choice = r.random()
        if choice < 0.4:
            lines[i], lines[j] = lines[j], lines[i]
        elif choice < 0.7:
            lines.insert(i, lines[j])
        elif len(lines) > 1:
            del lines[i]
    return b"\n".join(lines)


def text_encoding(r: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", "replace")
    codec = r.choice(["gb18030", "utf-16", "utf-16-be", "big5", "utf-8-sig", "latin-1"])
    return text.encode(codec, "replace")


def text_pipes(r: random.Random, data: bytes) -> bytes:
    row = "|" + "|".join(str(r.randint(0, 10 ** r.randint(1, 20))) for _ in range(r.randint(1, 60)))
    return data + ("\n" + row + "|").encode() * r.randint(1, 600)


TEXT_OPERATORS = [text_numbers, text_long_line, text_lines, text_encoding, text_pipes]

# --- HTML -------------------------------------------------------------------------


def html_snippet(r: random.Random, data: bytes) -> bytes:
    snippets = [
        lambda: b"<p " + b" ".join(b"a%d=x" % i for i in range(r.randint(500, 5000))) + b">x</p>",
        lambda: b"<div>" * r.randint(100, 2000) + b"x",
        lambda: b'<!DOCTYPE x [<!ENTITY a "aaaaaaaa">]>',
        lambda: b"<table>" + b"<tr><td>1</td></tr>" * r.randint(100, 20_000) + b"</table>",
        lambda: b'<table><tr><td rowspan="65534" colspan="1000">1</td></tr></table>',
        lambda: (
            b'<meta charset="utf-16"><meta http-equiv="content-type" content="text/html; charset=big5">'
        ),
        lambda: b"<script>" + b"</" * r.randint(1, 5000) + b"</script>",
        lambda: b"<!--" + b"x" * r.randint(1, 100_000),
        lambda: b"<td>" * r.randint(1000, 50_000),
        lambda: b"<p>" + ("一、总体情况" * r.randint(100, 5000)).encode() + b"</p>",
        lambda: b"&#" + b"9" * r.randint(10, 5000) + b";",
    ]
    a = r.randrange(max(1, len(data)))
    return data[:a] + r.choice(snippets)() + data[a:]


def html_tags(r: random.Random, data: bytes) -> bytes:
    """Drop or duplicate markup: unclosed tables, stray end tags."""
    import re

    tags = [m.start() for m in re.finditer(rb"</?(table|tr|td|th|p|div|body|html)\b", data)]
    out = bytearray(data)
    for at in sorted(r.sample(tags, min(len(tags), r.randint(1, 40))), reverse=True):
        end = out.find(b">", at)
        if end < 0:
            continue
        if r.random() < 0.5:
            del out[at : end + 1]
        else:
            out[at:at] = out[at : end + 1] * r.randint(2, 50)
    return bytes(out)


HTML_OPERATORS = [html_snippet, html_tags]

# --- DOCX -------------------------------------------------------------------------


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        for name, content in members.items():
            z.writestr(name, content)
    return out.getvalue()


def docx_xml(r: random.Random, data: bytes) -> bytes:
    """Mutate word/document.xml inside a well-formed archive."""
    members = _members(data)
    xml = members.get("word/document.xml", b"")
    sub = r.choice([flip, truncate, cut, repeat, docx_markup])
    members["word/document.xml"] = sub(r, xml)
    return _zip(members)


def docx_markup(r: random.Random, xml: bytes) -> bytes:
    snippets = [
        b"<w:tbl>" * r.randint(50, 500),
        b'<w:tc><w:tcPr><w:gridSpan w:val="99999"/><w:vMerge w:val="restart"/></w:tcPr></w:tc>'
        * r.randint(1, 300),
        b"<w:tr>"
        + b"<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>" * r.randint(100, 3000)
        + b"</w:tr>",
        b'<!DOCTYPE w [<!ENTITY e "eeeeeeee">]>',
        b"<w:p><w:r><w:t>" + b"9" * r.randint(100, 5000) + b"</w:t></w:r></w:p>",
        b"<w:p><w:r><w:t>" + "一、总体情况".encode() * r.randint(10, 3000) + b"</w:t></w:r></w:p>",
    ]
    at = xml.find(b"<w:body>")
    at = at + 8 if at >= 0 else r.randrange(max(1, len(xml)))
    return xml[:at] + r.choice(snippets) + xml[at:]


def docx_archive(r: random.Random, data: bytes) -> bytes:
    """Archive-level damage: many members, stored/bzip2 members, no document, bad sizes."""
    members = _members(data)
    choice = r.random()
    if choice < 0.25:
        for i in range(r.randint(100, 6000)):
            members[f"word/media/x{i}.bin"] = b""
        return _zip(members)
    if choice < 0.5:
        members.pop("word/document.xml", None)
        return _zip(members)
    if choice < 0.75:
        return _zip(members, r.choice([zipfile.ZIP_STORED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]))
    out = bytearray(data)
    central = out.rfind(b"PK\x01\x02")
    if central >= 0:
        out[central + 20 : central + 28] = r.randbytes(8)
    return bytes(out)


DOCX_OPERATORS = [docx_xml, docx_archive]

# --- IR JSON ----------------------------------------------------------------------


def json_structure(r: random.Random, data: bytes) -> bytes:
    doc = json.loads(data)
    nodes = []
    stack = [doc]
    while stack:
        node = stack.pop()
        nodes.append(node)
        children = (
            node.values() if isinstance(node, dict) else node if isinstance(node, list) else []
        )
        stack.extend(c for c in children if isinstance(c, dict | list))
    for _ in range(r.randint(1, 10)):
        node = r.choice(nodes)
        if isinstance(node, dict) and node:
            key = r.choice(list(node))
            node[key] = r.choice(
                [
                    None,
                    10 ** r.randint(10, 40),
                    -1,
                    0.5,
                    "x" * r.randint(1, 5000),
                    [],
                    {},
                    True,
                    [[[]]],
                ]
            )
        elif isinstance(node, list) and node:
            node[r.randrange(len(node))] = r.choice([None, "", 7, {}])
    return json.dumps(doc, ensure_ascii=r.random() < 0.5).encode("utf-8")


def json_hostile(r: random.Random, data: bytes) -> bytes:
    return r.choice(
        [
            b'{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
            b'{"version": ' + b"9" * 5000 + b"}",
            b'{"x": NaN, "y": Infinity}',
            b"{" + b'"k": 1,' * r.randint(1, 50_000) + b'"k": 2}',
            data[: len(data) // 2],
        ]
    )


JSON_OPERATORS = [json_structure, json_hostile]

FORM_OPERATORS = {
    "text": TEXT_OPERATORS,
    "html": HTML_OPERATORS,
    "docx": DOCX_OPERATORS,
    "json": JSON_OPERATORS,
    "pdf": [],
}

# --- the campaign -----------------------------------------------------------------


def mutants(seed: int, count: int) -> Iterator[tuple[str, bytes, str]]:
    """``count`` mutants: ``(file name, bytes, how it was made)``, the same for a seed."""
    r = random.Random(seed)
    forms = seeds()
    kinds = [k for k in ("text", "html", "docx", "json", "pdf") if forms[k]]
    weights = {"text": 4, "html": 3, "docx": 3, "json": 1, "pdf": 1}
    for i in range(count):
        form = r.choices(kinds, [weights[k] for k in kinds])[0]
        index = r.randrange(len(forms[form]))
        data = forms[form][index]
        operators = BYTE_OPERATORS + FORM_OPERATORS[form] * 2
        steps = []
        for _ in range(r.choice([1, 1, 1, 2, 3])):
            op = r.choice(operators)
            try:
                data = op(r, data)
            except Exception:  # noqa: BLE001 - damage left by an earlier step
                continue  # an operator that does not apply to what earlier ones left
            steps.append(op.__name__)
        suffix = SUFFIX[form]
        if r.random() < 0.08:  # named for another format
            suffix = r.choice([s for s in (*SUFFIX.values(), ".md", ".htm") if s != suffix])
            steps.append(f"renamed{suffix}")
        if r.random() < 0.01:
            data = zeros(r, data)
            steps.append("zeros")
        how = f"{form}[{index}]: {'+'.join(steps) or 'unchanged'}"
        yield f"m{i:05d}_{form}{suffix}", data, how
