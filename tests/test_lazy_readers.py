"""The DOCX, PDF and HTML readers are imported on first use (linter.readers.builtin):
each stand-in must declare what its reader declares and sniff every input as it does,
and a text report must be checked without importing them (or lxml) at all."""

from __future__ import annotations

import codecs
import subprocess
import sys
from pathlib import Path

import pytest

from linter.readers.builtin import LazyDocxReader, LazyHtmlReader, LazyPdfReader
from linter.readers.docx import DocxReader
from linter.readers.html import HtmlReader
from linter.readers.pdf import PdfReader

FIXTURES = Path(__file__).parent / "fixtures"
PAIRS = [(LazyDocxReader, DocxReader), (LazyPdfReader, PdfReader), (LazyHtmlReader, HtmlReader)]
SUFFIXES = [
    "",
    ".txt",
    ".md",
    ".html",
    ".HTM",
    ".xhtml",
    ".mht",
    ".docx",
    ".doc",
    ".pdf",
    ".zip",
    ".json",
]


def _heads() -> list[bytes]:
    heads = [p.read_bytes()[:4096] for p in sorted(FIXTURES.rglob("*")) if p.is_file()]
    page = "<!DOCTYPE html><html><body><p>政府信息公开工作年度报告</p></body></html>"
    heads += [
        b"",
        b"   ",
        b"\x00\x01\x02binary",
        page.encode("utf-8"),
        codecs.BOM_UTF8 + page.encode("utf-8"),
        codecs.BOM_UTF16_LE + page.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + page.encode("utf-16-be"),
        "<table><tr><td>1</td></tr></table>".encode("utf-16-le"),
        b"<!-- saved from url=(0014)about:internet -->\n<div>x</div>",
        b"<?xml version='1.0'?><html/>",
        "一、总体情况\n<不是标记>".encode("gb18030"),
        b"PK\x03\x04rest",
        b"PK\x05\x06",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        b"%PDF-1.7\n",
        b"junk before " * 10 + b"%PDF-1.4",
        b"x" * 1100 + b"%PDF-1.4",
        b"{\\rtf1\\ansi",
        b"\x89PNG\r\n\x1a\n",
        # Word's "single file web page": MIME headers, no "<" in the head
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart_01"'
        b"\r\n\r\nThis document is a Single File Web Page, also known as a Web Archive file.",
    ]
    return heads


@pytest.mark.parametrize(("lazy", "real"), PAIRS, ids=lambda c: c.__name__)
def test_stand_in_declares_what_the_reader_declares(lazy, real) -> None:
    for attribute in ("name", "media_type", "label_zh", "label_en"):
        assert getattr(lazy, attribute) == getattr(real, attribute), attribute
    assert sorted(lazy.suffixes) == sorted(real.suffixes)
    assert lazy.magic == real.magic


@pytest.mark.parametrize(("lazy", "real"), PAIRS, ids=lambda c: c.__name__)
def test_stand_in_sniffs_as_the_reader(lazy, real) -> None:
    stand_in, reader = lazy(), real()
    for head in _heads():
        assert stand_in.has_magic(head) == reader.has_magic(head), head[:40]
        for suffix in SUFFIXES:
            assert stand_in.sniff(head, suffix) == reader.sniff(head, suffix), (head[:40], suffix)


def test_stand_in_reads_with_the_reader() -> None:
    page = (FIXTURES / "html").glob("*.html")
    path = next(iter(sorted(page)))
    data = path.read_bytes()
    limits = __import__("linter.readers", fromlist=["Limits"]).Limits()
    lazy = LazyHtmlReader().read(str(path), data, limits)
    real = HtmlReader().read(str(path), data, limits)
    assert lazy == real


def test_text_report_imports_no_other_reader() -> None:
    sample = FIXTURES / "text" / "2019_city-bureau-gongxin_tika.txt"
    code = (
        "import sys\n"
        "from linter.engine import Engine\n"
        "from linter.config import Config\n"
        "from linter.plugins import load_plugins\n"
        "engine = Engine.from_config(load_plugins(), Config())\n"
        "from pathlib import Path\n"
        f"result = engine.lint_path(Path({str(sample)!r}))\n"
        "assert result.findings\n"
        "print(sorted(m for m in sys.modules if m.startswith(('lxml', 'linter.readers'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = eval(out.stdout)
    assert not [m for m in loaded if m.startswith("lxml")], loaded
    assert not {"linter.readers.html", "linter.readers.docx", "linter.readers.pdf"} & set(loaded)
