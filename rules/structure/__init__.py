"""ST — structure: 条例第五十条 contents and the unified format."""

from __future__ import annotations

from linter.hookspecs import hookimpl
from rules.structure.st001_missing_section import MissingSection
from rules.structure.st002_section_order import SectionOrder
from rules.structure.st003_edition_mismatch import EditionMismatch
from rules.structure.st004_title_form import TitleForm
from rules.structure.st005_year_inconsistent import YearInconsistent
from rules.structure.st006_template_residue import TemplateResidue
from rules.structure.st007_overview_topics import OverviewTopics
from rules.structure.st008_government_accountability import GovernmentAccountability


@hookimpl
def gongkai_lint_rules() -> list[type]:
    return [
        MissingSection,
        SectionOrder,
        EditionMismatch,
        TitleForm,
        YearInconsistent,
        TemplateResidue,
        OverviewTopics,
        GovernmentAccountability,
    ]


@hookimpl
def gongkai_lint_families() -> list:
    from linter.plugins import Family

    return [Family("ST", "结构", "structure", order=20)]
