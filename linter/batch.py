"""Linting many files: a process pool, results streamed in a deterministic order.

Each worker process builds its own engine from an :class:`EngineSpec` (plugins are
loaded once per worker) and returns a slim :class:`FileResult` — the report's identity
and the findings, not its whole intermediate form — so the parent's memory stays flat as
the batch grows. A watchdog in the parent holds a time and a memory limit per file even
inside C code (libxml2): it kills the worker, reports the file as XT001 and starts a new
worker. Workers end with the parent, however it ends.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from linter.config import Config
from linter.engine import Engine, FileResult, unreadable_result
from linter.finding import tallies
from linter.manifest import Manifest
from linter.model import ABSENT, Article20, Report


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
    # A reporter's worker side (``fragment(result)``, e.g. SARIF): each worker renders
    # its files' output, and the parent only splices the text in input order.
    renderer: Any = None
    # With a renderer: send the findings whole (the audit store keeps them), not only
    # what the parent counts of them (see :func:`rendered`).
    whole_findings: bool = False
    # File -> the name it is shown by (a report read from standard input).
    aliases: tuple[tuple[str, str], ...] = ()

    def build(self) -> Engine:
        from linter.plugins import load_plugins

        engine = Engine.from_config(
            load_plugins(),
            self.config,
            select=self.select,
            extend_select=self.extend_select,
            ignore=self.ignore,
            root=self.root,
            manifest=self.manifest,
        )
        engine.aliases = dict(self.aliases)
        return engine


def lint_one(
    engine: Engine, path: Path, time_limit: float | None, keep_report: bool = False
) -> FileResult:
    """Lint one file in a worker process that is stopped past ``time_limit`` seconds;
    the result is slim (see :func:`slim`) unless ``keep_report``."""
    limits = replace(engine.limits, time_limit_seconds=time_limit or 0)
    spec = EngineSpec(keep_reports=keep_report)
    return next(iter(lint_files([path], spec, 1, engine=replace(engine, limits=limits))))


def parse_one(engine: Engine, path: Path) -> Report:
    """Read and interpret one file as ``check`` does — in a worker held to the engine's
    time and memory limits (a hostile file stopped, not hung on) — without the rules."""
    from linter.engine import Selection

    bare = replace(engine, selection=Selection(ignore=("ALL",)))
    return next(iter(lint_files([path], EngineSpec(keep_reports=True), 1, engine=bare))).report


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
        # the narrative's figures: only a reporter that keeps whole reports (the HTML
        # audit) shows them; they were a third of a slim result's pickling
        statements=None,
    )
    return FileResult(
        result.path, report, result.findings, facts=result.facts, skipped=result.skipped
    )


def rendered(result: FileResult, renderer: Any, whole_findings: bool = False) -> FileResult:
    """The result with its output rendered here (in the worker): besides the fragment,
    the parent only counts the findings (summary, exit code, progress: their Tally), so
    their messages, locations and the extracted text stay behind — they were most of
    what crossed between processes; nor does it read the report, which stays behind
    too. ``whole_findings``: the parent keeps each finding (the audit store); they cross
    without their related locations."""
    fragment = renderer.fragment(result)
    return FileResult(
        result.path,
        None,  # type: ignore[arg-type]
        # pickled light: see FileResult.__getstate__
        result.findings if whole_findings else tallies(result.findings),
        result.suppressed,
        facts=result.facts,
        skipped=result.skipped,
        rendered=fragment,
    )


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def lint_files(
    files: Sequence[Path | str], spec: EngineSpec, jobs: int, engine: Engine | None = None
) -> Iterator[FileResult]:
    """Results in the order of ``files``, streamed as they complete.

    Every file is read in a worker process (with one job too): C code such as libxml2
    cannot be interrupted from inside, so a watchdog in this process stops a worker that
    runs past the time limit or the memory limit, reports the file as XT001, starts a
    new worker and goes on. Closing the iterator (an interrupt) stops every worker.
    """
    if not files:
        return
    watchdog = _Watchdog(spec, engine, max(1, min(jobs, len(files))))
    try:
        yield from watchdog.run(files)
    finally:
        watchdog.stop()


# --- the worker side --------------------------------------------------------------


def _worker_main(conn, engine: Engine | None, spec: EngineSpec, parent: int) -> None:
    """Lint the files the parent sends, one at a time, until told to stop or orphaned."""
    _die_with_parent(parent)
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            # Ctrl-C reaches the whole process group: the parent decides. A forked worker
            # must not keep the parent's SIGTERM handler either.
            signal.signal(
                getattr(signal, name), signal.SIG_IGN if name == "SIGINT" else signal.SIG_DFL
            )
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)
    engine = engine or spec.build()
    # What the worker made to get going lives as long as it does: never scanned again.
    # Each report then makes tens of thousands of short-lived objects (cells, anchors,
    # findings) that reference counting frees; collecting the young generation every
    # 20,000 allocations instead of 700 saved about 5% of a report's CPU on the bench.
    gc.freeze()
    gc.set_threshold(20_000)
    handled = 0
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if task is None:
            return
        handled += 1
        if handled % _COLLECT_EVERY == 0:
            # A report's IR holds reference cycles: those that outlive a young
            # collection pile up in the oldest generation, which the collector rarely
            # scans on its own — the worker's memory grew with the batch (84 -> 106 MiB
            # from 1,000 to 8,000 reports). A full collection now and then keeps it flat
            # and costs little: what the worker made to get going is frozen.
            gc.collect()
        index, path = task
        result = engine.lint_path(Path(path))
        if not spec.keep_reports:
            result = slim(result)
        if spec.renderer is not None:
            try:
                result = rendered(result, spec.renderer, spec.whole_findings)
            except Exception:  # rendered by the parent instead, as without a renderer
                pass
        try:
            conn.send((index, result))
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError) as exc:
            conn.send((index, _failed(engine, path, f"{type(exc).__name__}: {exc}")))
        except (EOFError, OSError):
            return


def _die_with_parent(parent: int) -> None:
    """The worker ends when the parent does, even killed with SIGKILL."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            pr_set_pdeathsig = 1
            if libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0) == 0:
                if os.getppid() != parent:  # the parent died before prctl took effect
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass
    # Elsewhere: a thread that watches for the parent to go.
    import threading

    def watch() -> None:
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


