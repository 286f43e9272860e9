"""From a reader's Document to the intermediate form (Report).

Steps: find the six section headings (tolerating the wording variants of FORMATS.md
§2.2/§3.2, and headings run into a flattened line); decide title, agency, year and
edition; recognise the section 二, 三 and 四 tables of either edition by their labels
and map every printed row and column to its canonical id (``linter.labels``).

Tables are recognised by what they contain, not only by where they stand, so a report
whose headings are lost still has its tables read; and a table fragment whose cells
cannot be told apart is never given invented values: the interpreter reports it
(XT002) instead.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from operator import attrgetter

from linter import editions as E
from linter import labels as L
from linter import statements, traditional
from linter.document import (
    MARKUP_MEDIA_TYPES,
    Anchor,
    Diagnostic,
    Document,
    LazyAnchor,
    Paragraph,
    TableCell,
)
from linter.document import Table as DocTable
from linter.model import (
    ABSENT,
    Article20,
    Cell,
    Column,
    Decided,
    LabelMatch,
    Report,
    Row,
    Section,
    Source,
    Table,
    TextBlock,
    UnreadRow,
)
from linter.textnorm import (
    compact,
    is_data_like,
    key,
    parse_cell,
    similarity,
    split_numbering,
    strip_punctuation,
)

FUZZY_THRESHOLD = 0.72

# --- sections ----------------------------------------------------------------------------

# “一、总体情况” and its printed variants: “一.”, “一 ”, “第一部分 ”, and “1.” in a report
# whose top level is numbered in Arabic (its sub-headings being “（一）”); “（一）”, “(1)”
# and “1)” in a report that numbers its six parts so.
_HEADING = re.compile(
    r"^\s*(?:第\s*(?P<part>[一二三四五六七])\s*(?:部分|章)\s*[、.．,，:：]?"
    r"|(?P<num>[一二三四五六七])\s*(?:[、.．,，]|(?=\s))"
    r"|(?P<roman>[ⅠⅡⅢⅣⅤⅥⅦ])\s*(?:[、.．,，]|(?=\s))"
    r"|[（(【\[]\s*(?P<paren>[一二三四五六七])\s*[）)】\]]\s*[、.．]?"
    r"|[（(]\s*(?P<paren_arabic>[1-7])\s*[）)]\s*[、.．]?"
    r"|(?P<closed_arabic>[1-7])\s*[）)]\s*[、.．]?"
    r"|(?P<arabic>[1-7])\s*(?:[、.．]|(?=\s)))\s*(?P<rest>.*)$",
    re.S,
)
# The numbering systems of the six parts' headings, each of which a report may use for
# them (another level of its headings using another): by the group of _HEADING.
_SYSTEMS = ("arabic", "paren", "paren_arabic", "closed_arabic")
_ROMAN = "ⅠⅡⅢⅣⅤⅥⅦ"
# A section's numeral printed alone, its words not (“一、”, “第一部分”): with its mark,
# and only the six sections' numerals.
_BARE_HEADING = re.compile(
    r"\s*(?:第\s*(?P<part>[一二三四五六])\s*部分\s*[、.．:：]?|(?P<num>[一二三四五六])\s*[、.．])\s*"
)
_HEADING_TAIL = re.compile(r"^.{0,40}?(?:情况|事项|举措|措施)")
_LOOSE_END = "：:。.；;，,"


@dataclass(frozen=True)
class _Heading:
    number: int
    text: str
    # False: the heading was lost (a conversion dropped it) and the section was recognised
    # from its content and place; ``text`` is then the format's heading.
    printed: bool = True
    # Worded more loosely than the format (“六、其他事项”): a heading only where the
    # format's wording of that section is not found (see _find_headings).
    loose: bool = False
    # How it is numbered: “chinese” (“一、”, “第一部分”), “arabic” (“1.”), “paren”
    # (“（一）”: a report numbering its six parts so, its sub-headings “1.”),
    # “paren_arabic” (“(1)”) or “closed_arabic” (“1)”). A heading numbered otherwise than
    # “一、” counts only in a report that numbers more parts so (see _find_headings).
    system: str = "chinese"


# A line of a table of contents: a heading's words, a leader (dots, an ellipsis, a run of
# spaces or a TAB) and its page number (“二、主动公开政府信息情况 ........ 10”).
_TOC_LINE = re.compile(r"(?:[.．·…‥_\-—]{3,}|…+|\s{2,}|\t)\s*\d{1,4}\s*$")


def match_heading(text: str) -> _Heading | None:
    """Recognise a section heading: ``一、总体情况`` and its printed variants; not an entry
    of a table of contents above the report (a PDF's or a DOCX's 目录, seen in a province
    department's published report), whose headings come again in the body."""
    if len(text) <= _HEADING_CACHED:
        return _match_short_heading(text)
    return _match_heading(text)


# Every report prints the format's six headings, and most its numbered sub-headings, in
# the same words: a line that short is read once per process (a heading is immutable).
_HEADING_CACHED = 80


@lru_cache(maxsize=4096)
def is_bare_heading(text: str) -> bool:
    """The heading is its section's numeral alone (“一、”, “第一部分”), its words not
    printed: as :func:`match_heading` takes one in the section's place."""
    return _BARE_HEADING.fullmatch(text) is not None


def _match_short_heading(text: str) -> _Heading | None:
    return _match_heading(text)


def _match_heading(text: str) -> _Heading | None:
    t = text.strip()
    if _TOC_LINE.search(t):
        return None
    m = _HEADING.match(t)
    if m:
        rest = compact(m.group("rest"))
        if not rest:
            # The numeral alone on its line (“一、”, the words not printed: 龙泉西街街道
            # 2019's page, its body on the next line): the section's heading only in its
            # place, where no heading in the format's words is found (a loose heading).
            bare = _BARE_HEADING.fullmatch(t)
            if bare is None:
                return None
            numeral = bare.group("part") or bare.group("num")
            return _Heading(L.SECTION_NUMERALS.find(numeral) + 1, t, loose=True)
        head = rest[:40]
        system = next((g for g in _SYSTEMS if m.group(g) is not None), "chinese")
        # numbered as sub-items are (“（一）”, “(1)”, “1)”): only in the format's wording
        paren = system not in ("chinese", "arabic")
        head30 = head[:30]
        for spec in L.SECTIONS:
            cues = spec.cues
            if head.startswith(cues) or (
                # (“（一）2024 年工作中存在问题的改进情况” is a sub-heading of 五)
                spec.number in (4, 5) and not paren and any(c in head30 for c in cues)
            ):
                if spec.number == 4 and not ("复议" in head[:30] or "诉讼" in head[:30]):
                    continue
                tail = _HEADING_TAIL.match(m.group("rest"))
                if tail:
                    heading = t[: m.start("rest")] + tail.group(0)
                elif len(t) > 60:
                    heading = t[: m.start("rest")] + m.group("rest")[:20]
                else:
                    heading = t
                return _Heading(spec.number, heading.strip(), system=system)
        if m.group("roman"):
            numeral = L.SECTION_NUMERALS[_ROMAN.index(m.group("roman"))]
        else:
            numeral = m.group("part") or m.group("num") or m.group("paren")
        number = (
            int(m.group(system))
            if system not in ("chinese", "paren")
            else L.SECTION_NUMERALS.find(numeral) + 1
        )
        bare = rest.rstrip(_LOOSE_END)
        if paren:
            # a heading numbered as sub-items are, in the format's wording or with a slip
            # in it only
            if _near_heading(bare, number):
                return _Heading(number, t, loose=True, system=system)
            return None
        if (
            bare in L.SECTION_LOOSE_CUES.get(number, ())
            or _near_heading(bare, number)
            or _keeps_key_words(bare, number)
        ):
            return _Heading(number, t, loose=True, system=system)
        return None
    if len(t) <= 30:
        # (“### 行政复议” above the 行政复议 block of section 四 is a caption of the table:
        # no section's wording)
        # (“、总体情况”: an extraction that lost the numerals, a 2025 街道 report's stored
        # page — its sub-headings “()政府信息主动公开情况” too: the wording tells the part)
        number = _WORDED_HEADINGS.get(compact(t).removeprefix("、"))
        if number is not None:
            return _Heading(number, t)
    return None


# An unnumbered line that is a section's heading or cue (four characters at least, not a
# caption of table 四's blocks): the section's number, the first section's that has it.
_WORDED_HEADINGS: dict[str, int] = {}
for _spec in L.SECTIONS:
    for _word in (_spec.heading, *_spec.cues):
        if len(_word) >= 4 and _word not in L.REVIEW_CAPTIONS:
            _WORDED_HEADINGS.setdefault(_word, _spec.number)


_NEAR_HEADING = 0.75


def _near_heading(printed: str, number: int) -> bool:
    """A heading line numbered for section ``number`` whose words are the format's with a
    slip (“六、其它需要报告的事项”, “三、收到及处理政府信息公开申请情况”): close to the
    format's heading as a whole, and short, as a heading is."""
    if not 1 <= number <= len(L.SECTIONS) or len(printed) > 30:
        return False
    expected = key(L.SECTIONS[number - 1].heading)
    return len(expected) >= 4 and similarity(key(printed), expected) >= _NEAR_HEADING


def _keeps_key_words(printed: str, number: int) -> bool:
    """A heading line numbered for section ``number``, short as a heading is and ending
    as one does (情况, 事项 …), with its section's key word (labels.SECTION_KEY_WORDS):
    “二、政府信息主动公开情况”; section 一's also ending as an overview's does (“一、总体
    概述”, 双塔区前进街道 2020's stored page)."""
    tail = _HEADING_TAIL.match(printed)
    return (
        4 <= len(printed) <= 20
        and (
            (tail is not None and tail.end() == len(printed))
            or (number == 1 and printed.endswith(_OVERVIEW_ENDS))
        )
        and any(w in printed for w in L.SECTION_KEY_WORDS.get(number, ()))
    )


_OVERVIEW_ENDS = ("概述", "概况", "综述")


def _inline_heading(number: int) -> re.Pattern[str]:
    """A section heading printed inside a line (glued after text, digits or a table):
    the numeral, 、 and the format's wording — cues of four characters at least, and for
    section 四 only those that name the section rather than a part of its table."""
    spec = L.SECTIONS[number - 1]
    cues = [
        c for c in (spec.heading, *spec.cues) if len(c) >= 4 and compact(c) not in L.REVIEW_CAPTIONS
    ]
    numeral = L.SECTION_NUMERALS[number - 1]
    return re.compile(
        f"{numeral}\\s*[、.．]\\s*(?:"
        + "|".join(map(re.escape, sorted(cues, key=len, reverse=True)))
        + ")"
    )


_INLINE = {spec.number: _inline_heading(spec.number) for spec in L.SECTIONS}


def _find_headings(
    blocks: Sequence[Paragraph | DocTable],
) -> tuple[list[tuple[int, _Heading]], list[TextBlock]]:
    """The first heading of each section (block index, heading) and the repeats.

    Headings are numbered “一、” or, in some reports, “1.”: the system that names more
    sections is the report's (“1.主动公开政府信息情况” under “一、总体情况” is a
    sub-heading). A loosely worded heading (“六、其他事项”) counts only for a section the
    format's wording does not name, and only in that section's place: after the headings
    of the sections before it and before those of the sections after it; so does a
    heading numbered in another system than the report's.
    """
    found: list[tuple[int, _Heading]] = []
    for idx, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            h = match_heading(block.text)
            if h:
                found.append((idx, h))

    found = _without_contents(found)
    named: dict[str, set[int]] = {k: set() for k in ("chinese", *_SYSTEMS)}
    for _, h in found:
        if not h.loose:
            named[h.system].add(h.number)
    # The system that names most sections; “一、” before “1.” before “（一）” before “(1)”
    # before “1)” when as many.
    used = max(named, key=lambda k: len(named[k]))
    # A heading numbered in another system, in the format's wording, counts as a loose
    # one does: for a section the report's system does not name, in that section's
    # place (“（四）政府信息公开行政复议、行政诉讼情况” among “一、”…“六、”).
    found = [
        (idx, h)
        for idx, h in found
        if h.system == used or (not h.loose and h.number not in named[used])
    ]
    first: dict[int, int] = {}
    for idx, h in found:
        if not h.loose and h.system == used:
            first.setdefault(h.number, idx)
    headings: list[tuple[int, _Heading]] = []
    repeated: list[TextBlock] = []
    seen: set[int] = set()
    for idx, h in found:
        if (h.loose or h.system != used) and (
            h.number in first
            or h.number in seen
            or any(n < h.number and i > idx for n, i in first.items())
            or any(n > h.number and i < idx for n, i in first.items())
        ):
            continue
        if h.number not in seen:
            headings.append((idx, h))
            seen.add(h.number)
        else:
            # A second heading for a section already seen: kept for ST002, and its
            # text stays in the section where it stands.
            repeated.append(TextBlock(h.text, blocks[idx].anchor))
    return headings, repeated


def _without_contents(found: list[tuple[int, _Heading]]) -> list[tuple[int, _Heading]]:
    """The headings found, without a table of contents printed above the report without
    page numbers (目录, then three sections' headings or more in a row, one block after
    another, each printed again further on): the run is the contents, not the sections.
    Headings in a row that are not printed again are the report's (sections whose tables
    were pictures: 二、三、四 one under another)."""
    for start in range(len(found)):
        end = start + 1
        while (
            end < len(found)
            and found[end][0] == found[end - 1][0] + 1
            and found[end][1].number > found[end - 1][1].number
        ):
            end += 1
        if end - start >= 3:
            later = {h.number for _, h in found[end:]}
            if all(h.number in later for _, h in found[start:end]):
                return found[:start] + found[end:]
    return found


def _lift_table_headings(blocks: list[Paragraph | DocTable]) -> None:
    """A section heading printed as the first row of its table (one cell across the
    table, “三、收到和处理政府信息公开申请情况” over the applicant columns) becomes a
    paragraph before the table, where the format prints it."""
    for idx in range(len(blocks) - 1, -1, -1):
        block = blocks[idx]
        if not isinstance(block, DocTable) or len(block.rows) < 2:
            continue
        filled = [tc for tc in _logical(block.rows[0]) if tc.text.strip()]
        if len(filled) != 1:
            continue
        h = match_heading(filled[0].text)
        if h is None or h.loose or h.system != "chinese":
            continue
        rest = DocTable(block.rows[1:], block.anchor, block.grid)
        above = blocks[idx - 1] if idx else None
        if (
            isinstance(above, Paragraph)
            and (a := match_heading(above.text))
            and a.number == h.number
        ):
            # The heading is printed right above the table too: the row is the table's
            # caption (“主动公开政府信息情况 | |||” under “二、主动公开政府信息情况”, a 2023
            # 街道 report's stored page), not the section begun a second time (ST002).
            blocks[idx] = rest
            continue
        blocks[idx : idx + 1] = [Paragraph(filled[0].text.strip(), filled[0].anchor), rest]


def _split_glued_headings(
    blocks: list[Paragraph | DocTable], headings: list[tuple[int, _Heading]]
) -> bool:
    """Cut a paragraph where a missing section's heading is glued inside it.

    A converter may run a heading into the end of the line before it
    (``…合计1520五、存在的主要问题及改进情况（一）存在问题…``). The heading is looked for
    only where the section belongs — after the heading of the section before it and
    before the heading of the one after — and only in the format's wording. Returns
    whether a paragraph was cut.
    """
    if not headings:
        return False
    found = {h.number: idx for idx, h in headings}
    cut = False
    for number in range(1, 7):
        if number in found:
            continue
        lower = [idx for n, idx in found.items() if n < number]
        upper = [idx for n, idx in found.items() if n > number]
        start = max(lower) if lower else 0
        stop = min(upper) if upper else len(blocks)
        for idx in range(start, stop):
            pieces = _cut_at_heading(blocks[idx], number)
            if pieces is None:
                continue
            blocks[idx : idx + 1] = pieces
            # Later headings moved one block down.
            found = {n: (i + 1 if i > idx else i) for n, i in found.items()}
            found[number] = idx + 1
            cut = True
            break
    return cut


def _cut_at_heading(
    block: Paragraph | DocTable, number: int
) -> tuple[Paragraph | DocTable, Paragraph] | None:
    """``block`` cut where section ``number``'s heading is glued inside it: a paragraph
    (after text or digits), or the last cell of a table (after its last number,
    ``| 22 |五、存在的主要问题…`` or a Tika cell ``0五、…``). None when it holds none."""
    if isinstance(block, Paragraph):
        # (in simplified characters: a heading printed “四、政府信息公開行政復議…”;
        # one character for one, so the offsets are the text's)
        m = _INLINE[number].search(traditional.simplified(block.text), 1)
        if m is None or not block.text[: m.start()].strip():
            return None
        return (
            Paragraph(block.text[: m.start()].rstrip(), block.anchor),
            Paragraph(block.text[m.start() :], _shift(block.anchor, m.start())),
        )
    if not block.rows or not block.rows[-1]:
        return None
    last = block.rows[-1][-1]
    m = _INLINE[number].search(traditional.simplified(last.text))
    if m is None:
        return None
    kept = TableCell(last.text[: m.start()].rstrip(), last.anchor, last.hmerge, last.vmerge)
    rows = (*block.rows[:-1], (*block.rows[-1][:-1], kept))
    return (
        DocTable(rows, block.anchor, block.grid),
        Paragraph(last.text[m.start() :], _shift(last.anchor, m.start())),
    )


def _lost_problems_heading(
    blocks: Sequence[Paragraph | DocTable], headings: list[tuple[int, _Heading]]
) -> tuple[int, _Heading] | None:
    """Section 五 recognised by its content and place when its heading was lost.

    A conversion may drop the heading line (上海市人民政府办公厅 2025 as markdown) while
    the section's content is plainly there: between 四 and 六, after 四's table, a
    paragraph that opens with the problems/improvements wording (“（一）2024 年工作中存在
    问题的改进情况”), or, after 四's table, the first paragraph that speaks of problems,
    shortfalls or gaps (“…尚存在一定的差距，主要表现在：一是…”). That paragraph starts
    the section; the heading is marked as not printed.
    """
    found = {h.number: idx for idx, h in headings}
    if 5 in found or 4 not in found or 6 not in found or found[6] < found[4]:
        return None
    start, stop = found[4] + 1, found[6]
    tables = [i for i in range(start, stop) if isinstance(blocks[i], DocTable)]
    if tables:
        start = tables[-1] + 1
    for idx in range(start, stop):
        block = blocks[idx]
        if not isinstance(block, Paragraph):
            continue
        text = compact(split_numbering(block.text).body)
        opens = any(cue in text[:24] for cue in L.PROBLEMS_CONTENT_CUES)
        # After 四's table, the first paragraph that speaks of problems, shortfalls or gaps
        # (四's own text there is a note, “注：…”).
        speaks = (
            bool(tables)
            and not text.startswith("注")
            and any(cue in text[:120] for cue in L.PROBLEMS_WEAK_CUES)
        )
        if opens or speaks:
            spec = L.SECTIONS[4]
            return idx, _Heading(5, f"{L.SECTION_NUMERALS[4]}、{spec.heading}", printed=False)
    return None


# --- title, year, agency -----------------------------------------------------------------

# A year, in Arabic digits or in Chinese ones as titles often print it (“二〇二四年”).
_YEAR = re.compile(
    r"(?<![\d〇零一二三四五六七八九十])"
    r"(20\d{2}|19\d{2}|二[〇零][〇零一二三四五六七八九]{2}|一九[〇零一二三四五六七八九]{2})\s*年"
)
# A title's year printed without 年 before the report's name (“东河区卫生健康委员会
# 2021政府信息公开工作年度报告”, a 2021 区卫健委 report's stored page).
_TITLE_BARE_YEAR = re.compile(r"(?<!\d)(20\d{2}|19\d{2})(?=度?(?:政府|政务|信息公开))")
_CHINESE_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")


def _year_of(match: re.Match[str]) -> int:
    """The year a :data:`_YEAR` match names."""
    return int(match.group(1).translate(_CHINESE_DIGITS))


# How titles name the report: “…政府信息公开工作年度报告”, and as agencies also word it,
# “关于2023年政府信息公开工作情况的报告”, “…政府信息公开工作的报告”, “…政府信息公开年报”
# (“…工作情况报告如下” opens a sentence of the body: no 的, no title).
_TITLE_CUE = re.compile(
    r"(?:政府)?信息公开(?:年度)?(?:工作)?(?:年度|(?:开展)?情况的|的)?报告"
    r"|(?:政府)?信息公开(?:工作)?年报|政务公开.{0,6}报告|年度报告"
)
_PERIOD = re.compile(
    r"统计(?:期限|时限|期间|时间)?[^。；]{0,12}?(?:自|从|为)?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
    r"[^。；]{0,6}?(?:起)?\s*(?:至|到|—|-|～|~)\s*(?:(\d{4})\s*年)?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
)


# How an agency's name ends (a line above a title that names none: “南京海关” /
# “2024 年政府信息公开工作年度报告”).
_AGENCY_END = re.compile(
    r"(人民政府|政府|办公厅|办公室|局|委员会|委|厅|部|署|中心|院|管委会|管理委员会|街道办事处|办事处"
    r"|实验区|集团|海关|支队|大队|总队|街道|镇|乡|台|站|所|馆|处)$"
)


def _title_from(paragraphs: Sequence[TextBlock], metadata: dict[str, str]) -> TextBlock | None:
    """The report's title: the first early paragraph that reads like one.

    A title printed over two lines (PDF conversions) is joined; a flattened page whose
    title runs straight into the body is cut after 报告. The page's own title (metadata)
    is the fallback.
    """
    candidates: list[TextBlock] = []
    starts: list[int] = []  # the paragraph each candidate starts at (-1: a late one)
    for pos, block in enumerate(paragraphs[:8]):
        text = block.text.strip()
        anchor = block.anchor
        if label := _TITLE_LABEL.match(text):
            # “标题: 中埠镇人民政府2020年…年度报告”: a page's information table printed
            # above the article names the title; the label is not the agency's name.
            text = _PAGE_META_TAIL.split(text[label.end() :], 1)[0].strip()
            anchor = _shift(anchor, len(block.text) - len(block.text.lstrip()) + label.end())
        if _BREADCRUMB.search(text):
            continue
        m = _TITLE_CUE.search(text)
        if not m and pos + 1 < len(paragraphs) and len(text) <= 40:
            # "…工作年度报" / "告": a centred title wrapped a character or two before its end
            rest = paragraphs[pos + 1].text.strip()
            if 0 < len(rest) <= 3 and (m := _TITLE_CUE.search(text + rest)):
                text += rest
        if not m or m.start() > 80:
            continue
        if len(text) > 80:
            if not _YEAR.search(compact(text[: m.end()])):
                continue  # "本年度报告…" opening a sentence of the body: not a title
            text = text[: m.end()].strip()
        if _CLAUSE_MARK.search(text[: m.end()]) and not _PRINT_STAMP.match(compact(text)):
            # The body's first sentence names the report (a page whose title the
            # extractor left out: “根据《条例》规定,特向社会公布台州电业局政府信息公开工作
            # 2021年度报告。”, “根据《条例》的要求,绍兴市越城区东湖街道特编制2023年政府
            # 信息公开年度报告。”): the title is what it publishes, not the sentence.
            clause = _PUBLISHES.sub("", _CLAUSE_MARK.split(text[: m.end()])[-1].strip())
            published = _PUBLISHED_BEFORE_YEAR.sub("", clause)
            if not _YEAR.search(compact(published)) or not _TITLE_CUE.search(published):
                continue
            if (at := block.text.find(clause)) >= 0:
                anchor = _shift(anchor, at)
            text = published
        if pos > 0:
            previous = paragraphs[pos - 1].text.strip()
            short = len(previous) <= 40 and not _CLAUSE_MARK.search(previous)
            if not _YEAR.search(compact(text)) and short and _YEAR.search(compact(previous)):
                candidates.append(TextBlock(previous + text, paragraphs[pos - 1].anchor))
                starts.append(pos - 1)
                continue
            if (
                short
                and _agency_from_title(text) is None
                and not _YEAR.search(compact(previous))
                and not _TITLE_CUE.search(previous)
                and _AGENCY_END.search(compact(previous))
            ):
                # "淮安市洪泽区人民政府" / "2024 年政府信息公开工作年度报告" on two lines.
                candidates.append(TextBlock(previous + text, paragraphs[pos - 1].anchor))
                starts.append(pos - 1)
                continue
        candidates.append(TextBlock(text, anchor))
        starts.append(pos)
    if not any(_YEAR.search(compact(c.text)) for c in candidates):
        # A page printed from a browser, or archived with its site, opens with the site's
        # menus: its title is a line of its own further down, the last such line before
        # section 一 (links to other years' reports in the menus come before it).
        late = [
            TextBlock(text, block.anchor)
            for block in paragraphs[8:]
            # (the source and time a page prints after its title, when an extraction
            # sets them on the title's line, are not part of it)
            if len(text := _PAGE_META_TAIL.split(block.text.strip(), 1)[0].strip()) <= 60
            and not _CLAUSE_MARK.search(text)
            and (m := _TITLE_CUE.search(text))
            and _YEAR.search(compact(text[: m.start()]))
        ]
        candidates.extend(late[-1:])
        starts.extend([-1] * len(late[-1:]))
    if title := metadata.get("title"):
        # A page's or archive's own title is reliable once its site suffix is cut off;
        # point at the place where the body prints it, if it does.
        cleaned = _SITE_SUFFIX.split(title)[0].strip()
        if _TITLE_CUE.search(cleaned) and _YEAR.search(compact(cleaned)):
            for block in paragraphs[:8]:
                at = block.text.find(cleaned)
                if at >= 0:
                    return TextBlock(cleaned, _shift(block.anchor, at))
            if not any(compact(c.text) == compact(cleaned) for c in candidates):
                return TextBlock(cleaned, Anchor())
    with_year = [
        (c, p) for c, p in zip(candidates, starts, strict=True) if _YEAR.search(compact(c.text))
    ]
    if with_year:
        first, p = with_year[0]
        if _agency_from_title(first.text) is None:
            # “2020年信息公开年报” / “蒲纺工业园区2020年政府信息公开工作年度报告”: a line
            # naming the page's column above the title line itself (赤壁 2020's stored
            # page); a page's own title naming no agency over the article's, which names
            # it (“2019年度政府信息公开年度报告”, then 发布时间, then “衡阳市国资委” /
            # “2019年度政府信息公开年度报告”, 衡阳市国资委 2019's stored page). The title is
            # the next line, or a later one that is the same title with the agency in front:
            # a title's line (not a sentence) naming the agency and the same year.
            for following, q in with_year[1:]:
                line = paragraphs[q].text.strip() if q >= 0 else ""
                if (
                    (q == p + 1 or compact(following.text).endswith(compact(first.text)))
                    and len(line) <= 60
                    and not _CLAUSE_MARK.search(line)
                    and _NAME.fullmatch(_agency_from_title(following.text) or "")
                    and _years(first.text) == _years(following.text)
                ):
                    return following
        return first
    return candidates[0] if candidates else None


# An agency's name as a title line prints it: characters and brackets (not “•中文名:”, a
# wiki mirror's infobox line repeating the title).
_NAME = re.compile(r"[\u4e00-\u9fff（）()]{2,}")


def _years(text: str) -> list[int]:
    """The years ``text`` names, in order."""
    return [_year_of(m) for m in _YEAR.finditer(compact(text))]


def _title_lines(blocks: Sequence[Paragraph | DocTable]) -> list[TextBlock]:
    """The lines above section 一 a title may be: its paragraphs, and a row of a table
    there that prints one cell alone, named like a report (a page that sets its title in
    a layout table, under its 索引号 and 发布机构: ``浙江省教育厅2024年度政府信息公开工作报告
    | |||…`` as an extractor prints it, seen in the stored pages of real 2022–2024
    reports)."""
    out: list[TextBlock] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(TextBlock(block.text, block.anchor))
            continue
        for row in block.rows:
            printed = [c for c in row if c.text.strip()]
            if len(printed) == 1 and _TITLE_CUE.search(printed[0].text):
                out.append(TextBlock(printed[0].text, printed[0].anchor))
    return out


_NAME_BEFORE_YEAR = re.compile(r"(?:政府)?信息公开(?:工作)?$")
# What a report's opening sentence says before the report it publishes (“特向社会公布…”).
_PUBLISHES = re.compile(r"^(?:特|现|兹|现将|特将)?(?:向社会)?(?:公布|发布|公开|编制)(?:了)?")
# … and between the agency and the year (“东湖街道特编制2023年…报告”).
_PUBLISHED_BEFORE_YEAR = re.compile(
    r"(?:特|现|兹|现将|特将)?(?:向社会)?(?:公布|发布|编制)(?:了)?(?=\s*(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年)"
)
# The label of the title in the information table a page prints above its article
# (标题: / 名  称: / 标 题 |).
_TITLE_LABEL = re.compile(
    r"^(?:标\s*题|名\s*称|题\s*名|文件名称|信息名称)(?:\s*[:：|｜]\s*|\s+(?=\S))"
    # (a 湖北 CMS prints its information lines without a mark: “公报标题黄石市卫健委2019年
    # 政府信息公开工作年度报告” / “主办单位黄石市卫健委”; no title opens so)
    r"|^(?:公报|信息|文章)标题\s*[:：|｜]?\s*"
    # (a label left empty before the one that names the title: “文       号: 关键字: 白银区
    # 统计局2020年…年度报告”, 白银区统计局 2020's stored page)
    r"|^(?:(?:文\s*号|索\s*引\s*号)\s*[:：]\s*)?(?:关\s*键\s*[字词]|主\s*题\s*词)\s*[:：]\s*"
)
# A page's breadcrumb (“当前位置: 网站首页 > 政务公开 > 政府信息公开年报 > 2022年 > 正文”):
# it names the column of reports, with a year, and is never the report's title.
_BREADCRUMB = re.compile(r"^(?:当前位置|您的位置|您现在的位置|所在位置)|[>＞›»](?:.*[>＞›»]){1,}")
# What a page prints after its title: "来源：…  时间：2024-03-08 15:34", or the next label
# of its information lines ("名  称: …年度报告 发布机构: …街道办事处", a 2025 街道 page).
_PAGE_META_TAIL = re.compile(
    r"\s+(?:信息来源|来源|发布时间|发布日期|时间|作者|浏览次数|点击数"
    r"|发布机构|发文机关|索\s*引\s*号|文\s*号|公开日期|成文日期|发文日期)[:：]"
)
# The date and time a browser prints at the top of each page of a saved page ("12/5/26,
# 7:42 PM", "2026/12/5 19:42", "26.12.2026, 下午7:42"), which a text extraction puts on the
# title's line: not part of the agency's name.
_PRINT_STAMP = re.compile(
    r"^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}[,，]?\s*(?:上午|下午)?\s*\d{1,2}:\d{2}(?::\d{2})?"
    r"\s*(?:[AaPp][Mm])?"
)


def _agency_from_title(title: str) -> str | None:
    t = _PRINT_STAMP.sub("", compact(title))
    m = _YEAR.search(t) or _TITLE_BARE_YEAR.search(t)
    cue = _TITLE_CUE.search(t)
    cue_at = cue.start() if cue else len(t)
    # (“政府信息公开工作年度报告（2024年）”: the year after the name names no agency)
    head = t[: min(m.start(), cue_at)] if m else t[:cue_at]
    before, about, after = head.partition("关于")
    if about:
        # “（机关）关于2023年…情况的报告”; a notice that publishes the report,
        # “关于印发《淮安市洪泽区2024年…年度报告》的通知”: the name in the book title.
        head = before.strip(" ：:，,（(《") or _NOTICE_VERB_AT_START.sub("", after)
    # (“台州电业局政府信息公开工作2021年度报告”: the year after the report's name)
    head = _NAME_BEFORE_YEAR.sub("", head.strip(" ：:，,（(《"))
    if not head and m and cue_at > m.end():
        # "2025年上海市人民政府办公厅政府信息公开工作年度报告": the agency follows the year.
        head = t[m.end() : cue_at].lstrip("度").strip(" ：:，,（(《")
    # (“编制2019年度我乡信息公开工作年度报告”, the opening sentence of 牛街乡 2019's stored
    # page: “our township” names no agency)
    return head if head and not _PRONOUN.fullmatch(head) else None


_PRONOUN = re.compile(r"[我本](?:乡|镇|局|委|办|区|县|市|院|厅|部|署|所|站|街道|中心|单位|机关)")


# (compiled once: the title and agency are looked for in every report)
_CLAUSE_MARK = re.compile("[。；，,]")
_SITE_SUFFIX = re.compile(r"[_|｜]| - ")
_NOT_A_NAME = re.compile("[。；，,：:关于]")
_IN_BRACKETS = re.compile(r"[（(【\[].*?[）)】\]]")
_NOTICE_VERB_AT_START = re.compile(r"^(?:印发|公布|发布|报送|转发)?[《“]?")


# --- tables: shared helpers ------------------------------------------------------------


def _logical(row: Sequence[TableCell]) -> list[TableCell]:
    """A printed row without the copies of horizontally merged cells."""
    return [c for c in row if not c.hmerge]


def _cell(tc: TableCell) -> Cell:
    text = tc.text
    parsed = parse_cell(text)
    # (positional: one call per data cell of every table)
    return Cell(text, parsed.value, parsed.state, tc.anchor, parsed.unit, parsed.note)  # type: ignore[arg-type]


@dataclass
class _Match:
    spec: L.RowSpec
    how: LabelMatch


def _label_match(printed: str, canonical: str) -> LabelMatch | None:
    if compact(printed) == compact(canonical):
        return "exact"
    if key(printed) == key(canonical):
        return "variant"
    return None


_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")


class _RowMatcher:
    """Maps printed row labels to row specs, exactly, by variant, or fuzzily.

    Labels repeat across thousands of reports, so matches are cached per (label, group).
    """

    def __init__(self, specs: Iterable[L.RowSpec]) -> None:
        self.specs = tuple(specs)
        self._keys = [(key(s.label), s) for s in self.specs]
        self._by_key: dict[str, list[L.RowSpec]] = {}
        for spec_key, spec in self._keys:
            self._by_key.setdefault(spec_key, []).append(spec)
        # A label printed without the format's note in brackets: “（二）部分公开” for
        # “（二）部分公开（区分处理的，只计这一情形，不计其他情形）”.
        for spec in self.specs:
            bare = key(_BRACKETED.sub("", spec.label))
            if bare and bare != key(spec.label) and len(bare) >= 4:
                self._by_key.setdefault(bare, []).append(spec)
        self._compact = {s.id: compact(s.label) for s in self.specs}
        self._chars = {spec_key: frozenset(spec_key) for spec_key, _ in self._keys}
        self._cache: dict[tuple[str, str | None], _Match | None] = {}

    def match(self, printed: str, group: str | None = None) -> _Match | None:
        cache_key = (printed, group)
        if cache_key in self._cache:
            return self._cache[cache_key]
        if len(self._cache) > 50_000:
            self._cache.clear()
        result = self._cache[cache_key] = self._match(printed, group)
        return result

    def _match(self, printed: str, group: str | None) -> _Match | None:
        numbered = split_numbering(printed)
        body = numbered.body
        body_key = key(body)
        if not body_key:
            return None
        body_compact = compact(body)
        candidates = [
            _Match(spec, "exact" if body_compact == self._compact[spec.id] else "variant")
            for spec in self._by_key.get(body_key, ())
        ]
        candidates = self._disambiguate(candidates, numbered.numbering, group, body)
        if not candidates and numbered.numbering:
            # Another word for the row's own (“（七）合计” for （七）总计), with the row's
            # numbering: the row, its label altered (AP004).
            candidates = [
                _Match(spec, "altered")
                for spec in self.specs
                if body_key in L.ROW_LABEL_SYNONYMS.get(spec.id, ())
                and spec_numbering(spec) == numbered.numbering
            ]
        if candidates:
            best = candidates[0]
            if numbered.numbering and spec_numbering(best.spec) != numbered.numbering:
                best = _Match(best.spec, "variant" if best.how == "exact" else best.how)
            return best
        # Fuzzy: only for labels long enough to mean something, best score with a margin.
        if len(body_key) < 4:
            return None
        body_chars = frozenset(body_key)
        scored = sorted(
            (
                (similarity(body_key, spec_key), spec)
                for spec_key, spec in self._keys
                # A ratio of at least T needs lengths within a factor (2 - T) / T,
                if min(len(body_key), len(spec_key)) * 2
                >= FUZZY_THRESHOLD * (len(body_key) + len(spec_key))
                # and as many characters in common: the ratio is twice the characters
                # matched over both lengths, and a character is matched only where it
                # stands in both (a new printed label is compared with every row's,
                # SequenceMatcher's Python loops for each: most share few characters).
                # (a margin for the float products: only a clear shortfall is skipped)
                and 2 * _in_common(body_key, body_chars, spec_key, self._chars[spec_key])
                >= FUZZY_THRESHOLD * (len(body_key) + len(spec_key)) - 1e-9
            ),
            key=lambda p: -p[0],
        )
        scored = [p for p in scored if p[0] >= FUZZY_THRESHOLD]
        scored = [
            p
            for p in scored
            if not numbered.numbering or spec_numbering(p[1]) == numbered.numbering
        ] or scored
        if not scored:
            return None
        if group:
            in_group = [p for p in scored if p[1].group == group]
            scored = in_group or scored
        if len(scored) > 1 and scored[0][0] - scored[1][0] < 0.05:
            return None
        return _Match(scored[0][1], "altered")

    @staticmethod
    def _disambiguate(
        candidates: list[_Match], numbering: str, group: str | None, body: str
    ) -> list[_Match]:
        if len(candidates) <= 1:
            # A short label such as 其他 must carry its numbering to count as a row.
            if candidates and len(key(body)) < 4 and candidates[0].spec.numbering:
                if numbering != candidates[0].spec.numbering:
                    return []
            return candidates
        if numbering:
            same = [c for c in candidates if spec_numbering(c.spec) == numbering]
            candidates = same or candidates
        if group:
            same = [c for c in candidates if c.spec.group == group]
            candidates = same or candidates
        return candidates


def _in_common(a: str, a_chars: frozenset[str], b: str, b_chars: frozenset[str]) -> int:
    """At most how many characters SequenceMatcher can match between ``a`` and ``b``
    (``a_chars``, ``b_chars``: their characters): the characters of each that the other
    has, counted on the side with fewer."""
    return min(sum(1 for c in a if c in b_chars), sum(1 for c in b if c in a_chars))


def spec_numbering(spec: L.RowSpec) -> str:
    return spec.numbering


@lru_cache(maxsize=4096)  # asked for every label cell of every section-三 row
def _group_of(text: str) -> str | None:
    numbered = split_numbering(text)
    body_key = key(numbered.body)
    for group, (label, numbering) in L.APPLICATION_GROUPS.items():
        if body_key == key(label) and (not numbered.numbering or numbered.numbering == numbering):
            return group
    return None


# --- section 三 --------------------------------------------------------------------------


@dataclass
class _TableBuild:
    rows: dict[str, Row] = field(default_factory=dict)
    columns: dict[str, Column] = field(default_factory=dict)
    extra: list[str] = field(default_factory=list)
    anchor: Anchor | None = None
    # (printed label, row id) of rows whose cells could not be placed in columns.
    unaligned: list[tuple[str, str]] = field(default_factory=list)


@lru_cache(maxsize=1)
def _matcher_for(version: int) -> _RowMatcher:
    return _RowMatcher(E.application_rows())


def _app_matcher() -> _RowMatcher:
    """The row matcher over every registered edition's section-三 rows (made anew when the
    registry changes)."""
    return _matcher_for(E.REGISTRY.version)


_APP_COLUMN_KEYS = {key(c.label): c for c in L.APPLICATION_COLUMNS}
_APP_COLUMN_COUNT = len({c.id for c in L.APPLICATION_COLUMNS})


@lru_cache(maxsize=1024)
def _app_column(text: str) -> L.ColumnSpec | None:
    """The section-三 column a header cell names: 自然人 … 总计, also with a unit after
    it (自然人（件）, 总计(单位：件))."""
    k = key(text)
    col = _APP_COLUMN_KEYS.get(k)
    if col is None and k.endswith("件"):
        col = _APP_COLUMN_KEYS.get(k.removesuffix("件").removesuffix("单位"))
    return col


def _application_row(
    cells: list[TableCell], group: str | None
) -> tuple[_Match | None, int, str | None, TableCell | None]:
    """Find the row label of a printed section-三 row.

    Returns the match, the index where data cells start, the group seen in this row's
    label cells, and the label cell.
    """
    row_group = None
    best: tuple[_Match | None, int, TableCell | None] = (None, -1, None)
    matcher = _app_matcher()
    for idx, tc in enumerate(cells):
        text = tc.text
        if not text or is_data_like(text):
            continue
        if _app_column(text) is not None or key(text) in L.ROW_LABEL_SYNONYMS["outcome_total"]:
            # A column header such as 总计 or 其他 (or 合计), not a row label, unless it
            # heads a row of numbers in a place only a row can have (printed without its
            # numbering).
            bare = _bare_row(text, row_group or group, cells[idx + 1 :])
            if bare is not None:
                best = (bare, idx + 1, tc)
            continue
        g = _group_of(text)
        if g:
            row_group = g
        m = matcher.match(text, row_group or group)
        if m and not (g and m.spec.id != "other_handling"):
            best = (m, idx + 1, tc)
        elif g == "other_handling":
            best = (_Match(_spec("other_handling"), "exact"), idx + 1, tc)
    return best[0], best[1], row_group, best[2]


def _bare_row(text: str, group: str | None, after: Sequence[TableCell]) -> _Match | None:
    """“其他” under （六）其他处理 (its 3.其他) or “总计” below the outcome rows (（七）总计),
    printed without numbering, at the head of a row of numbers: the row, not a column
    header (a header row holds no numbers)."""
    if group is None or _numbers_in(after) < _WRAP_MIN_NUMBERS:
        return None
    k = key(text)
    if k == key("其他") and group == "other_handling":
        return _Match(_spec("other_handling.other"), "variant")
    if k == key("总计"):
        return _Match(_spec("outcome_total"), "variant")
    if k in L.ROW_LABEL_SYNONYMS["outcome_total"]:
        return _Match(_spec("outcome_total"), "altered")
    return None


def _spec(row_id: str) -> L.RowSpec:
    return next(r for r in E.application_rows() if r.id == row_id)


def _leaf_columns(header_rows: list[Sequence[TableCell]], width: int) -> list[str | None]:
    """For a real grid: the leaf column id of every grid column, from the header rows."""
    leaf: list[str | None] = [None] * width
    for row in header_rows:
        for j, tc in enumerate(row[:width]):
            col = _app_column(tc.text)
            if col:
                leaf[j] = col.id
    return leaf


# --- wrapped row labels (text and markdown tables) -------------------------------------------

_WRAP_MIN_NUMBERS = 3


def _numbers_in(row: Sequence[TableCell]) -> int:
    return sum(1 for tc in row if tc.text and parse_cell(tc.text).state == "number")


def _label_only(row: Sequence[TableCell]) -> str | None:
    """The text of a row that holds only label text (no numbers, other cells empty)."""
    texts = [tc.text for tc in row if tc.text]
    if not texts or any(is_data_like(t) for t in texts) or len(texts) > 2:
        return None
    return "".join(texts)


def _label_index(row: Sequence[TableCell]) -> int | None:
    """The label cell of a numbers row: the last text cell before its first number."""
    found = None
    for j, tc in enumerate(row):
        if tc.text and parse_cell(tc.text).state == "number":
            break
        if tc.text and not is_data_like(tc.text):
            found = j
    return found


def _full_label(text: str) -> bool:
    m = _app_matcher().match(text) if text else None
    return m is not None and m.how in ("exact", "variant")


def join_wrapped_labels(table: DocTable) -> DocTable:
    """Join a row label that wrapped over two printed rows of a text or markdown table.

    PDF converters print a long label's second half on the next row with no numbers
    (or its first half on the row before): a label-only row directly before or after a
    numbers row whose label is incomplete is joined to it when the joined label is the
    format's (exactly, or up to punctuation and numbering style). Tables with a real grid
    (HTML, DOCX) keep line breaks inside their cells and are returned as they are.
    """
    if table.grid:
        return table
    rows = [list(r) for r in table.rows]
    used: set[int] = set()
    for i, row in enumerate(rows):
        if i in used or _numbers_in(row) < _WRAP_MIN_NUMBERS:
            continue
        at = _label_index(row)
        label = row[at].text if at is not None else ""
        if _full_label(label):
            continue
        before = _label_only(rows[i - 1]) if i > 0 and i - 1 not in used else None
        after = _label_only(rows[i + 1]) if i + 1 < len(rows) else None
        options: list[tuple[tuple[int, ...], str]] = []
        if before is not None:
            options.append(((i - 1,), before + label))
        if after is not None:
            options.append(((i + 1,), label + after))
        if before is not None and after is not None:
            options.append(((i - 1, i + 1), before + label + after))
        for parts, joined in options:
            if not _full_label(joined):
                continue
            first = rows[min(parts)] if min(parts) < i else None
            if first is not None:
                origin = next((tc for tc in first if tc.text), first[0])
            elif at is not None:
                origin = row[at]
            else:  # a numbers row without a label: the label is all on the next row
                origin = next((tc for tc in rows[max(parts)] if tc.text), row[0])
            cell = TableCell(joined, origin.anchor)
            if at is None:
                rows[i] = [cell, *row]
            else:
                rows[i] = [*row[:at], cell, *row[at + 1 :]]
            used.update(parts)
            break
    if not used:
        return table
    kept = tuple(tuple(r) for k, r in enumerate(rows) if k not in used)
    return DocTable(kept, table.anchor, table.grid)


def attach_paragraph_labels(blocks: list[Paragraph | DocTable]) -> None:
    """A text or markdown table whose first row is numbers without a label, right after
    paragraphs that together print a row label of section 三 (a converter put the
    wrapped label outside the table): the label is given to that row."""
    for idx, block in enumerate(blocks):
        if not isinstance(block, DocTable) or block.grid or not block.rows:
            continue
        first = block.rows[0]
        if _label_index(first) is not None or _numbers_in(first) < len(L.APPLICATION_COLUMNS):
            continue
        for back in (1, 2, 3):
            start = idx - back
            if start < 0 or not all(isinstance(b, Paragraph) for b in blocks[start:idx]):
                break
            joined = "".join(b.text.strip() for b in blocks[start:idx])  # type: ignore[union-attr]
            if _full_label(joined):
                label = TableCell(joined, blocks[start].anchor)  # type: ignore[union-attr]
                rows = ((label, *first), *block.rows[1:])
                blocks[idx] = DocTable(rows, block.anchor, block.grid)
                break


def recognise_applications(
    tables: list[tuple[DocTable, bool]],
    diagnostics: list[Diagnostic],
    above: dict[int, list[list[TableCell]]] | None = None,
) -> Table:
    """Section 三: rows by label, the 7 columns by the header (grid) or by position.
    ``above``: for a table (by id) printing none of the column labels, its header printed
    a label a line above it (see :func:`_header_lines_above`)."""
    build = _TableBuild()
    seen: list[str] = []  # every row label matched, read or not (for the edition)
    group: str | None = None
    label_only: set[str] = set()  # rows printed as a label alone, without any cell
    carried: list[Sequence[TableCell]] = []  # the header of the table before
    for table_in, _in_section in tables:
        table = _upright(join_wrapped_labels(table_in))
        header_rows: list[Sequence[TableCell]] = []
        if (
            carried
            and {len(r) for r in table.rows} == {len(carried[-1])}
            and not any(_app_column(tc.text) for r in table.rows for tc in r)
        ):
            # The table continued without its header (split over a page or in two):
            # as wide as the table before, it stands under that table's header.
            header_rows = list(carried)
        elif above and id(table_in) in above:
            header_rows = list(above[id(table_in)])
        leaves: dict[tuple[int, int], list[str | None]] = {}  # by header rows seen, width
        for printed in table.rows:
            # (once every column's header is found, no cell can add one)
            for tc in printed if len(build.columns) < _APP_COLUMN_COUNT else ():
                col = _app_column(tc.text)
                if col and not tc.hmerge and not tc.vmerge and col.id not in build.columns:
                    build.columns[col.id] = Column(col.id, tc.text, tc.anchor)
            logical = _logical(printed)
            match, start, row_group, label_cell = _application_row(logical, group)
            if row_group:
                group = row_group
            if match is None or label_cell is None:
                if any(_app_column(tc.text) for tc in printed):
                    header_rows.append(printed)
                elif sum(1 for tc in logical if parse_cell(tc.text).state == "number") >= 3:
                    label = next(
                        (tc.text for tc in logical if tc.text and not is_data_like(tc.text)), ""
                    )
                    build.extra.append(label)
                continue
            spec = match.spec
            if spec.group:
                group = spec.group
            seen.append(spec.id)
            if build.anchor is None:
                build.anchor = table.anchor
            cells_by_column = _application_cells(
                table, printed, logical, start, header_rows, leaves
            )
            if cells_by_column is None:
                if not any(tc.text for tc in logical[start:]):
                    label_only.add(spec.id)
                build.unaligned.append((label_cell.text, spec.id))
                continue
            if spec.id in build.rows:
                continue  # a repeated row (e.g. a page-break repeat): keep the first
            build.rows[spec.id] = Row(
                spec.id, label_cell.text, label_cell.anchor, cells_by_column, match.how
            )
        if header_rows:
            carried = header_rows
    if not build.rows:
        return ABSENT
    lone = build.rows.get("other_handling")
    if (
        lone is not None
        and all(c.is_empty for c in lone.cells.values())
        and any(r.startswith("other_handling.") for r in build.rows)
    ):
        # “（六）其他处理” printed as an empty group row above its three sub-items (2021):
        # a heading of the group, not the 2019 edition's single data row.
        del build.rows["other_handling"]
        seen.remove("other_handling")
    # A group label printed alone above its sub-items (“（六）其他处理” over 1–3 in text
    # converted from a PDF) heads the group: it is not a row that could not be read.
    heads = {r for r in label_only if any(x.startswith(r + ".") for x in build.rows)}
    if heads:
        build.unaligned = [(label, rid) for label, rid in build.unaligned if rid not in heads]
        seen = [r for r in seen if r not in heads]
    edition = _applications_edition(seen)
    # A row read from another printing of it (a page-break repeat) was read and used: only
    # rows never read are reported as unreadable.
    unread_rows = list(
        dict.fromkeys((label, rid) for label, rid in build.unaligned if rid not in build.rows)
    )
    unread = list(dict.fromkeys(label for label, _ in unread_rows))
    if unread:
        diagnostics.append(
            _unaligned_diagnostic(3, unread, build.anchor, len(build.rows), tuple(build.rows))
        )
    return Table(
        present=True,
        anchor=build.anchor,
        edition=edition,
        columns=build.columns,
        rows=build.rows,
        extra_rows=tuple(build.extra),
        unread=tuple(UnreadRow(label, rid) for label, rid in unread_rows),
    )


def _applicant_row_labels(table: DocTable) -> set[str]:
    """The applicant columns (自然人 … 总计) printed as the label of a row of values."""
    found: set[str] = set()
    for printed in table.rows:
        # the row's last label (text that is not a value), read from the end
        label = next(
            (
                tc.text
                for tc in reversed(printed)
                if not tc.hmerge and tc.text and not is_data_like(tc.text)
            ),
            None,
        )
        col = _app_column(label) if label is not None else None
        if (
            col is not None
            and sum(1 for tc in printed if parse_cell(tc.text).state == "number") >= 3
        ):
            found.add(col.id)
    return found


def _upright(table: DocTable) -> DocTable:
    """A section-三 table printed transposed — the applicant types as rows (自然人 …
    总计) and the format's rows (一、本年新收 … 四、结转下年度) as columns — turned to the
    format's orientation. Only a table with a full grid (every row as wide) whose rows
    are labelled by at least five of the seven applicant columns, and that holds more of
    the format's row labels turned than as printed; any other table is returned as is."""
    rows = table.rows
    if len(rows) < 5 or len({len(r) for r in rows}) != 1:
        return table
    if len(_applicant_row_labels(table)) < len(L.APPLICATION_COLUMNS) - 2:
        return table
    turned = DocTable(
        tuple(
            tuple(
                TableCell(row[c].text, row[c].anchor, row[c].vmerge, row[c].hmerge) for row in rows
            )
            for c in range(len(rows[0]))
        ),
        table.anchor,
        table.grid,
    )
    if _looks_like_applications(turned) <= _looks_like_applications(table):
        return table
    return turned


# Labels that print a section's table (its header), for :func:`_labels_without_figures`.
_TABLE_LABELS = {
    2: ("信息内容", "本年制发件数", "本年新制作数量", "本年处理决定数量"),
    3: (
        "申请人情况",
        "法人或其他组织",
        "本年新收政府信息公开申请数量",
        "上年结转政府信息公开申请数量",
    ),
    4: ("行政复议", "行政诉讼", "结果维持", "结果纠正"),
}


def _labels_without_figures(
    number: int, blocks: Sequence[Paragraph | DocTable]
) -> tuple[str, str] | None:
    """Why section ``number``'s table was not read when its tables print two of its labels
    or more but not one figure: no cell a number, and no line of the section ending in one
    (a 2021 template published unfilled, whose table was said to have labels unlike the
    format's). Only a table the reader set out counts: a line holding a number alone may
    have been taken for a page number, so lines cannot tell that there is none. None
    otherwise."""
    cells = [c.text for b in blocks if isinstance(b, DocTable) for r in b.rows for c in r if c.text]
    lines = [b.text.split()[-1] for b in blocks if isinstance(b, Paragraph) and b.text.split()]
    keys = [k for t in cells if (k := key(t))]
    labels = _TABLE_LABELS.get(number, ())
    printed = [x for x in labels if any(key(x) in k and len(k) <= len(key(x)) + 4 for k in keys)]
    if len(printed) < 2 or any(parse_cell(t).state == "number" for t in (*cells, *lines)):
        return None
    return (
        f"该部分表格印有统一格式的标签（{'、'.join(printed[:3])}），但没有一个数字（各格空白或只有占位符），"
        "没有可检查的数值",
        f"it holds a table with the format's labels ({', '.join(printed[:3])}) but not one "
        "figure (every cell blank or a placeholder): there are no values to check",
    )


_TURNED_NOT_READ = (
    "该部分表格转置排列（申请人类型为行、办理情况为列），标签与统一格式相同，但各行单元格数不一"
    "（合并的单元格只印了一次），无法判断各数值属于哪一项",
    "it holds the table transposed (applicant types as rows, the format's rows as columns) "
    "with the format's labels, but its rows differ in width (merged cells printed once), so "
    "which value belongs to which row cannot be told",
)


def _applications_edition(rows: Iterable[str]) -> str | None:
    """The edition a section-三 table follows, from the rows only some editions have.

    An edition is a candidate when every such row read is one of its rows and at least
    one is; among several candidates, the one missing the fewest of its own such rows.
    Undecided (None) when no candidate, or a tie.
    """
    return _edition_of_rows(tuple(dict.fromkeys(rows)), E.REGISTRY.version)


@lru_cache(maxsize=1024)  # (most reports read the same rows of one edition)
def _edition_of_rows(rows: tuple[str, ...], version: int) -> str | None:
    all_ids = E.ids()
    telling = {r: E.editions_of_row(r) for r in rows}
    telling = {r: eds for r, eds in telling.items() if set(eds) != set(all_ids)}
    candidates = []
    for edition in E.all_editions():
        own = [r for r, eds in telling.items() if edition.id in eds]
        if own and len(own) == len(telling):
            specific = [
                r for r in edition.application_row_ids if set(E.editions_of_row(r)) != set(all_ids)
            ]
            candidates.append((sum(1 for r in specific if r not in telling), edition.id))
    candidates.sort()
    if not candidates or (len(candidates) > 1 and candidates[0][0] == candidates[1][0]):
        return None
    return candidates[0][1]


def _application_cells(
    table: DocTable,
    printed: Sequence[TableCell],
    logical: list[TableCell],
    start: int,
    header_rows: list[Sequence[TableCell]],
    leaves: dict[tuple[int, int], list[str | None]],
) -> dict[str, Cell] | None:
    ids = L.APPLICATION_COLUMN_IDS
    if table.grid and header_rows:
        width = len(printed)
        leaf = leaves.get((len(header_rows), width))
        if leaf is None:
            leaf = leaves[len(header_rows), width] = _leaf_columns(header_rows, width)
        label_index = printed.index(logical[start - 1])
        by_header: dict[str, TableCell] = {}
        for j in range(label_index + 1, width):
            col = leaf[j]
            if col and col not in by_header and not printed[j].hmerge:
                by_header[col] = printed[j]
        if len(by_header) == len(ids) - 1:
            # One header label not recognised (“其他组织” for 其他): the row's cells in the
            # format's order, if they agree with every column the header did name.
            seven = _seven_cells(logical[start:])
            in_order = dict(zip(ids, seven, strict=True)) if seven else None
            if in_order and all(in_order[c] is tc for c, tc in by_header.items()):
                by_header = in_order
        if len(by_header) >= len(ids) - 1:
            return {cid: _cell(tc) for cid, tc in by_header.items()}
    data = logical[start:]
    if len(data) > len(ids) and header_rows and _rectangular(table):
        # A converter's table with every row as wide (a merged cell's copies left empty)
        # in a report that leaves zeros blank: which empty cell is a copy and which a
        # value is told by where the header printed each of the seven columns.
        width = len(printed)
        leaf = leaves.get((len(header_rows), width))
        if leaf is None:
            leaf = leaves[len(header_rows), width] = _leaf_columns(header_rows, width)
        at = {col: j for j, col in enumerate(leaf) if col}
        if len(at) == len(ids) == sum(1 for col in leaf if col) and min(at.values()) >= start:
            return {cid: _cell(printed[at[cid]]) for cid in ids}
    order = _printed_order(header_rows)
    if order is None:
        return None
    extra = len(data) - len(ids)
    if extra > 0:
        # Empty cells at both ends (a merged label's copies, a 备注 column, zeros left
        # blank): when more than one cut leaves seven cells, which cell is which column
        # cannot be told from the cells alone. The row's own 总计 can tell when exactly one
        # cut has it as the sum of the other six (or blank: AP007 reports that); otherwise
        # the row is not read.
        cuts = _blank_cuts(data, len(ids))
        if len(cuts) > 1:
            fitting = [c for c in cuts.values() if _total_fits(c, order)]
            if len(fitting) != 1:
                return None
            data = fitting[0]
    while len(data) > len(ids) and not data[-1].text:
        data = data[:-1]
    # Copies of a label spanning several columns, written as empty cells by some
    # converters, stand between the label and the data.
    while len(data) > len(ids) and not data[0].text:
        data = data[1:]
    if len(data) != len(ids):
        return None
    return {cid: _cell(tc) for cid, tc in zip(order, data, strict=True)}


def _blank_cuts(data: list[TableCell], width: int) -> dict[tuple[str, ...], list[TableCell]]:
    """The different ways of taking ``width`` cells from ``data`` by leaving out only blank
    cells at its two ends (a converter's copies of a merged label, padding), by their
    texts: one entry when the row can be read one way only."""
    extra = len(data) - width
    return {
        tuple(tc.text for tc in data[i : i + width]): data[i : i + width]
        for i in range(extra + 1)
        if not any(tc.text for tc in data[:i])
        and not any(tc.text for tc in data[len(data) - (extra - i) :])
    }


def _seven_cells(data: list[TableCell]) -> list[TableCell] | None:
    """The data cells of a section-三 row, one per column, once empty cells at its ends
    are left out; None when they are not seven."""
    ids = L.APPLICATION_COLUMN_IDS
    while len(data) > len(ids) and not data[-1].text:
        data = data[:-1]
    while len(data) > len(ids) and not data[0].text:
        data = data[1:]
    return data if len(data) == len(ids) else None


_LEGAL_PERSONS = key("法人或其他组织")
# The seven columns in the order the format's header prints them, row by row: 自然人 and
# 总计 in its second row (法人或其他组织 between them), the five 法人 types in the third.
_TEMPLATE_HEADER_ORDER = ("natural_person", "total", *L.APPLICATION_COLUMN_IDS[1:6])


def _printed_order(header_rows: Sequence[Sequence[TableCell]]) -> tuple[str, ...] | None:
    """The order of the values in a row of a table without a grid, from its header rows.

    The format's order when the header prints it (in one row, or 自然人 · 法人或其他组织
    · 总计 over the five 法人 types), or prints only some of the labels in an order that
    fits it (a header cut up by a converter); another order that the header tells fully
    (总计 first; the 法人 types before 自然人) is used; None when the labels are in
    another order that cannot be told (a value would be put in the wrong column)."""
    ids = L.APPLICATION_COLUMN_IDS
    rows: list[list[str]] = []
    for row in header_rows:
        seq = []
        for tc in row:
            k = key(tc.text)
            col = _app_column(tc.text)
            name = col.id if col is not None else _LEGAL_PERSONS if k == _LEGAL_PERSONS else None
            if name is not None and (not seq or seq[-1] != name):  # not a merged cell's copy
                seq.append(name)
        if seq:
            rows.append(seq)
    for seq in reversed(rows):
        if sorted(seq) == sorted(ids):  # one header row prints all seven
            return tuple(seq)
    printed = [c for r in rows for c in r if c != _LEGAL_PERSONS]
    if sorted(printed) == sorted(ids):
        if len(rows) == 2 and rows[0].count(_LEGAL_PERSONS) == 1 and _LEGAL_PERSONS not in rows[1]:
            at = rows[0].index(_LEGAL_PERSONS)
            return (*rows[0][:at], *rows[1], *rows[0][at + 1 :])
    for fitting in (ids, _TEMPLATE_HEADER_ORDER):
        rest = iter(fitting)
        if all(c in rest for c in printed):  # printed is in this order (a subsequence)
            return ids
    return None


def _header_lines_above(
    blocks: Sequence[Paragraph | DocTable], tables: list[tuple[int, DocTable]]
) -> dict[int, list[list[TableCell]]]:
    """For each table that prints none of section 三's column labels: the labels printed a
    line each right above it (a table printed a cell a line, its header's cells left as
    paragraphs: 自然人 / 法人或其他组织 / 总计 / 商业企业 …), as the header's two rows (the
    first up to 法人或其他组织, over the five types), by the table's id. The order they
    are printed in is the values' (总计 first, or last)."""
    out: dict[int, list[list[TableCell]]] = {}
    for i, table in tables:
        labels: list[TableCell] = []
        k = i - 1
        while k >= 0 and isinstance(blocks[k], Paragraph):
            text = blocks[k].text.strip()
            if not (_app_column(text) or key(text) == _LEGAL_PERSONS):
                break
            labels.append(TableCell(text, blocks[k].anchor))
            k -= 1
        if len(labels) < 2 or any(_app_column(tc.text) for r in table.rows for tc in r):
            continue
        labels.reverse()
        if not any(key(tc.text) == _LEGAL_PERSONS for tc in labels):
            out[id(table)] = [labels]
            continue
        # (the five types under 法人或其他组织 are its second row, the rest its first)
        types = [tc for tc in labels if (c := _app_column(tc.text)) and c.id not in _OWN_ROWS]
        out[id(table)] = [r for r in ([tc for tc in labels if tc not in types], types) if r]
    return out


_OWN_ROWS = ("natural_person", "total")  # the columns the header's first row spans down


def _rectangular(table: DocTable) -> bool:
    return len({len(row) for row in table.rows}) == 1


def _total_fits(values: Sequence[TableCell], order: Sequence[str]) -> bool:
    """The 总计 value (at its place in ``order``) is blank or the sum of the others
    (blanks as 0)."""
    at = order.index("total")
    if not values[at].text:
        return True
    parsed = [parse_cell(tc.text) for tc in values]
    if any(p.state == "text" or (p.state == "number" and p.value is None) for p in parsed):
        return False
    numbers = [p.value if p.state == "number" else 0 for p in parsed]
    return sum(numbers) - numbers[at] == numbers[at]


def _unaligned_diagnostic(
    section: int,
    labels_: list[str],
    anchor: Anchor | None,
    read: int | None = None,
    read_ids: Sequence[str] = (),
) -> Diagnostic:
    """A partial XT002: which rows could not be read (their values not used), and how
    many rows were read and used by the checks."""
    numeral = L.SECTION_NUMERALS[section - 1]
    shown = "、".join(f"“{x}”" for x in labels_[:5]) + ("等" if len(labels_) > 5 else "")
    shown_en = ", ".join(labels_[:5]) + (" …" if len(labels_) > 5 else "")
    listed_zh = f"（{L.compact_rows(read_ids, 'zh')}）" if read_ids else ""
    listed_en = f" ({L.compact_rows(read_ids, 'en')})" if read_ids else ""
    count_zh = f"这 {len(labels_)} 行" if len(labels_) > 1 else "该行"
    count_en = f"these {len(labels_)} rows" if len(labels_) > 1 else "this row"
    were = "were" if len(labels_) > 1 else "was"
    used_zh = f"；其余 {read} 行{listed_zh}已读出，其数值用于各项检查" if read else ""
    used_en = (
        f"; the other {read} rows{listed_en} were read and their values used by the checks"
        if read
        else ""
    )
    return Diagnostic(
        "XT002",
        f"第{numeral}部分表格只能部分识别：{shown}行的单元格数与表头不符，无法判断各数值属于哪一列，"
        f"{count_zh}的数值未被使用{used_zh}。请对照原件核对{count_zh}，"
        "或提供保留表格结构的文件（DOCX 或网页原文）。",
        f"the section {section} table is only partly readable: the rows {shown_en} do not have "
        f"the header's number of cells, so their values cannot be placed in columns and "
        f"{count_en} {were} not used{used_en}. Check {count_en} in the original, or supply a "
        "file that keeps the table structure (DOCX or the original page).",
        anchor or Anchor(),
        args=(
            ("section", str(section)),
            ("partial", "true"),
            ("rows", "\n".join(labels_)),
            *((("read", str(read)),) if read is not None else ()),
        ),
    )


# --- section 四 --------------------------------------------------------------------------


def recognise_review(
    tables: list[tuple[DocTable, bool]],
    captions: dict[int, str] | None = None,
    why: list[tuple[str, str]] | None = None,
) -> Table:
    """Section 四: one data row of 15 cells under the 行政复议/行政诉讼 header, or else the
    table set out another way (:func:`_review_by_labels`); ``captions`` holds the short
    paragraph printed right above a table, by its index in ``tables``."""
    ids = [c.id for c in L.REVIEW_COLUMNS]
    header_keys = {key(x) for x in L.REVIEW_HEADER_LABELS}
    for table, in_section in tables:
        saw_header = False
        in_order = True  # the header prints each group's outcomes in the format's order
        for printed in table.rows:
            logical = _logical(printed)
            texts = [tc.text for tc in logical]
            if any(key(t) in header_keys for t in texts if t):
                saw_header = True
                # A header cell printed with the data row (a table saved one cell per line:
                # the header's last cell “总计” right before the 15 values) is not data.
                values = texts[1:]
                if len(values) == len(ids) and all(is_data_like(t) for t in values):
                    logical = logical[1:]
                elif not all(is_data_like(t) for t in texts):
                    in_order = in_order and _outcomes_in_order(texts)
                    continue
            if not (saw_header or in_section):
                continue
            if not in_order:
                # 总计 first, or the outcomes in another order: the values are placed by
                # their labels (below), never by their place in the format.
                break
            data = list(logical)
            # Strip a leading row label, if the report printed one.
            while data and data[0].text and not is_data_like(data[0].text) and len(data) > len(ids):
                data = data[1:]
            while len(data) > len(ids) and not data[-1].text:
                data = data[:-1]
            if len(data) != len(ids):
                continue
            # The data row: mostly numbers or blanks; a stray text cell ("约2") is kept as
            # text (RL004 reports it) rather than losing the whole table.
            numeric = sum(1 for tc in data if parse_cell(tc.text).state == "number")
            data_like = sum(1 for tc in data if is_data_like(tc.text))
            if not numeric or data_like < len(ids) - 3:
                continue
            cells = {cid: _cell(tc) for cid, tc in zip(ids, data, strict=True)}
            row = Row("cases", "", data[0].anchor, cells)
            columns = {c.id: Column(c.id, c.label) for c in L.REVIEW_COLUMNS}
            return Table(present=True, anchor=table.anchor, columns=columns, rows={"cases": row})
    return _review_by_labels(tables, captions or {}, why)


def _outcomes_in_order(texts: Sequence[str]) -> bool:
    """False when a header row prints whole groups of the five outcomes (结果维持 …
    总计, each once) in another order than the format's (总计 first); a row of some of
    them only (a header cut up by a converter) is not evidence either way."""
    order = tuple(o.id for o in L.REVIEW_OUTCOMES)
    printed = [o for t in texts if (o := _review_outcome(t))]
    width = len(order)
    if not printed or len(printed) % width:
        return True
    groups = [tuple(printed[k : k + width]) for k in range(0, len(printed), width)]
    return not any(len(set(g)) == width and g != order for g in groups)


def _review_unplaced(conflict: bool, missing: list[str]) -> tuple[str, str]:
    """Why a section-四 table with the format's labels could not be read (for XT002)."""
    if conflict:
        return (
            "该部分表格有统一格式的标签（行政复议、行政诉讼、结果维持等），但同一格出现了不同的数值，"
            "或标签下的数值个数与标签不符，无法判断各数值属于哪一格",
            "it holds a table with the format's labels (行政复议, 行政诉讼, 结果维持 …), but one "
            "cell's place holds different values, or the values under the labels do not match "
            "them in number, so which value is which cannot be told",
        )
    names = {c.id: c.label for c in L.REVIEW_COLUMNS}
    shown = "、".join(names[c] for c in missing[:3]) + ("等" if len(missing) > 3 else "")
    shown_en = ", ".join(names[c] for c in missing[:3]) + (" …" if len(missing) > 3 else "")
    placed = len(L.REVIEW_COLUMNS) - len(missing)
    return (
        f"该部分表格有统一格式的标签，但 15 个单元格只能确定其中 {placed} 个的位置"
        f"（未找到：{shown}）",
        f"it holds a table with the format's labels, but only {placed} of the 15 cells could "
        f"be placed (not found: {shown_en})",
    )


# Group labels of section 四, most specific first: a cell under 行政诉讼 and 复议后起诉 is
# of 复议后起诉; 行政诉讼 alone names both litigation groups.
_LITIGATION = "litigation"
_REVIEW_OUTCOME_KEYS = {key(o.label): o.id for o in L.REVIEW_OUTCOMES}


@lru_cache(maxsize=1024)
def _review_outcome(text: str) -> str | None:
    """The outcome a section-四 label names (结果维持 … 总计), also with a unit after it
    (结果维持（件）)."""
    k = key(text)
    found = _REVIEW_OUTCOME_KEYS.get(k)
    if found is None and k.endswith("件"):
        found = _REVIEW_OUTCOME_KEYS.get(k.removesuffix("件").removesuffix("单位"))
    return found


@lru_cache(maxsize=1024)
def _review_group(text: str) -> str | None:
    """The section-四 group a label names: 行政复议, 未经复议直接起诉, 复议后起诉, or
    行政诉讼 (both litigation groups); also in a caption such as （一）行政复议情况."""
    k = key(split_numbering(text).body)
    if not k or len(k) > 20:
        return None
    if "直接起诉" in k:
        return "litigation_direct"
    if "复议后起诉" in k:
        return "litigation_after_review"
    if "行政诉讼" in k:
        return _LITIGATION
    if "行政复议" in k and "起诉" not in k:
        return "review"
    return None


def _narrower(old: str | None, new: str | None) -> str | None:
    """Of two group labels over one cell, the more specific (复议后起诉 under 行政诉讼)."""
    if new is None or (old not in (None, _LITIGATION) and new == _LITIGATION):
        return old
    return new


def _review_by_labels(
    tables: list[tuple[DocTable, bool]],
    captions: dict[int, str],
    why: list[tuple[str, str]] | None = None,
) -> Table:
    """Section 四 set out other than the format's one row of 15 cells: its groups as
    rows (行政复议 / 未经复议直接起诉 / 复议后起诉 × the five outcomes), the table
    transposed, or split into a 行政复议 and a 行政诉讼 table (a caption paragraph above a
    table may name its group). Each value is placed by the group and outcome labels of
    its row and of its column; the table is read only when every one of the 15 cells is
    found once (two different values for one cell, or a cell not found: not read)."""
    found: dict[str, TableCell] = {}
    conflict = uneven = False
    anchor: Anchor | None = None
    col_group: dict[int, str] = {}
    col_leaf: dict[int, str] = {}
    order_group: list[str] = []
    order_leaf: list[str] = []
    context: str | None = None
    carried: str | None = None
    for index, (table, in_section) in enumerate(tables):
        if not in_section:
            continue
        if any(tc.text and not is_data_like(tc.text) for r in table.rows for tc in r):
            # A table of values alone (a text converter cut one after its header rows)
            # stands under the labels of the table before it; any other starts anew.
            col_group, col_leaf, order_group, order_leaf = {}, {}, [], []
            context = _review_group(captions.get(index, ""))
            carried = None
        # A converter's table with every row as wide: the copies of a merged cell are
        # there, left empty, and a value's column is its place in the row.
        rect = not table.grid and len(table.rows) > 1 and _rectangular(table)
        for printed in table.rows:
            cells = list(printed) if table.grid else _logical(printed)
            labels = [j for j, tc in enumerate(cells) if tc.text and not is_data_like(tc.text)]
            first = labels[-1] + 1 if labels else 0
            numbers = any(parse_cell(tc.text).state == "number" for tc in cells)
            outcomes = {_review_outcome(cells[j].text) for j in labels} - {None}
            # A row of labels only is a header; a row with a number, or with empty cells
            # after its labels (a report that leaves zeros blank) that name one outcome
            # or stand under outcome labels already seen, holds values. Without a grid,
            # “行政复议 | | |” above the outcome labels is the copies of a spanning label.
            if not numbers and (
                not labels
                or first == len(cells)
                or len(outcomes) > 1
                or (not outcomes and not col_leaf)
            ):
                heads = [tc.text for tc in cells]
                if rect:  # an empty header cell continues the label at its left
                    for j in range(1, len(heads)):
                        heads[j] = heads[j] or heads[j - 1]
                groups = {j: g for j, t in enumerate(heads) if (g := _review_group(t))}
                leaves = {j: o for j, t in enumerate(heads) if (o := _review_outcome(t))}
                for j, g in groups.items():
                    col_group[j] = _narrower(col_group.get(j), g)  # type: ignore[assignment]
                col_leaf.update(leaves)
                if len(leaves) >= 2 and not groups:
                    order_leaf = [leaves[j] for j in sorted(leaves)]
                if groups and not leaves:
                    order_group = list(dict.fromkeys(g for _, g in sorted(groups.items())))
                    if len(order_group) == 1:  # one group over the whole table
                        context = _narrower(context, order_group[0])
                continue
            row_group: str | None = None
            row_leaf: str | None = None
            for tc in cells[:first]:
                if not tc.text or is_data_like(tc.text):
                    continue
                row_group = _narrower(row_group, _review_group(tc.text))
                row_leaf = _review_outcome(tc.text) or row_leaf
            if row_group is not None:
                carried = row_group
            elif row_leaf is not None:
                row_group = carried
            data = [j for j in range(first, len(cells)) if is_data_like(cells[j].text)]
            placed: list[tuple[str | None, str | None, TableCell]] = []
            if not table.grid and (row_leaf is not None or not rect):
                # Copies of a spanning label, written as empty cells, before the values.
                want = 1 if row_leaf is not None else len(order_leaf)
                while len(data) > want and not cells[data[0]].text:
                    data = data[1:]
            if row_leaf is not None:
                if len(data) != 1:
                    conflict = True
                    continue
                j = data[0]
                placed.append(
                    (_narrower(col_group.get(j), row_group) or context, row_leaf, cells[j])
                )
            elif table.grid or rect:
                for j in data:
                    group = _narrower(_narrower(context, col_group.get(j)), row_group)
                    placed.append((group, col_leaf.get(j), cells[j]))
            elif order_leaf and len(data) != len(order_leaf):
                uneven = True  # more or fewer values than outcome labels above them
            elif order_leaf:
                width = len(L.REVIEW_OUTCOMES)
                for n, j in enumerate(data):
                    if row_group is not None:
                        group = row_group
                    elif len(order_group) * width == len(order_leaf):
                        group = order_group[n // width]
                    else:
                        group = context
                    placed.append((group, order_leaf[n], cells[j]))
            for group, leaf, tc in placed:
                if group is None or group == _LITIGATION or leaf is None:
                    continue
                cid = f"{group}.{leaf}"
                if cid in found and compact(found[cid].text) != compact(tc.text):
                    conflict = True
                found.setdefault(cid, tc)
                if anchor is None:
                    anchor = table.anchor
    ids = [c.id for c in L.REVIEW_COLUMNS]
    if conflict or any(cid not in found for cid in ids) or anchor is None:
        if why is not None and (conflict or uneven or found):
            missing = [cid for cid in ids if cid not in found]
            why.append(_review_unplaced(conflict or uneven, missing))
        return ABSENT
    cells = {cid: _cell(found[cid]) for cid in ids}
    row = Row("cases", "", found[ids[0]].anchor, cells)
    columns = {c.id: Column(c.id, c.label) for c in L.REVIEW_COLUMNS}
    return Table(present=True, anchor=anchor, columns=columns, rows={"cases": row})


# --- section 二 --------------------------------------------------------------------------

# “第二十条第（一）项”, also written without one of its 第 (“第二十条（一）项”).
_ITEM_TITLE = re.compile(r"第?二十条第?\(?([一二三四五六七八九十]+)\)?项")
_ITEM_WORDS = "二十条"  # (in every match of _ITEM_TITLE)


@lru_cache(maxsize=64)
def _item_specs(number: str, version: int) -> tuple[tuple[str, L.ItemSpec], ...]:
    """Each edition's spec of section-二 item ``number`` (by registry version: asked for
    every row of every item table)."""
    return tuple(
        (ed.id, spec)
        for ed in E.all_editions()
        for spec in ed.article20_items
        if spec.number == number
    )


@lru_cache(maxsize=1024)
def _header_key(text: str, version: int) -> str:
    """The key a section-二 header cell is matched by: a column label with a note of the
    report's own in brackets after it (“上一年项目数量（指2019年事项数）”, “处理决定数量（指
    2020年办件量）”: a province's annotated template, seen in a 2020 市生态环境局 report) is
    that column's label (placed as printed otherwise, AD003). A label the format itself
    prints with brackets (本年收费金额（单位：万元）) keeps its key. (``version``: the
    editions registry's, which the cached answer depends on.)"""
    whole = key(text)
    if whole in E.article20_column_keys() or not _BRACKETED.search(text):
        return whole
    bare = key(_BRACKETED.sub("", compact(text)))
    return bare if bare in E.article20_column_keys() else whole


_NOTE_COLON = re.compile("[:：]")


@lru_cache(maxsize=1024)
def _noted_row(
    number: str, label: str, version: int
) -> tuple[L.RowSpec, tuple[str, ...], tuple[str, ...]] | None:
    """The row of item ``number`` whose label ``label`` prints with a note of the report's
    own: in brackets after it, or after a colon; or with 檔案 for 文件, as a mirror that
    converts a page to Taiwan's wording prints it (規範性檔案: the 2020 市生态环境局 page
    FORMATS.md cites [S12]). None when it is not so printed."""
    text = compact(label)
    if "档案" in text:
        text = text.replace("档案", "文件")
        if found := _item_row(number, key(text), version):
            return found
    for bare in (
        _BRACKETED.sub("", text) if _BRACKETED.search(text) else "",
        _NOTE_COLON.split(text, 1)[0] if _NOTE_COLON.search(text) else "",
    ):
        if (bare_key := key(bare)) and (found := _item_row(number, bare_key, version)):
            return found
    return None


@lru_cache(maxsize=4096)
def _item_row(
    number: str, label_key: str, version: int
) -> tuple[L.RowSpec, tuple[str, ...], tuple[str, ...]] | None:
    """The row of item ``number`` whose label's key is ``label_key`` (from the first
    edition that prints it), the editions whose item prints that label, and those whose
    fingerprints hold it; None when no edition's item has the row. (Cached: every report
    prints the same few labels.)"""
    specs = _item_specs(number, version)
    for _ed, spec in specs:
        row_spec = next((r for r in spec.rows if key(r.label) == label_key), None)
        if row_spec is None:
            continue
        printing = tuple(
            other
            for other, other_spec in specs
            if any(key(r.label) == key(row_spec.label) for r in other_spec.rows)
        )
        fingerprinted = tuple(
            other.id for other in E.all_editions() if row_spec.label in other.fingerprints
        )
        return row_spec, printing, fingerprinted
    return None


def recognise_article20(
    blocks: list[Paragraph | DocTable], diagnostics: list[Diagnostic] | None = None
) -> Article20:
    """Section 二: item titles, their header rows and data rows, for either edition."""
    items: dict[str, dict] = {}
    current: str | None = None
    hits = dict.fromkeys(E.ids(), 0)
    anchor: Anchor | None = None

    version = E.REGISTRY.version

    def item_specs(number: str) -> tuple[tuple[str, L.ItemSpec], ...]:
        return _item_specs(number, version)

    # An item known from its rows, not from a title (a table per item, its caption
    # in other words or none): the next table without a title is told by its rows too.
    inferred = False
    repeated: str | None = None  # an item's title printed again (a page's repeated header)
    header: list[TableCell] = []  # the last 信息内容 row seen in this table
    for block in blocks:
        rows: list[list[TableCell]]
        if isinstance(block, Paragraph):
            rows = [[TableCell(block.text, block.anchor)]]
            is_table = False
        else:
            rows = [_logical(r) for r in block.rows]
            is_table = True
            header = []
            if inferred and not _looks_like_article20(block):
                current = None
        for cells in rows:
            cells = [c for c in cells if c.text or is_table]
            if not cells:
                continue
            first = compact(cells[0].text)
            title_cells = 1
            if first == "第二十条" and len(cells) > 1:  # "| 第二十条 | 第（八）项 |" (markitdown)
                first += compact(cells[1].text)
                title_cells = 2
            if is_table and key(first) == key(L.ARTICLE20_HEADER_FIRST):
                header = _header_cells(cells[1:])
            if is_table:
                number = _item_of_row(cells[0].text)
                if (
                    number is not None
                    and number != current
                    and (
                        current is None
                        or inferred
                        # A titled item's table runs on into a row of another item whose
                        # title was not read (“第二十条第（五|）项”, a title split across two
                        # cells by PyMuPDF): that item, told by its rows, as an untitled one.
                        or (
                            number not in items
                            and _item_row(current, key(cells[0].text), version) is None
                        )
                    )
                ):
                    current, inferred = number, True
                    items.setdefault(current, _item_record("", cells[0].anchor, header))
                    if anchor is None:
                        anchor = cells[0].anchor
            m = _ITEM_TITLE.search(first) if _ITEM_WORDS in first else None
            if m and m.group(1) != current and items.get(m.group(1), {}).get("rows"):
                # The title of an item already read, rows and all, again after another
                # item's rows: a table's header rows repeated on a new page (第二十条第（一）
                # 项 / 信息内容 … printed atop page 2, in the middle of item (六)). Which
                # item the rows after it are is told by the first of them.
                repeated = m.group(1)
                continue
            if m:
                current, inferred = m.group(1), False
                items.setdefault(current, _item_record(cells[0].text, cells[0].anchor, []))
                if anchor is None:
                    anchor = cells[0].anchor
                rest = cells[title_cells:]
                if rest and key(rest[0].text) == key(L.ARTICLE20_HEADER_FIRST):
                    items[current]["columns"] = rest[1:]
                continue
            if current is not None and not is_table:
                # the header printed as a line of text ("信息内容 本年收费金额（单位：万元）",
                # a PDF converter's): which edition's columns the item's rows are in
                words = cells[0].text.split()
                if len(words) > 1 and key(words[0]) == key(L.ARTICLE20_HEADER_FIRST):
                    items[current]["text_header"] = [key(w) for w in words[1:]]
                elif (
                    alone := _item_row(current, key(cells[0].text.strip(_PIPE_PADDING)), version)
                ) is not None:
                    # A row label on a line of its own, no cell read with it: a row left
                    # blank printed a cell a line (its empty cells blank lines or lone
                    # pipes, its label with its pipe “规章 |”, the table read from the next
                    # row with figures). Printed, not read; never "missing" (unless a
                    # table's row of that label is read after all).
                    items[current].setdefault("alone", {}).setdefault(alone[0].id, cells[0])
            if current is None or not is_table:
                continue
            item = items[current]
            if key(cells[0].text) == key(L.ARTICLE20_HEADER_FIRST) or (
                # (not the rest of a header wrapped over several rows)
                not item["columns"]
                and _article20_header(cells, [spec for _, spec in item_specs(current)])
            ):
                if item["columns"] and item["rows"]:
                    # A header after an item that has its own header and rows is the
                    # next item's (tables run together, their titles lost: the next item
                    # is told by its rows and takes this header from ``header``), not a
                    # second header of this one: taken, it made this item's columns
                    # the next one's (AD002 'column missing' with the figures there).
                    continue
                item["columns"] = _header_cells(cells[1:])
                item["late_header"] = bool(item["rows"])
                continue
            if repeated is not None:
                # (the first row after a repeated title: the repeated item's when it is
                # one of that item's rows and none of the current item's)
                if (
                    _item_row(current, key(cells[0].text), version) is None
                    and _item_row(repeated, key(cells[0].text), version) is not None
                ):
                    current = repeated
                    item = items[current]
                repeated = None
            matched = False
            found = _item_row(current, key(cells[0].text), version)
            if found is None:
                # A row label with a note of the report's own, in brackets (“其他对外管理服务
                # 事项（指行政许可以外的政务服务事项，含行政确认……）”: a province's annotated
                # template) or after a colon (“规章:地方行政规章指……”, a 2020 区文教局
                # report): the row, its label printed otherwise (AD003).
                found = _noted_row(current, cells[0].text, version)
            if found is not None:
                # which editions print this row label here: for an item without its
                # header row, the columns are those of the edition its rows are from
                row_spec, printing, fingerprinted = found
                for other in printing:
                    item["row_hits"][other] = item["row_hits"].get(other, 0) + 1
                matched = True
                # A label only some editions print counts for each of them.
                for other in fingerprinted:
                    hits[other] += 1
                item["rows"].setdefault(row_spec.id, (cells[0], cells[1:]))
            if not matched and cells[0].text and not is_data_like(cells[0].text):
                # A row label with a typo ("行政处份"): the closest row of this item.
                scored = sorted(
                    (
                        (similarity(key(r.label), key(cells[0].text)), r)
                        for _, spec in item_specs(current)
                        for r in spec.rows
                    ),
                    key=lambda p: -p[0],
                )
                # Or the format's label inside a longer one (“政府规章” for 规章), when
                # only one row of the item has its label there.
                inside = {
                    r.id: r
                    for _, spec in item_specs(current)
                    for r in spec.rows
                    if len(key(r.label)) >= 2 and key(r.label) in key(cells[0].text)
                }
                if scored and scored[0][0] < FUZZY_THRESHOLD and len(inside) == 1:
                    scored = [(1.0, next(iter(inside.values())))]
                if (
                    scored
                    and scored[0][0] >= FUZZY_THRESHOLD
                    and sum(1 for c in cells[1:] if is_data_like(c.text)) >= 1
                ):
                    item["rows"].setdefault(scored[0][1].id, (cells[0], cells[1:]))
            elif (
                not matched
                and not cells[0].text.strip(_PIPE_PADDING)
                and any(parse_cell(c.text).state == "number" for c in cells[1:])
            ):
                # A row of figures without its label (markitdown on a PDF: the label
                # “行政规范性文件” printed above the table's line, “| | 77 | 132 | 470 |”):
                # a row of the item is there, which one cannot be told.
                item["unlabelled"] = item.get("unlabelled", 0) + 1
    if not items:
        return Article20(present=False)
    out: dict[str, Table] = {}
    unaligned: list[str] = []
    # Which edition the items that print their header follow: an item without its header
    # whose rows both editions print (行政事业性收费) takes that edition's columns.
    lead = dict.fromkeys(E.ids(), 0)
    for number, item in items.items():
        printed = {_header_key(c.text, version) for c in item["columns"]} or set(
            item.get("text_header", ())
        )
        for ed, count in _columns_printed(number, frozenset(printed), version):
            lead[ed] += count
    for number, item in items.items():
        header = item["columns"]
        header_keys = [_header_key(c.text, version) for c in header] or item.get("text_header", [])
        # Pick the edition whose column labels the header matches best, then whose row
        # labels the rows match best (the first of editions that print the same header
        # and rows; each of them counts the hits).
        best: tuple[int, int, str, L.ItemSpec] | None = None
        scores: dict[str, int] = {}
        row_hits = item["row_hits"]
        fits = _header_scores(number, tuple(header_keys), version)
        for (ed, spec), (fit, score, near) in zip(item_specs(number), fits, strict=True):
            scores[ed] = score
            rank = (fit, score, near, row_hits.get(ed, 0), lead[ed])
            if best is None or rank > best[:5]:
                best = (*rank, ed, spec)
        if best is None:
            continue
        _, score, _, _, _, ed, spec = best
        if score:
            for other, other_score in scores.items():
                if other_score == score:
                    hits[other] += score
        columns, order, cut = _place_columns(spec, header, version, cut=True)
        if cut and len(set(order) - {None}) < len(spec.columns):
            # Labels cut short complete a header or are not taken (a header whose other
            # lines stand in another row is read as it was: one line is not enough).
            columns, order, _ = _place_columns(spec, header, version, cut=False)
        unplaced = [c for c in spec.columns if c.id not in order]
        if (
            order.count(None) == 1
            and len(unplaced) == 1
            and len(order) == len(spec.columns)
            # (not a header printed below the item's rows: the next item's, its title
            # lost in a conversion, “本年收费金额” under (六)'s rows)
            and not item.get("late_header")
        ):
            # One header label that is none of the item's, where one of its columns is
            # not printed (“处理决定数量” over （八）'s amount, pasted from （五））: that
            # column, its label printed otherwise (AD003), not a table left unread.
            at = order.index(None)
            order[at] = unplaced[0].id
            columns[unplaced[0].id] = Column(
                unplaced[0].id, header[at].text, header[at].anchor, "altered"
            )
        if not header:
            order = [c.id for c in spec.columns]
        # A header cell holding two labels of the item's that are not placed (“本年制发件数
        # <br>本年废止件数”: PyMuPDF's markdown of 平潭 2022 ran two columns into one cell,
        # “0<br>0” under it): the rows cannot be told apart column by column, and the two
        # columns are printed, not missing — the rows are left unread.
        merged = any(
            placed is None and sum(1 for c in unplaced if key(c.label) in key(cell.text)) >= 2
            for placed, cell in zip(order, header, strict=False)
        )
        rows: dict[str, Row] = {}
        extra: list[str] = []
        unread: list[UnreadRow] = []
        for row_id, (label_cell, data) in item["rows"].items():
            data = list(data)
            if merged:
                unaligned.append(label_cell.text)
                unread.append(UnreadRow(label_cell.text, row_id))
                continue
            if len(data) > len(order):
                # blank cells past the columns, or a merged label's copies before them
                cuts = _blank_cuts(data, len(order))
                if len(cuts) == 1:
                    data = next(iter(cuts.values()))
            if len(data) != len(order):
                unaligned.append(label_cell.text)
                unread.append(UnreadRow(label_cell.text, row_id))
                continue
            cells = {cid: _cell(tc) for cid, tc in zip(order, data, strict=True) if cid}
            row_label = next((r.label for r in spec.rows if r.id == row_id), None)
            if row_label is None:
                extra.append(label_cell.text)  # a row of the other edition
                continue
            rows[row_id] = Row(
                row_id,
                label_cell.text,
                label_cell.anchor,
                cells,
                _label_match(label_cell.text, row_label) or "altered",
            )
        for row_id, label_cell in item.get("alone", {}).items():
            # (only beside rows read: an item read from no row is unreadable as a whole)
            if item["rows"] and row_id not in item["rows"]:
                label = label_cell.text.strip(_PIPE_PADDING)
                unaligned.append(label)
                unread.append(UnreadRow(label, row_id))
        out[spec.id] = Table(
            present=True,
            anchor=item["anchor"],
            edition=ed if score else None,
            title=item["title"],
            columns=columns,
            rows=rows,
            # (a row of figures without a label: "")
            extra_rows=tuple(extra) + ("",) * item.get("unlabelled", 0),
            unread=tuple(unread),
        )
    if unaligned and diagnostics is not None:
        read = sum(len(t.rows) for t in out.values())
        diagnostics.append(_unaligned_diagnostic(2, unaligned, anchor, read))
    # The edition with the most hits, if only one has that many.
    ranked = sorted(hits.values(), reverse=True)
    edition = None
    if ranked and (len(ranked) == 1 or ranked[0] > ranked[1]):
        edition = max(hits, key=hits.__getitem__)
    present = any(t.rows for t in out.values())
    return Article20(present=present, anchor=anchor, edition=edition, items=out)


def _item_record(title: str, anchor: Anchor, columns: list[TableCell]) -> dict:
    """A 第二十条 item as recognise_article20 gathers it: its title (empty when told by its
    rows), where it starts, its header's cells, its rows and which editions they fit."""
    return {"title": title, "anchor": anchor, "columns": columns, "rows": {}, "row_hits": {}}


# What an extractor's padding leaves around a cell's text: spaces and pipes.
_PIPE_PADDING = " |｜\u3000"


def _header_cells(cells: Sequence[TableCell]) -> list[TableCell]:
    """A section-二 header row's labelled cells, without the pipes an extractor's padding
    left after the last one (“本年处理决定数量 | |”, a table printed a cell a line with a
    pipe alone before each row): no label ends in a pipe."""
    out = []
    for c in cells:
        if c.text[-1:] in ("|", "｜"):
            c = dataclasses.replace(c, text=c.text.rstrip(_PIPE_PADDING))
        if c.text:
            out.append(c)
    return out


@lru_cache(maxsize=1024)
def _item_of_row(label: str) -> str | None:
    """The 第二十条 item whose row this label is, in every edition (规章 → （一）,
    行政许可 → （五）, 行政事业性收费 → （八） …); None when it names none or several."""
    k = key(label)
    numbers = {
        spec.number
        for ed in E.all_editions()
        for spec in ed.article20_items
        if any(key(r.label) == k for r in spec.rows)
    }
    return numbers.pop() if len(numbers) == 1 else None


# --- the whole report ------------------------------------------------------------------


def _article20_header(cells: Sequence[TableCell], specs: Sequence[L.ItemSpec]) -> bool:
    """A section-二 item's header row whose first cell is not “信息内容” (“信息类别”):
    no value in it, and a column label of the item (or one printed otherwise) after it."""
    rest = [c for c in cells[1:] if c.text]
    if not rest or any(is_data_like(c.text) for c in rest):
        return False
    return any(
        key(c.text) == key(col.label) or _near_column(col, key(c.text))
        for c in rest
        for spec in specs
        for col in spec.columns
    )


@lru_cache(maxsize=1024)
def _columns_printed(
    number: str, printed: frozenset[str], version: int
) -> tuple[tuple[str, int], ...]:
    """For each edition's item ``number``: how many of its column labels are among the
    ``printed`` keys. (Cached: most reports print the same headers.)"""
    return tuple(
        (ed, sum(1 for c in spec.columns if key(c.label) in printed))
        for ed, spec in _item_specs(number, version)
    )


@lru_cache(maxsize=1024)
def _header_scores(
    number: str, header_keys: tuple[str, ...], version: int
) -> tuple[tuple[int, int, int], ...]:
    """For each edition's item ``number`` (in :func:`_item_specs`'s order), how a printed
    header fits it: first how well the header's shape fits the edition's columns (a 2021
    item (五) headed with the 2019 label “处理决定数量” is the 2021 item, its one column
    labelled otherwise, not the 2019 item with two columns missing), then how many of
    its labels are printed as they are, then how many otherwise (“本年收费金额（万元）”).
    (Cached: most reports print the same headers.)"""
    out = []
    for _ed, spec in _item_specs(number, version):
        score = sum(1 for c in spec.columns if key(c.label) in header_keys)
        near = sum(1 for c in spec.columns if any(_near_column(c, k) for k in header_keys))
        out.append((_header_fit(spec, header_keys), score, near))
    return tuple(out)


def _header_fit(spec: L.ItemSpec, header_keys: Sequence[str]) -> int:
    """How well a printed section-二 header fits an item's columns: each column of the
    item found in it (its label or one printed otherwise) counts for, each column not
    found and each printed label that is no column of the item against (0 without a
    header)."""
    if not header_keys:
        return 0
    found = sum(
        1 for c in spec.columns if any(key(c.label) == k or _near_column(c, k) for k in header_keys)
    )
    stray = sum(
        1
        for k in header_keys
        if not any(key(c.label) == k or _near_column(c, k) for c in spec.columns)
    )
    return found - (len(spec.columns) - found) - stray


def _place_columns(
    spec: L.ItemSpec, header: Sequence, version: int, cut: bool
) -> tuple[dict[str, Column], list[str | None], bool]:
    """The item's columns each printed header cell is (None: none of them), by label,
    by a label printed otherwise, and with ``cut`` by a label cut short; and whether a
    label cut short was taken."""
    columns: dict[str, Column] = {}
    order: list[str | None] = []
    took_cut = False
    for hc in header:
        printed = _header_key(hc.text, version)
        # (a label printed twice, “本年新制作数量” over the next column as well in a 2019
        # 乡人民政府 report, is one column: the other is left to be placed below)
        col = next((c for c in spec.columns if key(c.label) == printed and c.id not in order), None)
        if col is not None and printed != key(hc.text):  # a note of its own in brackets
            columns[col.id] = Column(col.id, hc.text, hc.anchor, "altered")
            order.append(col.id)
            continue
        if col is None:
            col = next(
                (c for c in spec.columns if c.id not in order and _near_column(c, printed)), None
            )
            if col is None and cut:
                col = _cut_column(spec, printed, order)
                took_cut = col is not None or took_cut
            if col is not None:
                columns[col.id] = Column(col.id, hc.text, hc.anchor, "altered")
        else:
            how = _label_match(hc.text, col.label) or "variant"
            columns[col.id] = Column(col.id, hc.text, hc.anchor, how)
        order.append(col.id if col else None)
    return columns, order, took_cut


def _cut_column(
    spec: L.ItemSpec, printed_key: str, placed: Sequence[str | None]
) -> L.ColumnSpec | None:
    """The first column not yet placed whose label starts with a header cell cut short:
    an extractor that keeps only a cell's first line prints “本年新” for “本年新\n制作数量”
    and “本年新\n公开数量” (seen in a real report's stored page), so the two read in order.
    Three characters at least, and never the whole label."""
    if len(printed_key) < 3:
        return None
    return next(
        (
            c
            for c in spec.columns
            if c.id not in placed
            and key(c.label) != printed_key
            and key(c.label).startswith(printed_key)
        ),
        None,
    )


def _near_column(column: L.ColumnSpec, printed_key: str) -> bool:
    """A section-二 header label printed otherwise than the format's: one character or so
    apart, or without the format's note in brackets (“本年收费金额” for
    “本年收费金额（单位：万元）”)."""
    return bool(printed_key) and _near_label(column.label, printed_key)


# A year written into a column label (“本年(2023)制发件数”, “2023年度处理决定数量”), as
# pages of real reports print them: in a label's key, the brackets are gone.
_LABEL_YEAR = re.compile(r"(?:19|20)\d\d(?:年度|年)?")


@lru_cache(maxsize=4096)
def _near_label(label: str, printed_key: str) -> bool:
    """(Cached: every report of a batch prints the same few headers.) A label with a
    year written in is read without it, or with the year for the format's “本年”."""
    if _near_printed(label, printed_key):
        return True
    if not _LABEL_YEAR.search(printed_key):
        return False
    return any(
        _near_printed(label, _LABEL_YEAR.sub(repl, printed_key, count=1)) for repl in ("", "本年")
    )


def _near_printed(label: str, printed_key: str) -> bool:
    bare = key(_BRACKETED.sub("", label))
    return (len(bare) >= 4 and printed_key == bare) or similarity(key(label), printed_key) >= 0.8


def _looks_like_applications(table: DocTable) -> int:
    hits = 0
    match = _app_matcher().match
    for printed in table.rows:
        for tc in printed:
            if tc.text and not is_data_like(tc.text) and match(tc.text):
                hits += 1
                break
    return hits


def _cell_texts(table: DocTable) -> set[str]:
    """The different texts a table's cells print (the zeros and blanks of a data table
    many times over, read once)."""
    return {tc.text for r in table.rows for tc in r if tc.text}


def _looks_like_review(table: DocTable, texts: set[str] | None = None) -> bool:
    keys = {key(t) for t in (_cell_texts(table) if texts is None else texts)}
    return key("行政复议") in keys and (key("复议后起诉") in keys or key("行政诉讼") in keys)


def _looks_like_article20(table: DocTable, texts: set[str] | None = None) -> bool:
    # Each text's compact form: cached, as cells repeat from report to report (one pass
    # over a table's cells joined costs six times as much, NFKC over the whole text).
    # Their compact forms joined (no title runs over a NUL), and the pattern run only
    # where its words stand: it opens with an optional 第, so the engine would try it at
    # every place of every text (most tables name no item).
    joined = "\0".join(map(compact, _cell_texts(table) if texts is None else texts))
    return _ITEM_WORDS in joined and _ITEM_TITLE.search(joined) is not None


def _texts(doc: Document) -> list[str]:
    """Every paragraph's and cell's text (the cells' gathered in C: hundreds a table)."""
    out: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            out.append(block.text)
        else:
            out.extend(map(_TEXT, chain.from_iterable(block.rows)))
    return out


_TEXT = attrgetter("text")


def _simplified(doc: Document) -> Document:
    """A document written in traditional characters (a page saved from a site's 繁體
    view) as the same document in simplified ones, character for character, so that
    every cue of the title, the sections and the narrative reads it (labels and headings
    are matched through ``compact``, which does this for any text). Anchors are kept:
    each character stays in its place."""
    if not traditional.mostly_traditional(_texts(doc)):
        return doc
    # (and without the pinyin some mirrors of 繁體 pages write after characters: the
    # one case where a place moves, to the left on its line)
    simple = traditional.simplified_reading
    blocks = [
        Paragraph(simple(b.text), b.anchor)
        if isinstance(b, Paragraph)
        else dataclasses.replace(
            b,
            rows=tuple(
                tuple(dataclasses.replace(c, text=simple(c.text)) for c in row) for row in b.rows
            ),
        )
        for b in doc.blocks
    ]
    metadata = {k: simple(v) for k, v in doc.metadata.items()}
    return dataclasses.replace(doc, blocks=blocks, metadata=metadata)


def interpret(doc: Document, data: bytes) -> Report:
    """Turn a reader's Document (and the file's bytes, for the hash) into a Report."""
    doc = _simplified(doc)
    diagnostics: list[Diagnostic] = list(doc.diagnostics)
    blocks: list[Paragraph | DocTable] = list(doc.blocks)
    _lift_table_headings(blocks)
    headings, repeated = _find_headings(blocks)
    if _split_glued_headings(blocks, headings):
        headings, repeated = _find_headings(blocks)
    attach_paragraph_labels(blocks)
    lost = _lost_problems_heading(blocks, headings)
    if lost is not None:
        headings = sorted([*headings, lost], key=lambda pair: pair[0])

    # Each block belongs to the section whose heading came last before it.
    owner: list[int | None] = [None] * len(blocks)
    current: int | None = None
    heading_at = {idx: h for idx, h in headings}
    for idx in range(len(blocks)):
        if idx in heading_at:
            current = heading_at[idx].number
        owner[idx] = current

    pictures = _pictures_by_section(doc, blocks, owner)
    sections: list[Section] = []
    preamble: list[TextBlock] = []
    for pos, (idx, h) in enumerate(headings):
        end = headings[pos + 1][0] if pos + 1 < len(headings) else len(blocks)
        paragraphs: list[TextBlock] = []
        has_table = False
        heading_block = blocks[idx]
        assert isinstance(heading_block, Paragraph)
        remainder = heading_block.text.strip()[len(h.text) :].strip() if h.printed else ""
        if not h.printed:
            # A lost heading: this block is the first paragraph of the section's content.
            paragraphs.append(TextBlock(heading_block.text, heading_block.anchor))
        elif remainder:
            # A flattened line: the section's text follows its heading in the same block.
            offset = heading_block.text.find(remainder)
            paragraphs.append(TextBlock(remainder, _shift(heading_block.anchor, offset)))
        for block in blocks[idx + 1 : end]:
            if isinstance(block, Paragraph):
                paragraphs.append(TextBlock(block.text, block.anchor))
            else:
                has_table = True
        spec = L.SECTIONS[h.number - 1]
        sections.append(
            Section(
                h.number,
                spec.key,
                h.text,
                heading_block.anchor,
                tuple(paragraphs),
                has_table,
                heading_printed=h.printed,
            )
        )
    first_heading = headings[0][0] if headings else len(blocks)
    for block in blocks[:first_heading]:
        if isinstance(block, Paragraph):
            preamble.append(TextBlock(block.text, block.anchor))

    tables = [(i, b) for i, b in enumerate(blocks) if isinstance(b, DocTable)]
    app_tables: list[tuple[DocTable, bool]] = []
    after = -1  # the block just after the last table taken for section 三's
    for i, t in tables:
        hits = _looks_like_applications(t)
        # (a table right after one taken, a row of the format's there, is its rest cut off
        # by a page break: “（七）总计” and “四、结转下年度继续办理” printed as a table of
        # their own by a converter of a PDF. Under section 三's heading it is taken for
        # its row; with the report's headings lost, it was left out and AP002 said the
        # rows printed were missing.)
        if hits >= 5 or (hits >= 1 and (owner[i] == 3 or (i == after and owner[i] is None))):
            app_tables.append((t, owner[i] == 3))
            after = i + 1
    applications = recognise_applications(
        app_tables, diagnostics, _header_lines_above(blocks, tables)
    )
    # Each table's texts, gathered once for the section-四 and section-二 cues.
    cell_texts: dict[int, set[str]] = {}

    def texts_of(i: int) -> set[str]:
        if i not in cell_texts:
            cell_texts[i] = _cell_texts(blocks[i])  # type: ignore[arg-type]
        return cell_texts[i]

    review_at = [i for i, t in tables if owner[i] == 4 or _looks_like_review(t, texts_of(i))]
    review_tables = [(blocks[i], owner[i] == 4) for i in review_at]
    captions = {
        n: above.text
        for n, i in enumerate(review_at)
        if i > 0 and isinstance(above := blocks[i - 1], Paragraph) and len(above.text) <= 30
    }
    review_why: list[tuple[str, str]] = []  # why a table there was not read
    review = recognise_review(review_tables, captions, review_why)  # type: ignore[arg-type]
    a20_blocks = [
        b
        for i, b in enumerate(blocks)
        if owner[i] == 2 or (isinstance(b, DocTable) and _looks_like_article20(b, texts_of(i)))
    ]
    article20 = recognise_article20(a20_blocks, diagnostics)

    title = _title_from(
        _title_lines(blocks[:first_heading])
        or [TextBlock(b.text, b.anchor) for b in blocks[:3] if isinstance(b, Paragraph)],
        doc.metadata,
    )
    agency = Decided(None)
    if title is not None:
        name = _agency_from_title(title.text)
        if name:
            agency = Decided(name, "title")
    if agency.value is None and doc.metadata.get("agency"):
        agency = Decided(doc.metadata["agency"], "metadata")

    year = _decide_year(title, preamble, sections, doc.metadata)
    table_edition = article20.edition or applications.edition
    if year.value is not None:
        edition = Decided(
            E.for_year(year.value).id,
            "year",
            f"tables: {table_edition}" if table_edition else None,
        )
    elif table_edition:
        edition = Decided(table_edition, "tables")
    else:
        edition = Decided(None)

    for number, table_present, what in (
        (2, article20.present, ("第二十条主动公开情况表", "the Article 20 tables")),
        (3, applications.present, ("政府信息公开申请情况表", "the applications table")),
        (4, review.present, ("行政复议、行政诉讼情况表", "the review and litigation table")),
    ):
        section = next((s for s in sections if s.number == number), None)
        if section is not None and not table_present:
            shown = [name for at, name in pictures if at == number]
            why = review_why[0] if number == 4 and review_why else None
            if number == 3 and any(
                in_section and len(_applicant_row_labels(t)) >= len(L.APPLICATION_COLUMNS) - 2
                for t, in_section in app_tables
            ):
                why = _TURNED_NOT_READ
            blank = _labels_without_figures(
                number, [b for i, b in enumerate(blocks) if owner[i] == number]
            )
            why = blank or why
            diagnostics.append(_table_not_recognised(section, what, shown, why))

    not_a_report = _not_a_report(
        title,
        headings,
        blocks,
        (article20, applications, review),
        doc.metadata,
        page=doc.media_type.startswith("text/") or doc.media_type in MARKUP_MEDIA_TYPES,
    )
    if (other := _own_regime(title, preamble, sections, table_edition)) is not None:
        # A school's report under its own regulations: not this report, nor to be checked
        # as one (one finding that says what it is, and nothing else).
        diagnostics = [other]
    elif not_a_report is not None:
        # One finding for the file and nothing else: what the other diagnostics would say
        # (a table not recognised in a "section") is about a report it is not.
        diagnostics = [not_a_report]
    elif (
        before := _before_the_formats(year, table_edition, title, preamble, sections)
        or _old_layout_2019(year, table_edition, title, preamble, sections, blocks)
    ) is not None:
        # A report on 2018 or before, or on 2019 laid out as before: no national format
        # to check it against (the same reason to say nothing else).
        diagnostics = [before]

    sections_read, preamble_read = tuple(sections), tuple(preamble)
    return Report(
        source=Source(
            path=doc.path,
            media_type=doc.media_type,
            sha256=hashlib.sha256(data).hexdigest(),
            size=len(data),
            encoding=doc.encoding,
        ),
        title=title,
        agency=agency,
        year=year,
        edition=edition,
        sections=sections_read,
        preamble=preamble_read,
        repeated_headings=tuple(repeated),
        article20=article20,
        applications=applications,
        review_litigation=review,
        metadata=dict(doc.metadata),
        diagnostics=tuple(diagnostics),
        extracted_text=doc.extracted_text,
        # read when asked for (the IR, the HTML audit; TX004 reads those naming a concept)
        statements=statements.Statements(sections_read, preamble_read, doc.media_type),
    )


_TRAILING_DATE = re.compile(r"[\[(（]?\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?[\])）]?$")


_COMPARED_YEAR = re.compile(r"(?:与|较|比|同)(?:20|19)\d{2}年度?(?:同期)?(?:相比|比较)?")


def _opening_text(preamble: Sequence[TextBlock], sections: Sequence[Section]) -> str:
    """The report's opening text, compacted: its preamble and section 一's paragraphs
    (where a report without its year in the title names it)."""
    texts = [p.text for p in preamble] + [p.text for s in sections[:1] for p in s.paragraphs]
    return compact("".join(texts))


def _before_the_formats(
    year: Decided,
    table_edition: str | None,
    title: TextBlock | None,
    preamble: Sequence[TextBlock] = (),
    sections: Sequence[Section] = (),
) -> Diagnostic | None:
    """XT006 for a report on a year before the first national format (2019): reports on
    2018 and before followed the 2008 条例 and local formats, out of this tool's scope
    (FORMATS.md, the version switch). Only when its title or its 统计期限 gives the year,
    or, for a report that names its year in neither (a page without its title, 上海 2009),
    every year its opening text (preamble and section 一) names is before the formats; and
    none of its tables follows a national format (a 2019-format table under a title saying
    2018 is a slip in the year, for ST005, not an old report)."""
    first = E.first_year()
    if year.value is None or year.value >= first or table_edition:
        return None
    if year.decided_by == "body":
        # (a year the text compares with, “与2018年相比”, “较2018年”, is not the report's)
        opening = _COMPARED_YEAR.sub("", _opening_text(preamble, sections))
        if max(map(_year_of, _YEAR.finditer(opening)), default=first) >= first:
            return None
    elif year.decided_by not in ("title", "statistics_period"):
        return None
    where, where_en = {
        "title": ("标题", "title"),
        "statistics_period": ("统计期限", "statistics period"),
    }.get(year.decided_by, ("正文", "text"))
    return Diagnostic(
        "XT006",
        f"该报告是 {year.value} 年度的年度报告（据{where}）。{first - 1} 年度及以前的报告按 2008 年施行的"
        f"《中华人民共和国政府信息公开条例》编写，当时没有全国统一的报告格式；本工具按 {first} 年度起适用的"
        "统一格式（国办公开办函〔2019〕60号、〔2021〕30号）检查，未检查本报告。如年度识别有误，请核对"
        f"{where}中的年度。",
        f"the report is on {year.value} (from its {where_en}). Reports on {first - 1} and before "
        "followed the 2008 Regulations, with no national format; this tool checks the formats "
        f"in force from {first} (国办公开办函〔2019〕60号, 〔2021〕30号), and did not check this "
        f"report. If the year was misread, check the year in its {where_en}.",
        title.anchor if title is not None else Anchor(),
        args=(("year", str(year.value)),),
    )


# What only the layouts of the reports before the national formats print, as a numbered
# part or in the preamble's list of parts (the 2008 条例's article 32 items, as the local
# formats worded them): 概述, fees and waivers, applications with what was withheld,
# enquiries, staff and costs.
_OLD_PARTS = {
    "overview": re.compile(r"概述"),
    "fees": re.compile(r"收费(?:及|和|与|、)?减免|减免收费"),
    "withheld": re.compile(r"不予公开(?:政府)?信息(?:的)?(?:办理)?情况"),
    "enquiries": re.compile(r"咨询(?:处理)?情况"),
    "costs": re.compile(r"人员和收支|人员及收支"),
}
_NUMBERED_PART = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,2}|\d{1,2})\s*[、.．]")
_PARTS_LISTED = re.compile(r"(?:全文|报告|年报|内容)[^。]{0,12}(?:包括|由|分为|共分)")


