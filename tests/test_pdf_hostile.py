"""PDF input that cannot be checked: one clear finding each, and the batch goes on.

The hostile PDFs are generated here (``tests/pdf_fixtures.py``); nothing large is
committed. The image-only PDF (``fixtures/pdf/image_only_scan.pdf``) is two pages of the
real 洪泽区 2024 report rendered to greyscale images and wrapped in a PDF, as a scanned
"图片版" report is.
"""

from __future__ import annotations

import io
import json
import time
import zlib
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from linter.document import Paragraph, ReadError, Table
from linter.engine import Engine
from linter.plugins import load_plugins
from linter.readers import Limits
from linter.readers.pdf import NoTextLayer, PdfReader, fold
from tests.pdf_fixtures import build_pdf, many_paths, text_page
from tests.test_cli import run

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"
REAL = FIXTURES / "2023_district-hongze_gov.pdf"


def read(data: bytes, limits: Limits | None = None):
    return PdfReader().read("x.pdf", data, limits or Limits())


def _texts(doc) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def _huge_image_pdf() -> bytes:
    """A page with an image declared 40000 x 40000 RGB (4.8 GB decoded) whose stream is
    a deflate bomb, and one line of text: the reader must never decode the image."""
    bomb = zlib.compress(bytes(64 << 20), 9)  # 64 MiB of zeros in ~64 KiB
    image = (
        b"<< /Type /XObject /Subtype /Image /Width 40000 /Height 40000 /ColorSpace "
        b"/DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length "
        + str(len(bomb)).encode()
        + b" >>\nstream\n"
        + bomb
        + b"\nendstream"
    )
    content = b"q 500 0 0 500 40 100 cm /Im1 Do Q\n" + text_page("Annual report")
    return build_pdf(
        [content],
        extra={50: image},
        resources=b"<< /Font << /F1 4 0 R >> /XObject << /Im1 50 0 R >> >>",
    )


