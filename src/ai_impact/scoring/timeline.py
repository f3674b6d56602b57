"""When AI takes over a task: a documented rule (see docs/methodology.md, "Task timelines").

The rule starts from the kind of exposure and the automation level, then moves the task
earlier when there is evidence that AI already does it today (its share of Anthropic Economic
Index conversations) and when the industry adopts AI fast (Census BTOS share of firms using
AI), or later when the industry is slow. Every step taken is written into the reason.
A last step, :func:`with_released_tool`, is taken by the reports layer once it has matched the
AI tool catalogue to the tasks: a released product made for an exposed task brings it to
1–2 years at the latest.
"""

from __future__ import annotations

from dataclasses import dataclass

from ai_impact.scoring.exposed import is_exposed_p

__all__ = [
    "ADOPTION_FAST_PCT",
    "ADOPTION_SLOW_PCT",
    "AEI_STRONG_PCT",
    "BUCKETS",
    "Timeline",
    "released_tool_reason",
    "timeline_for",
    "with_released_tool",
]

ALREADY = "already happening"
SOON = "1–2 years"
MID = "3–5 years"
LATE = "5+ years"
BUCKETS: tuple[str, ...] = (ALREADY, SOON, MID, LATE)

AUTONOMOUS_LEVEL = 3.0  # expected automation ≥ T3: the task can run mostly without a person
FULL_LEVEL = 4.0  # T4, full automation: shown as 4.0/4 (the level rounded to one decimal)
AEI_STRONG_PCT = 0.05  # ≥ this share of AEI conversations (11% of the tasks with observed use)
ADOPTION_FAST_PCT = 25.0  # share of firms using AI (BTOS, latest periods Apr–Sep 2025: 2.0–29.3 %)
ADOPTION_SLOW_PCT = 10.0


@dataclass(frozen=True)
class Timeline:
    """A timeline bucket and the evidence that placed the task there."""

    bucket: str
    reason: str


def _base(p_e1: float, p_e2: float, label: str | None) -> tuple[int, str]:
    p_none = max(0.0, 1.0 - p_e1 - p_e2)
    if label is not None:  # a published human label: say so rather than quote a probability
        if not is_exposed_p(p_none):
            return 3, "human raters: not exposed"
        if p_e1 >= p_e2:
            return 1, "human raters: an LLM alone does it"
        return 2, "human raters: needs software built on LLMs"
    if not is_exposed_p(p_none):
        return 3, f"likelier unexposed than not (the model: {p_none:.0%} unexposed)"
    if p_e1 >= p_e2:
        return 1, f"an LLM alone does it (the model: {p_e1:.0%} likely)"
    return 2, f"needs software built on LLMs (the model: {p_e2:.0%} likely)"


def timeline_for(
    p_e1: float,
    p_e2: float,
    automation: float,
    *,
    aei_share: float | None = None,
    adoption_pct: float | None = None,
    label: str | None = None,
) -> Timeline:
    """Timeline bucket of one task from exposure, automation and usage/adoption evidence
    (``label``: the task's published human label, E0/E1/E2, when the exposure is that label)."""
    step, why = _base(p_e1, p_e2, label)
    reasons = [why]
    exposed = step < 3
    if exposed and automation >= AUTONOMOUS_LEVEL:
        step -= 1
        how = (
            "full automation, no human input needed"
            if round(automation, 1) >= FULL_LEVEL
            else "little human input needed"
        )
        rater = "GPT-4's" if label is not None else "the model's"  # labels: GPT-4's T0–T4
        reasons.append(f"{rater} automation rating {automation:.1f}/4 ({how})")
    if aei_share is not None and aei_share > 0:
        if aei_share >= AEI_STRONG_PCT:
            step = 0
            reasons.append(
                f"among the tasks most seen in AI use ({aei_share:.3f}% of Anthropic Economic "
                f"Index conversations, at least {AEI_STRONG_PCT}%)"
            )
        else:
            step -= 1
            reasons.append(
                f"seen in AI use ({aei_share:.3f}% of Anthropic Economic Index conversations)"
            )
    if adoption_pct is not None:
        if adoption_pct >= ADOPTION_FAST_PCT and step > 1:
            step -= 1
            reasons.append(f"fast-adopting sectors ({adoption_pct:.0f}% of firms use AI)")
        elif adoption_pct < ADOPTION_SLOW_PCT and 0 < step < 3:
            step += 1
            reasons.append(f"slow-adopting sectors ({adoption_pct:.0f}% of firms use AI)")
    # Only observed use can make a task "already happening"; forecasts stop at 1–2 years.
    floor = 0 if aei_share is not None and aei_share > 0 else 1
    step = min(max(step, floor), 3)
    return Timeline(BUCKETS[step], "; ".join(reasons))


def released_tool_reason(tool: str) -> str:
    """The evidence clause naming a released product made for the task's work."""
    return f"a released tool made for this work: {tool}"


def with_released_tool(timeline: Timeline, tool: str, *, exposed: bool) -> Timeline:
    """The timeline of a task that a released product, ``tool``, is made for: 1–2 years at the
    latest (the product is on the market today, so the software an E2 task waits for exists).

    A task that stays human (not ``exposed``) does not move, nor does one already at 1–2 years
    or earlier: "already happening" still takes observed use. The reports layer decides what
    counts as a product made for the task (:mod:`ai_impact.reports.tool_timeline`).
    """
    if not exposed or BUCKETS.index(timeline.bucket) <= BUCKETS.index(SOON):
        return timeline
    return Timeline(SOON, f"{timeline.reason}; {released_tool_reason(tool)}")
