"""Probe the PDF and DOCX readers with the real reports as other producers publish them.

    python bench/probe_producers.py [chromium] [lo] [docx] [-v] [--keep DIR] [--only NAME]
                                    [--no-split]

The real HTML pages in tests/fixtures/html are printed, each trait alone and mixed:

``chromium`` (headless Chromium through Playwright's Python package, the system's
/usr/bin/chromium): the report's article (title and body, site menus left out) set as a
公文 on A4, with table header rows repeated on every page (``thead`` as a
table-header-group), rows kept whole or broken across pages, page numbers at the foot
(``— 3 —``, ``-3-``, ``第3页 共8页``, odd/even placement), a running header with the
agency's name or the report's title, a 红头 (red 发文机关标志, 文号, red rule) above the
title, a 抄送/印发 block and a signature with date after the end, a diagonal watermark,
landscape pages, narrow margins with small fonts, tables wider than the page scaled down,
and section 三's table broken over two pages before each of its rows.

``lo`` (LibreOffice, ``soffice --headless --convert-to``): the article to PDF and to DOCX
(LibreOffice's own table markup), that DOCX to PDF.

``docx``: the official 2021 template filled with 淮安 2024's figures (tests/docx_fixtures.py)
as Word users finish it (标题行重复, 红头 and 抄送/印发, running header, Word's VML
watermark, odd/even page numbers; tables 二 and 三 cut in two before each row), each
round-tripped through LibreOffice (docx → docx, docx → odt → docx) and exported to PDF.

Each form is linted and compared with its original (the HTML page; the filled template):
a run counts as "error" when it has an error-level finding the original lacks. Prints the
counts by trait and producer, and with -v each run that differs.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from linter.engine import Engine  # noqa: E402
from linter.plugins import load_plugins  # noqa: E402
from tests.conftest import kinds  # noqa: E402

HTML = ROOT / "tests" / "fixtures" / "html"
PAGES = {
    "shanghai2019": HTML / "2019_prov-shanghai-govoffice.html",
    "pingtan2022": HTML / "2022_zone-pingtan_gov.html",
    "pingtan2023": HTML / "2023_zone-pingtan_gov.html",
    "czj2025": HTML / "2025_zonedept-pingtan-czj.html",
}
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"

BASE_CSS = """
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif; font-size: 16pt;
       line-height: 1.6; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 1px solid #000; font-size: 10.5pt; padding: 2px; }
