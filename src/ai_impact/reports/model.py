"""The one report object: every section of an "AI impact on <occupation>" analysis.

Frozen dataclasses only; every format (Markdown, HTML, JSON, the static site) renders these.
Numbers that come from data carry the key of their source (``source``), which resolves to an
entry of :attr:`OccupationReport.sources`. :func:`ai_impact.reports.serialize.report_to_dict`
turns a report into the JSON contract of ``ai-impact analyze --format json``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ai_impact.risk.formula import SCORE_SPAN

__all__ = [
    "AdaptationItem",
    "CertificationEntry",
    "ChangingProfession",
    "DisputedTask",
    "ExposureBreakdown",
    "Header",
    "MatchAlternative",
    "MethodNote",
    "OccupationReport",
    "Outlook",
    "RelatedEntry",
    "RiskComponent",
    "RiskSummary",
    "SafeTask",
    "Salary",
    "SalaryProjection",
    "Section",
    "SourceRef",
    "TaskAtRisk",
    "TitleMatch",
    "ToolEntry",
]

RISK_CATEGORIES = ("very low", "low", "moderate", "high", "very high")


@dataclass(frozen=True, slots=True)
class SourceRef:
    """A data source cited by the report (key is what figures point to)."""

    key: str
    name: str
    release: str
    licence: str
    attribution: str | None = None


@dataclass(frozen=True, slots=True)
class RiskComponent:
    """One term of the risk score: its value on 0–1, its weight and what it adds.

    ``contribution`` is weight × value, on the 0–1 scale of Σ weight × value;
    :attr:`points` is what it adds to the 1–10 score.
    """

    key: str
    label: str
    value: float
    weight: float
    contribution: float
    display: str
    source: str
    short: str = ""

    @property
    def points(self) -> float:
        """Points added to the 1–10 score (risk = 1 + the sum of every component's points)."""
        return SCORE_SPAN * self.contribution


@dataclass(frozen=True, slots=True)
class RiskSummary:
    """The 1–10 disruption risk, its category and the range from label uncertainty."""

    score: float
    category: str
    category_range: tuple[float, float]
    low: float
    high: float
    components: tuple[RiskComponent, ...]


@dataclass(frozen=True, slots=True)
class MatchAlternative:
    """Another occupation a typed title may mean, with the resolver's confidence (0–1)."""

    code: str
    soc: str
    title: str
    confidence: float


@dataclass(frozen=True, slots=True)
class TitleMatch:
    """How sure the occupation read from a typed title is (:mod:`ai_impact.titles.best_guess`):
    ``confidence`` of the occupation (or blend) the analysis rests on, ``best_guess`` when it is
    under the threshold, and the next candidates."""

    confidence: float
    best_guess: bool
    alternatives: tuple[MatchAlternative, ...]


@dataclass(frozen=True, slots=True)
class Header:
    """Section 1: who this analysis is about and the headline risk."""

    code: str
    soc: str
    title: str
    description: str
    industry: str
    industry_slug: str
    job_zone: int | None
    resolved_from: str | None
    rests_on: tuple[str, ...]
    rests_on_note: str | None
    # a title's match (None for a code, or a description): how sure, and what else it may mean
    match: TitleMatch | None = None


@dataclass(frozen=True, slots=True)
class ExposureBreakdown:
    """How much of the work is exposed and how (importance-weighted shares, 0–1)."""

    beta: float
    beta_low: float
    beta_high: float
    share_none: float
    share_llm_alone: float
    share_with_tools: float
    automation: float
    substitution_share: float
    labelled_share: float
    ai_usage_share: float | None
    n_tasks: int = 0
    n_exposed: int = 0
    n_observed_use: int = 0
    n_disputed: int = 0  # not exposed by the human label, exposed by GPT-4's (DisputedTask)

    @property
    def exposed_share(self) -> float:
        """Share of the work in tasks AI reaches, alone or with tools: P(E1) + P(E2).

        The "work exposed" the pages show. β counts E2 work at half weight, so β ≤ this (the top
        of β's band, each task at its most exposed label, can exceed it); the substitution share
        is this times the automation level, so it never exceeds it.
        """
        return self.share_llm_alone + self.share_with_tools


@dataclass(frozen=True, slots=True)
class ChangingProfession:
    """Section 3: the decomposition of the score, in numbers and sentences."""

    exposure: ExposureBreakdown
    adoption_pct: float | None
    adoption_sector: str | None
    adoption_period: str | None
    demand_change_pct: float | None
    sentences: tuple[str, ...]
    adoption_all_sectors_pct: float | None = None


@dataclass(frozen=True, slots=True)
class TaskAtRisk:
    """Section 4: one exposed task with when and how AI takes it over."""

    task: str
    task_type: str | None
    exposure: dict[str, float]
    beta: float
    automation: float
    mode: str
    timeline: str
    evidence: str
    source: str


@dataclass(frozen=True, slots=True)
class SafeTask:
    """Section 5: one task that stays human, with the capability that protects it.

    Human for language AI, which the exposure figures rate: ``automation_tools`` names the
    physical-automation or machine-perception tools on the same page that do the task
    themselves, and ``automation_note`` says so in words
    (:mod:`~ai_impact.reports.beyond_language`).
    """

    task: str
    task_type: str | None
    beta: float
    capability: str
    reason: str
    source: str
    automation_tools: tuple[str, ...] = ()
    automation_note: str | None = None


@dataclass(frozen=True, slots=True)
class DisputedTask:
    """Section 5b: a task the human raters label unexposed (E0) and GPT-4 exposed (E1/E2).

    The score follows the human label, so the task counts as not exposed, but the page does
    not list it as remaining human: ``tools`` names the AI tools on the same page that fit it,
    ``observed_use`` says it already appears in AI-assistant conversations (AEI), and
    ``reason`` says all of it in a sentence or two.
    """

    task: str
    task_type: str | None
    human_label: str
    gpt4_label: str
    tools: tuple[str, ...]
    observed_use: bool
    reason: str
    source: str


@dataclass(frozen=True, slots=True)
class ToolEntry:
    """Section 6: a real AI product matched to the occupation's exposed tasks."""

    name: str
    vendor: str
    year: int | None
    category: str
    what: str
    mode: str
    matched_tasks: tuple[str, ...]
    reason: str


@dataclass(frozen=True, slots=True)
class SalaryProjection:
    """A pay projection to a horizon year, as a range with its method."""

    horizon_year: int
    low: float
    mid: float
    high: float
    method: str


@dataclass(frozen=True, slots=True)
class Salary:
    """Section 7: pay now (OEWS) and a projection; figures in US dollars per year or per hour.

    ``hourly_only``: BLS publishes only hourly wages for the occupation (actors, dancers, …), so
    every annual figure is None and the hourly ones (median, mean, p10–p90) are the pay. A
    top-coded or unpublished percentile is None, with the reason in ``notes``.

    ``pay_group`` names the SOC group whose OEWS pay this is ("SOC 35-3023 (Fast Food and
    Counter Workers)") when that group covers other O*NET occupations too, as
    :attr:`RelatedEntry.pay_group` does; None for the occupation's own estimate.
    """

    year: int
    area: str
    median_annual: float | None
    p10_annual: float | None
    p25_annual: float | None
    p75_annual: float | None
    p90_annual: float | None
    mean_annual: float | None
    hourly_median: float | None
    employment: int | None
    national_median_annual: float | None
    change_since_prior_pct: float | None
    projection: SalaryProjection | None
    pressure: str
    notes: tuple[str, ...]
    source: str
    hourly_mean: float | None = None
    hourly_only: bool = False
    hourly_p10: float | None = None
    hourly_p25: float | None = None
    hourly_p75: float | None = None
    hourly_p90: float | None = None
    pay_group: str | None = None


@dataclass(frozen=True, slots=True)
class Outlook:
    """Section 8: BLS Employment Projections 2024–34.

    ``projection_group`` names the SOC group BLS projects as a whole ("SOC 35-3023 (Fast Food
    and Counter Workers)") when the figures are that group's and it covers other O*NET
    occupations too; None for the occupation's own projection (tables mark it ‡).
    ``all_occupations_change_pct`` is BLS's projected change of all occupations together (the
    "Total, all occupations" line of the same table), the average the sentence compares with.
    """

    employment_2024: float | None
    employment_2034: float | None
    employment_change_num: float | None
    employment_change_pct: float | None
    openings_annual: float | None
    education: str | None
    experience: str | None
    training: str | None
    sentence: str
    source: str
    projection_group: str | None = None
    all_occupations_change_pct: float | None = None


@dataclass(frozen=True, slots=True)
class AdaptationItem:
    """Section 9: one concrete thing to learn, and why it helps in this occupation."""

    kind: str
    name: str
    why: str
    element_id: str | None


@dataclass(frozen=True, slots=True)
class CertificationEntry:
    """Section 10: a real credential tied to the skills above."""

    name: str
    issuer: str
    level: str
    effort: str | None
    cost_usd: float | None
    reason: str


@dataclass(frozen=True, slots=True)
class RelatedEntry:
    """Section 11: a neighbouring occupation, with its risk, pay and outlook.

    ``pay_group`` names the SOC group whose OEWS pay ``median_annual`` is ("SOC 13-2099
    (Financial Specialists, All Other)") when that group covers other O*NET occupations too;
    None for the occupation's own estimate (or no pay). ``hourly_median`` is the national OEWS
    median in US dollars an hour, as :attr:`Salary.hourly_median`: the pay to show where BLS
    publishes only hourly wages (actors, dancers) and ``median_annual`` is None.
    ``projection_group`` names the SOC group BLS projects as a whole ("SOC 27-2012 (Producers
    and Directors)" for Talent Directors), as :attr:`Outlook.projection_group`, when
    ``employment_change_pct`` is that group's and it covers other O*NET occupations too; None
    for the occupation's own projection (or none). Tables mark such a figure ‡.
    """

    code: str
    title: str
    relation: str
    similarity: float | None
    risk: float
    risk_category: str
    median_annual: float | None
    employment_change_pct: float | None
    pay_group: str | None = None
    hourly_median: float | None = None
    projection_group: str | None = None


@dataclass(frozen=True, slots=True)
class MethodNote:
    """Section 12: the model's version and what the numbers mean."""

    model_version: str
    data_version: str
    notes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Section:
    """A note shown where a section has no data, saying why (never a silent gap)."""

    key: str
    missing_reason: str


@dataclass(frozen=True, slots=True)
class OccupationReport:
    """Every section of one analysis; the single source of truth for every format."""

    header: Header
    risk: RiskSummary
    overview: tuple[str, ...]
    changing: ChangingProfession
    tasks_at_risk: tuple[TaskAtRisk, ...]
    safe_tasks: tuple[SafeTask, ...]
    ai_tools: tuple[ToolEntry, ...]
    salary: Salary | None
    outlook: Outlook | None
    adaptation: tuple[AdaptationItem, ...]
    certifications: tuple[CertificationEntry, ...]
    related: tuple[RelatedEntry, ...]
    method: MethodNote
    sources: tuple[SourceRef, ...]
    gaps: tuple[Section, ...] = ()
    disputed_tasks: tuple[DisputedTask, ...] = ()
