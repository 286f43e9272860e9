"""The HTML audit report (``--output-format html -o FOLDER``), read back with lxml.

The browser tests (tests/test_html_audit_browser.py) open the same folder in Chromium;
these check what the files hold: counts, the marked cells, escaping, the folder's life.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
from lxml import html

from linter.reporters.html_audit import csp, safe_href
from tests.audit_batch import HOSTILE_AGENCY, HOSTILE_FILE, JS_URL, known_batch
from tests.conftest import FIXTURES, PINGTAN
from tests.test_cli import run


@pytest.fixture(scope="module")
def audit(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("audit")
    known_batch(root / "reports")
    result = run(
        [
            "check",
            "reports",
            "--manifest",
            "reports/manifest.csv",
            "--output-format",
            "html",
            "-o",
            "audit",
        ],
        root,
    )
    assert result.exit_code == 1, result.output
    return root / "audit"


def page(path: Path):
    return html.fromstring(path.read_text(encoding="utf-8"))


def overview_data(folder: Path) -> list[dict]:
    doc = page(folder / "index.html")
    return json.loads(doc.get_element_by_id("reports-data").text)


def report_page(folder: Path, name: str):
    """The page of the report whose file is ``name``."""
    (row,) = [r for r in overview_data(folder) if r["path"] == f"reports/{name}"]
    return page(folder / row["page"])


def test_the_folder_holds_an_overview_a_page_per_report_and_the_rule_pages(audit: Path) -> None:
    assert (audit / ".gongkai-lint-audit").is_file()
    data = overview_data(audit)
    assert [r["path"] for r in data] == [
        "reports/2019.txt",
        "reports/2020.txt",
        f"reports/{HOSTILE_FILE}",
        "reports/hostile.txt",
    ]
    assert sorted(p.name for p in (audit / "reports").iterdir()) == [
        "00001.html",
        "00002.html",
        "00003.html",
        "00004.html",
    ]
    assert (audit / "rules" / "AP101.html").is_file() and (audit / "rules" / "index.html").is_file()
    doc = page(audit / "index.html")
    assert doc.get_element_by_id("count-found").text == "4"
    assert doc.get_element_by_id("count-checked").text == "4"
    # The 2019 report: an error in 三 (AP101) and the manifest's kind and date.
    first = data[0]
    assert (first["agency"], first["year"], first["kind"], first["published"]) == (
        "某市工业和信息化局",
        2019,
        "部门",
        "2020-01-20",
    )
    assert first["worst"] == "error" and first["f"]["AP"] >= 1
    # Charts are inline SVG: reports affected per rule links each bar to the rule's page.
    assert "rules/AP101.html" in doc.xpath("//svg//a/@href")
    titles = [t.text for t in doc.xpath("//svg/title")]
    assert "公开日期与截止日期" in titles  # three reports have a date and a kind
    assert "与上年相同的文字比例" in titles  # 2020 repeats 2019 (CY003)
    # Weeks from the deadline: 2019 (a department) 11 days early, 2020 26 days late,
    # the government's report 30 days early.
    timeline = doc.xpath("//svg[title='公开日期与截止日期']/rect/title/text()")
    assert [t for t in timeline if not t.endswith(": 0")] == ["-4周: 1", "-1周: 1", "+4周: 1"]
    assert not doc.xpath("//*[@src]")  # nothing is fetched: no image, script or font file


def test_report_page_marks_the_cell_ap101_points_at(audit: Path) -> None:
    doc = report_page(audit, "2019.txt")
    (cell,) = doc.xpath(
        "//table[@data-table='applications']//td[contains(@class, 'mark-error')"
        " and not(contains(@class, 'related')) and contains(@data-codes, 'AP101')]"
    )
    assert cell.text == "0"  # （七）总计 as printed, where 0 + 0 − 3 was due
    assert cell.getparent()[0].text_content().startswith("（七）总计")
    assert "AP101" in cell.get("title") and "应为 -3" in cell.get("title")
    # The cells of the identity are marked as related (dashed), 四、结转 total among them.
    related = doc.xpath("//td[contains(@class, 'related') and contains(@data-codes, 'AP101')]")
    assert "3" in [td.text for td in related]
    # A related cell names the finding; the message is on the cell it points at and below.
    assert all(re.fullmatch(r"\[\d+\] AP101", td.get("title")) for td in related)
    # The list below the table names the finding, linked to the list by section.
    below = doc.xpath("//ol[contains(@class, 'table-findings')]/li[contains(., 'AP101')]")
    number = below[0].xpath("a/@href")[0]
    assert doc.xpath(f"//li[@id='{number[1:]}']/a/@href") == ["../rules/AP101.html"]


def test_copied_text_is_shown_beside_last_years(audit: Path) -> None:
    doc = report_page(audit, "2020.txt")
    (side,) = doc.xpath("//div[@class='side']")
    this, previous = side.xpath("div")
    assert previous.xpath(".//a/@href") == ["00001.html"]
    assert [p.text for p in this.xpath("p")] == [p.text for p in previous.xpath("p")]
    assert this.xpath("p")


def test_report_text_renders_inert(audit: Path) -> None:
    for name in ("hostile.txt", HOSTILE_FILE):
        doc = report_page(audit, name)
        # No script at all may run on a report page, and none was smuggled in.
        assert "script-src 'none'" in doc.xpath("//meta[@http-equiv]/@content")[0]
        assert not doc.xpath("//script") and not doc.xpath("//img")
        assert not [a for a in doc.xpath("//@*") if a.attrname.startswith("on")]
        assert not [h for h in doc.xpath("//@href") if not h.startswith(("#", "../", "0"))]
        assert "<script>window.__pwned = 1</script>" in doc.text_content()
    doc = report_page(audit, "hostile.txt")
    assert doc.xpath("//h1")[0].text_content().startswith(HOSTILE_AGENCY)
    # The manifest's javascript: address is shown as text, never as a link.
    assert JS_URL in doc.text_content() and JS_URL not in doc.xpath("//@href")
    overview = page(audit / "index.html")
    scripts = overview.xpath("//script")
    assert [s.get("type") for s in scripts] == [
        "application/json",
        "application/json",
        "application/json",
        None,
    ]
    assert not overview.xpath("//img") and "__pwned" not in scripts[-1].text
    raw = (audit / "index.html").read_text(encoding="utf-8")
    # In the JSON the markup is escaped too (no "</script>" can close the data block).
    assert "<script>window" not in raw and "\\u003cscript\\u003e" in raw


def test_the_one_inline_script_is_the_only_one_allowed(audit: Path) -> None:
    doc = page(audit / "index.html")
    script = doc.xpath("//script[not(@type)]")[0].text
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    policy = doc.xpath("//meta[@http-equiv]/@content")[0]
    assert f"script-src 'sha256-{digest}'" in policy and "default-src 'none'" in policy
    assert policy == csp(script)


def test_safe_href_keeps_only_web_addresses() -> None:
    assert safe_href("https://www.gov.cn/a.htm") == "https://www.gov.cn/a.htm"
    for bad in (JS_URL, " JavaScript:alert(1)", "data:text/html,x", "vbscript:x", "", None):
        assert safe_href(bad) is None


def test_english(tmp_path: Path) -> None:
    known_batch(tmp_path / "reports")
    result = run(
        ["check", "reports/2019.txt", "--lang", "en", "--output-format", "html", "-o", "out"],
        tmp_path,
    )
    assert result.exit_code == 1
    doc = page(tmp_path / "out" / "index.html")
    assert doc.xpath("//h2")[0].text == "Files" and doc.get("lang") == "en"
    assert "balance" in (tmp_path / "out" / "rules" / "AP101.html").read_text(encoding="utf-8")


def test_output_folder(tmp_path: Path) -> None:
    known_batch(tmp_path / "reports")
    args = ["check", "reports/2019.txt", "--output-format", "html"]
    result = run(args, tmp_path)
    assert result.exit_code == 2 and "-o FOLDER" in result.output
    (tmp_path / "a file").write_text("keep", encoding="utf-8")
    result = run([*args, "-o", "a file"], tmp_path)
    assert result.exit_code == 2 and "is a file" in result.output
    # A folder with other things in it is never replaced.
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep", encoding="utf-8")
    result = run([*args, "-o", "mine"], tmp_path)
    assert result.exit_code == 2 and "not an earlier audit report" in result.output
    assert [p.name for p in (tmp_path / "mine").iterdir()] == ["notes.txt"]
    # An earlier audit is replaced as a whole, and nothing is left beside it.
    assert run([*args, "-o", "audit"], tmp_path).exit_code == 1
    (tmp_path / "audit" / "stale.html").write_text("old", encoding="utf-8")
    assert run([*args, "-o", "audit"], tmp_path).exit_code == 1
    assert not (tmp_path / "audit" / "stale.html").exists()
    assert (tmp_path / "audit" / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a file", "audit", "mine", "reports"]
    # Another format refuses a folder as its output file.
    result = run(["check", "reports/2019.txt", "-o", "audit"], tmp_path)
    assert result.exit_code == 2 and "is a folder; name a file" in result.output


def test_unreadable_files_are_counted_by_cause(tmp_path: Path) -> None:
    known_batch(tmp_path / "reports")
    (tmp_path / "reports" / "empty.txt").write_bytes(b"")
    (tmp_path / "reports" / "notice.txt").write_text(
        "关于做好防汛工作的通知\n请各单位做好值班。\n", "utf-8"
    )
    shutil.copy(FIXTURES / "pdf" / "image_only_scan.pdf", tmp_path / "reports" / "scan.pdf")
    result = run(["check", "reports", "--output-format", "html", "-o", "out"], tmp_path)
    assert result.exit_code == 1
    doc = page(tmp_path / "out" / "index.html")
    assert doc.get_element_by_id("count-found").text == "7"
    assert doc.get_element_by_id("count-checked").text == "4"
    assert doc.get_element_by_id("count-no-text").text == "1"  # a scan: XT005
    assert doc.get_element_by_id("count-unreadable").text == "1"
    assert doc.get_element_by_id("count-not-report").text == "1"
    causes = [
        [td.text_content() for td in tr.xpath("td")]
        for tr in doc.xpath(
            "//h3[starts-with(., '未能检查的文件')]/following-sibling::table[1]//tr[td]"
        )
    ]
    assert sorted(c[0] for c in causes) == ["XT001", "XT004", "XT005"]
    assert all(c[2] == "1" for c in causes)
    assert any(re.search("空", c[1]) for c in causes)


def test_a_report_before_the_formats_is_counted_as_not_checked(tmp_path: Path) -> None:
    """平潭's 2019 report titled as its 2017 one (XT006): not read and checked as a report,
    as JSON's ``checked`` says; the overview counted it among the checked files."""
    (tmp_path / "reports").mkdir()
    text = PINGTAN[0].read_text("utf-8")
    (tmp_path / "reports" / "2019.txt").write_text(text, "utf-8")
    (tmp_path / "reports" / "2017.txt").write_text(text.replace("2019年", "2017年"), "utf-8")
    run(["check", "reports", "--output-format", "html", "-o", "out"], tmp_path)
    doc = page(tmp_path / "out" / "index.html")
    assert doc.get_element_by_id("count-found").text == "2"
    assert doc.get_element_by_id("count-checked").text == "1"
    assert doc.get_element_by_id("count-XT006").text == "1"