td p, th p { margin: 0; text-indent: 0 !important; }
h1.title { text-align: center; font-size: 22pt; font-weight: normal; }
"""


def article(path: Path) -> tuple[str, str, str]:
    """(title, agency, body HTML) of the report on a page: the article without the site."""
    raw = path.read_bytes()
    tree = lxml_html.fromstring(raw.decode("utf-8", "replace"))
    titles = tree.xpath("//div[contains(@class,'article_title')]")
    bodies = tree.xpath("//div[contains(@class,'article_content')]")
    if titles and bodies:
        title = " ".join(titles[0].text_content().split())
        body = etree.tostring(bodies[0], encoding="unicode", method="html")
    else:
        first = tree.xpath("//p")[0]
        title = " ".join(first.text_content().split())
        first.getparent().remove(first)
        body = etree.tostring(tree, encoding="unicode", method="html")
    agency = re.split(r"\d{4}年", title)[0] or re.sub(r"^\d{4}年(度)?", "", title)
    agency = re.sub(r"政府信息公开.*$", "", agency)
    return title, agency, body


@dataclass
class Trait:
    name: str
    css: str = ""
    before: str = ""  # HTML above the title
    after: str = ""  # HTML after the body
    pdf: dict = field(default_factory=dict)  # page.pdf options
    js: str = ""  # run on the page before printing (tables in the DOM)


def _footer(text: str, align: str = "center") -> dict:
    return {
        "display_header_footer": True,
        "header_template": "<span></span>",
        "footer_template": f"<div style='font-size:12px;width:100%;text-align:{align};"
        f"font-family:serif'>{text}</div>",
    }


# Header rows (leading rows without a figure) of every table into a <thead>.
THEAD_JS = """
for (const t of document.querySelectorAll('table')) {
  const body = t.tBodies[0]; if (!body) continue;
  const head = t.createTHead();
  for (const r of Array.from(body.rows)) {
    if (/\\d/.test(r.textContent.replace(/[（(]\\s*[一二三四五六七八九十]+\\s*[）)]/g, '')))
      break;
    head.appendChild(r);
  }
}
"""

# Section 三's table: the table holding 本年新收.
SPLIT_JS = """
(k) => {
  const t = Array.from(document.querySelectorAll('table'))
    .find(t => t.textContent.includes('本年新收'));
  if (!t) return 0;
  const rows = Array.from(t.rows);
  if (k >= rows.length) return 0;
  rows[k].style.breakBefore = 'page';
  for (const c of rows[k].cells) c.style.breakBefore = 'page';
  return rows.length;
}
"""


def traits(title: str, agency: str) -> list[Trait]:
    redhead = (
        f"<div style='color:#d00;text-align:center;font-size:40pt;letter-spacing:4pt;"
        f"font-weight:bold'>{agency}办公室文件</div>"
        "<p style='text-align:center'>平政办发〔2024〕3号</p>"
        "<hr style='border:0;border-top:2px solid #d00;margin:4px 0 24px'>"
    )
    tail = (
        f"<p style='text-align:right;margin-top:2em'>{agency}</p>"
        "<p style='text-align:right'>2024年1月20日</p>"
        "<p>（此件公开发布）</p>"
        "<hr style='border:0;border-top:1px solid #000'>"
        f"<p>抄送：{agency}各部门，各乡镇人民政府。</p>"
        "<hr style='border:0;border-top:1px solid #000'>"
        f"<p>{agency}办公室　　　　　　2024年1月20日印发</p>"
        "<hr style='border:0;border-top:1px solid #000'>"
    )
    watermark = (
        "<div style='position:fixed;top:40%;left:5%;width:90%;text-align:center;"
        "transform:rotate(-35deg);font-size:60pt;color:rgba(180,180,180,0.35);"
        "z-index:-1'>仅供参考</div>"
    )
    header = {
        "display_header_footer": True,
        "header_template": f"<div style='font-size:10px;width:100%;text-align:center;"
        f"border-bottom:1px solid #000;font-family:serif'>{agency}</div>",
        "footer_template": "<div style='font-size:12px;width:100%;text-align:center'>"
        "— <span class='pageNumber'></span> —</div>",
    }
    header_title = dict(header)
    header_title["header_template"] = header["header_template"].replace(agency, title)
    odd_even = (
        "@page :right { @bottom-right { content: '— ' counter(page) ' —'; "
        "font-size: 14pt; } }"
        "@page :left { @bottom-left { content: '— ' counter(page) ' —'; font-size: 14pt; } }"
    )
    return [
        Trait("plain"),
        Trait("thead", css="thead { display: table-header-group; }", js=THEAD_JS),
        Trait("rows-broken", css="tr, td { break-inside: auto !important; }"),
        Trait("rows-whole", css="tr { break-inside: avoid; }"),
        Trait("foot-dash", pdf=_footer("— <span class='pageNumber'></span> —")),
        Trait("foot-hyphen", pdf=_footer("-<span class='pageNumber'></span>-")),
        Trait(
            "foot-of",
            pdf=_footer(
                "第<span class='pageNumber'></span>页 共<span class='totalPages'></span>页"
            ),
        ),
        Trait("foot-odd-even", css=odd_even),
        Trait("browser-default", pdf={"display_header_footer": True}),
        Trait("header-agency", pdf=header),
        Trait("header-title", pdf=header_title),
        Trait("redhead", before=redhead),
        Trait("tail", after=tail),
        Trait("watermark", before=watermark),
        Trait("landscape", pdf={"landscape": True}),
        Trait(
            "shaded",
            css="tr:nth-child(even) td { background: #e8eef7; } "
            "tr:first-child td, thead td { background: #c9d6ea; font-weight: bold; }",
        ),
        Trait("double-border", css="table { border: 4.5pt double #000 !important; }"),
        Trait("dashed", css="td, th { border: 1px dashed #000 !important; }"),
        Trait(
            "rules-only",
            css="td, th { border-left: none !important; border-right: none !important; }",
        ),
        Trait("borderless", css="td, th, table { border: none !important; }"),
        Trait(
            "landscape-table",
            css="@page wide { size: A4 landscape; margin: 20mm; } table.wide { page: wide; }",
            js="Array.from(document.querySelectorAll('table'))"
            ".filter(t => t.textContent.includes('本年新收') || t.textContent.includes('行政复议'))"
            ".forEach(t => t.classList.add('wide'))",
        ),
        Trait(
            "narrow-small",
            css="@page { margin: 10mm; } body { font-size: 10pt; } td, th { font-size: 7pt; }",
        ),
        Trait("wide-scaled", css="table { width: 1500px !important; }", pdf={"scale": 0.5}),
        Trait(
            "mixed-gongwen",
            css="thead { display: table-header-group; } tr { break-inside: avoid; }",
            js=THEAD_JS,
            before=redhead + watermark,
            after=tail,
            pdf=_footer("-<span class='pageNumber'></span>-"),
        ),
        Trait(
            "mixed-web",
            css="thead { display: table-header-group; }"
            "@page { margin: 12mm; } body { font-size: 11pt; } td { font-size: 8pt; }",
            js=THEAD_JS,
            pdf=header_title | {"scale": 0.8},
        ),
        Trait(
            "mixed-landscape",
            css="tr, td { break-inside: auto !important; }",
            before=watermark,
            pdf=header | {"landscape": True},
        ),
    ]


def thead_rows(body: str) -> str:
    """THEAD_JS without a browser: each table's leading rows without a figure in a
    ``<thead>`` (LibreOffice repeats them on each page)."""
    tree = lxml_html.fromstring(body)
    numbering = re.compile(r"[（(]\s*[一二三四五六七八九十]+\s*[）)]")
    for table in tree.iter("table"):
        rows = table.xpath("./tbody/tr | ./tr")
        head = []
        for row in rows:
            if re.search(r"\d", numbering.sub("", row.text_content())):
                break
            head.append(row)
        if head:
            thead = etree.Element("thead")
            for row in head:
                row.getparent().remove(row)
                thead.append(row)
            table.insert(0, thead)
    return etree.tostring(tree, encoding="unicode", method="html")


def document(title: str, body: str, trait: Trait) -> str:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>"
        f"<style>{BASE_CSS}{trait.css}</style></head><body>"
        f"{trait.before}<h1 class='title'>{title}</h1>{body}{trait.after}</body></html>"
    )


class Run:
    """Lint forms against their originals and count."""

    def __init__(self, verbose: bool) -> None:
        self.engine = Engine(load_plugins())
        self.verbose = verbose
        self.totals: Counter = Counter()
        self.bad: list[str] = []

    def original(self, path: Path) -> tuple[set, Counter]:
        got = Counter(kinds(self.engine.lint_path(path)))
        return {k for k in got if k[2] == "error"}, got

    def compare(self, label: str, group: str, form: Path, base: tuple[set, Counter]) -> None:
        errors, whole = base
        try:
            got = Counter(kinds(self.engine.lint_path(form)))
        except Exception as exc:  # noqa: BLE001 - a probe reports and goes on
            got = Counter({("CRASH", repr(exc)[:80], "error"): 1})
        new = {k for k in got if k[2] == "error"} - errors
        self.totals[(group, "runs")] += 1
        self.totals[(group, "error")] += bool(new)
        self.totals[(group, "same")] += got == whole
        if new:
            self.bad.append(f"{label}: {sorted(new)}")
        if self.verbose and got != whole:
            extra, lost = got - whole, whole - got
            print(f"  {label}: +{dict(extra)} -{dict(lost)}", flush=True)

    def report(self) -> None:
        groups = sorted({g for g, _ in self.totals})
        runs = errors = 0
        for g in groups:
            n, e, s = (self.totals[(g, k)] for k in ("runs", "error", "same"))
            runs, errors = runs + n, errors + e
            print(f"{g:32} {e}/{n} with an error the original lacks, {s}/{n} with its findings")
        print(f"{'all':32} {errors}/{runs} with an error the original lacks")
        for line in self.bad:
            print("  ERROR", line)


def _print(page, out: Path, title: str, body: str, trait: Trait, stem: str, split: int = 0):
    """The report printed by Chromium with ``trait`` (section 三 broken before row
    ``split`` when given) into ``out``/``stem``.pdf."""
    # From a file, as a reader prints the page: the browser's own header and footer
    # (date, title; address, 1/8) name it.
    source = out / f"{stem}.html"
    source.write_text(document(title, body, trait), encoding="utf-8")
    page.goto(source.as_uri(), wait_until="load")
    if trait.js:
        page.evaluate(trait.js)
    if split:
        page.evaluate(SPLIT_JS, split)
    dst = out / f"{stem}.pdf"
    page.pdf(path=str(dst), format="A4", print_background=True, **trait.pdf)
    return dst


def two_up(src: Path, dst: Path) -> Path:
    """Two pages side by side on each landscape A3 sheet (PDFium's N-up import, what
    "2 pages per sheet" printing makes)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument(str(src))
    sheet = raw.FPDF_ImportNPagesToOne(doc.raw, 1190.0, 842.0, 2, 1)
    pdfium.PdfDocument(sheet).save(str(dst))
    return dst