def _old_layout_2019(
    year: Decided,
    table_edition: str | None,
    title: TextBlock | None,
    preamble: Sequence[TextBlock],
    sections: Sequence[Section],
    blocks: Sequence[Paragraph | DocTable],
) -> Diagnostic | None:
    """XT006 for a report on 2019 laid out as the reports before the formats were (概述,
    收费及减免情况, 依申请公开政府信息和不予公开政府信息的情况 …: 绥宁县人民政府's and 3 other
    2019 reports' stored pages). 国办公开办函〔2019〕60号 (its part 二, on the change-over)
    only encouraged the unified format for the reports on 2019, the first year of the
    revised 条例, and let an agency with real difficulty follow it loosely; checked
    against the format, such a report got a 'missing section' error for each part worded
    the old way. Only when two of the old layout's parts are named, as numbered parts or
    in the preamble's list of them, no table of a national format is read and no section
    三 is headed in the format's words (收到和处理…)."""
    first = E.first_year()
    # (section 三 read from a heading in the old words, “三、依申请公开信息情况”, is no sign
    # of the format: “收到” is)
    if (
        year.value != first
        or table_edition
        or any(s.number == 3 and "收到" in s.heading for s in sections)
    ):
        return None
    texts = [b.text for b in blocks if isinstance(b, Paragraph) and _NUMBERED_PART.match(b.text)]
    texts += [p.text for p in preamble if _PARTS_LISTED.search(p.text)]
    named = {kind for kind, cue in _OLD_PARTS.items() if any(cue.search(t) for t in texts)}
    if len(named) < 2:
        return None
    return Diagnostic(
        "XT006",
        f"该报告是 {first} 年度的年度报告，按统一格式施行前的写法编排（概述、收费及减免、不予公开等部分），"
        f"没有采用统一格式。国办公开办函〔2019〕60号对 {first} 年度的报告只是提倡采用统一格式、"
        "确有困难的可以参照编写，并非强制；本工具按统一格式检查，未检查本报告。",
        f"the report is on {first} and laid out as reports were before the national format "
        "(parts such as an overview, fees and waivers, information withheld), not in the "
        f"unified format. 国办公开办函〔2019〕60号 only encouraged the unified format for reports "
        f"on {first}, letting an agency with real difficulty follow it loosely; this tool checks "
        "the unified format, and did not check this report.",
        title.anchor if title is not None else Anchor(),
        args=(("year", str(first)),),
    )