# --- the parent side --------------------------------------------------------------

_STOP_SIGNALS = {
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
}
# Reports a worker lints between full garbage collections (see _worker_main).
_COLLECT_EVERY = 50
# How often a busy worker's memory is looked at.
_POLL_SECONDS = 0.1


@dataclass
class _Worker:
    process: Any
    conn: Any
    task: tuple[int, Path | str] | None = None
    started: float = 0.0


class _Watchdog:
    def __init__(self, spec: EngineSpec, engine: Engine | None, jobs: int) -> None:
        import multiprocessing

        self.spec = spec
        self.engine = engine
        self.jobs = jobs
        self.limits = engine.limits if engine is not None else spec.config.limits
        fork = sys.platform.startswith("linux")
        self.context = multiprocessing.get_context("fork" if fork else "spawn")
        # A forked worker uses the parent's engine as it is (no plugin loading);
        # a spawned one builds its own from the spec.
        self.worker_engine = engine if fork else None
        self.workers: list[_Worker] = []

    # Starting and stopping workers.

    def _start(self) -> _Worker:
        parent_end, child_end = self.context.Pipe(duplex=True)
        process = self.context.Process(
            target=_worker_main,
            args=(child_end, self.worker_engine, self.spec, os.getpid()),
            daemon=True,
            name="gongkai-lint-worker",
        )
        # Signals are held while forking: a Ctrl-C then must not hit a half-made worker.
        masked = hasattr(signal, "pthread_sigmask")
        if masked:
            signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
        # A forked worker's garbage collector would touch, and so copy, every page of
        # the parent's objects: they are frozen for the fork (the child keeps them so).
        gc.freeze()
        try:
            process.start()
        finally:
            gc.unfreeze()
            if masked:
                signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)
        child_end.close()
        return _Worker(process, parent_end)

    def _kill(self, worker: _Worker) -> None:
        try:
            worker.process.kill()
        except (OSError, ValueError, AttributeError):
            pass
        worker.process.join(timeout=5)
        worker.conn.close()

    def stop(self) -> None:
        """Stop every worker: politely when idle, at once when busy."""
        for worker in self.workers:
            if worker.task is None and worker.process.is_alive():
                try:
                    worker.conn.send(None)
                except (OSError, ValueError):
                    pass
        deadline = time.monotonic() + 1.0
        for worker in self.workers:
            if worker.task is None:
                worker.process.join(timeout=max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                self._kill(worker)
            else:
                worker.process.join(timeout=1)
                worker.conn.close()
        self.workers = []

    # The loop.

    def run(self, files: Sequence[Path | str]) -> Iterator[FileResult]:
        time_limit = self.limits.time_limit_seconds or 0
        memory_limit = self.limits.max_memory_bytes if _can_measure_memory() else 0
        given = 0  # files[given:] are still to be sent, in input order
        done: dict[int, FileResult] = {}
        next_out = 0
        # Results finished ahead of a slow file wait for it; this bounds how many.
        window = max(64, self.jobs * 16)
        self.workers = [self._start() for _ in range(self.jobs)]
        while next_out < len(files):
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
            if next_out >= len(files):
                break
            for worker in self.workers:
                if worker.task is None and given < len(files) and given < next_out + window:
                    worker.task = (given, files[given])
                    given += 1
                    worker.started = time.monotonic()
                    try:
                        worker.conn.send(worker.task)
                    except (OSError, ValueError):
                        pass  # a dead worker: found below by its sentinel
            busy = [w for w in self.workers if w.task is not None]
            now = time.monotonic()
            timeout = None
            if time_limit:
                timeout = max(0.0, min(w.started + time_limit - now for w in busy))
            if memory_limit:
                timeout = _POLL_SECONDS if timeout is None else min(timeout, _POLL_SECONDS)
            ready = set(_wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout))
            for i, worker in enumerate(self.workers):
                if worker.task is None:
                    continue
                index, path = worker.task
                failure: tuple[str, str] | None = None
                if worker.conn in ready or worker.process.sentinel in ready:
                    try:
                        got, result = worker.conn.recv()
                        done[got] = result
                        worker.task = None
                        continue
                    except (EOFError, OSError, pickle.UnpicklingError):
                        worker.process.join(timeout=5)
                        failure = _died(worker.process.exitcode)
                elif time_limit and time.monotonic() - worker.started > time_limit:
                    failure = _too_slow(time_limit, time.monotonic() - worker.started)
                elif memory_limit and (rss := _resident(worker.process.pid)) > memory_limit:
                    failure = _too_big(memory_limit, rss)
                if failure is not None:
                    self._kill(worker)
                    done[index] = _failed(self._parent_engine(), Path(path), *failure)
                    self.workers[i] = self._start()

    def _parent_engine(self) -> Engine:
        if self.engine is None:
            self.engine = self.spec.build()
        return self.engine


