"""The knowledge base schema: every table, created in one go; indexes after the load.

Bump :data:`SCHEMA_VERSION` with any change here: the default database file name includes it,
so a new schema builds a new file instead of reading an old one.
"""

from __future__ import annotations

__all__ = ["INDEXES", "SCHEMA_VERSION", "TABLES"]

# 5: AEI shares joined through a task's earlier wordings too (not a table change, but the same
# tables hold other values, so a database built before must not be read as current).
SCHEMA_VERSION = 5

TABLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE source (
    key TEXT PRIMARY KEY, file TEXT NOT NULL, release TEXT NOT NULL, vintage TEXT NOT NULL,
    licence TEXT NOT NULL, sha256 TEXT NOT NULL, rows INTEGER NOT NULL);
CREATE TABLE industry (
    slug TEXT PRIMARY KEY, label TEXT NOT NULL, description TEXT NOT NULL,
    naics_sectors TEXT NOT NULL);
CREATE TABLE soc_group (code TEXT PRIMARY KEY, title TEXT NOT NULL, level TEXT NOT NULL);
CREATE TABLE occupation (
    code TEXT PRIMARY KEY, title TEXT NOT NULL, description TEXT NOT NULL,
    soc TEXT NOT NULL, soc_title TEXT NOT NULL,
    major_code TEXT NOT NULL, minor_code TEXT NOT NULL, broad_code TEXT NOT NULL,
    job_zone INTEGER, education TEXT,
    industry_slug TEXT NOT NULL REFERENCES industry(slug), industry_basis TEXT NOT NULL,
    is_residual INTEGER NOT NULL, has_tasks INTEGER NOT NULL,
    oews_code TEXT, nem_code TEXT, sector_code TEXT);
CREATE TABLE task (
    task_id INTEGER PRIMARY KEY, code TEXT NOT NULL REFERENCES occupation(code),
    text TEXT NOT NULL, task_type TEXT,
    human_exposure TEXT, gpt4_exposure TEXT, gpt4_automation INTEGER, label_match TEXT,
    aei_share REAL);
CREATE TABLE label (
    code TEXT NOT NULL, task_id INTEGER NOT NULL, text TEXT NOT NULL,
    human_exposure TEXT, gpt4_exposure TEXT, gpt4_automation INTEGER,
    PRIMARY KEY (code, task_id)) WITHOUT ROWID;
CREATE TABLE title (
    title TEXT NOT NULL, code TEXT NOT NULL REFERENCES occupation(code), kind TEXT NOT NULL);
CREATE TABLE gwa (gwa_id TEXT PRIMARY KEY, title TEXT NOT NULL);
CREATE TABLE iwa (
    iwa_id TEXT PRIMARY KEY, title TEXT NOT NULL, gwa_id TEXT NOT NULL REFERENCES gwa(gwa_id));
CREATE TABLE dwa (
    dwa_id TEXT PRIMARY KEY, title TEXT NOT NULL, iwa_id TEXT NOT NULL REFERENCES iwa(iwa_id));
CREATE TABLE task_dwa (
    task_id INTEGER NOT NULL REFERENCES task(task_id), code TEXT NOT NULL,
    dwa_id TEXT NOT NULL REFERENCES dwa(dwa_id), PRIMARY KEY (task_id, dwa_id)) WITHOUT ROWID;
CREATE TABLE rating (
    kind TEXT NOT NULL, code TEXT NOT NULL REFERENCES occupation(code),
    element_id TEXT NOT NULL, name TEXT NOT NULL, importance REAL, level REAL,
    PRIMARY KEY (kind, code, element_id)) WITHOUT ROWID;
CREATE TABLE technology (
    code TEXT NOT NULL REFERENCES occupation(code), example TEXT NOT NULL,
    commodity_code TEXT, commodity_title TEXT NOT NULL, hot INTEGER NOT NULL,
    in_demand INTEGER NOT NULL);
CREATE TABLE tool (
    code TEXT NOT NULL REFERENCES occupation(code), example TEXT NOT NULL,
    commodity_title TEXT NOT NULL);
CREATE TABLE related (
    code TEXT NOT NULL REFERENCES occupation(code),
    related_code TEXT NOT NULL REFERENCES occupation(code), tier TEXT NOT NULL,
    rank INTEGER NOT NULL, PRIMARY KEY (code, related_code)) WITHOUT ROWID;
CREATE TABLE oews_area (
    area_type TEXT NOT NULL, area_code TEXT PRIMARY KEY, name TEXT NOT NULL, state TEXT);
CREATE TABLE oews_industry (code TEXT PRIMARY KEY, name TEXT NOT NULL, level INTEGER NOT NULL);
CREATE TABLE wage (
    occ_code TEXT NOT NULL, year INTEGER NOT NULL,
    area_code TEXT NOT NULL REFERENCES oews_area(area_code),
    industry_code TEXT NOT NULL REFERENCES oews_industry(code),
    employment INTEGER, hourly_mean REAL, annual_mean REAL, annual_p10 REAL, annual_p25 REAL,
    annual_median REAL, annual_p75 REAL, annual_p90 REAL, hourly_median REAL,
    hourly_p10 REAL, hourly_p25 REAL, hourly_p75 REAL, hourly_p90 REAL, notes TEXT NOT NULL,
    PRIMARY KEY (occ_code, year, area_code, industry_code)) WITHOUT ROWID;
CREATE TABLE occupation_sector (
    code TEXT NOT NULL REFERENCES occupation(code), sector_code TEXT NOT NULL,
    sector_name TEXT NOT NULL, share REAL NOT NULL,
    PRIMARY KEY (code, sector_code)) WITHOUT ROWID;
CREATE TABLE projection (
    nem_code TEXT PRIMARY KEY, title TEXT NOT NULL, occ_type TEXT NOT NULL,
    employment_2024 REAL, employment_2034 REAL, change_num REAL, change_pct REAL,
    openings_annual REAL, median_wage_2024 REAL, education TEXT, experience TEXT, training TEXT,
    wage_note TEXT);
CREATE TABLE projection_factor (
    nem_code TEXT NOT NULL, industry_code TEXT NOT NULL, industry_title TEXT NOT NULL,
    factor TEXT NOT NULL, PRIMARY KEY (nem_code, industry_code)) WITHOUT ROWID;
CREATE TABLE adoption (
    sector_code TEXT NOT NULL, period TEXT NOT NULL, period_start TEXT NOT NULL,
    sector_name TEXT NOT NULL, share_pct REAL NOT NULL, expected_pct REAL,
    comparable INTEGER NOT NULL, PRIMARY KEY (sector_code, period)) WITHOUT ROWID;
"""

INDEXES = """
CREATE INDEX task_code ON task(code);
CREATE INDEX title_code ON title(code);
CREATE INDEX task_dwa_code ON task_dwa(code);
CREATE INDEX technology_code ON technology(code);
CREATE INDEX tool_code ON tool(code);
CREATE INDEX occupation_soc ON occupation(soc);
"""
