"""One occupation as the certification matcher reads it: its ratings, software, text and identity.

The profile holds what :mod:`ai_impact.reports.match_certs` weighs a credential against: the
importance of each rated skill and knowledge element (and its fit, ``g(importance)``), the IWAs
its tasks link to, the names its software and tools answer to, and its lower-cased text and
title. The title and description are first cut of what they say the occupation is not
(:func:`without_exclusions`); a profession must be named in :func:`occupation_identity`. A
reason quotes the text as written, in whole words (:func:`quote`, :func:`distinct_quotes`). Pure
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
    "distinct_quotes",
    "excerpt",
    "occupation_identity",
    "occupation_profile",
    "place",
    "quote",
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


def in_sentence(name: str) -> str:
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
            found.setdefault(title.strip().casefold(), set()).add(in_sentence(example.strip()))
    return {title: tuple(sorted(names)) for title, names in found.items() if title}


def technology_titles(items: Iterable[object]) -> dict[str, str]:
    """The commodity titles of the occupation's technologies as they read in a sentence, by
    their case-folded form: "computer aided design cad software" → "computer aided design CAD
    software" (O*NET's acronyms kept; the capital of its first word dropped)."""
    out: dict[str, str] = {}
    for item in items:
        title = getattr(item, "commodity_title", None)
        if isinstance(title, str) and title.strip():
            out.setdefault(title.strip().casefold(), in_sentence(title.strip()))
    return out


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
    # Their commodity titles as written, by case-folded form (see technology_titles).
    titles: dict[str, str] = field(default_factory=dict)
    # ``text`` as written, before lower-casing: what a reason quotes (see ``quote``).
    source: str = ""
    # Where the task statements begin in ``text`` (after the title and the description), so a
    # reason says where a word was found (see ``place``); None when the description and the
    # tasks cannot be told apart.
    tasks_at: int | None = None

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
    *,
    source: str = "",
    tasks_at: int | None = None,
) -> OccupationProfile:
    """The profile of one occupation from its ratings, technologies, IWA links and text.

    ``text`` and ``title`` are lower-cased, ``text`` opening with the title; ``source`` is
    ``text`` as written, which reasons quote (``text`` itself when not given); ``tasks_at``
    where its task statements begin (None: not told apart from the description)."""
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
        titles=technology_titles(technologies),
        source=source if len(source) == len(text) else text,
        tasks_at=tasks_at,
    )


def place(p: OccupationProfile, start: int) -> str:
    """Where in the occupation's text a match at ``start`` lies: "title", "description",
    "tasks", or "description or tasks" when the two cannot be told apart."""
    if start < len(p.title):
        return "title"
    if p.tasks_at is None:
        return "description or tasks"
    return "description" if start < p.tasks_at else "tasks"


# A quote of more words than this shows its first and last words around an ellipsis: a keyword
# spanning a sentence ("architect[^.]*structur") would otherwise quote most of it.
_QUOTE_WORDS = 5
_EDGE = " \t\n,;:.!?()[]{}\"'‘’“”/"
_JOINERS = frozenset(
    {"a", "an", "and", "as", "by", "for", "in", "of", "on", "or", "such", "the", "to", "with"}
)
_SENTENCE_STOP = ".;:!?"
_WORD_RUN = re.compile(r"\S+")
_POSSESSIVE = re.compile(r"['’]s?$")


def _in_word(text: str, i: int) -> bool:
    """Whether ``text[i]`` belongs to a word: a letter or digit, or an apostrophe between two
    ("worker's"). A hyphen joins two words ("database-related": the keyword "database" quotes
    "database")."""
    if not 0 <= i < len(text):
        return False
    if text[i].isalnum():
        return True
    inner = 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()
    return inner and text[i] in "'’"


def _plain_case(word: str) -> str:
    """A word capitalised only by its place (a title, a sentence's start) as it reads within a
    sentence: "Supervise" → "supervise"; "LEED", "GitHub" keep their capitals."""
    if word[:1].isupper() and not any(c.isupper() for c in word[1:]):
        return word[0].lower() + word[1:]
    return word


def _trim(words: list[str], *, tail: bool) -> list[str]:
    """The head (or ``tail``) of a long quote cut at a clause break and without the joining
    words at its cut: "maintain, or" → "maintain"; "components, equipment" → "equipment"."""
    words = list(words)
    if len(words) > 1 and words[0].rstrip(_EDGE) != words[0]:
        words = words[1:] if tail else words[:1]
    while len(words) > 1 and words[0 if tail else -1].strip(_EDGE).lower() in _JOINERS:
        words.pop(0 if tail else -1)
    if tail:
        words[0] = words[0].lstrip(_EDGE)
    else:
        words[-1] = words[-1].rstrip(_EDGE)
    return words


