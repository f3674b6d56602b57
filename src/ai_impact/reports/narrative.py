"""Sentences written from the figures: the words change with the numbers, page by page.

Every level word comes from a threshold table (risk categories from :mod:`ai_impact.risk.formula`,
exposure levels and the flat band from :mod:`ai_impact.reports.figures`), every number is
formatted by :mod:`ai_impact.reports.figures`, and :mod:`ai_impact.reports.consistency` checks
the result against the report's figures. Nothing here is a stock paragraph: a sentence whose
figure is missing is left out, and the gap is stated where the section is built.
"""

from __future__ import annotations

from ai_impact.reports import figures as fx
from ai_impact.reports.model import (
    ExposureBreakdown,
    RiskComponent,
    RiskSummary,
    SafeTask,
    TaskAtRisk,
)
from ai_impact.reports.risk_sections import component_phrase
from ai_impact.risk.formula import COMPONENTS

__all__ = [
    "adoption_sentence",
    "adoption_when",
    "demand_sentence",
    "drivers_sentence",
    "exposure_sentence",
    "outlook_sentence",
    "risk_sentence",
    "substitution_sentence",
    "tasks_sentence",
    "usage_sentence",
    "versus_average",
]

_PUSHES_FROM = {c.key: c.pushes_from for c in COMPONENTS}
SOME_EXPOSURE = 0.05  # "work exposed" from which unexposed tasks are not called unexposed work
MIDDLE = 0.5  # the middle of a component's 0–1 range, against which sentences weigh it
# A component holds the score down when it adds at least this many points fewer than it would
# at the middle of its range (ranked by those points, so the table's largest shortfall comes
# first: a small component far under its middle adds few points fewer than a heavy one).
HOLDS_POINTS = 0.1

_CATEGORY_MEANING = {
    "very low": "AI reaches little of this work today",
    "low": "AI touches parts of the work but leaves most of it with people",
    "moderate": "AI changes a substantial part of the work without taking over the role",
    "high": "AI can take over a large part of the work, and the pressure is building",
    "very high": "AI can do much of this work and the conditions for replacing it are present",
}


def risk_sentence(title: str, risk: RiskSummary) -> str:
    """Headline: the score, its category and its range, with what the category means."""
    meaning = _CATEGORY_MEANING[risk.category]
    return (
        f"AI disruption risk for {title}: {fx.score(risk.score)} out of 10, {risk.category} risk "
        f"(range {fx.score(risk.low)} to {fx.score(risk.high)} from label uncertainty) — "
        f"{meaning}."
    )


def drivers_sentence(components: tuple[RiskComponent, ...]) -> str:
    """Which components raise the score most, and which hold it down, against the middle.

    Every component adds points (the "Adds to score" column: the scale starts at 1), so a
    sentence naming what raises or lowers the score compares each with the points it would
    add at the middle of its 0–1 range, ``9 × weight × (value − 0.5)``, and says so. A
    component raises the score only above the middle and at a level that pushes it up (its
    formula's ``pushes_from``: projected growth is never "demand pressure"); one well under
    the middle (:data:`HOLDS_POINTS` or more below) holds it down; a component standing in for a
    missing figure does neither. Both are ranked by those points.
    """
    drivers = sorted(
        (
            c
            for c in components
            if c.value > max(MIDDLE, _PUSHES_FROM.get(c.key, 0.25)) and not _imputed(c)
        ),
        key=_against_middle,
        reverse=True,
    )[:2]
    holders = sorted(
        (
            c
            for c in components
            if c not in drivers and _against_middle(c) <= -HOLDS_POINTS and not _imputed(c)
        ),
        key=_against_middle,
    )[:2]
    if drivers:
        named = " and ".join(component_phrase(c, _name(c), raises=True) for c in drivers)
        verb = "raises" if len(drivers) == 1 else "raise"
        text = f"Compared with the middle of each component's scale, {named} {verb} the score most"
    else:
        text = "No component is above the middle of its scale"
    if holders:
        held = " and ".join(component_phrase(c, _name(c), raises=False) for c in holders)
        text += f"; {held} {'holds' if len(holders) == 1 else 'hold'} the score down most"
    return text + "."


