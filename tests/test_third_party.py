"""Third-party plugins installed as packages (pip install --target), as a user would.

The guide's example package is installed and linted with; a package that redefines the
built-in AP101 makes the load fail naming both packages, and with ``overrides = True``
replaces it and ``gongkai-lint rules`` says so; the project's own tests pass with a
third-party plugin installed beside them.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "docs" / "examples" / "plugin"

_AP101 = '''
"""A local AP101: the built-in balance identity, as a third party would ship it."""

from linter import hookimpl
from rules.applications.ap101_balance import Balance


class LocalBalance(Balance):
    __doc__ = Balance.__doc__
    name = "local-balance"
    aliases = ()
    overrides = {overrides}


@hookimpl
def gongkai_lint_rules():
    return [LocalBalance]
'''


def _install(project: Path, target: Path) -> Path:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(project),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return target


def _package(folder: Path, name: str, module: str, source: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "pyproject.toml").write_text(
        textwrap.dedent(f"""\
            [build-system]
            requires = ["setuptools>=68"]
            build-backend = "setuptools.build_meta"

            [project]
            name = "{name}"
            version = "0.1.0"

            [project.entry-points.gongkai_lint]
            local = "{module}"

            [tool.setuptools]
            py-modules = ["{module}"]
            """),
        encoding="utf-8",
    )
    (folder / f"{module}.py").write_text(source, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("third-party")
    out = {"example": _install(EXAMPLE, base / "example")}
    for key, flag in (("redefine", False), ("override", True)):
        project = _package(
            base / f"src-{key}",
            f"gongkai-lint-{key}",
            f"gongkai_lint_{key}",
            _AP101.format(overrides=flag),
        )
        out[key] = _install(project, base / key)
    return out


def _cli(args: list[str], path: Path, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "GONGKAI_LINT_PLUGINS"}
    env["PYTHONPATH"] = os.pathsep.join([str(path), str(ROOT)])
    return subprocess.run(
        [sys.executable, "-m", "linter", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_plugin_redefining_ap101_fails_the_load_naming_both(installed, tmp_path) -> None:
    for args in (["rules"], ["check", str(ROOT / "tests" / "fixtures" / "text")]):
        done = _cli(args, installed["redefine"], tmp_path)
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr
        assert "rule code AP101 is defined by gongkai-lint (" in done.stderr
        assert "and gongkai-lint-redefine (gongkai_lint_redefine.LocalBalance)" in done.stderr


def test_with_the_override_flag_the_plugin_wins_and_rules_says_so(installed, tmp_path) -> None:
    done = _cli(["rules"], installed["override"], tmp_path)
    assert done.returncode == 0, done.stderr
    (line,) = [x for x in done.stdout.splitlines() if " AP101 " in x]
    assert "local-balance" in line
    assert line.endswith("[gongkai-lint-override, overrides gongkai-lint]")
    one = _cli(["rules", "AP101", "--lang", "en"], installed["override"], tmp_path)
    assert one.stdout.startswith("(gongkai-lint-override overrides the gongkai-lint rule AP101)")
    report = ROOT / "tests" / "fixtures" / "text" / "2019_city-bureau-gongxin_tika.txt"
    checked = _cli(
        ["check", str(report), "--output-format", "json"], installed["override"], tmp_path
    )
    assert checked.returncode in (0, 1), checked.stderr


def test_the_guide_example_installed_lints_a_report_without_a_title(installed, tmp_path) -> None:
    report = tmp_path / "untitled.txt"
    text = (ROOT / "tests" / "fixtures" / "text" / "2019_city-bureau-gongxin_tika.txt").read_text(
        encoding="utf-8"
    )
    report.write_text(text.split("\n", 1)[1], encoding="utf-8")  # the title line removed
    done = _cli(["check", "untitled.txt", "--select", "LC001"], installed["example"], tmp_path)
    assert "Traceback" not in done.stderr and "internal error" not in done.stdout, done
    assert done.returncode == 1 and "LC001" in done.stdout
    listing = _cli(["rules"], installed["example"], tmp_path)
    assert "LC001  contact-information" in listing.stdout
    assert "[gongkai-lint-example]" in listing.stdout


def test_the_projects_tests_pass_with_a_third_party_plugin_installed(installed) -> None:
    """The fixtures load only the project's own plugins (GONGKAI_LINT_PLUGINS)."""
    env = {k: v for k, v in os.environ.items() if k != "GONGKAI_LINT_PLUGINS"}
    env["PYTHONPATH"] = os.pathsep.join([str(installed["example"]), str(ROOT)])
    tests = ["test_plugins.py", "test_docs.py", "test_cli.py", "test_rules.py", "test_editions.py"]
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
        + [str(ROOT / "tests" / t) for t in tests],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:]
    assert " passed" in done.stdout
