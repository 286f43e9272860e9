"""The agency a report names in its title, including a title printed over two lines."""

from __future__ import annotations

import re

from linter.model import Report
from linter.textnorm import compact

# A line that is only a name: Chinese characters and brackets, no digits or sentence marks.
_NAME_LINE = re.compile(r"^[\u4e00-\u9fff（）()]{2,40}$")


def agency_line_above_title(report: Report) -> str | None:
    """The agency printed on the line above a title that starts with the year.

    PDF and Word reports often print “淮安市洪泽区人民政府” on one line and “2024 年政府信息
    公开工作年度报告” on the next; the interpreter keeps only the second as the title.
    """
    title = report.title
    if title is None or not compact(title.text)[:1].isdigit():
        return None
    blocks = [b for b in report.preamble if b.text.strip()]
    for pos, block in enumerate(blocks):
        if block.anchor == title.anchor and compact(block.text).startswith(compact(title.text)):
            if pos == 0:
                return None
            above = compact(blocks[pos - 1].text)
            return above if _NAME_LINE.match(above) else None
    return None


def title_agency(report: Report) -> str | None:
    """The agency named by the title (or on the line above it), else None."""
    if report.agency.decided_by == "title" and report.agency.value:
        return str(report.agency.value)
    return agency_line_above_title(report)