def quote(p: OccupationProfile, start: int, end: int) -> str:
    """What the occupation's text says at a keyword match ``start:end``, in whole words.

    A keyword may stop inside a word ("food prepar", "supervis"): the quote runs to the word's
    ends ("food preparation", "supervise" or "supervising", as written), without the
    punctuation around it. A word capitalised by its place loses the capital (``_plain_case``);
    a quote longer than ``_QUOTE_WORDS`` words keeps its first two and last two around "…"."""
    text = p.source
    while start > 0 and _in_word(text, start - 1):
        start -= 1
    while end < len(text) and _in_word(text, end):
        end += 1
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    spans = [(start + m.start(), m.group(0)) for m in _WORD_RUN.finditer(text[start:end])]
    if not spans:
        return ""
    before = text[:start].rstrip()
    opening = not before or before[-1] in _SENTENCE_STOP or start == len(p.title) + 1
    words = [
        _plain_case(w) if at < len(p.title) or (at == start and opening) else w for at, w in spans
    ]
    if len(words) > _QUOTE_WORDS:
        return (
            " ".join(_trim(words[:2], tail=False)) + " … " + " ".join(_trim(words[-2:], tail=True))
        )
    return " ".join(words)


# An excerpt of more words than this shows the words around the match, "…" where it is cut.
_EXCERPT_WORDS = 14
_SENTENCE_BREAK = re.compile(r"[.;!?](?=\s)")


def excerpt(p: OccupationProfile, start: int) -> str:
    """The sentence of the occupation's text (a task, a sentence of its description) holding
    the match at ``start``, as written and without its closing stop: what a reader recognises
    as this occupation's work ("Plan and direct food preparation and culinary activities"),
    where a keyword's stem ("food prepar") would read as the matcher's logic. A sentence of
    more than ``_EXCERPT_WORDS`` words keeps the words around the match, "…" where it is cut."""
    text = p.source
    floor = len(p.title) + 1 if start > len(p.title) else 0
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, floor, start)]
    lo = max([floor, *breaks])
    after = _SENTENCE_BREAK.search(text, start)
    hi = after.start() if after else len(text)
    if start < len(p.title):
        lo, hi = 0, len(p.title)
    words = text[lo:hi].split()
    at = len(text[lo:start].split())
    if len(words) <= _EXCERPT_WORDS:
        return " ".join(words).rstrip(_EDGE)
    first = max(0, min(at - 4, len(words) - _EXCERPT_WORDS))
    shown = " ".join(words[first : first + _EXCERPT_WORDS]).strip(_EDGE)
    head = "… " if first else ""
    tail = " …" if first + _EXCERPT_WORDS < len(words) else ""
    return head + shown + tail


def _same_word(a: str, b: str) -> bool:
    """Whether two words are one word, in any case, number or possessive ("vessel", "Vessels",
    "vessel's")."""
    a, b = (_POSSESSIVE.sub("", w.casefold()) for w in (a, b))
    short, long = sorted((a, b), key=len)
    plurals = (short, short + "s", short + "es", short[:-1] + "ies" if short.endswith("y") else "")
    return long in plurals


def _within(inner: list[str], outer: list[str]) -> bool:
    """Whether the words ``inner`` run, as the same words, within ``outer``."""
    n = len(inner)
    return any(
        all(_same_word(a, b) for a, b in zip(inner, outer[i : i + n], strict=True))
        for i in range(len(outer) - n + 1)
    )


def distinct_quotes(quotes: Iterable[str]) -> tuple[str, ...]:
    """``quotes`` in order, without repeats: a quote whose words another quote holds (the same
    word in another case or number: "vessels", "vessel"; "tree" beside "tree care") yields its
    place to the longer one."""
    kept: list[list[str]] = []
    for q in quotes:
        words = q.split()
        if not words or any(_within(words, k) for k in kept):
            continue
        held = [i for i, k in enumerate(kept) if _within(k, words)]
        if held:
            kept[held[0]] = words
            kept = [k for i, k in enumerate(kept) if i not in held[1:]]
        else:
            kept.append(words)
    return tuple(" ".join(k) for k in kept)


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
