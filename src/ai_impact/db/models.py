"""Typed, immutable rows of the knowledge base: what :class:`~ai_impact.db.KnowledgeBase` returns.

Every class is a frozen, slotted dataclass so the layers above can hash, cache and share them
across threads without copying. A task's work-activity link (:class:`TaskActivity`) is the very
record the O*NET parser reads, an immutable named tuple, so it is defined once there and
re-exported here. Money is in US dollars; employment counts are persons unless a
field says thousands.
"""

from __future__ import annotations

from dataclasses import dataclass

from ai_impact.db.files import not_loaded
from ai_impact.sources.labels import TaskLabel as PublishedLabel  # one row of the label set
from ai_impact.sources.onet_elements import Activity as TaskActivity

__all__ = [
    "Adoption",
    "Area",
    "ElementRating",
    "Occupation",
    "Projection",
    "ProjectionFactor",
    "PublishedLabel",
    "Related",
    "SectorShare",
    "SourceInfo",
    "Task",
    "TaskActivity",
    "Technology",
    "TitleEntry",
    "ToolUsed",
    "Wage",
]


@dataclass(frozen=True, slots=True)
class Occupation:
    """One O*NET 30.3 occupation with its SOC 2018 hierarchy, job zone and industry label."""

    code: str
    title: str
    description: str
    soc: str
    soc_title: str
    major_code: str
    major_title: str
    minor_code: str
    minor_title: str
    broad_code: str
    broad_title: str
    job_zone: int | None
    education: str | None
    industry: str
    industry_slug: str
    is_residual: bool
    has_tasks: bool
    oews_code: str | None
    nem_code: str | None
    industry_basis: str = ""


@dataclass(frozen=True, slots=True)
class Task:
    """An O*NET 30.3 task statement with the published exposure labels joined to it."""

    task_id: int
    code: str
    text: str
    task_type: str | None
    human_exposure: str | None
    gpt4_exposure: str | None
    gpt4_automation: int | None
    label_match: str | None
    aei_share: float | None


@dataclass(frozen=True, slots=True)
class TitleEntry:
    """A job title mapped to its occupation; kind is onet, alternate, short or reported."""

    title: str
    code: str
    kind: str


@dataclass(frozen=True, slots=True)
class ElementRating:
    """A skill or knowledge element with its O*NET importance (1-5) and level (0-7)."""

    element_id: str
    name: str
    importance: float | None
    level: float | None


@dataclass(frozen=True, slots=True)
class Technology:
    """A software or technology product used in an occupation, with O*NET's demand flags."""

    example: str
    commodity_code: str | None
    commodity_title: str
    hot: bool
    in_demand: bool


@dataclass(frozen=True, slots=True)
class ToolUsed:
    """A physical tool or machine used in an occupation."""

    example: str
    commodity_title: str


@dataclass(frozen=True, slots=True)
class Related:
    """An occupation O*NET lists as related, with its relatedness tier and rank."""

    code: str
    title: str
    tier: str
    rank: int


@dataclass(frozen=True, slots=True)
class Wage:
    """OEWS employment and wages of one occupation in one area and industry.

    A value BLS does not publish (top-coded, hourly-only, not released) is ``None`` and the
    reason is in ``notes``; nothing is invented.
    """

    year: int
    area_type: str
    area_code: str
    area_name: str
    industry_code: str
    employment: int | None
    hourly_mean: float | None
    annual_mean: float | None
    annual_p10: float | None
    annual_p25: float | None
    annual_median: float | None
    annual_p75: float | None
    annual_p90: float | None
    hourly_median: float | None
    notes: tuple[str, ...]
    industry_name: str | None = None
    hourly_p10: float | None = None
    hourly_p25: float | None = None
    hourly_p75: float | None = None
    hourly_p90: float | None = None


@dataclass(frozen=True, slots=True)
class Area:
    """An OEWS area: the nation (N), a state (S) or a metropolitan / nonmetropolitan area (M)."""

    area_type: str
    area_code: str
    name: str
    state: str | None


@dataclass(frozen=True, slots=True)
class Projection:
    """BLS Employment Projections 2024-34 for one National Employment Matrix occupation."""

    nem_code: str
    title: str
    employment_2024: float | None
    employment_2034: float | None
    change_num: float | None
    change_pct: float | None
    openings_annual: float | None
    median_wage_2024: float | None
    education: str | None
    experience: str | None
    training: str | None
    wage_note: str | None = None
    # The SOC 2018 title of ``nem_code`` where SOC has that code ("Fast Food and Counter
    # Workers"), and how many O*NET occupations BLS projects under it (more than one: the
    # figures are the group's, shared with the others).
    group_title: str | None = None
    occupations: int = 1


@dataclass(frozen=True, slots=True)
class ProjectionFactor:
    """BLS's note on why an occupation's share of an industry's employment changes (table 1.12).

    ``industry_code`` TE1000 is "Total, all industries".
    """

    industry_code: str
    industry_title: str
    factor: str


@dataclass(frozen=True, slots=True)
class Adoption:
    """Census BTOS share of firms using AI in one NAICS sector and survey period.

    ``comparable`` is False for periods asked with the Nov 2025 wording ("any business
    function"), which BTOS says is not comparable with the earlier series.
    """

    sector_code: str
    sector_name: str
    period: str
    share_pct: float
    comparable: bool
    expected_pct: float | None = None
    period_start: str | None = None


@dataclass(frozen=True, slots=True)
class SectorShare:
    """Share of an occupation's national employment in one NAICS sector (OEWS May 2025)."""

    sector_code: str
    sector_name: str
    share: float


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """One vendored source file: where it came from, its licence, checksum and rows loaded
    (0 for a file the build does not load: :attr:`not_loaded` says why)."""

    key: str
    file: str
    release: str
    vintage: str
    licence: str
    sha256: str
    rows: int

    @property
    def not_loaded(self) -> str | None:
        """Why the knowledge base holds no rows of this file; None when the build loads it."""
        return not_loaded(self.file)