def _against_middle(c: RiskComponent) -> float:
    """Points a component adds beyond what it would add at the middle of its range."""
    return 9.0 * c.weight * (c.value - MIDDLE)


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _imputed(c: RiskComponent) -> bool:
    """A component standing in for a missing figure ("no projection, counted as neutral")."""
    return c.display.startswith("no ")


def _count_of(n: int, total: int) -> str:
    """'3 of its 8 tasks', 'all 8 of its tasks', 'its only task'."""
    if n == total:
        return "its only task" if total == 1 else f"all {total} of its tasks"
    return f"{n} of its {total} tasks"


def _name(c: RiskComponent) -> str:
    """A component's short name for a sentence (its label when no short name is set)."""
    return c.short or c.label[0].lower() + c.label[1:]


def exposure_sentence(exp: ExposureBreakdown) -> str:
    """How much of the work is exposed, and how (LLM alone versus with tools)."""
    level = fx.exposure_level(exp.beta)
    if exp.n_exposed == 0:
        tasks = (
            "Its only task is not" if exp.n_tasks == 1 else f"None of its {exp.n_tasks} tasks is"
        )
        if exp.exposed_share < SOME_EXPOSURE:
            return (
                f"{tasks} rated exposed to large language models "
                f"(β {exp.beta:.2f}, {level} exposure)."
            )
        # Model-scored tasks carry probabilities: none more likely exposed than not, yet the
        # chances add up to part of the work (the "work exposed" figure of the page).
        return (
            f"{tasks} more likely exposed to large language models than not, but the task "
            f"model gives {fx.pct(exp.exposed_share)} of the work a chance of exposure "
            f"(β {exp.beta:.2f}, {level} exposure)."
        )
    if exp.share_llm_alone >= exp.share_with_tools:
        how = (
            f"mostly to a language model on its own ({fx.pct(exp.share_llm_alone)} of task weight)"
        )
    else:
        how = (
            f"mostly through software built on a language model ({fx.pct(exp.share_with_tools)} of "
            "task weight)"
        )
    return (
        f"{_upper_first(_count_of(exp.n_exposed, exp.n_tasks))} "
        f"{'is' if exp.n_exposed == 1 else 'are'} "
        f"exposed, {how}; {fx.pct(exp.exposed_share)} of the work is in tasks AI reaches, "
        f"and the exposure index β is {exp.beta:.2f}, {level} exposure."
    )


def substitution_sentence(exp: ExposureBreakdown) -> str:
    """Whether the exposed work is the kind AI completes alone or the kind it assists."""
    if exp.n_exposed == 0 and exp.exposed_share < SOME_EXPOSURE:
        return (
            f"With nothing exposed, the substitution potential is {fx.pct(exp.substitution_share)}."
        )
    # The share of the exposed work that could run without a person: the exposed work's mean
    # automation level on 0–1. At 0.75 (T3: little human input) AI completes most of it; at 0.5
    # (T2) some of it. Measured against the exposed share, never β, which it can exceed.
    ratio = exposed_automation(exp)
    if ratio >= 0.75:
        how = "the exposed tasks are largely ones AI could complete without a person"
    elif ratio >= 0.5:
        how = "AI could complete some exposed tasks outright and speed up the rest"
    else:
        how = "AI mostly assists on the exposed tasks rather than completing them"
    return (
        f"Substitution potential is {fx.pct(exp.substitution_share)} of the work: {how} "
        f"(the exposed work's mean automation level is {fx.pct(ratio)})."
    )


def exposed_automation(exp: ExposureBreakdown) -> float:
    """The exposed work's mean automation level on 0–1: substitution over the exposed share."""
    return exp.substitution_share / max(exp.exposed_share, 1e-9)


