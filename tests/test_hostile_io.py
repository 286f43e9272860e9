"""Bad input around the reports (issue 13): output paths, file names that are not UTF-8,
interrupted runs, malformed baselines, manifests and configurations, and selections that
would hide an unreadable file. Each gives one clear line and exit 2 (or the promised
finding), never a traceback, and never destroys an earlier output file."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_2019
from tests.test_cli import run

GBK_NAME = b"\xb9\xfa\xbc\xd2.txt"  # 国家.txt in GBK: not valid UTF-8
LINUX = sys.platform.startswith("linux")


def _one_line_error(result) -> str:
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("gongkai-lint: error")]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    return lines[0]


def _cli(args: list[str], cwd: Path, **kwargs) -> subprocess.CompletedProcess:
    """The installed command in a real process (stdout, signals and file descriptors)."""
    return subprocess.run(
        [sys.executable, "-m", "linter.cli", *args],
        cwd=cwd,
        capture_output=kwargs.pop("capture_output", True),
        timeout=120,
        **kwargs,
    )


# --- file names that are not UTF-8 ----------------------------------------------------


@pytest.fixture
def gbk_folder(tmp_path: Path) -> Path:
    if not LINUX:
        pytest.skip("only POSIX file systems store names that are not UTF-8")
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SAMPLE_2019, os.path.join(os.fsencode(folder), GBK_NAME))
    return folder


@pytest.mark.parametrize("fmt", ["sarif", "json", "csv", "xlsx", "concise", "full", "junit"])
def test_a_gbk_file_name_is_written_by_every_format(gbk_folder: Path, fmt: str) -> None:
    out = gbk_folder.parent / f"out.{fmt}"
    result = run(
        ["check", "reports", "--isolated", "--select", "PI002", "--output-format", fmt]
        + ["-o", str(out)],
        gbk_folder.parent,
    )
    assert result.exit_code == 1, result.output
    assert out.stat().st_size > 0
    if fmt == "sarif":
        log = json.loads(out.read_text(encoding="utf-8"))
        uris = [a["location"]["uri"] for a in log["runs"][0]["artifacts"]]
        # The exact bytes, percent-encoded: the URI leads back to the file.
        assert uris == ["reports/%B9%FA%BC%D2.txt"]
    elif fmt in ("json", "csv", "concise", "full"):
        assert "reports/\ufffd" in out.read_text(encoding="utf-8-sig")


def test_a_gbk_file_name_on_standard_output(gbk_folder: Path) -> None:
    done = _cli(["check", "reports", "--isolated", "--select", "PI002"], gbk_folder.parent)
    assert done.returncode == 1, done.stderr
    assert "reports/\ufffd\ufffd\ufffd\ufffd.txt:392:1: PI002" in done.stdout.decode("utf-8")


# --- output paths -------------------------------------------------------------------


def test_output_into_a_missing_folder_is_refused_before_the_run(tmp_path: Path) -> None:
    shutil.copy(SAMPLE_2019, tmp_path / "a.txt")
    for fmt in ("sarif", "xlsx"):
        result = run(
            ["check", "a.txt", "--output-format", fmt, "-o", f"no/such/out.{fmt}"], tmp_path
        )
        assert "folder no/such does not exist" in _one_line_error(result)


def test_output_onto_a_folder_or_an_input_is_refused(tmp_path: Path) -> None:
    shutil.copy(SAMPLE_2019, tmp_path / "a.txt")
    (tmp_path / "dir").mkdir()
    # -o may name a folder for a format that writes one (html); the others refuse it.
    folder = run(["check", "a.txt", "-o", "dir"], tmp_path)
    assert folder.exit_code == 2 and "-o dir: is a folder; name a file" in folder.output
    assert "is one of the reports" in _one_line_error(
        run(["check", "a.txt", "-o", "a.txt"], tmp_path)
    )
    assert (tmp_path / "a.txt").read_bytes() == SAMPLE_2019.read_bytes()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
def test_a_full_disk_is_one_line(tmp_path: Path) -> None:
    shutil.copy(SAMPLE_2019, tmp_path / "a.txt")
    line = _one_line_error(run(["check", "a.txt", "-o", "/dev/full"], tmp_path))
    assert "cannot write /dev/full: No space left on device; no output was written" in line


def test_a_read_only_output_is_one_line(tmp_path: Path) -> None:
    shutil.copy(SAMPLE_2019, tmp_path / "a.txt")
    if os.geteuid() == 0:  # root writes through file modes: use a file nobody can replace
        target = "/proc/version"
    else:
        (tmp_path / "old.sarif").write_text("old", encoding="utf-8")
        (tmp_path / "old.sarif").chmod(0o444)
        target = "old.sarif"
    line = _one_line_error(
        run(["check", "a.txt", "--output-format", "sarif", "-o", target], tmp_path)
    )
    assert target in line


def test_closed_standard_output_is_one_line(tmp_path: Path) -> None:
    shutil.copy(SAMPLE_2019, tmp_path / "a.txt")
    done = subprocess.run(
        [sys.executable, "-c", "import os, sys; os.close(1); from linter.cli import main; main()"]
        + ["check", "a.txt", "--isolated"],
        cwd=tmp_path,
        stderr=subprocess.PIPE,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr.decode().strip() == (
        "gongkai-lint: error: cannot write to standard output: Bad file descriptor"
    )


def test_an_interrupted_run_leaves_the_previous_output(tmp_path: Path, monkeypatch) -> None:
    for name in ("a.txt", "b.txt"):
        shutil.copy(SAMPLE_2019, tmp_path / name)
    previous = '{"version": "2.1.0", "runs": []}\n'
    for fmt, name in (("sarif", "out.sarif"), ("csv", "out.csv"), ("xlsx", "out.xlsx")):
        (tmp_path / name).write_text(previous, encoding="utf-8")
        import linter.batch

        real = linter.batch.lint_files

        def interrupted(*args, real=real, **kwargs):
            results = real(*args, **kwargs)
            yield next(results)
            results.close()
            raise KeyboardInterrupt

        monkeypatch.setattr(linter.batch, "lint_files", interrupted)
        result = run(["check", "a.txt", "b.txt", "--output-format", fmt, "-o", name], tmp_path)
        monkeypatch.undo()
        line = _one_line_error(result)
        assert (
            line == f"gongkai-lint: error: interrupted; no output was written ({name} is unchanged)"
        )
        assert (tmp_path / name).read_text(encoding="utf-8") == previous
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "a.txt",
        "b.txt",
        "out.csv",
        "out.sarif",
        "out.xlsx",
    ]


def test_a_successful_run_replaces_the_output_and_keeps_its_mode(tmp_path: Path) -> None:
    shutil.copy(SAMPLE_2019, tmp_path / "a.txt")
    (tmp_path / "out.json").write_text("old", encoding="utf-8")
    (tmp_path / "out.json").chmod(0o640)
    result = run(
        ["check", "a.txt", "--isolated", "--output-format", "json", "-o", "out.json"], tmp_path
    )
    assert result.exit_code == 1
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert (tmp_path / "out.json").stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "out.json"]


# --- baselines ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"version": "2.1.0", "runs": 5}', "runs: 5 is not of type 'array'"),
        ('{"version": "2.1.0", "runs": [{"results": ["a", "b"]}]}', "is not of type 'object'"),
        (
            '{"version": "2.1.0", "runs": [{"results": [{"partialFingerprints": {"gongkaiLint/v1": ["x"]}}]}]}',
            "is not of type 'string'",
        ),
        ("[" * 100_000 + "]" * 100_000, "nested deeper than the limit of 64 levels"),
        ('{"version": "2.1.0", "runs": [], "n": ' + "9" * 5000 + "}", "a number of 5000 digits"),
        ('{"version": "2.1.0", "runs": [], "n": NaN}', "NaN is not a JSON number"),
        ("\x00\x01", "not a JSON SARIF log"),
    ],
)
def test_malformed_baselines_are_one_line(tmp_path: Path, content: str, message: str) -> None:
    shutil.copy(SAMPLE_2019, tmp_path / "a.txt")
    (tmp_path / "base.sarif").write_text(content, encoding="utf-8")
    line = _one_line_error(run(["check", "a.txt", "--baseline", "base.sarif"], tmp_path))
    assert "base.sarif" in line and message in line


# --- manifests ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[{"path": "a\\u0000.txt"}]', "row 1: the path contains a NUL byte"),
        ("[" * 100_000 + "]" * 100_000, "nested deeper than the limit of 8 levels"),
        ('[{"path": "a.txt", "year": ' + "2" * 5000 + "}]", "a number of 5000 digits"),
        ('[{"path": "a.txt", "published": "2020-13-45"}]', "is not a 'date'"),
        ('[{"path": "a.txt", "year": "2020"}]', "is not of type 'integer'"),
        ("path,year\na.txt," + "9" * 5000 + "\n", "is not a year"),
    ],
)
def test_malformed_manifests_are_one_line(tmp_path: Path, content: str, message: str) -> None:
    shutil.copy(SAMPLE_2019, tmp_path / "a.txt")
    name = "m.csv" if content.startswith("path") else "m.json"
    (tmp_path / name).write_text(content, encoding="utf-8")
    line = _one_line_error(run(["check", "a.txt", "--isolated", "--manifest", name], tmp_path))
    assert name in line and message in line


def test_a_manifest_row_without_a_file_is_a_warning_and_a_notification(tmp_path: Path) -> None:
    shutil.copy(SAMPLE_2019, tmp_path / "a.txt")
    (tmp_path / "m.csv").write_text("path,year\na.txt,2019\ngone.txt,2020\n", encoding="utf-8")
    result = run(
        ["check", "a.txt", "--isolated", "--manifest", "m.csv", "--output-format", "sarif"]
        + ["-o", "out.sarif"],
        tmp_path,
    )
    assert result.exit_code == 1
    assert (
        "gongkai-lint: warning: manifest m.csv: no file gone.txt; its row was not used"
        in result.stderr
    )
    log = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert any("no file gone.txt" in n["message"]["text"] for n in notes)


# --- configuration ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (
            "[limits]\ntime-limit-seconds = inf",
            "limits.time-limit-seconds: inf is greater than the maximum of 3600",
        ),
        (
            "[limits]\ntime-limit-seconds = 1e300",
            "limits.time-limit-seconds: 1e+300 is greater than the maximum of 3600",
        ),
        (
            "[limits]\ntime-limit-seconds = 1e-300",
            "limits.time-limit-seconds: 1e-300 is less than the minimum of 1",
        ),
        ("[limits]\ntime-limit-seconds = nan", "limits.time-limit-seconds: nan is not a number"),
        (
            "[limits]\nmax-file-bytes = 9223372036854775807",
            "limits.max-file-bytes: 9223372036854775807 is greater than the maximum of 4294967296",
        ),
        (
            '[options]\ncy003-section5-threshold = "high"',
            "options.cy003-section5-threshold: 'high' is not of type 'number'",
        ),
        (
            '[deadlines]\ngovernment = "02-30"',
            "deadlines.government: '02-30' is not a date of every year",
        ),
        ('[deadlines]\ndepartment = "13-01"', "deadlines.department: '13-01' does not match"),
        ('select = ["ZZ"]', "select: no rule matches ZZ"),
    ],
)
def test_extreme_configuration_values_are_one_line(tmp_path: Path, toml: str, message: str) -> None:
    shutil.copy(SAMPLE_2019, tmp_path / "a.txt")
    (tmp_path / "gongkai-lint.toml").write_text(toml + "\n", encoding="utf-8")
    line = _one_line_error(run(["check", "a.txt"], tmp_path))
    assert "gongkai-lint.toml" in line and message in line, line


def test_a_broken_pyproject_with_our_table_is_an_error(tmp_path: Path) -> None:
    shutil.copy(SAMPLE_2019, tmp_path / "a.txt")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.gongkai-lint]\nselect = ["AP"\n', encoding="utf-8"
    )
    line = _one_line_error(run(["check", "a.txt"], tmp_path))
    assert (
        "pyproject.toml: not valid TOML, so its [tool.gongkai-lint] settings cannot be read" in line
    )
    # Someone else's broken pyproject.toml is not ours: it is passed over as before.
    (tmp_path / "pyproject.toml").write_text("[tool.other]\nx = [\n", encoding="utf-8")
    assert run(["check", "a.txt", "--select", "PI002"], tmp_path).exit_code == 1


# --- an unreadable file cannot pass unseen ------------------------------------------


@pytest.mark.parametrize(
    "args",
    [["--select", "AP101"], ["--ignore", "XT"], ["--select", "AP101", "--ignore", "XT001"]],
)
def test_selection_cannot_hide_an_unreadable_file(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "corrupt.docx").write_bytes(b"PK\x03\x04" + bytes(300))
    shutil.copy(SAMPLE_2019, tmp_path / "good.txt")
    result = run(["check", "corrupt.docx", "good.txt", "--isolated", *args], tmp_path)
    assert result.exit_code == 1, result.output
    assert result.stdout.startswith("corrupt.docx:1:1: XT001 ")
    assert result.stdout.splitlines()[-1].startswith("共检查 2 个文件")


def test_configured_ignore_and_off_cannot_hide_an_unreadable_file(tmp_path: Path) -> None:
    (tmp_path / "corrupt.docx").write_bytes(b"PK\x03\x04" + bytes(300))
    (tmp_path / "gongkai-lint.toml").write_text(
        'ignore = ["XT"]\nselect = ["AP101"]\n[levels]\nXT001 = "off"\n'
        '[per-file-ignores]\n"*.docx" = ["XT001"]\n',
        encoding="utf-8",
    )
    result = run(["check", "corrupt.docx"], tmp_path)
    assert result.exit_code == 1 and "XT001" in result.stdout


def test_an_unlistable_folder_is_a_warning(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "reports"
    (folder / "locked").mkdir(parents=True)
    shutil.copy(SAMPLE_2019, folder / "a.txt")
    locked = str(folder / "locked")
    if os.geteuid() == 0:  # root lists any folder: make this one fail as it would for a user
        real = os.scandir

        def scandir(path="."):
            if os.path.abspath(os.fspath(path)) == locked:
                raise PermissionError(13, "Permission denied", path)
            return real(path)

        monkeypatch.setattr(os, "scandir", scandir)
    else:
        os.chmod(locked, 0)
    try:
        result = run(
            ["check", "reports", "--isolated", "--select", "PI002", "--output-format", "sarif"]
            + ["-o", "out.sarif"],
            tmp_path,
        )
    finally:
        os.chmod(locked, 0o755)
    assert result.exit_code == 1
    assert (
        "gongkai-lint: warning: cannot list the folder reports/locked: Permission denied; "
        "the files in it were not checked"
    ) in result.stderr
    log = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert any("cannot list the folder" in n["message"]["text"] for n in notes)


def test_the_fast_exit_keeps_outputs_exit_codes_and_clean_up(tmp_path: Path) -> None:
    """The command leaves with os._exit (no interpreter teardown): what it wrote is all
    there, its exit codes are the command's, and the atexit clean-up still ran."""
    shutil.copy(SAMPLE_2019, tmp_path / "a.txt")
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    wrote = _cli(
        ["check", "a.txt", "--isolated", "--output-format", "sarif", "-o", "o.sarif"],
        tmp_path,
        env=env,
    )
    assert wrote.returncode == 1, wrote.stderr
    log = json.loads((tmp_path / "o.sarif").read_text(encoding="utf-8"))
    assert log["runs"][0]["results"]
    listed = _cli(["check", "a.txt", "--isolated", "--output-format", "json"], tmp_path, env=env)
    assert listed.returncode == 1
    assert json.loads(listed.stdout)  # the whole document reached the pipe
    clean = _cli(["check", "a.txt", "--isolated", "--select", "XT001"], tmp_path, env=env)
    assert clean.returncode == 0, clean.stdout
    usage = _cli(["check", "--no-such-option"], tmp_path, env=env)
    assert usage.returncode == 2 and b"no-such-option" in usage.stderr
    for extra, code in (([], 1), (["no-such-file.txt"], 2)):  # 2: ended by a usage error
        staged = _cli(
            ["check", "-", *extra, "--isolated", "--stdin-filename", "b.txt"],
            tmp_path,
            env=env,
            input=SAMPLE_2019.read_bytes(),
        )
        assert staged.returncode == code, staged.stderr
        assert not list(tmp_path.glob("gongkai-lint-stdin-*"))  # removed (atexit on a usage error)
