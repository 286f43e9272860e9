"""Running rules over files: read, interpret, check, and never stop for one bad file."""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

from linter import editions, forms
from linter.config import Config
from linter.document import Anchor, Diagnostic, ReadError
from linter.factstore import PackedFacts, as_source
from linter.finding import Finding, Location, Tally, flat_light, from_flat
from linter.interpret import interpret
from linter.manifest import Entry, Manifest
from linter.model import Decided, Report, Source
from linter.plugins import Plugins
from linter.readers import Limits, Reader, unify_radicals_in
from linter.rule import BatchRule, ReportFacts, Rule, RuleContext, Skip, forget_reports

# Diagnostics after which a readable file was not checked as a report: not a report
# (XT004), or a report on a year before the national formats (XT006).
NOT_CHECKED_AS_REPORT = ("XT004", "XT006")
# The cause of an XT001 for a file the tool itself failed on (a bug; its diagnostic's
# "error" argument is the exception).
TOOL_FAILURE = "tool-failure"
# Diagnostics after which a readable report's content is not checked: those, and pages
# inside it with no text (XT005: a rule would report as missing what is only an image).
_NOT_CHECKED = (*NOT_CHECKED_AS_REPORT, "XT005")


def checked_as_report(report: Report) -> bool:
    """Whether the file was read and checked as a report (what JSON's ``checked`` and the
    HTML audit's count of checked files say)."""
    return report.readable and not any(d.code in NOT_CHECKED_AS_REPORT for d in report.diagnostics)


# Intermediate-form JSON (from an OCR or PDF pipeline) is read by the engine itself.
IR_SUFFIXES = (".json",)


def reader_suffixes(readers: Iterable[Reader] | None = None) -> tuple[str, ...]:
    """Every file-name suffix the readers declare, plus the intermediate form's.

    With no ``readers``, those of the installed plugins: a new reader is picked up by
    the folder walk and named in messages without any list here.
    """
    if readers is None:
        from linter.plugins import load_plugins

        readers = load_plugins().readers
    seen: dict[str, None] = {}
    for reader in readers:
        for suffix in reader.suffixes:
            seen[suffix.lower()] = None
    for suffix in IR_SUFFIXES:
        seen[suffix] = None
    return tuple(seen)


