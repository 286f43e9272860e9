"""WD — the report's own wording: statutory and format terms spelt right (WD001), no doubled
words (WD002), enumerations in order (WD003).

The rules read the text outside tables — the preamble, the section headings and the
paragraphs — never table labels (AD003/AP004) or site chrome. Precision first: every rule
was run on every real report of the corpus, and what an inspector would dismiss is a defect
of the rule; the lists that keep them quiet (real words, reduplications) are data in
:mod:`rules.wording.lexicon` and beside each rule.
"""

from __future__ import annotations

from linter.hookspecs import hookimpl
from rules.wording.wd001_term_misspelling import TermMisspelling
from rules.wording.wd002_repeated_word import RepeatedWord
from rules.wording.wd003_enumeration_sequence import EnumerationSequence


@hookimpl
def gongkai_lint_rules() -> list[type]:
    return [TermMisspelling, RepeatedWord, EnumerationSequence]


@hookimpl
def gongkai_lint_families() -> list:
    from linter.plugins import Family

    return [Family("WD", "用语", "wording", order=110)]