def chromium(run: Run, out: Path, only: str | None, split: bool = True) -> None:
    from playwright.sync_api import sync_playwright

    split_traits = (
        Trait("split"),
        Trait("split-thead", css="thead { display: table-header-group; }", js=THEAD_JS),
    )
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page()
        for name, path in PAGES.items():
            if only and only not in name:
                continue
            base = run.original(path)
            title, agency, body = article(path)
            for trait in traits(title, agency):
                form = _print(page, out, title, body, trait, f"{name}.chromium.{trait.name}")
                run.compare(f"{name} chromium {trait.name}", f"chromium {trait.name}", form, base)
                if trait.name in ("plain", "foot-of"):
                    sheet = two_up(form, out / f"{name}.chromium.{trait.name}.2up.pdf")
                    run.compare(
                        f"{name} 2-up {trait.name}", f"chromium 2-up {trait.name}", sheet, base
                    )
            if not split:
                continue
            page.set_content(document(title, body, Trait("rows")), wait_until="load")
            rows = page.evaluate(
                "Array.from(document.querySelectorAll('table'))"
                ".find(t => t.textContent.includes('本年新收'))?.rows.length || 0"
            )
            for k in range(1, rows):
                for trait in split_traits:
                    stem = f"{name}.chromium.{trait.name}{k}"
                    form = _print(page, out, title, body, trait, stem, split=k)
                    label = f"{name} chromium {trait.name} {k}"
                    run.compare(label, f"chromium {trait.name}", form, base)
        browser.close()