@dataclass(frozen=True)
class Selection:
    """Which rules run: codes, code prefixes (``AP``, ``AP1``) or rule names."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def enabled(self, rule: Rule) -> bool:
        selected = self._specificity(self.select, rule) if self.select else 0
        if selected < 0:
            return False
        ignored = self._specificity(self.ignore, rule)
        # The more specific pattern wins (as in Ruff); on a tie, ignore wins.
        return ignored < 0 or selected > ignored

    @staticmethod
    def matches(pattern: str, rule: Rule) -> bool:
        """Whether one pattern (``ALL``, a code prefix, a name or an alias) names ``rule``:
        the one matcher of the engine, the CLI and the configuration checks."""
        return Selection._specificity((pattern,), rule) >= 0

    @staticmethod
    def _specificity(patterns: tuple[str, ...], rule: Rule) -> int:
        best = -1
        for raw in patterns:
            p = raw.strip()
            if not p:
                continue
            if p == "ALL":
                best = max(best, 0)
            elif p == rule.name or p in rule.aliases:
                best = max(best, 99)
            elif rule.code.startswith(p.upper()):
                best = max(best, len(p))
        return best


@dataclass
class FileResult:
    path: str
    # None once a worker rendered the file's output (``rendered``): the parent reads
    # nothing of it then.
    report: Report
    findings: list[Finding] = field(default_factory=list)
    # Findings accepted by a baseline: not reported as new, kept as suppressed in SARIF.
    suppressed: list[Finding] = field(default_factory=list)
    # Facts kept by batch rules for this report (see BatchRule), by rule code.
    facts: dict[str, ReportFacts] = field(default_factory=dict)
    # Rules that could not check this report: (code, reason zh, reason en).
    skipped: list[tuple[str, str, str]] = field(default_factory=list)
    # The file's output already rendered by the worker (a reporter's fragment, see
    # linter.batch.EngineSpec.renderer); the findings then travel as what the parent
    # counts of them (linter.finding.Tally), or whole without their related locations,
    # and without the report.
    rendered: Any = None

    def __getstate__(self) -> dict[str, Any]:
        # A result whose output was rendered (in a worker) crosses to the parent light:
        # its findings as plain tuples, which pickle in one C pass — the Tally of each
        # (the parent only counts them), or, when the parent keeps whole findings (the
        # audit store), each one flat without its related locations.
        state = dict(self.__dict__)
        if self.rendered is not None:
            findings = self.findings
            if findings and type(findings[0]) is Tally:
                state["findings"] = (_TALLIES, list(map(tuple, findings)))
            else:
                state["findings"] = (_FLAT, flat_light(findings))
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        findings = state.get("findings")
        if isinstance(findings, tuple) and findings[:1] == (_FLAT,):
            state["findings"] = from_flat(findings[1])
        elif isinstance(findings, tuple) and findings[:1] == (_TALLIES,):
            state["findings"] = [_new_tuple(Tally, row) for row in findings[1]]
        self.__dict__.update(state)


# Marks a pickled FileResult's findings as flat_light tuples, or as Tally tuples.
_FLAT = "flat-findings/1"
_TALLIES = "tallies/1"
_new_tuple = tuple.__new__


@dataclass
class Engine:
    plugins: Plugins
    selection: Selection = Selection()
    limits: Limits = Limits()
    context: RuleContext = RuleContext()
    root: Path = field(default_factory=Path.cwd)
    config: Config = Config()
    manifest: Manifest | None = None
    # The name a file is shown and configured by when it is not its own path (a report
    # read from standard input: the temporary file -> --stdin-filename).
    aliases: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_config(
        cls,
        plugins: Plugins,
        config: Config,
        *,
        select: tuple[str, ...] = (),
        extend_select: tuple[str, ...] = (),
        ignore: tuple[str, ...] = (),
        root: Path | None = None,
        manifest: Manifest | None = None,
    ) -> Engine:
        """An engine for a configuration; command-line patterns override the file's."""
        chosen = select or config.select or ("ALL",)
        off = tuple(k for k, v in config.levels.items() if v == "off")
        selection = Selection(
            tuple(chosen) + tuple(config.extend_select) + tuple(extend_select),
            tuple(config.ignore) + tuple(ignore) + off,
        )
        context = RuleContext(
            blank_cells=config.blank_cells,
            issuer_kind=None if config.issuer_kind == "auto" else config.issuer_kind,
            deadlines={**RuleContext().deadlines, **config.deadlines},
            options=dict(config.options),
        )
        return cls(
            plugins=plugins,
            selection=selection,
            limits=config.limits,
            context=context,
            root=root or Path.cwd(),
            config=config,
            manifest=manifest,
        )

    @property
    def rules(self) -> list[Rule]:
        # asked twice for every file: worked out again only when the selection or the
        # registered rules change
        cached = self.__dict__.get("_rules")
        count = len(self.plugins.rules)
        if cached is None or cached[0] is not self.selection or cached[1] != count:
            enabled = [r for r in self.plugins.rules.values() if self.selection.enabled(r)]
            cached = self.__dict__["_rules"] = (self.selection, count, enabled)
        return list(cached[2])

    # --- one file ---------------------------------------------------------------

    def parse(self, path: Path) -> Report:
        """Read and interpret one file; an unreadable file gives an unreadable Report."""
        display = self.display_path(path)
        try:
            size = path.stat().st_size
        except OSError as exc:
            return _unreadable(
                display,
                b"",
                f"无法打开文件：{exc.strerror}。",
                f"cannot open the file: {exc.strerror}.",
            )
        if size > self.limits.max_file_bytes:
            return _unreadable(
                display,
                b"",
                f"文件大小 {size:,} 字节，超过上限 {self.limits.max_file_bytes:,} 字节，未读取；"
                "年度报告通常不超过几兆字节，请确认文件是否正确，或在配置中调高 max-file-bytes。",
                f"the file is {size:,} bytes, over the limit of {self.limits.max_file_bytes:,} "
                "bytes, and was not read; annual reports are a few megabytes at most: check the "
                "file, or raise max-file-bytes in the configuration.",
                size=size,
                cause="too-large",
            )
        try:
            with path.open("rb") as fh:
                data = fh.read(self.limits.max_file_bytes + 1)
        except OSError as exc:
            return _unreadable(
                display,
                b"",
                f"无法读取文件：{exc.strerror}。",
                f"cannot read the file: {exc.strerror}.",
            )
        suffix = path.suffix.lower()
        if suffix in IR_SUFFIXES and data.lstrip()[:1] == b"{":
            return _read_ir(display, data)
        owner = self.suffix_owner(suffix)
        if owner is not None and data and not owner.has_magic(data[:4096]):
            # Named as (say) a Word or PDF file but it is not one (an HTML error page saved
            # as .pdf): reading it as something else would hide that the file is broken.
            what = "网页（HTML）" if b"<html" in data[:4096].lower() else "其他格式"
            what_en = "an HTML page" if what.startswith("网页") else "some other format"
            space = " " if owner.label_zh[:1].isascii() else ""
            return _unreadable(
                display,
                data,
                f"文件扩展名为 {suffix}，但内容不是{space}{owner.label_zh}，而是{what}；公众按扩展名打开会失败。"
                f"请提供真正的 {suffix} 文件，或按实际格式改正扩展名后再检查。",
                f"the file is named {suffix} but is not {owner.label_en}: it is {what_en}; the "
                f"public cannot open it as named. Supply a real {suffix} file, or give the file "
                "the extension of its content and check again.",
                cause="wrong-extension",
            )
        reader = self.pick_reader(data, suffix)
        if reader is None:
            return _unreadable(display, data, *self._unknown_format(), cause="unknown-format")
        try:
            doc = unify_radicals_in(reader.read(display, data, self.limits))
        except ReadError as exc:
            return _unreadable(
                display,
                data,
                exc.detail_zh,
                exc.detail_en,
                reader=reader.name,
                code=exc.code,
                cause=exc.cause,
            )
        except RecursionError:
            return _unreadable(
                display,
                data,
                "文件结构嵌套过深，无法读取。",
                "the file is nested too deeply to be read.",
                reader=reader.name,
            )
        report = _with_reader(interpret(doc, data), reader.name)
        if self.manifest is not None and (entry := self.manifest.get(path)) is not None:
            report = _apply_manifest(report, entry)
        if self.config.edition != "auto":
            report = replace(report, edition=Decided(self.config.edition, "config"))
        return report

    def suffix_owner(self, suffix: str) -> Reader | None:
        """The reader whose declared suffix this is, when that reader has fixed magic bytes
        (a text or HTML suffix says nothing certain about the bytes)."""
        owners = [r for r in self.plugins.readers if suffix in r.suffixes]
        if len(owners) == 1 and owners[0].magic:
            return owners[0]
        return None

    def _unknown_format(self) -> tuple[str, str]:
        labels = [r for r in self.plugins.readers if r.label_zh and r.name != "other-formats"]
        zh = "、".join(r.label_zh for r in labels)
        en = ", ".join(r.label_en for r in labels)
        return (
            f"无法识别文件格式（不是{zh}）；请提供这几种格式之一。",
            f"the file format is not recognised (not {en}): supply one of those.",
        )

    def pick_reader(self, data: bytes, suffix: str) -> Reader | None:
        head = data[:4096]
        scored = [(r.sniff(head, suffix), i, r) for i, r in enumerate(self.plugins.readers)]
        scored = [s for s in scored if s[0] > 0]
        if not scored:
            return None
        return max(scored, key=lambda s: (s[0], -s[1]))[2]

    def check_report(
        self, report: Report, skipped: list[tuple[str, str, str]] | None = None
    ) -> list[Finding]:
        """Run every enabled rule on one report; skips are appended to ``skipped``."""
        try:
            return self._check_report(report, skipped)
        finally:
            forget_reports()  # what the rules shared of this report goes with it

    def _check_report(
        self, report: Report, skipped: list[tuple[str, str, str]] | None
    ) -> list[Finding]:
        findings: list[Finding] = []
        content = report.readable and not any(d.code in _NOT_CHECKED for d in report.diagnostics)
        file_ignores = self.config.ignored_for(report.source.path, self.root)
        forced = () if content else self._why_not_checked(report)
        for rule in self.rules + [r for r in forced if r not in self.rules]:
            if not content and rule.family != "XT":
                continue
            if (
                file_ignores
                and rule not in forced
                and Selection._specificity(file_ignores, rule) >= 0
            ):
                continue
            if not rule.applies_to(report):
                continue
            cap = self.limits.max_findings_per_rule
            kept, first_dropped, dropped = 0, None, 0
            try:
                for item in rule.run(report, self.context):
                    if isinstance(item, Skip):
                        if skipped is not None:
                            skipped.append((rule.code, item.reason_zh, item.reason_en))
                    elif kept < cap or item.tool_failure:
                        findings.append(item)
                        kept += 1
                    else:  # counted, not kept: memory and output stay bounded
                        first_dropped = first_dropped or item
                        dropped += 1
            except Exception as exc:  # a broken rule must not lose the report or the batch
                findings.append(_internal_error(rule, report, exc))
            if first_dropped is not None:
                findings.append(_more_findings(first_dropped, dropped, cap))
        if self.config.levels:
            findings = [self._with_level(f) for f in findings]
        findings.sort(key=Finding.sort_key)
        return findings

    def _why_not_checked(self, report: Report) -> list[Rule]:
        """The XT rules saying why a report's content was not checked (unreadable, not a
        report, a year before the formats): they run whatever select/ignore say, so no file
        passes unseen."""
        codes = {d.code for d in report.diagnostics} & {"XT001", *NOT_CHECKED_AS_REPORT}
        return [self.plugins.rules[c] for c in sorted(codes) if c in self.plugins.rules]

    def _with_level(self, finding: Finding) -> Finding:
        level = self.config.levels.get(finding.code) or self.config.levels.get(finding.name)
        if not level:
            rule = self.plugins.rules.get(finding.code)
            aliases = rule.aliases if rule is not None else ()
            level = next((self.config.levels[a] for a in aliases if a in self.config.levels), None)
        if level and level != "off" and not finding.tool_failure:
            return replace(finding, level=level)
        return finding

    def lint_path(self, path: Path) -> FileResult:
        try:
            report = self.parse(path)
        except Exception as exc:  # an interpreter bug must not lose the batch
            return unreadable_result(
                self,
                path,
                f"读取或解析该文件时工具内部出错：{type(exc).__name__}: {exc}。这是工具的缺陷，请报告；其余文件照常检查。",
                f"the tool failed while reading or interpreting the file: {type(exc).__name__}: "
                f"{exc}. This is a bug in the tool, please report it; the other files are still checked.",
                cause=TOOL_FAILURE,
                error=f"{type(exc).__name__}: {exc}",
            )
        skipped: list[tuple[str, str, str]] = []
        findings = self.check_report(report, skipped)
        return FileResult(
            report.source.path,
            report,
            findings,
            facts=self.collect_facts(report),
            skipped=skipped,
        )

    @property
    def batch_rules(self) -> list[BatchRule]:
        return [r for r in self.rules if isinstance(r, BatchRule)]

    def collect_facts(self, report: Report) -> dict[str, ReportFacts]:
        """Each batch rule's compact facts about one report (readable reports only)."""
        out: dict[str, ReportFacts] = {}
        form: bytes | None = None
        if not report.readable or any(d.code in _NOT_CHECKED for d in report.diagnostics):
            return out
        for rule in self.batch_rules:
            if not rule.applies_to(report):
                continue
            try:
                facts = rule.collect(report, self.context)
            except Exception:  # reported once, by check_batch, as a missing input
                continue
            if facts is not None:
                if form is None:  # once per report, shared by every rule's facts
                    form = forms.digest(report)
                # Pickled here, once (in the worker): the parent only stores the bytes.
                out[rule.code] = PackedFacts.pack(
                    ReportFacts(
                        report.source.path,
                        report.agency.value,
                        report.year.value,
                        report.edition.value,
                        facts,
                        form,
                    )
                )
        return out

    def check_batch(self, facts: Mapping[str, Iterable[ReportFacts]]) -> list[Finding]:
        """Run the batch rules over every report's facts (by rule code): lists, or a
        :class:`~linter.factstore.FactStore` that reads them back from disk."""
        made: list[tuple[str, Finding]] = []
        for code, f in self.iter_batch(facts):
            if f is None:  # the rule failed: what it made so far is dropped
                made = [(c, g) for c, g in made if c != code]
            else:
                made.append((code, f))
        return sorted((f for _, f in made), key=Finding.sort_key)

    def iter_batch(
        self, facts: Mapping[str, Iterable[ReportFacts]]
    ) -> Iterator[tuple[str, Finding | None]]:
        """:meth:`check_batch`'s findings as the rules make them, unsorted, each with
        its rule's code (a batch run spills them to its fact store and reads them back
        in order, so none is held here). ``(code, None)`` says that rule failed: drop
        what it made so far; its internal error follows."""
        context = replace(self.context, enabled=frozenset(r.code for r in self.rules))
        for rule in self.batch_rules:
            try:
                for f in rule.check_batch(as_source(facts.get(rule.code, [])), context):
                    ignores = self.config.ignored_for(f.path, self.root)
                    if ignores and Selection._specificity(ignores, rule) >= 0:
                        continue
                    yield rule.code, self._with_level(f) if self.config.levels else f
            except Exception as exc:
                stub = Report(source=Source(path="", media_type="", sha256="", size=0))
                yield rule.code, None
                yield rule.code, _internal_error(rule, stub, exc)

    def lint(self, paths: Iterable[Path]) -> Iterator[FileResult]:
        for path in paths:
            yield self.lint_path(path)

    def display_path(self, path: Path) -> str:
        if self.aliases and (alias := self.aliases.get(str(path))) is not None:
            return alias
        root = self.__dict__.get("_resolved_root")
        if root is None or root[0] != self.root:
            root = self.__dict__["_resolved_root"] = (self.root, self.root.resolve())
        try:
            return Path(os.path.relpath(path.resolve(), root[1])).as_posix()
        except ValueError:  # another drive on Windows
            return path.resolve().as_posix()


