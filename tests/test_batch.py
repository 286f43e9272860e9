"""Batches: parallel runs equal serial ones, baselines, time limits, selection of files."""

from __future__ import annotations

import io
import json
import shutil
import time
from pathlib import Path

from linter.batch import EngineSpec, Progress, lint_files, lint_one
from linter.engine import Engine, collect_files
from linter.readers import Limits
from linter.rule import Rule
from tests.conftest import PINGTAN, SAMPLE_2019, replace_line, sample_text
from tests.test_cli import folder, run  # noqa: F401  (fixture re-used)


def _signature(results) -> list[tuple]:
    return [
        (r.path, [(f.code, f.sub_id, f.location.anchor, f.message_zh) for f in r.findings])
        for r in results
    ]


def test_parallel_equals_serial_and_keeps_order(folder: Path) -> None:  # noqa: F811
    files, _ = collect_files([folder])
    spec = EngineSpec(root=folder.parent)
    serial = list(lint_files(files, spec, jobs=1))
    parallel = list(lint_files(files, spec, jobs=2))
    assert _signature(parallel) == _signature(serial)
    assert [r.path for r in serial] == [spec.build().display_path(f) for f in files]
    # Each file alone gives the same findings as inside the batch.
    engine = spec.build()
    assert _signature(engine.lint_path(f) for f in files) == _signature(serial)


def test_cli_jobs_1_and_2_print_the_same(folder: Path) -> None:  # noqa: F811
    one = run(["check", folder.name, "-j", "1"], folder.parent)
    two = run(["check", folder.name, "-j", "2"], folder.parent)
    assert one.exit_code == two.exit_code == 1
    assert one.output == two.output


def test_baseline_accepts_old_findings_and_reports_new_ones(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copy(SAMPLE_2019, reports / "a.txt")
    shutil.copy(PINGTAN[1], reports / "b.txt")
    first = run(["check", "reports", "--output-format", "sarif", "-o", "base.sarif"], tmp_path)
    assert first.exit_code == 1
    again = run(["check", "reports", "--baseline", "base.sarif"], tmp_path)
    assert again.exit_code == 0
    assert again.stdout.strip() == "共检查 2 个文件，发现 0 个问题。"
    # PB001 could not check either report, and says so (never a silent pass).
    assert "PB001 未能检查 1 份报告（reports/a.txt）：没有公开日期" in again.stderr
    # One number changed in one report: exactly the new findings.
    (reports / "a.txt").write_text(replace_line(sample_text(), 374, "\t2"), encoding="utf-8")
    changed = run(
        [
            "check",
            "reports",
            "--baseline",
            "base.sarif",
            "--output-format",
            "sarif",
            "-o",
            "new.sarif",
        ],
        tmp_path,
    )
    assert changed.exit_code == 1
    log = json.loads((tmp_path / "new.sarif").read_text(encoding="utf-8"))
    results = log["runs"][0]["results"]
    new = [r for r in results if r["baselineState"] == "new"]
    assert [(r["ruleId"], r["properties"]["subId"]) for r in new] == [("RL101", "review")]
    unchanged = [r for r in results if r["baselineState"] == "unchanged"]
    assert unchanged and all(r["suppressions"][0]["status"] == "accepted" for r in unchanged)
    from linter.schema import validate_sarif

    assert validate_sarif(log) == []


def test_bad_baseline_is_a_usage_error(tmp_path: Path) -> None:
    shutil.copy(SAMPLE_2019, tmp_path / "a.txt")
    (tmp_path / "base.sarif").write_text("{not json", encoding="utf-8")
    result = run(["check", "a.txt", "--baseline", "base.sarif"], tmp_path)
    assert result.exit_code == 2 and "not a JSON SARIF log" in result.output
    assert run(["check", "a.txt", "--baseline", "missing.sarif"], tmp_path).exit_code == 2


class _Slow(Rule):
    """Sleeps: stands in for a pathological file."""

    code = "ZZ010"
    name = "slow"
    level = "note"
    summary_zh = summary_en = basis_zh = basis_en = "x"

    def check(self, report, context):
        time.sleep(5)
        return []


def test_time_limit_turns_a_hung_file_into_xt001(plugins, tmp_path: Path) -> None:
    rules = dict(plugins.rules)
    rules["ZZ010"] = _Slow()
    engine = Engine(
        plugins=type(plugins)(rules=rules, readers=plugins.readers, reporters=plugins.reporters),
        root=tmp_path,
        limits=Limits(time_limit_seconds=0.3),
    )
    started = time.monotonic()
    result = lint_one(engine, SAMPLE_2019, 0.3)
    assert time.monotonic() - started < 3
    assert [f.code for f in result.findings] == ["XT001"]
    assert "over the limit of 0.3 s" in result.findings[0].message_en


def test_exclude_and_globs(tmp_path: Path) -> None:
    (tmp_path / "r" / "drafts").mkdir(parents=True)
    for name in ("r/a.txt", "r/b.md", "r/drafts/c.txt"):
        shutil.copy(SAMPLE_2019, tmp_path / name)
    files, missing = collect_files([tmp_path / "r"], exclude=["drafts"])
    assert [f.name for f in files] == ["a.txt", "b.md"] and missing == []
    files, _ = collect_files([tmp_path / "r"], exclude=["*.md"])
    assert [f.name for f in files] == ["a.txt", "c.txt"]
    files, missing = collect_files([Path(str(tmp_path / "r" / "**" / "*.txt"))])
    assert [f.name for f in files] == ["a.txt", "c.txt"]
    _, missing = collect_files([Path(str(tmp_path / "nothing" / "*.txt"))])
    assert missing


def _tree(root: Path, names: list[str]) -> None:
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SAMPLE_2019, root / name)


