"""The built-in rule packages: one sub-package per family of the rule catalogue."""
