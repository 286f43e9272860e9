"""ST003: the section 二 (or 三) tables follow the edition the report year requires."""

from __future__ import annotations

from collections.abc import Iterator

from linter import editions
from linter.document import Anchor
from linter.finding import Finding, Location
from linter.model import Report
from linter.rule import Rule, RuleContext
from linter.textnorm import key

_DECIDED_BY_ZH = {"year": "报告年度", "config": "配置"}
_DECIDED_BY_EN = {"year": "the report year", "config": "the configuration"}


class EditionMismatch(Rule):
    """检查内容：第二部分的表格（第二部分缺失时看第三部分的表格）所用格式版本与报告年度应适用的版本不一致：2021 年度及以后的报告用了 2019 年试行格式的表格（本年新制作数量、上一年项目数量、本年增/减、第二十条第（九）项政府集中采购等），或 2019、2020 年度报告用了 2021 年格式的表格。第二部分表格为 2021 年格式、只有第三部分“（六）其他处理”一行未分 3 个子项的，不属于本规则（由 AP002 报告缺少的子项）。报告年度无法确定时，按表格判断格式版本，并以提示说明。第二部分整体符合应适用的版本、但其中某一项沿用另一版的栏目（如 2021 年度以后报告的第（八）项仍为“上一年项目数量 / 本年增/减”）时，对该项报告警告；第二部分各项混用两版（如两项为 2019 年试行格式、两项为 2021 年格式）时，错误指明哪几项采用了另一版，而不说整个第二部分都用了另一版；两版在第二部分中势均力敌、无法判断整体版本时（如第（一）项为 2019 年试行格式，第（五）（六）（八）项为 2021 年格式），对沿用另一版的各项报告警告。

    为何重要：2021 年格式取代了试行格式，两者第二部分的栏目含义不同（如“现行有效件数”与“对外公开总数量”），用错版本的数据无法与其他机关、其他年度比较，也说明报告套用了过期的模板。

    不合规示例：某局 2021 年度报告第二部分仍为“第二十条第（一）项 信息内容 / 本年新制作数量 / 本年新公开数量 / 对外公开总数量”，并列有“第二十条第（九）项 政府集中采购”。

    合规示例：淮安市人民政府 2024 年度报告第二部分为“本年制发件数 / 本年废止件数 / 现行有效件数”“本年处理决定数量”“本年收费金额（单位：万元）”，没有第（九）项。

    依据：国办公开办函〔2021〕30号印发修订后的《中华人民共和国政府信息公开工作年度报告格式》，自 2021 年度报告起执行；2019、2020 年度报告按国办公开办函〔2019〕60号《格式（试行）》编制。两版表格的栏目见多份模板和真实报告。

    What it checks: the section 二 tables (section 三's when section 二 is missing) follow another edition of the format than the report year requires: a report on 2021 or later with the 2019 trial tables (本年新制作数量, 上一年项目数量, 本年增/减, item (9) 政府集中采购 …), or a report on 2019–2020 with the 2021 tables. A single collapsed （六）其他处理 row in section 三 with 2021 tables in section 二 is not this rule's business (AP002 reports the missing sub-rows). When the report year is unknown, the edition is inferred from the tables and a note says so. When section 二 as a whole follows the right edition but one item keeps the other edition's columns (item (8) of a report on 2021 or later still printing 上一年项目数量 / 本年增/减), that item gets a warning; when the items mix the editions (two in the 2019 trial format, two in the 2021 one), the error names the items that follow the other edition rather than saying the whole of section 二 does; when the two editions tie in section 二, which then follows neither (item (1) in the 2019 trial columns, items (5)(6)(8) in the 2021 ones), each item of the other edition gets a warning.

    Why it matters: the 2021 format replaced the trial format and its section 二 columns mean different things (现行有效件数 is not 对外公开总数量); figures in the wrong edition cannot be compared with other agencies or years, and show an outdated template was used.

    Non-compliant example: a bureau's report on 2021 whose section 二 still has "第二十条第（一）项 信息内容 / 本年新制作数量 / 本年新公开数量 / 对外公开总数量" and an item "第二十条第（九）项 政府集中采购".

    Compliant example: 淮安市人民政府's report on 2024: "本年制发件数 / 本年废止件数 / 现行有效件数", "本年处理决定数量", "本年收费金额（单位：万元）", no item (9).

    Basis: 国办公开办函〔2021〕30号 issued the revised format, used from the reports on 2021; reports on 2019 and 2020 follow the trial format of 国办公开办函〔2019〕60号. The columns of both editions are identical across templates and real reports.
    """

    code = "ST003"
    name = "edition-mismatch"
    level = "error"
    grade = "B"
    summary_zh = "表格所用格式版本与报告年度不符"
    summary_en = "The tables follow the other edition of the format than the year requires"
    basis_zh = (
        "国办公开办函〔2021〕30号（2021 年度起）；国办公开办函〔2019〕60号（2019、2020 年度）"
    )
    basis_en = "国办公开办函〔2021〕30号 (reports on 2021 onward); 国办公开办函〔2019〕60号 (reports on 2019–2020)"

    def check(self, report: Report, context: RuleContext) -> Iterator[Finding]:
        required = report.edition
        if required.value is None:
            return
        a20 = report.article20
        apps = report.applications
        if a20.present and a20.edition:
            found, section = a20.edition, 2
        elif (
            a20.present
            and required.decided_by != "tables"
            and any(t.present and t.edition == required.value for t in a20.items.values())
        ):
            # Section 二's items split between the editions so evenly that the section
            # follows neither (item (一) in the 2019 columns, (五)(六)(八) in the 2021
            # ones, as a 2021 区教育局 report's page prints them): each item of the other
            # edition is said, as when it is the only one. (Not when no item follows the
            # required edition: editions that print the same columns tie on every item.)
            yield from self._items_of_another_edition(report, required.value)
            return
        elif not a20.present and apps.present and apps.edition:
            found, section = apps.edition, 3
            if _only_collapsed(found, required.value):
                return  # a lone collapsed （六）其他处理 row: AP002 says which sub-rows are missing
        else:
            return
        if found == required.value and required.decided_by != "tables":
            # The usual case; but one item may keep the other edition's table (a 2023
            # report whose item (八) is still 2019's 上一年项目数量 / 本年增/减).
            if section == 2:
                yield from self._items_of_another_edition(report, required.value)
            return
        if section == 2:
            evidence, anchor = _article20_evidence(report, found)
        else:
            evidence, anchor = _applications_evidence(report, found)
        numeral = "二" if section == 2 else "三"
        location = Location(
            anchor,
            logical=f"section/{section}",
            label_zh=f"第{numeral}部分",
            label_en=f"section {section}",
        )
        shown_zh = "、".join(evidence)
        shown_en = ", ".join(evidence)
        if required.decided_by == "tables":
            yield self.finding(
                report,
                location,
                f"未能确定报告年度，按第{numeral}部分的表格（{shown_zh}）判断报告采用 {_long(found, 'zh')}。"
                "请在标题中写明年度，以便核对所用格式是否正确。",
                f"the report year could not be told; from the section {section} tables ({shown_en}) "
                f"the report follows {_long(found, 'en')}. State the year in the title so the "
                "edition can be checked.",
                sub_id="inferred",
                level="note",
            )
            return
        if found == required.value:
            return
        by_zh = _DECIDED_BY_ZH.get(required.decided_by or "", "报告年度")
        by_en = _DECIDED_BY_EN.get(required.decided_by or "", "the report year")
        year = report.year.value
        year_zh = f"（{year} 年度）" if year and required.decided_by == "year" else ""
        year_en = f" ({year})" if year and required.decided_by == "year" else ""
        # Section 二 may mix the editions item by item (two items in the old columns, two
        # in the new): then it is those items that follow the other edition, not "the tables".
        mixed = _items_by_edition(report, found, required.value) if section == 2 else None
        if mixed:
            (old_zh, old_en), (right_zh, right_en) = mixed
            yield self.finding(
                report,
                location,
                f"第二部分第二十条{old_zh}的表格采用 {_long(found, 'zh')}（{shown_zh}），"
                f"{right_zh}采用 {_long(required.value, 'zh')}；按{by_zh}{year_zh}应全部采用后者。"
                f"请按该格式重新编制{old_zh}的表格：{_expects(required.value, 'zh')}。",
                f"section 2: the tables of article 20 {old_en} follow {_long(found, 'en')} "
                f"({shown_en}), those of {right_en} {_long(required.value, 'en')}; by "
                f"{by_en}{year_en} all must follow the latter. Redo {old_en} in that edition: "
                f"{_expects(required.value, 'en')}.",
                sub_id=f"section{section}",
            )
            return
        yield self.finding(
            report,
            location,
            f"第{numeral}部分的表格采用 {_long(found, 'zh')}（{shown_zh}），但按{by_zh}{year_zh}"
            f"应采用 {_long(required.value, 'zh')}。请按应适用的格式重新编制表格：{_expects(required.value, 'zh')}。",
            f"the section {section} tables follow {_long(found, 'en')} ({shown_en}), but by "
            f"{by_en}{year_en} the report must follow {_long(required.value, 'en')}. Redo the "
            f"tables in that edition: {_expects(required.value, 'en')}.",
            sub_id=f"section{section}",
        )

    def _items_of_another_edition(self, report: Report, required: str) -> Iterator[Finding]:
        """A warning for each section-二 item whose printed columns are those of another
        edition than the one the section and the year follow (ST003 at warning level:
        the section as a whole is right)."""
        year = report.year.value
        for item_id, item in report.article20.items.items():
            if not item.present or item.edition is None or item.edition == required:
                continue
            evidence = _item_evidence(item, item.edition)
            if not evidence:
                continue
            numeral = _item_numeral(item_id)
            wanted = _columns_of(required, item_id)
            wanted_zh = f"该项应为：{wanted}" if wanted else "该格式没有这一项"
            wanted_en = f"the item's columns are {wanted}" if wanted else "it has no such item"
            year_zh = f"（{year} 年度）" if year else ""
            year_en = f" ({year})" if year else ""
            yield self.finding(
                report,
                Location(
                    item.anchor or _section_anchor(report, 2),
                    logical=f"section/2/{item_id}",
                    label_zh=f"第二部分 第二十条第（{numeral}）项",
                    label_en=f"section 2, article 20 item ({item_id.removeprefix('item')})",
                ),
                f"第二部分“第二十条第（{numeral}）项”的表格沿用 {_long(item.edition, 'zh')}的栏目"
                f"（{'、'.join(evidence)}），但按报告年度{year_zh}应采用 {_long(required, 'zh')}，"
                f"{wanted_zh}。请按该格式填报这一项。",
                f"section 2, article 20 item ({item_id.removeprefix('item')}) keeps the columns of "
                f"{_long(item.edition, 'en')} ({', '.join(evidence)}), but by the report "
                f"year{year_en} it must follow {_long(required, 'en')}: {wanted_en}. Fill the "
                "item in that edition.",
                sub_id=f"section2/{item_id}",
                level="warning",
            )


