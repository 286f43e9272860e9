"""SARIF as GitHub code scanning and VS Code's SARIF viewer take it: the official schema,
Microsoft's SARIF Multitool (``validate --rule-kind "Gh;Sarif"``: no error, no warning),
no local absolute path, every region with an end, help and precision on every rule, and
a size that a 500-report batch can upload."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

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
    assert ends and all({"startLine", "endLine", "endColumn"} <= set(r) for r in ends)
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


def test_related_locations_are_capped_and_the_rest_counted(tmp_path: Path) -> None:
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
    cells = tuple(Location(Anchor(100 + i, 2, 100 + i, 3), f"三/row{i}/total") for i in range(45))
    result.findings = [replace(result.findings[0], related=cells)]
    for lang, more in (("zh", "（另有 25 处相关位置未列出）"), ("en", " (25 more related")):
        out = io.StringIO()
        opts = ReportOptions(root=tmp_path, project_root=tmp_path, rules=engine.rules, lang=lang)
        reporter = SarifReporter(out, opts)
        reporter.file(result)
        reporter.finish()
        (res,) = json.loads(out.getvalue())["runs"][0]["results"]
        assert len(res["relatedLocations"]) == MAX_RELATED == 20
        assert more in res["message"]["text"]


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
