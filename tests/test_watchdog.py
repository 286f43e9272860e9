"""The watchdog (issue 13): a file that hangs in C code, takes too much memory or kills
its process is XT001 and the batch goes on; workers die with the parent; an interrupted
batch leaves the previous output and no process behind."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from linter.batch import EngineSpec, lint_files
from linter.document import Document
from linter.engine import Engine
from linter.readers import Limits, Reader
from linter.readers.text import TextReader
from linter.rule import Rule
from tests.conftest import SAMPLE_2019
from tests.test_cli import run

LINUX = sys.platform.startswith("linux")
linux_only = pytest.mark.skipif(not LINUX, reason="fork, /proc and PR_SET_PDEATHSIG are Linux")


def many_attributes(count: int = 100_000) -> bytes:
    """A page with one tag carrying ``count`` attributes (libxml2 is quadratic on it)."""
    attributes = b" ".join(b"data-at%d=xyz" % i for i in range(count))
    return b"<html><body><p " + attributes + b">\xe4\xb8\x80</p></body></html>"


class _LibxmlOnAnything(Reader):
    """Hands ``.slow`` files straight to libxml2's HTML parser, without the HTML reader's
    guards: a parse that runs for minutes inside C code."""

    name = "slow-html"
    media_type = "text/html"

    def sniff(self, head: bytes, suffix: str) -> int:
        return 100 if suffix == ".slow" else 0

    def read(self, path: str, data: bytes, limits: Limits) -> Document:
        from lxml import etree

        etree.fromstring(data, etree.HTMLParser())
        return TextReader().read(path, "一、总体情况\n".encode(), limits)


class _Crash(Rule):
    """Ends its process the way a fault in a C library would."""

    code = "ZZ020"
    name = "crash"
    level = "note"
    summary_zh = summary_en = basis_zh = basis_en = "x"

    def check(self, report, context):
        if report.source.path.endswith("crash.txt"):
            import faulthandler

            faulthandler.disable()  # pytest's would print the stack: this crash is planned
            os.kill(os.getpid(), signal.SIGSEGV)
        return []


class _Hog(Rule):
    """Takes memory and holds it."""

    code = "ZZ030"
    name = "hog"
    level = "note"
    summary_zh = summary_en = basis_zh = basis_en = "x"

    def check(self, report, context):
        if report.source.path.endswith("hog.txt"):
            hog = bytearray(400 * 1024 * 1024)
            for i in range(0, len(hog), 4096):
                hog[i] = 1
            time.sleep(30)
        return []


def _engine(plugins, tmp_path: Path, limits: Limits, rule: Rule | None = None) -> Engine:
    rules = dict(plugins.rules)
    if rule is not None:
        rules[rule.code] = rule
    readers = [*plugins.readers, _LibxmlOnAnything()]
    return Engine(
        plugins=type(plugins)(rules=rules, readers=readers, reporters=plugins.reporters),
        root=tmp_path,
        limits=limits,
    )


def _batch(tmp_path: Path, odd: str, data: bytes) -> list[Path]:
    (tmp_path / odd).write_bytes(data)
    good = []
    for name in ("a.txt", "b.txt", "c.txt"):
        shutil.copy(SAMPLE_2019, tmp_path / name)
        good.append(tmp_path / name)
    return [good[0], tmp_path / odd, *good[1:]]


@linux_only
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_parse_stuck_in_c_code_is_stopped_at_the_limit(
    plugins, tmp_path: Path, jobs: int
) -> None:
    files = _batch(tmp_path, "page.slow", many_attributes())
    engine = _engine(plugins, tmp_path, Limits(time_limit_seconds=2))
    started = time.monotonic()
    results = list(lint_files(files, EngineSpec(root=tmp_path), jobs, engine=engine))
    assert time.monotonic() - started < 15
    assert [Path(r.path).name for r in results] == ["a.txt", "page.slow", "b.txt", "c.txt"]
    assert [f.code for f in results[1].findings] == ["XT001"]
    assert "took over the limit of 2 s" in results[1].findings[0].message_en
    for good in (results[0], results[2], results[3]):
        assert good.report.readable and "XT001" not in {f.code for f in good.findings}


@linux_only
def test_a_worker_that_dies_is_xt001_and_replaced(plugins, tmp_path: Path) -> None:
    files = _batch(tmp_path, "crash.txt", SAMPLE_2019.read_bytes())
    engine = _engine(plugins, tmp_path, Limits(), _Crash())
    results = list(lint_files(files, EngineSpec(root=tmp_path), 1, engine=engine))
    assert [Path(r.path).name for r in results] == ["a.txt", "crash.txt", "b.txt", "c.txt"]
    assert [f.code for f in results[1].findings] == ["XT001"]
    assert "ended unexpectedly (SIGSEGV)" in results[1].findings[0].message_en
    assert all(r.report.readable for r in (results[0], results[2], results[3]))


@linux_only
def test_a_file_past_the_memory_limit_is_xt001(plugins, tmp_path: Path) -> None:
    files = _batch(tmp_path, "hog.txt", SAMPLE_2019.read_bytes())
    limits = Limits(max_memory_bytes=300 * 1024 * 1024)
    engine = _engine(plugins, tmp_path, limits, _Hog())
    started = time.monotonic()
    results = list(lint_files(files, EngineSpec(root=tmp_path), 2, engine=engine))
    assert time.monotonic() - started < 20
    assert [f.code for f in results[1].findings] == ["XT001"]
    assert "more than the memory limit of 300 MiB" in results[1].findings[0].message_en
    assert all(r.report.readable for r in (results[0], results[2], results[3]))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_page_with_100000_attributes_on_a_tag_is_xt001_and_the_rest_is_checked(
    tmp_path: Path, jobs: str
) -> None:
    page = many_attributes()
    assert len(page) > 1_500_000
    _batch(tmp_path, "attributes.html", page)
    (tmp_path / "gongkai-lint.toml").write_text("[limits]\ntime-limit-seconds = 5\n")
    started = time.monotonic()
    result = run(
        ["check", ".", "--jobs", jobs, "--select", "XT001,PI002", "--output-format", "json"]
        + ["-o", "out.json"],
        tmp_path,
    )
    assert time.monotonic() - started < 5
    assert result.exit_code == 1
    found = sorted(
        (Path(i["path"]).name, i["code"])
        for i in json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["findings"]
    )
    assert found == [
        ("a.txt", "PI002"),
        ("attributes.html", "XT001"),
        ("b.txt", "PI002"),
        ("c.txt", "PI002"),
    ]


# --- the whole process: signals -------------------------------------------------------


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text()
        found.update(int(p) for p in text.split())
    return found


def _gone_within(pids: set[int], seconds: float) -> list[int]:
    """The processes of ``pids`` still alive after ``seconds`` (polled)."""
    deadline = time.monotonic() + seconds
    while (alive := [pid for pid in pids if _alive(pid)]) and time.monotonic() < deadline:
        time.sleep(0.05)
    return alive


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.fixture
def big_batch(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SAMPLE_2019, folder / "r0000.txt")
    for i in range(1, 2000):
        os.link(folder / "r0000.txt", folder / f"r{i:04d}.txt")
    return folder


def _sigint_as_from_a_terminal() -> None:
    """A shell starts a background job with SIGINT ignored, and Python, like any program,
    keeps an ignore it inherits (no KeyboardInterrupt handler is installed). Run from such a
    job, the suite's batch would never see the test's SIGINT and run to its end: the check
    gets SIGINT as a terminal's Ctrl-C gives it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start_batch(tmp_path: Path) -> subprocess.Popen:
    (tmp_path / "out.sarif").write_text("previous\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "linter.cli", "check", "reports", "--isolated", "--jobs", "2"]
        + ["--output-format", "sarif", "-o", "out.sarif"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=_sigint_as_from_a_terminal,
    )
    deadline = time.monotonic() + 60
    while len(_children(process.pid)) < 2:  # both workers started: the batch is running
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.05)
    time.sleep(0.5)
    return process


