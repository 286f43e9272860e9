"""The per-report cost of the narrative rules (TX, WD) and of the statement extractor.

Usage: python bench/bench_narrative.py [--codes TX001,TX002] [FILE ...]
(default files: the real reports among tests/fixtures — text, HTML, PDF; default rules:
every TX and WD rule)

For each report: the whole lint (read, interpret, every rule) and the share of it spent on
the narrative — the TX and WD rules plus reading the IR's statements (done by the
interpreter, counted here because only the narrative rules need it). Caches that the
rules keep per text are cleared before every run, as a batch meets every text once.
Run it from another checkout (``PYTHONPATH=/path/to/checkout``) to compare with before.
"""

from __future__ import annotations

import dataclasses
import importlib
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))

from linter.config import Config  # noqa: E402
from linter.engine import Engine  # noqa: E402
from linter.plugins import load_plugins  # noqa: E402

NARRATIVE_FAMILIES = ("TX", "WD")


def _clear_caches() -> None:
    """Empty the per-text caches of the narrative (where this checkout keeps them)."""
    for name in ("linter.narrative", "rules.consistency.narrative"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        for attr in ("_BLOCKS",):
            cache = getattr(module, attr, None)
            if isinstance(cache, dict):
                cache.clear()
        last = getattr(module, "_Last", None)  # (a checkout before the memo below)
        if last is not None:
            last.key = None  # the narrative the interpreter built is not reused: count it
        whole = getattr(module, "_WHOLE", None)
        if whole is not None:
            whole.forget()


def best(function: Callable[[], object], repeat: int = 7, number: int = 10) -> float:
    """Mean seconds per call, the best of ``repeat`` batches of ``number`` calls."""
    timings = []
    for _ in range(repeat):
        start = time.process_time()
        for _ in range(number):
            _clear_caches()
            function()
        timings.append((time.process_time() - start) / number)
    return min(timings)


def main(argv: list[str]) -> int:
    codes: set[str] | None = None
    if argv[:1] == ["--codes"]:
        codes, argv = set(argv[1].split(",")), argv[2:]
    paths = [Path(p) for p in argv] or sorted(
        [
            *(ROOT / "tests/fixtures/text").glob("*"),
            *(ROOT / "tests/fixtures/html").glob("*"),
            *(ROOT / "tests/fixtures/pdf").glob("20*.pdf"),
        ]
    )
    engine = Engine.from_config(load_plugins(), Config(), root=ROOT)
    narrative_rules = [
        r
        for r in engine.rules
        if r.code[:2] in NARRATIVE_FAMILIES and (codes is None or r.code in codes)
    ]
    if codes is not None:  # the whole lint runs the same rules as before
        engine = dataclasses.replace(
            engine,
            selection=dataclasses.replace(
                engine.selection,
                ignore=tuple(
                    r.code
                    for r in engine.rules
                    if r.code[:2] in NARRATIVE_FAMILIES and r.code not in codes
                ),
            ),
        )
    try:
        statements = importlib.import_module("linter.statements")
    except ImportError:
        statements = None
    total_all = total_narrative = 0.0
    print(f"{'file':55} {'lint ms':>8} {'TX+WD ms':>9} {'share':>6}")
    for path in paths:
        report = engine.parse(path)

        def rules_only(report=report) -> None:
            fresh = dataclasses.replace(report)  # the TX memo is per report object
            if statements is not None:
                fresh = dataclasses.replace(fresh, statements=statements.extract(fresh))
            for rule in narrative_rules:
                if rule.applies_to(fresh):
                    list(rule.run(fresh, engine.context))

        whole = best(lambda path=path: engine.lint_path(path))
        narrative = best(rules_only)
        total_all += whole
        total_narrative += narrative
        print(
            f"{path.name[:55]:55} {whole * 1e3:8.2f} {narrative * 1e3:9.2f} "
            f"{narrative / whole:6.1%}"
        )
    print(
        f"{'all':55} {total_all * 1e3:8.2f} {total_narrative * 1e3:9.2f} "
        f"{total_narrative / total_all:6.1%}"
    )
    print(f"narrative rules: {', '.join(r.code for r in narrative_rules)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
