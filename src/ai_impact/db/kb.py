"""The read-only knowledge base: typed queries over one SQLite file.

One :class:`KnowledgeBase` is safe to share between threads (the web app does): the connection
is opened with ``check_same_thread=False`` and every query holds a lock. Small immutable lookups
(occupations, titles, areas, sources) are read once and kept in memory.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from functools import cached_property
from pathlib import Path
from typing import Any

from ai_impact.db.area_lookup import resolve_area
from ai_impact.db.models import (
    Adoption,
    Area,
    ElementRating,
    Occupation,
    Projection,
    ProjectionFactor,
    PublishedLabel,
    Related,
    SectorShare,
    SourceInfo,
    Task,
    TaskActivity,
    Technology,
    TitleEntry,
    ToolUsed,
    Wage,
)
from ai_impact.db.schema import SCHEMA_VERSION
from ai_impact.errors import KnowledgeBaseError, NotFoundError

__all__ = ["KnowledgeBase"]

_SOC_RE = re.compile(r"^\d\d-\d{4}$")
_NATIONAL, _ALL_INDUSTRIES = "0000000", "000000"
_OCC_SQL = """
SELECT o.code, o.title, o.description, o.soc, o.soc_title,
       o.major_code, coalesce(ma.title, ''), o.minor_code, coalesce(mi.title, ''),
       o.broad_code, coalesce(br.title, ''), o.job_zone, o.education,
       i.label, o.industry_slug, o.is_residual, o.has_tasks, o.oews_code, o.nem_code,
       o.industry_basis
FROM occupation o JOIN industry i ON i.slug = o.industry_slug
LEFT JOIN soc_group ma ON ma.code = o.major_code
LEFT JOIN soc_group mi ON mi.code = o.minor_code
LEFT JOIN soc_group br ON br.code = o.broad_code
ORDER BY o.code
"""
_TASK_SQL = """
SELECT task_id, code, text, task_type, human_exposure, gpt4_exposure, gpt4_automation,
       label_match, aei_share FROM task
"""
_ACT_SQL = """
SELECT l.task_id, l.code, d.dwa_id, d.title, i.iwa_id, i.title, g.gwa_id, g.title
FROM task_dwa l JOIN dwa d ON d.dwa_id = l.dwa_id JOIN iwa i ON i.iwa_id = d.iwa_id
JOIN gwa g ON g.gwa_id = i.gwa_id
"""
_WAGE_SQL = """
SELECT w.year, a.area_type, w.area_code, a.name, w.industry_code, w.employment, w.hourly_mean,
       w.annual_mean, w.annual_p10, w.annual_p25, w.annual_median, w.annual_p75, w.annual_p90,
       w.hourly_median, w.notes, n.name, w.hourly_p10, w.hourly_p25, w.hourly_p75, w.hourly_p90
