"""Match catalogued certifications to one occupation's skills, knowledge, software and work.

A credential fits an occupation when the occupation rates the credential's skills and knowledge
as important (its *profile fit*) and when there is concrete evidence that the credential covers
this occupation's work (its *evidence*): shared work activities, software or tools the
occupation already uses, or task wording the credential is about::

    g(importance)  = clip((importance - 2) / 2.5, 0, 1)       importance on O*NET's 1..5 scale
    profile        = 0.65 * mean g(knowledge) + 0.35 * mean g(skills)   over the cert's elements
    activities     = sum over the cert's IWAs the occupation has of spec(IWA) * min(1, links / 2),
                     divided by min(3, #cert IWAs), capped at 1 (links = task links to the IWA)
    technology     = sum of spec(entry) over matched technology entries / min(2, #entries), max 1
    wording        = 0.6 for one distinct keyword hit, 1.0 for two or more
    evidence       = 1 - (1 - activities) (1 - 0.8 technology) (1 - 0.6 wording)
                     (0.8 wording when the occupation has no ratings: its text is all we know)
    relevance      = 0.45 * profile + 0.55 * evidence     (evidence alone when nothing is rated)
                     + 0.08 when a keyword matches the occupation's title
    spec(item)     = how specific an IWA or technology is (catalogue loader, IDF-like): 1 for an
                     item used by 50 occupations or fewer, near 0 for one nearly all use
    score          = relevance + 0.05 per focus element the cert builds (at most 0.15)

A credential needs some evidence (profile fit alone never qualifies it) and a relevance of at
least ``MIN_SCORE``, and it must meet the occupation's work rather than an incidental side of it
(see ``_meets_work``): tools alone, one shared activity linked to one task only, or one keyword
once do not qualify it; in a pasted description (no activity links) one keyword once needs the
occupation's software or tools, or its core knowledge rated ``CORE_MIN``. A licence or role
credential of one profession (an entry with ``profession`` patterns: a nursing licence, a CDL, a
plumber's licence) is listed only where the occupation's identity -- its title and the opening
sentence of its description -- names that profession: sharing work activities (monitoring
patients, connecting pipes) or wording ("drive", "patients") with it does not make a dentist a
nurse, nor an electrician a plumber. So a registered nurse is not offered the practical-nurse
licence or the nursing-assistant certificate, and a page rather says nothing than offers another
profession's licence. A credential held at one level carries the O*NET occupations it certifies,
and so their job zones (the preparation they need, 1..5): it is listed only for occupations
whose own job zone lies between the lowest and the highest of those zones. Lawyers (zone 5) are
not offered the paralegal certificates (zone 3) nor pharmacists the pharmacy technician's, and
paralegals are not offered the bar, electricians' helpers (zone 2) the electrician's licence,
nurses (zone 4) the nurse practitioner's certification (zone 5): adjacent professions at another
level share their work and wording, not their credentials.
A credential whose only tie to the work is wording (no shared work activity, software or
tool) must lie in the occupation's own domain: its core knowledge rated ``DOMAIN_MIN``, or its
subject in the occupation's title; a desk clerk's "keys" do not make a locksmith. What an O*NET
title or description leaves out ("Dispatchers, Except Police, Fire, and Ambulance"; "Excludes
team or work leaders.") is not the occupation's: it is removed before matching. A credential
whose ``certifies`` lists the occupation is its own (its licence, its registry): it is listed
whatever its evidence, first. Licences and role credentials held at a level whose profession
the occupation's title names come next; a ``profession`` that only lists the occupations a
credential suits (data, logistics, trade credentials) gates it without putting it first.
The focus bonus (skills the adaptation strategy recommends) only
reorders credentials that already qualify. At most ``MAX_PER_ISSUER`` credentials of one
issuer are listed, so that one vendor's ladder does not fill the section. Ties break on the
id, so the result is deterministic. Pure functions over plain data: the knowledge base is
not touched.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from ai_impact.sources.catalog_certs import CertCatalog, Certification, keyword_pattern

__all__ = [
    "MAX_PER_ISSUER",
    "MIN_SCORE",
    "CertMatch",
    "RatingLike",
    "match_certifications",
    "occupation_identity",
    "technology_terms",
    "without_exclusions",
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
MAX_PER_ISSUER = 2
FOCUS_BONUS = 0.05
FOCUS_BONUS_MAX = 0.15
_KNOWLEDGE_WEIGHT = 0.65
_PROFILE_WEIGHT = 0.45
_UNRATED_FACTOR = 1.0
_RATED_FLOOR = 2.0
_RATED_SPAN = 2.5


class RatingLike(Protocol):
    """An occupation's rating of one skill or knowledge element (e.g. ``ElementRating``)."""

    @property
    def element_id(self) -> str: ...
    @property
    def importance(self) -> float | None: ...


