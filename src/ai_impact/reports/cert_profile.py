"""One occupation as the certification matcher reads it: its ratings, software, text and identity.

The profile holds what :mod:`ai_impact.reports.match_certs` weighs a credential against: the
importance of each rated skill and knowledge element (and its fit, ``g(importance)``), the IWAs
its tasks link to, the names its software and tools answer to, and its lower-cased text and
title. The title and description are first cut of what they say the occupation is not
(:func:`without_exclusions`); a profession must be named in :func:`occupation_identity`. Pure
functions over plain data: the knowledge base is not touched.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

__all__ = [
    "OccupationProfile",
    "RatingLike",
    "occupation_identity",
    "occupation_profile",
    "technology_labels",
    "technology_terms",
    "without_exclusions",
]

_RATED_FLOOR = 2.0
_RATED_SPAN = 2.5


class RatingLike(Protocol):
    """An occupation's rating of one skill or knowledge element (e.g. ``ElementRating``)."""

    @property
    def element_id(self) -> str: ...
    @property
    def importance(self) -> float | None: ...


def technology_terms(items: Iterable[object]) -> frozenset[str]:
    """Lower-cased names an occupation's software and tools answer to (example, code, title).

    Accepts ``Technology``/``ToolUsed``-like objects (``example``, ``commodity_code``,
    ``commodity_title`` attributes, any may be absent) or plain strings.
    """
    out: set[str] = set()
    for item in items:
        if isinstance(item, str):
            values: tuple[object, ...] = (item,)
        else:
            values = tuple(
                getattr(item, a, None) for a in ("example", "commodity_code", "commodity_title")
            )
        out.update(v.strip().casefold() for v in values if isinstance(v, str) and v.strip())
    return frozenset(out)


def _plain(name: str) -> str:
    """An O*NET example name as it reads inside a sentence: "Defibrillators" → "defibrillators"
    (a proper name such as "Epic Systems", or "Hewlett-Packard", keeps its capitals)."""
    words = name.split()
    head, rest = (words[0], words[1:]) if words else ("", [])
    if (
        head[:1].isupper()
        and head[1:].islower()
        and all(not w[:1].isupper() or w.isupper() for w in rest)
    ):
        return name[0].lower() + name[1:]
    return name


def technology_labels(items: Iterable[object]) -> dict[str, tuple[str, ...]]:
    """The occupation's own names of its tools, by the lower-cased commodity title they are
    listed under: O*NET's Tools Used give each tool an example name ("Defibrillators") under a
    UNSPSC commodity title ("Mobile medical services automated external defibrillators AED or
    hard paddles") and no code. Software (items with a commodity code) is left out: its
    commodity title ("Medical software") names the class better than one product of many."""
    found: dict[str, set[str]] = {}
    for item in items:
        if isinstance(item, str) or getattr(item, "commodity_code", None):
            continue
        example, title = getattr(item, "example", None), getattr(item, "commodity_title", None)
        if isinstance(example, str) and example.strip() and isinstance(title, str):
            found.setdefault(title.strip().casefold(), set()).add(_plain(example.strip()))
    return {title: tuple(sorted(names)) for title, names in found.items() if title}


def _fit(importance: float | None) -> float:
    if importance is None:
        return 0.0
    return min(1.0, max(0.0, (importance - _RATED_FLOOR) / _RATED_SPAN))


@dataclass(frozen=True, slots=True)
class OccupationProfile:
    """What the matcher knows of one occupation: ratings, activities, technologies and text."""

    importance: dict[str, float]
    fits: dict[str, float]  # g(importance) of each rated element
    names: dict[str, str]
    iwa_counts: Counter[str]
    terms: frozenset[str]
    text: str
    title: str

    has_knowledge: bool
    has_skills: bool
    # The occupation's own names of its tools by commodity title (see technology_labels).
    labels: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def rated(self) -> bool:
        """Whether the occupation rates any skill or knowledge element."""
        return bool(self.importance)


def occupation_profile(
    skills: Sequence[RatingLike],
    knowledge: Sequence[RatingLike],
    technologies: Iterable[object],
    activities_iwas: Sequence[str],
    text: str,
    title: str,
) -> OccupationProfile:
    """The profile of one occupation from its ratings, technologies, IWA links and text."""
    ratings = [*skills, *knowledge]
    technologies = tuple(technologies)
    importance = {r.element_id: r.importance for r in ratings if r.importance is not None}
    return OccupationProfile(
        importance=importance,
        fits={e: _fit(v) for e, v in importance.items()},
        names={r.element_id: str(getattr(r, "name", "") or "") for r in ratings},
        iwa_counts=Counter(activities_iwas),
        terms=technology_terms(technologies),
        text=text,
        title=title,
        has_knowledge=any(e.startswith("2.C") for e in importance),
        has_skills=any(not e.startswith("2.C") for e in importance),
        labels=technology_labels(technologies),
    )


_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+")


# Clauses of a description that name someone else's profession: "Assist lawyers by …",
# "under the direction of a physician", "… surgeons, registered nurses, or other surgical
# personnel" after "under the supervision of". Removed up to the end of the clause.
_OTHERS = re.compile(
    r"\b(?:assist(?:s|ing)?|aid(?:s|ing)?|support(?:s|ing)?|help(?:s|ing)?|"
    r"under (?:the )?(?:direct )?(?:direction|supervision|guidance|orders?) of|"
    r"as directed by|(?:performed|provided|done) by|(?:work(?:s|ing)? )?(?:with|for))\b[^.;:]*",
    re.IGNORECASE,
)


# What an O*NET title leaves out, from ", Except" to the end or to ", All Other"
# ("Engineering Technologists and Technicians, Except Drafters, All Other"), and the sentences
# of a description that say what it excludes ("Excludes team or work leaders.": O*NET's
# formula, capitalised; a task that "excludes ineligible claims" keeps its words).
_EXCEPT = re.compile(r",?\s*\bexcept\b[^,]*(?:,(?!\s*all other\b)[^,]*)*", re.IGNORECASE)
_EXCLUDES = re.compile(r"\bExcludes\b[^.]*\.?")


def without_exclusions(title: str, text: str = "") -> tuple[str, str]:
    """``title`` and ``text`` without what they say the occupation is not.

    "Dispatchers, Except Police, Fire, and Ambulance" names police, fire and ambulance
    dispatch as the work it is not; "Excludes individuals whose duties are primarily ...
    technical support" the same in a description. Matched as words of the occupation, they
    listed an emergency dispatcher's credentials for truck dispatchers.
    """
    return _EXCEPT.sub("", title).strip(), _EXCLUDES.sub(" ", text).strip()


def occupation_identity(title: str, text: str) -> str:
    """The title and the first sentence of ``text`` (lower-cased), where a profession is named.

    ``text`` opens with the description (reports pass the title, the O*NET description and the
    tasks as one text, so there the title and the description's opening run together). Clauses
    about the people the occupation assists or works under are left out: paralegals "assist
    lawyers" without being lawyers.
    """
    head = _SENTENCE_END.split(text.strip(), maxsplit=1)[0] if text.strip() else ""
    return f"{title} {_OTHERS.sub(' ', head)}".strip().lower()
