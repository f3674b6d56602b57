"""A small in-memory stand-in for :mod:`ai_impact.api`, for web tests that need hostile content.

Four hand-built reports (one whose title carries ``<script>``), the table rows, industries,
a resolver and sources. :func:`install` monkeypatches the facade so the web and export code,
which only ever call ``ai_impact.api.<name>``, run against this data.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

import pytest

from ai_impact.db.models import SourceInfo
from ai_impact.errors import AmbiguousInputError, InputError, NotFoundError
from ai_impact.reports.model import (
    AdaptationItem,
    CertificationEntry,
    ChangingProfession,
    ExposureBreakdown,
    Header,
    MethodNote,
    OccupationReport,
    Outlook,
    RelatedEntry,
    RiskComponent,
    RiskSummary,
    SafeTask,
    Salary,
    SalaryProjection,
    SourceRef,
    TaskAtRisk,
    ToolEntry,
)
from ai_impact.reports.service import IndustrySummary, OccupationRow
from ai_impact.titles.resolver import Candidate, Resolution

HOSTILE_TITLE = "Prompt Tester <script>alert(1)</script>"
HOSTILE_CODE = "15-1299.99"
CATEGORY_RANGES = {
    "very low": (1.0, 2.8),
    "low": (2.8, 4.6),
    "moderate": (4.6, 6.4),
    "high": (6.4, 8.2),
    "very high": (8.2, 10.0),
}


SOURCES = (
    SourceRef(
        "onet", "O*NET 30.3 Database", "30.3", "CC BY 4.0", "USDOL/ETA, used under CC BY 4.0"
    ),
    SourceRef("oews", "BLS OEWS May 2024", "2024", "Public domain"),
    SourceRef("ep", "BLS Employment Projections 2024–34", "2024–34", "Public domain"),
)


def _report(
    code: str,
    title: str,
    industry: str,
    slug: str,
    score: float,
    category: str,
    median: float,
    change: float,
    tasks: Sequence[tuple[str, float, str]],
) -> OccupationReport:
    """Build one plausible report; every section filled so templates render each one."""
    comps = (
        RiskComponent("substitution", "Substitution potential", 0.52, 0.5, 0.26, "52%", "onet"),
        RiskComponent("adoption", "Industry adoption", 0.31, 0.3, 0.093, "31% of firms", "btos"),
        RiskComponent("demand", "Demand (inverse)", 0.44, 0.2, 0.088, f"{change:+.1f}%", "ep"),
    )
    at_risk = tuple(
        TaskAtRisk(
            task=t,
            task_type="Core",
            exposure={"E0": round(1 - b, 2), "E1": round(b * 0.6, 2), "E2": round(b * 0.4, 2)},
            beta=b,
            automation=3.0 if b > 0.6 else 2.0,
            mode="substitute" if b > 0.6 else "assist",
            timeline=tl,
            evidence="Observed AI usage on this task in conversation data.",
            source="onet",
        )
        for t, b, tl in tasks
    )
    return OccupationReport(
        header=Header(
            code=code,
            soc=code[:7],
            title=title,
            description=f"{title} do the work that {title.lower()} do.",
            industry=industry,
            industry_slug=slug,
            job_zone=4,
            resolved_from=None,
            rests_on=(),
            rests_on_note=None,
        ),
        risk=RiskSummary(
            score=score,
            category=category,
            category_range=CATEGORY_RANGES[category],
            low=round(score - 0.6, 1),
            high=round(score + 0.5, 1),
            components=comps,
        ),
        overview=(f"{title} face {category} disruption risk.", "AI assists more than it replaces."),
        changing=ChangingProfession(
            exposure=ExposureBreakdown(0.48, 0.41, 0.55, 0.52, 0.30, 0.18, 0.42, 0.2, 0.9, 0.12),
            adoption_pct=9.1,
            adoption_sector="Information",
            adoption_period="2025",
            demand_change_pct=change,
            sentences=("About half of the work is exposed to AI.",),
        ),
        tasks_at_risk=at_risk,
        safe_tasks=(
            SafeTask(
                "Meet stakeholders to agree priorities.",
                "Core",
                0.1,
                "stakeholder and team leadership",
                "Needs trust and negotiation.",
                "onet",
            ),
        ),
        ai_tools=(
            ToolEntry(
                "GitHub Copilot",
                "GitHub",
                2021,
                "coding assistant",
                "Suggests code.",
                "assists",
                (tasks[0][0],),
                "Matches an exposed task.",
            ),
        ),
        salary=Salary(
            year=2024,
            area="National",
            median_annual=median,
            p10_annual=median * 0.55,
            p25_annual=median * 0.75,
            p75_annual=median * 1.3,
            p90_annual=median * 1.65,
            mean_annual=median * 1.08,
            hourly_median=round(median / 2080, 2),
            employment=200_000,
            national_median_annual=median,
            change_since_prior_pct=3.1,
            projection=SalaryProjection(2029, median * 0.98, median * 1.1, median * 1.2, "trend"),
            pressure="Demand growth supports pay.",
            notes=(),
            source="oews",
        ),
        outlook=Outlook(
            employment_2024=200.0,
            employment_2034=200.0 * (1 + change / 100),
            employment_change_num=2.0 * change,
            employment_change_pct=change,
            openings_annual=17.5,
            education="Bachelor's degree",
            experience="None",
            training="None",
            sentence=f"Employment is projected to change {change:+.1f}% from 2024 to 2034.",
            source="ep",
        ),
        adaptation=(AdaptationItem("skill", "Critical Thinking", "Stays human.", "2.A.2.a"),),
        certifications=(
            CertificationEntry(
                "Certified Analytics Professional", "INFORMS", "mid", None, None, "x"
            ),
        ),
        related=(
            RelatedEntry("29-1141.00", "Registered Nurses", "skills", 0.4, 2.9, "low", 93600, 5.2),
        ),
        method=MethodNote("test-model-1", "test-data-1", ("Risk is not exposure.",)),
        sources=SOURCES,
    )


TASKS = (
    ("Write code to clean data.", 0.82, "already happening"),
    ("Build predictive models.", 0.66, "1–2 years"),
    ("Present findings to managers.", 0.35, "3–5 years"),
)
REPORTS = {
    r.header.code: r
    for r in (
        _report(
            "15-2051.00",
            "Data Scientists",
            "Technology",
            "technology",
            6.8,
            "high",
            112590,
            33.5,
            TASKS,
        ),
        _report(
            "29-1141.00",
            "Registered Nurses",
            "Healthcare",
            "healthcare",
            2.9,
            "low",
            93600,
            5.2,
            (("Record patient data.", 0.55, "1–2 years"),),
        ),
        _report(
            "43-3031.00",
            "Bookkeeping, Accounting, and Auditing Clerks",
            "Finance",
            "finance",
            8.4,
            "very high",
            49210,
            -6.4,
            (("Reconcile accounts.", 0.9, "already happening"),),
        ),
        _report(
            HOSTILE_CODE,
            HOSTILE_TITLE,
            "Technology",
            "technology",
            5.1,
            "moderate",
            70000,
            1.0,
            TASKS,
        ),
    )
}
INDUSTRY_TEXT = {
    "technology": ("Technology", "Software, data and computing."),
    "healthcare": ("Healthcare", "Care for patients."),
    "finance": ("Finance", "Money and accounts."),
}


def _row(r: OccupationReport) -> OccupationRow:
    """The table row the facade would give for ``r``."""
    assert r.salary and r.outlook
    return OccupationRow(
        r.header.code,
        r.header.soc,
        r.header.title,
        r.header.industry,
        r.header.industry_slug,
        r.risk.score,
        r.risk.category,
        r.changing.exposure.beta,
        1.0 - r.changing.exposure.share_none,
        r.changing.exposure.automation,
        0.2,
        0.12,
        0.31,
        0.44,
        r.salary.median_annual,
        r.outlook.employment_change_pct,
        r.outlook.openings_annual,
        pay_group=r.salary.pay_group,
        hourly_median=r.salary.hourly_median,
        projection_group=r.outlook.projection_group,
    )


def report_for(code: str, *, area: str | None = None, settings: object = None) -> OccupationReport:
    """Fake of ``api.report_for``: exact codes only, one known area."""
    if code not in REPORTS:
        raise NotFoundError(f"No occupation has the code '{code}'.", hint="Search by title.")
    if area and area.lower() not in {"ca", "california"}:
        raise NotFoundError(f"No pay data for the area '{area}'.", hint="Use a state name.")
    return REPORTS[code]


def analyze(query: str, *, area: str | None = None, settings: object = None) -> OccupationReport:
    """Fake of ``api.analyze``: a code, or a title that resolves confidently."""
    if query in REPORTS:
        return report_for(query, area=area)
    res = resolve_title(query)
    if res.needs_choice:
        raise AmbiguousInputError(f"'{query}' fits several occupations.", candidates=res.candidates)
    if not res.candidates:
        raise NotFoundError(f"No occupation matches '{query}'.")
    return report_for(res.candidates[0].code, area=area)


def occupation_table(*, settings: object = None) -> list[OccupationRow]:
    """Fake of ``api.occupation_table``."""
    return [_row(r) for r in REPORTS.values()]


def industries(*, settings: object = None) -> list[IndustrySummary]:
    """Fake of ``api.industries``."""
    out = []
    for slug, (label, text) in INDUSTRY_TEXT.items():
        rows = [x for x in occupation_table() if x.industry_slug == slug]
        mean = sum(x.risk_score for x in rows) / len(rows)
        out.append(
            IndustrySummary(slug, label, text, len(rows), round(mean, 2), 100_000 * len(rows))
        )
    return out


def industry(slug: str, *, settings: object = None) -> tuple[IndustrySummary, list[OccupationRow]]:
    """Fake of ``api.industry``."""
    for s in industries():
        if s.slug == slug:
            return s, [x for x in occupation_table() if x.industry_slug == slug]
    raise NotFoundError(f"No industry is called '{slug}'.", hint="See /industries.")


def resolve_title(text: str, top: int = 5, *, settings: object = None) -> Resolution:
    """Fake of ``api.resolve_title``: substring match on titles and a few aliases."""
    if not text.strip():
        raise InputError("The title is empty.", hint="Type a job title.")
    q = text.lower().strip()
    aliases = {"machine learning engineer": "15-2051.00", "nurse": "29-1141.00"}
    found = []
    if q in aliases:
        found.append(
            Candidate(aliases[q], aliases[q][:7], REPORTS[aliases[q]].header.title, 0.93, "alias")
        )
    for r in REPORTS.values():
        if q in r.header.title.lower() and all(c.code != r.header.code for c in found):
            found.append(Candidate(r.header.code, r.header.soc, r.header.title, 0.71, "fuzzy"))
    if q == "clerk or nurse":
        found = [
            Candidate("43-3031.00", "43-3031", REPORTS["43-3031.00"].header.title, 0.5, "fuzzy"),
            Candidate("29-1141.00", "29-1141", "Registered Nurses", 0.48, "fuzzy"),
        ]
    found = found[:top]
    return Resolution(text, q, tuple(found), len(found) > 1, None, None)


def search_titles(
    *, per_occupation: int = 30, settings: object = None
) -> dict[str, list[tuple[str, float]]]:
    """Fake of ``api.search_titles``: a few other names per occupation."""
    names = {
        "29-1141.00": [("RN", 0.99), ("Travel Nurse", 0.85)],
        "15-2051.00": [("Machine Learning Engineer", 0.95)],
    }
    return {r.header.code: names.get(r.header.code, [])[:per_occupation] for r in REPORTS.values()}


def compare(codes: Sequence[str], *, settings: object = None) -> list[OccupationReport]:
    """Fake of ``api.compare``: codes or titles, as ``analyze`` reads them."""
    if not 2 <= len(codes) <= 4:
        raise InputError(f"Compare takes 2 to 4 codes; got {len(codes)}.")
    return [analyze(c) for c in codes]


def sources_info(*, settings: object = None) -> list[SourceInfo]:
    """Fake of ``api.sources_info``."""
    return [
        SourceInfo(
            "tasks", "onet/30.3/task_statements.csv.gz", "30.3", "2025", "CC BY 4.0", "ab" * 32,
            18796,
        ),
        SourceInfo(
            "oews_2024", "bls/oews_may2024_national.csv.gz", "May 2024", "2024",
            "Public domain", "cd" * 32, 1400,
        ),
        # pinned, but the build loads no rows of it (db.files.not_loaded)
        SourceInfo(
            "bls/ep_2024_34_table_1_10.csv.gz", "bls/ep_2024_34_table_1_10.csv.gz", "2024–34",
            "2024–34", "Public domain", "ef" * 32, 0,
        ),
    ]  # fmt: skip


def methodology_markdown() -> str:
    """Fake of ``api.methodology_markdown``."""
    return "# Method\n\nRisk = 10 × (0.5·S + 0.3·A + 0.2·D).\n\n- Risk is not exposure.\n"


NAMES = (
    "analyze",
    "report_for",
    "occupation_table",
    "industries",
    "industry",
    "resolve_title",
    "search_titles",
    "compare",
    "sources_info",
    "methodology_markdown",
)


# Group figures with markup in their names, for the table marks' escaping.
PAY_GROUP = "SOC 15-1299 (<b>Computer</b> & Co)"
PROJECTION_GROUP = "SOC 15-1299 (<i>Computer</i> & Co)"


def mark_table_figures(monkeypatch: pytest.MonkeyPatch) -> None:
    """The hostile occupation's pay and outlook become a SOC group's (named with markup), and
    Data Scientists are paid only by the hour ($47.80), as OEWS publishes actors."""
    hostile = REPORTS[HOSTILE_CODE]
    assert hostile.salary and hostile.outlook
    monkeypatch.setitem(
        REPORTS,
        HOSTILE_CODE,
        replace(
            hostile,
            salary=replace(hostile.salary, pay_group=PAY_GROUP),
            outlook=replace(hostile.outlook, projection_group=PROJECTION_GROUP),
        ),
    )
    ds = REPORTS["15-2051.00"]
    assert ds.salary
    hourly = replace(ds.salary, median_annual=None, hourly_median=47.80)
    monkeypatch.setitem(REPORTS, "15-2051.00", replace(ds, salary=hourly))


def client(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A test client of the web app over these fakes (server errors come back as 500s)."""
    from fastapi.testclient import TestClient

    from ai_impact.web.app import create_app

    install(monkeypatch)
    with TestClient(create_app(), raise_server_exceptions=False) as c:
        yield c


def install(monkeypatch: pytest.MonkeyPatch) -> None:
    """Point every facade function the web uses at this module's fakes."""
    try:
        api = importlib.import_module("ai_impact.api")
    except ImportError:  # the facade has not landed yet: give the web a module to call
        api = types.ModuleType("ai_impact.api")
        monkeypatch.setitem(sys.modules, "ai_impact.api", api)
        import ai_impact

        monkeypatch.setattr(ai_impact, "api", api, raising=False)
    me = sys.modules[__name__]
    for name in NAMES:
        monkeypatch.setattr(api, name, getattr(me, name), raising=False)
