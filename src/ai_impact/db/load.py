"""Loading parsed sources into an open, empty knowledge base (one transaction, by the builder).

Each loader returns the rows it wrote per source file, for the ``source`` table. Rows that would
point at an occupation, task or area that is not in the database are dropped and counted, so the
database has no orphans.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from ai_impact.db.files import FILES
from ai_impact.errors import DataError
from ai_impact.sources import aei, btos, crosswalks, labels, oews, onet, onet_elements
from ai_impact.sources import projections as proj
from ai_impact.sources.industries import IndustryCatalog

__all__ = ["Loader"]

_CROSS_INDUSTRY = "000000"


class Loader:
    """Loads every source from ``data_dir`` into ``con``; ``rows`` and ``stats`` fill as it goes."""

    def __init__(self, con: sqlite3.Connection, data_dir: Path, catalog: IndustryCatalog) -> None:
        self.con = con
        self.data_dir = data_dir
        self.catalog = catalog
        self.rows: dict[str, int] = defaultdict(int)
        self.stats: dict[str, int | float] = {}
        self.codes: set[str] = set()

    def path(self, name: str) -> Path:
        """Absolute path of a logical source file."""
        return self.data_dir / FILES[name]

    def _insert(self, table: str, rows: Sequence[Sequence[object]]) -> None:
        if rows:
            marks = ", ".join("?" * len(rows[0]))
            self.con.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)

    def load_all(self) -> None:
        """Load every table in dependency order."""
        oews_codes, shares = self.load_wages()
        self.load_occupations(oews_codes, shares)
        self.load_tasks()
        self.load_titles()
        self.load_descriptors()
        self.load_projections()
        self.load_adoption()

    # -- wages -------------------------------------------------------------------------------

    def load_wages(self) -> tuple[set[str], dict[str, dict[str, float]]]:
        """OEWS 2025 (all areas and industries) and 2024 national; returns codes and shares."""
        with oews.decompressed(self.path("oews_2025")) as db_path:
            areas = oews.read_areas(db_path)
            industries = oews.read_industries(db_path)
            self._insert("oews_area", [tuple(a) for a in areas])
            self._insert("oews_industry", [tuple(i) for i in industries])
            sectors = {i.code: i.name for i in industries if oews.sector_code(i.code)}
            national_cross: dict[str, int | None] = {}
            sector_emp: dict[str, dict[str, int]] = defaultdict(dict)
            batch: list[tuple[object, ...]] = []
            count = 0
            for row in oews.read_wages_2025(db_path):
                batch.append(tuple(row))
                if row.area_code == oews.NATIONAL:
                    if row.industry_code == _CROSS_INDUSTRY:
                        national_cross[row.occ_code] = row.employment
                    elif row.industry_code in sectors and row.employment:
                        sector_emp[row.occ_code][row.industry_code] = row.employment
                if len(batch) >= 50_000:
                    self._insert("wage", batch)
                    count += len(batch)
                    batch = []
            self._insert("wage", batch)
            count += len(batch)
        self.rows["oews_2025"] = count
        rows_2024 = oews.read_wages_2024(self.path("oews_2024"))
        self._insert("wage", [tuple(r) for r in rows_2024])
        self.rows["oews_2024"] = len(rows_2024)
        shares: dict[str, dict[str, float]] = {}
        for occ, by_sector in sector_emp.items():
            total = national_cross.get(occ)
            if total:
                shares[occ] = {
                    str(oews.sector_code(ind)): emp / total for ind, emp in by_sector.items()
                }
        self._sector_names = {str(oews.sector_code(c)): n for c, n in sectors.items()}
        return set(national_cross), shares

    # -- occupations -------------------------------------------------------------------------

    def load_occupations(self, oews_codes: set[str], shares: dict[str, dict[str, float]]) -> None:
        """Occupations with SOC hierarchy, job zone, education, industry and crosswalk codes."""
        occupations = onet.read_occupations(self.path("occupations"))
        self.rows["occupations"] = len(occupations)
        soc_map = crosswalks.read_onet_to_soc(self.path("onet_to_soc"))
        self.rows["onet_to_soc"] = len(soc_map)
        groups = crosswalks.read_soc_structure(self.path("soc_structure"))
        self.rows["soc_structure"] = len(groups)
        parents = crosswalks.soc_parents(groups)
        nem = crosswalks.read_nem_crosswalk(self.path("nem_crosswalk"))
        self.rows["nem_crosswalk"] = len(nem)
        zones = onet.read_job_zones(self.path("job_zones"))
        self.rows["job_zones"] = len(zones)
        education = onet.read_education(self.path("education"), self.path("education_categories"))
        self.rows["education"] = len(education)
        self.rows["education_categories"] = len(set(education.values()))
        self._insert(
            "industry",
            [
                (i.slug, i.label, i.description, ",".join(i.naics_sectors))
                for i in self.catalog.industries
            ],
        )
        self._insert("soc_group", [tuple(g) for g in groups.values()])
        task_codes = {t.code for t in onet.read_tasks(self.path("tasks"))}
        missing_soc = [o.code for o in occupations if o.code not in soc_map]
        if missing_soc:
            raise DataError(
                f"{len(missing_soc)} occupation(s) have no SOC 2018 code in the crosswalk: "
                f"{', '.join(missing_soc[:10])}.",
                hint="Re-vendor onet/crosswalks/onet_2019_to_soc_2018.csv.gz.",
            )
        out: list[tuple[object, ...]] = []
        for occ in occupations:
            soc, soc_title = soc_map[occ.code]
            oews_code = soc if soc in oews_codes else None
            if oews_code is None and f"{soc[:6]}0" in oews_codes:
                oews_code = f"{soc[:6]}0"  # OEWS publishes some occupations only as broad groups
            occ_shares = shares.get(oews_code or "", {})
            industry, basis = self.catalog.assign(soc, occ_shares)
            sector = max(occ_shares.items(), key=lambda kv: kv[1])[0] if occ_shares else None
            out.append(
                (
                    occ.code, occ.title, occ.description, soc, soc_title,
                    *parents.get(soc, (f"{soc[:2]}-0000", f"{soc[:4]}000", f"{soc[:6]}0")),
                    zones.get(occ.code), education.get(occ.code),
                    industry.slug, basis,
                    int("all other" in occ.title.lower()), int(occ.code in task_codes),
                    oews_code, nem.get(occ.code), sector,
                )
            )  # fmt: skip
            for sector_code, share in occ_shares.items():
                self.con.execute(
                    "INSERT INTO occupation_sector VALUES (?, ?, ?, ?)",
                    (occ.code, sector_code, self._sector_names.get(sector_code, ""), share),
                )
        self._insert("occupation", out)
        self.codes = {o.code for o in occupations}

    # -- tasks -------------------------------------------------------------------------------

    def load_tasks(self) -> None:
        """30.3 tasks with GPTs-are-GPTs labels and AEI usage shares joined; the label set as is."""
        tasks = onet.read_tasks(self.path("tasks"))
        label_rows = labels.read_labels(self.path("labels"))
        shares = aei.read_task_shares(self.path("aei_tasks"))
        split = aei.read_automation_split(self.path("aei_split"))
        self.rows.update(
            tasks=len(tasks), labels=len(label_rows), aei_tasks=len(shares), aei_split=len(split)
        )
        joined = labels.join_labels(((t.task_id, t.code, t.text) for t in tasks), label_rows)
        older = self._older_wordings(label_rows)
        used = aei.join_shares(
            ((t.task_id, [t.text, *older.get(t.task_id, [])]) for t in tasks), shares
        )
        out: list[tuple[object, ...]] = []
        orphans = 0
        for t in tasks:
            if t.code not in self.codes:
                orphans += 1
                continue
            hit = joined.get(t.task_id)
            lab = hit.label if hit else None
            out.append(
                (
                    t.task_id, t.code, t.text, t.task_type,
                    lab.human_exposure if lab else None, lab.gpt4_exposure if lab else None,
                    lab.gpt4_automation if lab else None, hit.match if hit else None,
                    used[t.task_id].share if t.task_id in used else None,
                )
            )  # fmt: skip
        self._insert("task", out)
        self._insert(
            "label",
            [
                (lab.code, lab.task_id, lab.text, lab.human_exposure, lab.gpt4_exposure,
                 lab.gpt4_automation)
                for lab in label_rows
            ],
        )  # fmt: skip
        self.task_ids = {row[0] for row in out}
        self.stats.update(
            tasks=len(out),
            tasks_labelled=sum(1 for r in out if r[7] is not None),
            tasks_labelled_by_id=sum(1 for r in out if r[7] == "id"),
            tasks_labelled_by_text=sum(1 for r in out if r[7] == "text"),
            tasks_with_aei=sum(1 for r in out if r[8] is not None),
            tasks_with_aei_by_wording=sum(
                1 for r in out if r[8] is not None and used[int(str(r[0]))].match != "text"
            ),
            aei_task_texts=len(shares),
            tasks_dropped_orphan=orphans,
        )
        for kind, pct in split.items():
            self.con.execute(
                "INSERT INTO meta VALUES (?, ?)", (f"aei_interaction:{kind}", repr(pct))
            )

    def _older_wordings(self, label_rows: list[labels.TaskLabel]) -> dict[int, list[str]]:
        """Earlier wordings of each Task ID: O*NET 29.3's, then the label set's (27.2). The
        Anthropic Economic Index names tasks in an older release's wording."""
        out: dict[int, list[str]] = {}
        path = self.path("tasks_29")
        if path.exists():  # pinned with the data; a trimmed test data set may leave it out
            older = onet.read_tasks(path)
            self.rows["tasks_29"] = len(older)
            for task in older:
                out.setdefault(task.task_id, []).append(task.text)
        for lab in label_rows:
            out.setdefault(lab.task_id, []).append(lab.text)
        return out

    # -- titles and descriptors ----------------------------------------------------------------

    def load_titles(self) -> None:
        """O*NET, alternate, short and reported titles of known occupations."""
        titles = onet.read_titles(
            onet.read_occupations(self.path("occupations")),
            self.path("alternate_titles"),
            self.path("reported_titles"),
        )
        kept = list({(t.title, t.code, t.kind) for t in titles if t.code in self.codes})
        kept.sort(key=lambda r: (r[1], r[2], r[0]))
        self._insert("title", [tuple(t) for t in kept])
        self.rows["alternate_titles"] = sum(1 for t in kept if t[2] in ("alternate", "short"))
        self.rows["reported_titles"] = sum(1 for t in kept if t[2] == "reported")
        self.stats["titles"] = len(kept)

    def load_descriptors(self) -> None:
        """Work activities, skills, knowledge, technologies, tools and related occupations."""
        acts, unresolved = onet_elements.read_activities(
            self.path("tasks_to_dwas"), self.path("dwa_reference")
        )
        gwa: dict[str, str] = {}
        iwa: dict[str, tuple[str, str]] = {}
        dwa: dict[str, tuple[str, str]] = {}
        links: set[tuple[int, str, str]] = set()
        for a in acts:
            if a.task_id not in self.task_ids:
                unresolved += 1
                continue
            gwa[a.gwa_id] = a.gwa_title
            iwa[a.iwa_id] = (a.iwa_title, a.gwa_id)
            dwa[a.dwa_id] = (a.dwa_title, a.iwa_id)
            links.add((a.task_id, a.code, a.dwa_id))
        self._insert("gwa", list(gwa.items()))
        self._insert("iwa", [(k, *v) for k, v in iwa.items()])
        self._insert("dwa", [(k, *v) for k, v in dwa.items()])
        self._insert("task_dwa", sorted(links))
        self.rows.update(tasks_to_dwas=len(links), dwa_reference=len(dwa))
        self.stats["activity_links_dropped"] = unresolved
        # Skills: 30.3 essential skills where published, 29.3 skills for the rest.
        newer = onet_elements.read_ratings(self.path("essential_skills"))
        seen = {(r.code, r.element_id) for r in newer}
        older = [
            r
            for r in onet_elements.read_ratings(self.path("skills"))
            if (r.code, r.element_id) not in seen
        ]
        self.rows.update(essential_skills=len(newer), skills=len(older))
        knowledge = onet_elements.read_ratings(self.path("knowledge"))
        self.rows["knowledge"] = len(knowledge)
        self._insert(
            "rating",
            [("skill", *r) for r in (*newer, *older) if r.code in self.codes]
            + [("knowledge", *r) for r in knowledge if r.code in self.codes],
        )
        techs = onet_elements.read_technologies(self.path("software"), self.path("technology"))
        tech_rows = [tuple(t) for t in techs if t.code in self.codes]
        self._insert("technology", tech_rows)
        self.rows.update(software=len(tech_rows), technology=len(tech_rows))
        tools = [
            tuple(t) for t in onet_elements.read_tools(self.path("tools")) if t.code in self.codes
        ]
        self._insert("tool", tools)
        self.rows["tools"] = len(tools)
        related = {
            (r.code, r.related_code): r
            for r in onet_elements.read_related(self.path("related"))
            if r.code in self.codes and r.related_code in self.codes
        }
        self._insert("related", [tuple(r) for r in related.values()])
        self.rows["related"] = len(related)

    # -- projections and adoption --------------------------------------------------------------

    def load_projections(self) -> None:
        """Employment Projections 2024-34: table 1.2 and the factor notes of table 1.12."""
        rows = {r.nem_code: r for r in proj.read_projections(self.path("projections"))}
        self._insert("projection", [tuple(r) for r in rows.values()])
        self.rows["projections"] = len(rows)
        factors = {
            (f.nem_code, f.industry_code): f
            for f in proj.read_factors(self.path("projection_factors"))
        }
        self._insert("projection_factor", [tuple(f) for f in factors.values()])
        self.rows["projection_factors"] = len(factors)

    def load_adoption(self) -> None:
        """BTOS AI use by sector and period."""
        rows = btos.read_adoption(self.path("btos"))
        self._insert(
            "adoption",
            [
                (r.sector_code, r.period, r.period_start, r.sector_name, r.share_pct,
                 r.expected_pct, int(r.comparable))
                for r in rows
            ],
        )  # fmt: skip
        self.rows["btos"] = len(rows)
