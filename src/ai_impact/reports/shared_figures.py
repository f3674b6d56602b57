"""Figures BLS publishes for a SOC group that holds several O*NET occupations, and how a page
names that group.

OEWS pays and BLS projects some O*NET occupations only as part of their SOC group (Baristas as
Fast Food and Counter Workers, 35-3023; Financial Quantitative Analysts as Financial
Specialists, All Other, 13-2099). A figure of such a group is the occupation's best estimate,
but not its own: every sentence and table that shows one says whose it is. The group's own
line (Financial Managers for 11-3031) is not marked. A table marks such pay
:data:`SHARED_PAY_MARK` and such a projection :data:`SHARED_OUTLOOK_MARK`, each with its note.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ai_impact.reports.model import RelatedEntry

__all__ = [
    "SHARED_OUTLOOK_MARK",
    "SHARED_PAY_MARK",
    "marks_note",
    "pay_group",
    "projection_group",
    "projection_label",
    "projection_note",
    "related_outlook_note",
    "related_pay_note",
    "shared_outlook_note",
    "shared_pay_note",
    "soc_title_case",
]

# The marker after a related occupation's pay that is its SOC group's (every face uses it).
SHARED_PAY_MARK = "†"
# The marker after an outlook figure BLS projects for the SOC group as a whole (comparison and
# related-occupation tables).
SHARED_OUTLOOK_MARK = "‡"


def pay_group(occ: Any, sharing: Mapping[str, int]) -> str | None:
    """'SOC 35-3023 (Fast Food and Counter Workers)': the group whose OEWS pay the occupation
    shows, when that group covers other O*NET occupations too; None for its own estimate.

    ``sharing`` counts the O*NET occupations of each OEWS code (``Engine.sharing``).
    """
    if occ.oews_code is None or sharing.get(f"oews:{occ.oews_code}", 0) <= 1:
        return None
    title = {occ.soc: occ.soc_title, occ.broad_code: occ.broad_title}.get(occ.oews_code)
    if title == occ.title:  # the group's own line
        return None
    return f"SOC {occ.oews_code}" + (f" ({title})" if title else "")


def projection_group(title: str, proj: Any) -> str | None:
    """The name of the SOC group BLS projects the occupation ``title`` under, when that group
    covers other O*NET occupations too ("Fast Food and Counter Workers"); None for a projection
    of its own (or none).

    The name is the SOC 2018 title where the knowledge base has it, else BLS's own title put in
    the SOC's title case ("Teaching assistants, except postsecondary" reads "Teaching
    Assistants, Except Postsecondary"), with a straight apostrophe as O*NET and OEWS write it."""
    if proj is None or proj.occupations <= 1:
        return None
    names = {_plain(proj.title).lower(), _plain(proj.group_title or "").lower()}
    if _plain(title).lower() in names:  # the group's own line
        return None
    # BLS titles its projections in sentence case; the SOC title reads as a name mid-sentence.
    return _plain(proj.group_title) if proj.group_title else soc_title_case(proj.title)


def projection_label(title: str, proj: Any) -> str | None:
    """The SOC group BLS projects the occupation ``title`` under, with its code, in the form
    :func:`pay_group` names a pay group ("SOC 35-3023 (Fast Food and Counter Workers)"), as
    :attr:`Outlook.projection_group <ai_impact.reports.model.Outlook.projection_group>` and
    :attr:`RelatedEntry.projection_group
    <ai_impact.reports.model.RelatedEntry.projection_group>` name it; None for a projection of
    its own (:func:`projection_group`)."""
    group = projection_group(title, proj)
    return None if group is None else f"SOC {proj.nem_code} ({group})"


def projection_note(group: str, *titles: str) -> str:
    """The note on an outlook BLS projects for a whole SOC group: ``group`` as
    :func:`projection_label` names it ("SOC 35-3023 (Fast Food and Counter Workers)"),
    ``titles`` the occupations it stands for (one or more; a table names each with its code,
    "Baristas (35-3023.01)", as its pay note does). The analysis, the comparison and the
    related-occupations table say it in these words.

    One occupation of a group is never the whole of it; several may be (the three buyers and
    purchasing agents of SOC 13-1020), so the note then says only that the group holds several
    O*NET occupations."""
    if len(titles) == 1:
        return (
            f"BLS projects {group} as a whole, which covers other O*NET occupations too; "
            f"{titles[0]} has no projection of its own."
        )
    return (
        f"BLS projects {group} as a whole, a group of several O*NET occupations; "
        f"{_join(list(titles))} have no projection of their own."
    )


