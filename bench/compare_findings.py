"""Findings of two versions side by side: did a speed change alter any finding?

    python bench/compare_findings.py REV FOLDER [FOLDER ...] [--against REV2] [--jobs 2]

Exports git revision REV of this repository to a temporary folder, runs
``gongkai-lint check FOLDER --output-format json`` with that version and with this
working tree (or revision REV2) — from the same current folder, so paths read the same — and compares
every finding (path, code, sub-id, level, message, location, related locations,
expected and reported values). Messages that list a capped number of reports
(CY001's ambiguous-pairing note since the cap) are compared without the list.
Exit status 0 when they are identical.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_NAMESAKES = re.compile(r"同一机关名称对应多份报告（[^）]*）|share the agency name \([^)]*\)")


def export(rev: str, into: Path) -> Path:
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev], capture_output=True, check=True
    ).stdout
    with tempfile.TemporaryFile() as fh:
        fh.write(archive)
        fh.seek(0)
        with tarfile.open(fileobj=fh) as tar:
            tar.extractall(into)  # our own repository's tree
    return into


def findings(code_root: Path, folders: list[str], jobs: int, out: Path) -> list[tuple]:
    env = dict(os.environ, PYTHONPATH=str(code_root))
    # A small launcher: the console script would import the installed (editable) tree.
    launcher = (
        "import sys; sys.path.insert(0, sys.argv.pop(1)); from linter.cli import main; main()"
    )
    cmd = [sys.executable, "-c", launcher, str(code_root), "check", *folders, "--isolated"]
    cmd += ["--jobs", str(jobs), "--output-format", "json", "-o", str(out)]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{code_root}: check failed ({proc.returncode}): {proc.stderr[-1500:]}")
    data = json.loads(out.read_text(encoding="utf-8"))
    items = data["findings"] if isinstance(data, dict) else data
    return sorted(normalise(i) for i in items)


def normalise(item: dict) -> tuple:
    message = item.get("message", "")
    if item.get("sub_id") == "ambiguous-pairing":
        message = _NAMESAKES.sub("…", message)
    return (
        item.get("path"),
        item.get("code"),
        item.get("sub_id") or "",
        item.get("level"),
        message,
        json.dumps(item.get("location"), sort_keys=True, ensure_ascii=False),
        json.dumps(item.get("related"), sort_keys=True, ensure_ascii=False),
        json.dumps([item.get("expected"), item.get("reported")]),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("rev", help="the git revision to compare with (e.g. main~3)")
    parser.add_argument("folders", nargs="+")
    parser.add_argument("--against", help="a second revision instead of this tree")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gongkai-compare-") as tmp:
        base = Path(tmp)
        before = findings(
            export(args.rev, base / "before"), args.folders, args.jobs, base / "b.json"
        )
        other = export(args.against, base / "after") if args.against else ROOT
        after = findings(other, args.folders, args.jobs, base / "a.json")
    gone = [f for f in before if f not in set(after)]
    new = [f for f in after if f not in set(before)]
    print(
        f"{args.rev}: {len(before)} findings; {args.against or 'this tree'}: {len(after)} findings"
    )
    for label, items in (("only before", gone), ("only after", new)):
        for f in items[:20]:
            print(f"  {label}: {f[0]} {f[1]} {f[2]} {f[4][:120]}")
        if len(items) > 20:
            print(f"  {label}: … {len(items) - 20} more")
    print("identical" if not gone and not new else "DIFFERENT")
    return 0 if not gone and not new else 1


if __name__ == "__main__":
    raise SystemExit(main())
