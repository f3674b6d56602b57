"""Suggestions for a search box as the user types (``GET /api/v1/suggest``).

Two searches are asked and one leads:

* the title resolver (``/api/v1/resolve``) reads the query as a whole title: it knows modern
  titles, abbreviations and spelling slips, but reads a half-typed last word as a misspelt
  whole word ("data sci" → Database Architects, "mech eng" → Aircraft Mechanics);
* the static export's prefix search (:mod:`ai_impact.web.prefix_search`) matches each word as
  the start of a word of some name ("data sci" → Data Scientists).

The prefix search leads when the last word may be unfinished (not a whole word of any name, or
shorter than :data:`FINISHED_LETTERS`) and the resolver is not near-certain (its first candidate
below :data:`~ai_impact.web.pages.REDIRECT_CONFIDENCE`, the confidence at which a search opens
the page directly); a typed code is the resolver's. The other search's candidates follow, so
each list holds both. Among prefix matches of equal score the resolver's order decides.
``benchmarks/suggestions.py`` measured the rule against the resolver alone and the prefix
search alone (docs/web.md).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from ai_impact import api
from ai_impact.export.site import search_entries
from ai_impact.settings import Settings
from ai_impact.titles.codes import read_code
from ai_impact.web.pages import REDIRECT_CONFIDENCE
from ai_impact.web.prefix_search import IndexMatch, PrefixIndex, words_of

__all__ = ["FINISHED_LETTERS", "Suggester", "Suggestion", "suggest"]

# A last word this long that is a whole word of some name reads as finished ("nurse"); a shorter
# one may be the start of a longer word even when it is a word itself ("eng", "tech", "data").
FINISHED_LETTERS = 5
PREFIX_VIA = "prefix"


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One suggested occupation. ``confidence`` is the resolver's (0–1) when the resolver
    leads and found it, else null: a prefix match's score is a rank, not a confidence.
    ``via`` is the resolver's way of finding it, or "prefix"; ``also_called`` the other name
    a prefix match went through."""

    code: str
    title: str
    also_called: str | None
    confidence: float | None
    via: str


class Suggester:
    """The prefix index of one app, built from the library on first use (about a second)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._index: PrefixIndex | None = None
        self._lock = threading.Lock()

    def index(self) -> PrefixIndex:
        """The prefix index over every occupation and its other names."""
        with self._lock:
            if self._index is None:
                rows = api.occupation_table(settings=self.settings)
                names = api.search_titles(settings=self.settings)
                self._index = PrefixIndex(search_entries(rows, names))
            return self._index


def _unfinished(query: str, index: PrefixIndex) -> bool:
    """Whether the query's last word may be the start of a longer one."""
    words = words_of(query)
    return bool(words) and (len(words[-1]) < FINISHED_LETTERS or not index.knows(words[-1]))


def suggest(query: str, top: int, suggester: Suggester) -> list[Suggestion]:
    """Up to ``top`` occupations for a half- or fully-typed title or code, best first."""
    res = api.resolve_title(query, top=top, settings=suggester.settings)
    index = suggester.index()
    matches = index.search(query)
    cands = list(res.candidates)
    sure = bool(cands) and cands[0].confidence >= REDIRECT_CONFIDENCE
    prefix_leads = (
        bool(matches) and not sure and read_code(query) is None and _unfinished(query, index)
    )
    rank = {c.code: i for i, c in enumerate(cands)}
    by_prefix = [
        Suggestion(m.code, m.title, m.also_called, None, PREFIX_VIA)
        for m in sorted(matches, key=lambda m: _prefix_order(m, rank))
    ]
    by_resolver = [
        Suggestion(c.code, c.title, None, None if prefix_leads else c.confidence, c.via)
        for c in cands
    ]
    ordered = by_prefix + by_resolver if prefix_leads else by_resolver + by_prefix
    out: dict[str, Suggestion] = {}
    for s in ordered:
        if len(out) == top:
            break
        out.setdefault(s.code, s)
    return list(out.values())


def _prefix_order(m: IndexMatch, rank: dict[str, int]) -> tuple[Any, ...]:
    """Score first (rounded: sums of weights tie in their last bits), then the resolver's
    order, then the index's."""
    return (-round(m.score, 6), rank.get(m.code, len(rank)))