def shared_outlook_note(shared: Iterable[tuple[str, str]]) -> str | None:
    """The note under a table whose outlook is marked :data:`SHARED_OUTLOOK_MARK`, from
    ``(group, "Title (code)")`` pairs: one :func:`projection_note` for each group, naming every
    occupation shown with its projection; None when no outlook is marked."""
    by_group: dict[str, list[str]] = {}
    for group, title in shared:
        titles = by_group.setdefault(group, [])
        if title not in titles:
            titles.append(title)
    notes = [projection_note(group, *titles) for group, titles in by_group.items()]
    return f"{SHARED_OUTLOOK_MARK} {' '.join(notes)}" if notes else None


def related_outlook_note(related: Sequence[RelatedEntry]) -> str | None:
    """The note under a related-occupations table on the outlook marked
    :data:`SHARED_OUTLOOK_MARK`: whose projection each marked figure is (None when none is)."""
    return shared_outlook_note(
        (e.projection_group, f"{e.title} ({e.code})") for e in related if e.projection_group
    )


def related_pay_note(related: Sequence[RelatedEntry]) -> str | None:
    """The note under a related-occupations table on the pay marked :data:`SHARED_PAY_MARK`:
    each group and the occupations whose pay is that group's (None when no pay is marked)."""
    return shared_pay_note((e.pay_group, f"{e.title} ({e.code})") for e in related if e.pay_group)


def shared_pay_note(shared: Iterable[tuple[str, str]]) -> str | None:
    """The note under any table whose pay is marked :data:`SHARED_PAY_MARK` (related
    occupations, a comparison), from ``(group, "Title (code)")`` pairs: each group and the
    occupations whose pay is that group's; None when no pay is marked."""
    by_group: dict[str, list[str]] = {}
    for group, who in shared:
        titles = by_group.setdefault(group, [])
        if who not in titles:
            titles.append(who)
    if not by_group:
        return None
    parts = [f"{group} for {_join(titles)}" for group, titles in by_group.items()]
    # One occupation of a group is never the whole of it; several may be (SOC 13-1020 holds
    # just the three buyers and purchasing agents).
    covers = (
        "which covers other O*NET occupations too"
        if all(len(titles) == 1 for titles in by_group.values())
        else "which holds several O*NET occupations"
    )
    return (
        f"{SHARED_PAY_MARK} Pay OEWS publishes for a whole SOC group, {covers}: {'; '.join(parts)}."
    )


def marks_note(rows: Iterable[Any]) -> str | None:
    """The one note under a long occupation table (every occupation, an industry's) whose rows
    carry ``pay_group`` and ``projection_group``: what its marks mean, without listing every
    row (each mark names its group itself, and so does the occupation's page); None when no row
    is marked."""
    pay = outlook = False
    for row in rows:
        pay = pay or row.pay_group is not None
        outlook = outlook or row.projection_group is not None
    marks = [
        text
        for shown, text in (
            (pay, f"{SHARED_PAY_MARK} Pay OEWS publishes for a whole SOC group."),
            (outlook, f"{SHARED_OUTLOOK_MARK} Outlook BLS projects for a whole SOC group."),
        )
        if shown
    ]
    if not marks:
        return None
    return (
        f"{' '.join(marks)} Such a group covers other O*NET occupations too: the figure is the "
        "occupation's best estimate, not its own (the occupation's page names the group)."
    )


def soc_title_case(title: str) -> str:
    """A title BLS writes in sentence case, in the SOC's title case: every word capitalised
    but the short joining ones, and each part of a hyphenated word ("First-line supervisors of
    transportation workers" → "First-Line Supervisors of Transportation Workers"). Capitals
    already there stay (acronyms); the first word is always capitalised."""
    words = _plain(title).split(" ")
    out = []
    for i, word in enumerate(words):
        if i and word.lower() in _LOWER_WORDS:
            out.append(word.lower())
        else:
            out.append("-".join(part[:1].upper() + part[1:] for part in word.split("-")))
    return " ".join(out)


# Words the SOC leaves in lower case inside a title ("Sales Representatives of Services,
# Except Advertising, Insurance, Financial Services, and Travel"); "Except" is capitalised.
_LOWER_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on"}
    | {"or", "per", "the", "to", "with"}
)


def _plain(text: str) -> str:
    """``text`` with the straight apostrophe O*NET and OEWS titles use ("Sheriff's")."""
    return text.replace("\u2019", "'")


def _join(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return ", ".join(items[:-1]) + (" and " if len(items) > 1 else "") + items[-1]
