"""What a report rests on: the occupations whose tasks it lists, and whose ratings it uses.

A page usually rests on its own occupation. A blend rests on its candidates; an occupation O*NET
publishes no task statements for rests on its donors (or on its description, read sentence by
sentence); one rated on the basic skills alone, or not at all, borrows the ratings of the
closest occupation rated in full. Each borrowing comes with the note the header shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from ai_impact.reports.engine import Engine
from ai_impact.reports.tasks import DescribedTask
from ai_impact.risk.build import defines_only, stand_in_tasks
from ai_impact.risk.table import OccupationRisk

__all__ = ["RatedProfile", "page_basis", "rated_profile", "tasks_of"]


def tasks_of(
    engine: Engine, codes: Sequence[str], adoption: float | None, described: Any = None
) -> tuple[list[Any], list[Any], list[Any]]:
    """Tasks, their scores and activities for one or more occupations (donors or candidates)."""
    from ai_impact.scoring import score_known_tasks, score_texts

    if described is not None:
        read = stand_in_tasks(described, engine.kb.occupations())
        pseudo = [DescribedTask(-(i + 1), c, t) for i, (c, t) in enumerate(read)]
        texts = [t for _, t in read]
        return pseudo, score_texts(texts, adoption_pct=adoption), []

    tasks: list[Any] = []
    acts: list[Any] = []
    seen: set[str] = set()
    for c in codes:
        # Sibling occupations (donors of an "All Other", a blend's candidates) often share a
        # statement word for word: the page lists it once, from the first occupation.
        for t in engine.kb.tasks_of(c):
            key = " ".join(t.text.casefold().split())
            if key not in seen:
                seen.add(key)
                tasks.append(t)
        acts += engine.kb.activities_of(c)
    kept = {t.task_id for t in tasks}
    acts = [a for a in acts if a.task_id in kept]
    scores = score_known_tasks(tasks, acts, adoption_pct=adoption) if tasks else []
    return tasks, scores, acts


def page_basis(
    engine: Engine, occ: Any, row: OccupationRisk, blend: Sequence[tuple[str, float]]
) -> tuple[tuple[str, ...], str | None, list[str]]:
    """Which occupations the page rests on, the note that says so, and whose tasks it lists."""
    t = engine.table
    if len(blend) > 1:
        listed = [f"{t.row(c).title} ({c})" for c, _ in blend]
        names = ", ".join(listed[:-1]) + " and " + listed[-1]
        note = (
            f"This title maps to several O*NET occupations: the analysis blends {names}, "
            "weighted by how well each fits the title; pay and outlook are those of "
            f"{occ.title}."
        )
        return tuple(c for c, _ in blend), note, [c for c, _ in blend]
    if row.basis == "description" and defines_only(occ.description):
        group = [c for c, _ in stand_in_tasks(occ, engine.kb.occupations())]
        listed = [f"{t.row(c).title} ({c})" for c in dict.fromkeys(group)]
        names = ", ".join(listed[:-1]) + " and " + listed[-1] if len(listed) > 1 else listed[0]
        definition = occ.description.strip().rstrip(".")
        note = (
            f"O*NET publishes no task statements for {occ.title}, nor for any related occupation "
            f"in its SOC group, and describes it only as “{definition}”; its "
            "exposure rests on the task model's reading of the descriptions of the other "
            f"occupations in its group, {names}, sentence by sentence, listed below as its tasks."
        )
        return (occ.code,), note, [occ.code]
    if row.basis == "description":
        note = (
            f"O*NET publishes no task statements for {occ.title}, nor for any related occupation "
            "in its SOC group; its exposure rests on the task model's reading of the occupation's "
            "description, sentence by sentence, listed below as its tasks."
        )
        return (occ.code,), note, [occ.code]
    if row.donors:
        names = ", ".join(f"{t.row(c).title} ({c})" for c in row.donors)
        if all(c[:7] == occ.code[:7] for c in row.donors):
            where = f"all the detailed O*NET occupations in its SOC code {occ.code[:7]}, equally"
        else:
            where = "the nearest related occupations in the same SOC group"
        note = (
            f"O*NET publishes no task statements for {occ.title}; its tasks and exposure rest on "
            f"{where}: {names}."
        )
        return row.donors, note, list(row.donors)
    return (occ.code,), None, [occ.code]


class RatedProfile(NamedTuple):
    """The skill and knowledge ratings a page uses, and whose they are."""

    skills: list[Any]
    knowledge: list[Any]
    rated_from: str | None  # the lending occupation, as the page names it; None: its own
    note: str | None  # the header note when borrowed from the most similar fully rated one
    code: str | None  # the code whose ratings these are (None: no ratings at all)


def rated_profile(engine: Engine, occ: Any, row: OccupationRisk) -> RatedProfile:
    """Skill and knowledge ratings, where they come from, and the note when they are borrowed.

    An occupation O*NET rates only on the ten basic skills (no knowledge) borrows the full
    ratings of its most similar fully rated occupation: ten skills alone would make its
    adaptation strategy and certifications rest on reading and speaking. One with no ratings
    at all takes those of the closest rated occupation (task donors, O*NET related, nearest).
    """
    kb, code = engine.kb, occ.code
    skills, knowledge = kb.skills(code), kb.knowledge(code)
    if knowledge:
        return RatedProfile(skills, knowledge, None, None, code)
    if skills:
        sim = engine.neighbours.similarity_of(code)
        for c in sorted(sim, key=lambda c: -sim[c]):
            if c != code and (donor_knowledge := kb.knowledge(c)):
                title = engine.table.row(c).title
                note = (
                    f"O*NET rates only the ten basic skills of {occ.title}, with no knowledge "
                    f"areas; the skills and knowledge to build and the certifications below use "
                    f"the ratings of {title} ({c}), the most similar occupation rated in full."
                )
                where = f"{title} (the most similar occupation rated in full)"
                return RatedProfile(kb.skills(c), donor_knowledge, where, note, c)
        return RatedProfile(skills, knowledge, None, None, code)
    candidates = [*row.donors, *(r.code for r in kb.related(code))]
    candidates += [c for c, _ in engine.neighbours.nearest(code)]
    for c in candidates:
        s, k = kb.skills(c), kb.knowledge(c)
        if s or k:
            return RatedProfile(s, k, f"{engine.table.row(c).title} (the closest rated)", None, c)
    return RatedProfile([], [], None, None, None)
