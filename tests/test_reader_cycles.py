"""Readers leave no reference cycles behind, and read with the garbage collector paused.

A cycle in what a read leaves (the HTML source index and its anchor maker, a closure that
calls itself) is freed only by a full collection: until then it keeps the page's whole
parsed tree alive, and every collection walks it again. The readers run with the
collector paused (:func:`linter.readers.collector_paused`), which is only sound when they
make no cycles: these tests hold them to it, on real reports with their anchors placed
as a check places them.
"""

from __future__ import annotations

import gc

import pytest

from linter.document import Paragraph, Table
from linter.readers import Limits, ReadError, collector_paused
from linter.readers.docx import DocxReader
from linter.readers.html import HtmlReader, fragment_blocks
from linter.readers.text import TextReader
from tests.conftest import FIXTURES

READS = [
    (HtmlReader, "html/2023_zone-pingtan_gov.html"),
    (HtmlReader, "html/2019_prov-shanghai-govoffice.html"),
    (HtmlReader, "html/2023_zone-pingtan_gov.chromium.mhtml"),
    (DocxReader, "docx/2021_format_template_blank.docx"),
    (TextReader, "text/2023_zone-pingtan_gov.markitdown.md"),
    (TextReader, "text/2022_zone-pingtan_gov.txt"),
]


def _place_anchors(blocks) -> int:
    placed = 0
    for block in blocks:
        if isinstance(block, Paragraph):
            placed += block.anchor.line is not None
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row:
                    placed += cell.anchor.line is not None
    return placed


def _garbage_after(read) -> int:
    """Objects in reference cycles left once what ``read()`` returned is dropped."""
    gc.collect()
    gc.disable()  # no collection in between: it would free (and hide) the cycles
    try:
        result = read()
        del result
        return gc.collect()
    finally:
        gc.enable()


@pytest.mark.parametrize(("reader", "name"), READS, ids=[name for _, name in READS])
def test_a_read_leaves_no_reference_cycles(reader, name):
    data = (FIXTURES / name).read_bytes()

    def read():
        doc = reader().read(name, data, Limits())
        assert doc.blocks and _place_anchors(doc.blocks)
        return doc

    assert _garbage_after(read) == 0


def test_an_html_table_in_markdown_leaves_no_reference_cycles():
    fragment = (
        "<table><thead><tr><td>信息内容</td><td>本年新制作数量</td></tr></thead>"
        "<tbody><tr><td>规章</td><td>3</td></tr></tbody><td>行政规范性文件</td></table>"
    )

    def read():
        blocks = fragment_blocks(fragment)
        assert _place_anchors(blocks)
        return blocks

    assert _garbage_after(read) == 0


def test_the_collector_is_paused_during_a_read_and_running_after_it():
    seen: list[bool] = []

    @collector_paused
    def read(fail: bool) -> str:
        seen.append(gc.isenabled())
        if fail:
            raise ReadError("坏", "bad")
        return "read"

    assert read(False) == "read" and gc.isenabled()
    with pytest.raises(ReadError):
        read(True)
    assert gc.isenabled()
    gc.disable()  # a caller that turned it off itself keeps it off
    try:
        assert read(False) == "read" and not gc.isenabled()
    finally:
        gc.enable()
    assert seen == [False, False, False]