def _items_by_edition(
    report: Report, found: str, required: str
) -> tuple[tuple[str, str], tuple[str, str]] | None:
    """When some section-二 items follow ``found`` and others ``required``: the first
    ones and the others, named (zh, en: “第（一）（五）项”, “items (1)(5)”); else None."""
    old = [i for i, t in report.article20.items.items() if t.present and t.edition == found]
    right = [i for i, t in report.article20.items.items() if t.present and t.edition == required]
    if not old or not right:
        return None

    def named(ids: list[str]) -> tuple[str, str]:
        zh = "第" + "".join(f"（{_item_numeral(i)}）" for i in ids) + "项"
        en = ("items " if len(ids) > 1 else "item ") + "".join(
            f"({i.removeprefix('item')})" for i in ids
        )
        return zh, en

    return named(old), named(right)


def _item_numeral(item_id: str) -> str:
    for edition in editions.all_editions():
        spec = edition.item(item_id)
        if spec is not None:
            return spec.number
    return item_id


def _item_evidence(item, edition: str) -> list[str]:
    """The column labels an item prints that only ``edition`` has."""
    spec = editions.get(edition)
    fingerprints = {key(label) for label in spec.fingerprints} if spec else set()
    return [c.label.strip() for c in item.columns.values() if key(c.label) in fingerprints]


