"""AP — section 三: applications, every handling category, and its accounting identities."""

from __future__ import annotations

from linter.hookspecs import hookimpl
from rules.applications.ap101_balance import Balance
from rules.applications.ap102_outcome_total import OutcomeTotal
from rules.applications.ap103_applicant_total import ApplicantTotal


@hookimpl
def gongkai_lint_rules() -> list[type]:
    return [Balance, OutcomeTotal, ApplicantTotal]