@linux_only
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_the_batch_cleanly(big_batch: Path, signum: int) -> None:
    tmp_path = big_batch.parent
    process = _start_batch(tmp_path)
    workers = _children(process.pid)
    status = Path(f"/proc/{process.pid}/status").read_text()
    signals = [line for line in status.splitlines() if line.startswith(("SigBlk", "SigIgn"))]
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=30)
    assert not _gone_within(workers, 2)
    assert process.returncode == 2, (signals, stderr.decode(errors="replace")[-3000:])
    name = "SIGTERM" if signum == signal.SIGTERM else ""
    expected = "gongkai-lint: error: interrupted" + (f" by {name}" if name else "")
    assert stderr.decode().strip() == expected + "; no output was written (out.sarif is unchanged)"
    assert (tmp_path / "out.sarif").read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.sarif", "reports"]


@linux_only
def test_workers_die_with_a_killed_parent(big_batch: Path) -> None:
    tmp_path = big_batch.parent
    process = _start_batch(tmp_path)
    workers = _children(process.pid)
    process.kill()
    process.wait(timeout=10)
    assert not _gone_within(workers, 2)
    assert (tmp_path / "out.sarif").read_text(encoding="utf-8") == "previous\n"


@linux_only
def test_parse_is_held_to_the_limits_as_check_is(tmp_path: Path, monkeypatch) -> None:
    """``gongkai-lint parse`` reads in a worker under the configured time limit: a file the
    tool hangs on is stopped with a clear message, not waited on for ever."""
    import linter.engine

    def hangs(doc, data):
        time.sleep(60)

    monkeypatch.setattr(linter.engine, "interpret", hangs)
    shutil.copy(SAMPLE_2019, tmp_path / "sample.txt")
    (tmp_path / "gongkai-lint.toml").write_text("[limits]\ntime-limit-seconds = 1\n")
    started = time.monotonic()
    result = run(["parse", "sample.txt"], tmp_path)
    assert time.monotonic() - started < 15
    assert result.exit_code == 1
    assert "took over the limit of 1 s" in result.stderr
    assert json.loads(result.stdout)["readable"] is False
