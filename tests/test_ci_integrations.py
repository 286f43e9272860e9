"""In the tools people already use: the pre-commit hook (.pre-commit-hooks.yaml) run by
pre-commit in a temporary git repository, and the GitHub Action (action.yml) whose run
steps are executed here against the fixtures (the upload itself needs GitHub)."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from linter.schema import validate_sarif
from tests.conftest import SAMPLE_2019

yaml = pytest.importorskip("yaml", reason="PyYAML comes with pre-commit (the test extra)")

REPO = Path(__file__).resolve().parent.parent
DOCX_EXAMPLE = REPO / "docs" / "examples" / "2024_city-huaian_gov.filled-template.docx"
PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which(
    "pre-commit"
)
needs_pre_commit = pytest.mark.skipif(
    PRE_COMMIT is None or shutil.which("git") is None,
    reason="pre-commit or git is not installed (pip install -e '.[test]' installs pre-commit)",
)


def git_repository(folder: Path, files: dict[str, Path | str]) -> Path:
    """A new git repository holding ``files`` (name -> source file or text), all added."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    for name, source in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(source, Path):
            shutil.copy(source, target)
        else:
            target.write_text(source, encoding="utf-8")
    subprocess.run(["git", "-C", str(folder), "add", "-A"], check=True)
    return folder


def pre_commit(folder: Path, *args: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    env.pop("PRE_COMMIT", None)
    return subprocess.run(
        [str(PRE_COMMIT), *args, "--color", "never"],
        cwd=folder,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


REPORTS = {
    "reports/2019.txt": SAMPLE_2019,
    "reports/淮安 2024.docx": DOCX_EXAMPLE,
    "tools/convert.py": "print('not a report')\n",
    "reports/photo.png": "not checked by name\n",
}


@needs_pre_commit
def test_pre_commit_hook_reports_the_findings(tmp_path: Path) -> None:
    """The hook as .pre-commit-hooks.yaml declares it (types, file pattern, entry), run by
    pre-commit from a local configuration with this interpreter's gongkai-lint."""
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    entry = shlex.split(hook["entry"])
    assert entry[0] == "gongkai-lint"
    local = {
        **hook,
        "language": "system",
        "entry": shlex.join([sys.executable, "-m", "linter", *entry[1:]]),
    }
    config = {"repos": [{"repo": "local", "hooks": [local]}]}
    folder = git_repository(
        tmp_path / "repo",
        {**REPORTS, ".pre-commit-config.yaml": yaml.safe_dump(config, allow_unicode=True)},
    )
    done = pre_commit(folder, "run", "--files", *REPORTS, home=tmp_path / "home")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "reports/2019.txt:392:1: PI002 " in done.stdout
    assert "reports/淮安 2024.docx:para35: PI004 " in done.stdout
    assert "共检查 2 个文件" in done.stdout  # the .py and the .png were not passed
    # A clean report passes.
    clean = pre_commit(folder, "run", "--files", "tools/convert.py", home=tmp_path / "home")
    assert clean.returncode == 0 and "no files to check" in clean.stdout.lower()


@needs_pre_commit
@pytest.mark.skipif(
    not os.environ.get("GONGKAI_LINT_INSTALL_TESTS"),
    reason="installs the hook from this repository into a new environment (~45 s, needs "
    "PyPI): set GONGKAI_LINT_INSTALL_TESTS=1 (.ci/run does)",
)
def test_pre_commit_try_repo_installs_and_runs_the_hook(tmp_path: Path) -> None:
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    folder = git_repository(tmp_path / "repo", REPORTS)
    done = pre_commit(
        folder,
        "try-repo",
        str(REPO),
        "gongkai-lint",
        "--files",
        "reports/2019.txt",
        home=tmp_path / "home",
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "reports/2019.txt:392:1: PI002 " in done.stdout


# --- the GitHub Action ---------------------------------------------------------------

EXPRESSION = re.compile(r"\$\{\{\s*([^}]+?)\s*\}\}")


def action() -> dict:
    return yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))


def evaluate(expression: str, context: dict[str, str]) -> str | bool:
    """The expressions action.yml uses: a name, or ``a == 'b'`` joined by ``&&``."""
    if "==" not in expression:
        return context[expression.strip()]
    return all(
        context.get(left.strip(), "") == right.strip().strip("'")
        for left, right in (part.split("==") for part in expression.split("&&"))
    )


def substitute(text: str, context: dict[str, str]) -> str:
    return EXPRESSION.sub(lambda m: str(evaluate(m.group(1), context)), text)


def run_action(
    tmp_path: Path, inputs: dict[str, str], install: bool = False
) -> dict[str, subprocess.CompletedProcess]:
    """Run the action's shell steps as a runner would, but for the upload (a `uses:` step
    that needs GitHub) and, unless ``install``, the install (this interpreter's gongkai-lint
    is used instead)."""
    spec = action()
    context = {"github.action_path": str(REPO)}
    for name, item in spec["inputs"].items():
        context[f"inputs.{name}"] = inputs.get(name, item.get("default", ""))
    output = tmp_path / "github_output"
    output.touch()
    github_path = tmp_path / "github_path"
    github_path.touch()
    here = [] if install else [str(Path(sys.executable).parent)]
    env = {
        **os.environ,
        "GITHUB_OUTPUT": str(output),
        "GITHUB_PATH": str(github_path),
        "RUNNER_TEMP": str(tmp_path),
    }
    done: dict[str, subprocess.CompletedProcess] = {}
    for step in spec["runs"]["steps"]:
        if "if" in step and not evaluate(step["if"], context):
            continue
        if "run" not in step or (step["id"] == "install" and not install):
            continue
        step_env = {k: substitute(str(v), context) for k, v in step.get("env", {}).items()}
        added = github_path.read_text(encoding="utf-8").split()
        env["PATH"] = os.pathsep.join([*reversed(added), *here, os.environ["PATH"]])
        done[step["id"]] = subprocess.run(
            [step["shell"], "-e", "-c", substitute(step["run"], context)],
            cwd=REPO,
            env={**env, **step_env},
            capture_output=True,
            text=True,
            timeout=600,
        )
        for line in output.read_text(encoding="utf-8").splitlines():
            key, _, value = line.partition("=")
            context[f"steps.{step['id']}.outputs.{key}"] = value
    return done


def test_action_declares_its_inputs_and_steps() -> None:
    spec = action()
    assert set(spec["inputs"]) == {
        "paths",
        "args",
        "sarif-file",
        "category",
        "upload",
        "fail-on-findings",
    }
    assert spec["runs"]["using"] == "composite"
    steps = {s["id"]: s for s in spec["runs"]["steps"]}
    assert 'pip install --quiet "${{ github.action_path }}"' in steps["install"]["run"]
    upload = steps["upload"]
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"] == {
        "sarif_file": "${{ inputs.sarif-file }}",
        "category": "${{ inputs.category }}",
    }
    # The example workflow uses the action with inputs it has.
    workflow = yaml.safe_load((REPO / "docs" / "ci" / "github-code-scanning.yml").read_text())
    (job,) = workflow["jobs"].values()
    used = next(s for s in job["steps"] if s.get("uses", "").startswith("gongkai-lint/"))
    assert set(used["with"]) <= set(spec["inputs"])
    assert workflow["permissions"]["security-events"] == "write"


