"""AP — section 三: applications, every handling category, and its accounting identities."""

from __future__ import annotations

from linter.hookspecs import hookimpl
from rules.applications.ap001_missing_table import MissingTable
from rules.applications.ap002_missing_row import MissingRow
from rules.applications.ap003_missing_column import MissingColumn
from rules.applications.ap004_altered_label import AlteredLabel
from rules.applications.ap005_blank_cell import BlankCell
from rules.applications.ap006_invalid_number import InvalidNumber
from rules.applications.ap007_blank_total import BlankTotal
from rules.applications.ap101_balance import Balance
from rules.applications.ap102_outcome_total import OutcomeTotal
from rules.applications.ap103_applicant_total import ApplicantTotal


@hookimpl
def gongkai_lint_rules() -> list[type]:
    return [
        MissingTable,
        MissingRow,
        MissingColumn,
        AlteredLabel,
        BlankCell,
        InvalidNumber,
        BlankTotal,
        Balance,
        OutcomeTotal,
        ApplicantTotal,
    ]


@hookimpl
def gongkai_lint_families() -> list:
    from linter.plugins import Family

    return [Family("AP", "依申请公开表", "applications", order=40)]