# A report made under a regime of its own, not the 条例: a university's or school's
# 信息公开工作年度报告 under 《高等学校信息公开办法》 (教育部令第29号), on a school year
# (9月1日 to 8月31日), with sections of its own (概述, 学校主动公开信息情况, 对信息公开的评议
# 情况 …), published in the same 年报 columns as the government reports.
# (what cites the regime: the regulations by name, or a school year counted — 学年 in a
# title, 9月1日 to 8月31日 anywhere; not 学校信息公开 or 学年 in a government report's text,
# an education bureau's that oversees schools)
_OWN_REGIME = re.compile(r"高等学校信息公开办法|学校信息公开(?:实施)?(?:办法|规定|细则)")
_SCHOOL_YEAR = re.compile(r"9月1日(?:起)?(?:至|到|-|—|－|~|～)(?:\d{4}年)?8月31日")


def _own_regime(
    title: TextBlock | None,
    preamble: Sequence[TextBlock],
    sections: Sequence[Section],
    table_edition: str | None,
) -> Diagnostic | None:
    """XT004 (a warning) for a school's information-disclosure report: its title does not
    name 政府信息公开, it cites the school regulations or counts a school year, and none of
    its tables follows a national format (a school that fills in the government report's
    tables is checked as such)."""
    if title is None or table_edition or "政府信息公开" in compact(title.text):
        return None
    texts = [title.text, *(p.text for p in preamble)]
    texts += [p.text for s in sections[:1] for p in s.paragraphs[:3]]
    joined = compact("".join(texts))
    if not (
        _OWN_REGIME.search(joined) or _SCHOOL_YEAR.search(joined) or "学年" in compact(title.text)
    ):
        return None
    return Diagnostic(
        "XT004",
        f"该文件（“{title.text}”）是学校按《高等学校信息公开办法》等学校信息公开规定编写的信息公开"
        "工作年度报告（按学年统计，格式另有规定），不是《中华人民共和国政府信息公开条例》规定的政府信息"
        "公开工作年度报告，未按政府信息公开工作年度报告的统一格式检查。",
        f"the file ('{title.text}') is a school's information-disclosure report under the school "
        "regulations (高等学校信息公开办法 and the like: a school year, a format of its own), not "
        "a government information disclosure report under the Regulations; it was not checked "
        "against the national report formats.",
        title.anchor,
        args=(("kind", "school"), ("sub_id", "school"), ("level", "warning")),
    )