def unreadable_result(
    engine: Engine,
    path: Path,
    detail_zh: str,
    detail_en: str,
    cause: str = "unreadable",
    error: str | None = None,
) -> FileResult:
    """An XT001 result for a file the tool could not finish (a time-out, a crash, a bug:
    ``error`` names the exception)."""
    report = _unreadable(
        engine.display_path(path), b"", detail_zh, detail_en, cause=cause, error=error
    )
    return FileResult(report.source.path, report, engine.check_report(report))


def collect_files(
    paths: Iterable[Path],
    exclude: Iterable[str] = (),
    suffixes: Iterable[str] | None = None,
    problems: list[str] | None = None,
    gitignore: bool = True,
) -> tuple[list[Path], list[str]]:
    """Files to lint, in a deterministic order, and the paths that match nothing.

    Folders are walked recursively (hidden folders skipped, and with ``gitignore`` what
    the folder's ``.gitignore`` files — its own, those inside it, and those of the folders
    above it up to its git work tree's top — leave out, as git does: a ``venv/`` or
    ``build/`` in a repository is not checked); a path that does not exist but contains
    ``*``, ``?`` or ``[`` is taken as a glob pattern (``reports/**/*.html``). A file
    named on the command line is always checked. ``exclude`` patterns are matched against
    each file's path and its name. A folder that cannot be listed is named in
    ``problems`` (never skipped without a word).
    """
    import glob

    patterns = tuple(exclude)
    wanted = set(reader_suffixes() if suffixes is None else suffixes)

    def excluded(path: Path) -> bool:
        text = path.as_posix()
        return any(
            fnmatch(text, p)
            or fnmatch(path.name, p)
            or fnmatch(text, f"*/{p}")
            or fnmatch(text, f"{p}/*")
            or fnmatch(text, f"*/{p}/*")
            for p in patterns
        )

    files: list[Path] = []
    missing: list[str] = []
    for p in paths:
        if p.is_dir():
            ignored = GitIgnored(p) if gitignore else None
            for sub in _walk(p, problems, ignored):
                if (
                    sub.is_file()
                    and sub.suffix.lower() in wanted
                    and not any(part.startswith(".") for part in sub.relative_to(p).parts)
                    and not excluded(sub)
                ):
                    files.append(sub)
            if ignored is not None and problems is not None:
                note = ignored.summary(p, wanted)
                if note:
                    problems.append(note)
        elif p.is_file():
            if not excluded(p):
                files.append(p)
        elif any(ch in str(p) for ch in "*?["):
            matches = sorted(Path(m) for m in glob.glob(str(p), recursive=True))
            found = [m for m in matches if m.is_file() and not excluded(m)]
            if not matches:
                missing.append(str(p))
            files.extend(found)
        else:
            missing.append(str(p))
    seen: set[Path] = set()
    unique = []
    for f in files:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, missing


