"""The HTML audit report in a real browser: headless Chromium driven by Playwright.

Chromium is Debian's ``chromium`` package (``.ci/run`` installs it with apt, and
Playwright's Python package, so these never skip in CI); Playwright's own browser
download is not used. A screenshot of each page opened is saved under
``tmp/artifacts/`` (or ``$GONGKAI_LINT_ARTIFACTS``) as a test artifact.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import replace
from pathlib import Path

import pytest

from tests.audit_batch import HOSTILE_FILE, SCRIPT, large_batch
from tests.test_cli import run

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(os.environ.get("GONGKAI_LINT_ARTIFACTS") or ROOT / "tmp" / "artifacts")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None

pytestmark = [
    pytest.mark.skipif(
        sync_playwright is None,
        reason="Playwright's Python package is not installed (pip install playwright; .ci/run does)",
    ),
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="Chromium is not installed (apt-get install chromium; .ci/run does)",
    ),
]


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Page:
    """A browser tab that records console errors, uncaught exceptions and dialogs."""

    def __init__(self, browser) -> None:
        self.page = browser.new_page(viewport={"width": 1300, "height": 900})
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("request", lambda r: self.requests.append(r.url))

    def open(self, path: Path) -> None:
        self.page.goto(path.resolve().as_uri())

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / name), full_page=False)

    def visible_rows(self) -> int:
        return self.page.locator("#reports tbody tr:not([hidden])").count()


@pytest.fixture(scope="module")
def batch_audit(tmp_path_factory) -> Path:
    """The audit of a 200-report batch built from the real fixtures."""
    root = tmp_path_factory.mktemp("batch200")
    large_batch(root / "batch", 200)
    args = ["check", "batch", "--manifest", "batch/manifest.csv", "-j", "2"]
    result = run([*args, "--output-format", "html", "-o", "audit"], root)
    assert result.exit_code == 1, result.output
    return root / "audit"


def test_overview_of_200_reports_filters_and_opens_a_report(browser, batch_audit: Path) -> None:
    tab = Page(browser)
    tab.open(batch_audit / "index.html")
    tab.page.wait_for_selector("#reports tbody tr")
    data = tab.page.evaluate("JSON.parse(document.getElementById('reports-data').textContent)")
    assert len(data) == 200 and tab.visible_rows() == 200
    assert tab.page.locator("#shown").inner_text() == "200 / 200"
    tab.shot("overview.png")

    # Filter by a family: only the reports with AP findings stay.
    tab.page.select_option("#family", "AP")
    with_ap = [r for r in data if r["f"].get("AP")]
    assert 0 < len(with_ap) < 200
    assert tab.visible_rows() == len(with_ap)
    # …and by a year.
    tab.page.select_option("#year", "2019")
    both = [r for r in with_ap if r["year"] == 2019]
    assert 0 < len(both) < len(with_ap)
    assert tab.visible_rows() == len(both)
    assert tab.page.locator("#shown").inner_text() == f"{len(both)} / 200"
    tab.page.locator("#table").scroll_into_view_if_needed()
    tab.shot("overview-filtered.png")

    # Sorting by the total puts the report with the most findings first.
    tab.page.select_option("#family", "")
    tab.page.select_option("#year", "")
    tab.page.click("th[data-key='total']")
    first = tab.page.locator("#reports tbody tr").first.locator("td").nth(-2).inner_text()
    assert int(first) == max(r["total"] for r in data)

    # Search, then open the 2019 report with the known AP101.
    tab.page.fill("#search", "batch/2019.txt")
    assert tab.visible_rows() == 1
    tab.page.locator("#reports tbody tr:not([hidden]) a").click()
    tab.page.wait_for_load_state()
    assert tab.page.url.endswith(".html") and "/reports/" in tab.page.url
    cell = tab.page.locator(
        "table[data-table='applications'] td.mark-error:not(.related)[data-codes~='AP101']"
    )
    assert cell.count() == 1 and cell.is_visible()
    assert cell.inner_text().startswith("0")
    assert "AP101" in cell.get_attribute("title")
    # The cell is drawn highlighted (its background is not the page's white).
    colour = cell.evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)")
    cell.scroll_into_view_if_needed()
    tab.shot("report-ap101.png")

    # The rule page linked from the finding opens, offline.
    tab.page.locator("li.finding[data-code='AP101'] a").first.click()
    tab.page.wait_for_load_state()
    assert tab.page.locator("h1").inner_text().startswith("AP101")
    tab.shot("rule-ap101.png")
    assert tab.errors == [] and tab.dialogs == []
    # Nothing was fetched from the network: every request is a file of the folder.
    assert all(url.startswith("file://") for url in tab.requests)


def test_report_text_renders_inert_in_the_browser(browser, batch_audit: Path) -> None:
    tab = Page(browser)
    tab.open(batch_audit / "index.html")
    tab.page.fill("#search", "hostile")
    assert tab.visible_rows() == 1
    # The agency's markup is shown as text in the table, not run.
    assert SCRIPT in tab.page.locator("#reports tbody tr:not([hidden])").inner_text()
    tab.page.fill("#search", "onerror")
    assert tab.visible_rows() == 2  # the hostile agency and the hostile file name
    tab.shot("overview-hostile.png")
    for link in tab.page.locator("#reports tbody tr:not([hidden]) a").all():
        other = Page(tab.page.context.browser)
        other.page.goto(tab.page.url.rsplit("/", 1)[0] + "/" + link.get_attribute("href"))
        other.page.wait_for_load_state()
        assert other.page.evaluate("typeof window.__pwned") == "undefined"
        assert other.page.locator("img, script").count() == 0
        assert SCRIPT in other.page.locator("body").inner_text()
        # Click every link the page has whose text came from the report: none runs code.
        for a in other.page.locator("dd a").all():
            href = a.get_attribute("href")
            assert not href.lower().startswith("javascript")
        other.shot(
            "report-hostile-file.png"
            if HOSTILE_FILE.split(".")[0] in other.page.locator("dd").first.inner_text()
            else "report-hostile.png"
        )
        assert other.errors == [] and other.dialogs == []
    assert tab.page.evaluate("typeof window.__pwned") == "undefined"
    assert tab.errors == [] and tab.dialogs == []


def test_overview_of_3000_reports_opens_and_filters(browser, tmp_path: Path, plugins) -> None:
    """The overview alone (per-report pages are separate files and not opened here).

    How fast it opens is measured by ``bench/bench_audit.py``, not asserted here: a timed
    test fails on a loaded machine without anything being wrong."""
    from linter.engine import Engine
    from linter.reporters import ReportOptions
    from linter.reporters.html_audit import HtmlAuditReporter
    from tests.audit_batch import known_batch

    known_batch(tmp_path / "reports")
    engine = Engine(plugins=plugins, root=tmp_path)
    results = [engine.lint_path(p) for p in sorted((tmp_path / "reports").glob("20*.txt"))]
    options = ReportOptions(root=tmp_path, rules=engine.rules, output_path=tmp_path / "audit")

    class OverviewOnly(HtmlAuditReporter):
        # The report pages are not under test here (test_html_audit.py covers them).
        def _write_page(self, row, page) -> None:
            pass

        def _keep(self, row, page) -> None:
            pass

    import io

    reporter = OverviewOnly(io.StringIO(), options)
    for i in range(3000):
        result = results[i % len(results)]
        year = 2019 + i % 5
        report = replace(result.report, year=replace(result.report.year, value=year))
        findings = [replace(f, path=f"r/{i:05d}.txt") for f in result.findings[: 1 + i % 40]]
        reporter.file(replace(result, path=f"r/{i:05d}.txt", report=report, findings=findings))
    reporter.finish()

    tab = Page(browser)
    started = time.perf_counter()
    tab.open(tmp_path / "audit" / "index.html")
    tab.page.wait_for_selector("#reports tbody tr")
    opened = time.perf_counter() - started
    started = time.perf_counter()
    tab.page.select_option("#year", "2021")
    tab.page.fill("#search", "r/0")
    tab.page.click("th[data-key='total']")
    count = tab.page.locator("#shown").inner_text()
    interacted = time.perf_counter() - started
    tab.shot("overview-3000.png")
    # 600 match; the first 500 are in the table, the rest one click away.
    assert count == "600 / 3000" and tab.visible_rows() == 500
    tab.page.click("#more")
    assert tab.visible_rows() == 600 and tab.page.locator("#more").is_hidden()
    print(f"3000-report overview: opened {opened:.2f} s, interacted {interacted:.2f} s")
    assert tab.errors == []