def soffice(src: Path, target: str, out: Path, work: Path, infilter: str | None = None) -> Path:
    cmd = [
        SOFFICE,
        f"-env:UserInstallation=file://{work}/lo",
        "--headless",
        "--convert-to",
        target,
        "--outdir",
        str(out),
    ]
    if infilter:
        cmd[3:3] = [f"--infilter={infilter}"]
    subprocess.run([*cmd, str(src)], check=True, capture_output=True, timeout=180)
    return out / f"{src.stem}.{target.split(':')[0]}"


def libreoffice(run: Run, out: Path, work: Path, only: str | None) -> None:
    for name, path in PAGES.items():
        if only and only not in name:
            continue
        base = run.original(path)
        title, agency, body = article(path)
        keep = ("plain", "thead", "redhead", "tail", "mixed-gongwen")
        for trait in (t for t in traits(title, agency) if t.name in keep):
            if trait.js:  # LibreOffice runs no script: the header rows moved here
                trait = Trait(trait.name, css=trait.css, before=trait.before, after=trait.after)
                body_now = thead_rows(body)
            else:
                body_now = body
            src = out / f"{name}.lo-{trait.name}.html"
            src.write_text(document(title, body_now, trait), encoding="utf-8")
            t = trait.name
            pdf = soffice(src, "pdf:writer_web_pdf_Export", out, work)
            run.compare(f"{name} lo {t} html->pdf", f"libreoffice {t} html->pdf", pdf, base)
            if t == "plain":
                sheet = two_up(pdf, out / f"{name}.lo-plain.2up.pdf")
                run.compare(f"{name} lo 2-up html->pdf", "libreoffice 2-up html->pdf", sheet, base)
            docx = soffice(src, "docx:MS Word 2007 XML", out, work, "HTML (StarWriter)")
            run.compare(f"{name} lo {t} html->docx", f"libreoffice {t} html->docx", docx, base)
            again = out / "again"
            again.mkdir(exist_ok=True)
            pdf2 = soffice(docx, "pdf:writer_pdf_Export", again, work)
            label = f"libreoffice {t} html->docx->pdf"
            run.compare(f"{name} lo {t} html->docx->pdf", label, pdf2, base)


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WATERMARK_VML = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">'
    '<w:pict><v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" '
    'adj="10800" path="m@7,l@8,m@5,21600l@6,21600e"><v:textpath on="t" fitshape="t"/>'
    '</v:shapetype><v:shape id="PowerPlusWaterMarkObject" o:spid="_x0000_s2049" '
    'type="#_x0000_t136" style="position:absolute;margin-left:0;margin-top:0;width:414pt;'
    "height:138pt;rotation:315;z-index:-251657216;mso-position-horizontal:center;"
    "mso-position-horizontal-relative:margin;mso-position-vertical:center;"
    'mso-position-vertical-relative:margin" o:allowincell="f" fillcolor="silver" '
    'stroked="f"><v:fill opacity=".5"/><v:textpath style="font-family:&quot;宋体&quot;;'
    'font-size:1pt" string="{text}"/></v:shape></w:pict></w:r>'
)
PAGE_FIELD = (
    '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:pPr><w:jc w:val="{align}"/></w:pPr><w:r><w:t xml:space="preserve">{left}</w:t></w:r>'
    '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
    '<w:r><w:t xml:space="preserve">{right}</w:t></w:r></w:p>'
)


