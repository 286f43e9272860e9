"""One fuzz campaign: write the mutants, check them in one batch as a user would (the
installed command, a SARIF log), and hold every mutant to the promise:

- every file is accounted for (an artifact in the log): no lost file;
- no traceback, exit 0 or 1;
- no internal error (a rule that failed, "a bug in the tool", a worker that died);
- no hang (nothing stopped by the time limit) and no file past the memory limit;
- an unreadable file is exactly one XT001.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from .mutants import mutants

INTERNAL = ("internal error", "bug in the tool", "failed to pass back")


@dataclass
class Outcome:
    mutants: int = 0
    seconds: float = 0.0
    exit_code: int | None = None
    peak_memory_mib: float = 0.0
    tracebacks: int = 0
    internal_errors: int = 0
    crashes: int = 0
    hangs: int = 0
    memory_stops: int = 0
    lost_files: int = 0
    double_xt001: int = 0
    unreadable: int = 0
    findings: int = 0
    # (mutant, how it was made, what went wrong): the reproducers.
    problems: list[tuple[str, str, str]] = field(default_factory=list)
    by_form: Counter = field(default_factory=Counter)

    @property
    def ok(self) -> bool:
        return not self.problems and self.exit_code in (0, 1)

    def summary(self) -> str:
        return (
            f"{self.mutants} mutants in {self.seconds:.1f} s (exit {self.exit_code}): "
            f"{self.tracebacks} tracebacks, {self.internal_errors} internal errors, "
            f"{self.crashes} crashed workers, {self.hangs} hangs, {self.memory_stops} over "
            f"the memory limit, {self.lost_files} lost files, {self.double_xt001} files with "
            f"more than one XT001; {self.unreadable} unreadable (XT001), {self.findings} "
            f"findings; peak memory {self.peak_memory_mib:.0f} MiB"
        )


_MEASURE = (
    "import resource, subprocess, sys\n"
    "code = subprocess.call(sys.argv[2:])\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "open(sys.argv[1], 'w').write(str(peak))\n"
    "sys.exit(code)\n"
)


def run(workdir: Path, count: int, seed: int = 13, jobs: int = 2, time_limit: int = 30) -> Outcome:
    """Write ``count`` mutants under ``workdir`` and check them; see :class:`Outcome`."""
    folder = workdir / "mutants"
    folder.mkdir(parents=True, exist_ok=True)
    made: dict[str, str] = {}
    outcome = Outcome()
    for name, data, how in mutants(seed, count):
        (folder / name).write_bytes(data)
        made[name] = how
        outcome.by_form[name.split("_", 1)[1].split(".")[0]] += 1
    outcome.mutants = len(made)
    (workdir / "fuzz.toml").write_text(f"[limits]\ntime-limit-seconds = {time_limit}\n")
    log = workdir / "out.sarif"
    peak = workdir / "peak"
    command = [sys.executable, "-c", _MEASURE, str(peak), sys.executable, "-m", "linter.cli"]
    command += ["check", "mutants", "--config", "fuzz.toml", "--lang", "en", "--jobs", str(jobs)]
    command += ["--output-format", "sarif", "-o", str(log), "--no-embed-text"]
    started = time.monotonic()
    done = subprocess.run(
        command, cwd=workdir, capture_output=True, timeout=max(600, count * 5), env=_env()
    )
    outcome.seconds = time.monotonic() - started
    outcome.exit_code = done.returncode
    stderr = done.stderr.decode("utf-8", "replace")
    if "Traceback" in stderr:
        outcome.tracebacks = stderr.count("Traceback")
        outcome.problems.append(("(run)", "", stderr[-2000:]))
    if done.returncode not in (0, 1):
        outcome.problems.append(("(run)", "", f"exit {done.returncode}: {stderr[-500:]}"))
        return outcome
    outcome.peak_memory_mib = int(peak.read_text()) / 1024
    _judge(json.loads(log.read_text(encoding="utf-8")), made, outcome)
    return outcome


def _env() -> dict[str, str]:
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _judge(log: dict, made: dict[str, str], outcome: Outcome) -> None:
    run = log["runs"][0]
    names = [unquote(a["location"]["uri"]).rsplit("/", 1)[-1] for a in run.get("artifacts", [])]
    for lost in sorted(set(made) - set(names)):
        outcome.lost_files += 1
        outcome.problems.append((lost, made[lost], "not in the SARIF artifacts"))
    per_file: dict[str, list[dict]] = {}
    for result in run.get("results", []):
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        index = location.get("index")
        name = names[index] if index is not None else unquote(location["uri"]).rsplit("/", 1)[-1]
        per_file.setdefault(name, []).append(result)
    for name, results in per_file.items():
        how = made.get(name, "?")
        outcome.findings += len(results)
        texts = [r["message"]["text"] for r in results]
        xt001 = [t for t, r in zip(texts, results, strict=True) if r["ruleId"] == "XT001"]
        outcome.unreadable += bool(xt001)
        if len(xt001) > 1:
            outcome.double_xt001 += 1
            outcome.problems.append((name, how, f"{len(xt001)} XT001"))
        for text in texts:
            if any(marker in text for marker in INTERNAL):
                outcome.internal_errors += 1
                outcome.problems.append((name, how, text[:300]))
            elif "ended unexpectedly" in text:
                outcome.crashes += 1
                outcome.problems.append((name, how, text[:300]))
            elif "took over the limit" in text:
                outcome.hangs += 1
                outcome.problems.append((name, how, text[:300]))
            elif "more than the memory limit" in text:
                outcome.memory_stops += 1
                outcome.problems.append((name, how, text[:300]))
