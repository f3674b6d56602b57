"""The ai-impact library: the functions every face (CLI, web, static site) calls.

Each function opens the default knowledge base lazily (building it on first use); pass
``settings`` (a :class:`~ai_impact.settings.Settings`) to use another data folder or database.
Every argument is checked here, at the one door of the library: a wrong type or value is an
:class:`~ai_impact.errors.InputError` naming it, never a raw ``TypeError``; text is cleaned of
control characters (:mod:`ai_impact.usertext`) and held to the web's length limits::

    >>> from ai_impact import api
    >>> api.get_occupation("15-1252").title
    'Software Developers'
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from ai_impact.db import KnowledgeBase, open_kb
from ai_impact.db.models import Occupation, SourceInfo, Task, Wage
from ai_impact.errors import InputError
from ai_impact.reports.model import OccupationReport
from ai_impact.reports.service import Analyses, IndustrySummary, OccupationRow, methodology_text
from ai_impact.scoring import TaskScore
from ai_impact.scoring import score_tasks as _score_tasks
from ai_impact.settings import Settings
from ai_impact.usertext import AREA_CHARS, QUERY_CHARS, TITLE_CHARS, clean_line, clean_text

__all__ = [
    "IndustrySummary",
    "OccupationRow",
    "analyze",
    "analyze_description",
    "compare",
    "data_info",
    "get_kb",
    "get_occupation",
    "industries",
    "industry",
    "list_occupations",
    "methodology_markdown",
    "occupation_table",
    "report_for",
    "resolve_title",
    "score_tasks",
    "search_titles",
    "sources_info",
    "tasks_of",
    "wages",
]

_lock = threading.Lock()
_cache: dict[str, KnowledgeBase] = {}


def _settings(settings: object) -> Settings:
    """``settings``, or the default settings for None; an InputError for anything else."""
    if settings is None:
        return Settings()
    if not isinstance(settings, Settings):
        raise InputError(
            f"settings must be an ai_impact.settings.Settings (or None), not "
            f"{type(settings).__name__}.",
            hint="Build one with Settings(db=...) or leave it out for the default.",
        )
    return settings


def get_kb(settings: Settings | None = None) -> KnowledgeBase:
    """The knowledge base for ``settings`` (default settings if None), opened once per process."""
    settings = _settings(settings)
    key = settings.model_dump_json()
    with _lock:
        if key not in _cache:
            _cache[key] = open_kb(settings)
        return _cache[key]


def _text(value: object, what: str, limit: int | None = None, hint: str = "") -> str:
    """``value`` as one line of text (control characters cleaned, :func:`clean_line`); an
    InputError naming the argument when it is not a string or, stripped, is over ``limit``
    characters."""
    if not isinstance(value, str):
        raise InputError(f"{what} must be text (a str), not {type(value).__name__}.")
    value = clean_line(value)
    if limit is not None and len(value.strip()) > limit:
        raise InputError(
            f"{what} is longer than {limit:,} characters (it has {len(value.strip()):,}).",
            hint=hint or None,
        )
    return value


def _maybe_text(value: object, what: str, limit: int | None = None, hint: str = "") -> str | None:
    return None if value is None else _text(value, what, limit, hint)


def _area(value: object) -> str | None:
    """A state or metro area (or None for national pay), held to the web's limit."""
    return _maybe_text(value, "The area", AREA_CHARS, "Give a state or metro area.")


def _whole(value: object, what: str, low: int, high: int | None = None) -> int:
    """``value`` if it is a whole number from ``low`` (to ``high``); an InputError otherwise."""
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or value < low
        or (high is not None and value > high)
    ):
        span = f"from {low} to {high}" if high is not None else f"of {low} or more"
        raise InputError(f"{what} must be a whole number {span}, not {value!r}.")
    return value


def _texts(values: object, what: str, limit: int | None = None) -> list[str]:
    """A list of strings from any list, tuple or other iterable of them (a bare str is refused:
    it would be read as one text per character)."""
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise InputError(
            f"{what} must be a list of texts, not {type(values).__name__}.",
            hint="Wrap a single text in a list: [text].",
        )
    return [_text(v, f"{what}: item {i}", limit) for i, v in enumerate(values, start=1)]


def get_occupation(code: str, *, settings: Settings | None = None) -> Occupation:
    """The occupation with an O*NET-SOC code ('15-1252.00') or SOC code ('15-1252')."""
    return get_kb(settings).occupation(_text(code, "The code"))


def list_occupations(*, settings: Settings | None = None) -> list[Occupation]:
    """Every O*NET 30.3 occupation, by code."""
    return get_kb(settings).occupations()


