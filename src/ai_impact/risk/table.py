"""The risk table: every occupation's components, 1–10 score, range and category, in columns.

Built once from the knowledge base and the task scores (:mod:`ai_impact.risk.build`), then kept
as numpy columns. :meth:`RiskTable.row` turns one column position into a frozen
:class:`OccupationRisk`; :meth:`RiskTable.save` / :meth:`RiskTable.load` write and read a
compressed ``.npz`` (no pickle) so a fresh process gets the whole table in a few milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from ai_impact.errors import NotFoundError
from ai_impact.risk.formula import COMPONENTS, category_of

__all__ = ["DESCRIPTION_BASIS", "FLOAT_COLUMNS", "STRING_COLUMNS", "OccupationRisk", "RiskTable"]

# The donors column holds this when an occupation is scored on its own description's sentences.
DESCRIPTION_BASIS = "(description)"

FLOAT_COLUMNS: tuple[str, ...] = (
    "beta",
    "beta_low",
    "beta_high",
    "share_none",
    "share_alone",
    "share_tools",
    "automation",
    "substitution",
    "substitution_low",
    "substitution_high",
    "labelled_share",
    "ai_usage",
    "adoption_pct",
    "adoption_all_pct",
    "change_pct",
    "openings_annual",
    "median_annual",
    "employment",
    "score",
    "low",
    "high",
    *(f"v_{c.key}" for c in COMPONENTS),
)
INT_COLUMNS: tuple[str, ...] = ("n_tasks", "n_exposed", "n_observed")
STRING_COLUMNS: tuple[str, ...] = (
    "code",
    "soc",
    "title",
    "industry",
    "industry_slug",
    "donors",
    "adoption_sector",
    "adoption_period",
)


def _opt(x: float) -> float | None:
    """NaN (the table's missing value) as None."""
    return None if np.isnan(x) else float(x)


@dataclass(frozen=True, slots=True)
class OccupationRisk:
    """One occupation's risk with every component and the figures behind them."""

    code: str
    soc: str
    title: str
    industry: str
    industry_slug: str
    donors: tuple[str, ...]
    basis: str
    n_tasks: int
    n_exposed: int
    n_observed: int
    beta: float
    beta_low: float
    beta_high: float
    share_none: float
    share_alone: float
    share_tools: float
    automation: float
    substitution: float
    substitution_low: float
    substitution_high: float
    labelled_share: float
    ai_usage: float | None
    adoption_pct: float | None
    adoption_all_pct: float | None
    adoption_sector: str | None
    adoption_period: str | None
    change_pct: float | None
    openings_annual: float | None
    median_annual: float | None
    employment: float | None
    values: tuple[float, ...]
    score: float
    low: float
    high: float
    category: str


class RiskTable:
    """Columns of every occupation's risk, with a code → position index."""

    def __init__(
        self,
        floats: dict[str, NDArray[np.float64]],
        ints: dict[str, NDArray[np.int64]],
        strings: dict[str, list[str]],
        key: str,
    ) -> None:
        self.floats = floats
        self.ints = ints
        self.strings = strings
        self.key = key
        self.codes: list[str] = strings["code"]
        self.index: dict[str, int] = {c: i for i, c in enumerate(self.codes)}
        self._rows: dict[str, OccupationRisk] = {}
        # Codes whose ``median_annual`` is the OEWS pay of a SOC group that covers other O*NET
        # occupations too, with the group ("SOC 13-2099 (Financial Specialists, All Other)").
        # Filled by the engine from the knowledge base; not saved with the table.
        self.pay_groups: dict[str, str] = {}
        # Each code's national OEWS hourly median (US dollars an hour), the pay to show where
        # BLS publishes only hourly wages and ``median_annual`` is NaN. Filled by the engine.
        self.hourly_medians: dict[str, float] = {}
        # Codes whose ``change_pct`` is BLS's projection of a SOC group that covers other O*NET
        # occupations too, with the group ("SOC 27-2012 (Producers and Directors)"), as
        # ``Outlook.projection_group`` names it. Filled by the engine.
        self.projection_groups: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self.codes)

    def __contains__(self, code: object) -> bool:
        return code in self.index

    def position(self, code: str) -> int:
        """Column position of an occupation code; NotFoundError when unknown."""
        try:
            return self.index[code]
        except KeyError:
            raise NotFoundError(
                f"No occupation has the O*NET-SOC code {code!r}.",
                hint="Run `ai-impact occupations` to list the codes.",
            ) from None

    def row(self, code: str) -> OccupationRisk:
        """The frozen risk record of one occupation (memoised)."""
        hit = self._rows.get(code)
        if hit is not None:
            return hit
        i = self.position(code)
        f = {k: float(v[i]) for k, v in self.floats.items()}
        s = {k: v[i] for k, v in self.strings.items()}
        row = OccupationRisk(
            code=s["code"],
            soc=s["soc"],
            title=s["title"],
            industry=s["industry"],
            industry_slug=s["industry_slug"],
            donors=tuple(d for d in s["donors"].split("|") if d and d != DESCRIPTION_BASIS),
            basis=(
                "description"
                if s["donors"] == DESCRIPTION_BASIS
                else "related"
                if s["donors"]
                else "tasks"
            ),
            n_tasks=int(self.ints["n_tasks"][i]),
            n_exposed=int(self.ints["n_exposed"][i]),
            n_observed=int(self.ints["n_observed"][i]),
            beta=f["beta"],
            beta_low=f["beta_low"],
            beta_high=f["beta_high"],
            share_none=f["share_none"],
            share_alone=f["share_alone"],
            share_tools=f["share_tools"],
            automation=f["automation"],
            substitution=f["substitution"],
            substitution_low=f["substitution_low"],
            substitution_high=f["substitution_high"],
            labelled_share=f["labelled_share"],
            ai_usage=_opt(f["ai_usage"]),
            adoption_pct=_opt(f["adoption_pct"]),
            adoption_all_pct=_opt(f["adoption_all_pct"]),
            adoption_sector=s["adoption_sector"] or None,
            adoption_period=s["adoption_period"] or None,
            change_pct=_opt(f["change_pct"]),
            openings_annual=_opt(f["openings_annual"]),
            median_annual=_opt(f["median_annual"]),
            employment=_opt(f["employment"]),
            values=tuple(f[f"v_{c.key}"] for c in COMPONENTS),
            score=f["score"],
            low=f["low"],
            high=f["high"],
            category=category_of(f["score"]),
        )
        self._rows[code] = row
        return row

    def rows(self) -> list[OccupationRisk]:
        """Every occupation's record, in code order."""
        return [self.row(c) for c in self.codes]

    def save(self, path: Path) -> None:
        """Write the table as a compressed .npz next to a temp file, then rename (atomic)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.npz")
        arrays: dict[str, NDArray[np.generic]] = {f"f_{k}": v for k, v in self.floats.items()}
        arrays.update({f"i_{k}": v for k, v in self.ints.items()})
        arrays.update({f"s_{k}": np.asarray(v, dtype=np.str_) for k, v in self.strings.items()})
        arrays["key"] = np.asarray([self.key], dtype=np.str_)
        np.savez_compressed(tmp, **arrays)  # type: ignore[arg-type]
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path, key: str) -> RiskTable | None:
        """Read a saved table; None when missing, unreadable or built for another key."""
        try:
            with np.load(path, allow_pickle=False) as z:
                if str(z["key"][0]) != key:
                    return None
                floats = {k: z[f"f_{k}"].astype(np.float64) for k in FLOAT_COLUMNS}
                ints = {k: z[f"i_{k}"].astype(np.int64) for k in INT_COLUMNS}
                strings = {k: [str(x) for x in z[f"s_{k}"]] for k in STRING_COLUMNS}
        except (OSError, KeyError, ValueError):
            return None
        return cls(floats, ints, strings, key)
