"""What identifies a finding across runs: the report it is about and its place there.

A fingerprint is computed from

- the report's identity: agency, year and form (text, HTML, DOCX, PDF) when agency and
  year were read (they survive a move, a rename and an edit of the text), else the file's
  content hash, else the path relative to the project root;
- the rule code and sub-id;
- the logical place (section / table / row / column), plus the normalised hash of the
  quoted text when the rule quotes one (``quote=`` in :meth:`linter.rule.Rule.finding`);
- an occurrence index among the report's findings with equal keys, in the order of their
  positions, so that three findings of one rule at one logical place have three
  fingerprints and a baseline that accepted three does not hide a fourth.

Neither the path's spelling, nor the working folder, nor line numbers, nor values and
wording enter it: inserting a paragraph or correcting another number keeps every other
finding's fingerprint.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from linter.finding import Finding
from linter.model import Report
from linter.textnorm import compact

FINGERPRINT_KEY = "gongkaiLint/v2"
# The same with the path relative to the project root as the report's identity: what a
# baseline falls back to when the identity changed (a report without agency or year,
# whose content hash changes with every correction).
PATH_FINGERPRINT_KEY = "gongkaiLint/path/v2"
# The key of the path-dependent fingerprints written before v2; still read in baselines.
LEGACY_FINGERPRINT_KEY = "gongkaiLint/v1"


def report_identity(report: Report, relative_path: str | None = None) -> str:
    """Agency + year (+ the form: an agency's HTML page and its DOCX attachment are two
    artifacts) when known, else the content hash, else the project-relative path."""
    agency, year = report.agency.value, report.year.value
    if agency and year:
        agency_key = compact(str(agency)).replace("人民政府", "政府")
        return f"agency:{agency_key}/{year}/{report.source.media_type}"
    if report.source.sha256:
        return f"sha256:{report.source.sha256}"
    return path_identity(relative_path if relative_path is not None else report.source.path)


def path_identity(relative_path: str) -> str:
    return f"path:{relative_path}"


def _place(finding: Finding) -> str:
    place = finding.location.logical or ""
    quote = finding.properties.get("quote")
    if isinstance(quote, str) and quote:
        place += "#" + hashlib.sha256(compact(quote).encode("utf-8")).hexdigest()[:16]
    return place


def fingerprints(findings: Iterable[Finding], identity: str) -> list[str]:
    """The fingerprints of one report's findings, in the order given.

    The occurrence index follows the findings' positions (``Finding.sort_key``), so pass
    all of the report's findings of a run — new and accepted alike — to get the same
    values a baseline holds.
    """
    return [prints[0] for prints in fingerprint_sets(findings, (identity,))]


def fingerprint_sets(findings: Iterable[Finding], identities: tuple[str, ...]) -> list[tuple]:
    """For each finding, its fingerprint under each of ``identities`` (the report identity
    and the path identity, as SARIF and the baseline both need): the findings are ordered
    and their places worked out once for all the identities."""
    items = list(findings)
    keys = [f.sort_key() for f in items]
    order = sorted(range(len(items)), key=keys.__getitem__)
    # Each fingerprint hashes its identity first: that part is hashed once, and each
    # finding's hash goes on from a copy of it.
    heads = [
        hashlib.sha256((identity + "\x1f").encode("utf-8", "surrogateescape"))
        for identity in identities
    ]
    seen: dict[tuple[str, str, str], int] = {}
    out: list[tuple] = [()] * len(items)
    for i in order:
        f = items[i]
        key = (f.code, f.sub_id or "", _place(f))
        n = seen.get(key, 0)
        seen[key] = n + 1
        rest = "\x1f".join([*key, str(n)]).encode("utf-8", "surrogateescape")
        prints = []
        for head in heads:
            h = head.copy()
            h.update(rest)
            prints.append(h.hexdigest()[:32])
        out[i] = tuple(prints)
    return out


def legacy_fingerprint(finding: Finding) -> str:
    """The v1 fingerprint (rule, sub-id, display path, IR node), to read old baselines."""
    basis = "\x1f".join(
        [finding.code, finding.sub_id or "", finding.path, finding.location.logical or ""]
    )
    return hashlib.sha256(basis.encode("utf-8", "surrogateescape")).hexdigest()[:32]
