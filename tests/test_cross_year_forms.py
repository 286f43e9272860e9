"""One report in two forms in one batch (a web page and its PDF, a PDF and a text
extraction of it): counted as one report when the CY rules pair reports by agency and
year; files that are different reports, or forms whose figures differ, stay apart."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from linter.engine import Engine
from linter.forms import Form, compare, containment, place_zh
from linter.plugins import load_plugins
from tests.conftest import FIXTURES, replace_line
from tests.test_cli import run
from tests.test_cross_year_hongze import hongze_docx

HTML, PDF, TEXT = FIXTURES / "html", FIXTURES / "pdf", FIXTURES / "text"
PINGTAN_2022_PAGE = HTML / "2022_zone-pingtan_gov.html"
PINGTAN_2022_PDF = PDF / "2022_zone-pingtan_gov.lo.pdf"
PINGTAN_2023_PAGE = HTML / "2023_zone-pingtan_gov.html"
PINGTAN_2023_PDF = PDF / "2023_zone-pingtan_gov.lo.pdf"
# 2023's LibreOffice text export: its tables read, cell by cell, one per line.
PINGTAN_2023_TEXT = TEXT / "2023_zone-pingtan_gov.lo.txt"
LICENSING_LINE = 74  # 第二十条第（五）项 行政许可 处理决定数量 2629
HONGZE_2023 = PDF / "2023_district-hongze_gov.pdf"
HONGZE_2024 = PDF / "2024_district-hongze_gov.pdf"
# pdftotext -raw of the 2024 PDF: its tables come out flattened (not read, XT002).
HONGZE_2024_RAW = TEXT / "2024_district-hongze_gov.pdftotext-raw.txt"

# 平潭 2023: 698 in force in 2022 + 77 issued − 132 repealed = 643, but 470 printed.
ROLL_FORWARD = ("CY002", "normative_documents")


def check(
    tmp_path: Path, files: list[Path] | dict[str, str | Path], *args: str, folder: str = "reports"
) -> list[dict]:
    """The CY findings of a batch of copies of ``files`` (a name -> text or file map
    for edited copies)."""
    where = tmp_path / folder
    where.mkdir(exist_ok=True)
    named = files if isinstance(files, dict) else {f.name: f for f in files}
    for name, content in named.items():
        if isinstance(content, Path):
            shutil.copyfile(content, where / name)
        else:
            (where / name).write_text(content, encoding="utf-8")
    result = run(
        ["check", folder, "--select", "CY", "--isolated", "--output-format", "json"]
        + ["-o", "out.json", *args],
        tmp_path,
    )
    assert result.exit_code in (0, 1), result.output
    return json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["findings"]


def kinds(items: list[dict]) -> list[tuple[str, str, str]]:
    return [(Path(i["path"]).name, i["code"], i["sub_id"]) for i in items]


def test_last_years_page_and_pdf_are_one_report(tmp_path: Path) -> None:
    items = check(tmp_path, [PINGTAN_2022_PAGE, PINGTAN_2022_PDF, PINGTAN_2023_PAGE])
    assert kinds(items) == [("2023_zone-pingtan_gov.html", *ROLL_FORWARD)]
    (finding,) = items
    # Compared once, with one of last year's forms (both read every table: the first by path).
    assert "（reports/2022_zone-pingtan_gov.html）" in finding["message"]
    assert "698 + 77 − 132 = 643" in finding["message"]


def test_each_form_of_this_years_report_is_compared(tmp_path: Path) -> None:
    items = check(tmp_path, [PINGTAN_2022_PAGE, PINGTAN_2023_PAGE, PINGTAN_2023_PDF])
    assert kinds(items) == [
        ("2023_zone-pingtan_gov.html", *ROLL_FORWARD),
        ("2023_zone-pingtan_gov.lo.pdf", *ROLL_FORWARD),
    ]


def test_a_pdf_and_its_flattened_text_extraction_are_one_report(tmp_path: Path) -> None:
    """洪泽区 2024 as its PDF and as pdftotext -raw (no table read): the extraction agrees
    on what it has, so 2024 is compared with 2023 — CY003 finds the copied measures."""
    items = check(tmp_path, [HONGZE_2023, HONGZE_2024, HONGZE_2024_RAW])
    assert ("2024_district-hongze_gov.pdf", "CY003", "section5") in kinds(items)
    assert not [i for i in items if i["sub_id"] == "ambiguous-pairing"]
    # 2023 is one file: the previous report named is it.
    assert all("reports/2023_district-hongze_gov.pdf" in i["message"] for i in items)


def test_different_reports_under_one_name_stay_apart(tmp_path: Path) -> None:
    """Two different reports of 2023 under one name: 洪泽区's (its tables read) and
    平潭's text with 洪泽区's name (tables flattened, so no figure can tell them apart):
    their texts differ, so they are not one report. CY003, which keeps both texts,
    compares 2024 with neither (paired with 洪泽区's 2023, it finds the copied
    measures); CY001 keeps facts of the report whose tables it read only."""
    pingtan = (TEXT / "2023_zone-pingtan_gov.pdftotext-raw.txt").read_text(encoding="utf-8")
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "2023_a.txt").write_text(
        pingtan.replace("平潭综合实验区", "淮安市洪泽区人民政府"), encoding="utf-8"
    )
    for year in (2023, 2024):
        (folder / f"{year}_hongze.docx").write_bytes(hongze_docx(year))
    assert kinds(check(tmp_path, {})) == []
    (folder / "2023_a.txt").unlink()
    assert kinds(check(tmp_path, {})) == [("2024_hongze.docx", "CY003", "section5")]


def test_forms_whose_figures_differ_are_not_merged(tmp_path: Path) -> None:
    """This year's page and a text export with one figure changed: the same text, not
    the same report. Neither is compared, and the note says where the files differ."""
    edited = replace_line(PINGTAN_2023_TEXT.read_text(encoding="utf-8"), LICENSING_LINE, "2630")
    items = check(
        tmp_path,
        {
            PINGTAN_2022_PAGE.name: PINGTAN_2022_PAGE,
            PINGTAN_2023_PAGE.name: PINGTAN_2023_PAGE,
            "2023_zone-pingtan_gov.lo.txt": edited,
        },
        "--lang",
        "en",
    )
    assert [(Path(i["path"]).name, i["sub_id"]) for i in items] == [
        ("2023_zone-pingtan_gov.html", "ambiguous-pairing"),
        ("2023_zone-pingtan_gov.lo.txt", "ambiguous-pairing"),
    ]
    message = items[0]["message"]
    assert (
        "their figures differ (section 2, article 20 item (5), administrative licensing / "
        "decisions: 2629 and 2630)" in message
    )
    assert "reports/2023_zone-pingtan_gov.lo.txt" in message
    assert place_zh("二/item5/licensing/decisions") == (
        "第二部分 第二十条第（五）项 行政许可 / 本年处理决定数量"
    )


def test_an_ambiguous_pairing_is_said_when_only_cy003_runs(tmp_path: Path) -> None:
    """The batch above with ``--select CY003``: CY001, which says it for reports whose
    section-三 table was read, does not run, so CY003 says it (it was silent)."""
    edited = replace_line(PINGTAN_2023_TEXT.read_text(encoding="utf-8"), LICENSING_LINE, "2630")
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copyfile(PINGTAN_2022_PAGE, folder / PINGTAN_2022_PAGE.name)
    shutil.copyfile(PINGTAN_2023_PAGE, folder / PINGTAN_2023_PAGE.name)
    (folder / "2023_zone-pingtan_gov.lo.txt").write_text(edited, encoding="utf-8")
    run(
        ["check", "reports", "--select", "CY003", "--isolated", "--output-format", "json"]
        + ["-o", "out.json"],
        tmp_path,
    )
    items = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["findings"]
    assert kinds(items) == [
        ("2023_zone-pingtan_gov.html", "CY003", "ambiguous-pairing"),
        ("2023_zone-pingtan_gov.lo.txt", "CY003", "ambiguous-pairing"),
    ]
    # With CY001 running too, CY001 says it, once.
    run(
        ["check", "reports", "--select", "CY001,CY003", "--isolated", "--output-format", "json"]
        + ["-o", "out.json"],
        tmp_path,
    )
    items = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["findings"]
    assert [code for _, code, _ in kinds(items)] == ["CY001", "CY001"]


def test_forms_of_a_report_kept_in_the_audit_store_are_one_report(tmp_path: Path) -> None:
    """2022 (page and PDF) in one run with --store, 2023 in the next: paired with the
    stored 2022 report."""
    check(tmp_path, [PINGTAN_2022_PAGE, PINGTAN_2022_PDF], "--store", "audit.sqlite")
    db = sqlite3.connect(tmp_path / "audit.sqlite")
    assert db.execute("SELECT count(*) FROM forms").fetchone() == (2,)
    db.close()
    items = check(tmp_path, [PINGTAN_2023_PAGE], "--store", "audit.sqlite", folder="next")
    assert kinds(items) == [("2023_zone-pingtan_gov.html", *ROLL_FORWARD)]


def test_an_audit_store_of_the_previous_version_is_upgraded(tmp_path: Path) -> None:
    """A store written before form digests (schema 1): opened and upgraded, its reports
    have no digest, so its two forms of 2022 stay ambiguous as they were."""
    check(tmp_path, [PINGTAN_2022_PAGE, PINGTAN_2022_PDF], "--store", "audit.sqlite")
    db = sqlite3.connect(tmp_path / "audit.sqlite")
    db.execute("DROP TABLE forms")
    db.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
    db.commit()
    db.close()
    items = check(tmp_path, [PINGTAN_2023_PAGE], "--store", "audit.sqlite", folder="next")
    assert kinds(items) == [("2023_zone-pingtan_gov.html", "CY001", "ambiguous-pairing")]
    db = sqlite3.connect(tmp_path / "audit.sqlite")
    assert db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == ("2",)
    # This run's report has its digest now.
    assert db.execute("SELECT path FROM forms").fetchall() == [("next/2023_zone-pingtan_gov.html",)]
    db.execute("UPDATE meta SET value = '3' WHERE key = 'schema'")
    db.commit()
    db.close()
    result = run(
        ["check", "next", "--store", "audit.sqlite", "--isolated", "--select", "CY"], tmp_path
    )
    assert result.exit_code == 2
    assert "store schema version 3, this version of gongkai-lint reads 1, 2" in result.output


def test_form_digests_of_real_forms(tmp_path: Path) -> None:
    engine = Engine(plugins=load_plugins(), root=tmp_path)

    def form(path: Path) -> Form:
        found = Form.decode(next(iter(engine.lint_path(path).facts.values())).form)
        assert found is not None
        return found

    pdf, extraction, last_year = form(HONGZE_2024), form(HONGZE_2024_RAW), form(HONGZE_2023)
    assert (pdf.count, extraction.count) == (186, 0)  # the extraction's tables are flattened
    assert containment(pdf.sketch, extraction.sketch) > 0.9
    assert compare(pdf, extraction).verdict == "same"
    # Last year's report of the same agency: partly the same text, not the same report.
    assert containment(pdf.sketch, last_year.sketch) < 0.6
    assert compare(pdf, last_year).verdict == "other"


def test_a_sketch_is_the_smallest_hashes_of_the_sampled_shingles() -> None:
    # The sketch as defined (every shingle starting on a character whose code point is a
    # multiple of 4, CRC-32 of its UTF-8, the 128 smallest), and the figures' places in
    # name order with their values, for a long text (only hashes below a cut are sorted),
    # a short one (all are) and one too short for a shingle.
    import zlib
    from array import array

    from linter.forms import SHINGLE, SKETCH_SIZE, _places, _shingles

    def defined(text: str) -> tuple[int, bytes]:
        cjk = "".join(c for c in text if "\u3400" <= c <= "\u9fff")
        count = len(cjk) - SHINGLE + 1
        hashes = {
            zlib.crc32(cjk[i : i + SHINGLE].encode("utf-8"))
            for i in range(max(count, 0))
            if ord(cjk[i]) % 4 == 0
        }
        return max(count, 0), array("I", sorted(hashes)[:SKETCH_SIZE]).tobytes()

    page = (TEXT / "2023_zone-pingtan_gov.lo.txt").read_text(encoding="utf-8")
    for text in (page, page[:400], "政府信息公开", ""):
        assert _shingles(text) == defined(text)
    assert len(_shingles(page)[1]) == 4 * SKETCH_SIZE
    names = ["三/b/x", "二/一/a/y", "三/a/z", "四/c/w"]
    order, places = _places(names)
    assert [names[i] for i in order] == sorted(names)
    assert zlib.decompress(places).decode("utf-8").split("\n") == sorted(names)
    assert _places(list(names)) == (order, places)


def test_forms_of_one_report_name_one_agency(tmp_path: Path) -> None:
    """The same file under two agencies found by one short name (淮安市洪泽区 and
    宿迁市洪泽区 for 洪泽区): not one report, whatever its content."""
    from dataclasses import replace

    from rules.cross_year.facts import pairs

    engine = Engine(plugins=load_plugins(), root=tmp_path)
    last = engine.lint_path(HONGZE_2023).facts["CY003"]
    this = engine.lint_path(HONGZE_2024).facts["CY003"]
    forms = [replace(last, path="a.pdf"), replace(last, path="b.pdf")]
    now = replace(this, agency="洪泽区人民政府")
    assert [(t.path, p.path) for t, p in pairs([*forms, now])] == [(now.path, "a.pdf")]
    forms = [
        replace(forms[0], agency="淮安市洪泽区人民政府"),
        replace(forms[1], agency="宿迁市洪泽区人民政府"),
    ]
    ambiguous: list = []
    assert list(pairs([*forms, now], ambiguous)) == []
    assert [o.path for o in ambiguous[0][1]] == ["a.pdf", "b.pdf"]


def test_an_ambiguity_note_does_not_list_this_reports_other_form(tmp_path: Path) -> None:
    """This year's report in two forms, last year's name on two different reports: each
    form is ambiguous, and its note lists last year's two reports, not its other form."""
    from dataclasses import replace

    from rules.cross_year.facts import pairs

    engine = Engine(plugins=load_plugins(), root=tmp_path)

    def facts(path: Path, name: str):
        return replace(engine.lint_path(path).facts["CY003"], path=name, agency="洪泽区人民政府")

    reports = [
        facts(HONGZE_2023, "2023_a.pdf"),
        replace(facts(PINGTAN_2023_PAGE, "2023_b.html"), year=2023),
        facts(HONGZE_2024, "2024.pdf"),
        facts(HONGZE_2024_RAW, "2024.txt"),
    ]
    ambiguous: list = []
    assert list(pairs(reports, ambiguous)) == []
    assert [(t.path, [o.path for o in others], others.total) for t, others in ambiguous] == [
        ("2024.pdf", ["2023_a.pdf", "2023_b.html"], 2),
        ("2024.txt", ["2023_a.pdf", "2023_b.html"], 2),
    ]
    assert all(others.differ is None for _, others in ambiguous)


def test_a_page_printed_from_a_browser_names_its_agency_without_the_print_stamp(
    tmp_path: Path,
) -> None:
    """pdftotext -layout of the 2023 page printed to PDF by a browser: the date and time
    the browser prints at the top of each page share the title's line ("12/5/26, 7:42 PM")
    and were read as the start of the agency's name, so the report paired with nothing."""
    layout = TEXT / "2023_zone-pingtan_gov.pdftotext-layout.txt"
    engine = Engine(plugins=load_plugins(), root=tmp_path)
    assert engine.parse(layout).agency.value == "平潭综合实验区"
    items = check(tmp_path, [PINGTAN_2022_PAGE, layout])
    assert kinds(items) == [(layout.name, *ROLL_FORWARD)]
