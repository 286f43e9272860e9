"""Every file in a folder that looks like a report in any form is accounted for.

Read, or one XT001 naming why it cannot be: an old binary Word file, an image that needs
OCR, RTF, a spreadsheet. The closing line and the summary count files found, read and
not readable by cause; SARIF has an artifact for each file.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from linter.engine import Engine, collect_files, reader_suffixes
from linter.plugins import load_plugins
from tests.conftest import SAMPLE_2019
from tests.test_cli import run

PDF = Path(__file__).parent / "fixtures" / "pdf" / "2023_district-hongze_gov.pdf"
OLE = bytes.fromhex("D0CF11E0A1B11AE1")
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buffer.getvalue()


def _word_ole() -> bytes:
    return OLE + bytes(500) + "WordDocument".encode("utf-16-le") + bytes(3000)


def _folder(root: Path) -> Path:
    folder = root / "reports"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(PDF.read_bytes())
    (folder / "b.doc").write_bytes(_word_ole())
    (folder / "c.png").write_bytes(PNG)
    (folder / "d.txt").write_bytes(SAMPLE_2019.read_bytes())
    (folder / ".hidden.pdf").write_bytes(PDF.read_bytes())  # hidden: left out
    (folder / "notes.csv").write_text("not a report form", encoding="utf-8")
    return folder


def test_a_folder_with_pdf_doc_png_and_txt_reports_four_files(tmp_path):
    _folder(tmp_path)
    result = run(["check", "reports", "--output-format", "concise"], tmp_path)
    out = result.output
    for name in ("a.pdf", "b.doc", "c.png", "d.txt"):
        assert f"reports/{name}:" in out
    assert "hidden" not in out and "notes.csv" not in out
    assert "reports/b.doc:1:1: XT001" in out and "另存为 .docx" in out
    assert "reports/c.png:1:1: XT001" in out and "OCR" in out
    assert "共检查 4 个文件（读取 2 个；无法读取 2 个：图片（需 OCR） 1，旧版或其他格式 1）" in out

    run(["check", "reports", "--output-format", "sarif", "-o", "out.sarif"], tmp_path)
    sarif = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    uris = sorted(a["location"]["uri"] for a in sarif["runs"][0]["artifacts"])
    assert [u.rsplit("/", 1)[-1] for u in uris] == ["a.pdf", "b.doc", "c.png", "d.txt"]


def test_the_summary_counts_files_by_cause(tmp_path):
    _folder(tmp_path)
    result = run(["check", "reports", "--output-format", "summary"], tmp_path)
    assert (
        "共 4 个文件，读取 2 个，无法读取 2 个：图片（需 OCR） 1，旧版或其他格式 1" in result.output
    )
    english = run(["check", "reports", "--output-format", "concise", "--lang", "en"], tmp_path)
    assert "in 4 file(s) (2 read; 2 not readable: image (OCR needed) 1, old or other format 1)" in (
        english.output
    )


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("old.wps", _word_ole(), "旧版 Word"),
        ("report.rtf", b"{\\rtf1\\ansi report}", "RTF"),
        ("scan.jpg", b"\xff\xd8\xff\xe0" + bytes(64), "图片（JPEG）"),
        ("scan.tif", b"II*\x00" + bytes(64), "图片（TIFF）"),
        ("table.xlsx", _zip({"xl/workbook.xml": b"<workbook/>"}), "Excel"),
        ("report.odt", _zip({"mimetype": b"x", "content.xml": b"<x/>"}), "OpenDocument"),
        ("sheet.xls", OLE + bytes(500) + "Workbook".encode("utf-16-le") + bytes(3000), ".xls"),
        ("error_page.pdf", b"<html><body>404</body></html>", "不是 PDF 文件，而是网页"),
        # OFD (GB/T 33190), which government sites publish beside PDF: asked for as PDF too
        ("report.ofd", _zip({"OFD.xml": b"<ofd:OFD/>"}), "请提供同一报告的 PDF 或 .docx 版本"),
    ],
)
def test_each_other_form_is_one_specific_xt001(tmp_path, name, data, words):
    path = tmp_path / name
    path.write_bytes(data)
    assert collect_files([tmp_path])[0] == [path]
    result = Engine(load_plugins()).lint_path(path)
    assert [f.code for f in result.findings] == ["XT001"]
    assert words in result.findings[0].message_zh


def test_the_suffixes_come_from_the_readers():
    suffixes = reader_suffixes()
    for suffix in (".pdf", ".docx", ".html", ".txt", ".json", ".doc", ".png", ".rtf"):
        assert suffix in suffixes


def test_no_report_files_message_lists_the_readers_suffixes(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run(["check", "empty"], tmp_path)
    assert result.exit_code == 2
    assert ".pdf" in result.output and ".docx" in result.output
