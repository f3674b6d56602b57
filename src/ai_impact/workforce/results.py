"""What a roster analysis produces: :class:`RoleResult` per role, :class:`WorkforceReport` in all.

Also the role statuses, the :class:`Library` protocol the analysis reads occupations, titles and
pay through (the facade in production, fakes in tests), and the market pay and reskilling
figures a role carries. :mod:`~ai_impact.workforce.analysis` fills them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from ai_impact.reports.model import OccupationReport, SourceRef
from ai_impact.titles.resolver import Resolution
from ai_impact.workforce.automation import Arriving
from ai_impact.workforce.cells import HOURS_PER_YEAR
from ai_impact.workforce.summary import Totals

__all__ = [
    "CHECK",
    "HOURS_PER_YEAR",
    "MATCHED",
    "MIN_CONFIDENCE",
    "PINNED",
    "REVIEW",
    "Library",
    "MarketPay",
    "OccupationFigures",
    "RoleResult",
    "SaferMove",
    "Suggestion",
    "WorkforceReport",
]

# Status of a role: how its occupation was found, and whether it counts in the figures.
PINNED, MATCHED, CHECK, REVIEW = "pinned", "matched", "check match", "needs review"
# Below this the resolver's best guess is more likely wrong than right (its confidences are
# calibrated): such a role is listed for review instead of being counted as a guess.
MIN_CONFIDENCE = 0.25


class OccupationFigures(Protocol):
    """The occupation-table fields the analysis reads (``api.OccupationRow`` has them)."""

    @property
    def code(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def industry(self) -> str: ...
    @property
    def risk_score(self) -> float: ...
    @property
    def risk_category(self) -> str: ...
    @property
    def exposure(self) -> float: ...
    @property
    def exposed_share(self) -> float: ...
    @property
    def substitution(self) -> float: ...
    @property
    def median_annual(self) -> float | None: ...


@dataclass(frozen=True, slots=True)
class MarketPay:
    """The OEWS median pay of an occupation in an area (national when no location).

    ``hourly_median`` is the median in US dollars an hour: the pay to show where BLS publishes
    only hourly wages (actors, dancers) and ``median_annual`` is None. It is never turned into
    a year: such work is seldom full-time all year. ``pay_group`` names the SOC group whose pay
    this is when that group covers other O*NET occupations too ("SOC 35-3023 (Fast Food and
    Counter Workers)" for Baristas), as :attr:`RelatedEntry.pay_group
    <ai_impact.reports.model.RelatedEntry.pay_group>` does; None for the occupation's own.
    Both medians are None where OEWS publishes none in the area (every California figure for
    actors is withheld).
    """

    area: str
    median_annual: float | None
    hourly_median: float | None = None
    pay_group: str | None = None

    @property
    def published(self) -> bool:
        """Whether OEWS publishes a median (a year or an hour) here."""
        return self.median_annual is not None or self.hourly_median is not None


class Library(Protocol):
    """What the analysis needs from the library: the facade in production, fakes in tests."""

    def resolve_batch(self, texts: Sequence[str]) -> Sequence[Resolution]:
        """Resolve many titles (or codes) at once, in order."""
        ...

    def occupation_rows(self) -> Mapping[str, OccupationFigures]:
        """Every occupation's table row, by O*NET-SOC code."""
        ...

    def report(self, code: str) -> OccupationReport:
        """The full analysis of one occupation (for safer moves and what to learn)."""
        ...

    def market_pay(self, code: str, location: str | None) -> MarketPay | None:
        """OEWS median pay in ``location``; raise NotFoundError for an unknown location."""
        ...


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A candidate occupation for a title that needs a person's choice."""

    code: str
    title: str
    confidence: float


@dataclass(frozen=True, slots=True)
class SaferMove:
    """A similar occupation at clearly lower risk: a reskilling destination.

    ``hourly_median`` is its national OEWS median in US dollars an hour: the pay to show where
    BLS publishes only hourly wages (dancers, musicians) and ``median_annual`` is None;
    ``pay_group`` names the SOC group whose pay it is, as :class:`MarketPay` does.
    """

    code: str
    title: str
    risk_score: float
    risk_category: str
    median_annual: float | None
    similarity: float | None
    hourly_median: float | None = None
    pay_group: str | None = None


@dataclass(frozen=True, slots=True)
class RoleResult:
    """One roster role (rows with the same title, code, team and location) and its figures.

    Headcounts are people, an ``int``; or full-time equivalents when the roster's column is
    FTE (``WorkforceReport.fte``), a ``float`` where they are fractions.

    ``mean_hourly`` is the mean rate in dollars an hour when every row of the role with pay
    gave it by the hour (``mean_pay`` is that × 2,080); ``paid_hourly`` says some pay of the
    role was given by the hour and counts in payroll as a full-time year. ``market_gap`` says
    whose market pay OEWS does not publish ("Actors in California (national median: $29.05 an
    hour)"), when the role shows none. ``automation`` is the physical automation (or machine
    perception) its occupation page notes beside tasks that stay human, empty when none; None
    when not looked at (a role to review, or no occupation reports: ``--no-reskilling``).
    """

    id: int
    title: str
    team: str | None
    location: str | None
    lines: tuple[int, ...]
    headcount: float
    status: str
    headcount_with_pay: float
    payroll: float | None
    code: str | None = None
    occupation: str | None = None
    industry: str | None = None
    confidence: float | None = None
    via: str | None = None
    exposure: float | None = None
    exposed_share: float | None = None
    substitution: float | None = None
    risk_score: float | None = None
    risk_category: str | None = None
    hours_exposed: float | None = None
    hours_at_risk: float | None = None
    payroll_exposed: float | None = None
    market_pay: MarketPay | None = None
    safer_moves: tuple[SaferMove, ...] = ()
    skills_to_build: tuple[str, ...] = ()
    # Those of ``skills_to_build`` that are software (O*NET technology skills: "Apache Kafka",
    # "C"): prose names them as software, so "C" never reads as a stray letter.
    software_to_learn: tuple[str, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    note: str | None = None
    mean_hourly: float | None = None
    paid_hourly: bool = False
    market_gap: str | None = None
    automation: Arriving | None = None

    @property
    def counted(self) -> bool:
        """Whether the role's figures count in the totals (its occupation is known)."""
        return self.status != REVIEW

    @property
    def to_check(self) -> bool:
        """Whether the role counts with a match a person should check ("check match")."""
        return self.status == CHECK

    @property
    def mean_pay(self) -> float | None:
        """Mean annual pay of the people whose pay the roster gives."""
        return self.payroll / self.headcount_with_pay if self.payroll is not None else None


@dataclass(frozen=True, slots=True)
class WorkforceReport:
    """The whole roster analysis: every role, the totals, notes and sources; ``fte`` says the
    headcounts are full-time equivalents (the roster's headcount column is FTE)."""

    roles: tuple[RoleResult, ...]
    totals: Totals
    notes: tuple[str, ...]
    columns: dict[str, str]
    sources: tuple[SourceRef, ...]
    hours_per_year: int = HOURS_PER_YEAR
    fte: bool = False
