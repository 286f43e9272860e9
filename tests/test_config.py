"""Configuration files as an inspector or CI set-up writes them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from linter.config import ConfigError, find_config, load_config
from tests.conftest import SAMPLE_2019, replace_line, sample_text
from tests.test_cli import run


def test_defaults_when_no_file(tmp_path: Path) -> None:
    assert find_config(tmp_path) is None or find_config(tmp_path).parent != tmp_path
    config = load_config(None)
    assert (config.edition, config.blank_cells, config.select) == ("auto", "warn", ())


def test_pyproject_table_is_found_from_a_subfolder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.gongkai-lint]\nignore = ["PI002"]\nblank-cells = "ignore"\n',
        encoding="utf-8",
    )
    sub = tmp_path / "reports" / "2019"
    sub.mkdir(parents=True)
    path = find_config(sub)
    assert path == tmp_path / "pyproject.toml"
    config = load_config(path)
    assert (config.ignore, config.blank_cells) == (("PI002",), "ignore")


def test_own_file_wins_over_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.gongkai-lint]\nignore = ["AP"]\n', encoding="utf-8"
    )
    (tmp_path / "gongkai-lint.toml").write_text('select = ["PI"]\n', encoding="utf-8")
    assert load_config(find_config(tmp_path)).select == ("PI",)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('blank-cells = "maybe"\n', "blank-cells"),
        ('selectt = ["AP"]\n', "selectt"),
        ('select = ["not a code!"]\n', "select.0"),
        ("[levels]\nAP101 = 'fatal'\n", "levels.AP101"),
        ("select = [\n", "not valid TOML"),
    ],
)
def test_invalid_configuration_is_a_clear_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "gongkai-lint.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as info:
        load_config(path)
    assert str(path) in str(info.value)


def test_cli_reports_a_bad_config_with_exit_2(tmp_path: Path) -> None:
    (tmp_path / "gongkai-lint.toml").write_text('edition = "2020"\n', encoding="utf-8")
    shutil.copy(SAMPLE_2019, tmp_path / "sample.txt")
    result = run(["check", "sample.txt"], tmp_path)
    assert result.exit_code == 2
    assert "configuration error" in result.output and "edition" in result.output
    assert run(["check", "sample.txt", "--isolated"], tmp_path).exit_code == 1


def test_ignore_levels_and_per_file_ignores(tmp_path: Path) -> None:
    (tmp_path / "reports" / "old").mkdir(parents=True)
    shutil.copy(SAMPLE_2019, tmp_path / "reports" / "sample.txt")
    shutil.copy(SAMPLE_2019, tmp_path / "reports" / "old" / "sample.txt")
    (tmp_path / "gongkai-lint.toml").write_text(
        '[levels]\nPI002 = "warning"\n\n[per-file-ignores]\n"reports/old/*" = ["PI"]\n',
        encoding="utf-8",
    )
    result = run(["check", "reports", "--select", "PI002"], tmp_path)
    assert result.exit_code == 1
    assert "reports/sample.txt:392:1: PI002 [warning]" in result.output
    assert "reports/old/sample.txt" not in result.output
    # Command-line --select replaces the file's selection; --ignore adds to it.
    assert (
        run(["check", "reports", "--select", "PI002", "--ignore", "PI002"], tmp_path).exit_code == 0
    )


def test_level_off_disables_a_rule(tmp_path: Path) -> None:
    shutil.copy(SAMPLE_2019, tmp_path / "sample.txt")
    (tmp_path / "gongkai-lint.toml").write_text(
        '[levels]\nno-improvement-measures = "off"\n', encoding="utf-8"
    )
    assert run(["check", "sample.txt", "--select", "PI002"], tmp_path).exit_code == 0


def test_edition_override_is_recorded(tmp_path: Path) -> None:
    from linter.config import Config
    from linter.engine import Engine
    from linter.plugins import load_plugins

    engine = Engine.from_config(load_plugins(), Config(edition="2021"), root=tmp_path)
    changed = tmp_path / "changed.txt"
    changed.write_text(replace_line(sample_text(), 333, "\t5"), encoding="utf-8")
    report = engine.parse(changed)
    assert (report.edition.value, report.edition.decided_by) == ("2021", "config")
    # The table still sums by the layout it was printed in (the 2019 （六） row).
    assert {"AP101", "AP102"} <= {f.code for f in engine.lint_path(changed).findings}


def test_limits_from_config(tmp_path: Path) -> None:
    (tmp_path / "gongkai-lint.toml").write_text(
        "[limits]\nmax-file-bytes = 100\n", encoding="utf-8"
    )
    shutil.copy(SAMPLE_2019, tmp_path / "sample.txt")
    result = run(["check", "sample.txt", "--lang", "en"], tmp_path)
    assert "XT001" in result.output and "over the limit of 100 bytes" in result.output
