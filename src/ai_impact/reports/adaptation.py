"""Section 9: what to learn — skills and knowledge that carry the safe work, technologies, moves.

Which skills "protect" is measured, not assumed: across all occupations, the correlation between
an element's O*NET importance and the occupation's β (computed once with the risk table). An
element with a clearly negative correlation is one that less exposed occupations rely on; the
occupation's own most important such elements are the ones to build. A skill with a positive
correlation that the occupation rates highly is shown as one to pair with AI tools. Knowledge
comes from the occupation's five most important areas, most important first. Technologies come
from its O*NET technology skills: those in demand in its job postings, then hot ones of the kind
of software it uses most (see :func:`_technologies`), never the general software most
occupations list (:func:`generic_technologies`) nor a consumer platform its tasks do not use
(:mod:`ai_impact.reports.consumer_tech`); transitions are the safer moves. Where no element goes
with less exposure, even among occupations of the same kind, the important ones least tied to it
there are offered (:func:`_least_tied`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ai_impact.reports import figures as fx
from ai_impact.reports.consumer_tech import offered_platform
from ai_impact.reports.local_skills import (
    LocalEvidence,
    column_correlations,
    importance_matrix,
    move_skill,
)
from ai_impact.reports.model import AdaptationItem, RelatedEntry
from ai_impact.reports.tech_names import display_name

__all__ = [
    "PROTECTIVE_CORR",
    "adaptation_items",
    "element_correlations",
    "generic_technologies",
    "pairs_with_ai",
]

PROTECTIVE_CORR = -0.15  # correlation with β below this: the element goes with less exposed work
EXPOSED_CORR = 0.15  # above this: the element goes with exposed work (pair it with AI tools)
MIN_IMPORTANCE = 3.0  # O*NET importance 1–5: "important" and above
CORE_KNOWLEDGE = 5  # knowledge to build comes from the occupation's five most important areas
MIN_KIND = 2  # a hot technology needs this many of the occupation's technologies of its kind
MIN_PEER_SHARE = 0.15  # a hot product: listed by this share of the 20 most similar occupations
GENERIC_SHARE = 1 / 3  # software O*NET lists for more occupations than this is general office kit
LEAST_TIED = {"skill": 2, "knowledge": 1}  # fallback: elements least tied to exposure nearby
BASIC_SKILLS = "2.A."  # O*NET's basic skills: content (reading, writing…) and process ones


def generic_technologies(
    per_occupation: Sequence[Sequence[tuple[str, str]]],
) -> tuple[frozenset[str], frozenset[str]]:
    """General software, from (example, commodity code) pairs of every occupation: the products
    and the kinds of software listed for more than :data:`GENERIC_SHARE` of all occupations.

    A general product (Microsoft Excel, Word, Outlook) is never recommended: using it says
    nothing about this work. A product of a general kind (a web browser, a database front end,
    an ERP system) is recommended only where the occupation's job postings ask for it."""
    names = Counter(name for pairs in per_occupation for name in {n for n, _ in pairs})
    kinds = Counter(kind for pairs in per_occupation for kind in {k for _, k in pairs})
    cut = GENERIC_SHARE * len(per_occupation)
    return (
        frozenset(n for n, c in names.items() if c > cut),
        frozenset(k for k, c in kinds.items() if c > cut),
    )


def element_correlations(
    ratings: Sequence[Sequence[Any]], beta: NDArray[np.float64]
) -> dict[str, float]:
    """Pearson correlation across occupations of each element's importance with β."""
    ids, m = importance_matrix(ratings)
    ok = np.array([len(r) > 0 for r in ratings]) & ~np.isnan(beta)
    corr = column_correlations(m[ok], beta[ok])
    return {e: float(corr[j]) for j, e in enumerate(ids)}


_KIND_OF = (
    "among the occupations most like it in skills and knowledge, the less exposed ones rate it "
    "higher"
)
_KIND_OF_AGAIN = "the less exposed occupations most like it rate it higher too"


