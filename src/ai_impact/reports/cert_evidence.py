"""The evidence and relevance of one catalogued credential for one occupation profile.

Computes the profile fit, the evidence (shared activities, technologies, wording) and the
relevance of the formula in :mod:`ai_impact.reports.match_certs`, and applies its thresholds:
``MIN_SCORE``, the evidence a credential needs (:func:`_has_needed`), the work test
(:func:`_meets_work`) and the domain test (:func:`_in_domain`).
The catalogue's lookup tables narrow the entries to score (:func:`candidates`) and the
keywords to scan (:func:`live_keywords`) without changing the result. Pure functions over plain
data: the knowledge base is not touched.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from ai_impact.reports.cert_profile import (
    OccupationProfile,
    distinct_quotes,
    excerpt,
    place,
    quote,
)
from ai_impact.sources.catalog_certs import CertCatalog, Certification, keyword_pattern

__all__ = [
    "CORE_MIN",
    "DOMAIN_MIN",
    "MIN_SCORE",
    "TITLE_BONUS",
    "Evidence",
    "candidates",
    "evaluate",
    "live_in",
    "live_keywords",
]

MIN_SCORE = 0.38
DOMAIN_MIN = 3.25
# Without activity links, a keyword once counts when the occupation rates the credential's core
# knowledge this high (or uses its software or tools): the core of its work, not a side of it.
CORE_MIN = 4.0
# Knowledge every occupation draws on: as a credential's core it names no domain of work.
_GENERIC_KNOWLEDGE = frozenset({"2.C.7.a", "2.C.1.a"})  # English; Administration and Management
TITLE_BONUS = 0.08
_TECH_WEIGHT = 0.8
_WORD_WEIGHT = 0.6
_UNRATED_WORD_WEIGHT = 0.8
_KNOWLEDGE_WEIGHT = 0.65
_PROFILE_WEIGHT = 0.45
_UNRATED_FACTOR = 1.0


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


@dataclass(frozen=True, slots=True)
class Evidence:
    """A credential's relevance and what backs it: strong elements, IWAs, technologies, words.

    ``words`` are the distinct keyword matches, which the score counts ("supervis", "vessels",
    "vessel"); ``quotes`` what the occupation's text says there, in whole words and without
    repeats ("supervise", "vessels"), which the reason shows; ``places`` where each quote was
    found ("title", "description", "tasks", see :func:`~ai_impact.reports.cert_profile.place`);
    ``excerpts`` the sentence holding each (a task, a sentence of the description, the title:
    see :func:`~ai_impact.reports.cert_profile.excerpt`), which the reason shows."""

    relevance: float
    strong_elements: tuple[str, ...]
    iwas: tuple[str, ...]
    technologies: tuple[str, ...]
    words: tuple[str, ...]
    quotes: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    excerpts: tuple[str, ...] = ()


def live_in(cert: Certification, found: set[str]) -> tuple[int, ...]:
    """The keywords of ``cert`` that may match a text containing the literals ``found``."""
    live = enumerate(cert.literals)
    return tuple(i for i, cnf in live if all(not found.isdisjoint(c) for c in cnf))


def _live_pattern(cert: Certification, live: tuple[int, ...]) -> re.Pattern[str]:
    """The alternation of the live keywords alone: the others match nowhere in the text, so it
    finds the very same matches as the whole pattern, with fewer alternatives per position."""
    if len(live) == len(cert.keywords):
        return keyword_pattern(cert.keywords)
    return keyword_pattern(tuple(cert.keywords[i] for i in live))


def _keyword_hits(
    cert: Certification, p: OccupationProfile, live: tuple[int, ...]
) -> tuple[tuple[str, ...], bool, tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Distinct keyword matches in the occupation's text (at most 3), leftmost first, whether
    the wording recurs (two matches or more), the text's words at the first match of each,
    where each was found and the sentence holding it (see ``Evidence``); ``live`` as above.
    The text opens with the title, yet the work is told by the description and tasks: a form
    first found in the title is quoted where the description or a task has it too ("software
    development" rather than the title's "Software Developers"), from the title only when
    they do not."""
    if not p.text or not live:
        return (), False, (), (), ()
    found: dict[str, tuple[str, int]] = {}
    titled: set[str] = set()
    count = 0
    for m in _live_pattern(cert, live).finditer(p.text):
        form = m.group(0).strip().lower()
        if form in titled and m.start() >= len(p.title):
            found[form] = (quote(p, m.start(), m.end()), m.start())
            titled.discard(form)
        elif form not in found and len(found) < 3:
            found[form] = (quote(p, m.start(), m.end()), m.start())
            if m.start() < len(p.title):
                titled.add(form)
        count += 1
        if len(found) >= 3 and not titled:
            break
    quotes = distinct_quotes(q for q, _ in found.values())
    starts: dict[str, int] = {}
    for q, at in found.values():
        starts.setdefault(" ".join(q.split()), at)
    places = tuple(place(p, starts.get(q, len(p.title))) for q in quotes)
    excerpts = tuple(excerpt(p, starts.get(q, len(p.title))) for q in quotes)
    return tuple(found), count >= 2, quotes, places, excerpts