def _article20_evidence(report: Report, edition: str) -> tuple[list[str], Anchor]:
    """Printed labels of section 二 that only ``edition`` has, and where the first one is."""
    spec = editions.get(edition)
    fingerprints = {key(label) for label in spec.fingerprints} if spec else set()
    # Items only some editions have (2019's item (9)): their title is evidence too.
    everywhere = set.intersection(
        *({i.id for i in e.article20_items} for e in editions.all_editions())
    )
    labels: list[str] = []
    anchors: list[Anchor] = []
    for item in report.article20.items.values():
        if item.edition != edition:
            continue
        own = spec is not None and any(
            i.id not in everywhere and i.number in (item.title or "") for i in spec.article20_items
        )
        if own and item.title:
            labels.append(item.title.strip())
            if item.anchor is not None:
                anchors.append(item.anchor)
        for column in item.columns.values():
            if key(column.label) in fingerprints and column.label.strip() not in labels:
                labels.append(column.label.strip())
                if column.anchor is not None:
                    anchors.append(column.anchor)
        for row in item.rows.values():
            if key(row.label) in fingerprints and row.label.strip() not in labels:
                labels.append(row.label.strip())
                anchors.append(row.anchor)
    anchor = _first(anchors) or report.article20.anchor or _section_anchor(report, 2)
    return labels[:5] or ["第二十条表格的栏目"], anchor