def _local_reason(evidence: LocalEvidence, titles: Mapping[str, str], *, again: bool) -> str:
    """Why an element the across-occupation correlation does not pick is still one to build;
    ``again``: the page has said the long form already."""
    why = _KIND_OF_AGAIN if again else _KIND_OF
    names = [titles[c] for c in evidence.examples if c in titles]
    if names:  # titles hold commas and "and": a semicolon keeps them apart
        why += " (for example " + "; ".join(names) + ")"
    return why


def _protective(
    ratings: Sequence[Any],
    corr: dict[str, float],
    kind: str,
    limit: int,
    capability: str | None,
    rated_from: str | None,
    *,
    by_importance: bool = False,
    local: Mapping[str, LocalEvidence] | None = None,
    titles: Mapping[str, str] | None = None,
    said: bool = False,
) -> list[AdaptationItem]:
    """The occupation's most important elements that go with less exposed work: across all
    occupations first, then (``local``) among occupations of the same kind (``said``: an item
    above gave that reason in full already)."""
    if by_importance:
        # Only the occupation's core areas, most important first: the correlation is measured
        # across all occupations, and alone it put "Public Safety and Security" (importance
        # 3.1 of 5, level 2.6 of 7) first for registered nurses, above medicine.
        ranked = sorted(ratings, key=lambda e: (-(e.importance or 0.0), e.element_id))
        pool = ranked[:CORE_KNOWLEDGE]
    else:
        pool = list(ratings)
    rated = [e for e in pool if (e.importance or 0.0) >= MIN_IMPORTANCE]
    important = [e for e in rated if corr.get(e.element_id, 0.0) < EXPOSED_CORR]
    if not by_importance:
        important.sort(key=lambda e: corr.get(e.element_id, 0.0))
    chosen = important[:limit]
    # Desk occupations rate highly only skills that go with exposure across all occupations;
    # among occupations of their own kind some of those still go with less of it.
    near = local or {}
    taken = {e.element_id for e in chosen}
    kind_of = [e for e in rated if e.element_id in near and e.element_id not in taken]
    kind_of.sort(key=lambda e: near[e.element_id].corr)
    extra = kind_of[: max(0, limit - len(chosen))]
    where = "in this occupation" if rated_from is None else f"in {rated_from}"
    out = []
    for i, e in enumerate([*chosen, *extra]):
        c = corr.get(e.element_id, 0.0)
        if e.element_id in taken:
            if c <= -0.35:
                tie = "strongly associated with less AI exposure across all occupations"
            elif c <= PROTECTIVE_CORR:
                tie = "clearly associated with less AI exposure across all occupations"
            else:
                tie = "among its important ones, one of the least tied to AI exposure"
        else:
            tie = _local_reason(near[e.element_id], titles or {}, again=said)
            said = True
        why = f"Rated important {where}, and {tie}"
        if capability and i == 0:  # said once: the same clause on every skill read as filler
            why += f"; the work that stays human here rests mostly on {capability}"
        out.append(AdaptationItem(kind, e.name, why + ".", e.element_id))
    return out


def _least_tied(
    ratings: Sequence[Any],
    near: Mapping[str, float],
    kind: str,
    rated_from: str | None,
) -> list[AdaptationItem]:
    """For a page neither correlation gives an element to build: the occupation's important
    elements (knowledge: its core areas) that, among the occupations most like it, go least with
    exposure — a neighbourhood correlation below :data:`EXPOSED_CORR`, lowest first, up to
    :data:`LEAST_TIED` of ``kind``. Customer service representatives rate nothing that goes
    with less exposure, even among their own kind, but their service orientation and social
    perceptiveness go with it far less than the reading, writing and speaking they rely on.
    O*NET's basic skills (:data:`BASIC_SKILLS`: reading, monitoring, critical thinking) are the
    ground of all work, so one is offered only where no cross-functional skill (social,
    problem-solving, technical, systems, resource) qualifies: monitoring was the pick on 121 of
    207 such pages."""
    pool = list(ratings)
    if kind == "knowledge":
        pool = sorted(pool, key=lambda e: (-(e.importance or 0.0), e.element_id))[:CORE_KNOWLEDGE]
    rated = [
        e
        for e in pool
        if (e.importance or 0.0) >= MIN_IMPORTANCE and near.get(e.element_id, 1.0) < EXPOSED_CORR
    ]
    rated.sort(key=lambda e: (near[e.element_id], e.element_id))
    if kind == "skill":
        cross = [e for e in rated if not e.element_id.startswith(BASIC_SKILLS)]
        rated = cross or rated[:1]
    where = "in this occupation" if rated_from is None else f"in {rated_from}"
    why = (
        f"Rated important {where}, and among the occupations most like it in skills and "
        "knowledge, one of its important ones least tied to AI exposure: the less exposed of "
        "them rate it about as high as the more exposed."
    )
    return [AdaptationItem(kind, e.name, why, e.element_id) for e in rated[: LEAST_TIED[kind]]]


