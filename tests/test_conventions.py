"""The conventions of the linters people like (Ruff, SQLFluff): ``python -m``, standard
input, colour, --fail-level, the effective configuration, shell completion."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from linter.cli import _use_color, main
from linter.config import load_config
from tests.conftest import SAMPLE_2019

REPO = Path(__file__).resolve().parent.parent
DOCX_EXAMPLE = REPO / "docs" / "examples" / "2024_city-huaian_gov.filled-template.docx"
SAMPLE_RULES = "PI002,RL003"  # the sample: PI002 (error) at 392:1, RL003 (warning) at 374:2


def invoke(args: list[str], cwd: Path, **kwargs):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, args, catch_exceptions=False, **kwargs)
    finally:
        os.chdir(old)


def test_python_dash_m_linter(tmp_path: Path) -> None:
    shutil.copy(SAMPLE_2019, tmp_path / "sample.txt")
    done = subprocess.run(
        [sys.executable, "-m", "linter", "check", "sample.txt", "--select", "PI002"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert done.stdout.startswith("sample.txt:392:1: PI002 ")
    usage = subprocess.run(
        [sys.executable, "-m", "linter", "--help"], capture_output=True, text=True, timeout=120
    )
    assert usage.returncode == 0 and "Usage: gongkai-lint" in usage.stdout


def test_a_report_from_standard_input(tmp_path: Path) -> None:
    data = SAMPLE_2019.read_bytes()
    args = ["check", "-", "--select", "PI002"]
    named = invoke([*args, "--stdin-filename", "reports/2019.txt"], tmp_path, input=data)
    assert named.exit_code == 1
    assert named.stdout.startswith("reports/2019.txt:392:1: PI002 ")
    anonymous = invoke(args, tmp_path, input=data)
    assert anonymous.stdout.startswith("-:392:1: PI002 ")
    # per-file-ignores match the name given on the command line
    (tmp_path / "gongkai-lint.toml").write_text(
        'per-file-ignores = { "reports/*" = ["PI002"] }\n', encoding="utf-8"
    )
    ignored = invoke([*args, "--stdin-filename", "reports/2019.txt"], tmp_path, input=data)
    assert ignored.exit_code == 0, ignored.output
    # a DOCX, decided from its bytes
    docx = invoke(
        ["check", "-", "--select", "PI004", "--stdin-filename", "淮安.docx"],
        tmp_path,
        input=DOCX_EXAMPLE.read_bytes(),
    )
    assert docx.stdout.startswith("淮安.docx:para35: PI004 ")
    # nothing left behind, also when a usage error ends the run
    failed = subprocess.run(
        [
            sys.executable,
            "-m",
            "linter",
            "check",
            "-",
            "no-such-file.txt",
            "--stdin-filename",
            "留.txt",
        ],
        input=data,
        cwd=tmp_path,
        capture_output=True,
        timeout=120,
    )
    assert failed.returncode == 2 and b"path not found" in failed.stderr
    left = Path(tempfile.gettempdir()).glob("gongkai-lint-stdin-*/*")
    assert not [p for p in left if p.name in ("淮安.docx", "留.txt")]


def test_colour_on_a_terminal_unless_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal:
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(sys, "stdout", Terminal())
    assert _use_color(None, None) is True
    assert _use_color(False, None) is False  # --no-color
    assert _use_color(None, Path("out.txt")) is False  # -o FILE
    monkeypatch.setenv("NO_COLOR", "1")
    assert _use_color(None, None) is False
    assert _use_color(True, None) is True  # --color wins


def test_colour_marks_levels_and_codes(tmp_path: Path) -> None:
    shutil.copy(SAMPLE_2019, tmp_path / "sample.txt")
    args = ["check", "sample.txt", "--select", SAMPLE_RULES]
    plain = invoke(args, tmp_path).stdout
    assert "\x1b[" not in plain  # not a terminal
    coloured = invoke([*args, "--color"], tmp_path).stdout
    assert "\x1b[33m\x1b[1mRL003 [warning]\x1b[0m" in coloured  # yellow
    assert "\x1b[31m\x1b[1mPI002\x1b[0m" in coloured  # red
    assert "\x1b[" not in invoke([*args, "--no-color"], tmp_path).stdout


@pytest.mark.parametrize(
    ("flags", "code"),
    [
        ([], 1),
        (["--fail-level", "note"], 1),
        (["--fail-level", "warning"], 1),
        (["--exit-zero"], 0),
    ],
)
def test_fail_level(tmp_path: Path, flags: list[str], code: int) -> None:
    shutil.copy(SAMPLE_2019, tmp_path / "sample.txt")
    assert invoke(["check", "sample.txt", "--select", "RL003", *flags], tmp_path).exit_code == code


def test_fail_level_error_passes_warnings_and_fails_errors(tmp_path: Path) -> None:
    shutil.copy(SAMPLE_2019, tmp_path / "sample.txt")
    warnings_only = invoke(
        ["check", "sample.txt", "--select", "RL003", "--fail-level", "error"], tmp_path
    )
    assert warnings_only.exit_code == 0
    assert "RL003 [warning]" in warnings_only.stdout  # still shown
    with_error = invoke(
        ["check", "sample.txt", "--select", SAMPLE_RULES, "--fail-level", "error"], tmp_path
    )
    assert with_error.exit_code == 1


def test_config_prints_the_effective_values_and_their_origin(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.gongkai-lint]\nignore = ["AP005"]\n'
        'levels = { PI004 = "off" }\n\n[tool.gongkai-lint.limits]\ntime-limit-seconds = 60\n',
        encoding="utf-8",
    )
    (tmp_path / "sub").mkdir()
    result = invoke(["config"], tmp_path / "sub")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert (
        lines[0] == "# Configuration read from ../pyproject.toml; command-line flags override it."
    )
    assert 'ignore = ["AP005"]  # ../pyproject.toml' in lines
    assert 'levels = { "PI004" = "off" }  # ../pyproject.toml' in lines
    assert "time-limit-seconds = 60  # ../pyproject.toml" in lines
    assert 'select = ["ALL"]  # default' in lines
    assert 'edition = "auto"  # default' in lines
    # The output is TOML that reads back as the same configuration.
    (tmp_path / "gongkai-lint.toml").write_text(result.stdout, encoding="utf-8")
    again = load_config(tmp_path / "gongkai-lint.toml")
    first = load_config(tmp_path / "pyproject.toml")
    assert (again.ignore, again.levels, again.limits) == (first.ignore, first.levels, first.limits)
    isolated = invoke(["config", "--isolated"], tmp_path)
    assert isolated.stdout.startswith("# No configuration file found")


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts(tmp_path: Path, shell: str) -> None:
    result = invoke(["completion", shell], tmp_path)
    assert result.exit_code == 0
    assert "_GONGKAI_LINT_COMPLETE" in result.stdout


def test_bash_completion_completes_commands(tmp_path: Path) -> None:
    bash = shutil.which("bash")
    program = Path(sys.executable).parent / "gongkai-lint"
    if bash is None or not program.exists():
        pytest.skip("bash or the installed gongkai-lint script is not available")
    env = {**os.environ, "PATH": f"{program.parent}{os.pathsep}{os.environ['PATH']}"}
    script = (
        'eval "$(gongkai-lint completion bash)"; '
        "COMP_WORDS=(gongkai-lint co); COMP_CWORD=1; _gongkai_lint_completion gongkai-lint; "
        'echo "${COMPREPLY[@]}"'
    )
    done = subprocess.run(
        [bash, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "completion" in done.stdout.split() and "config" in done.stdout.split()
