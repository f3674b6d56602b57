"""Where each source lives under data/, and how a MANIFEST release reads as a vintage."""

from __future__ import annotations

import re

__all__ = ["FILES", "INDUSTRY_CATALOG", "not_loaded", "source_key", "vintage_of"]

# Logical name → path under data/. The build reads exactly these (plus the industry catalog).
FILES: dict[str, str] = {
    "occupations": "onet/30.3/occupation_data.csv.gz",
    "tasks": "onet/30.3/task_statements.csv.gz",
    # Earlier wordings of the same Task IDs, to join the Anthropic Economic Index's task names.
    "tasks_29": "onet/29.3/task_statements.csv.gz",
    "reported_titles": "onet/30.3/sample_of_reported_titles.csv.gz",
    "software": "onet/30.3/software_skills.csv.gz",
    "related": "onet/30.3/related_occupations.csv.gz",
    "job_zones": "onet/30.3/job_zones.csv.gz",
    "education": "onet/30.3/education.csv.gz",
    "essential_skills": "onet/30.3/essential_skills.csv.gz",
    "education_categories": "onet/30.3/education_categories.csv.gz",
    "alternate_titles": "onet/29.3/alternate_titles.csv.gz",
    "technology": "onet/29.3/technology_skills.csv.gz",
    "tools": "onet/29.3/tools_used.csv.gz",
    "skills": "onet/29.3/skills.csv.gz",
    "knowledge": "onet/29.3/knowledge.csv.gz",
    "tasks_to_dwas": "onet/29.3/tasks_to_dwas.csv.gz",
    "dwa_reference": "onet/29.3/dwa_reference.csv.gz",
    "onet_to_soc": "onet/crosswalks/onet_2019_to_soc_2018.csv.gz",
    "soc_structure": "onet/crosswalks/soc_structure_2018.csv.gz",
    "nem_crosswalk": "onet/crosswalks/nem_onet_to_soc.csv.gz",
    "labels": "labels/gpts-are-gpts/full_labelset.tsv.gz",
    "oews_2025": "bls/oews-2025.sqlite.gz",
    "oews_2024": "bls/oews_may2024_national.csv.gz",
    "projections": "bls/ep_2024_34_table_1_2.csv.gz",
    "projection_factors": "bls/ep_2024_34_table_1_12.csv.gz",
    "aei_tasks": "anthropic-aei/onet_task_mappings.csv.gz",
    "aei_split": "anthropic-aei/automation_vs_augmentation.csv",
    "btos": "adoption/btos_ai_use_by_sector_long.csv.gz",
}

INDUSTRY_CATALOG = "catalog/industries.toml"

# The other pinned files (data/MANIFEST checks them all) are not loaded as rows: what each is
# for, by a part of its path. Anything else is kept for reference (a source's other tables).
_KEPT_FOR: tuple[tuple[str, str], ...] = (
    ("LICENSE", "the license of the files beside it"),
    ("README", "the release's read-me"),
    (".manifest.json", "how the OEWS extract beside it was built: BLS files, counts, checksums"),
    ("iwa_reference", "read by the checks of the tool and certification catalogs"),
    ("unspsc_reference", "read by the checks of the certification catalog"),
    ("occ_level", "read by the scripts that train and test the task model"),
    ("work_styles", "read by the scripts that train the task model"),
    ("gwas_to_iwas_to_dwas", "read by the scripts that build the task model's verbs"),
)

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_VINTAGE = (
    re.compile(rf"{_MONTH} \d{{4}} ?[-–] ?{_MONTH} \d{{4}}"),
    re.compile(rf"{_MONTH} \d{{4}}"),
    re.compile(r"\d{4}-\d{2}-\d{2}"),
    re.compile(r"\d{4}[-–]\d{2,4}"),
    re.compile(r"\b(?:19|20)\d{2}\b"),
)


def vintage_of(release: str) -> str:
    """The reference period in a MANIFEST release ("O*NET 30.3 (May 2026)" → "May 2026")."""
    for pattern in _VINTAGE:
        if match := pattern.search(release):
            return match.group(0)
    return release


def source_key(file: str) -> str:
    """Short key of a vendored file: its logical name if the build reads it, else its path."""
    for name, path in FILES.items():
        if path == file:
            return name
    return file


def not_loaded(file: str) -> str | None:
    """Why the build loads no rows of a pinned file ("kept … for reference"); None if it does."""
    if file in FILES.values():
        return None
    why = next((why for part, why in _KEPT_FOR if part in file), None)
    return why or "kept with the data for reference; the analyses do not use it"
