"""``html``: an offline audit report, a folder that opens in any browser (``-o audit/``).

::

    audit/
      index.html            the overview: files, reports affected per rule, heatmap,
                            publication dates, copied text, a table of every report
      reports/00001.html    one page per report: metadata, tables re-rendered from the
                            IR with the cells findings point at marked, the narrative
      rules/AP101.html      one page per rule (its documentation), linked from findings
      .gongkai-lint-audit   marks the folder as an audit (a later run may replace it)

Everything is in the folder: styles inline, charts as inline SVG drawn in Python
(:mod:`.charts`), the overview's table filtered and sorted by one inline script (its
hash is in the page's Content-Security-Policy; the other pages allow no script at all).
Pages are rendered by Jinja2 with autoescaping: report text comes from the web and is
untrusted, and only ``http``/``https`` addresses become links.

Each report's page is written when its result arrives, so memory stays flat; what a page
needs is also kept compressed in a temporary folder, so that a report that batch rules
(CY) find something about later is rendered again, with last year's text beside it. The
folder is built beside the target and moved into place at the end: an interrupted run
leaves the previous audit as it was.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import pickle
import shutil
import tempfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import quote, urlsplit

import click

from linter.engine import FileResult, checked_as_report
from linter.finding import LEVELS, Finding
from linter.issuer import ISSUER_KIND_NAMES
from linter.reporters import Reporter, cause_label, where
from linter.reporters.summary import NOT_CHECKED, Tally

MARKER = ".gongkai-lint-audit"
# The overview's cards of files not checked (element ids, used by the tests too).
CARD_IDS = {"XT001": "count-unreadable", "XT004": "count-not-report", "XT005": "count-no-text"}
LEVEL_NAMES = {"error": ("错误", "error"), "warning": ("警告", "warning"), "note": ("提示", "note")}
# Default deadlines (MM-DD of the next year) for the publication-date chart.
DEADLINES = {"department": "01-31", "government": "03-31"}


class AuditFolderError(click.ClickException):
    """A usage error (exit 2) about the output folder."""

    exit_code = 2


def safe_href(url: str | None) -> str | None:
    """``url`` if it is an http(s) address, else None: a report's ``javascript:`` or
    ``data:`` address must never become a link."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def csp(script: str | None = None) -> str:
    """The pages' Content-Security-Policy: nothing from outside, and either no script
    or exactly the one inline script whose hash is given."""
    digest = (
        f"'sha256-{base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()}'"
        if script
        else "'none'"
    )
    return (
        f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src {digest}; "
        "base-uri 'none'; form-action 'none'"
    )


@dataclass
class Row:
    """One report in the overview."""

    number: int
    path: str
    page: str
    agency: str | None = None
    year: int | None = None
    kind: str | None = None
    published: str | None = None
    checked: bool = True
    families: Counter = field(default_factory=Counter)
    # family -> most severe level of its findings
    family_worst: dict[str, str] = field(default_factory=dict)
    copied: list[float] = field(default_factory=list)

    def add(self, f: Finding) -> None:
        family = f.code[:2]
        self.families[family] += 1
        known = self.family_worst.get(family)
        if known is None or LEVELS.index(f.level) < LEVELS.index(known):
            self.family_worst[family] = f.level
        share = f.properties.get("share") if f.code == "CY003" else None
        if isinstance(share, (int, float)):
            self.copied.append(float(share))


