"""Source parsers: column checks, every bad row reported at once, joins and the catalogs."""

from __future__ import annotations

import gzip
import shutil
import sqlite3
from pathlib import Path

import pytest

from ai_impact.db.area_lookup import resolve_area
from ai_impact.db.files import vintage_of
from ai_impact.db.models import Area
from ai_impact.errors import ChecksumError, DataError, NotFoundError
from ai_impact.settings import default_data_dir
from ai_impact.sources import btos, labels, oews, onet, projections
from ai_impact.sources.industries import load_industries
from ai_impact.sources.manifest import read_manifest, verify_manifest


def _gz(path: Path, text: str) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(text)
    return path


def test_missing_column_names_file_and_column(tmp_path: Path) -> None:
    path = _gz(tmp_path / "occupation_data.csv.gz", "O*NET-SOC Code,Title\n11-1011.00,CEO\n")
    with pytest.raises(
        DataError, match=r"occupation_data\.csv\.gz: missing column\(s\) \['Description'\]"
    ):
        onet.read_occupations(path)


def test_every_bad_row_is_reported_at_once(tmp_path: Path) -> None:
    text = (
        "O*NET-SOC Code,Title,Task ID,Task,Task Type\n"
        "11-1011.00,CEO,1,Do things.,Core\n"
        "11-1011,CEO,2,Bad code.,Core\n"
        "11-1011.00,CEO,x,Bad id.,Core\n"
        "11-1011.00,CEO,4,Bad type.,Sometimes\n"
    )
    path = _gz(tmp_path / "task_statements.csv.gz", text)
    with pytest.raises(DataError) as err:
        onet.read_tasks(path)
    message = str(err.value)
    assert "3 bad row(s)" in message
    assert "row 2" in message and "row 3" in message and "unknown task type 'Sometimes'" in message


def test_normalized_text_ignores_case_punctuation_and_spacing() -> None:
    assert (
        labels.normalize_task_text("  Analyze  user-needs, and DATA. ")
        == "analyze userneeds and data"
    )


def test_label_join_prefers_code_and_id_then_id_then_text() -> None:
    lab = [
        labels.TaskLabel("15-1252.00", 1, "Write code.", "E1", "E1", 2),
        labels.TaskLabel("15-1251.00", 2, "Test code.", "E2", "E2", 3),
        labels.TaskLabel("15-1251.00", 3, "Review designs!", "E0", "E0", 0),
    ]
    tasks = [
        (1, "15-1252.00", "x"),
        (2, "15-1252.00", "y"),
        (9, "15-1252.00", "review  designs"),
        (8, "15-1252.00", "unknown"),
    ]
    joined = labels.join_labels(tasks, lab)
    assert {k: (v.label.task_id, v.match) for k, v in joined.items()} == {
        1: (1, "id"),
        2: (2, "id"),
        9: (3, "text"),
    }


def test_labels_reject_unknown_exposure(tmp_path: Path) -> None:
    head = "\tO*NET-SOC Code\tTask ID\tTask\thuman_exposure_agg\tgpt4_exposure\tgpt4_automation\n"
    path = _gz(tmp_path / "full_labelset.tsv.gz", head + "0\t11-1011.00\t1.0\tX\tE3\tE1\tT9\n")
    with pytest.raises(DataError, match="E3"):
        labels.read_labels(path)


@pytest.mark.parametrize(
    ("release", "vintage"),
    [
        ("O*NET 30.3 (May 2026)", "May 2026"),
        ("OEWS May 2025", "May 2025"),
        ("BLS Employment Projections 2024-34", "2024-34"),
        ("BLS Employment Projections 2024–34", "2024–34"),
        ("Census BTOS, Sep 2023 - Nov 2025 (downloaded 2025-12-09)", "Sep 2023 - Nov 2025"),
        ("Anthropic Economic Index, release 2025-02-10", "2025-02-10"),
    ],
)
def test_vintage_is_read_from_the_release(release: str, vintage: str) -> None:
    assert vintage_of(release) == vintage