def pairs_with_ai(n_exposed: int, beta: float) -> bool:
    """Whether the page offers a skill to pair with AI: some tasks are exposed and exposure is
    above "very low" (β from 0.10). Below it the page says AI reaches little of the work, and
    advice to do a hairdresser's active listening with AI assistants contradicts it."""
    return n_exposed > 0 and fx.exposure_level(beta) != "very low"


def _paired(
    ratings: Sequence[Any],
    corr: dict[str, float],
    rated_from: str | None,
    avoid: frozenset[str] | set[str] = frozenset(),
) -> list[AdaptationItem]:
    """The most important element that goes with exposed work: learn to do it with AI.
    ``avoid``: names of elements already offered as ones to build."""
    where = "in this occupation" if rated_from is None else f"in {rated_from}"
    for e in ratings:
        if e.name in avoid:
            continue
        if (e.importance or 0.0) >= MIN_IMPORTANCE and corr.get(e.element_id, 0.0) >= EXPOSED_CORR:
            # What is measured: the rating here and the correlation across occupations; no
            # task-level link, so the reason does not say the skill carries these tasks.
            why = (
                f"Rated important {where}, and common in work AI reaches across all "
                "occupations; doing it with AI assistants and checking their output keeps "
                "that work with you."
            )
            return [AdaptationItem("skill to pair with AI", e.name, why, e.element_id)]
    return []


def _lower_words(title: str) -> str:
    """An O*NET commodity title in a sentence: by its display name, lower case, its acronyms
    kept ("Computer aided design CAD software" → "CAD software", "Medical software" → "medical
    software"; see :func:`~ai_impact.reports.tech_names.display_name`)."""
    return " ".join(
        w if len(w) > 1 and w.isupper() else w.lower() for w in display_name(title).split()
    )


def _technologies(
    technologies: Sequence[Any],
    kind: Counter[str],
    limit: int = 3,
    peers: Mapping[str, float] | None = None,
) -> list[Any]:
    """The occupation's technologies worth learning: in demand for it, or of its kind of software.

    O*NET's "in demand" flag is the occupation's own (its job postings ask for it); "hot" is
    one flag for the whole economy, so a hot technology alone says nothing about this work
    (Apache Spark is hot, and listed once among registered nurses' 43 technologies). A hot one
    qualifies only when the occupation lists at least ``MIN_KIND`` technologies of its
    commodity class: that kind of software is part of the work (nurses' medical software).
    ``kind`` counts the occupation's technologies by commodity code. With ``peers`` (the share
    of the most similar occupations listing each product), a hot one must also be listed by
    at least :data:`MIN_PEER_SHARE` of them, and the most widely listed come first: dental
    practice software, in nurses' long tail, is not offered before Epic.
    """
    share = peers or {}

    def fits(t: Any) -> bool:
        if t.in_demand:
            return True
        if not t.hot or kind[t.commodity_code] < MIN_KIND:
            return False
        return peers is None or share.get(t.example, 0.0) >= MIN_PEER_SHARE

    fit = [t for t in technologies if fits(t)]
    # the occupation's own job postings first, by the kind of software it uses most; then hot
    # products, the most widely listed among similar occupations first
    fit.sort(
        key=lambda t: (
            not t.in_demand,
            0.0 if t.in_demand else -share.get(t.example, 0.0),
            -kind[t.commodity_code],
            t.example.lower(),
        )
    )
    return fit[:limit]