FROM wage w JOIN oews_area a ON a.area_code = w.area_code
LEFT JOIN oews_industry n ON n.code = w.industry_code
"""
_ADOPT_SQL = """
SELECT sector_code, sector_name, period, share_pct, comparable, expected_pct, period_start
FROM adoption
"""


def _wage(row: tuple[Any, ...]) -> Wage:
    notes = tuple(n for n in str(row[14]).split(" | ") if n)
    year, kind, area, area_name, industry, emp, h_mean, a_mean, p10, p25, p50, p75, p90, h50 = row[
        :14
    ]
    h10, h25, h75, h90 = row[16:20]
    return Wage(
        year, kind, area, area_name, industry, emp, h_mean, a_mean, p10, p25, p50, p75, p90, h50,
        notes, row[15], hourly_p10=h10, hourly_p25=h25, hourly_p75=h75, hourly_p90=h90,
    )  # fmt: skip


def _adoption(row: tuple[Any, ...]) -> Adoption:
    code, name, period, share, comparable, expected, start = row
    return Adoption(code, name, period, share, bool(comparable), expected, start)


class KnowledgeBase:
    """Typed, read-only access to the SQLite knowledge base at ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise KnowledgeBaseError(
                f"Knowledge base {self.path} does not exist.",
                hint="Build it with `ai-impact data build`.",
            )
        try:
            self._con = sqlite3.connect(
                f"file:{self.path}?mode=ro", uri=True, check_same_thread=False
            )
            version = self._con.execute(
                "SELECT value FROM meta WHERE key = 'schema_version'"
            ).fetchone()
        except sqlite3.DatabaseError as exc:
            raise KnowledgeBaseError(
                f"{self.path} is not a knowledge base ({exc}).",
                hint="Rebuild it with `ai-impact data build --force`.",
            ) from exc
        if version is None or version[0] != str(SCHEMA_VERSION):
            self._con.close()
            raise KnowledgeBaseError(
                f"Knowledge base {self.path} has schema {version and version[0]}, "
                f"this version of ai-impact needs {SCHEMA_VERSION}.",
                hint="Rebuild it with `ai-impact data build --force`.",
            )
        self._lock = threading.Lock()

    def close(self) -> None:
        """Close the connection."""
        self._con.close()

    def _rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._con.execute(sql, params).fetchall()

    # -- occupations -----------------------------------------------------------------------------

    @cached_property
    def _occupations(self) -> dict[str, Occupation]:
        out: dict[str, Occupation] = {}
        for row in self._rows(_OCC_SQL):
            fields = list(row)
            fields[15], fields[16] = bool(fields[15]), bool(fields[16])
            out[row[0]] = Occupation(*fields)
        return out

    def occupations(self) -> list[Occupation]:
        """Every occupation, by code."""
        return list(self._occupations.values())

    def occupation(self, code: str) -> Occupation:
        """The occupation with an O*NET-SOC code, or a 6-digit SOC code's main occupation."""
        text = code.strip()
        if text in self._occupations:
            return self._occupations[text]
        if _SOC_RE.match(text):
            if f"{text}.00" in self._occupations:
                return self._occupations[f"{text}.00"]
            for occ in self._occupations.values():
                if occ.soc == text:
                    return occ
        raise NotFoundError(
            f"No occupation has code {code!r}.",
            hint="Codes look like 15-2051.00 or 15-2051; list them with "
            "`ai-impact occupations --format csv`.",
        )

    def _code(self, code: str) -> str:
        return self.occupation(code).code

    # -- tasks, titles, activities ---------------------------------------------------------------

    def tasks_of(self, code: str) -> list[Task]:
        """Tasks of an occupation, Core first, then by task ID."""
        rows = self._rows(
            _TASK_SQL + " WHERE code = ? ORDER BY task_type IS NOT 'Core', task_id",
            (self._code(code),),
        )
        return [Task(*r) for r in rows]

    def all_tasks(self) -> list[Task]:
        """Every task of every occupation, by occupation code and task ID."""
        return [Task(*r) for r in self._rows(_TASK_SQL + " ORDER BY code, task_id")]

    def label_set(self) -> list[PublishedLabel]:
        """The GPTs-are-GPTs label set as published (O*NET 27.2 codes, Task IDs and wording),
        by code and Task ID: the tasks carry these labels joined to their 30.3 statements."""
        rows = self._rows(
            "SELECT code, task_id, text, human_exposure, gpt4_exposure, gpt4_automation"
            " FROM label ORDER BY code, task_id"
        )
        return [PublishedLabel(*r) for r in rows]

    @cached_property
    def _titles(self) -> list[TitleEntry]:
        return [TitleEntry(*r) for r in self._rows("SELECT title, code, kind FROM title")]

    def titles(self) -> list[TitleEntry]:
        """Every title (O*NET, alternate, short, reported) with its occupation."""
        return list(self._titles)

    def activities_of(self, code: str) -> list[TaskActivity]:
        """Task → DWA → IWA → GWA links of an occupation's tasks."""
        rows = self._rows(_ACT_SQL + " WHERE l.code = ? ORDER BY l.task_id, d.dwa_id",
                          (self._code(code),))  # fmt: skip
        return [TaskActivity(*r) for r in rows]

    def all_activities(self) -> list[TaskActivity]:
        """Every task → work-activity link."""
        return [TaskActivity(*r) for r in self._rows(_ACT_SQL + " ORDER BY l.code, l.task_id")]

    # -- descriptors -----------------------------------------------------------------------------

    def _ratings(self, kind: str, code: str) -> list[ElementRating]:
        rows = self._rows(
            "SELECT element_id, name, importance, level FROM rating WHERE kind = ? AND code = ?"
            " ORDER BY importance IS NULL, importance DESC, level DESC, element_id",
            (kind, self._code(code)),
        )
        return [ElementRating(*r) for r in rows]

    def skills(self, code: str) -> list[ElementRating]:
        """O*NET 29.3 skills of an occupation, most important first."""
        return self._ratings("skill", code)

    def knowledge(self, code: str) -> list[ElementRating]:
        """O*NET 29.3 knowledge areas of an occupation, most important first."""
        return self._ratings("knowledge", code)

    def technologies(self, code: str) -> list[Technology]:
        """Software and technology used in an occupation; hot and in-demand first."""
        rows = self._rows(
            "SELECT example, commodity_code, commodity_title, hot, in_demand FROM technology"
            " WHERE code = ? ORDER BY in_demand DESC, hot DESC, example",
            (self._code(code),),
        )
        return [Technology(e, c, t, bool(h), bool(d)) for e, c, t, h, d in rows]

    def tools_used(self, code: str) -> list[ToolUsed]:
        """Tools and machines used in an occupation."""
        rows = self._rows(
            "SELECT example, commodity_title FROM tool WHERE code = ? ORDER BY example",
            (self._code(code),),
        )
        return [ToolUsed(*r) for r in rows]

    def related(self, code: str) -> list[Related]:
        """Related occupations by O*NET rank."""
        rows = self._rows(
            "SELECT r.related_code, o.title, r.tier, r.rank FROM related r"
            " JOIN occupation o ON o.code = r.related_code WHERE r.code = ? ORDER BY r.rank",
            (self._code(code),),
        )
        return [Related(*r) for r in rows]

    # -- wages -----------------------------------------------------------------------------------

    @cached_property
    def _areas(self) -> list[Area]:
        rows = self._rows("SELECT area_type, area_code, name, state FROM oews_area")
        return sorted((Area(*r) for r in rows), key=lambda a: ("NSM".index(a.area_type), a.name))

    def areas(self) -> list[Area]:
        """OEWS areas: the nation, then states, then metro and nonmetro areas, by name."""
        return list(self._areas)

    def area(self, area: str | None) -> Area:
        """The area named by a state abbreviation or name, metro code or name (None: nation)."""
        return resolve_area(self._areas, area)

    @cached_property
    def _wage_years(self) -> tuple[int, ...]:
        return tuple(r[0] for r in self._rows("SELECT DISTINCT year FROM wage ORDER BY year"))

    def wage_years(self) -> tuple[int, ...]:
        """The OEWS years (May estimates) the knowledge base holds wages for, oldest first."""
        return self._wage_years

    def wage(self, code: str, area: str | None = None, year: int = 2025) -> Wage | None:
        """All-industry wages of an occupation in an area (default: national); None if none."""
        occ = self.occupation(code)
        where = self.area(area)
        if occ.oews_code is None:
            return None
        rows = self._rows(
            _WAGE_SQL + " WHERE w.occ_code = ? AND w.year = ? AND w.area_code = ?"
            " AND w.industry_code = ?",
            (occ.oews_code, year, where.area_code, _ALL_INDUSTRIES),
        )
        return _wage(rows[0]) if rows else None

    def wages_by_industry(self, code: str, *, sectors_only: bool = False) -> list[Wage]:
        """National May 2025 wages of an occupation in each industry, largest employment first.

        Industries nest (sector, 3-digit, 4-digit NAICS); ``sectors_only`` keeps the sectors.
        """
        occ = self.occupation(code)
        if occ.oews_code is None:
            return []
        level = " AND n.level = 2 AND w.industry_code LIKE '%-%'" if sectors_only else ""
        rows = self._rows(
            _WAGE_SQL + " WHERE w.occ_code = ? AND w.year = 2025 AND w.area_code = ?"
            " AND w.industry_code NOT IN ('000000', '000001')"
            + level
            + " ORDER BY w.employment IS NULL, w.employment DESC, w.industry_code",
            (occ.oews_code, _NATIONAL),
        )
        return [_wage(r) for r in rows]

    # -- outlook and adoption --------------------------------------------------------------------

    def projection(self, code: str) -> Projection | None:
        """BLS 2024-34 projection of the occupation's NEM occupation, if BLS publishes one."""
        occ = self.occupation(code)
        rows = self._rows(
            "SELECT p.nem_code, p.title, p.employment_2024, p.employment_2034, p.change_num,"
            " p.change_pct, p.openings_annual, p.median_wage_2024, p.education, p.experience,"
            " p.training, p.wage_note, g.title,"
            " (SELECT count(*) FROM occupation o WHERE coalesce(o.nem_code, o.soc) = p.nem_code)"
            " FROM projection p LEFT JOIN soc_group g ON g.code = p.nem_code"
            " WHERE p.nem_code = ?",
            (occ.nem_code or occ.soc,),
        )
        return Projection(*rows[0]) if rows else None

    def projection_factors(self, code: str) -> list[ProjectionFactor]:
        """BLS notes on factors (automation, demand, ...) changing the occupation's employment."""
        occ = self.occupation(code)
        rows = self._rows(
            "SELECT industry_code, industry_title, factor FROM projection_factor"
            " WHERE nem_code = ? ORDER BY industry_code != 'TE1000', industry_title",
            (occ.nem_code or occ.soc,),
        )
        return [ProjectionFactor(*r) for r in rows]

    def adoption(self, sector_code: str) -> Adoption | None:
        """AI use in a sector in the latest period comparable with the series (BTOS)."""
        rows = self._rows(
            _ADOPT_SQL + " WHERE sector_code = ? AND comparable ORDER BY period DESC LIMIT 1",
            (sector_code,),
        )
        return _adoption(rows[0]) if rows else None

    def adoption_latest(self, sector_code: str) -> Adoption | None:
        """AI use in a sector in the newest period, whatever its wording."""
        rows = self._rows(
            _ADOPT_SQL + " WHERE sector_code = ? ORDER BY period DESC LIMIT 1", (sector_code,)
        )
        return _adoption(rows[0]) if rows else None

    def adoption_trend(self, sector_code: str) -> list[Adoption]:
        """Every period of a sector, oldest first."""
        rows = self._rows(_ADOPT_SQL + " WHERE sector_code = ? ORDER BY period", (sector_code,))
        return [_adoption(r) for r in rows]

    def adoption_all(self) -> list[Adoption]:
        """The latest comparable period of every sector ('XX' = all sectors)."""
        rows = self._rows(
            _ADOPT_SQL + " WHERE comparable AND period = (SELECT max(period) FROM adoption b"
            " WHERE b.sector_code = adoption.sector_code AND b.comparable) ORDER BY sector_code"
        )
        return [_adoption(r) for r in rows]

    def sector_of(self, code: str) -> str | None:
        """The NAICS sector (BTOS code) employing most of the occupation nationally, if known."""
        rows = self._rows("SELECT sector_code FROM occupation WHERE code = ?", (self._code(code),))
        return rows[0][0] if rows else None

    def sector_shares(self, code: str) -> list[SectorShare]:
        """Share of the occupation's national employment in each NAICS sector, largest first."""
        rows = self._rows(
            "SELECT sector_code, sector_name, share FROM occupation_sector WHERE code = ?"
            " ORDER BY share DESC",
            (self._code(code),),
        )
        return [SectorShare(*r) for r in rows]

    # -- provenance ------------------------------------------------------------------------------

    @cached_property
    def _sources(self) -> list[SourceInfo]:
        rows = self._rows(
            "SELECT key, file, release, vintage, licence, sha256, rows FROM source ORDER BY file"
        )
        return [SourceInfo(*r) for r in rows]

    def sources(self) -> list[SourceInfo]:
        """Every vendored source file with release, vintage, licence, checksum and rows loaded."""
        return list(self._sources)

    def meta(self, key: str) -> str | None:
        """A build metadata value (schema_version, kb_key, built_at, ...)."""
        rows = self._rows("SELECT value FROM meta WHERE key = ?", (key,))
        return str(rows[0][0]) if rows else None

    def stats(self) -> dict[str, int | float]:
        """Coverage figures computed at build time (labels, wages, projections, titles)."""
        raw = self.meta("stats")
        data: dict[str, int | float] = json.loads(raw) if raw else {}
        return data