def test_action_run_steps_check_the_fixtures(tmp_path: Path) -> None:
    sarif = tmp_path / "out.sarif"
    inputs = {
        "paths": "tests/fixtures/text tests/fixtures/html",
        "args": "--select AP,RL,PI",
        "sarif-file": str(sarif),
        "category": "fixtures",
    }
    done = run_action(tmp_path, inputs)
    assert done["check"].returncode == 0, done["check"].stderr  # findings do not stop it
    assert "verdict" not in done  # fail-on-findings is off by default
    log = json.loads(sarif.read_text(encoding="utf-8"))
    assert validate_sarif(log) == []
    run_ = log["runs"][0]
    assert run_["automationDetails"]["id"] == "gongkai-lint/fixtures/"
    assert run_["results"] and {r["ruleId"][:2] for r in run_["results"]} <= {"AP", "RL", "PI"}
    assert all(a["location"]["uri"].startswith("tests/fixtures/") for a in run_["artifacts"])
    # With fail-on-findings, the verdict step fails the job.
    failing = run_action(tmp_path, {**inputs, "fail-on-findings": "true"})
    assert failing["verdict"].returncode == 1
    assert "::error title=gongkai-lint::" in failing["verdict"].stdout


def test_action_stops_on_an_error(tmp_path: Path) -> None:
    done = run_action(tmp_path, {"paths": "no/such/folder", "sarif-file": str(tmp_path / "x")})
    assert done["check"].returncode == 2
    assert "path not found" in done["check"].stderr


@pytest.mark.skipif(
    not os.environ.get("GONGKAI_LINT_INSTALL_TESTS"),
    reason="installs this repository into a new virtual environment (~45 s, needs PyPI): "
    "set GONGKAI_LINT_INSTALL_TESTS=1 (.ci/run does)",
)
def test_action_installs_the_package_and_checks(tmp_path: Path) -> None:
    sarif = tmp_path / "out.sarif"
    inputs = {"paths": "docs/examples", "sarif-file": str(sarif), "category": "examples"}
    done = run_action(tmp_path, inputs, install=True)
    assert done["install"].returncode == 0, done["install"].stderr
    assert done["check"].returncode == 0, done["check"].stderr
    log = json.loads(sarif.read_text(encoding="utf-8"))
    assert log["runs"][0]["automationDetails"]["id"] == "gongkai-lint/examples/"
    assert (tmp_path / "gongkai-lint-venv" / "bin" / "gongkai-lint").exists()