def _wait(objects: list, timeout: float | None) -> list:
    from multiprocessing.connection import wait

    return wait(objects, timeout)


def _failed(engine: Engine, path: Path, detail_zh: str, detail_en: str | None = None) -> FileResult:
    if detail_en is None:  # an internal error passing the result back
        what = detail_zh
        detail_zh = f"工具内部出错，未能传回该文件的检查结果：{what}。这是工具的缺陷，请报告；其余文件照常检查。"
        detail_en = (
            f"the tool failed to pass back the results for this file: {what}. This is a bug "
            "in the tool, please report it; the other files are still checked."
        )
    return unreadable_result(engine, path, detail_zh, detail_en)


def _too_slow(limit: float, seconds: float) -> tuple[str, str]:
    return (
        f"读取和检查该文件用时超过 {limit:g} 秒上限（已用 {seconds:.1f} 秒），已中止；文件可能异常庞大或结构异常。"
        "其余文件照常检查；如确需检查，请在配置中调高 time-limit-seconds。",
        f"reading and checking the file took over the limit of {limit:g} s "
        f"({seconds:.1f} s) and was stopped; the file may be pathologically large or "
        "malformed. The other files were still checked; raise time-limit-seconds in "
        "the configuration if needed.",
    )


def _too_big(limit: int, used: int) -> tuple[str, str]:
    mib = 1024 * 1024
    return (
        f"读取和检查该文件占用内存超过 {limit // mib:,} MiB 上限（已用 {used // mib:,} MiB），已中止；"
        "文件可能异常庞大或结构异常。其余文件照常检查；如确需检查，请在配置中调高 max-memory-bytes。",
        f"reading and checking the file took more than the memory limit of {limit // mib:,} MiB "
        f"({used // mib:,} MiB) and was stopped; the file may be pathologically large or "
        "malformed. The other files were still checked; raise max-memory-bytes in the "
        "configuration if needed.",
    )


