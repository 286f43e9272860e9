"""The command line: ``gongkai-lint check | parse | rules``.

Exit codes (as Ruff): 0 no findings, 1 findings, 2 usage, configuration or internal
error. A file that cannot be read is a finding (XT001), never a reason to stop.
"""

from __future__ import annotations

import functools
import gc
import json
import sys
from pathlib import Path

import click

from linter import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(p.strip() for v in values for p in v.split(",") if p.strip())


def _config_options(command):
    """``--config FILE`` and ``--isolated``, shared by ``check`` and ``config``."""
    command = click.option("--isolated", is_flag=True, help="Ignore configuration files.")(command)
    return click.option(
        "--config",
        "config_file",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Configuration file (default: the nearest gongkai-lint.toml, or pyproject.toml "
        "with [tool.gongkai-lint]).",
    )(command)


def _startup_without_gc(command):
    """Run ``command`` with the garbage collector off until it calls :func:`_started`.

    Start-up creates a few hundred thousand objects (modules, rule classes, compiled
    patterns) that live to the end and form no garbage; collecting while they are made
    was about 13 ms of a one-report run. Once made they are frozen (never scanned
    again, in this process or the workers forked from it)."""

    @functools.wraps(command)
    def run(*args, **kwargs):
        gc.disable()
        try:
            return command(*args, **kwargs)
        finally:
            gc.enable()
            gc.unfreeze()  # back to the oldest generation (a caller in-process)

    return run


def _started() -> None:
    """Start-up is over: what it made is frozen, and collecting resumes."""
    gc.freeze()
    gc.enable()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version=__version__, package_name="gongkai-lint")