def tasks_of(code: str, *, settings: Settings | None = None) -> list[Task]:
    """The occupation's task statements with their exposure labels, Core first."""
    return get_kb(settings).tasks_of(_text(code, "The code"))


def wages(
    code: str, area: str | None = None, *, year: int = 2025, settings: Settings | None = None
) -> Wage | None:
    """OEWS wages of the occupation, national or in a state / metro area; None if unpublished.

    ``year`` is an OEWS vintage the knowledge base holds (May 2025, and May 2024 for the
    change of pay); another year is an InputError naming the ones it holds.
    """
    code, area = _text(code, "The code"), _area(area)
    kb = get_kb(settings)
    years = kb.wage_years()
    if isinstance(year, bool) or not isinstance(year, int) or year not in years:
        held = " and ".join(str(y) for y in years)
        raise InputError(
            f"year must be an OEWS year the knowledge base holds ({held}), not {year!r}.",
            hint="OEWS estimates are for May of each year; leave year out for the latest.",
        )
    return kb.wage(code, area, year)


def data_info(*, settings: Settings | None = None) -> dict[str, Any]:
    """Sources (release, vintage, licence, rows), coverage figures and build metadata."""
    kb = get_kb(settings)
    return {
        "database": str(kb.path),
        "schema_version": kb.meta("schema_version"),
        "built_at": kb.meta("built_at"),
        "sources": [asdict(s) for s in kb.sources()],
        "coverage": kb.stats(),
    }


# -- analyses (risk, reports) --------------------------------------------------------------------

_analyses: dict[str, Analyses] = {}


def _analyses_for(settings: Settings | None) -> Analyses:
    """The report service over the knowledge base of ``settings``, one per process."""
    settings = _settings(settings)
    key = settings.model_dump_json()
    kb = get_kb(settings)
    with _lock:
        if key not in _analyses:
            _analyses[key] = Analyses(kb, settings)
        return _analyses[key]


def analyze(
    query: str, *, area: str | None = None, settings: Settings | None = None
) -> OccupationReport:
    """The full analysis of a job title or O*NET-SOC code (AmbiguousInputError lists choices)."""
    query = _text(query, "The title or code", QUERY_CHARS, "Give the job title alone.")
    return _analyses_for(settings).analyze(query, area=_area(area))


def analyze_description(
    text: str,
    *,
    title: str | None = None,
    area: str | None = None,
    settings: Settings | None = None,
) -> OccupationReport:
    """The analysis of a pasted job description or task list (its statements are the tasks)."""
    from ai_impact.reports.description import describe_report

    if not isinstance(text, str):
        raise InputError(f"The job description must be text (a str), not {type(text).__name__}.")
    text = clean_text(text)  # lines and tabs stay: they separate its statements
    title = _maybe_text(title, "The title", TITLE_CHARS, "Give the job title alone.")
    area = _area(area)
    engine = _analyses_for(settings).engine
    return describe_report(engine, text, title=title, area=area)


def report_for(
    code: str, *, area: str | None = None, settings: Settings | None = None
) -> OccupationReport:
    """The analysis of one O*NET-SOC or SOC code, cached per process."""
    code = _text(code, "The code")
    return _analyses_for(settings).report_for(code, area=_area(area))


def compare(codes: list[str], *, settings: Settings | None = None) -> list[OccupationReport]:
    """The analyses of two to four occupations (codes or titles), in order."""
    return _analyses_for(settings).compare(_texts(codes, "The occupations to compare", QUERY_CHARS))


def occupation_table(*, settings: Settings | None = None) -> list[OccupationRow]:
    """Every occupation with risk score, category, exposure β and every component."""
    return _analyses_for(settings).occupation_table()


def industries(*, settings: Settings | None = None) -> list[IndustrySummary]:
    """Every industry with its number of occupations, mean risk and employment."""
    return _analyses_for(settings).industries()


def industry(
    slug: str, *, settings: Settings | None = None
) -> tuple[IndustrySummary, list[OccupationRow]]:
    """One industry and its occupations, highest risk first."""
    return _analyses_for(settings).industry(_text(slug, "The industry"))


def resolve_title(text: str, top: int = 5, *, settings: Settings | None = None) -> Any:
    """Candidate occupations for a job title, best first (a ``titles.Resolution``); 1–50."""
    top = _whole(top, "top", 1, 50)
    text = _text(text, "The title", QUERY_CHARS, "Give the job title alone.")
    return _analyses_for(settings).resolver().resolve(text, top=top)


