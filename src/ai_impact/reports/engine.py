"""The analysis engine: everything a report needs, loaded once per process and cached on disk.

:class:`Engine` holds the knowledge base, the risk table of every occupation, the neighbour
index and the element correlations, and the AI-tool and certification catalogues. The risk
table and the index are built once (all tasks scored in one batch) and saved as ``.npz`` files
in ``settings.cache_dir``, named after the knowledge base key, the task model version and the
risk version; a fresh process reads them in milliseconds.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections import Counter
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from ai_impact.reports.adaptation import element_correlations
from ai_impact.reports.local_skills import LocalSkills, local_arrays
from ai_impact.reports.model import SourceRef
from ai_impact.reports.related import NeighbourIndex
from ai_impact.reports.shared_figures import pay_group, projection_label
from ai_impact.reports.similarity import SIMILARITY_VERSION
from ai_impact.risk.build import RISK_VERSION, build_table, cache_path
from ai_impact.risk.table import RiskTable
from ai_impact.settings import Settings

ALL_OCCUPATIONS = "00-0000"  # the National Employment Matrix code of all occupations together

__all__ = ["Engine", "model_version"]

PEERS = 20  # nearest occupations that decide whether a product belongs to the kind of work
_INDEX_VERSION = "a2"  # what the index file holds: a2 adds the neighbourhood correlations


def model_version() -> str:
    """The shipped task model's version, read from its metadata without loading it."""
    from ai_impact.scoring.model import ARTIFACT_DIR

    try:
        meta = json.loads((ARTIFACT_DIR / "model.json").read_text(encoding="utf-8"))
        return str(meta.get("version", "unknown"))
    except (OSError, ValueError):
        return "unavailable"