def _meets_work(
    p: OccupationProfile,
    iwa_hits: tuple[str, ...],
    words: tuple[str, ...],
    recurs: bool,
    *,
    backed: bool,
) -> bool:
    """Whether the credential meets the occupation's work, not an incidental side of it.

    Tools alone are shared across trades (a harness, safety glasses, accounting software); one
    work activity linked to one task only is a side of the work (a customer service
    representative "keeps records of transactions" without keeping the books); one keyword
    once is one phrase of one task (a truck driver's "inventory"). So the credential needs a
    shared work activity linked to two tasks or more, or two shared activities, or one with
    wording, or wording that recurs (two distinct keywords, one keyword twice, or one in the
    title). Without activity links (a pasted description) the wording is all the text offers,
    and one word of one line is no more than there (a pharmacist's "code blue", a plumber's
    "work truck"): a keyword once then needs the matched occupation's own evidence to agree
    (``backed``: it uses the credential's software or tools, or rates its core knowledge at
    least ``CORE_MIN``). An occupation without ratings (the military ones: no ratings, tasks or
    software, only a description) has no evidence of its own that could agree, so there one
    keyword still suffices.
    """
    if not p.iwa_counts:
        return bool(words) and (backed or recurs or len(words) >= 2 or not p.rated)
    if len(iwa_hits) >= 2 or (iwa_hits and (words or p.iwa_counts[iwa_hits[0]] >= 2)):
        return True
    return len(words) >= 2 or (bool(words) and recurs)


def _has_needed(
    cert: Certification,
    iwa_hits: tuple[str, ...],
    tech_hits: tuple[str, ...],
    words: tuple[str, ...],
) -> bool:
    """Whether the evidence includes a kind the credential ``needs`` (any, when it names none).

    Some evidence says nothing of a credential's subject: the word "patients" in a medical
    secretary's or a cytotechnologist's tasks is not hands-on care, for which life support is
    taken (it needs a shared work activity or tool); designing information systems or advising
    on technologies is the work of every computer occupation, not cloud work (a cloud
    certificate needs cloud software or the word "cloud").
    """
    found = {"activity": bool(iwa_hits), "technology": bool(tech_hits), "wording": bool(words)}
    return not cert.needs or any(found[kind] for kind in cert.needs)


def _in_domain(
    cert: Certification,
    p: OccupationProfile,
    words: tuple[str, ...],
    live: tuple[int, ...],
    *,
    worked: bool,
    in_title: bool,
) -> bool:
    """Whether the occupation works in the credential's own domain, not beside it.

    Shared activities and a keyword once show that a credential touches the work (a lawyer
    drafts leases, a pharmacist keeps inventories); they do not make a lawyer a property
    manager. So a credential that names no profession needs its core knowledge (the first of
    its ``knowledge``) rated at least ``DOMAIN_MIN`` by the occupation, or its own subject in
    the occupation's wording: two or more of its keywords. Wording alone (``worked`` False: no
    shared work activity, software or tool) is weaker still: words recur across fields (a desk
    clerk issues room "keys" and minds the "safes", a groundskeeper pours "concrete"), so there
    the subject must be the occupation's own, named in its title (roustabouts "Oil and Gas").
    An occupation without knowledge ratings is judged on its wording alone (see
    ``_meets_work``).
    """
    if cert.profession or not p.has_knowledge or _core_importance(cert, p) >= DOMAIN_MIN:
        return True
    return (worked or in_title) and _distinct_keywords(cert, words, live) >= 2


def _core_importance(cert: Certification, p: OccupationProfile) -> float:
    """The occupation's importance rating of the credential's core knowledge (the first of its
    ``knowledge``); 0 when it has none, or when that core is knowledge every occupation draws on
    (``_GENERIC_KNOWLEDGE``)."""
    core = cert.knowledge[0] if cert.knowledge else ""
    return 0.0 if core in _GENERIC_KNOWLEDGE else p.importance.get(core, 0.0)


def _distinct_keywords(cert: Certification, words: tuple[str, ...], live: tuple[int, ...]) -> int:
    """How many of the credential's keywords the matched ``words`` answer to."""
    return sum(any(keyword_pattern((cert.keywords[i],)).fullmatch(w) for w in words) for i in live)