def score_tasks(
    texts: list[str], *, adoption_pct: float | None = None, settings: Settings | None = None
) -> list[TaskScore]:
    """Score task texts: an O*NET statement gets its published labels, other text the model.

    One score per text, in order. A labelled O*NET statement (ignoring case, spacing and
    punctuation; the O*NET 30.3 wording or the label set's 27.2 one) has ``source`` "labels"
    (when occupations label it differently: the most common label, with the band spanning
    them and ``timeline_reason`` naming the split); any other text "model"
    (:mod:`ai_impact.scoring.known`). ``adoption_pct`` (share of the industry's firms using
    AI, 0–100) moves timelines. A text too short or too long to read as a task
    (:func:`ai_impact.reports.jd_split.size_problem`, the rule ``score-tasks`` and the
    description analysis apply before scoring) is scored all the same: check it first when
    the texts come from users. An empty or blank text cannot be scored: it raises
    :class:`~ai_impact.errors.InputError` naming its position (``score-tasks`` gives it a
    "not scored" line instead).
    """
    texts = _texts(texts, "The task texts")
    if adoption_pct is not None and (
        isinstance(adoption_pct, bool)
        or not isinstance(adoption_pct, int | float)
        or not (math.isfinite(adoption_pct) and 0.0 <= adoption_pct <= 100.0)
    ):
        raise InputError(
            f"The adoption share must be a percentage from 0 to 100, not {adoption_pct!r}.",
            hint="Give the share of the industry's firms that use AI (Census BTOS), e.g. 18.",
        )
    scores = _score_tasks(get_kb(settings), texts, adoption_pct=adoption_pct)
    if any(s.capability is not None and s.capability_source == "model" for s in scores):
        # Free text that stays human: its capability pools the head with the nearest O*NET
        # statements, as in the analysis of a pasted description (one rule for both faces).
        from ai_impact.reports.description_capability import with_text_capabilities
        from ai_impact.reports.description_match import description_index

        engine = _analyses_for(settings).engine
        index = description_index(engine.kb, engine.settings.cache_dir, engine.key)
        scores, _ = with_text_capabilities(engine.kb, index, scores, "")
    return scores


# How much a match through each kind of name counts against one through the O*NET title (1).
_NAME_WEIGHT = {"short": 0.85, "reported": 0.85, "alternate": 0.8}
# Which names an occupation keeps first when it has more than the cap.
_NAME_RANK = {"primary alias": 0, "short": 1, "reported": 1, "secondary alias": 2, "alternate": 3}


def search_titles(
    *, per_occupation: int = 40, settings: Settings | None = None
) -> dict[str, list[tuple[str, float]]]:
    """Other names of every occupation with a weight, for a search box.

    The alias table's modern titles and their spellings, for each occupation they rest on,
    weigh 0.9 + 0.1 × the occupation's share of the alias ("RN" counts more for Registered
    Nurses than for Critical Care Nurses); O*NET's short and reported titles 0.85, its alternate
    titles 0.8. Distinct ignoring case, without the O*NET title itself. An occupation keeps at
    most ``per_occupation`` names: aliases it is the main occupation of, then short and
    reported titles, aliases it shares a smaller part of, then alternate titles.
    """
    per_occupation = _whole(per_occupation, "per_occupation", 0)
    kb = get_kb(settings)
    resolver = _analyses_for(settings).resolver()
    ranked: dict[str, list[tuple[int, float, str]]] = {o.code: [] for o in kb.occupations()}
    for entry in resolver.aliases.entries:
        total = sum(w for _, w in entry.candidates) or 1.0
        top = max(w for _, w in entry.candidates)
        for code, w in entry.candidates:
            rank = _NAME_RANK["primary alias" if w == top else "secondary alias"]
            for name in (entry.title, *entry.aliases):
                if code in ranked:
                    ranked[code].append((rank, round(0.9 + 0.1 * w / total, 3), name))
    for t in kb.titles():
        if t.kind in _NAME_WEIGHT and t.code in ranked:
            ranked[t.code].append((_NAME_RANK[t.kind], _NAME_WEIGHT[t.kind], t.title))
    out: dict[str, list[tuple[str, float]]] = {}
    for code, names in ranked.items():
        seen = {kb.occupation(code).title.casefold()}
        keep: list[tuple[str, float]] = []
        for _, weight, name in sorted(names, key=lambda n: (n[0], -n[1], n[2])):
            if name.casefold() not in seen and len(keep) < per_occupation:
                seen.add(name.casefold())
                keep.append((name, weight))
        out[code] = keep
    return out


def sources_info(*, settings: Settings | None = None) -> list[SourceInfo]:
    """Every pinned source file with release, vintage, licence, checksum and rows."""
    return get_kb(settings).sources()


def methodology_markdown() -> str:
    """The methodology page (formula, weights, cut-offs, projections) as Markdown."""
    return methodology_text()