# Characters of text besides the title below which a titled file holds no report (a
# report's text runs to thousands; a page's source line, date and attachment link to ~100).
TITLE_ONLY_TEXT = 300


def _title_only(title: TextBlock, attachments: str | None, page: bool) -> Diagnostic:
    if attachments:
        where_zh = f"报告正文应在附件中（{attachments}）"
        where_en = f"the report itself should be in the attachment ({attachments})"
        what_zh = "请检查报告正文所在的文件（如下载附件后一并检查），或保存完整的网页后重试。"
        what_en = "check the file that holds the report (download the attachment and check it too)."
    elif page:
        where_zh = "报告正文可能在附件中，或由网页脚本加载而未随网页保存"
        where_en = (
            "the report itself may be an attachment, or loaded by a script and not saved "
            "with the page"
        )
        what_zh = "请检查报告正文所在的文件，或保存完整的网页（含正文）后重试。"
        what_en = "check the file that holds the report, or save the complete page."
    else:  # a PDF or Word file whose pages are pictures but for a typed title
        where_zh = "其余内容可能是图片（扫描件）或无法提取的文字"
        where_en = "the rest may be pictures (a scan) or text that cannot be extracted"
        what_zh = "请提供有文字层的版本（或经文字识别的版本）后再检查。"
        what_en = "supply a version with a text layer (or one run through OCR)."
    return Diagnostic(
        "XT004",
        f"该文件只有年度报告的标题（“{title.text}”），没有六个部分的正文和表格：{where_zh}。"
        f"本文件未按年度报告检查；{what_zh}",
        f"the file holds only a report's title ('{title.text}'), without the six sections' text "
        f"or tables: {where_en}. It was not checked as a report; {what_en}",
        title.anchor,
        args=(("kind", "title-only"), ("sub_id", "title-only"), ("level", "warning")),
    )


