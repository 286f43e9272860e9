"""Linting many files: a process pool, results streamed in a deterministic order.

Each worker process builds its own engine from an :class:`EngineSpec` (plugins are
loaded once per worker) and returns a slim :class:`FileResult` — the report's identity
and the findings, not its whole intermediate form — so the parent's memory stays flat as
the batch grows. A per-file time limit turns a pathological file into XT001 instead of
a hung run.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from linter.config import Config
from linter.engine import Engine, FileResult, unreadable_result
from linter.manifest import Manifest
from linter.model import ABSENT, Article20


@dataclass(frozen=True)
class EngineSpec:
    """Everything a worker needs to build the same engine as the parent (picklable)."""

    config: Config = Config()
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    root: Path = field(default_factory=Path.cwd)
    manifest: Manifest | None = None
    # Send each report's whole intermediate form to the parent (a reporter that renders
    # the report itself, such as the HTML audit, needs it); otherwise results are slim.
    keep_reports: bool = False

    def build(self) -> Engine:
        from linter.plugins import load_plugins

        return Engine.from_config(
            load_plugins(),
            self.config,
            select=self.select,
            extend_select=self.extend_select,
            ignore=self.ignore,
            root=self.root,
            manifest=self.manifest,
        )


class _TimeLimit(BaseException):  # not an Exception: no rule or reader may swallow it
    pass


def _on_alarm(signum, frame):  # pragma: no cover - signal handler
    raise _TimeLimit


def lint_one(
    engine: Engine, path: Path, time_limit: float | None, keep_report: bool = False
) -> FileResult:
    """Lint one file under a time limit (where the platform has SIGALRM); the result is
    slim (see :func:`slim`) unless ``keep_report``."""
    use_alarm = bool(time_limit) and hasattr(signal, "setitimer")
    started = time.monotonic()
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, time_limit)
    try:
        result = engine.lint_path(path)
    except _TimeLimit:
        seconds = time.monotonic() - started
        return unreadable_result(
            engine,
            path,
            f"读取和检查该文件用时超过 {time_limit:g} 秒上限（已用 {seconds:.1f} 秒），已中止；文件可能异常庞大或结构异常。"
            "其余文件照常检查；如确需检查，请在配置中调高 time-limit-seconds。",
            f"reading and checking the file took over the limit of {time_limit:g} s "
            f"({seconds:.1f} s) and was stopped; the file may be pathologically large or "
            "malformed. The other files were still checked; raise time-limit-seconds in "
            "the configuration if needed.",
        )
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    return result if keep_report else slim(result)


def slim(result: FileResult) -> FileResult:
    """Drop the bulky parts of the IR that no reporter needs."""
    report = replace(
        result.report,
        sections=(),
        preamble=(),
        repeated_headings=(),
        article20=Article20(present=False),
        applications=ABSENT,
        review_litigation=ABSENT,
    )
    return FileResult(
        result.path, report, result.findings, facts=result.facts, skipped=result.skipped
    )


# Worker-process state: one engine per worker, built once by the pool initializer.
_worker: dict[str, object] = {}


def _init_worker(spec: EngineSpec) -> None:
    # Ctrl-C is handled by the parent; workers just stop with it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker["engine"] = spec.build()
    _worker["keep_reports"] = spec.keep_reports


def _lint_in_worker(path: Path) -> FileResult:
    engine = _worker["engine"]
    assert isinstance(engine, Engine)
    return lint_one(
        engine, path, engine.limits.time_limit_seconds, bool(_worker.get("keep_reports"))
    )


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def lint_files(
    files: list[Path], spec: EngineSpec, jobs: int, engine: Engine | None = None
) -> Iterator[FileResult]:
    """Results in the order of ``files``, streamed as they complete."""
    if jobs <= 1 or len(files) <= 1:
        engine = engine or spec.build()
        for path in files:
            yield lint_one(engine, path, engine.limits.time_limit_seconds, spec.keep_reports)
        return
    # Chunks keep the inter-process traffic low without making the order bursty.
    chunksize = max(1, min(16, len(files) // (jobs * 8) or 1))
    context = None
    if sys.platform != "win32":
        import multiprocessing

        context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_init_worker, initargs=(spec,)
    ) as pool:
        yield from pool.map(_lint_in_worker, files, chunksize=chunksize)


class Progress:
    """files done / total, findings so far, rate — on stderr, only for a terminal."""

    def __init__(self, total: int, stream=None, enabled: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.total = total
        self.done = 0
        self.findings = 0
        self.started = time.monotonic()
        self._last = 0.0

    def update(self, result: FileResult) -> None:
        self.done += 1
        self.findings += len(result.findings)
        now = time.monotonic()
        if self.enabled and (now - self._last > 0.1 or self.done == self.total):
            self._last = now
            rate = self.done / max(now - self.started, 1e-6)
            width = 24
            filled = int(width * self.done / max(self.total, 1))
            bar = "#" * filled + "-" * (width - filled)
            self.stream.write(
                f"\r[{bar}] {self.done}/{self.total} files, {self.findings} findings, {rate:.1f} files/s"
            )
            self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.done:
            self.stream.write("\n")
            self.stream.flush()


def iter_with_progress(results: Iterable[FileResult], progress: Progress) -> Iterator[FileResult]:
    try:
        for result in results:
            progress.update(result)
            yield result
    finally:
        progress.close()
