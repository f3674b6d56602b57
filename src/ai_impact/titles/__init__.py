"""Job title → O*NET occupation: normalisation, abbreviations, aliases, fuzzy and semantic
matching, and a calibrated ranker (see docs/titles.md).

    >>> from ai_impact.titles import resolver_for
    >>> resolver_for().resolve("Sr. Data Scientist").candidates[0].code
    '15-2051.00'
"""

from __future__ import annotations

from ai_impact.settings import Settings
from ai_impact.titles.resolver import MAX_TITLE_CHARS, Candidate, Resolution, Resolver

__all__ = ["MAX_TITLE_CHARS", "Candidate", "Resolution", "Resolver", "resolver_for"]


def resolver_for(settings: Settings | None = None) -> Resolver:
    """The resolver over the knowledge base of ``settings`` (opened or built on first use)."""
    from ai_impact.db import open_kb

    settings = settings or Settings()
    return Resolver.from_kb(open_kb(settings), settings)
