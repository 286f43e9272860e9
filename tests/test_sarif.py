"""SARIF as GitHub code scanning and VS Code's SARIF viewer take it: the official schema,
Microsoft's SARIF Multitool (``validate --rule-kind "Gh;Sarif"``: no error, no warning),
no local absolute path, every region with an end, help and precision on every rule, and
a size that a large batch can upload: compact results, each logical location written
once, related locations only when asked for."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from linter.reporters.sarif import compact_json
from linter.schema import validate_sarif
from tests.conftest import FIXTURES
from tests.test_cli import run

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "docs" / "examples"


def multitool() -> Path | None:
    """Microsoft's SARIF Multitool: $SARIF_MULTITOOL, ``Sarif.Multitool`` on PATH, or the
    binary inside the globally installed npm package (.ci/run installs it)."""
    if env := os.environ.get("SARIF_MULTITOOL"):
        return Path(env)
    if found := shutil.which("Sarif.Multitool"):
        return Path(found)
    npm, node = shutil.which("npm"), shutil.which("node")
    if npm is None or node is None:
        return None
    try:
        root = subprocess.run(
            [npm, "root", "-g"], capture_output=True, text=True, timeout=60, check=True
        ).stdout.strip()
        # The package exports the path of its platform's binary.
        binary = subprocess.run(
            [node, "-p", "require('@microsoft/sarif-multitool')"],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
            env={**os.environ, "NODE_PATH": root},
        ).stdout.strip()
    except (subprocess.SubprocessError, OSError):
        return None
    return Path(binary) if binary and Path(binary).is_file() else None


MULTITOOL = multitool()
needs_multitool = pytest.mark.skipif(
    MULTITOOL is None,
    reason="Microsoft's SARIF Multitool is not installed "
    "(npm install -g @microsoft/sarif-multitool; .ci/run installs it)",
)


def multitool_problems(*logs: Path) -> list[str]:
    """The Multitool's errors and warnings on ``logs`` with GitHub's and SARIF's rules."""
    assert MULTITOOL is not None
    out = logs[0].with_suffix(".validation.sarif")
    out.unlink(missing_ok=True)  # the Multitool will not overwrite it
    env = {**os.environ, "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT": "1", "DOTNET_NOLOGO": "1"}
    done = subprocess.run(
        [
            str(MULTITOOL),
            "validate",
            "--rule-kind",
            "Gh;Sarif",
            "--output",
            str(out),
            *map(str, logs),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        cwd=logs[0].parent,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    validation = json.loads(out.read_text(encoding="utf-8-sig"))
    return [
        f"{r.get('ruleId')} {r.get('level', 'warning')}: {r['message'].get('text', '')[:300]}"
        for run_ in validation["runs"]
        for r in run_.get("results", [])
        if r.get("level", "warning") in ("error", "warning")
    ]


def sarif_of(paths: list[str], cwd: Path, out: Path, *extra: str) -> dict:
    result = run(["check", *paths, "--output-format", "sarif", "-o", str(out), *extra], cwd)
    assert result.exit_code in (0, 1), result.output
    return json.loads(out.read_text(encoding="utf-8"))


def regions(log: dict) -> Iterator[dict]:
    """Every region of every result, related location and notification."""
    for run_ in log["runs"]:
        for res in run_["results"]:
            for loc in res["locations"] + res.get("relatedLocations", []):
                yield loc["physicalLocation"]["region"]
        for note in run_["invocations"][0].get("toolExecutionNotifications", []):
            for loc in note.get("locations", []):
                yield loc["physicalLocation"]["region"]


def check_log(log: dict, text: str, local: Path) -> None:
    """The acceptance checks that need no external program."""
    assert validate_sarif(log) == []
    assert str(local) not in text and "file:" not in text  # no local absolute path
    ends = [r for r in regions(log)]
    # Every region ends (a column; endLine only when not startLine, its default).
    assert ends and all({"startLine", "endColumn"} <= set(r) for r in ends)
    assert all(r.get("endLine", r["startLine"] + 1) != r["startLine"] for r in ends)
    check_lean(log, text)
    run_ = log["runs"][0]
    assert run_["automationDetails"]["id"] == "gongkai-lint/"
    for rule in run_["tool"]["driver"]["rules"]:
        assert rule["help"]["markdown"].startswith(f"# {rule['id']} ")
        assert rule["properties"]["precision"] in ("very-high", "high", "medium", "low")
        assert rule["properties"]["tags"]
    for res in run_["results"]:
        assert len(res.get("relatedLocations", [])) <= 20
        assert res["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == (
            "%SRCROOT%"
        )


def check_lean(log: dict, text: str) -> None:
    """What keeps a batch's log small, structurally: the bulk is compact JSON, each
    logical location is in run.logicalLocations once and results refer to it by index,
    and a related location repeats neither its artifact's nor its logical location's
    name."""
    run_ = log["runs"][0]
    for part in ("results", "artifacts"):
        assert compact_json(run_[part]) in text
    notes = run_["invocations"][0].get("toolExecutionNotifications")
    if notes:
        assert compact_json(notes) in text
    table = run_.get("logicalLocations", [])
    assert len({compact_json(item) for item in table}) == len(table)
    assert all(item["fullyQualifiedName"] for item in table)
    used = set()
    for res in run_["results"]:
        for loc in res["locations"] + res.get("relatedLocations", []):
            for logical in loc.get("logicalLocations", []):
                assert set(logical) == {"index"}, logical
                used.add(logical["index"])
        for loc in res.get("relatedLocations", []):
            assert "message" in loc  # GitHub rejects a related location without one
            artifact = loc["physicalLocation"]["artifactLocation"]
            assert set(artifact) <= {"uri", "uriBaseId", "index"}
    assert used == set(range(len(table)))


def logical_of(log: dict, location: dict) -> dict:
    """A location's logical location, looked up in run.logicalLocations."""
    return log["runs"][0]["logicalLocations"][location["logicalLocations"][0]["index"]]


@pytest.fixture(scope="module")
def examples_and_fixtures(tmp_path_factory) -> dict[str, tuple[Path, dict]]:
    out = tmp_path_factory.mktemp("sarif")
    logs = {}
    for name, folder in (("examples", EXAMPLES), ("fixtures", FIXTURES)):
        path = out / f"{name}.sarif"
        logs[name] = (path, sarif_of([str(folder.relative_to(REPO))], REPO, path))
    return logs


@pytest.mark.parametrize("name", ["examples", "fixtures"])
def test_sarif_of_examples_and_fixtures(examples_and_fixtures, name: str) -> None:
    path, log = examples_and_fixtures[name]
    check_log(log, path.read_text(encoding="utf-8"), REPO)
    uris = {a["location"]["uri"] for a in log["runs"][0]["artifacts"]}
    prefix = "docs/examples/" if name == "examples" else "tests/fixtures/"
    assert all(u.startswith(prefix) for u in uris)  # relative to the repository root


@needs_multitool
def test_multitool_is_silent(examples_and_fixtures) -> None:
    assert multitool_problems(*(path for path, _ in examples_and_fixtures.values())) == []


def test_category(tmp_path: Path) -> None:
    from tests.conftest import SAMPLE_2019

    (tmp_path / ".git").mkdir()
    shutil.copy(SAMPLE_2019, tmp_path / "a.txt")
    log = sarif_of(["a.txt"], tmp_path, tmp_path / "out.sarif", "--sarif-category", "2019")
    assert log["runs"][0]["automationDetails"]["id"] == "gongkai-lint/2019/"


def test_related_locations_only_when_asked_capped_and_the_rest_counted(tmp_path: Path) -> None:
    """By default no related locations (GitHub and the VS Code viewer do not show them) and
    no note about them; with --sarif-related-locations at most 20, the rest counted."""
    import io
    from dataclasses import replace

    from linter.document import Anchor
    from linter.engine import Engine
    from linter.finding import Location
    from linter.plugins import load_plugins
    from linter.reporters import ReportOptions
    from linter.reporters.sarif import MAX_RELATED, SarifReporter
    from tests.conftest import SAMPLE_2019

    shutil.copy(SAMPLE_2019, tmp_path / "a.txt")
    engine = Engine(plugins=load_plugins(), root=tmp_path)
    result = engine.lint_path(tmp_path / "a.txt")
    cells = tuple(
        Location(Anchor(100 + i, 2, 100 + i, 3), f"三/row{i}/total", label_zh=f"第{i}行")
        for i in range(45)
    )
    result.findings = [replace(result.findings[0], related=cells)]
    for lang, more in (("zh", "（另有 25 处相关位置未列出）"), ("en", " (25 more related")):
        for related in (False, True):
            out = io.StringIO()
            opts = ReportOptions(
                root=tmp_path,
                project_root=tmp_path,
                rules=engine.rules,
                lang=lang,
                sarif_related=related,
            )
            reporter = SarifReporter(out, opts)
            reporter.file(result)
            reporter.finish()
            log = json.loads(out.getvalue())
            (res,) = log["runs"][0]["results"]
            check_lean(log, out.getvalue())
            if not related:
                assert "relatedLocations" not in res
                assert more not in res["message"]["text"]
                assert res["message"]["text"] == result.findings[0].message(lang)
                continue
            assert len(res["relatedLocations"]) == MAX_RELATED == 20
            assert more in res["message"]["text"]
            first = res["relatedLocations"][0]
            # Named once: the label is the message, the logical location is by index.
            assert first["message"]["text"] == ("第0行" if lang == "zh" else "三/row0/total")
            assert logical_of(log, first)["fullyQualifiedName"] == "三/row0/total"
            assert first["physicalLocation"]["region"] == {
                "startLine": 100,
                "startColumn": 2,
                "endColumn": 3,
            }


def test_related_locations_when_asked_are_valid(tmp_path: Path) -> None:
    """--sarif-related-locations on every fixture: schema, the lean shape, Multitool."""
    path = tmp_path / "related.sarif"
    folder = str(FIXTURES.relative_to(REPO))
    log = sarif_of([folder], REPO, path, "--sarif-related-locations")
    text = path.read_text(encoding="utf-8")
    check_log(log, text, REPO)
    related = [r for res in log["runs"][0]["results"] for r in res.get("relatedLocations", [])]
    assert related
    for r in related:
        artifact = r["physicalLocation"]["artifactLocation"]
        assert artifact["uri"]  # GitHub requires it of related locations too
        index = artifact["index"]
        assert log["runs"][0]["artifacts"][index]["location"]["uri"] == artifact["uri"]
    if MULTITOOL is not None:
        assert multitool_problems(path) == []


BATCH_SOURCES = sorted(
    p for p in FIXTURES.rglob("*") if p.is_file() and p.suffix in (".txt", ".md", ".html", ".docx")
)


def test_a_500_report_batch(tmp_path: Path) -> None:
    """500 real reports (the fixtures, copied round): under 10 MB gzipped, and valid."""
    (tmp_path / ".git").mkdir()
    reports = tmp_path / "reports"
    for i in range(500):
        source = BATCH_SOURCES[i % len(BATCH_SOURCES)]
        target = reports / f"{i // 100:02d}" / f"{i:03d}_{source.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, target)
    path = tmp_path / "batch.sarif"
    log = sarif_of(["reports"], tmp_path, path)
    assert len(log["runs"][0]["artifacts"]) == 500
    data = path.read_bytes()
    print(f"500 reports: {len(data):,} bytes, {len(gzip.compress(data)):,} gzipped")
    assert len(gzip.compress(data)) < 10 * 1024 * 1024
    check_log(log, data.decode("utf-8"), tmp_path)
    if MULTITOOL is not None:
        assert multitool_problems(path) == []


def _render(results: list, options, in_workers: bool) -> str:
    """The log of ``results`` rendered by the parent, or by a worker's renderer and
    spliced by the parent (as linter.batch does with --jobs)."""
    import io

    from linter.batch import rendered
    from linter.reporters.sarif import SarifReporter

    out = io.StringIO()
    reporter = SarifReporter(out, options)
    worker = SarifReporter.worker_renderer(options)
    for result in results:
        reporter.file(rendered(result, worker) if in_workers else result)
    reporter.finish()
    return out.getvalue()


def test_logical_locations_past_the_table_cap_are_written_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """run.logicalLocations is bounded (memory stays flat on a varied national batch):
    past MAX_LOGICAL entries a logical location is written out in the result, the same
    whether the parent or the workers render."""
    from linter.engine import Engine
    from linter.plugins import load_plugins
    from linter.reporters import ReportOptions, sarif

    engine = Engine(plugins=load_plugins(), root=REPO)
    results = [engine.lint_path(p) for p in BATCH_SOURCES[:12]]
    options = ReportOptions(root=REPO, project_root=REPO, rules=engine.rules)
    monkeypatch.setattr(sarif, "MAX_LOGICAL", 3)
    direct = _render(results, options, in_workers=False)
    assert _render(results, options, in_workers=True) == direct
    log = json.loads(direct)
    assert validate_sarif(log) == []
    run_ = log["runs"][0]
    assert len(run_["logicalLocations"]) == 3
    logical = [
        item for res in run_["results"] for item in res["locations"][0].get("logicalLocations", [])
    ]
    by_index = [item for item in logical if set(item) == {"index"}]
    in_place = [item for item in logical if "fullyQualifiedName" in item]
    assert by_index and in_place and len(by_index) + len(in_place) == len(logical)
    assert not {compact_json(i) for i in in_place} & {
        compact_json(i) for i in run_["logicalLocations"]
    }


def test_a_log_too_large_for_github_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    """GitHub rejects a run of more than 25,000 results: standard error says so (and how
    to split), once; a log within the limit says nothing."""
    import io

    from linter.engine import Engine
    from linter.plugins import load_plugins
    from linter.reporters import ReportOptions, sarif

    engine = Engine(plugins=load_plugins(), root=REPO)
    results = [engine.lint_path(p) for p in BATCH_SOURCES[:4]]
    count = sum(len(r.findings) for r in results)
    assert count > 3
    for lang, words in (("zh", "GitHub 代码扫描拒收"), ("en", "GitHub code scanning rejects")):
        options = ReportOptions(root=REPO, project_root=REPO, rules=engine.rules, lang=lang)
        for limit, said in ((count, False), (count - 1, True)):
            monkeypatch.setattr(sarif, "GITHUB_MAX_RESULTS", limit)
            reporter = sarif.SarifReporter(io.StringIO(), options)
            for result in results:
                reporter.file(result)
            reporter.finish()
            err = capsys.readouterr().err
            assert (words in err) == said
            if said:
                assert err.count("--sarif-category") == 1 and f"{count:,}" in err


def test_text_that_looks_like_the_logs_own_references_is_left_alone(tmp_path: Path) -> None:
    """The parent maps a worker's artifact and logical-location indexes in the JSON text;
    a report's own text that spells the same (quoted in a message) is not touched."""
    from dataclasses import replace

    from linter.engine import Engine
    from linter.plugins import load_plugins
    from linter.reporters import ReportOptions
    from linter.reporters.sarif import _INDEX_MARK

    engine = Engine(plugins=load_plugins(), root=REPO)
    results = [engine.lint_path(p) for p in BATCH_SOURCES[:3]]
    lookalike = f'"logicalLocations":[{{"index":0}}] "index":{_INDEX_MARK}'
    last = results[-1]
    last.findings = [
        replace(f, message_zh=f.message_zh + lookalike, message_en=f.message_en + lookalike)
        for f in last.findings
    ]
    assert last.findings
    options = ReportOptions(root=REPO, project_root=REPO, rules=engine.rules)
    direct = _render(results, options, in_workers=False)
    assert _render(results, options, in_workers=True) == direct
    log = json.loads(direct)
    texts = [r["message"]["text"] for r in log["runs"][0]["results"]]
    assert sum(t.endswith(lookalike) for t in texts) == len(last.findings)


def test_a_result_written_straight_from_its_finding_is_the_dicts_json() -> None:
    """Most results are written straight from the finding (no dict built and walked):
    the text is what compact_json writes of the dict built for every other case, for
    findings of every form (PDF pages and boxes, DOCX, HTML, text), in both languages,
    and for what a message or a place may hold (quotes, controls, a lone surrogate,
    fractions, a region over several lines, no line)."""
    from dataclasses import replace

    from linter.document import Anchor
    from linter.engine import Engine
    from linter.finding import Location
    from linter.plugins import load_plugins
    from linter.reporters import ReportOptions
    from linter.reporters.sarif import SarifReporter

    engine = Engine(plugins=load_plugins(), root=REPO)
    findings = []
    for kind in ("pdf", "docx", "html", "text"):
        for path in sorted((FIXTURES / kind).iterdir())[:3]:
            findings += engine.lint_path(path).findings
    assert any(f.location.anchor.bbox for f in findings)
    odd = findings[0]
    findings += [
        replace(odd, message_zh='“引号” "quoted" \\ \t\n\x00 \udcff', message_en="\u2028"),
        replace(odd, expected=1.5, reported=float("nan"), sub_id='a"b'),
        replace(odd, location=Location(Anchor(3, 4, 9, 2), logical="三/x/y", label_zh="甲")),
        replace(odd, location=Location(Anchor(), logical=None)),
        replace(odd, location=Location(Anchor(5), logical="五"), sub_id=None, expected=0),
    ]
    for lang in ("zh", "en"):
        options = ReportOptions(root=REPO, project_root=REPO, rules=engine.rules, lang=lang)
        reporter = SarifReporter(None, options)  # type: ignore[arg-type]
        reporter.index_of[odd.path] = 7
        for f in findings:
            artifact = compact_json(reporter._indexed_location(f.path))
            written = reporter._result_json(f, artifact, "v" * 32, "p" * 32, lang)
            built = compact_json(reporter._result(f, False, "v" * 32, "p" * 32, lang))
            assert written == built
            json.loads(written)
