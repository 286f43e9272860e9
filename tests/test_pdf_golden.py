"""Golden equivalence: a DOCX fixture and the same document printed to PDF read alike.

The PDFs in ``fixtures/pdf/golden/`` are the DOCX fixtures of ``docx_fixtures.py`` and
``test_cross_year_hongze.py`` rendered once by LibreOffice (CI needs no LibreOffice)::

    python tests/test_pdf_golden.py OUTDIR   # writes the .docx files
    soffice --headless --convert-to pdf --outdir OUTDIR OUTDIR/*.docx

If a fixture's content changes, render it again: the test compares the PDF with the DOCX
built now, table by table and finding by finding.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from linter.document import Paragraph, Table
from linter.engine import Engine
from linter.plugins import load_plugins
from linter.readers import Limits
from linter.readers.docx import DocxReader
from linter.readers.pdf import PdfReader

GOLDEN = Path(__file__).parent / "fixtures" / "pdf" / "golden"


def _documents() -> dict[str, bytes]:
    sys.path.insert(0, str(Path(__file__).parent))
    from docx_fixtures import huaian_2024_docx
    from test_cross_year_hongze import hongze_docx

    return {
        "huaian_2024": huaian_2024_docx(),
        "hongze_2023": hongze_docx(2023),
        "hongze_2024": hongze_docx(2024),
        "huaian_2024_header_repeated": _header_repeated(huaian_2024_docx()),
        "huaian_2024_running_title": _running_title(huaian_2024_docx()),
    }


def _header_repeated(data: bytes) -> bytes:
    """The same report with table 三's three header rows marked to repeat on each page
    (``w:tblHeader``): the table runs over a page break and its header is printed twice."""
    import io

    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document(io.BytesIO(data))
    for row in document.tables[1].rows[:3]:
        row._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _running_title(data: bytes) -> bytes:
    """The same report with the report's title as the running header of every page and
    ``— 1 —`` page numbers at the foot (odd pages right, even pages left), on pages with
    narrow margins: the title itself then stands, on one line, in the page's top band on
    page 1, under its running copy."""
    import io

    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Cm

    document = docx.Document(io.BytesIO(data))
    title = next(p.text for p in document.paragraphs if p.text.strip())
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    section.top_margin, section.header_distance = Cm(1.1), Cm(0.3)
    section.left_margin = section.right_margin = Cm(2.0)  # the title on one line
    for header in (section.header, section.even_page_header):
        header.paragraphs[0].text = title
        header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
        footer._element.append(
            parse_xml(
                f'<w:p {nsdecls("w")}><w:pPr><w:jc w:val="{align}"/></w:pPr>'
                '<w:r><w:t xml:space="preserve">— </w:t></w:r>'
                '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
                '<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p>'
            )
        )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _grids(doc) -> list:
    # DOCX keeps a cell's paragraphs apart with "\n"; a PDF only shows wrapped lines.
    return [
        [[(c.text.replace("\n", ""), c.hmerge, c.vmerge) for c in row] for row in block.rows]
        for block in doc.blocks
        if isinstance(block, Table)
    ]


@pytest.mark.parametrize(
    "name",
    [
        "huaian_2024",
        "hongze_2023",
        "hongze_2024",
        "huaian_2024_header_repeated",
        "huaian_2024_running_title",  # before: the title read as the running header (ST004)
    ],
)
def test_pdf_reads_to_the_same_tables_and_findings_as_the_docx(name, tmp_path):
    docx = _documents()[name]
    pdf = (GOLDEN / f"{name}.pdf").read_bytes()
    from_docx = DocxReader().read("x.docx", docx, Limits())
    from_pdf = PdfReader().read("x.pdf", pdf, Limits())
    assert _grids(from_pdf) == _grids(from_docx)
    # The same paragraphs, wrapped lines joined (spaces aside: LibreOffice drops some).
    assert _paragraphs(from_pdf) == _paragraphs(from_docx)
    if name.endswith("header_repeated"):  # the header really is printed twice
        assert sum(page.count("申请人情况") for page in _page_texts(pdf)) == 2

    engine = Engine(load_plugins())
    (tmp_path / "r.docx").write_bytes(docx)
    (tmp_path / "r.pdf").write_bytes(pdf)
    docx_findings = sorted(
        (f.code, f.message_en) for f in engine.lint_path(tmp_path / "r.docx").findings
    )
    pdf_findings = sorted(
        (f.code, f.message_en) for f in engine.lint_path(tmp_path / "r.pdf").findings
    )
    assert pdf_findings == docx_findings
    assert docx_findings  # each fixture has findings to compare


def _paragraphs(doc) -> list[str]:
    return [
        block.text.replace("\n", "").replace(" ", "")
        for block in doc.blocks
        if isinstance(block, Paragraph)
    ]


def _page_texts(pdf: bytes) -> list[str]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    return [document[i].get_textpage().get_text_range() for i in range(len(document))]


if __name__ == "__main__":
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for key, data in _documents().items():
        (out / f"{key}.docx").write_bytes(data)