def _applications_evidence(report: Report, edition: str) -> tuple[list[str], Anchor]:
    rows = report.applications.rows
    spec = editions.get(edition)
    everyone = set(editions.ids())
    ids = [
        r
        for r in rows
        if spec and r in spec.application_row_ids and set(editions.editions_of_row(r)) != everyone
    ]
    labels = [spec.applications_mark_zh] if spec else []
    anchors = [rows[r].anchor for r in ids]
    anchor = _first(anchors) or report.applications.anchor or _section_anchor(report, 3)
    return labels, anchor


def _columns_of(edition_id: str, item_id: str) -> str | None:
    spec = editions.get(edition_id)
    item = spec.item(item_id) if spec else None
    return "、".join(c.label for c in item.columns) if item else None


def _long(edition_id: str, lang: str) -> str:
    spec = editions.get(edition_id)
    if spec is None:
        return edition_id
    return spec.long_zh if lang == "zh" else spec.long_en


def _expects(edition_id: str, lang: str) -> str:
    spec = editions.get(edition_id)
    if spec is None:
        return ""
    return spec.expects_zh if lang == "zh" else spec.expects_en


def _only_collapsed(found: str, required: str) -> bool:
    """Whether the section-三 table of ``found`` differs from ``required``'s only by rows
    that ``required`` breaks into sub-rows (2019's one （六）其他处理 row against 2021's three):
    AP002's finding, not an edition mismatch."""
    have, want = editions.get(found), editions.get(required)
    if have is None or want is None:
        return False
    extra = [r for r in have.application_row_ids if r not in want.application_row_ids]
    return bool(extra) and all(any(s.group == r for s in want.application_rows) for r in extra)


def _first(anchors: list[Anchor]) -> Anchor | None:
    placed = [a for a in anchors if a.line is not None or a.table is not None]
    if not placed:
        return None
    return min(
        placed, key=lambda a: (a.line or 0, a.column or 0, a.table or 0, a.row or 0, a.cell or 0)
    )


def _section_anchor(report: Report, number: int) -> Anchor:
    section = report.section(number)
    return section.anchor if section is not None else Anchor()
