"""A seeded, bounded mutation campaign over every reader (issue 13).

``tests/fuzz/test_fuzz.py`` runs a few hundred mutants in the normal test run;
``python -m tests.fuzz --long`` runs thousands and prints the numbers.
"""