def _relevance(p: OccupationProfile, profile: float, evidence: float, in_title: bool) -> float:
    if p.rated:
        relevance = _PROFILE_WEIGHT * profile + (1 - _PROFILE_WEIGHT) * evidence
    else:
        relevance = _UNRATED_FACTOR * evidence
    if in_title:
        relevance += TITLE_BONUS
    return relevance


def evaluate(
    cert: Certification,
    p: OccupationProfile,
    catalog: CertCatalog,
    live: tuple[int, ...],
    title_live: tuple[int, ...],
    *,
    own: bool = False,
) -> Evidence | None:
    """The credential's relevance and evidence; None when it cannot reach ``MIN_SCORE``.

    ``live`` and ``title_live``: the keywords that may match the text and the title. ``own``:
    the credential is the occupation's own (see ``match_certifications``), listed whatever its
    evidence, so none of the thresholds apply; its relevance still orders it among the others.
    """
    spec = catalog.specificity
    iwa_hits = tuple(i for i in cert.iwas if p.iwa_counts[i])
    activities = 0.0
    if cert.iwas:
        covered = sum(spec.get(i, 1.0) * min(1.0, p.iwa_counts[i] / 2) for i in iwa_hits)
        activities = min(1.0, covered / min(3, len(cert.iwas)))
    tech_hits = tuple(
        t
        for t, terms in zip(cert.technologies, cert.technology_terms, strict=True)
        if terms & p.terms
    )
    technology = 0.0
    if tech_hits:
        technology = min(
            1.0, sum(spec.get(t, 1.0) for t in tech_hits) / min(2, len(cert.technologies))
        )
    in_title = bool(p.title and title_live and _live_pattern(cert, title_live).search(p.title))
    # Without ratings the wording is most of what is known, so it weighs more.
    word_weight = _WORD_WEIGHT if p.rated else _UNRATED_WORD_WEIGHT
    rest = (1 - activities) * (1 - _TECH_WEIGHT * technology)
    profile = 0.0
    if p.rated:
        know = _mean([p.fits.get(k, 0.0) for k in cert.knowledge])
        skill = _mean([p.fits.get(s, 0.0) for s in cert.skills])
        # An occupation rated on one family only is judged on that family alone.
        weight = _KNOWLEDGE_WEIGHT if p.has_knowledge and p.has_skills else float(p.has_knowledge)
        profile = weight * know + (1 - weight) * skill
    # The keyword scan costs most: skip the credential when even the best wording score could
    # not lift it to MIN_SCORE (relevance only grows with the wording score).
    best = 1 - rest * (1 - word_weight * (1.0 if live else 0.0))
    if not own and _relevance(p, profile, best, in_title) < MIN_SCORE:
        return None
    words, recurs, quotes, places, excerpts = _keyword_hits(cert, p, live)
    if not own and not _has_needed(cert, iwa_hits, tech_hits, words):
        return None
    if not own:
        backed = bool(tech_hits) or _core_importance(cert, p) >= CORE_MIN
        meets = _meets_work(p, iwa_hits, words, recurs or in_title, backed=backed)
        if p.text.strip() and not meets:
            return None
        worked = bool(iwa_hits or tech_hits)
        if not _in_domain(cert, p, words, live, worked=worked, in_title=in_title):
            return None
    wording = 0.0 if not words else 0.6 if len(words) == 1 else 1.0
    evidence = 1 - rest * (1 - word_weight * wording)
    if evidence <= 0 and not own:
        return None
    strong = sorted(
        (e for e in cert.elements if p.fits.get(e, 0.0) >= 0.6),
        key=lambda e: (-p.importance[e], e),
    )
    relevance = _relevance(p, profile, evidence, in_title)
    return Evidence(relevance, tuple(strong), iwa_hits, tech_hits, words, quotes, places, excerpts)


def live_keywords(catalog: CertCatalog, found: set[str]) -> dict[int, tuple[int, ...]]:
    """For each entry whose keywords may match a text containing the literals ``found``: the
    keywords that may (a required literal of theirs is in it, or they have none)."""
    positions = set(catalog.unfiltered)
    for lit in found:
        positions.update(catalog.by_literal[lit])
    return {pos: live_in(catalog.certifications[pos], found) for pos in positions}


def candidates(catalog: CertCatalog, p: OccupationProfile, worded: Collection[int]) -> set[int]:
    """Positions of the entries sharing an activity, a technology or a keyword literal."""
    out = {pos for iwa in p.iwa_counts for pos in catalog.by_iwa.get(iwa, ())}
    out.update(pos for term in p.terms for pos in catalog.by_term.get(term, ()))
    return out.union(worded)