def main() -> None:
    """gongkai-lint: 政府信息公开工作年度报告合规检查 (compliance linter for annual reports on
    government information disclosure)."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--output-format",
    default="concise",
    show_default=True,
    help="Output format: concise, full, json, sarif, github, junit, summary, csv, xlsx, "
    "statistics, html, docx (or one added by a plugin). csv with -o FILE.csv also writes "
    "FILE.findings.csv; xlsx and docx need -o FILE; html needs -o FOLDER (an offline "
    "audit report).",
)
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(path_type=Path),
    help="Write the output to FILE instead of standard output (a folder for html).",
)
@click.option(
    "--select",
    multiple=True,
    help="Rules to run: codes, prefixes (AP, AP1) or names; comma-separated. "
    "Replaces the configuration's select.",
)
@click.option("--extend-select", multiple=True, help="Rules to run besides the selected ones.")
@click.option(
    "--ignore", multiple=True, help="Rules not to run: codes, prefixes or names; comma-separated."
)
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    show_default=True,
    help="Language of messages.",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option(
    "--fail-level",
    type=click.Choice(["error", "warning", "note"]),
    default="note",
    show_default=True,
    help="Exit 1 only for findings at this level or above (note: any finding).",
)
@click.option(
    "--color/--no-color",
    "color",
    default=None,
    help="Colour levels and codes (default: on a terminal, unless NO_COLOR is set).",
)
@click.option(
    "--stdin-filename",
    help="With the path -: the name of the report read from standard input (shown in the "
    "output, matched by per-file-ignores; its extension helps tell a .docx).",
)
@click.option(
    "--no-embed-text", is_flag=True, help="SARIF: do not embed the text extracted from DOCX files."
)
@click.option(
    "--sarif-category",
    help="SARIF: the run's category (automationDetails.id gongkai-lint/CATEGORY/); GitHub "
    "keeps the alerts of each category apart.",
)
@click.option(
    "--sarif-related-locations",
    "sarif_related",
    is_flag=True,
    help="SARIF: list the cells each finding relates to (the addends of a sum, last year's "
    "figure …) as relatedLocations, up to 20 per result. Off by default: GitHub and VS "
    "Code's SARIF viewer do not show them, and they made a large batch's log four times "
    "larger; the json, full and HTML audit outputs always have them.",
)
@click.option(
    "--strict-plugins", is_flag=True, help="Fail (exit 2) when a plugin cannot be loaded."
)
@_config_options
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Files checked in parallel (default: all cores).",
)
@click.option(
    "--exclude",
    multiple=True,
    help="Glob patterns of paths to leave out (matched against the path and its name).",
)
@click.option(
    "--no-gitignore",
    is_flag=True,
    help="Walk folders without leaving out what their .gitignore files ignore.",
)
@click.option(
    "--baseline",
    "baseline_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="SARIF log of an earlier run: its findings are accepted, only new ones are reported.",
)
@click.option(
    "--project-root",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder that SARIF URIs and baseline paths are relative to (default: the nearest "
    "folder upwards holding .git, pyproject.toml or gongkai-lint.toml, else the current one).",
)
@click.option(
    "--manifest",
    "manifest_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="CSV or JSON manifest (path, agency, issuer_kind, year, published, url): "
    "overrides what is read from each report.",
)
@click.option(
    "--store",
    "store_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Audit store (SQLite): keep this run's facts and findings in FILE, and compare "
    "reports with the previous year's kept there by earlier runs when that year is not in "
    "this batch.",
)
@click.option(
    "--statistics", is_flag=True, help="After the output, print the count of findings per rule."
)
@_startup_without_gc
def check(
    paths: tuple[Path, ...],
    output_format: str,
    output: Path | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    lang: str,
    exit_zero: bool,
    fail_level: str,
    color: bool | None,
    stdin_filename: str | None,
    no_embed_text: bool,
    sarif_category: str | None,
    sarif_related: bool,
    strict_plugins: bool,
    config_file: Path | None,
    isolated: bool,
    jobs: int | None,
    exclude: tuple[str, ...],
    no_gitignore: bool,
    baseline_file: Path | None,
    project_root: Path | None,
    manifest_file: Path | None,
    store_file: Path | None,
    statistics: bool,
) -> None:
    """Check the reports in PATHS (files, folders searched recursively, or glob patterns;
    - reads one report from standard input)."""
    from linter.batch import EngineSpec, Progress, default_jobs, run_batch
    from linter.engine import Engine, collect_files, reader_suffixes
    from linter.plugins import PluginError, load_plugins
    from linter.reporters import ReportOptions

    try:
        plugins = load_plugins(strict=strict_plugins)
    except PluginError as exc:
        _fail(f"plugin error: {exc}")
    for problem in plugins.problems:
        click.echo(f"gongkai-lint: warning: plugin {problem.plugin}: {problem.message}", err=True)
    try:
        reporter_cls = plugins.reporters.get(output_format)
    except Exception as exc:  # a plugin's format given as an import path that fails
        _fail(f"output format {output_format!r} cannot be loaded: {exc!r}")
    if reporter_cls is None:
        known = ", ".join(sorted(plugins.reporters))
        _fail(f"unknown output format {output_format!r}; choose one of: {known}")
    config = _config(config_file, isolated)
    patterns = _split(select) + _split(extend_select) + _split(ignore)
    unknown = [p for p in patterns if not _matches_any(p, plugins.rules.values())]
    if unknown:
        _fail(f"--select/--ignore: no rule matches {', '.join(unknown)} (see `gongkai-lint rules`)")
    _check_config_patterns(config, plugins.rules.values())
    warnings: list[str] = []  # on stderr, and as notifications in SARIF
    suffixes = reader_suffixes(plugins.readers)
    stdin = _read_stdin(stdin_filename) if Path("-") in paths else None
    paths = tuple(p for p in paths if p != Path("-"))
    files, missing = collect_files(
        paths,
        exclude=_split(exclude),
        suffixes=suffixes,
        problems=warnings,
        gitignore=not no_gitignore,
    )
    if stdin is not None:
        files.append(stdin.path)
    if output is not None and not getattr(reporter_cls, "writes_folder", False):
        # (A format that writes a folder, html, checks its own: see its reporter.)
        _check_output(output, files)
    if missing:
        _fail("path not found: " + ", ".join(missing))
    if not files:
        _fail(
            "no report files found in "
            + ", ".join(str(p) for p in paths)
            + f" (looked for {', '.join(suffixes)})"
        )
    # Held to the end of the batch: as strings (a Path object and its parts are three
    # times the size; a worker makes the Path again).
    names = [str(f) for f in files]
    del files
    from linter.project import Project, find_project_root

    if project_root is not None and not project_root.is_dir():
        _fail(f"--project-root: not a folder: {project_root}")
    project = Project.at(project_root or find_project_root(paths))
    baseline = None
    if baseline_file is not None:
        from linter.baseline import Baseline, BaselineError

        try:
            baseline = Baseline.load(baseline_file, project)
        except BaselineError as exc:
            _fail(str(exc))
    manifest = None
    if manifest_file is not None:
        from linter.manifest import ManifestError, load_manifest

        try:
            manifest = load_manifest(manifest_file)
        except ManifestError as exc:
            _fail(f"manifest error: {exc}")
        for name in manifest.missing():
            warnings.append(f"manifest {manifest_file}: no file {name}; its row was not used")
    spec = EngineSpec(
        manifest=manifest,
        config=config,
        select=_split(select),
        extend_select=_split(extend_select),
        ignore=_split(ignore),
        root=Path.cwd(),
        keep_reports=getattr(reporter_cls, "needs_reports", False),
        aliases=stdin.aliases if stdin else (),
    )
    engine = Engine.from_config(
        plugins,
        config,
        select=spec.select,
        extend_select=spec.extend_select,
        ignore=spec.ignore,
        manifest=manifest,
    )
    engine.aliases = dict(spec.aliases)
    _started()
    from linter.output import Staging

    staging = Staging()
    options = ReportOptions(
        docs_url=config.docs_url,
        lang=lang,
        rules=engine.rules,
        embed_text=not no_embed_text,
        plugin_problems=[f"plugin {p.plugin}: {p.message}" for p in plugins.problems],
        baseline=baseline_file,
        output_path=output,
        project_root=project.root,
        staging=staging,
        warnings=warnings,
        sarif_category=sarif_category,
        sarif_related=sarif_related,
        color=_use_color(color, output),
    )
    if getattr(reporter_cls, "renders_in_workers", False) and baseline is None:
        # Each worker renders its files' output; a baseline needs the findings here.
        from dataclasses import replace

        spec = replace(spec, renderer=reporter_cls.worker_renderer(options))
    for warning in warnings:
        click.echo(f"gongkai-lint: warning: {_shown(warning)}", err=True)
    jobs = jobs or default_jobs()
    binary = getattr(reporter_cls, "binary", False)
    writes_folder = getattr(reporter_cls, "writes_folder", False)
    if writes_folder and output is None:
        _fail(f"the {output_format} format writes a folder: name it with -o FOLDER")
    if binary and output is None:
        _fail(
            f"the {output_format} format writes a binary file: name it with -o FILE.{output_format}"
        )
    # A binary format (xlsx) writes options.output_path itself; it gets no text stream.
    if binary:
        import io

        out = io.StringIO()
    elif output:
        out = _open_output(staging, output)
    else:
        out = _stdout()
    _on_termination_signals()
    # Batch rules' compact facts, by rule code (see linter.rule.BatchRule), on disk.
    from linter.factstore import FactStore, StoreError

    fact_store = None
    try:
        fact_store = FactStore(store_file)
        try:
            reporter = reporter_cls(out, options)
        except click.ClickException as exc:
            _fail(exc.format_message())
        run = run_batch(
            engine,
            spec,
            names,
            min(jobs, len(names)),
            reporter,
            fact_store,
            baseline=baseline,
            fail_level=fail_level,
            lang=lang,
            progress=Progress(len(names)),
        )
        reporter.finish()
        out.flush()
        staging.commit()
    except KeyboardInterrupt as exc:
        staging.discard()
        _abandon_output()
        _fail(f"interrupted{_signal_name(exc)}; " + _nothing_written(output))
    except StoreError as exc:
        staging.discard()
        _fail(str(exc))
    except OSError as exc:
        staging.discard()
        _abandon_output()
        _fail(_write_failed(exc, output))
    finally:
        staging.discard()
        if stdin is not None:
            stdin.remove()
        if fact_store is not None:
            fact_store.close()
    if statistics:
        click.echo(run.stats.render(lang), nl=False)
    for (code, reason), (count, named) in sorted(run.skipped.items()):
        click.echo(_skipped_line(code, reason, count, named, lang), err=True)
    sys.exit(EXIT_FINDINGS if run.failing and not exit_zero else EXIT_CLEAN)


def _use_color(color: bool | None, output: Path | None) -> bool:
    """--color/--no-color; else on when standard output is a terminal and NO_COLOR unset."""
    import os

    if color is not None:
        return color
    if output is not None or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


class _Stdin:
    """A report read from standard input, kept in a temporary file while it is checked."""

    def __init__(self, data: bytes, name: str | None) -> None:
        import tempfile

        self.folder = Path(tempfile.mkdtemp(prefix="gongkai-lint-stdin-"))
        self.path = self.folder / (Path(name).name if name else "stdin")
        self.path.write_bytes(data)
        self.aliases = ((str(self.path), Path(name).as_posix() if name else "-"),)
        import atexit

        atexit.register(self.remove)  # also when a usage error ends the run early

    def remove(self) -> None:
        import shutil

        shutil.rmtree(self.folder, ignore_errors=True)


def _read_stdin(name: str | None) -> _Stdin:
    try:
        data = sys.stdin.buffer.read()
    except (OSError, AttributeError, ValueError) as exc:
        _fail(f"cannot read the report from standard input: {exc}")
    return _Stdin(data, name)


def _skipped_line(code: str, reason: str, count: int, named: list[str], lang: str) -> str:
    """``PB001 未能检查 5 份报告（a.txt、b.txt、c.txt…等 5 份）：没有公开日期…``."""
    shown = [_shown(p) for p in named]
    if lang == "en":
        more = f", … {count} in all" if count > len(shown) else ""
        return (
            f"gongkai-lint: {code} could not check {count} report(s) "
            f"({', '.join(shown)}{more}): {reason}"
        )
    more = f"…等 {count} 份" if count > len(shown) else ""
    return f"gongkai-lint: {code} 未能检查 {count} 份报告（{'、'.join(shown)}{more}）：{reason}"


def _check_output(output: Path, files: list[Path]) -> None:
    """An output path that cannot be written is refused before any file is read."""
    from linter.output import OutputError, check_output_path, shown

    try:
        check_output_path(output)
    except OutputError as exc:
        _fail(f"-o {exc}")
    try:
        target = output.resolve()
        if any(f.resolve() == target for f in files):
            _fail(
                f"-o {shown(str(output))}: is one of the reports being checked; name another file"
            )
    except (OSError, RuntimeError):
        pass


def _open_output(staging, output: Path):
    try:
        return staging.open(output, "w", newline="")
    except OSError as exc:
        _fail(_write_failed(exc, output))


def _stdout():
    """Standard output, with names that are not UTF-8 shown as U+FFFD, never a crash."""
    from linter.output import ERRORS

    if sys.stdout is None:
        _fail("standard output is closed: name an output file with -o FILE")
    try:
        sys.stdout.reconfigure(errors=ERRORS)
    except (AttributeError, ValueError, OSError):
        pass
    return sys.stdout


def _write_failed(exc: OSError, output: Path | None) -> str:
    import errno

    from linter.output import shown

    if output is None:
        if exc.errno in (errno.EPIPE, errno.EBADF, errno.EINVAL):
            _quiet_stdout()
        return f"cannot write to standard output: {exc.strerror or exc}"
    name = shown(str(exc.filename or output))
    return f"cannot write {name}: {exc.strerror or exc}; " + _nothing_written(output)


def _abandon_output() -> None:
    # A writer left half-way (openpyxl's row generators) complains when it is collected;
    # the output is discarded, so the one line above is all the user should see.
    sys.unraisablehook = lambda unraisable: None


def _nothing_written(output: Path | None) -> str:
    from linter.output import shown

    if output is None:
        return "the output is incomplete"
    return f"no output was written ({shown(str(output))} is unchanged)"


def _quiet_stdout() -> None:
    # A closed pipe: stop Python from failing again while flushing at exit.
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP: stop like Ctrl-C (workers stopped, no output written)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _on_termination_signals() -> None:
    import signal

    def stop(signum, frame):  # pragma: no cover - signal handler
        raise Terminated(signum)

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            try:
                signal.signal(getattr(signal, name), stop)
            except ValueError:  # not the main thread (an embedding application)
                pass


def _signal_name(exc: KeyboardInterrupt) -> str:
    import signal

    if isinstance(exc, Terminated):
        return f" by {signal.Signals(exc.signum).name}"
    return ""


def _config(config_file: Path | None, isolated: bool):
    from linter.config import Config, ConfigError, find_config, load_config

    if isolated:
        return Config()
    if config_file is not None and not config_file.is_file():
        _fail(f"configuration file not found: {config_file}")
    try:
        path = config_file if config_file is not None else find_config(Path.cwd())
        return load_config(path)
    except ConfigError as exc:
        _fail(f"configuration error: {exc}")


def _check_config_patterns(config, rules) -> None:
    """A configured select that matches no rule would check nothing and pass: refuse it."""
    rules = list(rules)
    for key, patterns in (("select", config.select), ("extend-select", config.extend_select)):
        unknown = [p for p in patterns if not _matches_any(p, rules)]
        if unknown:
            _fail(
                f"configuration error: {config.path}: {key}: no rule matches "
                f"{', '.join(unknown)} (see `gongkai-lint rules`)"
            )
    unknown = [p for p in config.ignore if not _matches_any(p, rules)]
    if unknown:
        click.echo(
            f"gongkai-lint: warning: {config.path}: ignore: no rule matches {', '.join(unknown)}",
            err=True,
        )


def _shown(text: str) -> str:
    from linter.output import shown

    return shown(text)


def _matches_any(pattern: str, rules) -> bool:
    from linter.engine import Selection

    return any(Selection.matches(pattern, r) for r in rules)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the JSON to FILE.",
)
@click.option(
    "--validate/--no-validate",
    default=True,
    show_default=True,
    help="Validate the IR against schemas/report.schema.json.",
)
@_config_options
def parse(
    file: Path, output: Path | None, validate: bool, config_file: Path | None, isolated: bool
) -> None:
    """Print the intermediate form (IR) of FILE as JSON."""
    from linter.batch import parse_one
    from linter.engine import TOOL_FAILURE, Engine
    from linter.schema import validate_report_json

    config = _config(config_file, isolated)
    # Read in a worker held to the configured time and memory limits, as check reads.
    report = parse_one(Engine(plugins=_load_plugins(), limits=config.limits), file)
    for d in report.diagnostics:
        args = dict(d.args)
        if args.get("cause") == TOOL_FAILURE:  # an interpreter bug: one clear line
            _fail(
                f"{file}: the tool failed while reading or interpreting the file: "
                f"{args.get('error')}. This is a bug in the tool, please report it."
            )
    data = report.to_json()
    if validate:
        errors = validate_report_json(data)
        if errors:
            _fail("the IR does not conform to its schema (a bug): " + "; ".join(errors[:5]))
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if output:
        from linter.output import AtomicFile, OutputError, check_output_path

        try:
            check_output_path(output)
            target = AtomicFile(output, "w")
            try:
                target.stream.write(text)
                target.commit()
            finally:
                target.discard()
        except OutputError as exc:
            _fail(f"-o {exc}")
        except OSError as exc:
            _fail(_write_failed(exc, output))
    else:
        click.echo(text, nl=False)
    if not report.readable:
        for d in report.diagnostics:
            click.echo(f"gongkai-lint: {file}: {d.detail_en}", err=True)
        sys.exit(EXIT_FINDINGS)


@main.command()
@click.argument("code", required=False)
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
def rules(code: str | None, lang: str) -> None:
    """List every rule, or explain the rule CODE."""
    from linter.editions import ids as edition_ids

    plugins = _load_plugins()
    for problem in plugins.problems:
        click.echo(f"gongkai-lint: warning: plugin {problem.plugin}: {problem.message}", err=True)
    if code is None:
        for rule in plugins.rules.values():
            summary = rule.summary_en if lang == "en" else rule.summary_zh
            editions = "all" if rule.editions == edition_ids() else ",".join(rule.editions)
            override = plugins.overrides.get(rule.code)
            origin = plugins.packages.get(rule.code, "")
            if override is not None:
                origin = f"{override.package}, overrides {override.replaced}"
            shown = f"  [{origin}]" if origin and origin != "gongkai-lint" else ""
            click.echo(
                f"{rule.family}  {rule.code}  {rule.name:<32} {rule.level:<8} {editions:<5} "
                f"{summary}{shown}"
            )
        return
    rule = plugins.rules.get(code.upper()) or plugins.rule_by_name(code)
    if rule is None:
        _fail(f"no rule {code!r} (see `gongkai-lint rules`)")
    from linter.docs import render_rule

    override = plugins.overrides.get(rule.code)
    if override is not None:
        click.echo(
            f"({override.package} overrides the {override.replaced} rule {rule.code})"
            if lang == "en"
            else f"（{override.package} 替换了 {override.replaced} 的规则 {rule.code}）"
        )
    click.echo(render_rule(rule, lang))


@main.command("config")
@_config_options
def show_config(config_file: Path | None, isolated: bool) -> None:
    """Print the effective configuration and where each value came from."""
    from linter.effective import render

    click.echo(render(_config(config_file, isolated)), nl=False)


COMPLETION_SHELLS = ("bash", "zsh", "fish")


@main.command()
@click.argument("shell", type=click.Choice(COMPLETION_SHELLS))
def completion(shell: str) -> None:
    """Print the shell completion script for SHELL.

    \b
    bash:  eval "$(gongkai-lint completion bash)"       (in ~/.bashrc)
    zsh:   eval "$(gongkai-lint completion zsh)"        (in ~/.zshrc)
    fish:  gongkai-lint completion fish > ~/.config/fish/completions/gongkai-lint.fish
    """
    from click.shell_completion import get_completion_class

    cls = get_completion_class(shell)
    assert cls is not None  # click ships all three
    click.echo(cls(main, {}, "gongkai-lint", "_GONGKAI_LINT_COMPLETE").source())


def _load_plugins(strict: bool = False):
    from linter.plugins import PluginError, load_plugins

    try:
        return load_plugins(strict=strict)
    except PluginError as exc:
        _fail(f"plugin error: {exc}")


def _fail(message: str) -> None:
    click.echo(f"gongkai-lint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def entry(**kwargs: object) -> None:
    """The console script and ``python -m linter.cli``: :func:`main`, then a fast exit.

    Tearing the interpreter down (freeing every module's objects one by one) was 20–30 ms
    of a one-report run, a tenth of it, and nothing needs it: the ``atexit`` handlers
    (the stdin staging folder, multiprocessing's) still run and the standard streams are
    flushed; every output file is closed before :func:`main` returns. mypy leaves the
    same way. In-process callers (tests, embedding applications) call :func:`main`."""
    import atexit
    import os

    try:
        main(**kwargs)
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    if code is None:
        code = 0
    elif not isinstance(code, int):  # as Python does with sys.exit("message")
        print(code, file=sys.stderr)
        code = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):  # a closed pipe or stream
            code = code or 120  # Python's own code when the final flush fails
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    entry()
