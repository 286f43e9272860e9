"""Cross-year pairing by index, facts in SQLite, and the audit store (--store)."""

from __future__ import annotations

import json
import random
import sqlite3
from collections import defaultdict
from pathlib import Path

from linter.factstore import FactStore, PackedFacts
from linter.rule import ReportFacts
from rules.cross_year.facts import _same_agency, agency_key, pairs, short_forms
from tests.test_cli import run
from tests.test_cross_year_hongze import hongze_docx
from tests.test_rules_cross_year import batch, year_copy


def reference_pairs(reports, ambiguous):
    """The pairing as it was (a scan of both years per report): the specification."""
    by_year = defaultdict(list)
    for r in reports:
        key = agency_key(r.agency)
        if key and r.year:
            by_year[r.year].append((key, r))
    for year in sorted(by_year):
        for key, this in sorted(by_year[year], key=lambda kr: (kr[0], kr[1].path)):
            candidates = [r for k, r in by_year.get(year - 1, []) if _same_agency(key, k)]
            same_year = [r for k, r in by_year[year] if r is not this and _same_agency(key, k)]
            if len(candidates) == 1 and not same_year:
                yield this, candidates[0]
            elif candidates:
                ambiguous.append((this, candidates + same_year))


# Real agency names: full and short (全称/简称), namesakes in other regions, bare suffixes.
NAMES = [
    "淮安市洪泽区人民政府",
    "洪泽区人民政府",
    "江苏省淮安市洪泽区人民政府",
    "宿迁市洪泽区人民政府",
    "平潭综合实验区管理委员会",
    "福建省平潭综合实验区管理委员会",
    "上海市人民政府办公厅",
    "人民政府办公厅",
    "教育局",
    "某市教育局",
    "长沙市天心区教育局",
    "天心区教育局",
    "天心区 教育局",
    None,
]


def _batch(seed: int, n: int = 90) -> list[ReportFacts]:
    rng = random.Random(seed)
    return [
        ReportFacts(
            f"r{i:03d}.txt", rng.choice(NAMES), rng.choice([2021, 2022, 2023, None]), None, i
        )
        for i in range(n)
    ]


def _ids(pairs_, ambiguous):
    return (
        [(a.path, b.path) for a, b in pairs_],
        sorted(
            (
                t.path,
                tuple(sorted(o.path for o in others))[:20],
                getattr(others, "total", len(others)),
            )
            for t, others in ambiguous
        ),
    )


def test_pairing_by_index_gives_the_same_pairs_as_the_scan() -> None:
    for seed in range(40):
        batch = _batch(seed)
        want_amb: list = []
        want = _ids(list(reference_pairs(batch, want_amb)), want_amb)
        got_amb: list = []
        got = _ids(list(pairs(batch, got_amb)), got_amb)
        assert got == want, seed
        assert want[0] or want[1]  # the batches do pair (or fail to) somewhere
    # Hundreds of reports under two names: each note lists 20 and counts the rest.
    rng = random.Random(7)
    crowd = [
        ReportFacts(f"r{i:03d}.txt", rng.choice(NAMES[:2]), rng.choice([2022, 2023]), None, i)
        for i in range(300)
    ]
    want_amb = []
    list(reference_pairs(crowd, want_amb))
    got_amb = []
    assert list(pairs(crowd, got_amb)) == []
    assert _ids([], got_amb) == _ids([], want_amb)
    assert max(others.total for _, others in got_amb) > 200
    assert max(len(others) for _, others in got_amb) == 20


def test_short_forms_are_what_same_agency_accepts() -> None:
    assert short_forms(agency_key("江苏省淮安市洪泽区人民政府")) == [
        "淮安市洪泽区政府",
        "洪泽区政府",
    ]
    assert short_forms("某市教育局") == []  # 教育局 alone never names an agency
    keys = [agency_key(n) for n in NAMES if n]
    for a in keys:
        for b in keys:
            by_forms = a == b or b in short_forms(a) or a in short_forms(b)
            assert by_forms == _same_agency(a, b), (a, b)