_REPORT_NAME = "政府信息公开工作年度报告"
# What a notice about the reports does before their year (“关于做好2023年度…”): a report's
# own title worded “关于2023年…情况的报告” has none of it.
_NOTICE_VERB = re.compile("做好|报送|印发|发布|公布|转发|开展|加强|推进|通报|评估|抽查")


def _is_report_title(text: str) -> bool:
    """A paragraph that is a whole report title: ``{机关}{YYYY}年…年度报告``, short, with a
    year, and ending with the report wording (not ``关于…年度报告编制工作的通知``)."""
    # A list entry carries its date after the title (“…年度报告2023-02-20”).
    t = _TRAILING_DATE.sub("", compact(text))
    if len(t) > 80:
        return False
    if not (year := _YEAR.search(t)):
        # “平潭综合实验区政府信息公开工作年度报告”, the year left out: the statutory name
        # ends it, after an agency's name (not “关于做好…” nor a sentence).
        head = t[: -len(_REPORT_NAME)] if t.endswith(_REPORT_NAME) else None
        return bool(head) and len(head) <= 30 and not _NOT_A_NAME.search(head)
    if "关于" in t[: year.start()] and _NOTICE_VERB.search(t[: year.start()]):
        return False  # “关于做好2023年度…年度报告编制工作的通知”
    cues = list(_TITLE_CUE.finditer(t))
    if not cues:
        return False
    tail = _IN_BRACKETS.sub("", t[cues[-1].end() :])
    # (“…年度报告全文”: the report's whole text, as a page titles it)
    return strip_punctuation(tail) in ("", "全文", "正文")


