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
    of its own (or none)."""
    if proj is None or proj.occupations <= 1:
        return None
    names = {proj.title.lower(), (proj.group_title or "").lower()}
    if title.lower() in names:  # the group's own line
        return None
    # BLS titles its projections in sentence case; the SOC title reads as a name mid-sentence.
    return str(proj.group_title or proj.title)


def projection_label(title: str, proj: Any) -> str | None:
    """The SOC group BLS projects the occupation ``title`` under, with its code ("Fast Food and
    Counter Workers (35-3023)"), as :attr:`Outlook.projection_group
    <ai_impact.reports.model.Outlook.projection_group>` and :attr:`RelatedEntry.projection_group
    <ai_impact.reports.model.RelatedEntry.projection_group>` name it; None for a projection of
    its own (:func:`projection_group`)."""
    group = projection_group(title, proj)
    return None if group is None else f"{group} ({proj.nem_code})"


def projection_note(group: str, *titles: str) -> str:
    """The note on an outlook BLS projects for a whole SOC group: ``group`` as
    :func:`projection_label` names it ("Fast Food and Counter Workers (35-3023)"), ``titles``
    the occupations it stands for (one or more). The analysis, the comparison and the
    related-occupations table say it in these words."""
    own = "has no projection of its own" if len(titles) == 1 else "have no projection of their own"
    return (
        f"BLS projects {group} as a whole, which covers other O*NET occupations too; "
        f"{_join(list(titles))} {own}."
    )


def shared_outlook_note(shared: Iterable[tuple[str, str]]) -> str | None:
    """The note under a table whose outlook is marked :data:`SHARED_OUTLOOK_MARK`, from
    ``(group, title)`` pairs: one :func:`projection_note` for each group, naming every
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
    return shared_outlook_note((e.projection_group, e.title) for e in related if e.projection_group)


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
        by_group.setdefault(group, []).append(who)
    if not by_group:
        return None
    parts = [f"{group} for {_join(titles)}" for group, titles in by_group.items()]
    return (
        f"{SHARED_PAY_MARK} Pay OEWS publishes for a whole SOC group, which covers other O*NET "
        f"occupations too: {'; '.join(parts)}."
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


def _join(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return ", ".join(items[:-1]) + (" and " if len(items) > 1 else "") + items[-1]