def test_folder_walks_leave_out_what_gitignore_ignores(tmp_path: Path) -> None:
    """A repository's reports folder next to its venv/ and build output: what git ignores
    is not checked (as ruff and ripgrep do), the walk says what it left out, a folder or
    file named on purpose is checked, and --no-gitignore checks everything."""
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / ".gitignore").write_text("venv/\n*.bak.txt\n!keep.bak.txt\nbuild\n", "utf-8")
    _tree(repo, ["reports/a.txt", "reports/old.bak.txt", "reports/keep.bak.txt",
                 "reports/build/b.txt", "reports/drafts/d1.txt", "venv/lib/x.txt"])  # fmt: skip
    (repo / "reports" / ".gitignore").write_text("drafts/\n", "utf-8")

    def names(paths: list[Path], **kw) -> list[str]:
        problems: list[str] = []
        files, _ = collect_files(paths, problems=problems, **kw)
        names.problems = problems  # type: ignore[attr-defined]
        return [f.relative_to(repo).as_posix() for f in files]

    assert names([repo / "reports"]) == ["reports/a.txt", "reports/keep.bak.txt"]
    assert names.problems == [  # type: ignore[attr-defined]
        f"{repo / 'reports'}: .gitignore leaves out build/, drafts/, old.bak.txt; they were "
        "not checked (--no-gitignore checks them)"
    ]
    assert names([repo]) == ["reports/a.txt", "reports/keep.bak.txt"]
    assert "venv/" in names.problems[0]  # type: ignore[attr-defined]
    # Named on purpose: an ignored folder, an ignored file.
    assert names([repo / "venv"]) == ["venv/lib/x.txt"]
    assert names([repo / "reports" / "old.bak.txt"]) == ["reports/old.bak.txt"]
    assert len(names([repo], gitignore=False)) == 6
    # Outside a git work tree, a .gitignore above the folder does not count; its own does.
    plain = tmp_path / "plain"
    (plain / ".gitignore").parent.mkdir()
    (plain / ".gitignore").write_text("*.txt\n", "utf-8")
    _tree(plain, ["in/r.txt", "in/skip.md"])
    (plain / "in" / ".gitignore").write_text("skip.md\n", "utf-8")
    files, _ = collect_files([plain / "in"])
    assert [f.name for f in files] == ["r.txt"]


