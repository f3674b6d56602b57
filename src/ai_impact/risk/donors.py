"""Which occupations stand in for one that O*NET publishes no task statements for.

An occupation without tasks rests on donors: the detailed O*NET occupations under its own SOC
code when there are any (what an "All Other" counts), else up to three related occupations of
its SOC group. One with no donor either is read from its description, sentence by sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ai_impact.risk.duties import COVERED_SHARE, as_imperative, covered_by

__all__ = [
    "MAX_DONORS",
    "choose_donors",
    "defines_only",
    "description_sentences",
    "detailed_members",
    "stand_in_tasks",
    "work_sentences",
]

MAX_DONORS = 3
# O*NET's description of a residual occupation that says only what it is, no work: "All
# military officer special and tactical operations leaders not listed separately."
_DEFINITION = re.compile(r"^all\b[^.;]*\bnot (?:listed|classified) separately\b\W*$", re.I)
_SENTENCE = re.compile(r"(?<=[.;])\s+")
_LEAD_IN = re.compile(r"^(?:(?:duties|tasks) (?:may )?includes?:?\s+|(?:and|or)\s+)", re.IGNORECASE)
# Sentences of a description that say who is counted or trained, not what is done: O*NET's
# "Includes …" / "Excludes …" scope notes, its supervisors' boilerplate "Supervisors may also
# perform the same activities as the workers they supervise." and "In addition to their combat
# training, …". They stand in for no task.
_NOT_WORK = re.compile(
    r"^(?:includes|excludes)\b|^supervisors may also perform the same activities\b|"
    r"^in addition to (?:their|its|his|her) \w+ training\b",
    re.IGNORECASE,
)


def choose_donors(
    code: str,
    related: Sequence[str],
    with_tasks: dict[str, str],
    minor_of: dict[str, str],
) -> tuple[str, ...]:
    """The occupations whose tasks stand in for one that has none.

    When O*NET details the occupation's own SOC code into occupations with tasks (15-1299.00
    "Computer Occupations, All Other" into 15-1299.01 … .09), all of them, in code order: they
    are what the residual counts. Otherwise up to three, preferring O*NET's related occupations
    in the same SOC minor group, then in the same major group, then any occupation with tasks in
    the same broad, minor or major group (code order). Sibling SOC codes are a fallback only:
    the "All Other" of a group excludes them by definition. ``with_tasks`` maps each code that
    has tasks to its SOC code.
    """
    if members := detailed_members(code, with_tasks):
        return members
    minor = minor_of[code]
    major = code[:2]
    picks: list[str] = [r for r in related if r in with_tasks and minor_of.get(r) == minor]
    picks += [r for r in related if r in with_tasks and r[:2] == major and r not in picks]
    broad = code[:6]  # "21-209" of 21-2099.00: the broad group 21-2090
    levels = (
        lambda other: other.startswith(broad),
        lambda other: minor_of.get(other) == minor,  # minor codes read "21-2000"
        lambda other: other[:2] == major,
    )
    for same_group in levels:
        for other in sorted(with_tasks):
            if len(picks) >= MAX_DONORS:
                break
            if other not in picks and other != code and same_group(other):
                picks.append(other)
    return tuple(picks[:MAX_DONORS])


def detailed_members(code: str, with_tasks: dict[str, str]) -> tuple[str, ...]:
    """The other O*NET occupations with tasks under the same SOC code as ``code`` (the
    detailed occupations of an "All Other": 31-9099.01 and .02 of 31-9099.00), in code order."""
    soc = code[:7]
    return tuple(sorted(c for c, s in with_tasks.items() if s == soc and c != code))


def description_sentences(description: str) -> list[str]:
    """An occupation description cut into sentences: stand-in tasks when nothing else exists.

    A list of duties ("Duties include managing …; formulating …; and directing …") becomes
    one statement per duty ("Managing …", "Formulating …", "Directing …")."""
    parts = [_as_task(p) for p in _SENTENCE.split(description) if len(p.strip()) > 3]
    parts = [p for p in parts if len(p) > 3]
    return parts or [description.strip() or "Perform the duties of the occupation."]


def work_sentences(description: str) -> list[str]:
    """The sentences of a description that stand in for tasks: :func:`description_sentences`
    without those about who is counted or trained ("Includes …", "Supervisors may also
    perform the same activities as the workers they supervise."), unless nothing else is
    left. Duties listed as gerunds read as tasks do ("Operating and maintaining weapons …" →
    "Operate and maintain weapons …"), and the opening summary is left out when two or more
    duties name at least :data:`~ai_impact.risk.duties.COVERED_SHARE` of its words: it said
    the same work again ("Operate weapons and equipment in ground combat operations.")."""
    parts = description_sentences(description)
    parts = [p for p in parts if not _NOT_WORK.match(p)] or parts
    read = [as_imperative(p) for p in parts]
    duties = [r for p, r in zip(parts, read, strict=True) if r != p]
    if len(duties) >= 2 and read[0] not in duties and covered_by(read[0], duties) >= COVERED_SHARE:
        read = read[1:]
    return read


def defines_only(description: str) -> bool:
    """Whether an occupation's description only defines it ("All … not listed separately."),
    with no sentence about its work to stand in for a task."""
    return bool(_DEFINITION.match(description.strip()))


def stand_in_tasks(occ: Any, occupations: Sequence[Any]) -> list[tuple[str, str]]:
    """(code, sentence) standing in for the tasks of ``occ``, which has neither task statements
    nor donors: its description's sentences, or, when the description only defines it (the
    military "All Other" groups), the descriptions of the other occupations of its SOC minor
    group, each sentence under the code of the occupation it describes. A definition is no
    task: scored as one, "All military officer … not listed separately." was listed as the
    work that stays with people (QA15)."""
    if not defines_only(occ.description):
        return [(occ.code, s) for s in work_sentences(occ.description)]
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for o in occupations:
        if (
            o.code != occ.code
            and o.minor_code == occ.minor_code
            and not defines_only(o.description)
        ):
            for text in work_sentences(o.description):
                if (key := " ".join(text.casefold().split())) not in seen:
                    seen.add(key)
                    out.append((o.code, text))
    return out or [(occ.code, s) for s in description_sentences(occ.description)]


def _as_task(part: str) -> str:
    """One piece of a description as a statement: list lead-ins and joining words off, a
    capital and one full stop ("and directing operation of …;" → "Directing operation of …")."""
    text = _LEAD_IN.sub("", part.strip()).strip().rstrip(";,. ")
    return text[:1].upper() + text[1:] + "." if text else ""