HOSTILE = {
    "password.pdf": (build_pdf([text_page("secret")], user_password=b"abc"), "密码"),
    "damaged.pdf": (b"%PDF-1.7\n" + bytes(range(256)) * 40, "已损坏"),
    "truncated.pdf": (REAL.read_bytes()[:150_000], "不完整"),
    "pages_10000.pdf": (build_pdf([b""] * 10_000), "10,000 页"),
    "paths_100000.pdf": (build_pdf([many_paths(100_000)], compress=True), "100,000 个图形对象"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_each_hostile_pdf_is_one_read_error_naming_the_cause(name):
    data, words = HOSTILE[name]
    started = time.monotonic()
    with pytest.raises(ReadError) as caught:
        read(data)
    assert time.monotonic() - started < 5
    assert words in caught.value.detail_zh
    assert caught.value.code == "XT001" and caught.value.cause != "unreadable"


def test_hostile_pdfs_in_one_folder_each_give_one_xt001_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    for name, (data, _) in HOSTILE.items():
        (folder / name).write_bytes(data)
    (folder / "scan.pdf").write_bytes((FIXTURES / "image_only_scan.pdf").read_bytes())
    (folder / "good.pdf").write_bytes(REAL.read_bytes())
    result = run(
        ["check", "batch", "--output-format", "json", "-o", "out.json", "--isolated"],
        tmp_path,
    )
    assert result.exit_code == 1
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    items = data["findings"] if isinstance(data, dict) else data
    per_file: dict[str, list[str]] = {}
    for item in items:
        per_file.setdefault(item["path"].split("/")[-1], []).append(item["code"])
    assert {n: per_file.get(n) for n in HOSTILE} == {n: ["XT001"] for n in HOSTILE}
    assert per_file["scan.pdf"] == ["XT005"]
    assert "RL101" in per_file["good.pdf"]


def test_a_huge_image_stream_is_never_decoded():
    data = _huge_image_pdf()
    started = time.monotonic()
    doc = read(data)
    assert time.monotonic() - started < 2
    assert _texts(doc) == ["Annual report"]


def test_a_file_over_the_size_limit_is_one_xt001_before_any_reading(tmp_path):
    path = tmp_path / "big.pdf"
    path.write_bytes(_huge_image_pdf() + b"%" + bytes(300_000))
    engine = Engine(load_plugins(), limits=Limits(max_file_bytes=200_000))
    result = engine.lint_path(path)
    assert [f.code for f in result.findings] == ["XT001"]
    assert "超过上限" in result.findings[0].message_zh


def test_an_empty_user_password_is_read():
    doc = read(build_pdf([text_page("Hello secret")], user_password=b""))
    assert _texts(doc) == ["Hello secret"]


def test_a_repairable_broken_xref_is_read_as_printed():
    good = REAL.read_bytes()
    broken = good.replace(b"startxref", b"startxref\n0\n%", 1) if b"startxref" in good else good
    assert broken != good
    assert [len(t.rows) for t in read(broken).blocks if isinstance(t, Table)] == [14, 26, 4]


def test_image_only_pdf_gives_xt005_and_nothing_else(tmp_path):
    with pytest.raises(NoTextLayer) as caught:
        read((FIXTURES / "image_only_scan.pdf").read_bytes())
    assert caught.value.code == "XT005" and "OCR" in caught.value.detail_zh
    engine = Engine(load_plugins())
    result = engine.lint_path(FIXTURES / "image_only_scan.pdf")
    assert [f.code for f in result.findings] == ["XT005"]
    assert "没有文字层" in result.findings[0].message_zh
    assert not result.report.readable


def test_an_empty_page_pdf_gives_xt005():
    with pytest.raises(NoTextLayer):
        read(build_pdf([b""]))


def test_characters_fonts_map_to_other_code_points_are_normalised():
    assert fold("⼀、总体情况") == "一、总体情况"  # U+2F00 KANGXI RADICAL ONE
    assert fold("\uf900") == "豈"  # CJK compatibility ideograph
    assert fold("ﬁle") == "file"
    assert fold("２０２４年") == "2024年"
    assert fold("政府\u00ad信息") == "政府信息"
    # Full-width punctuation is kept as printed (labels are compared as printed).
    assert fold("（一）：") == "（一）："


def test_private_use_characters_are_counted_as_xt003():
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def\n"
        b"1 begincodespacerange <00> <FF> endcodespacerange\n"
        b"3 beginbfchar <41> <2F00> <42> <E000> <43> <FF11> endbfchar\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 99 0 R >>"
    stream = b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream"
    doc = read(build_pdf([text_page("ABCAB")], font=font, extra={99: stream}))
    assert _texts(doc) == ["一\ue0001一\ue000"]
    assert [d.code for d in doc.diagnostics] == ["XT003"]
    assert "2 个字符" in doc.diagnostics[0].detail_zh


def _turned(data: bytes, content_turned: bool) -> bytes:
    pdf = pdfium.PdfDocument(data)
    for i in range(len(pdf)):
        page = pdf[i]
        if content_turned:
            # A page drawn sideways and shown upright by /Rotate (a landscape table page).
            width, height = page.get_size()
            matrix = pdfium.PdfMatrix().rotate(90).translate(0, width)
            for obj in list(page.get_objects(max_depth=1)):
                obj.transform(matrix)
            page.set_mediabox(0, 0, height, width)
            page.gen_content()
            page.set_rotation(270)
        else:
            page.set_rotation(90)  # shown sideways; the text still runs along the page
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


@pytest.mark.parametrize("content_turned", [False, True], ids=["rotate-only", "content-turned"])
def test_rotated_pages_read_in_the_right_order(content_turned):
    data = REAL.read_bytes()
    expected = read(data)
    turned = read(_turned(data, content_turned))
    assert [b.text for b in turned.blocks if isinstance(b, Paragraph)] == _texts(expected)
    assert [
        [[c.text for c in row] for row in b.rows] for b in turned.blocks if isinstance(b, Table)
    ] == [
        [[c.text for c in row] for row in b.rows] for b in expected.blocks if isinstance(b, Table)
    ]


def test_the_page_limit_is_configurable(tmp_path):
    (tmp_path / "gongkai-lint.toml").write_text("[limits]\nmax-pdf-pages = 3\n", encoding="utf-8")
    (tmp_path / "r.pdf").write_bytes(REAL.read_bytes())
    result = run(
        ["check", "r.pdf", "--config", "gongkai-lint.toml", "--output-format", "concise"],
        tmp_path,
    )
    assert "XT001" in result.output and "5 页，超过上限 3 页" in result.output


def _spliced(pages: list[tuple[Path, int]]) -> bytes:
    """A PDF made of pages of other PDFs (a scanned page among text pages)."""
    out = pdfium.PdfDocument.new()
    for path, index in pages:
        out.import_pages(pdfium.PdfDocument(path.read_bytes()), [index])
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


SCAN = FIXTURES / "image_only_scan.pdf"


def test_a_scanned_page_inside_the_report_stops_content_checks(tmp_path):
    # Page 3 (tables 二 and 三) replaced by a scanned page: every "missing" finding
    # would be wrong, so the content is not checked and XT005 names the page.
    path = tmp_path / "mixed.pdf"
    path.write_bytes(_spliced([(REAL, 0), (REAL, 1), (SCAN, 1), (REAL, 3), (REAL, 4)]))
    result = Engine(load_plugins()).lint_path(path)
    assert [f.code for f in result.findings] == ["XT005"]
    assert "第 3 页" in result.findings[0].message_zh
    assert result.findings[0].location.anchor.page == 3
    assert result.report.readable and not result.facts


def test_a_scanned_cover_page_leaves_the_report_checked(tmp_path):
    path = tmp_path / "cover.pdf"
    path.write_bytes(_spliced([(SCAN, 0), *((REAL, i) for i in range(5))]))
    codes = [f.code for f in Engine(load_plugins()).lint_path(path).findings]
    assert "XT005" not in codes and codes.count("RL101") == 2


def test_a_scan_under_a_typed_title_is_one_xt004_warning_not_six_missing_sections():
    """A page of 淮安市's 2024 report as a picture (a scan) under the report's title typed
    as text (HTML printed by Chromium: ``fixtures/pdf/xt_title_over_scan.pdf``). The text
    layer holds the title only: not a report to check section by section (six ST001
    errors before), but one warning that the rest is pictures."""
    result = Engine(load_plugins()).lint_path(FIXTURES / "xt_title_over_scan.pdf")
    (finding,) = result.findings
    assert (finding.code, finding.level, finding.sub_id) == ("XT004", "warning", "title-only")
    assert "淮安市人民政府2024年政府信息公开工作年度报告" in finding.message_zh
    assert "其余内容可能是图片（扫描件）" in finding.message_zh
    assert "pictures (a scan)" in finding.message_en
    assert finding.location.anchor.page == 1
