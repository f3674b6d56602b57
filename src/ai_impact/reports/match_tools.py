"""Match catalogued AI tools to one occupation's tasks, work activities and software.

The score of a tool is the share of the occupation's work it touches, weighted by exposure:

    relevance(task) = 1.0  if a task DWA is one of the tool's DWAs
                      0.5  if a task IWA is one of the tool's open IWAs (an IWA with none of
                           the tool's DWAs under it); 0.8 if the task text matches one of the
                           tool's patterns; 1.0 when an open IWA and a pattern both hit
    weight(task)    = 0.25 + 0.75 * beta          (beta = the task's exposure, 0..1)
                      1.0 for tools outside the exposure figures: physical (robots, vehicles,
                      drones) and machine perception (vision, listening)
    coverage        = sum(weight * relevance) / sum(weight)
    score           = coverage + 0.04 per software title the occupation already uses (max 0.12)

Language-model exposure says nothing about what a robot or a self-driving truck can take over,
nor what a model reading X-rays or inspecting parts on camera can (the labels rate reading text,
not seeing), so these tools weigh every task equally and may fit tasks the page lists as
remaining human. Other software is what the exposure figures measure: a task they leave human
(β at most ``EXPOSED_BETA``) is no task of a language tool, so it counts for tools outside the
figures only (it stays in the denominator at the floor weight), and a language tool's line
counts exposed tasks only.

A tool needs at least one matched task and a score of ``MIN_SCORE``; software overlap alone
never qualifies it, and neither does one weak piece of evidence (:func:`_enough_tasks`): a lone
task, or several tasks reached only through the same broad activity of the tool, or tasks
reached by one recurring word alone outside the tool's line of work, or a single-purpose
product (a robot, a delivery drone, a CT triage algorithm, a bank's chatbot) reached through
broad activities alone in an occupation whose statements never name its job, or, in text
without activity links (a pasted description), one of the tool's patterns on one line unless
the occupation already uses the tool's software. Ties break on the tool id, so the result is
deterministic. Functions over plain data: the knowledge base is not touched; lookup tables
derived from a catalogue are built once per catalogue (:mod:`~ai_impact.reports.tool_index`)
and give the same answers as testing every tool.

Each match also names the statements the product is made for (``made_for``: reached through one
of its detailed work activities and its wording both), which bring those tasks' timelines to
1–2 years at the latest (:mod:`~ai_impact.reports.tool_timeline`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ai_impact.reports.tool_index import GENERAL_PURPOSE, ToolIndex, tool_index
from ai_impact.reports.tool_inputs import ActivityLike
from ai_impact.reports.tool_reason import Fit, reason_line
from ai_impact.sources.catalog_tools import AiTool, ToolCatalog

__all__ = [
    "EXPOSED_BETA",
    "GENERAL_PURPOSE",
    "MIN_COVERAGE",
    "MIN_SCORE",
    "ToolMatch",
    "exposure_weight",
    "match_tools",
    "task_betas",
]

DWA_HIT = 1.0
IWA_HIT = 0.5
PATTERN_HIT = 0.8
EXPOSURE_FLOOR = 0.25
SOFTWARE_BONUS = 0.04
SOFTWARE_BONUS_MAX = 0.12
MIN_SCORE = 0.05
MIN_COVERAGE = 0.05
MAX_MATCHED_TASKS = 5
# A task with β above this is exposed: with a published label β is 0 (E0), 0.5 or 1, and a
# model score with P(E0) < 0.5, the page's rule, has β above 0.25 (β ≥ ½·(1 − P(E0))). Between
# 0.25 and 0.5 the two disagree on a few model-scored tasks (about 15 in 3,000): the matcher
# gets β only.
EXPOSED_BETA = 0.25


@dataclass(frozen=True, slots=True)
class ToolMatch:
    """A tool that fits the occupation, its score, the tasks it touches and why."""

    tool: AiTool
    score: float
    coverage: float
    matched_tasks: tuple[str, ...]
    software: tuple[str, ...]
    reason: str
    fit: Fit | None = field(default=None, repr=False, compare=False)
    # Statements the product is made for: reached through one of the tool's detailed work
    # activities (DWAs) and its wording both; none for general-purpose assistants.
    made_for: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _TaskFacts:
    text: str
    lowered: str
    weight: float
    exposed: bool
    iwas: frozenset[str]
    dwas: frozenset[str]


def task_betas(tasks: Sequence[tuple[str, float]]) -> dict[str, float]:
    """β of each distinct statement, clipped to 0–1; a statement listed twice (core and
    supplemental lists) keeps the higher."""
    beta: dict[str, float] = {}
    for text, b in tasks:
        beta[text] = max(beta.get(text, 0.0), min(max(float(b), 0.0), 1.0))
    return beta


def exposure_weight(beta: float) -> float:
    """How much a task counts in a language tool's coverage: ``EXPOSURE_FLOOR`` at β 0."""
    return EXPOSURE_FLOOR + (1 - EXPOSURE_FLOOR) * beta