def word_forms(data: bytes, agency: str) -> dict[str, bytes]:
    """The filled template as Word users finish it: 标题行重复 on table 三's header rows,
    a 红头 above the title and a 抄送/印发 block after the end, a running header with the
    agency's name, a diagonal watermark in the header (Word's own VML), ``— 1 —`` page
    numbers at the foot (odd pages right, even left)."""
    import io

    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    def base():
        return docx.Document(io.BytesIO(data))

    def save(document) -> bytes:
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()

    def header_rows(document) -> None:
        table = document.tables[1]._tbl
        for tr in table.findall(qn("w:tr"))[:3]:
            trpr = tr.get_or_add_trPr()
            trpr.append(parse_xml(f'<w:tblHeader xmlns:w="{W}"/>'))

    def redhead(document) -> None:
        body = document.element.body
        first = body[0]
        for text, size, colour in (
            (f"{agency}办公室文件", 36, RGBColor(0xD0, 0, 0)),
            ("淮政办发〔2025〕3号", 16, None),
        ):
            p = document.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = p.add_run(text)
            run.font.size = Pt(size)
            if colour:
                run.font.color.rgb = colour
            first.addprevious(p._p)
        rule = document.add_paragraph()
        ppr = rule._p.get_or_add_pPr()
        ppr.append(
            parse_xml(
                f'<w:pBdr xmlns:w="{W}"><w:bottom w:val="single" w:sz="18" w:space="1" '
                'w:color="D00000"/></w:pBdr>'
            )
        )
        first.addprevious(rule._p)

    def tail(document) -> None:
        for text in (
            agency,
            "2025年1月20日",
            "（此件公开发布）",
            f"抄送：{agency}各部门。",
            f"{agency}办公室　　　　　　2025年1月20日印发",
        ):
            document.add_paragraph(text)

    def furniture(document, watermark: bool) -> None:
        section = document.sections[0]
        section.different_first_page_header_footer = False
        document.settings.odd_and_even_pages_header_footer = True
        head = section.header.paragraphs[0]
        head.text = agency
        head.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if watermark:
            head._p.append(parse_xml(WATERMARK_VML.format(text="仅供参考")))
            even = section.even_page_header.paragraphs[0]
            even.text = agency
            even._p.append(parse_xml(WATERMARK_VML.format(text="仅供参考")))
        for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
            footer._element.append(parse_xml(PAGE_FIELD.format(align=align, left="— ", right=" —")))

    forms = {}
    d = base()
    header_rows(d)
    forms["header-rows"] = save(d)
    d = base()
    redhead(d)
    tail(d)
    forms["redhead-tail"] = save(d)
    d = base()
    furniture(d, watermark=False)
    forms["header-footer"] = save(d)
    d = base()
    furniture(d, watermark=True)
    forms["watermark"] = save(d)
    d = base()
    header_rows(d)
    redhead(d)
    tail(d)
    furniture(d, watermark=True)
    forms["mixed"] = save(d)
    return forms