def test_the_store_gives_the_rules_the_same_facts_and_pairs(monkeypatch) -> None:
    import linter.factstore

    batch = [
        ReportFacts("a/2022.txt", "淮安市洪泽区人民政府", 2022, "2021", {"n": (1, (3, 4))}),
        ReportFacts("a/2023.txt", "洪泽区人民政府", 2023, "2021", {"n": (2, None)}),
        ReportFacts("b/2023.txt", "平潭综合实验区管理委员会", 2023, "2021", {"n": 3}),
    ]
    noise = [ReportFacts(f"c/{i}.txt", f"某{i}局", 2023, None, i) for i in range(30)]

    def check(store: FactStore) -> None:
        stored = store["CY001"]
        assert len(stored) == 3
        assert list(stored) == batch
        assert [(a, b) for a, b in pairs(stored)] == [(batch[1], batch[0])]

    with FactStore() as store:  # a small batch: in memory, no file
        for facts in batch:
            store.add("CY001", PackedFacts.pack(facts))
        store.finish(len(batch))
        check(store)
        assert store.path is None
    monkeypatch.setattr(linter.factstore, "SPILL_ROWS", 10)
    monkeypatch.setattr(linter.factstore, "_BATCH", 4)
    with FactStore() as store:  # past SPILL_ROWS: moved to a temporary file
        for facts in batch:
            store.add("CY001", PackedFacts.pack(facts))
        for facts in noise:
            store.add("CY003", facts)
        store.finish(len(batch) + len(noise))
        check(store)
        assert list(store["CY003"]) == noise
        path = store.path
        assert path is not None and path.exists()
    assert not path.exists()  # and removed at the end


def test_an_ambiguity_note_names_five_reports_and_counts_the_rest(tmp_path: Path) -> None:
    files = {f"2019_{i}.txt": year_copy(2019) for i in range(7)}
    items = batch(tmp_path, {**files, "2020.txt": year_copy(2020)}, "--select", "CY001")
    (note,) = [i for i in items if i["path"] == "reports/2020.txt"]
    assert note["sub_id"] == "ambiguous-pairing"
    named = "、".join(f"reports/2019_{i}.txt" for i in range(5))
    assert f"（{named} 等 7 份）" in note["message"]
    assert "2019_5" not in note["message"]


def test_the_audit_store_pairs_next_year_with_last_years_run(tmp_path: Path) -> None:
    """2023 is linted in one run, 2024 in the next: the store pairs them (CY003 finds
    2024's copied measures) without linting 2023 again."""
    for year in (2023, 2024):
        (tmp_path / str(year)).mkdir()
        (tmp_path / str(year) / f"{year}_hongze.docx").write_bytes(hongze_docx(year))
    args = ["--select", "CY", "--output-format", "json", "-o", "o.json", "--isolated"]

    def cy(*extra: str) -> list[tuple]:
        run(["check", "2024", *args, *extra], tmp_path)
        items = json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))["findings"]
        return [(i["path"], i["code"], i["sub_id"]) for i in items]

    assert cy() == []  # 2023 is not in the batch: nothing to compare with
    run(["check", "2023", *args, "--store", "audit.sqlite"], tmp_path)
    assert cy("--store", "audit.sqlite") == [("2024/2024_hongze.docx", "CY003", "section5")]
    message = json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))["findings"][0][
        "message"
    ]
    assert "2023/2023_hongze.docx" in message
    db = sqlite3.connect(tmp_path / "audit.sqlite")
    assert db.execute("SELECT count(*), min(complete) FROM runs").fetchone() == (2, 1)
    assert db.execute("SELECT DISTINCT year FROM facts ORDER BY year").fetchall() == [
        (2023,),
        (2024,),
    ]
    # The run's findings are kept too.
    assert ("2024/2024_hongze.docx", "CY003") in db.execute(
        "SELECT path, code FROM findings"
    ).fetchall()