@dataclass(frozen=True, slots=True)
class CertMatch:
    """A credential that fits the occupation, its score and a one-sentence reason."""

    cert: Certification
    score: float
    reason: str


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


def _fit(importance: float | None) -> float:
    if importance is None:
        return 0.0
    return min(1.0, max(0.0, (importance - _RATED_FLOOR) / _RATED_SPAN))


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


@dataclass(frozen=True, slots=True)
class _Profile:
    importance: dict[str, float]
    fits: dict[str, float]  # g(importance) of each rated element
    names: dict[str, str]
    iwa_counts: Counter[str]
    terms: frozenset[str]
    text: str
    title: str

    has_knowledge: bool
    has_skills: bool

    @property
    def rated(self) -> bool:
        return bool(self.importance)


def _profile(
    skills: Sequence[RatingLike],
    knowledge: Sequence[RatingLike],
    technologies: Iterable[object],
    activities_iwas: Sequence[str],
    text: str,
    title: str,
) -> _Profile:
    ratings = [*skills, *knowledge]
    importance = {r.element_id: r.importance for r in ratings if r.importance is not None}
    return _Profile(
        importance=importance,
        fits={e: _fit(v) for e, v in importance.items()},
        names={r.element_id: str(getattr(r, "name", "") or "") for r in ratings},
        iwa_counts=Counter(activities_iwas),
        terms=technology_terms(technologies),
        text=text,
        title=title,
        has_knowledge=any(e.startswith("2.C") for e in importance),
        has_skills=any(not e.startswith("2.C") for e in importance),
    )


@dataclass(frozen=True, slots=True)
class _Evidence:
    relevance: float
    strong_elements: tuple[str, ...]
    iwas: tuple[str, ...]
    technologies: tuple[str, ...]
    words: tuple[str, ...]


def _live_in(cert: Certification, found: set[str]) -> tuple[int, ...]:
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
    cert: Certification, text: str, live: tuple[int, ...]
) -> tuple[tuple[str, ...], bool]:
    """Distinct keyword matches in ``text`` (at most 3), leftmost first, and whether the
    wording recurs (two matches or more); ``live`` as above."""
    if not text or not live:
        return (), False
    found: dict[str, None] = {}
    count = 0
    for m in _live_pattern(cert, live).finditer(text):
        found.setdefault(m.group(0).strip().lower(), None)
        count += 1
        if len(found) >= 3:
            break
    return tuple(found), count >= 2