class Engine:
    """Knowledge base + risk table + neighbour index + catalogues, for one settings object."""

    def __init__(self, kb: Any, settings: Settings, *, catalogues: bool = True) -> None:
        self.kb = kb
        self.settings = settings
        self.catalogues = catalogues
        self.model_version = model_version()
        kb_key = kb.meta("kb_key") or "nokey"
        self.key = f"{kb_key}-{self.model_version}-{RISK_VERSION}"
        self._lock = threading.Lock()

    @cached_property
    def table(self) -> RiskTable:
        """The risk table, from the disk cache or built (and saved) on first use."""
        path = cache_path(self.settings.cache_dir, self.key)
        table = RiskTable.load(path, self.key)
        if table is None:
            from ai_impact.scoring import score_known_tasks, score_texts

            tasks = self.kb.all_tasks()
            scores = score_known_tasks(tasks, self.kb.all_activities())
            table = build_table(self.kb, scores, tasks, self.key, describe=score_texts)
            with contextlib.suppress(OSError):  # a read-only cache costs speed, not correctness
                table.save(path)
        table.pay_groups = self.pay_groups
        table.hourly_medians = self.hourly_medians
        table.projection_groups = self.projection_groups
        return table

    @cached_property
    def pay_groups(self) -> dict[str, str]:
        """Occupations whose OEWS pay is a SOC group's shared with other O*NET occupations,
        with the group (:func:`~ai_impact.reports.shared_figures.pay_group`)."""
        out: dict[str, str] = {}
        for o in self.kb.occupations():
            if (group := pay_group(o, self.sharing)) is not None:
                out[o.code] = group
        return out

    @cached_property
    def hourly_medians(self) -> dict[str, float]:
        """Each occupation's national OEWS hourly median, where published (US dollars an
        hour): the pay of occupations BLS pays only by the hour (actors, dancers)."""
        out: dict[str, float] = {}
        for o in self.kb.occupations():
            wage = self.kb.wage(o.code)
            if wage is not None and wage.hourly_median is not None:
                out[o.code] = wage.hourly_median
        return out

    @cached_property
    def projection_groups(self) -> dict[str, str]:
        """Occupations whose BLS projection is a SOC group's shared with other O*NET
        occupations, with the group as :attr:`Outlook.projection_group` names it ("SOC 27-2012
        (Producers and Directors)"; :func:`~ai_impact.reports.shared_figures.projection_label`)."""
        occupations = self.kb.occupations()
        # BLS projects an occupation under its NEM code, or its SOC code without one; only a
        # code several occupations share can be a group's, so the others need no query.
        nem = {o.code: o.soc if o.nem_code is None else o.nem_code for o in occupations}
        shared = Counter(nem.values())
        out: dict[str, str] = {}
        for o in (o for o in occupations if shared[nem[o.code]] > 1):
            if (group := projection_label(o.title, self.kb.projection(o.code))) is not None:
                out[o.code] = group
        return out

    @cached_property
    def _index_arrays(self) -> dict[str, Any]:
        """Neighbour index and element correlations, cached next to the risk table."""
        name = f"analysis-index-{self.key}-{SIMILARITY_VERSION}-{_INDEX_VERSION}.npz"
        path = self.settings.cache_dir / name
        try:
            with np.load(path, allow_pickle=False) as z:
                if str(z["key"][0]) == self.key:
                    return {k: z[k] for k in z.files}
        except (OSError, KeyError, ValueError):
            pass
        codes = self.table.codes
        index = NeighbourIndex.build(self.kb, codes)
        beta = self.table.floats["beta"]
        skills = [self.kb.skills(c) for c in codes]
        knowledge = [self.kb.knowledge(c) for c in codes]
        corr = element_correlations(skills, beta)
        corr.update(element_correlations(knowledge, beta))
        full = [bool(k) for k in knowledge]
        local = local_arrays([[*s, *k] for s, k in zip(skills, knowledge, strict=True)], full, beta)
        arrays = {
            "key": np.asarray([self.key]),
            **index.arrays(),
            "corr_ids": np.asarray(sorted(corr), dtype=np.str_),
            "corr_values": np.asarray([corr[k] for k in sorted(corr)]),
            "wage_growth": np.asarray([_all_occupation_growth(self.kb)]),
            **local,
        }
        _save_npz(path, arrays)
        return arrays

    @cached_property
    def neighbours(self) -> NeighbourIndex:
        """Similarity of occupations by tasks, titles, work activities and skills."""
        return NeighbourIndex.from_arrays(self.table.codes, self._index_arrays)

    @cached_property
    def correlations(self) -> dict[str, float]:
        """Correlation of each skill/knowledge element's importance with β across occupations."""
        a = self._index_arrays
        return {str(k): float(v) for k, v in zip(a["corr_ids"], a["corr_values"], strict=True)}

    @cached_property
    def local_skills(self) -> LocalSkills:
        """Skills and knowledge that go with less exposure among occupations of the same kind."""
        return LocalSkills(self.table.codes, self.table.floats["beta"], self._index_arrays)

    @cached_property
    def by_industry(self) -> dict[str, list[str]]:
        """Occupation codes of each industry slug."""
        out: dict[str, list[str]] = {}
        for code, slug in zip(self.table.codes, self.table.strings["industry_slug"], strict=True):
            out.setdefault(slug, []).append(code)
        return out

    @cached_property
    def generic_technologies(self) -> tuple[frozenset[str], frozenset[str]]:
        """Software most occupations list (Excel, Word, web browsers): products never "to
        learn", kinds only where job postings ask (:func:`~.adaptation.generic_technologies`)."""
        from ai_impact.reports.adaptation import generic_technologies

        return generic_technologies(list(self._technology_pairs.values()))

    @cached_property
    def _technology_pairs(self) -> dict[str, list[tuple[str, str]]]:
        """Each occupation's O*NET technologies as (product, commodity code) pairs."""
        return {
            o.code: [(t.example, t.commodity_code) for t in self.kb.technologies(o.code)]
            for o in self.kb.occupations()
        }

    def peer_share(self, code: str, k: int = PEERS) -> dict[str, float]:
        """For each product ``code``'s occupation lists, the share of its ``k`` nearest
        occupations (tasks, titles, work activities, skills) that list it too: how much the
        product belongs to this kind of work rather than to one occupation's long tail."""
        near = [c for c, _ in self.neighbours.nearest(code, k)]
        listed = [{n for n, _ in self._technology_pairs.get(c, [])} for c in near]
        own = {n for n, _ in self._technology_pairs.get(code, [])}
        return {n: sum(n in s for s in listed) / len(near) for n in own} if near else {}

    def activity_text(self, code: str) -> str:
        """The occupation's task statements and detailed work activities (its task donors'
        where O*NET publishes none), lower case: what decides whether a consumer platform is
        part of its work (:func:`~ai_impact.reports.consumer_tech.offered_platform`)."""
        donors = self.table.row(code).donors if code in self.table else ()
        texts: list[str] = []
        for c in (code, *donors):
            texts += [t.text for t in self.kb.tasks_of(c)]
            texts += [a.dwa_title for a in self.kb.activities_of(c)]
            if texts:
                break
        return "\n".join(texts).lower()

    @cached_property
    def sharing(self) -> dict[str, int]:
        """How many O*NET occupations share each OEWS code and each BLS projection code
        (keys ``oews:…`` and ``nem:…``): those publish one figure for all of them."""
        out: dict[str, int] = {}
        for o in self.kb.occupations():
            for key in (f"oews:{o.oews_code}", f"nem:{o.nem_code}"):
                out[key] = out.get(key, 0) + 1
        return out

    @cached_property
    def tools(self) -> Any:
        """The AI tool catalogue, or None when it cannot be loaded (or is switched off)."""
        if not self.catalogues:
            return None
        try:
            from ai_impact.sources.catalog_tools import load_tools

            return load_tools(self.settings.data_dir, check_references=False)
        except Exception:
            return None

    @cached_property
    def certifications(self) -> Any:
        """The certification catalogue, or None when it cannot be loaded (or is switched off)."""
        if not self.catalogues:
            return None
        try:
            from ai_impact.sources import catalog_certs

            # After the first load the resolved catalogue comes from the cache folder (~10 ms).
            return catalog_certs.load_certifications(
                self.settings.data_dir, check_references=False, cache_dir=self.settings.cache_dir
            )
        except Exception:
            return None

    @cached_property
    def catalog_refs(self) -> tuple[SourceRef, ...]:
        """Source entries of the AI tool and certification catalogues that loaded."""
        out = []
        if self.tools is not None:
            out.append(
                SourceRef(
                    "tools",
                    "ai-impact AI tool catalog (data/catalog/ai_tools.toml)",
                    f"version {self.tools.version}, updated {self.tools.updated}",
                    "MIT (catalog); product names belong to their vendors",
                )
            )
        if self.certifications is not None:
            c = self.certifications
            out.append(
                SourceRef(
                    "certifications",
                    "ai-impact certification catalog (data/catalog)",
                    f"version {getattr(c, 'version', '?')}, updated {getattr(c, 'updated', '?')}",
                    "MIT (catalog); credential names belong to their issuers",
                )
            )
        return tuple(out)

    @cached_property
    def all_occupations_change(self) -> float | None:
        """BLS's projected 2024–34 employment change of all occupations together, in percent:
        the "Total, all occupations" line (00-0000) of table 1.2, which the knowledge base
        keeps beside the occupations' own lines; None when it is missing."""
        rows = self.kb._rows(
            "SELECT change_pct FROM projection WHERE nem_code = ?", (ALL_OCCUPATIONS,)
        )
        return float(rows[0][0]) if rows and rows[0][0] is not None else None

    @cached_property
    def base_wage_growth(self) -> float:
        """All-occupation median wage change May 2024 → May 2025 (OEWS), in percent."""
        return float(self._index_arrays["wage_growth"][0])


def _all_occupation_growth(kb: Any) -> float:
    """Median of occupations' national median wage changes 2024 → 2025, in percent."""
    changes = []
    for o in kb.occupations():
        if not o.code.endswith(".00"):
            continue
        a, b = kb.wage(o.code, year=2025), kb.wage(o.code, year=2024)
        if a and b and a.annual_median and b.annual_median:
            changes.append(a.annual_median / b.annual_median - 1.0)
    return float(np.median(changes) * 100.0) if changes else 3.0


def _save_npz(path: Path, arrays: dict[str, Any]) -> None:
    """Write an .npz atomically; a read-only cache folder is not an error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp.npz")
        np.savez_compressed(tmp, **arrays)
        tmp.replace(path)
    except OSError:
        pass