def test_the_audit_store_keeps_whole_findings_when_workers_render_sarif(tmp_path: Path) -> None:
    """With SARIF the workers render each report's output and send the parent only what
    it counts of the findings; the audit store needs them whole (messages, places)."""
    for year in (2023, 2024):
        (tmp_path / f"{year}_hongze.docx").write_bytes(hongze_docx(year))
    args = ["--output-format", "sarif", "-o", "o.sarif", "--isolated", "--jobs", "2"]
    result = run(["check", ".", *args, "--store", "audit.sqlite"], tmp_path)
    assert result.exit_code == 1, result.output
    log = json.loads((tmp_path / "o.sarif").read_text(encoding="utf-8"))
    shown = {(r["ruleId"], r["message"]["text"]) for r in log["runs"][0]["results"]}
    db = sqlite3.connect(tmp_path / "audit.sqlite")
    kept = db.execute("SELECT code, message_zh, line FROM findings").fetchall()
    assert {(code, message) for code, message, _ in kept} == shown
    assert any(line for _, _, line in kept)


def test_a_file_that_is_not_a_store_is_refused_clearly(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "audit.sqlite").write_text("not a database " * 100, encoding="utf-8")
    result = run(["check", "a.txt", "--store", "audit.sqlite", "--isolated"], tmp_path)
    assert result.exit_code == 2
    assert "cannot use audit.sqlite as the audit store" in result.output
    assert "Traceback" not in result.output


def test_batch_findings_come_back_sorted_one_report_at_a_time() -> None:
    """The batch findings wait in the store and come back as ``sorted(key=sort_key)``
    orders them (ties in the order made), grouped by report."""
    from dataclasses import replace

    from linter.document import Anchor
    from linter.finding import Finding, Location

    rng = random.Random(7)
    paths = ["2024/洪泽区.docx", "2024/Ａ.docx", "2023/a b.html", "2024/z.txt", "é/😀.md", "a"]
    made = []
    for i in range(1500):
        anchor = Anchor(
            line=rng.choice([None, 1, 2, 10]),
            column=rng.choice([None, 1, 3]),
            table=rng.choice([None, 2]),
            row=rng.choice([None, 1, 4]),
            cell=rng.choice([None, 5]),
        )
        made.append(
            Finding(
                code=rng.choice(["CY001", "CY003", "CY010"]),
                name="x",
                level="warning",
                path=rng.choice(paths),
                message_zh=f"第 {i} 条",
                message_en=f"number {i}",
                location=Location(anchor),
                sub_id=rng.choice([None, "a", "b"]),
            )
        )
    # A rule that fails half-way: what it gave is dropped, its internal error kept.
    failed = [("CY009", f) for f in made[:700]] + [("CY009", None)]
    error = replace(made[0], code="CY009", message_zh="出错")
    failed.append(("CY009", error))
    store = FactStore(None)
    try:
        groups = list(store.in_order([*failed[:350], *((f.code, f) for f in made), *failed[350:]]))
        again = list(store.in_order([]))
    finally:
        store.close()
    assert [f for g in groups for f in g] == sorted([*made, error], key=Finding.sort_key)
    assert [g[0].path for g in groups] == sorted(set(paths))
    assert all(len({f.path for f in g}) == 1 for g in groups)
    assert again == []


def test_spill_dict_is_a_dict_kept_in_sqlite() -> None:
    from linter.factstore import SpillDict

    d, reference = SpillDict(pending=7), {}
    rng = random.Random(3)
    for i in range(200):
        key = f"报告/{rng.randrange(60)}.docx"
        d[key] = reference[key] = (i, f"{i:064x}")
        if i % 17 == 0 and key in reference:
            del d[key], reference[key]
    assert dict(d.items()) == reference
    assert list(d) == list(reference)  # insertion order, also after an update
    assert len(d) == len(reference)
    assert d.get("missing", -1) == -1 and "missing" not in d
    d.close()