def _task_facts(
    tasks: Sequence[tuple[str, float]], activities: Sequence[ActivityLike]
) -> list[_TaskFacts]:
    beta = task_betas(tasks)
    iwas: dict[str, set[str]] = {t: set() for t in beta}
    dwas: dict[str, set[str]] = {t: set() for t in beta}
    for a in activities:
        if a.task in beta:
            iwas[a.task].add(a.iwa_id)
            dwas[a.task].add(a.dwa_id)
    return [
        _TaskFacts(
            text,
            text.lower(),
            exposure_weight(b),
            b > EXPOSED_BETA,
            frozenset(iwas[text]),
            frozenset(dwas[text]),
        )
        for text, b in beta.items()
    ]


_Hit = tuple[_TaskFacts, float, bool, bool]  # task, relevance, by activity, by wording


def _hits(index: ToolIndex, facts: Sequence[_TaskFacts]) -> dict[int, list[_Hit]]:
    """For every tool touching some task: its hits, in task order.

    A task the exposure figures leave human is a hit of tools outside them only.
    """
    out: dict[int, list[_Hit]] = {}
    empty: frozenset[int] = frozenset()
    for task in facts:
        by_dwa = empty.union(*(index.by_dwa.get(d, empty) for d in task.dwas))
        by_iwa = empty.union(*(index.by_iwa.get(i, empty) for i in task.iwas))
        by_words = index.worded(task.lowered)
        reached = by_dwa | by_iwa | by_words
        if not task.exposed:
            reached &= index.outside_exposure
        for pos in reached:
            words = pos in by_words
            if pos in by_dwa:
                hit = (task, DWA_HIT, True, words)
            elif pos in by_iwa:
                hit = (task, 1.0 if words else IWA_HIT, True, words)
            else:
                hit = (task, PATTERN_HIT, False, True)
            out.setdefault(pos, []).append(hit)
    return out


def _distinct_patterns(index: ToolIndex, pos: int, hits: Sequence[_Hit]) -> int:
    """How many different task patterns of the tool the hit statements contain, together."""
    found: set[str] = set()
    for task, _, _, by_words in hits:
        if by_words:
            found |= index.patterns_in(task.lowered, pos)
    return len(found)


def _enough_tasks(
    index: ToolIndex,
    pos: int,
    hits: Sequence[_Hit],
    open_iwas_hit: int,
    *,
    linked: bool,
    software_agrees: bool,
    in_domain: bool,
    worded: bool,
    single_purpose: bool,
) -> bool:
    """Enough evidence that the product is made for this work, not a word or link in passing.

    One statement linked to a broad activity (a cipher clerk's "resolve garbled messages" is
    linked to translating) or one incidental phrase ("sketches" of wiring) is not the work a
    product is made for, so a single task needs both an activity link and the wording. Several
    tasks linked to one and the same broad activity of the tool, with neither one of its
    detailed activities nor its wording on any of them, are not either: a teacher's tasks
    linked to "Monitor individual behavior or performance" do not call for a strength-training
    machine. Text without activity links (a pasted job description) has only its wording to go
    on, and one word of one line is a coincidence as often as not (a pharmacist who "answers
    questions from nurses" is no help desk, "carry out return-to-work interviews" calls for no
    humanoid robot), so there the wording must recur: two statements, or two of the tool's
    patterns in one; or the matched occupation's own evidence must agree: it already uses
    software the tool works with (``software_agrees``; office software that general-purpose
    assistants work with, such as Word or Excel, is used almost everywhere and does not count).

    With activity links, a tool that reaches none of the tasks through its own activities rests
    on its wording alone, and one word recurring in several statements is usually the
    occupation's own vocabulary in another sense: a greenkeeper's "compost" and "soil
    composition" (``\\bcompos``, a song generator), a phlebotomist's specimen "collection" (a
    finance copilot's debt collections), a sonographer's x-ray "film" (a video generator). So
    there the wording needs two different patterns of the tool, or the occupation must be in
    the tool's line of work (``in_domain``: some task of it is linked to one of the tool's
    IWAs, narrowed ones included), or use its software.

    The converse holds for single-purpose products (``single_purpose``: tools outside the
    exposure figures and the kinds of work in
    :data:`~ai_impact.reports.tool_index.SINGLE_PURPOSE`): O*NET's activities are broader
    than a delivery drone or a truck-unloading robot ('Deliver items' covers a stocker carrying
    bags to cars, 'Load products, materials, or equipment' a deckhand loading
    vessels), so the occupation must name the product's job somewhere in its statements
    (``worded``: a pattern of the tool in any task, remaining human or not) or use its
    software.
    """
    if not linked:
        if software_agrees or len(hits) >= 2:
            return True
        return any(len(index.patterns_in(task.lowered, pos)) >= 2 for task, _, _, _ in hits)
    if not any(by_activity for _, _, by_activity, _ in hits) and not (
        software_agrees or in_domain or _distinct_patterns(index, pos, hits) >= 2
    ):
        return False
    if single_purpose and not (worded or software_agrees):
        return False
    if len(hits) == 1:
        return any(by_activity and by_words for _, _, by_activity, by_words in hits)
    confirmed = any(rel > IWA_HIT for _, rel, _, _ in hits)
    return confirmed or open_iwas_hit >= 2


