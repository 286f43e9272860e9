"""TX — the narrative's figures against the tables (FORMATS.md §5 X-TEXT; CHECKS.md §5 G).

The rules read what the text of the report states — applications received, administrative
reviews and lawsuits, “none” statements — with the patterns in :mod:`rules.consistency.patterns`
and compare it with sections 三 and 四. Precision beats recall: a wording that could mean
something else is not read, and the rules stay silent when the tables were not recognised.
"""

from __future__ import annotations

from linter.hookspecs import hookimpl
from rules.consistency.tx001_application_count import NarrativeApplicationCount
from rules.consistency.tx002_contradiction import NarrativeContradiction
from rules.consistency.tx003_review_litigation_count import NarrativeReviewLitigationCount
from rules.consistency.tx004_narrative_figure import NarrativeFigure
from rules.consistency.tx005_absolute_claim import NarrativeAbsoluteClaim
from rules.consistency.tx006_stale_year import StaleYear


@hookimpl
def gongkai_lint_rules() -> list[type]:
    return [
        NarrativeApplicationCount,
        NarrativeContradiction,
        NarrativeReviewLitigationCount,
        NarrativeFigure,
        NarrativeAbsoluteClaim,
        StaleYear,
    ]


@hookimpl
def gongkai_lint_families() -> list:
    from linter.plugins import Family

    return [Family("TX", "文字与表格一致", "narrative against tables", order=80)]
