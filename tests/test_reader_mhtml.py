"""A page saved as one file (MHTML: Chrome/Edge ``.mhtml``, Internet Explorer/Word ``.mht``)
reads as the page itself, and its findings point into the archive file.

``2023_zone-pingtan_gov.chromium.mhtml`` is Chromium's own archive of the real 平潭 2023
page (``Page.captureSnapshot`` in MHTML form, what "Save as → Webpage, Single File" writes:
quoted-printable UTF-8). The Internet Explorer / Word forms (a GB2312 page, base64 or
quoted-printable, with a picture part) are built here with the standard library's MIME
writer from the real 平潭 2022 page.
"""

from __future__ import annotations

import base64
import quopri
from email.message import Message
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from pathlib import Path

import pytest

from linter.engine import Engine
from linter.readers.declared import is_mhtml
from tests.conftest import FIXTURES, kinds

PAGE_2023 = FIXTURES / "html" / "2023_zone-pingtan_gov.html"
ARCHIVE_2023 = FIXTURES / "html" / "2023_zone-pingtan_gov.chromium.mhtml"
PAGE_2022 = FIXTURES / "html" / "2022_zone-pingtan_gov.html"


def _located(path: Path, result) -> list[tuple[int, int, str]]:
    """(line, column, what the archive holds there) of each finding with a place."""
    lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    found = []
    for f in result.findings:
        loc = f.location.anchor
        if loc.line and loc.column:
            found.append((loc.line, loc.column, lines[loc.line - 1][loc.column - 1 :][:12]))
    return found


def test_chromes_archive_of_a_real_page_reads_as_the_page(engine: Engine) -> None:
    page = engine.lint_path(PAGE_2023)
    archived = engine.lint_path(ARCHIVE_2023)
    assert archived.report.source.media_type == "multipart/related"
    assert kinds(archived) == kinds(page)
    assert {"TX004", "WD003"} <= {f.code for f in archived.findings}
    # the page's title, and the address it was saved from
    assert archived.report.title == page.report.title
    assert archived.report.source.path.endswith(".mhtml")
    # every place is a start tag of the archive (quoted-printable keeps "<p" as it is),
    # not a line of the decoded page
    places = _located(ARCHIVE_2023, archived)
    assert places and all(text.startswith("<") for _, _, text in places), places
    assert [line for line, _, _ in places] != [f.location.anchor.line for f in page.findings]


def _ie_archive(transfer: str, html_charset: str = "gb2312") -> bytes:
    """The real 2022 page as Internet Explorer or Word saves a GB2312 page as one file."""
    page = PAGE_2022.read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="gb2312"')
    archive = MIMEMultipart("related", type="text/html")
    archive["From"] = "<Saved by Windows Internet Explorer 11>"
    archive["Subject"] = "平潭综合实验区2022年度政府信息公开工作年度报告"
    part = Message()  # GB2312 as such pages really are: GBK bytes under that name
    part["Content-Type"] = f'text/html; charset="{html_charset}"'
    payload = page.encode("gb18030")
    if transfer == "base64":
        part.set_payload(base64.encodebytes(payload).decode("ascii"))
    else:
        part.set_payload(quopri.encodestring(payload).decode("ascii"))
    part["Content-Transfer-Encoding"] = transfer
    part["Content-Location"] = "http://www.pingtan.gov.cn/zwgk/2023/ndbg.html"
    archive.attach(part)
    image = MIMEImage(b"\x89PNG\r\n\x1a\n" + bytes(300), "png")
    image["Content-Location"] = "http://www.pingtan.gov.cn/images/logo.png"
    archive.attach(image)
    return archive.as_bytes()


@pytest.mark.parametrize("transfer", ["base64", "quoted-printable"])
def test_a_gb2312_page_saved_by_internet_explorer_reads_as_the_page(
    engine: Engine, tmp_path: Path, transfer: str
) -> None:
    path = tmp_path / "ndbg.mht"
    path.write_bytes(_ie_archive(transfer))
    page = engine.lint_path(PAGE_2022)
    archived = engine.lint_path(path)
    assert kinds(archived) == kinds(page)
    assert archived.report.source.media_type == "multipart/related"
    assert "XT003" not in {f.code for f in archived.findings}  # the charset was followed
    archive_lines = path.read_bytes().split(b"\n")
    body_start = next(i for i, line in enumerate(archive_lines) if b"ndbg.html" in line) + 2
    for line, _, text in _located(path, archived):
        assert line > body_start  # inside the page's part, not its headers
        if transfer == "quoted-printable":
            assert text.startswith("<"), (line, text)


def test_an_archive_is_recognised_by_its_headers_whatever_its_name(
    engine: Engine, tmp_path: Path
) -> None:
    assert is_mhtml(ARCHIVE_2023.read_bytes()[:4096])
    assert not is_mhtml(PAGE_2023.read_bytes()[:4096])
    assert not is_mhtml(b"Subject: hello\n\nContent-Type: multipart/related\n")  # in the body
    renamed = tmp_path / "report.html"
    renamed.write_bytes(ARCHIVE_2023.read_bytes())
    assert kinds(engine.lint_path(renamed)) == kinds(engine.lint_path(PAGE_2023))


def test_a_folder_walk_takes_archives(tmp_path: Path) -> None:
    from linter.engine import collect_files

    (tmp_path / "a.mhtml").write_bytes(ARCHIVE_2023.read_bytes())
    (tmp_path / "b.mht").write_bytes(_ie_archive("base64"))
    files, _ = collect_files([tmp_path])
    assert sorted(p.name for p in files) == ["a.mhtml", "b.mht"]


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\nbody\r\n", "boundary"),
        (
            b'Content-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n'
            b"Content-Type: image/png\r\n\r\nPNG\r\n--b--\r\n",
            "HTML",
        ),
    ],
)
def test_a_broken_archive_is_one_clear_xt001(
    engine: Engine, tmp_path: Path, content: bytes, says: str
) -> None:
    path = tmp_path / "saved.mhtml"
    path.write_bytes(content)
    result = engine.lint_path(path)
    assert [f.code for f in result.findings] == ["XT001"]
    message = result.findings[0].message_en
    assert "MHTML" in message and says in message and "bug" not in message


def test_an_archive_cut_off_in_its_page_reads_what_is_there(engine: Engine, tmp_path: Path) -> None:
    data = ARCHIVE_2023.read_bytes()
    page_end = data.index(b"Content-Type: text/css")
    # 存在的主要问题: its last place in the page is the heading of section 五
    heading = data.rindex("存在的主要问题".encode().hex("=").upper().encode(), 0, page_end)
    cut = data.rindex(b"\n", 0, data.rindex(b"\n", 0, heading))
    path = tmp_path / "cut.mhtml"
    path.write_bytes(data[:cut])
    result = engine.lint_path(path)
    codes = {f.code for f in result.findings}
    assert "ST001" in codes  # 五 and 六 are gone: said, at their places
    assert not any(f.tool_failure for f in result.findings)