def _score_tool(
    index: ToolIndex,
    pos: int,
    hits: Sequence[_Hit],
    n_tasks: int,
    total_weight: float,
    titles: dict[str, str],
    tech: frozenset[str],
    worded: frozenset[int],
) -> ToolMatch | None:
    tool = index.tools[pos]
    gained = 0.0
    ranked: list[tuple[float, str]] = []
    activity_titles: Counter[str] = Counter()
    open_iwas_hit: set[str] = set()
    for task, rel, by_activity, _ in hits:
        weight = 1.0 if tool.outside_exposure else task.weight
        gained += weight * rel
        ranked.append((weight * rel, task.text))
        if by_activity:
            open_hit = task.iwas.intersection(index.open_iwas[pos])
            open_iwas_hit |= open_hit
            dwa_parents = {d.rsplit(".", 1)[0] for d in task.dwas.intersection(index.dwas[pos])}
            for iwa in sorted(open_hit | dwa_parents):
                activity_titles[titles.get(iwa, iwa)] += 1
    coverage = gained / (float(n_tasks) if tool.outside_exposure else total_weight)
    specialised = tool.category not in GENERAL_PURPOSE
    software = tuple(s for s in tool.software if s in tech)
    if coverage < MIN_COVERAGE or (
        specialised
        and not _enough_tasks(
            index,
            pos,
            hits,
            len(open_iwas_hit),
            linked=bool(titles),
            software_agrees=not index.evidence_software[pos].isdisjoint(tech),
            in_domain=not index.domains[pos].isdisjoint(titles),
            worded=pos in worded,
            single_purpose=pos in index.single_purpose,
        )
    ):
        return None
    score = round(coverage + min(SOFTWARE_BONUS * len(software), SOFTWARE_BONUS_MAX), 4)
    if score < MIN_SCORE:
        return None
    ranked.sort(key=lambda h: (-h[0], h[1]))
    made_for = tuple(
        task.text
        for task, _, _, by_words in hits
        if specialised and by_words and not task.dwas.isdisjoint(index.dwas[pos])
    )
    top = sorted(activity_titles.items(), key=lambda kv: (-kv[1], kv[0]))[:2]
    fit = Fit(ranked[0][1], len(ranked), n_tasks, tuple(t for t, _ in top), software)
    return ToolMatch(
        tool=tool,
        score=score,
        coverage=round(coverage, 4),
        matched_tasks=tuple(text for _, text in ranked[:MAX_MATCHED_TASKS]),
        software=software,
        reason=reason_line(tool, fit),
        fit=fit,
        made_for=made_for,
    )


def match_tools(
    catalog: ToolCatalog,
    tasks: Sequence[tuple[str, float]],
    activities: Sequence[ActivityLike] = (),
    technologies: Sequence[str] = (),
    top: int = 8,
    *,
    max_per_category: int | None = 3,
) -> list[ToolMatch]:
    """The best ``top`` tools for an occupation's (task text, beta) pairs, best first."""
    facts = _task_facts(tasks, activities)
    if not facts or top <= 0:
        return []
    index = tool_index(catalog)
    titles = {a.iwa_id: a.iwa_title for a in activities}
    tech = frozenset(technologies)
    total_weight = sum(f.weight for f in facts)
    worded = frozenset[int]().union(*(index.worded(f.lowered) for f in facts))
    # A product made for another kind of the same work (a general-aviation autoland for
    # airline crews) is left out where a task names that other kind (its ``not_for``).
    ruled_out = frozenset[int]().union(*(index.ruled_out(f.lowered) for f in facts))
    scored = [
        m
        for pos, hits in _hits(index, facts).items()
        if pos not in ruled_out
        and (m := _score_tool(index, pos, hits, len(facts), total_weight, titles, tech, worded))
        is not None
    ]
    scored.sort(key=lambda m: (-m.score, m.tool.id))
    chosen: list[ToolMatch] = []
    per_category: Counter[str] = Counter()
    for m in scored:
        if max_per_category is not None and per_category[m.tool.category] >= max_per_category:
            continue
        per_category[m.tool.category] += 1
        if (
            m.fit is not None
            and not m.tool.outside_exposure
            and any(not c.tool.outside_exposure for c in chosen)
        ):  # "(all exposed to AI)" once, on the first language tool
            m = replace(m, reason=reason_line(m.tool, m.fit, say_exposed=False))
        chosen.append(m)
        if len(chosen) == top:
            break
    return chosen