def _died(exitcode: int | None) -> tuple[str, str]:
    how = ""
    if exitcode is not None and exitcode < 0:
        try:
            how = f" ({signal.Signals(-exitcode).name})"
        except ValueError:
            how = f" (signal {-exitcode})"
    elif exitcode is not None:
        how = f" (exit status {exitcode})"
    return (
        f"读取该文件的进程意外终止{how}；可能是文件触发了解析库的缺陷，或系统内存不足。其余文件照常检查；请报告此文件。",
        f"the process reading the file ended unexpectedly{how}; the file may trigger a "
        "fault in a parsing library, or the system ran out of memory. The other files "
        "were still checked; please report the file.",
    )


def _can_measure_memory() -> bool:
    return os.path.exists("/proc/self/statm")


def _resident(pid: int) -> int:
    """Resident memory of a process in bytes (Linux), 0 when it cannot be read."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


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


# --- one batch, from files to reporter ---------------------------------------------------

# How many of the reports a rule could not check are named on standard error.
SKIPPED_NAMED = 3
_LEVEL_RANK = {"note": 0, "warning": 1, "error": 2}


def failing(findings, fail_level: str) -> int:
    """How many findings are at ``fail_level`` or above (they make the exit code 1)."""
    floor = _LEVEL_RANK[fail_level]
    return sum(1 for f in findings if _LEVEL_RANK.get(f.level, 2) >= floor)


@dataclass
class BatchRun:
    """What a batch left besides its output: counts for the exit code and the summary."""

    # Findings at the fail level or above (the exit code is 1 when any).
    failing: int = 0
    stats: Any = None  # linter.reporters.statistics.Statistics
    # (rule code, reason) -> [reports a rule could not check for that reason, the first
    # few of them].
    skipped: dict[tuple[str, str], list] = field(default_factory=dict)


def run_batch(
    engine: Engine,
    spec: EngineSpec,
    files: Sequence[Path | str],
    jobs: int,
    reporter,
    fact_store,
    *,
    baseline=None,
    fail_level: str = "note",
    lang: str = "zh",
    progress: Progress | None = None,
) -> BatchRun:
    """Lint ``files`` (in ``jobs`` workers), feed each result to ``reporter`` in input
    order, then run the batch rules over the facts kept in ``fact_store`` and feed their
    findings too. A ``baseline`` marks accepted findings. The caller owns the output (it
    calls ``reporter.finish()``) and the exit code; the workers are stopped however this
    ends."""
    from linter.reporters.statistics import Statistics

    run = BatchRun(stats=Statistics())
    if spec.renderer is not None and getattr(fact_store, "persistent", False):
        spec = replace(spec, whole_findings=True)  # the audit store keeps every finding
    results = lint_files(files, spec, jobs, engine=engine)
    try:
        stream = iter_with_progress(results, progress) if progress is not None else results
        for result in stream:
            if baseline is not None:
                result = baseline.apply(result)
            for code, reason_zh, reason_en in result.skipped:
                key = (code, reason_en if lang == "en" else reason_zh)
                seen = run.skipped.setdefault(key, [0, []])
                seen[0] += 1
                if len(seen[1]) < SKIPPED_NAMED:
                    seen[1].append(result.path)
            for code, facts in result.facts.items():
                fact_store.add(code, facts)
            result.facts = {}
            fact_store.add_findings(result.findings)
            run.failing += failing(result.findings, fail_level)
            run.stats.add(result.findings, report=True)
            reporter.file(result)
        fact_store.finish(len(files))
        if engine.batch_rules:
            # One report's batch findings at a time, in order: they wait in the fact
            # store, not in memory. Every reporter takes them report by report as it
            # would all at once (each groups them by report).
            for later in fact_store.in_order(engine.iter_batch(fact_store)):
                accepted: list = []
                if baseline is not None:
                    later, accepted = baseline.split(later)
                fact_store.add_findings(later)
                run.failing += failing(later, fail_level)
                run.stats.add(later)
                if later or accepted:
                    reporter.batch(later, accepted)
    finally:
        results.close()  # stops the workers now, not when a traceback is dropped
    return run