def _longest_in_order(numbers: Sequence[int]) -> int:
    """How many of the section numbers, in document order, stand in increasing order."""
    best: list[int] = []  # best[k]: the smallest last number of an increasing run of k+1
    for n in numbers:
        at = next((i for i, b in enumerate(best) if b >= n), len(best))
        if at == len(best):
            best.append(n)
        else:
            best[at] = n
    return len(best)


# A page that explains a report (文字解读, 图文解读, 图解, 一图读懂 …: sites publish them beside the
# report, in the same 年报 column), titled by the report's title with that word before or after.
_INTERPRETATION = re.compile(
    r"^[【\[]?(?:(?:文字|图文|图片|视频|动漫|政策)?解读|图解|一图(?:读懂|看懂|解读))[】\]]?"
    r"|解读$"
)
# The marks around a report's title that such a word leaves (《…》, 关于…的, a colon).
_TITLE_MARKS = re.compile(r"^(?:关于)?[《〈“\"]|[》〉”\"]?的?$|[:：]")


def _not_a_report(
    title: TextBlock | None,
    headings: Sequence[tuple[int, _Heading]],
    blocks: Sequence[Paragraph | DocTable],
    tables: Sequence[Article20 | Table],
    metadata: dict[str, str] | None = None,
    page: bool = True,
) -> Diagnostic | None:
    """XT004 when the document is not an annual report, else None.

    Not a report: fewer than three of the six section headings in order, none of the
    report's tables, and either no report title or a list of several report titles (a
    site's index page). A real report, however badly converted, keeps its title or its
    headings or its tables, so this never fires on one (tested on every real report).
    A report's title with no heading, no table and hardly any text (a page whose report
    is an attachment, or whose text a script loads) is XT004 at warning level: the report
    is elsewhere, nothing in the page is wrong.
    """
    if any(t.present for t in tables):
        return None
    if title is not None:
        named = compact(title.text)
        if (explained := _INTERPRETATION.sub("", named)) != named and _is_report_title(
            _TITLE_MARKS.sub("", explained)
        ):
            return Diagnostic(
                "XT004",
                f"该文件是年度报告的解读（标题“{title.text.strip()}”），不是年度报告本身，也没有年度报告的"
                "表格；未按年度报告检查（它介绍报告的各部分，逐项检查会得出不实的结论）。请检查报告本身。",
                f"the file is an interpretation of an annual report (titled '{title.text.strip()}'), "
                "not the report, and has none of the report's tables: it was not checked as one "
                "(it describes the report's parts; checking them would make claims that are not "
                "true). Check the report itself.",
                title.anchor,
                args=(("kind", "interpretation"),),
            )
    in_order = _longest_in_order([h.number for _, h in headings if h.printed])
    if in_order >= 3:
        return None
    titles = {
        compact(b.text) for b in blocks if isinstance(b, Paragraph) and _is_report_title(b.text)
    }
    own = title is not None and _is_report_title(title.text)
    found_zh = f"六个部分的标题只找到 {in_order} 个" if in_order else "六个部分的标题一个也没有找到"
    found_en = (
        f"only {in_order} of the six section headings"
        if in_order
        else "none of the six section headings"
    )
    if own and len(titles) >= 3:
        return Diagnostic(
            "XT004",
            f"该文件列出了 {len(titles)} 份年度报告的标题（如网站的目录页或列表页），{found_zh}，"
            "也没有年度报告的表格：它不是一份年度报告，未按年度报告检查。请检查其中链接到的报告本身。",
            f"the file lists the titles of {len(titles)} annual reports (a site's index or list "
            f"page), has {found_en} and none of the report's tables: it is not an annual "
            "report and was not checked as one. Check the reports it links to.",
            Anchor(),
            args=(("kind", "index"),),
        )
    if own and not in_order and title is not None:
        body = sum(len(compact(b.text)) for b in blocks if isinstance(b, Paragraph))
        if body - len(compact(title.text)) < TITLE_ONLY_TEXT:
            return _title_only(title, (metadata or {}).get("attachments"), page)
    if own:
        return None
    return Diagnostic(
        "XT004",
        f"未找到年度报告标题（“{{机关名称}}{{YYYY}}年政府信息公开工作年度报告”），{found_zh}，"
        "也没有年度报告的表格；该文件不像政府信息公开工作年度报告（可能是通知、检查意见、说明文档等），"
        "未按年度报告检查。如确是年度报告，请确认其标题和六个部分的标题是否完整。",
        "no report title ('{agency}{YYYY}年政府信息公开工作年度报告'), "
        f"{found_en} and none of the report's tables were found: the file does not look like "
        "an annual report (it may be a notice, a list of findings, a README) and was not "
        "checked as one. If it is a report, check that its title and section headings are there.",
        Anchor(),
    )