def usage_sentence(exp: ExposureBreakdown) -> str:
    """Evidence of AI use on the occupation's tasks today (Anthropic Economic Index)."""
    if exp.ai_usage_share is None:
        return (
            "The Anthropic Economic Index sample has no coverage for these task statements: "
            "none of them, in any O*NET wording, is among the tasks it names, so AI use on them "
            "today is unknown (the score counts it as the median of the occupations it covers "
            "that are about as exposed)."
        )
    if exp.n_observed_use == 0:
        return (
            "None of its tasks appears among the tasks people bring to an AI assistant in the "
            "Anthropic Economic Index sample."
        )
    return (
        f"{exp.n_observed_use} of its {exp.n_tasks} tasks ({fx.pct(exp.ai_usage_share)} of task "
        f"weight) already {'appears' if exp.n_observed_use == 1 else 'appear'} in conversations "
        "with an AI assistant "
        "(Anthropic Economic Index)."
    )


def adoption_when(period: str, sector: str) -> str:
    """When the BTOS share was measured: "BTOS, Sep 2025" is the latest month reported for the
    sector (the sources list the survey's whole span, Sep 2023 - Nov 2025), so it says so."""
    head, sep, month = period.partition(", ")
    if head != "BTOS" or not sep:
        return period
    return f"BTOS, {month}, the latest month reported for {sector}"


def adoption_sentence(
    sector: str | None,
    adoption_pct: float | None,
    all_sectors_pct: float | None,
    period: str | None,
) -> str:
    """How fast the occupation's industry is adopting AI, compared with all sectors."""
    if adoption_pct is None or sector is None:
        if all_sectors_pct is None:
            return "No sector adoption figure applies to this occupation."
        return (
            "Most of its jobs are outside the sectors the Census BTOS surveys (government, "
            "private households, the self-employed), so the share of firms using AI across all "
            f"sectors, {fx.number(all_sectors_pct)}%, stands in."
        )
    # The share is employment-weighted over every sector that employs the occupation; the
    # sector named is the largest of them, not the source of the figure.
    text = (
        f"Across the sectors that employ it (weighted by employment; largest: {sector}), "
        f"{fx.number(adoption_pct)}% of firms report using AI"
    )
    if period:
        text += f" ({adoption_when(period, sector)})"
    if all_sectors_pct is not None:
        if adoption_pct >= all_sectors_pct + 1.0:
            text += f", ahead of the {fx.number(all_sectors_pct)}% across all sectors"
        elif adoption_pct <= all_sectors_pct - 1.0:
            text += f", behind the {fx.number(all_sectors_pct)}% across all sectors"
        else:
            text += f", close to the {fx.number(all_sectors_pct)}% across all sectors"
    return text + "."


def demand_sentence(
    change_pct: float | None,
    openings_thousands: float | None,
    *,
    blended: bool = False,
    group: str | None = None,
) -> str:
    """BLS projected employment change and what it does to the risk.

    ``blended``: the change is the fit-weighted mean over a blend of occupations, which BLS
    never published as such; the sentence says so instead of quoting it as BLS's figure.
    ``group``: the SOC group BLS projects the occupation under, with others (see
    :func:`outlook_sentence`); the sentence says the employment is the group's.
    """
    if change_pct is None:
        return "BLS publishes no 2024–34 projection for this occupation; demand counts as neutral."
    word = fx.growth_word(change_pct)
    if blended:
        effect = {"grow": ", which eases the pressure", "decline": ", which adds to the pressure"}
        return (
            f"BLS projections for the blended occupations average "
            f"{fx.signed_pct(change_pct)} employment from 2024 to 2034 (weighted by how well "
            f"each fits the title){effect.get(word, '')}."
        )
    employment = "employment"
    if group:
        employment = f"employment of {group} (the SOC group it is projected under)"
    if word == "grow":
        text = (
            f"BLS projects {employment} to grow {fx.abs_pct(change_pct)} from 2024 to 2034, "
            "which eases the pressure"
        )
    elif word == "decline":
        text = (
            f"BLS projects {employment} to decline {fx.abs_pct(change_pct)} from 2024 to "
            "2034, which adds to the pressure"
        )
    elif group:
        change = fx.signed_pct(change_pct)
        text = f"BLS projects little change ({change}) in {employment} from 2024 to 2034"
    else:
        text = (
            f"BLS projects little change in employment ({fx.signed_pct(change_pct)}) from 2024 "
            "to 2034"
        )
    if openings_thousands is not None:
        text += f", with {fx.about_openings(openings_thousands)} openings a year"
    return text + "."


