"""Compare the SARIF and JSON output of this checkout with another git revision's.

    python bench/compare_outputs.py [REV] [PATH ...]

REV defaults to ``main``; PATHs default to the test fixtures (and the shared corpus when
it is there). The revision is checked out in a temporary git worktree and both are run
with the same interpreter and options; the outputs must be byte-identical for a change
that means no change of behaviour (a refactoring). Prints one line per output and exits
1 when any differs.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PATHS = [
    ROOT / "tests" / "fixtures" / "text",
    ROOT / "tests" / "fixtures" / "html",
    ROOT / "tests" / "fixtures" / "docx",
    ROOT / "tests" / "fixtures" / "pdf",
    ROOT.parent / "shared" / "corpus",
]
FORMATS = (("sarif", "zh"), ("json", "en"))


def run(source: Path, target: Path, fmt: str, lang: str) -> bytes:
    env = {"PYTHONPATH": str(source), "PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"}
    cmd = [
        sys.executable,
        "-c",
        "from linter.cli import main; main()",
        "check",
        str(target),
        "--isolated",
        "--output-format",
        fmt,
        "--lang",
        lang,
        "--project-root",
        "/",
        "-j",
        "2",
    ]
    done = subprocess.run(cmd, cwd="/", env=env, capture_output=True, check=False)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{source}: {' '.join(cmd[3:])} failed: {done.stderr.decode()[-2000:]}")
    return done.stdout


def main(argv: list[str]) -> int:
    rev = argv[0] if argv else "main"
    paths = [Path(p) for p in argv[1:]] or [p for p in DEFAULT_PATHS if p.is_dir()]
    differ = 0
    with tempfile.TemporaryDirectory() as tmp:
        other = Path(tmp) / "other"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(other), rev],
            check=True,
            capture_output=True,
        )
        try:
            for path in paths:
                for fmt, lang in FORMATS:
                    before = run(other, path, fmt, lang)
                    after = run(ROOT, path, fmt, lang)
                    same = before == after
                    differ += not same
                    state = "same" if same else "DIFFERENT"
                    print(f"{state:9} {fmt:5} {path} ({len(after):,} bytes)")
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(other)],
                check=False,
                capture_output=True,
            )
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