def _shift(anchor: Anchor, offset: int) -> Anchor:
    """``anchor`` moved ``offset`` characters along its line. A reader's lazy anchor is
    shifted lazily too: placing it scans the source (2 ms in a large page), which only a
    finding at this place needs."""
    if offset <= 0:
        return anchor
    if isinstance(anchor, LazyAnchor) and object.__getattribute__(anchor, "_locate") is not None:
        return _shifted_later((anchor, offset))
    return _shift_now(anchor, offset)


def _shift_now(anchor: Anchor, offset: int) -> Anchor:
    if anchor.column is None:
        return anchor
    return Anchor(
        line=anchor.line,
        column=anchor.column + offset,
        table=anchor.table,
        row=anchor.row,
        cell=anchor.cell,
        paragraph=anchor.paragraph,
    )


_shifted_later = LazyAnchor.maker(lambda pair: _shift_now(*pair))


def _decide_year(
    title: TextBlock | None,
    preamble: Sequence[TextBlock],
    sections: Sequence[Section],
    metadata: dict[str, str],
) -> Decided:
    if title is not None and (
        (m := _YEAR.search(compact(title.text)))
        or (m := _TITLE_BARE_YEAR.search(compact(title.text)))
    ):
        return Decided(_year_of(m), "title")
    joined = _opening_text(preamble, sections)
    if m := _PERIOD.search(joined):
        return Decided(int(m.group(1)), "statistics_period")
    if m := _YEAR.search(joined):
        return Decided(_year_of(m), "body")
    if published := metadata.get("published"):
        return Decided(int(published[:4]) - 1, "publication_date")
    return Decided(None)