def _meets_work(
    p: _Profile, iwa_hits: tuple[str, ...], words: tuple[str, ...], recurs: bool, *, backed: bool
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


def _in_domain(
    cert: Certification,
    p: _Profile,
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


def _core_importance(cert: Certification, p: _Profile) -> float:
    """The occupation's importance rating of the credential's core knowledge (the first of its
    ``knowledge``); 0 when it has none, or when that core is knowledge every occupation draws on
    (``_GENERIC_KNOWLEDGE``)."""
    core = cert.knowledge[0] if cert.knowledge else ""
    return 0.0 if core in _GENERIC_KNOWLEDGE else p.importance.get(core, 0.0)


def _distinct_keywords(cert: Certification, words: tuple[str, ...], live: tuple[int, ...]) -> int:
    """How many of the credential's keywords the matched ``words`` answer to."""
    return sum(any(keyword_pattern((cert.keywords[i],)).fullmatch(w) for w in words) for i in live)


def _relevance(p: _Profile, profile: float, evidence: float, in_title: bool) -> float:
    if p.rated:
        relevance = _PROFILE_WEIGHT * profile + (1 - _PROFILE_WEIGHT) * evidence
    else:
        relevance = _UNRATED_FACTOR * evidence
    if in_title:
        relevance += TITLE_BONUS
    return relevance


def _evaluate(
    cert: Certification,
    p: _Profile,
    catalog: CertCatalog,
    live: tuple[int, ...],
    title_live: tuple[int, ...],
    *,
    own: bool = False,
) -> _Evidence | None:
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
    words, recurs = _keyword_hits(cert, p.text, live)
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
    return _Evidence(
        _relevance(p, profile, evidence, in_title), tuple(strong), iwa_hits, tech_hits, words
    )


def _titled(cert: Certification, title: str) -> bool:
    """Whether the (lower-cased) ``title`` names the profession of a licence or of a role
    credential held at a level (one with ``certifies``): such a credential is listed before
    the others. A credential whose ``profession`` only lists the occupations it suits (the
    data, logistics or trade credentials) is ordered by its score."""
    named = cert.profession_pattern
    if named is None or not (cert.level == "professional-licence" or cert.certifies):
        return False
    return named.search(title) is not None


def _name(element_id: str, p: _Profile, catalog: CertCatalog) -> str:
    return p.names.get(element_id) or catalog.element_names.get(element_id) or element_id


def _reason(
    cert: Certification,
    ev: _Evidence,
    focus: Sequence[str],
    p: _Profile,
    catalog: CertCatalog,
    *,
    own: bool = False,
) -> str:
    parts: list[str] = [f"the {cert.kind} of this occupation"] if own else []
    if ev.strong_elements:
        named = [_name(e, p, catalog) for e in ev.strong_elements[:3]]
        parts.append("builds " + _join(named) + ", which this occupation rates as important")
    if ev.iwas:
        titles = [catalog.iwa_titles.get(i, i).rstrip(".").lower() for i in ev.iwas[:2]]
        parts.append("covers its work: " + "; ".join(titles))
    if ev.technologies:
        shown = [_tech_label(cert, t) for t in ev.technologies[:2]]
        parts.append("uses tools it already uses (" + ", ".join(shown) + ")")
    if ev.words and not ev.iwas:
        parts.append("its tasks mention " + ", ".join(f"'{w}'" for w in ev.words[:2]))
    if focus:
        parts.append("supports the recommended " + _join([_name(f, p, catalog) for f in focus]))
    text = "; ".join(parts) if parts else "fits this occupation's work"
    return (
        text[0].upper()
        + text[1:]
        + ". "
        + cert.ai_relevance[0].upper()
        + cert.ai_relevance[1:]
        + "."
    )


def _tech_label(cert: Certification, tech: str) -> str:
    if not tech.isdigit():
        return tech
    terms = cert.technology_terms[cert.technologies.index(tech)]
    return next((t for t in sorted(terms) if not t.isdigit()), tech)


def _join(items: Sequence[str]) -> str:
    items = list(dict.fromkeys(items))
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


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


def _live_keywords(catalog: CertCatalog, found: set[str]) -> dict[int, tuple[int, ...]]:
    """For each entry whose keywords may match a text containing the literals ``found``: the
    keywords that may (a required literal of theirs is in it, or they have none)."""
    positions = set(catalog.unfiltered)
    for lit in found:
        positions.update(catalog.by_literal[lit])
    return {pos: _live_in(catalog.certifications[pos], found) for pos in positions}


def _candidates(catalog: CertCatalog, p: _Profile, worded: Collection[int]) -> set[int]:
    """Positions of the entries sharing an activity, a technology or a keyword literal."""
    out = {pos for iwa in p.iwa_counts for pos in catalog.by_iwa.get(iwa, ())}
    out.update(pos for term in p.terms for pos in catalog.by_term.get(term, ()))
    return out.union(worded)


def match_certifications(
    catalog: CertCatalog,
    skills: Sequence[RatingLike],
    knowledge: Sequence[RatingLike],
    technologies: Iterable[object] = (),
    activities_iwas: Sequence[str] = (),
    focus_element_ids: Collection[str] = (),
    top: int = 6,
    *,
    text: str = "",
    title: str = "",
    job_zone: int | None = None,
    code: str | None = None,
) -> list[CertMatch]:
    """The best-fitting credentials for one occupation, best first (at most ``top``).

    ``technologies`` takes the occupation's software and tools (objects or strings, see
    :func:`technology_terms`); ``activities_iwas`` one IWA ID per task-activity link;
    ``text`` the occupation's title, description and task statements, for keyword patterns;
    ``title`` the occupation's title (a keyword hit there earns ``TITLE_BONUS``). The title
    with the first sentence of ``text`` is where a credential's ``profession`` must be named.
    ``job_zone`` is the occupation's O*NET job zone (1..5); when None, the zone of the O*NET
    occupation titled ``title``, if any: a credential certifying occupations of other zones
    only is left out. ``code`` is the occupation's O*NET-SOC code; when None, the code of the
    O*NET occupation titled ``title``, if any.

    A credential is the occupation's *own* when its ``certifies`` lists the occupation's code:
    it is listed whatever its evidence, before the others (a deckhand's page lists the
    merchant mariner credential although the opening clause of O*NET's description names no
    vessel). Licences and role credentials held at a level whose ``profession`` the title
    names come next, when they qualify (``_titled``); then the others by score.
    """
    zone = job_zone if job_zone is not None else catalog.title_zones.get(title.casefold())
    occ_code = code if code is not None else catalog.title_codes.get(title.casefold())
    title, text = without_exclusions(title, text)
    p = _profile(
        skills, knowledge, technologies, activities_iwas, f"{title} {text}".lower(), title.lower()
    )
    focus_set = set(focus_element_ids)
    # (tier, score, id, the entry, its evidence, focus elements, whether it is the occupation's own)
    scored: list[tuple[int, float, str, Certification, _Evidence, tuple[str, ...], bool]] = []
    index = catalog.literal_index
    live = _live_keywords(catalog, set(index.found_in(p.text)))
    in_title = set(index.found_in(p.title)) if p.title else set()
    identity = occupation_identity(title, text)
    held = set(catalog.by_certified.get(occ_code, ())) if occ_code else set()
    for pos in sorted(_candidates(catalog, p, live) | held):
        cert = catalog.certifications[pos]
        own = pos in held  # its `certifies` lists the occupation, at the occupation's level
        if not own and not cert.fits_zone(zone):
            continue
        named = cert.profession_pattern
        if not own and named is not None and not named.search(identity):
            continue
        ev = _evaluate(cert, p, catalog, live.get(pos, ()), _live_in(cert, in_title), own=own)
        if ev is None or (ev.relevance < MIN_SCORE and not own):
            continue
        focus = tuple(e for e in cert.elements if e in focus_set)
        score = ev.relevance + min(FOCUS_BONUS_MAX, FOCUS_BONUS * len(focus))
        tier = 0 if own else 1 if _titled(cert, p.title) else 2
        scored.append((tier, round(score, 6), cert.id, cert, ev, focus, own))
    scored.sort(key=lambda s: (s[0], -s[1], s[2]))
    out: list[CertMatch] = []
    per_issuer: Counter[str] = Counter()
    for _, score, _, cert, ev, focus, own in scored:
        if len(out) >= top:
            break
        if per_issuer[cert.issuer] >= MAX_PER_ISSUER:
            continue
        per_issuer[cert.issuer] += 1
        reason = _reason(cert, ev, focus, p, catalog, own=own)
        out.append(CertMatch(cert, round(score, 3), reason))
    return out