_TIMES = ("", "", "twice", "three times", "four times", "five times", "six times", "seven times",
          "eight times", "nine times", "ten times")  # fmt: skip


def versus_average(change_pct: float, average: float | None) -> str:
    """The projection beside BLS's for all occupations (``average``), in plain words and with
    the average stated: ", about five times the 3.1% BLS projects for all occupations". No
    band of BLS's own is used: growth at least 1.75 times the average is that many times it
    (rounded, in words; "more than ten times" from 10.5), from 1.25 times "above", from 0.8
    times "close to", else "below"; a decline or little change is set against the average
    ("" with no average)."""
    if average is None:
        return ""
    avg = f"the {fx.abs_pct(average)} BLS projects for all occupations"
    if fx.growth_word(change_pct) != "grow" or average <= 0:
        return f", against {fx.signed_pct(average)} for all occupations (BLS)"
    ratio = change_pct / average
    if ratio >= 1.75:
        n = round(ratio)
        if n >= len(_TIMES):
            return f", more than ten times {avg}"
        return f", about {_TIMES[n]} {avg}"
    if ratio >= 1.25:
        return f", above {avg}"
    return f", close to {avg}" if ratio >= 0.8 else f", below {avg}"


def outlook_sentence(
    title: str,
    change_pct: float | None,
    openings_thousands: float | None,
    *,
    named: bool = False,
    group: str | None = None,
    average: float | None = None,
) -> str:
    """The outlook section's sentence: direction and size of the projection against the
    average of all occupations (:func:`versus_average`), and openings.

    ``named``: say whose projection it is (a blend's page shows its lead occupation's).
    ``group``: BLS projects the occupation only within this SOC group, which holds other O*NET
    occupations too; the sentence says the figures are the group's ("Employment of Fast Food and
    Counter Workers (the SOC group BLS projects Baristas under)", openings "across the group"),
    since the page's occupation is only part of them.
    """
    if change_pct is None:
        return f"BLS publishes no 2024–34 projection that covers {title}."
    word = fx.growth_word(change_pct)
    if group:
        who = f"Employment of {group} (the SOC group BLS projects {title} under)"
    else:
        who = f"Employment of {title}" if named else "Employment"
    if word == "grow":
        head = f"{who} is projected to grow {fx.abs_pct(change_pct)} over 2024–34"
    elif word == "decline":
        head = f"{who} is projected to decline {fx.abs_pct(change_pct)} over 2024–34"
    else:
        head = f"{who} is projected to hold roughly steady ({fx.signed_pct(change_pct)})"
    head += versus_average(change_pct, average)
    if openings_thousands is not None:
        across = " across the group" if group else ""
        head += (
            f"; {fx.about_openings(openings_thousands)} openings a year{across} come mostly "
            "from people retiring or changing occupation"
        )
    return head + "."


def tasks_sentence(top_risk: TaskAtRisk | None, top_safe: SafeTask | None) -> str | None:
    """The task AI could take over most (the first of the ranked at-risk list) and the first
    task that stays human, named."""
    parts: list[str] = []
    if top_risk is not None:
        parts.append(
            f"the task AI could take over most is “{_clip(top_risk.task)}” ({top_risk.timeline})"
        )
    if top_safe is not None:
        parts.append(
            f"the work that stays with people includes “{_clip(top_safe.task)}”, which rests on "
            f"{top_safe.capability.lower()}"
        )
    if not parts:
        return None
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def _clip(text: str, limit: int = 110) -> str:
    """A task statement shortened for a sentence, without its final full stop."""
    text = text.rstrip(".")
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