def _pictures_by_section(
    doc: Document, blocks: Sequence[Paragraph | DocTable], owner: Sequence[int | None]
) -> list[tuple[int | None, str]]:
    """(section number, name) of each picture the reader noted: the section of the block
    it comes after (a picture on a line of its own follows its section's text; one inside
    a paragraph comes after the block before it too), or of the nearest block before that
    still stands (a block split at a glued heading is a new one)."""
    if not doc.images or not blocks:
        return []
    index = {id(b): i for i, b in enumerate(blocks)}
    out: list[tuple[int | None, str]] = []
    for position, name in doc.images:
        at = None
        for q in range(min(position, len(doc.blocks)) - 1, -1, -1):
            if (i := index.get(id(doc.blocks[q]))) is not None:
                at = owner[i]
                break
        out.append((at, name))
    return out


def _table_not_recognised(
    section: Section,
    what: tuple[str, str],
    pictures: Sequence[str] = (),
    why: tuple[str, str] | None = None,
) -> Diagnostic:
    numeral = L.SECTION_NUMERALS[section.number - 1]
    if pictures and not section.has_table:
        names_zh = "、".join(pictures[:3]) + (
            f" 等 {len(pictures)} 张" if len(pictures) > 3 else ""
        )
        names_en = ", ".join(pictures[:3]) + (
            f" and {len(pictures) - 3} more" if len(pictures) > 3 else ""
        )
        return Diagnostic(
            "XT002",
            f"第{numeral}部分“{section.heading}”未能识别出{what[0]}：该部分没有文字表格，只有图片"
            f"（{names_zh}），表格很可能以图片发布，图片中的数字无法检查。依赖该表的检查已跳过；"
            "请提供文字版的表格（DOCX、网页原文或有文字层的 PDF）。",
            f"could not recognise {what[1]} in section {section.number} ({section.heading}): "
            f"it holds no text table, only pictures ({names_en}): the table was most likely "
            "published as a picture, whose figures cannot be checked. Checks that need it were "
            "skipped; supply the table as text (DOCX, the original page, or a PDF with a text "
            "layer).",
            section.anchor,
            args=(("section", str(section.number)), ("pictures", str(len(pictures)))),
        )
    if why is not None:
        why_zh, why_en = why
    elif section.has_table:
        why_zh = "该部分有表格，但其行列标签与统一格式不符，无法识别"
        why_en = "it holds a table, but its row and column labels do not match the format"
    else:
        why_zh = "该部分没有可识别的表格（可能是表格被展平为一行文字、转为图片，或已删除）"
        why_en = (
            "it holds no table that can be read (the table may have been flattened into "
            "running text, turned into an image, or removed)"
        )
    return Diagnostic(
        "XT002",
        f"第{numeral}部分“{section.heading}”未能识别出{what[0]}：{why_zh}。"
        "依赖该表的检查已跳过；请提供保留表格结构的文件（DOCX 或网页原文）。",
        f"could not recognise {what[1]} in section {section.number} ({section.heading}): "
        f"{why_en}. Checks that need it were skipped; supply a file that keeps the table "
        "structure (DOCX or the original page).",
        section.anchor,
        args=(("section", str(section.number)),),
    )
