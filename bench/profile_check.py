"""Where ``check --jobs 1`` spends its CPU: cProfile of the whole pipeline, by package.

    python bench/profile_check.py FOLDER [-n 400] [--top 25]

It runs what one worker and the parent do for each file — read, interpret, rules,
batch facts, the SARIF fragment, the light result's pickle round trip (what crosses the
pool), the parent's SARIF reporter — then the batch rules and the SARIF log, all in this process under cProfile
(the watchdog's worker processes would hide the work from a profiler in the parent).

Own time is grouped by package: ``readers/html``, ``interpreter``, each rule family
``rules/XX``, ``reporters/sarif``, ``pool transfer`` (pickling), ``lxml``… Time spent in
the standard library and in C built-ins (``str.join``, ``re.Pattern.sub``, ``pathlib``) is
charged to the callers in proportion to their calls' time, so each row is what that
package costs. The files are first run once without the profiler for the real time per
file (cProfile slows Python code several times, C code not at all). Start-up
(imports and plugin loading) is measured apart, in a fresh process.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pickle
import pstats
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def category(filename: str, name: str) -> str:
    """The package a function belongs to, for the table."""
    f = filename.replace("\\", "/")
    if "/linter/readers/" in f:
        return "readers/" + Path(f).stem
    if "/linter/reporters/" in f:
        return "reporters/" + (Path(f).stem if "html_audit" not in f else "html_audit")
    if "/rules/" in f and "/site-packages/" not in f:
        part = f.split("/rules/", 1)[1].split("/")[0]
        return f"rules/{part}"
    if "/linter/" in f:
        stem = Path(f).stem
        if stem in ("interpret", "labels", "textnorm", "numerals", "issuer"):
            return "interpreter"
        if stem in ("narrative", "statements"):
            return "narrative/statements"
        if stem in ("engine", "batch", "rule", "finding", "model", "document", "plugins"):
            return "engine glue (" + stem + ")"
        return "linter/" + stem
    if "/lxml/" in f or "lxml" in name:
        return "lxml"
    if "/docx/" in f:
        return "python-docx"
    if "pickle" in f or "pickle" in name or "copyreg" in f:
        return "pool transfer (pickle)"
    if "/json/" in f:
        return "json"
    if f == "~":
        return "builtins"
    return "stdlib/other"


def table(stats: pstats.Stats) -> list[tuple[str, float]]:
    """Own time per category; time in the standard library and C built-ins is charged
    to the callers (by their share of its calls' time), pass after pass, until it sits
    in a package of ours, lxml, python-docx or the pickling of the pool transfer."""
    raw = stats.stats  # type: ignore[attr-defined]
    foreign = {"builtins", "stdlib/other", "json"}
    time_of = {func: v[2] for func, v in raw.items()}
    for _ in range(12):
        moved = 0.0
        for func, (_cc, _nc, _tt, _ct, callers) in raw.items():
            t = time_of.get(func, 0.0)
            if not t or category(func[0], func[2]) not in foreign or not callers:
                continue
            total = sum(v[3] for v in callers.values()) or 1.0
            for caller, v in callers.items():
                if caller != func:
                    time_of[caller] = time_of.get(caller, 0.0) + t * v[3] / total
            time_of[func] = 0.0
            moved += t
        if moved < 1e-3:
            break
    own: dict[str, float] = defaultdict(float)
    for func, t in time_of.items():
        own[category(func[0], func[2])] += t
    return sorted(own.items(), key=lambda kv: -kv[1])


def run(files: list[Path]) -> tuple[float, int]:
    from linter.batch import rendered, slim
    from linter.config import Config
    from linter.engine import Engine
    from linter.plugins import load_plugins
    from linter.reporters import ReportOptions
    from linter.reporters.sarif import SarifReporter

    engine = Engine.from_config(load_plugins(), Config())
    out = io.StringIO()
    options = ReportOptions(rules=engine.rules, root=Path.cwd())
    reporter = SarifReporter(out, options)
    # as a worker does: the SARIF fragment rendered beside the lint, then the light result
    # (findings without related locations) crosses to the parent
    renderer = SarifReporter.worker_renderer(options)
    facts: dict[str, list] = {}
    started = time.perf_counter()
    for path in files:
        result = rendered(slim(engine.lint_path(path)), renderer)
        result = pickle.loads(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        for code, f in result.facts.items():
            facts.setdefault(code, []).append(f)
        result.facts = {}
        reporter.file(result)
    later = engine.check_batch(facts)
    if later:
        reporter.batch(later, [])
    reporter.finish()
    return time.perf_counter() - started, len(out.getvalue().encode("utf-8"))


def startup_seconds() -> tuple[float, float]:
    """Best of 5: ``--version``, and one small text report, start-up included."""
    sample = ROOT / "tests" / "fixtures" / "text" / "2019_city-bureau-gongxin_tika.txt"
    out = []
    for args in (["--version"], ["check", str(sample), "--isolated"]):
        best = float("inf")
        for _ in range(5):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "linter.cli", *args], capture_output=True)
            best = min(best, time.perf_counter() - started)
        out.append(best)
    return out[0], out[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("-n", type=int, default=400, help="files to profile (spread evenly)")
    parser.add_argument("--top", type=int, default=20, help="functions listed by own time")
    args = parser.parse_args()
    every = sorted(p for p in args.folder.rglob("*") if p.is_file())
    step = max(1, len(every) // args.n)
    files = every[::step][: args.n]
    plain, _ = run(files)
    profiler = cProfile.Profile()
    profiler.enable()
    seconds, size = run(files)
    profiler.disable()
    stats = pstats.Stats(profiler)
    rows = table(stats)
    total = sum(t for _, t in rows)
    print(
        f"{len(files)} files: {plain / len(files) * 1e3:.1f} ms/file without the profiler, "
        f"{seconds / len(files) * 1e3:.1f} with it"
    )
    print(f"SARIF {size / len(files) / 1024:.1f} KiB per file")
    print(f"{'package':<36} {'own s':>8} {'share':>7}")
    for cat, t in rows:
        if t / total >= 0.003:
            print(f"{cat:<36} {t:8.2f} {t / total:7.1%}")
    with tempfile.TemporaryFile("w+") as fh:
        pstats.Stats(profiler, stream=fh).sort_stats("tottime").print_stats(args.top)
        fh.seek(0)
        print(fh.read().split("\n", 6)[-1])
    version, one = startup_seconds()
    print(f"start-up: --version {version:.3f} s, one small report {one:.3f} s (best of 5)")


if __name__ == "__main__":
    main()