def test_manifest_refuses_corrupt_and_missing_files(tmp_path: Path, fixture_data_dir: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(fixture_data_dir, data)
    entries = read_manifest(data)
    verify_manifest(data, entries)
    target = data / "onet/30.3/job_zones.csv.gz"
    expected = next(e.sha256 for e in entries if e.file == "onet/30.3/job_zones.csv.gz")
    target.write_bytes(target.read_bytes() + b"x")
    with pytest.raises(
        ChecksumError, match=f"onet/30.3/job_zones.csv.gz is corrupt: expected sha256 {expected}"
    ):
        verify_manifest(data, entries)
    target.unlink()
    with pytest.raises(
        DataError,
        match=f"job_zones.csv.gz listed in data/MANIFEST is missing .expected sha256 {expected}",
    ):
        verify_manifest(data, entries)


PRODUCT_LABELS = {
    "Technology", "Healthcare", "Finance", "Legal", "Education", "Manufacturing", "Construction",
    "Transportation", "Retail", "Hospitality", "Creative & Media", "Science",
    "Public Safety & Government", "Agriculture", "Personal Services", "Business & Administration",
    "Energy & Utilities", "Installation & Repair",
}  # fmt: skip


def test_catalog_has_exactly_the_product_labels() -> None:
    catalog = load_industries(default_data_dir() / "catalog/industries.toml")
    assert {i.label for i in catalog.industries} == PRODUCT_LABELS


@pytest.mark.parametrize(
    ("soc", "label"),
    [
        ("15-1252", "Technology"), ("29-1141", "Healthcare"), ("23-1011", "Legal"),
        ("47-2181", "Construction"), ("35-1011", "Hospitality"), ("27-2011", "Creative & Media"),
        ("11-9013", "Agriculture"), ("33-3051", "Public Safety & Government"),
        ("13-2011", "Finance"), ("47-2111", "Construction"), ("49-9021", "Installation & Repair"),
        ("53-3032", "Transportation"), ("41-2011", "Retail"), ("25-2021", "Education"),
        ("51-4121", "Manufacturing"), ("39-5012", "Personal Services"),
        ("43-4051", "Business & Administration"), ("51-8013", "Energy & Utilities"),
        ("19-1029", "Science"),
    ],
)  # fmt: skip
def test_soc_rules_give_the_expected_industry(soc: str, label: str) -> None:
    catalog = load_industries(default_data_dir() / "catalog/industries.toml")
    assert catalog.assign(soc, {})[0].label == label


def test_concentration_refines_only_refinable_groups() -> None:
    catalog = load_industries(default_data_dir() / "catalog/industries.toml")
    industry, basis = catalog.assign("43-4171", {"62": 0.7, "44": 0.1})
    assert industry.label == "Healthcare"
    assert (
        basis
        == "SOC 43 → Business & Administration, refined: 70% of employment in NAICS 62 → Healthcare"
    )
    assert catalog.assign("43-4171", {"62": 0.4})[0].label == "Business & Administration"
    assert catalog.assign("49-9021", {"23": 0.9})[0].label == "Installation & Repair"


def test_appraisers_stay_finance_whatever_the_pooled_oews_share() -> None:
    """QA9: OEWS pools 13-2022 and 13-2023 under 13-2020, 52% in government (the assessors'
    offices); the appraisers stay with the financial specialists, who still refine."""
    catalog = load_industries(default_data_dir() / "catalog/industries.toml")
    shares = {"99": 0.52, "53": 0.24, "52": 0.11}
    for soc in ("13-2022", "13-2023"):
        industry, basis = catalog.assign(soc, shares)
        assert (industry.label, basis) == ("Finance", "SOC 13-202 → Finance")
    assert catalog.assign("13-2081", shares)[0].label == "Public Safety & Government"


def test_government_or_school_ownership_does_not_refine_transport() -> None:
    """QA10: transit bus drivers (60% government), subway operators (91%) and school bus drivers
    (51% in schools) stay Transportation; ambulance drivers still refine to Healthcare."""
    catalog = load_industries(default_data_dir() / "catalog/industries.toml")
    for soc, shares in (
        ("53-3052", {"99": 0.60, "48": 0.30}),
        ("53-4041", {"99": 0.91}),
        ("53-3051", {"61": 0.51, "48": 0.40}),
    ):
        assert catalog.assign(soc, shares) == (
            catalog.by_slug("transportation"),
            "SOC 53 → Transportation",
        )
    assert catalog.assign("53-3011", {"62": 0.8})[0].label == "Healthcare"
    assert catalog.assign("13-2071", {"61": 0.54})[0].label == "Finance"
    assert catalog.assign("43-4031", {"99": 0.98})[0].label == "Public Safety & Government"


def test_catalog_rejects_refine_ignore_without_refine(tmp_path: Path) -> None:
    path = tmp_path / "industries.toml"
    path.write_text(
        '[[industry]]\nslug = "a"\nlabel = "A"\nnaics_sectors = ["99"]\n'
        '[[soc_rule]]\nprefix = "11"\nindustry = "a"\nrefine_ignore = ["99"]\n'
    )
    with pytest.raises(DataError, match="refine_ignore without refine"):
        load_industries(path)


def test_catalog_rejects_a_rule_for_an_unknown_industry(tmp_path: Path) -> None:
    path = tmp_path / "industries.toml"
    path.write_text(
        '[[industry]]\nslug = "a"\nlabel = "A"\n[[soc_rule]]\nprefix = "11"\nindustry = "b"\n'
    )
    with pytest.raises(DataError, match="rule '11' names unknown industry 'b'"):
        load_industries(path)


AREAS = [
    Area("N", "0000000", "National", None),
    Area("S", "0600000", "California", "CA"),
    Area("M", "0041860", "San Francisco-Oakland-Fremont, CA", "CA"),
]


@pytest.mark.parametrize(
    ("query", "code"),
    [(None, "0000000"), ("CA", "0600000"), ("ca", "0600000"), ("california", "0600000"),
     ("41860", "0041860"), ("san francisco-oakland-fremont, ca", "0041860")],
)  # fmt: skip
def test_area_resolution(query: str | None, code: str) -> None:
    assert resolve_area(AREAS, query).area_code == code


CITY_AREAS = [
    *AREAS,
    Area("M", "0012420", "Austin-Round Rock-San Marcos, TX", "TX"),
    Area("M", "0038860", "Portland-South Portland, ME", "ME"),
    Area("M", "0038900", "Portland-Vancouver-Hillsboro, OR-WA", "OR"),
]


@pytest.mark.parametrize(
    ("query", "code"),
    [("Austin", "0012420"), ("austin, tx", "0012420"), ("Austin TX", "0012420"),
     ("Round Rock", "0012420"), ("Portland, OR", "0038900"), ("Vancouver WA", "0038900"),
     ("portland me", "0038860"), ("Oakland", "0041860")],
)  # fmt: skip
def test_a_city_names_its_metro_area(query: str, code: str) -> None:
    assert resolve_area(CITY_AREAS, query).area_code == code


def test_a_city_in_two_metro_areas_asks_for_the_state() -> None:
    with pytest.raises(NotFoundError, match="names more than one metro area") as err:
        resolve_area(CITY_AREAS, "Portland")
    assert "Portland, ME" in str(err.value.hint) or "Portland, ME" in str(err.value)
    with pytest.raises(NotFoundError, match="No OEWS area matches"):
        resolve_area(CITY_AREAS, "Austin, CA")


def test_unknown_area_lists_close_matches() -> None:
    with pytest.raises(NotFoundError, match="Close matches: 'California'"):
        resolve_area(AREAS, "Calfornia")


def test_oews_footnotes_become_notes_not_numbers(fixture_data_dir: Path) -> None:
    with oews.decompressed(fixture_data_dir / "bls/oews-2025.sqlite.gz") as path:
        rows = {(r.occ_code, r.area_code, r.industry_code): r for r in oews.read_wages_2025(path)}
    actors = rows[("27-2011", oews.NATIONAL, "000000")]
    assert actors.annual_median is None and actors.hourly_median == 29.05
    assert (actors.hourly_p10, actors.hourly_p25, actors.hourly_p75, actors.hourly_p90) == (
        16.50,
        20.34,
        97.95,
        143.68,
    )
    assert actors.notes == oews.HOURLY_ONLY
    ceo_2024 = {
        r.occ_code: r
        for r in oews.read_wages_2024(fixture_data_dir / "bls/oews_may2024_national.csv.gz")
    }
    ceo = ceo_2024["11-1011"]
    assert (ceo.annual_median, ceo.annual_p75, ceo.annual_p90) == (206420.0, None, None)
    assert (ceo.hourly_p10, ceo.hourly_p25, ceo.hourly_p75, ceo.hourly_p90) == (
        35.44,
        60.61,
        None,
        None,
    )
    assert ceo.notes == (
        "top-coded: annual p75, annual p90 ≥ $239,200/yr | "
        "top-coded: hourly p75, hourly p90 ≥ $115.00/hr"
    )
    actors_2024 = ceo_2024["27-2011"]
    assert (actors_2024.hourly_p10, actors_2024.hourly_median, actors_2024.hourly_p90) == (
        14.0,
        23.33,
        97.19,
    )
    assert actors_2024.notes == oews.HOURLY_ONLY


def _oews_2025(path: Path, cells: list[tuple[str, dict[str, str], dict[str, str]]]) -> Path:
    """A May 2025 OEWS database in the vendored layout: cells as (key, values, footnotes)."""
    con = sqlite3.connect(path)
    cols = ", ".join(
        [f"v{i:02d} TEXT" for i in range(1, 18)] + [f"f{i:02d} TEXT" for i in range(1, 18)]
    )
    con.execute(f"CREATE TABLE cell (key TEXT PRIMARY KEY, {cols})")
    con.execute("CREATE TABLE area (area_code, areatype_code, state_code, area_name)")
    con.execute("CREATE TABLE industry (industry_code, industry_name, display_level)")
    for key, values, flags in cells:
        row = [values.get(f"v{i:02d}", "-") for i in range(1, 18)]
        row += [flags.get(f"f{i:02d}") for i in range(1, 18)]
        con.execute(f"INSERT INTO cell VALUES (?{', ?' * 34})", (key, *row))
    con.commit()
    con.close()
    return path


def test_hourly_percentiles_top_coded_or_withheld_are_noted_not_numbers(tmp_path: Path) -> None:
    hourly = {"v01": "500", "v03": "61.20", "v06": "18.00", "v07": "22.50", "v08": "30.00"}
    annual_gone = {f"f{i:02d}": "4" for i in (4, 11, 12, 13, 14, 15)}
    path = _oews_2025(
        tmp_path / "oews.sqlite",
        [
            # Hourly only, the 90th percentile top-coded (footnote 5) and the 10th withheld ("*").
            ("OEUN0000000000000272011", {**hourly, "v06": "*", "v09": "96.00"},
             {**annual_gone, "f10": "5"}),
            # Hourly only, every percentile published.
            ("OEUN0000000000000272031", {**hourly, "v09": "37.43", "v10": "53.66"}, annual_gone),
        ],
    )  # fmt: skip
    rows = {r.occ_code: r for r in oews.read_wages_2025(path)}
    top = rows["27-2011"]
    assert (top.hourly_p10, top.hourly_p25, top.hourly_median, top.hourly_p75) == (
        None,
        22.5,
        30.0,
        96.0,
    )
    assert top.hourly_p90 is None and top.annual_median is None
    assert top.notes == (
        f"top-coded: hourly p90 ≥ $115.00/hr | {oews.HOURLY_ONLY} | not released: hourly p10"
    )
    full = rows["27-2031"]
    assert (full.hourly_p10, full.hourly_p90, full.notes) == (18.0, 53.66, oews.HOURLY_ONLY)

    head = _csv_header(default_data_dir() / "bls/oews_may2024_national.csv.gz")
    line = (
        "99,U.S.,1,US,000000,Cross-industry,cross-industry,1235,27-2011,Actors,detailed,38800,"
        "6,,,,,44.4,*,15.9,*,16.94,23.33,41.09,#,*,*,*,*,*,,TRUE\n"
    )
    (actors,) = oews.read_wages_2024(_gz(tmp_path / "oews24.csv.gz", head + line))
    assert (actors.hourly_p10, actors.hourly_p25, actors.hourly_p75, actors.hourly_p90) == (
        None,
        16.94,
        41.09,
        None,
    )
    assert actors.notes == (
        f"top-coded: hourly p90 ≥ $115.00/hr | {oews.HOURLY_ONLY} | not released: hourly p10"
    )


def _csv_header(path: Path) -> str:
    """The header line of a gzipped CSV."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return fh.readline()


def test_projection_top_coded_wage_is_noted(tmp_path: Path) -> None:
    cols = (
        "2024 National Employment Matrix title,2024 National Employment Matrix code,"
        "Occupation type,"
        '"Employment, 2024","Employment, 2034","Employment change, numeric, 2024–34",'
        '"Employment change, percent, 2024–34","Occupational openings, 2024–34 annual average",'
        '"Median annual wage, dollars, 2024[1]",Typical education needed for entry,'
        "Work experience in a related occupation,"
        "Typical on-the-job training needed to attain competency in the occupation\n"
    )
    row = 'Anesthesiologists,29-1211,Line item,45.3,46.7,1.4,3.2,1.3,">=$239,200",Doctoral,None,—\n'
    path = _gz(tmp_path / "ep.csv.gz", cols + row + "Note: footer,,,,,,,,,,,\n")
    (rec,) = projections.read_projections(path)
    assert rec.median_wage_2024 is None and rec.training is None
    assert rec.wage_note == "top-coded: median wage ≥ $239,200/yr"
    assert (rec.employment_2024, rec.change_pct) == (45.3, 3.2)


def test_btos_marks_the_new_wording_not_comparable(fixture_data_dir: Path) -> None:
    rows = btos.read_adoption(fixture_data_dir / "adoption/btos_ai_use_by_sector_long.csv.gz")
    info = {(r.sector_code, r.period): r for r in rows}
    assert info[("51", "202524")].share_pct == 41.0 and not info[("51", "202524")].comparable
    assert info[("51", "202520")].share_pct == 29.3 and info[("51", "202520")].comparable