class HtmlAuditReporter(Reporter):
    binary: ClassVar[bool] = True
    writes_folder: ClassVar[bool] = True
    # Needs each report's whole intermediate form (tables, narrative) for its page.
    needs_reports: ClassVar[bool] = True

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        output = getattr(self.options, "output_path", None)
        if output is None:
            raise AuditFolderError("the html format writes a folder: name it with -o FOLDER")
        self.target = Path(output)
        if self.target.exists() and not self.target.is_dir():
            raise AuditFolderError(f"-o {output}: is a file; the html format writes a folder")
        if (
            self.target.is_dir()
            and any(self.target.iterdir())
            and not (self.target / MARKER).exists()
        ):
            raise AuditFolderError(
                f"-o {output}: the folder exists and is not an earlier audit report; "
                "name a new or empty folder (it is replaced as a whole)"
            )
        try:
            import jinja2
        except ImportError:  # pragma: no cover - Jinja2 is a dependency
            raise AuditFolderError("the html format needs Jinja2: pip install jinja2") from None
        self.en = self.options.lang == "en"
        self.env = jinja2.Environment(
            loader=jinja2.PackageLoader("linter.reporters.html_audit", "templates"),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            # Templates are package data: never re-checked on disk for each page.
            auto_reload=False,
        )
        self.env.globals.update(t=self.t, level_name=self.level_name, csp=csp)
        self.env.filters["safe_href"] = safe_href
        parent = self.target.resolve().parent
        parent.mkdir(parents=True, exist_ok=True)
        self.build = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.", dir=parent))
        (self.build / "reports").mkdir()
        (self.build / "rules").mkdir()
        self.store = Path(tempfile.mkdtemp(prefix="gongkai-lint-audit-"))
        self.tally = Tally()
        self.rows: dict[str, Row] = {}
        self.rules = {r.code: r for r in self.options.rules}
        self.css = self._static("audit.css")

    # --- helpers ------------------------------------------------------------------

    def t(self, zh: str, en: str) -> str:
        return en if self.en else zh

    def level_name(self, level: str | None) -> str:
        if level is None:
            return ""
        zh, en = LEVEL_NAMES[level]
        return en if self.en else zh

    def kind_name(self, kind: str | None) -> str:
        zh, en = ISSUER_KIND_NAMES.get(kind, (kind or "", kind or ""))
        return en if self.en else zh

    @staticmethod
    def _static(name: str) -> str:
        from importlib.resources import files

        return (files("linter.reporters.html_audit") / "static" / name).read_text("utf-8")

    def source_href(self, path: str) -> str | None:
        """A relative link from ``reports/`` to the report's file, when it exists."""
        source = self.options.root / path
        if not source.is_file():
            return None
        relative = os.path.relpath(source.resolve(), (self.target / "reports").resolve())
        return quote(Path(relative).as_posix())

    # --- per report ---------------------------------------------------------------

    def file(self, result: FileResult) -> None:
        counts = self.tally.file(result)
        number = len(self.rows) + 1
        row = Row(
            number=number,
            path=result.path,
            page=f"reports/{number:05d}.html",
            agency=counts.agency,
            year=counts.year,
            kind=counts.issuer_kind,
            published=counts.published,
            checked=bool(checked_as_report(result.report)),
        )
        for f in result.findings:
            row.add(f)
        self.rows[result.path] = row
        page = {
            "report": result.report,
            "findings": list(result.findings),
            "skipped": list(result.skipped),
            "suppressed": len(result.suppressed),
        }
        self._keep(row, page)
        self._write_page(row, page)

    def _keep(self, row: Row, page: dict[str, Any]) -> None:
        """Keep what the page needs on disk, compressed (the IR as its JSON form, which
        is several times faster to write than a pickle of the dataclasses)."""
        report = json.dumps(page["report"].to_json(), ensure_ascii=False).encode("utf-8")
        rest = pickle.dumps({k: v for k, v in page.items() if k != "report"}, 5)
        with (self.store / f"{row.number:05d}.z").open("wb") as fh:
            fh.write(zlib.compress(len(report).to_bytes(8, "big") + report + rest, 1))

    def _load(self, row: Row) -> dict[str, Any]:
        from linter.model import Report

        data = zlib.decompress((self.store / f"{row.number:05d}.z").read_bytes())
        size = int.from_bytes(data[:8], "big")
        page = pickle.loads(data[8 + size :])
        page["report"] = Report.from_json(json.loads(data[8 : 8 + size]))
        return page

    def batch(self, findings, suppressed=None) -> None:
        self.tally.batch(findings, suppressed or ())
        by_path: dict[str, list[Finding]] = {}
        for f in findings:
            by_path.setdefault(f.path, []).append(f)
        for path, found in by_path.items():
            row = self.rows.get(path)
            if row is None:  # about a report never passed to ``file``
                continue
            for f in found:
                row.add(f)
            page = self._load(row)
            page["findings"] = sorted(page["findings"] + found, key=Finding.sort_key)
            page["compare"] = self._comparisons(found)
            self._write_page(row, page)

    def _comparisons(self, findings: list[Finding]) -> list[dict[str, Any]]:
        """CY003: this year's section 5 beside the previous report's."""
        out = []
        for f in findings:
            other = f.properties.get("previous_report")
            if f.code != "CY003" or not isinstance(other, str) or other not in self.rows:
                continue
            previous = self._load(self.rows[other])["report"]
            section = previous.section(5)
            out.append(
                {
                    "finding": f,
                    "previous_path": other,
                    "previous_page": self.rows[other].page.split("/", 1)[1],
                    "previous_year": previous.year.value,
                    "previous": [p.text for p in section.paragraphs] if section else [],
                }
            )
        return out

    def _write_page(self, row: Row, page: dict[str, Any]) -> None:
        from linter.reporters.html_audit import pages

        report = page["report"]
        numbered = [
            (pages.Mark(i, f.code, f.level, f.message(self.options.lang)), f)
            for i, f in enumerate(page["findings"], start=1)
        ]
        marks = pages.Marks(numbered)
        tables = pages.tables(report, marks, self.en)
        narrative = pages.narrative(report, marks, numbered)
        groups: dict[int | None, list] = {}
        for mark, f in numbered:
            groups.setdefault(pages.section_of(f, report), []).append((mark, f))
        headings = {s.number: s.heading for s in report.sections}
        grouped = [
            (
                number,
                headings.get(number)
                or (
                    f"第{'一二三四五六'[number - 1]}部分"
                    if number
                    else self.t("全文", "whole report")
                )
                if not self.en or number is None
                else f"section {number}",
                groups[number],
            )
            for number in sorted(groups, key=lambda n: (n is None, n or 0))
        ]
        compare = page.get("compare", [])
        for item in compare:
            this = report.section(5)
            item["this"] = [p.text for p in this.paragraphs] if this else []
        html = self.env.get_template("report.html").render(
            css=self.css,
            row=row,
            report=report,
            kind=self.kind_name(row.kind),
            url=report.metadata.get("url"),
            source_href=self.source_href(row.path),
            numbered=numbered,
            grouped=grouped,
            tables=tables,
            narrative=narrative,
            compare=compare,
            skipped=page["skipped"],
            suppressed=page["suppressed"],
            where=where,
            rule_page=self._rule_page,
        )
        (self.build / row.page).write_text(html, encoding="utf-8")

    def _rule_page(self, code: str) -> str | None:
        return f"../rules/{code}.html" if code in self.rules else None

    # --- the overview ---------------------------------------------------------------

    def finish(self) -> None:
        try:
            self._write_rules()
            self._write_overview()
            (self.build / MARKER).write_text(
                "gongkai-lint audit report: this folder is replaced as a whole by the next run.\n",
                encoding="utf-8",
            )
            self._move_into_place()
        finally:
            shutil.rmtree(self.store, ignore_errors=True)
            if self.build.exists():
                shutil.rmtree(self.build, ignore_errors=True)

    def _move_into_place(self) -> None:
        old = None
        if self.target.exists():
            old = self.target.with_name(f".{self.target.name}.old-{os.getpid()}")
            self.target.rename(old)
        self.build.rename(self.target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def _write_rules(self) -> None:
        from linter.docs import (
            GRADE_NOTE_EN,
            GRADE_NOTE_ZH,
            SECTIONS_EN,
            SECTIONS_ZH,
            doc_sections,
        )
        from linter.plugins import family_names

        template = self.env.get_template("rule.html")
        for rule in self.rules.values():
            sections = doc_sections(rule)
            first, second = (SECTIONS_EN, SECTIONS_ZH) if self.en else (SECTIONS_ZH, SECTIONS_EN)
            html = template.render(
                css=self.css,
                rule=rule,
                family=family_names(rule.family),
                grade_note=(GRADE_NOTE_EN if self.en else GRADE_NOTE_ZH)
                if rule.grade == "U"
                else None,
                sections=[(name, sections.get(name, "")) for name in first + second],
                affected=self.tally.affected(rule.code),
                reports=len(self.rows),
            )
            (self.build / "rules" / f"{rule.code}.html").write_text(html, encoding="utf-8")
        ordered = sorted(self.rules.values(), key=lambda r: (-self.tally.affected(r.code), r.code))
        html = self.env.get_template("rules.html").render(
            css=self.css, rules=[(r, self.tally.affected(r.code)) for r in ordered]
        )
        (self.build / "rules" / "index.html").write_text(html, encoding="utf-8")

    def _write_overview(self) -> None:
        from linter.plugins import family_names
        from linter.reporters.html_audit import charts
        from linter.reporters.statistics import share

        rows = list(self.rows.values())
        families = self.tally.families(self.options.rules)
        total = len(rows)
        checked = [r for r in rows if r.checked]

        # Files: read, not read, not a report, by cause.
        causes: Counter = Counter()
        for counts in self.tally.reports.values():
            if counts.not_checked is not None:
                code, zh, en = counts.not_checked
                # The reader's own cause (empty, encrypted, a scan …) when it named one;
                # else the message's first clause (entity attack, bad JSON …).
                label = (
                    cause_label(counts.cause, self.options.lang)
                    if counts.cause and counts.cause != "unreadable" and code != "XT004"
                    else _first_clause(en if self.en else zh)
                )
                causes[(code, label)] += 1
        by_code = Counter()
        for (code, _), n in causes.items():
            by_code[code] += n
        # A card per way a file goes unchecked: the three of the core always, a plugin's
        # when it happened.
        cards = [
            (
                code,
                CARD_IDS.get(code, f"count-{code}"),
                self.t(*NOT_CHECKED.get(code, (code, code))),
                by_code[code],
            )
            for code in [*CARD_IDS, *sorted(set(by_code) - set(CARD_IDS))]
            if code in ("XT001", "XT004") or by_code[code]
        ]
        colours = {"XT001": "#c0392b", "XT004": "#7f8c8d", "XT005": "#8e44ad"}
        files_chart = charts.stacked_bar(
            [(self.t("已检查", "checked"), len(checked), "#27ae60")]
            + [(label, n, colours.get(code, "#95a5a6")) for code, _, label, n in cards],
            title=self.t("文件", "files"),
        )
        skipped: Counter = Counter()
        for counts in self.tally.reports.values():
            for code, zh, en in counts.skipped:
                skipped[(code, en if self.en else zh)] += 1

        # Reports affected per rule, most first.
        affected = Counter()
        worst_of_rule: dict[str, str] = {}
        for counts in self.tally.reports.values():
            for code in counts.codes:
                affected[code] += 1
        for code, rule in self.rules.items():
            worst_of_rule[code] = rule.level
        rule_bars = [
            charts.Bar(
                label=f"{code} {self.rules[code].name if code in self.rules else ''}".strip(),
                value=n / total if total else 0,
                text=f"{n} ({share(n, total)})",
                colour=charts.LEVEL_COLOURS.get(worst_of_rule.get(code)),
                href=f"rules/{code}.html" if code in self.rules else None,
            )
            for code, n in sorted(affected.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
        rules_chart = charts.bar_chart(
            rule_bars, title=self.t("各规则涉及的报告", "reports affected per rule")
        )

        # Reports affected per family, split by the most severe level in the family.
        family_rows = []
        for family in families:
            by_level = Counter(r.family_worst[family] for r in rows if family in r.family_worst)
            n = sum(by_level.values())
            zh, en = family_names(family)
            family_rows.append(
                {
                    "family": family,
                    "name": en if self.en else zh,
                    "affected": n,
                    "share": share(n, total),
                    "levels": [(lv, by_level.get(lv, 0)) for lv in LEVELS],
                }
            )
        family_bars = [
            charts.Bar(
                label=f"{fr['family']} {fr['name']}",
                value=fr["affected"] / total if total else 0,
                text=f"{fr['affected']} ({fr['share']})",
                colour=charts.LEVEL_COLOURS[
                    next((lv for lv, n in fr["levels"] if n), None) if fr["affected"] else None
                ],
            )
            for fr in family_rows
        ]
        families_chart = charts.bar_chart(
            family_bars, title=self.t("各类问题涉及的报告", "reports affected per family")
        )

        # Heatmap: issuer kind × year × family.
        groups: dict[str, list[Row]] = {}
        for r in checked:
            key = f"{self.kind_name(r.kind)} {r.year or self.t('年度不明', 'year unknown')}"
            groups.setdefault(key, []).append(r)
        order = sorted(groups, key=lambda k: (k.split(" ")[0], k.split(" ")[-1]))
        cells = {
            (key, family): (sum(1 for r in groups[key] if r.families.get(family)), len(groups[key]))
            for key in order
            for family in families
        }
        heatmap = charts.heatmap(
            order,
            families,
            cells,
            title=self.t("主体类型 × 年度 × 类别", "issuer kind × year × family"),
        )

        # Publication dates against the deadline, in weeks.
        weeks: Counter = Counter()
        dated = undated = 0
        for r in checked:
            days = _days_late(r)
            if days is None:
                undated += 1
                continue
            dated += 1
            # Week 0 ends on the deadline (on time); week +1 is the first week late.
            weeks[max(-8, min(12, -(-days // 7)))] += 1
        timeline = None
        if dated:
            buckets = [
                (
                    ("≤" if w == -8 else "≥" if w == 12 else "") + f"{w:+d}" + self.t("周", "w"),
                    weeks.get(w, 0),
                )
                for w in range(-8, 13)
            ]
            timeline = charts.histogram(
                buckets,
                title=self.t("公开日期与截止日期", "publication dates against the deadline"),
                marker=9,
                marker_label=self.t("截止日期", "deadline"),
            )

        # Copied text (CY003): the share of section 5 (or the text) repeated.
        copied = [s for r in rows for s in r.copied]
        copied_chart = None
        if copied:
            bins = Counter(min(9, int(s * 10)) for s in copied)
            copied_chart = charts.histogram(
                [(f"{10 * b}–{10 * b + 10}%", bins.get(b, 0)) for b in range(10)],
                title=self.t("与上年相同的文字比例", "share of text repeated from last year"),
            )

        data = [
            {
                "n": r.number,
                "path": r.path,
                "page": r.page,
                "agency": r.agency or "",
                "year": r.year,
                "kind": self.kind_name(r.kind),
                "published": r.published or "",
                "checked": r.checked,
                "worst": next(
                    (lv for lv in LEVELS if lv in r.family_worst.values()),
                    "",
                ),
                "total": sum(r.families.values()),
                "f": {f: r.families[f] for f in families if r.families.get(f)},
            }
            for r in rows
        ]
        script = self._static("overview.js")
        html = self.env.get_template("overview.html").render(
            css=self.css,
            script=script,
            total=total,
            checked=len(checked),
            cards=cards,
            causes=sorted(causes.items(), key=lambda kv: -kv[1]),
            skipped=sorted(skipped.items(), key=lambda kv: (kv[0][0], -kv[1])),
            files_chart=files_chart,
            rules_chart=rules_chart,
            families_chart=families_chart,
            family_rows=family_rows,
            heatmap=heatmap,
            timeline=timeline,
            dated=dated,
            undated=undated,
            copied_chart=copied_chart,
            copied=len(copied),
            families=families,
            years=sorted({r.year for r in rows if r.year is not None}),
            kinds=sorted({d["kind"] for d in data}),
            data=data,
            generated=dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        )
        (self.build / "index.html").write_text(html, encoding="utf-8")


def _first_clause(message: str) -> str:
    """A cause, for grouping: the message up to its first full stop or semicolon (the
    column beside it already says the file could not be read)."""
    message = message.removeprefix("无法读取文件：").removeprefix("cannot read the file: ")
    for stop in ("。", "；", "; ", ". "):
        if stop in message:
            message = message.split(stop, 1)[0]
    return message[:120]


def _days_late(row: Row) -> int | None:
    """Days between the publication date and the deadline (negative: early)."""
    if not row.published or row.year is None or row.kind not in DEADLINES:
        return None
    try:
        published = dt.date.fromisoformat(row.published[:10])
        month, day = DEADLINES[row.kind].split("-")
        deadline = dt.date(row.year + 1, int(month), int(day))
    except ValueError:
        return None
    return (published - deadline).days


__all__ = ["HtmlAuditReporter", "csp", "safe_href"]