class GitIgnored:
    """Whether a path under a walked folder is left out by the ``.gitignore`` files that
    apply to it (git's rules: a deeper file's patterns come after an outer one's, the
    last matching pattern decides, ``!`` takes a path back in). Outside a git work tree
    only the folder's own ``.gitignore`` files count."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(os.path.abspath(folder))
        self.specs: dict[Path, Any] = {}
        outer: list[Path] = []  # the folders above, up to the work tree's top
        if not (self.folder / ".git").exists():
            here = self.folder.parent
            while True:
                outer.append(here)
                if (here / ".git").exists():
                    break
                if here.parent == here:  # not in a work tree: nothing above counts
                    outer = []
                    break
                here = here.parent
        self.outer = outer[::-1]
        self.files: list[Path] = []  # left out, as walked
        self.dirs: list[Path] = []
        self._bases: dict[Path, list[Path]] = {}  # folder -> where its .gitignore files are
        if self.outer and self._decide(self.folder, True, self.outer):
            self.outer = []  # a folder named on purpose is checked, ignored or not

    def summary(self, folder: Path, suffixes: set[str]) -> str | None:
        """What was left out under ``folder``, said once (nothing is left out unsaid)."""
        files = [f for f in self.files if f.suffix.lower() in suffixes]
        if not files and not self.dirs:
            return None

        def shown(path: Path) -> str:
            return Path(os.path.relpath(path, folder)).as_posix()

        named = [f"{shown(d)}/" for d in self.dirs[:3]]
        named += [shown(f) for f in files[: max(0, 3 - len(named))]]
        count = len(self.dirs) + len(files)
        more = f" and {count - len(named)} more" if count > len(named) else ""
        return (
            f"{os.fsdecode(folder)}: .gitignore leaves out {', '.join(named)}{more}; "
            "they were not checked (--no-gitignore checks them)"
        )

    def _spec(self, directory: Path):
        if directory not in self.specs:
            spec = None
            try:
                lines = (directory / ".gitignore").read_text(encoding="utf-8", errors="replace")
            except OSError:
                lines = None
            if lines:
                spec = _gitignore_spec(lines.splitlines())
            self.specs[directory] = spec
        return self.specs[directory]

    def __call__(self, path: Path, is_dir: bool) -> bool:
        path = Path(os.path.abspath(path))
        bases = self._bases.get(path.parent)
        if bases is None:  # the same for every entry of a folder
            below = _prefixes(path.parent.relative_to(self.folder))
            bases = [*self.outer, self.folder, *(self.folder / p for p in below)]
            self._bases[path.parent] = bases
        return self._decide(path, is_dir, bases)

    def _decide(self, path: Path, is_dir: bool, bases: list[Path]) -> bool:
        ignored = False
        for base in bases:
            spec = self._spec(base)
            if spec is None:
                continue
            name = path.relative_to(base).as_posix()
            decided = spec.check_file(name + "/" if is_dir else name).include
            if decided is not None:
                ignored = decided
        return ignored


def _gitignore_spec(lines: list[str]) -> Any:
    """The patterns of a .gitignore; a malformed line (``!``, ``[z-a]``) is skipped, as git
    skips it, and the others still count."""
    import pathspec

    def valid(line: str) -> bool:
        try:
            pathspec.GitIgnoreSpec.from_lines([line])
        except (ValueError, re.error):
            return False
        return True

    try:
        return pathspec.GitIgnoreSpec.from_lines(lines)
    except (ValueError, re.error):
        return pathspec.GitIgnoreSpec.from_lines([line for line in lines if valid(line)])


def _prefixes(relative: Path) -> list[Path]:
    """``a/b/c`` → ``a``, ``a/b``, ``a/b/c``."""
    parts = relative.parts
    return [Path(*parts[: k + 1]) for k in range(len(parts))]


def _walk(
    folder: Path, problems: list[str] | None, ignored: GitIgnored | None = None
) -> list[Path]:
    """Every path under ``folder``, sorted, less hidden folders and what ``ignored``
    leaves out (neither is entered: a repository's ``.git`` holds thousands of files);
    folders that cannot be listed go to ``problems``."""

    def failed(exc: OSError) -> None:
        if problems is not None:
            where = exc.filename if exc.filename is not None else folder
            problems.append(
                f"cannot list the folder {os.fsdecode(where)}: {exc.strerror or exc}; "
                "the files in it were not checked"
            )

    found = []
    seen = {os.path.realpath(folder)}
    # Linked folders are followed (as rglob did), each real folder once: no link loop.
    for top, dirs, names in os.walk(folder, onerror=failed, followlinks=True):
        keep = []
        for name in sorted(dirs):
            if name.startswith("."):
                continue  # hidden: never checked (see collect_files)
            if ignored is not None and ignored(Path(top) / name, True):
                ignored.dirs.append(Path(top) / name)
                continue
            real = os.path.realpath(os.path.join(top, name))
            if real not in seen:
                seen.add(real)
                keep.append(name)
        dirs[:] = keep
        if ignored is not None:
            left_out = [n for n in names if ignored(Path(top) / n, False)]
            ignored.files.extend(Path(top) / n for n in left_out)
            names = [n for n in names if n not in left_out]
        found.extend(Path(top) / name for name in (*keep, *names))
    return sorted(found)


def _unreadable(
    path: str,
    data: bytes,
    detail_zh: str,
    detail_en: str,
    *,
    reader: str | None = None,
    size: int | None = None,
    code: str = "XT001",
    cause: str = "unreadable",
    error: str | None = None,
) -> Report:
    args = (("cause", cause),) if error is None else (("cause", cause), ("error", error))
    return Report(
        source=Source(
            path=path,
            media_type="application/octet-stream",
            sha256=hashlib.sha256(data).hexdigest() if data else "",
            size=len(data) if size is None else size,
            reader=reader,
        ),
        readable=False,
        diagnostics=(Diagnostic(code, detail_zh, detail_en, Anchor(), args=args),),
    )


def _apply_manifest(report: Report, entry: Entry) -> Report:
    """What the inspector's manifest says overrides what was read from the document."""
    changes: dict = {}
    metadata = dict(report.metadata)
    if entry.agency:
        changes["agency"] = Decided(entry.agency, "manifest")
    if entry.year:
        changes["year"] = Decided(entry.year, "manifest")
        if report.edition.decided_by in ("year", "tables", None):
            changes["edition"] = Decided(editions.for_year(entry.year).id, "manifest")
    for key in ("published", "url", "issuer_kind"):
        value = getattr(entry, key)
        if value:
            metadata[key] = value
    return replace(report, metadata=metadata, **changes)


def _with_reader(report: Report, reader: str) -> Report:
    return replace(report, source=replace(report.source, reader=reader))


IR_MAX_DEPTH = 48
IR_MAX_DIGITS = 30


def _read_ir(path: str, data: bytes) -> Report:
    """An intermediate-form JSON produced elsewhere (an OCR or PDF pipeline)."""
    from linter.safejson import JsonLimitError, loads
    from linter.schema import validate_report_json

    try:
        # The intermediate form nests a dozen levels; a count has at most a few digits.
        doc = loads(data, max_depth=IR_MAX_DEPTH, max_digits=IR_MAX_DIGITS)
    except JsonLimitError as exc:
        return _unreadable(
            path,
            data,
            f"JSON 文件超出读取限制（嵌套不超过 {IR_MAX_DEPTH} 层，数字不超过 {IR_MAX_DIGITS} 位）：{exc}。"
            "中间格式不会这样写，文件可能已损坏或是恶意构造的。",
            f"the JSON file is outside the reading limits (nesting up to {IR_MAX_DEPTH} levels, "
            f"numbers up to {IR_MAX_DIGITS} digits): {exc}. The intermediate form is never like "
            "this; the file is probably damaged or crafted.",
        )
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return _unreadable(
            path, data, f"JSON 文件无法解析：{exc}。", f"the JSON file cannot be parsed: {exc}."
        )
    errors = validate_report_json(doc)
    if errors:
        first = errors[0]
        return _unreadable(
            path,
            data,
            f"JSON 文件不符合中间格式 schemas/report.schema.json：{first}（共 {len(errors)} 处）。",
            f"the JSON file does not conform to schemas/report.schema.json: {first} ({len(errors)} problems).",
        )
    report = Report.from_json(doc)
    return replace(report, source=replace(report.source, path=path))


_SAFE = re.compile(r"[^\w.\-]")


def _more_findings(first: Finding, count: int, cap: int) -> Finding:
    """One finding standing for the ``count`` findings of a rule past the cap in a file."""
    return replace(
        first,
        sub_id="more",
        message_zh=f"规则 {first.code}（{first.name}）在本文件中另有 {count:,} 处同类问题未逐一列出"
        f"（每条规则每个文件最多列出 {cap:,} 处），第一处在此。请先改正已列出的问题；"
        "如需全部列出，请在配置中调高 max-findings-per-rule。",
        message_en=f"{count:,} more finding(s) of {first.code} ({first.name}) in this file are "
        f"not listed (at most {cap:,} per rule and file); the first of them is here. Fix the "
        "ones listed first, or raise max-findings-per-rule in the configuration to see all.",
        related=(),
        expected=None,
        reported=None,
        properties={"more": count},
    )


def _internal_error(rule: Rule, report: Report, exc: Exception) -> Finding:
    what = f"{type(exc).__name__}: {exc}"
    return Finding(
        code=rule.code,
        name=rule.name,
        level="error",
        path=report.source.path,
        message_zh=f"规则 {rule.code}（{rule.name}）内部出错，未能完成检查：{what}。这是工具的缺陷，请报告；其他规则和文件不受影响。",
        message_en=f"rule {rule.code} ({rule.name}) failed with an internal error and did not finish: {what}. "
        "This is a bug in the tool, please report it; other rules and files are not affected.",
        location=Location(Anchor()),
        tool_failure=True,
    )