def split_tables(data: bytes) -> dict[str, bytes]:
    """Tables 二 and 三 of the filled template cut in two before each row, an empty
    paragraph between, as Word users split a table that runs over a page (table 三's
    second part with its three header rows copied, or without)."""
    import copy
    import io

    import docx
    from docx.oxml.ns import qn

    forms = {}
    for table_no, rows in ((0, range(2, 13)), (1, range(4, 27))):
        for at in rows:
            for header in (False, True) if table_no == 1 else (False,):
                document = docx.Document(io.BytesIO(data))
                tbl = document.tables[table_no]._tbl
                trs = tbl.findall(qn("w:tr"))
                second = copy.deepcopy(tbl)
                for tr in second.findall(qn("w:tr")):
                    second.remove(tr)
                if header:
                    for tr in trs[:3]:
                        second.append(copy.deepcopy(tr))
                for tr in trs[at:]:
                    tbl.remove(tr)
                    second.append(tr)
                gap = document.add_paragraph()._p
                tbl.addnext(gap)
                gap.addnext(second)
                out = io.BytesIO()
                document.save(out)
                name = f"split{'二三'[table_no]}-{at}{'-header' if header else ''}"
                forms[name] = out.getvalue()
    return forms


def template(run: Run, out: Path, work: Path) -> None:
    from tests import docx_fixtures

    filled = out / "template_filled.docx"
    filled.write_bytes(docx_fixtures.huaian_2024_docx())
    base = run.original(filled)
    sources = {"plain": filled}
    for name, data in word_forms(filled.read_bytes(), "淮安市人民政府").items():
        path = out / f"template_{name}.docx"
        path.write_bytes(data)
        sources[name] = path
        run.compare(f"template {name} docx", f"word {name} docx", path, base)
    for name, data in split_tables(filled.read_bytes()).items():
        path = out / f"template_{name}.docx"
        path.write_bytes(data)
        group = "word split-table" + (" header" if "header" in name else "")
        run.compare(f"template {name} docx", f"{group} docx", path, base)
    for name, src in sources.items():
        d1 = out / f"rt1-{name}"
        d1.mkdir(exist_ok=True)
        docx = soffice(src, "docx:MS Word 2007 XML", d1, work)
        run.compare(f"template {name} docx->docx", f"lo {name} docx->docx", docx, base)
        d2 = out / f"rt2-{name}"
        d2.mkdir(exist_ok=True)
        odt = soffice(src, "odt", d2, work)
        back = soffice(odt, "docx:MS Word 2007 XML", d2, work)
        run.compare(f"template {name} docx->odt->docx", f"lo {name} odt->docx", back, base)
        pdf = soffice(src, "pdf:writer_pdf_Export", d1, work)
        run.compare(f"template {name} docx->pdf", f"lo {name} docx->pdf", pdf, base)
        sheet = two_up(pdf, d1 / f"template_{name}.2up.pdf")
        run.compare(f"template {name} docx->pdf 2-up", f"lo {name} docx->pdf 2-up", sheet, base)
        pdf2 = soffice(back, "pdf:writer_pdf_Export", d2, work)
        run.compare(f"template {name} odt->docx->pdf", f"lo {name} odt->docx->pdf", pdf2, base)


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    keep = argv[argv.index("--keep") + 1] if "--keep" in argv else None
    only = argv[argv.index("--only") + 1] if "--only" in argv else None
    what = {a for a in argv if a in ("chromium", "lo", "docx")} or {"chromium", "lo", "docx"}
    run = Run(verbose)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        out = Path(keep) if keep else work / "out"
        out.mkdir(parents=True, exist_ok=True)
        if "chromium" in what:
            chromium(run, out, only, split="--no-split" not in argv)
        if "lo" in what:
            libreoffice(run, out, work, only)
        if "docx" in what:
            template(run, out, work)
    run.report()


if __name__ == "__main__":
    main(sys.argv[1:])
