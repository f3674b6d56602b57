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
(see ``_meets_work`` in :mod:`~ai_impact.reports.cert_evidence`): tools alone, one shared
activity linked to one task only, or one keyword once do not qualify it; in a pasted
description (no activity links) one keyword once needs the occupation's software or tools, or
its core knowledge rated ``CORE_MIN``. A licence or role
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
A credential's ``not_for`` patterns, named in the identity, put the occupation outside its
scope: human first aid is not for veterinarians, whose patients are animals, nor OSHA's cards
for the flight, vessel and mine crews the FAA, the Coast Guard and MSHA regulate. A course for
lay people (``lay``: first aid, Mental Health First Aid) is not listed where the occupation
works in a field it yields to, holding a credential of its own with that core knowledge or
rating that knowledge ``LAY_FIELD_MIN``: a physician's, a physical therapist's or an EMT's
training goes beyond it. A credential with ``needs`` is listed only with evidence of those
kinds: life support with hands-on care (a shared work activity or tool), not the word
"patients" in a medical secretary's tasks.
A credential whose only tie to the work is wording (no shared work activity, software or
tool) must lie in the occupation's own domain: its core knowledge rated ``DOMAIN_MIN``, or its
subject in the occupation's title; a desk clerk's "keys" do not make a locksmith. What an O*NET
title or description leaves out ("Dispatchers, Except Police, Fire, and Ambulance"; "Excludes
team or work leaders.") is not the occupation's: it is removed before matching. A credential
whose ``certifies`` lists the occupation is its own (its licence, its registry): it is listed
whatever its evidence, first, the licence it needs before its specialty and role credentials
(the reason calls only a sole required licence "the licence of this occupation"; a specialty
certification is "a specialty certification of this occupation"). Licences and role
credentials held at a level whose profession the occupation's title names come next; a
``profession`` that only lists the occupations a credential suits (data, logistics, trade
credentials) gates it without putting it first.
The focus bonus (skills the adaptation strategy recommends) only
reorders credentials that already qualify. At most ``MAX_PER_ISSUER`` credentials of one
issuer are listed, so that one vendor's ladder does not fill the section. Ties break on the
id, so the result is deterministic. Pure functions over plain data: the knowledge base is
not touched. The occupation's side is read in :mod:`~ai_impact.reports.cert_profile`, a
credential's evidence and relevance weighed in :mod:`~ai_impact.reports.cert_evidence`; this
module selects, orders and explains.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from ai_impact.reports.cert_evidence import (
    MIN_SCORE,
    Evidence,
    candidates,
    evaluate,
    live_in,
    live_keywords,
)
from ai_impact.reports.cert_profile import (
    RatingLike,
    occupation_identity,
    occupation_profile,
    without_exclusions,
)
from ai_impact.reports.cert_reason import reason_for as _reason
from ai_impact.sources.catalog_certs import CertCatalog, Certification

__all__ = [
    "LAY_FIELD_MIN",
    "MAX_PER_ISSUER",
    "CertMatch",
    "match_certifications",
    "tasks_start",
]

MAX_PER_ISSUER = 2
# A lay course (first aid, Mental Health First Aid) is not listed for an occupation rating its
# core knowledge this high: the field is the occupation's own (physicians, counsellors).
LAY_FIELD_MIN = 4.5
FOCUS_BONUS = 0.05
FOCUS_BONUS_MAX = 0.15


@dataclass(frozen=True, slots=True)
class CertMatch:
    """A credential that fits the occupation, its score and a one-sentence reason."""

    cert: Certification
    score: float
    reason: str


def tasks_start(title: str, text: str, description: str | None) -> int | None:
    """Where the task statements begin in ``f"{title} {text}"`` (both without their
    exclusions): after the title, and after ``description`` when ``text`` opens with it; None
    when a description is given that ``text`` does not open with."""
    if not description:
        return len(title) + 1
    opening = without_exclusions("", description)[1]
    return len(title) + 1 + len(opening) if text.startswith(opening) else None


def _titled(cert: Certification, title: str) -> bool:
    """Whether the (lower-cased) ``title`` names the profession of a licence or of a role
    credential held at a level (one with ``certifies``): such a credential is listed before
    the others. A credential whose ``profession`` only lists the occupations it suits (the
    data, logistics or trade credentials) is ordered by its score."""
    named = cert.profession_pattern
    if named is None or not (cert.level == "professional-licence" or cert.certifies):
        return False
    return named.search(title) is not None


def _out_of_scope(
    cert: Certification, identity: str, fields: set[str], importance: Mapping[str, float]
) -> bool:
    """Whether a credential that does not certify the occupation lies outside its reach.

    A licence or role credential needs its ``profession`` named in the occupation's
    ``identity`` (title and opening sentence); a ``not_for`` pattern named there leaves it out
    (human first aid for veterinarians, OSHA's card for flight and vessel crews); and a course
    for lay people is left out where the occupation works in a field the course yields to
    (``cert.lay``: its core knowledge, or the fields it names): it holds a credential of its
    own whose core knowledge (``fields``) is one of them (a physician's licence and the Red
    Cross first aid course are both in Medicine and Dentistry; a physical therapist's licence
    is in Medicine and Dentistry, which Mental Health First Aid names beside Psychology), or it
    rates one of them at least ``LAY_FIELD_MIN`` (a mental health counsellor's Psychology, 4.9).
    Its own training covers the course at a higher level.
    """
    named = cert.profession_pattern
    if named is not None and not named.search(identity):
        return True
    excluded = cert.not_for_pattern
    if excluded is not None and excluded.search(identity):
        return True
    return any(f in fields or importance.get(f, 0.0) >= LAY_FIELD_MIN for f in cert.lay)


def _tier(cert: Certification, own: bool, titled: bool, code: str | None = None) -> int:
    """The group a qualifying credential is listed in, before the others: the occupation's own
    licence (the one it needs to practise), its other own credentials (specialties, role
    certifications), licences and levelled role credentials its title names, then the rest."""
    if own:
        required = cert.level == "professional-licence" and code not in cert.optional_for
        return 0 if required else 1
    return 2 if titled else 3


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
    description: str | None = None,
    rated_from: str | None = None,
) -> list[CertMatch]:
    """The best-fitting credentials for one occupation, best first (at most ``top``).

    ``technologies`` takes the occupation's software and tools (objects or strings, see
    :func:`~ai_impact.reports.cert_profile.technology_terms`); ``activities_iwas`` one IWA ID
    per task-activity link; ``text`` the occupation's title, description and task statements,
    for keyword patterns; ``title`` the occupation's title (a keyword hit there earns
    ``TITLE_BONUS``). The title
    with the first sentence of ``text`` is where a credential's ``profession`` must be named.
    ``job_zone`` is the occupation's O*NET job zone (1..5); when None, the zone of the O*NET
    occupation titled ``title``, if any: a credential certifying occupations of other zones
    only is left out. ``code`` is the occupation's O*NET-SOC code; when None, the code of the
    O*NET occupation titled ``title``, if any. ``description`` is the occupation's description
    when ``text`` opens with it (the rest being task statements), so that a reason says where
    the words it quotes were found; None when ``text`` holds task statements only (a pasted
    description's duty lines).

    A credential is the occupation's *own* when its ``certifies`` lists the occupation's code:
    it is listed whatever its evidence, before the others (a deckhand's page lists the
    merchant mariner credential although the opening clause of O*NET's description names no
    vessel), a licence it needs before its other own credentials (``_tier``). Licences and
    role credentials held at a level whose ``profession`` the title names come next, when they
    qualify (``_titled``); then the others by score.
    """
    zone = job_zone if job_zone is not None else catalog.title_zones.get(title.casefold())
    occ_code = code if code is not None else catalog.title_codes.get(title.casefold())
    title, text = without_exclusions(title, text)
    source = f"{title} {text}"
    p = occupation_profile(
        skills,
        knowledge,
        technologies,
        activities_iwas,
        source.lower(),
        title.lower(),
        source=source,
        tasks_at=tasks_start(title, text, description),
    )
    focus_set = set(focus_element_ids)
    # (tier, score, id, the entry, its evidence, focus elements, whether it is the occupation's own)
    scored: list[tuple[int, float, str, Certification, Evidence, tuple[str, ...], bool]] = []
    index = catalog.literal_index
    live = live_keywords(catalog, set(index.found_in(p.text)))
    in_title = set(index.found_in(p.title)) if p.title else set()
    identity = occupation_identity(title, text)
    held = set(catalog.by_certified.get(occ_code, ())) if occ_code else set()
    fields = {catalog.certifications[pos].knowledge[0] for pos in held}
    for pos in sorted(candidates(catalog, p, live) | held):
        cert = catalog.certifications[pos]
        own = pos in held  # its `certifies` lists the occupation, at the occupation's level
        if not own and (
            not cert.fits_zone(zone) or _out_of_scope(cert, identity, fields, p.importance)
        ):
            continue
        ev = evaluate(cert, p, catalog, live.get(pos, ()), live_in(cert, in_title), own=own)
        if ev is None or (ev.relevance < MIN_SCORE and not own):
            continue
        focus = tuple(e for e in cert.elements if e in focus_set)
        score = ev.relevance + min(FOCUS_BONUS_MAX, FOCUS_BONUS * len(focus))
        tier = _tier(cert, own, _titled(cert, p.title), occ_code)
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
        reason = _reason(cert, ev, focus, p, catalog, own=own, code=occ_code, rated_from=rated_from)
        out.append(CertMatch(cert, round(score, 3), reason))
    return out