def test_a_malformed_gitignore_line_is_skipped_as_git_skips_it(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("!\n[z-a]\n\\\nold/\n", "utf-8")
    _tree(tmp_path, ["r/a.txt", "r/old/b.txt"])
    files, _ = collect_files([tmp_path / "r"])
    assert [f.name for f in files] == ["a.txt"]


def test_no_gitignore_flag(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text("old/\n", "utf-8")
    _tree(tmp_path, ["r/a.txt", "r/old/b.txt"])
    result = run(["check", "r", "--isolated", "--output-format", "json", "-o", "o.json"], tmp_path)
    assert "r: .gitignore leaves out old/" in result.stderr
    listed = json.loads((tmp_path / "o.json").read_text("utf-8"))["files"]
    assert [Path(f["path"]).name for f in listed] == ["a.txt"]
    run(
        ["check", "r", "--isolated", "--no-gitignore", "--output-format", "json", "-o", "o.json"],
        tmp_path,
    )
    listed = json.loads((tmp_path / "o.json").read_text("utf-8"))["files"]
    assert sorted(Path(f["path"]).name for f in listed) == ["a.txt", "b.txt"]


def test_progress_bar_counts(tmp_path: Path) -> None:
    stream = io.StringIO()
    progress = Progress(2, stream=stream, enabled=True)
    engine = EngineSpec(root=tmp_path).build()
    for path in (SAMPLE_2019, PINGTAN[0]):
        progress.update(engine.lint_path(path))
    progress.close()
    assert "2/2 files" in stream.getvalue() and "findings" in stream.getvalue()
    silent = Progress(2, stream=io.StringIO())  # not a terminal: nothing printed
    silent.update(engine.lint_path(SAMPLE_2019))
    assert silent.stream.getvalue() == ""


def test_statistics(tmp_path: Path) -> None:
    shutil.copy(SAMPLE_2019, tmp_path / "a.txt")
    args = ["check", "a.txt", "--statistics", "--output-format", "json", "-o", "x.json"]
    result = run([*args, "--select", "PI002,RL,ST004"], tmp_path)
    assert result.output.splitlines() == [
        "      1  PI002  no-improvement-measures          error           1/1 份报告（100%）",
        "      1  RL003  review-blank-cell                warning         1/1 份报告（100%）",
        "      1  ST004  title-form                       warning         1/1 份报告（100%）",
    ]


def test_a_batch_runs_without_the_cli(plugins, tmp_path) -> None:
    """The batch loop lives in linter.batch: an embedding application hands it files, an
    engine and a reporter, and gets the results in input order and the counts."""
    from linter.batch import EngineSpec, run_batch
    from linter.config import Config
    from linter.engine import Engine
    from linter.factstore import FactStore
    from tests.conftest import PINGTAN

    class Collect:
        def __init__(self) -> None:
            self.paths: list[str] = []
            self.errors = 0

        def file(self, result) -> None:
            self.paths.append(result.path)
            self.errors += sum(1 for f in result.findings if f.level == "error")

        def batch(self, findings, suppressed=None) -> None:
            self.errors += sum(1 for f in findings if f.level == "error")

    spec = EngineSpec(config=Config(), root=tmp_path)
    engine = Engine.from_config(plugins, Config(), root=tmp_path)
    reporter = Collect()
    store = FactStore(None)
    try:
        run = run_batch(engine, spec, list(PINGTAN), 2, reporter, store, fail_level="error")
    finally:
        store.close()
    assert reporter.paths == [engine.display_path(p) for p in PINGTAN]
    assert run.failing == reporter.errors
    assert run.stats.reports == len(PINGTAN)


def test_a_rendered_result_crosses_the_pool_light_and_whole(plugins) -> None:
    """What a worker sends once its SARIF is rendered: what the parent counts of each
    finding (code, name, level, path) — or, for the audit store, the findings without
    their related locations (flat tuples on the way), every other field as it was:
    anchors placed from the page, values, properties — and no report. Without a
    renderer the slim report crosses, without its narrative figures."""
    import pickle
    from dataclasses import replace

    from linter.batch import rendered, slim
    from linter.finding import Tally
    from linter.reporters import ReportOptions
    from linter.reporters.sarif import SarifReporter
    from tests.conftest import FIXTURES

    engine = Engine(plugins)
    result = engine.lint_path(FIXTURES / "html" / "2019_prov-shanghai-govoffice.html")
    assert result.report.statements and all(f.related for f in result.findings)
    worker = SarifReporter.worker_renderer(ReportOptions(rules=engine.rules, root=Path.cwd()))
    counted = rendered(slim(result), worker)
    back = pickle.loads(pickle.dumps(counted, protocol=pickle.HIGHEST_PROTOCOL))
    assert back.findings == [Tally(f.code, f.name, f.level, f.path) for f in result.findings]
    assert all(type(f) is Tally for f in back.findings)
    assert back.rendered == counted.rendered
    light = rendered(slim(result), worker, whole_findings=True)
    back = pickle.loads(pickle.dumps(light, protocol=pickle.HIGHEST_PROTOCOL))
    assert back.findings == [replace(f, related=()) for f in result.findings]
    assert [f.location.anchor.line for f in back.findings] == [
        f.location.anchor.line for f in result.findings
    ]
    assert back.report is None  # nor the report: the parent reads nothing of it
    assert back.rendered == light.rendered
    # Without a rendered fragment the findings cross whole (a reporter in the parent).
    whole = pickle.loads(pickle.dumps(slim(result), protocol=pickle.HIGHEST_PROTOCOL))
    assert whole.findings == result.findings
    assert whole.report.statements is None