def test_the_statement_a_tx_rule_flags_is_marked_in_its_paragraph(tmp_path: Path) -> None:
    # The real 平潭 2023 page: its narrative says 393 现行有效 行政规范性文件, its table 470.
    shutil.copy(FIXTURES / "html" / "2023_zone-pingtan_gov.html", tmp_path / "pingtan.html")
    # (WD003 also marks the 三是 of 五 on this page: left out, this test is about TX.)
    args = ["check", "pingtan.html", "--ignore", "WD", "--output-format", "html", "-o", "out"]
    result = run(args, tmp_path)
    assert result.exit_code == 1
    doc = page(tmp_path / "out" / "reports" / "00001.html")
    # The web page holds many paragraphs on one source line: only this one is marked (and
    # the heading of 五, which PI004 points at).
    marked = doc.xpath("//p[contains(@class, 'para') and contains(@class, 'mark-')]")
    assert [p.get("class") for p in marked] == ["para mark-warning", "para mark-note"]
    (mark,) = marked[0].xpath("mark")
    assert mark.text == "清理并集中发布现行有效行政规范性文件393件"
    assert mark.get("title") == "[1] TX004"
    assert marked[0].xpath("sup/a/@href") == ["#finding-1"]
    assert marked[1].text == "五、存在的主要问题及改进情况"
