"""The one-sentence reason a report gives for a matched credential, in plain language.

A reason says what the credential builds and covers and why it fits this occupation: the
skills and knowledge it builds that the occupation rates as important, the work activities it
covers, the tools it involves that the occupation already works with, and, where its tie is
the occupation's own wording, the task or sentence of the description that shows it (as
written: "Plan and direct food preparation and culinary activities"). It never shows how the
matcher found it (the stems its patterns match, "its tasks mention 'cooks'"). Pure functions
over plain data: the knowledge base is not touched.
"""

from __future__ import annotations

from collections.abc import Sequence

from ai_impact.reports import figures as fx
from ai_impact.reports.cert_evidence import Evidence
from ai_impact.reports.cert_profile import OccupationProfile
from ai_impact.reports.tech_names import display_name, one_example
from ai_impact.sources.catalog_certs import CertCatalog, Certification

__all__ = ["own_label", "reason_for"]


def _name(element_id: str, p: OccupationProfile, catalog: CertCatalog) -> str:
    return p.names.get(element_id) or catalog.element_names.get(element_id) or element_id


def reason_for(
    cert: Certification,
    ev: Evidence,
    focus: Sequence[str],
    p: OccupationProfile,
    catalog: CertCatalog,
    *,
    own: bool = False,
    code: str | None = None,
    rated_from: str | None = None,
) -> str:
    """The reason for ``cert`` on the page of occupation ``code`` (see the module)."""
    parts: list[str] = [own_label(cert, catalog, code)] if own else []
    if ev.strong_elements:
        named = [_name(e, p, catalog) for e in ev.strong_elements[:3]]
        # borrowed ratings are named as the adaptation strategy names them ("Rated important in
        # Business Continuity Planners (the closest rated)"), never as this occupation's own
        rates = (
            "which this occupation rates as important"
            if rated_from is None
            else f"rated important in {rated_from}"
        )
        parts.append("builds " + _quoted(named) + ", " + rates)
    if ev.iwas:
        titles = [catalog.iwa_titles.get(i, i).rstrip(".") for i in ev.iwas[:2]]
        parts.append("covers work this occupation does: " + _quoted(titles))
    if ev.technologies:
        shown = [_tech_label(cert, t, p) for t in ev.technologies[:2]]
        parts.append("involves tools this occupation already works with: " + _and(shown))
    if ev.quotes and not ev.iwas and (fits := _fits(ev)):
        parts.append(fits)
    if focus:
        parts.append("supports the recommended " + _quoted([_name(f, p, catalog) for f in focus]))
    text = "; ".join(parts) if parts else "fits this occupation's work"
    return (
        text[0].upper()
        + text[1:]
        + ". "
        + cert.ai_relevance[0].upper()
        + cert.ai_relevance[1:]
        + "."
    )


# How a reason introduces the sentence of the occupation's text its credential fits, by where
# it was found (``Evidence.places``).
_FITS = {
    "description": "fits what this occupation does: ",
    "tasks": "fits one of this occupation's tasks: ",
    "description or tasks": "fits a duty of this work: ",
}


def _fits(ev: Evidence) -> str:
    """The clause showing the occupation's own words the credential fits: the first task or
    sentence of the description that holds its subject, quoted as written; the title only when
    no other sentence does ("fits the field its title names: Oil and Gas")."""
    places = [*ev.places, *["description or tasks"] * (len(ev.quotes) - len(ev.places))]
    excerpts = [*ev.excerpts, *[""] * (len(ev.quotes) - len(ev.excerpts))]
    for where, words in zip(places, excerpts, strict=False):
        if where != "title" and words:
            return _FITS[where] + f"“{words}”"
    return f"fits the field its title names: {ev.quotes[0]}" if ev.quotes else ""


def own_label(cert: Certification, catalog: CertCatalog, code: str | None) -> str:
    """How the reason names a credential that certifies the occupation ``code``.

    Only a licence the occupation needs to practise (level ``professional-licence``, the
    occupation not in its ``optional_for``), with no other of its kind and level certifying
    the occupation, is "the licence of this occupation" (a journeyman's and a master
    electrician's licence are each "a licence"); one held in the occupation without being
    required to practise it (the CPA for financial managers, the PE for engineers) is "a licence
    held in this occupation, though not every job in it requires one"; a credential of one
    specialty is "a specialty certification of this occupation (critical care nursing)", any
    other "a certification of this occupation". A registered nurse holds the RN licence, and
    some nurses CCRN, CEN or CPN: none of these is *the* certification of registered nurses,
    and a catalogue that lists one certification of an occupation does not make it the only
    one there is.
    """
    if cert.specialty:
        return f"a specialty {_kind(cert)} of this occupation ({cert.specialty})"
    if cert.level == "professional-licence" and code in cert.optional_for:
        return f"a {_kind(cert)} held in this occupation, though not every job in it requires one"
    required = cert.level == "professional-licence"
    peers = catalog.by_certified.get(code, ()) if code else ()
    alike = sum(
        other.kind == cert.kind and other.level == cert.level
        for other in (catalog.certifications[pos] for pos in peers)
    )
    article = "the" if required and alike <= 1 else "a"
    return f"{article} {_kind(cert)} of this occupation"


def _kind(cert: Certification) -> str:
    """A credential's kind as the page says it: American spelling ("license"), while the
    catalogue keeps its key ("licence")."""
    return "license" if cert.kind == "licence" else cert.kind


def _tech_label(cert: Certification, tech: str, p: OccupationProfile) -> str:
    """A technology entry as the reason names it: a name as catalogued; a UNSPSC code by the
    occupation's own names for the tools under it (O*NET's "Defibrillators", not the
    commodity title "Mobile medical services automated external defibrillators AED or hard
    paddles"), one name for the class ("hair dryers", not "handheld hair dryers or hooded hair
    dryers"), else by the commodity title; names by their display name ("SQL", not "Structured
    query language SQL"; see :mod:`~ai_impact.reports.tech_names`)."""
    if not tech.isdigit():
        return display_name(tech)
    terms = cert.technology_terms[cert.technologies.index(tech)]
    for term in sorted(terms & p.terms):
        if names := p.labels.get(term):
            return one_example(names, term)
    # the commodity title as O*NET writes it, acronyms kept ("CRM software"), not the
    # case-folded form the terms are matched in
    return next((display_name(p.titles.get(t, t)) for t in sorted(terms) if not t.isdigit()), tech)


def _and(items: Sequence[str]) -> str:
    """Names as a list: "hard hats", "forklifts and pallet jacks"."""
    return fx.and_list(list(dict.fromkeys(items)))  # each name once


def _quoted(items: Sequence[str]) -> str:
    """O*NET names as a list that reads unambiguously when a name holds "and" itself:
    "'Psychology', 'Customer and Personal Service' and 'Medicine and Dentistry'" (unquoted,
    QA15 read three items as five)."""
    return _and([f"'{i}'" for i in items])