def adaptation_items(
    skills: Sequence[Any],
    knowledge: Sequence[Any],
    technologies: Sequence[Any],
    corr: dict[str, float],
    safer: Sequence[RelatedEntry],
    own_score: float,
    capability: str | None,
    rated_from: str | None = None,
    *,
    any_exposed: bool = True,
    generic: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
    local: Mapping[str, LocalEvidence] | None = None,
    titles: Mapping[str, str] | None = None,
    move_ratings: Mapping[str, Sequence[Any]] | None = None,
    peers: Mapping[str, float] | None = None,
    near: Mapping[str, float] | None = None,
    activities: str = "",
) -> tuple[AdaptationItem, ...]:
    """Skills, knowledge, technologies and transitions to build, each with why.

    A skill "to pair with AI" is offered only when ``any_exposed`` (see :func:`pairs_with_ai`).
    ``local``: elements that go with less exposure among occupations of the same kind
    (:meth:`~ai_impact.reports.local_skills.LocalSkills.evidence`), filling the skills and the
    knowledge up to their limits; ``titles`` names their example occupations. When neither
    finds an element, ``near`` (every element's correlation in the neighbourhood,
    :meth:`~ai_impact.reports.local_skills.LocalSkills.correlations`) gives the important ones
    least tied to exposure there (:func:`_least_tied`), and failing a skill ``move_ratings``
    (skill ratings of the safer moves, by code) the skill the first of the listed moves asks
    for most (:func:`~ai_impact.reports.local_skills.move_skill`). ``peers``: see
    :func:`_technologies`; ``activities``: the occupation's task statements and work
    activities, lower case, which must name what a consumer platform is used for
    (:func:`~ai_impact.reports.consumer_tech.offered_platform`).
    """
    items = _protective(
        skills, corr, "skill", 3, capability, rated_from, local=local, titles=titles
    )
    if not items and near:
        items += _least_tied(skills, near, "skill", rated_from)
    if not items and move_ratings:
        moves = [(r.title, move_ratings[r.code]) for r in safer[:2] if r.code in move_ratings]
        if (found := move_skill(skills, moves, rated_from)) is not None:
            items.append(found)
    if any_exposed:
        items += _paired(skills, corr, rated_from, avoid={i.name for i in items})
    known = _protective(
        knowledge,
        corr,
        "knowledge",
        2,
        None,
        rated_from,
        by_importance=True,
        local=local,
        titles=titles,
        said=any(_KIND_OF in i.why for i in items),
    )
    items += known or _least_tied(knowledge, near or {}, "knowledge", rated_from)
    kind = Counter(t.commodity_code for t in technologies)
    names, kinds = generic
    specific = [
        t
        for t in technologies
        if t.example not in names
        and (t.in_demand or t.commodity_code not in kinds)
        and offered_platform(t.example, t.commodity_code, activities)
    ]
    for t in _technologies(specific, kind, peers=peers):
        flags = " and ".join(
            w
            for w, on in (("in demand in job postings", t.in_demand), ("a hot technology", t.hot))
            if on
        )
        title = _lower_words(t.commodity_title)
        # no count in the sentence: the consistency check allows only the report's own figures
        used = (
            f"{title}, one of several of that kind it uses"
            if kind[t.commodity_code] >= MIN_KIND
            else title
        )
        why = f"Used in this occupation ({used}); O*NET lists it as {flags}."
        # shown by the name people use ("SQL"); the commodity code stays the id
        items.append(AdaptationItem("technology", display_name(t.example), why, t.commodity_code))
    for r in safer[:2]:
        alike = "similar in tasks, titles, work activities and skills"
        sim = f", {fx.pct(r.similarity)} {alike}" if r.similarity else ""
        why = f"A move to lower risk: {fx.score(r.risk)} against {fx.score(own_score)} here{sim}."
        items.append(AdaptationItem("transition", r.title, why, r.code))
    return tuple(items)
