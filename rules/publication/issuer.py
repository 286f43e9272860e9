"""Who issued a report (see :mod:`linter.issuer`, where the inference lives so that
reporters can group reports by it too)."""

from __future__ import annotations

from linter.issuer import infer_issuer_kind, is_people_government, issuer_kind

__all__ = ["infer_issuer_kind", "is_people_government", "issuer_kind"]
