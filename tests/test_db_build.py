"""Building and querying the knowledge base from the tiny fixture data (real file formats)."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from ai_impact.db import KnowledgeBase, build_kb, open_kb
from ai_impact.db.build import default_db_path, kb_key
from ai_impact.db.load import Loader
from ai_impact.errors import ChecksumError, DataError, KnowledgeBaseError, NotFoundError
from ai_impact.settings import Settings


@pytest.fixture()
def data_copy(tmp_path: Path, fixture_data_dir: Path) -> Path:
    """A writable copy of the fixture data folder."""
    target = tmp_path / "data"
    shutil.copytree(fixture_data_dir, target)
    return target


def test_occupations_carry_soc_hierarchy_industry_and_codes(fixture_kb: KnowledgeBase) -> None:
    occ = fixture_kb.occupation("15-1252.00")
    assert (occ.soc, occ.major_title, occ.minor_code, occ.minor_title) == (
        "15-1252", "Computer and Mathematical Occupations", "15-1200", "Computer Occupations",
    )  # fmt: skip
    assert (occ.broad_code, occ.job_zone, occ.industry, occ.industry_slug) == (
        "15-1250", 4, "Technology", "technology",
    )  # fmt: skip
    assert (occ.oews_code, occ.nem_code, occ.is_residual, occ.has_tasks) == (
        "15-1252", "15-1252", False, True,
    )  # fmt: skip
    assert [o.code for o in fixture_kb.occupations()] == [
        "11-1011.00", "11-9199.00", "15-1252.00", "15-1299.08", "27-2011.00", "29-1141.00",
        "41-2011.00",
    ]  # fmt: skip


def test_residual_occupation_without_tasks_is_flagged(fixture_kb: KnowledgeBase) -> None:
    occ = fixture_kb.occupation("11-9199.00")
    assert occ.is_residual and not occ.has_tasks
    assert fixture_kb.tasks_of("11-9199.00") == []


def test_cashiers_industry_is_refined_by_where_they_work(fixture_kb: KnowledgeBase) -> None:
    occ = fixture_kb.occupation("41-2011")
    assert occ.industry == "Retail"
    assert occ.industry_basis == "SOC 41 → Retail, refined: 83% of employment in NAICS 44 → Retail"
    assert fixture_kb.sector_of("41-2011") == "44"
    assert round(fixture_kb.sector_shares("41-2011")[0].share, 3) == 0.826


def test_soc_code_finds_its_occupation(fixture_kb: KnowledgeBase) -> None:
    assert fixture_kb.occupation("29-1141").code == "29-1141.00"
    assert fixture_kb.occupation("15-1299").code == "15-1299.08"
    with pytest.raises(NotFoundError, match="No occupation has code '99-9999'"):
        fixture_kb.occupation("99-9999")


def test_tasks_carry_labels_joined_by_id_or_text(fixture_kb: KnowledgeBase) -> None:
    tasks = {t.task_id: t for t in fixture_kb.tasks_of("15-1252.00")}
    assert tasks[21661].label_match == "id"
    relabelled = tasks[21662]  # its label was re-keyed to Task ID 9999999 in the fixture
    assert (relabelled.label_match, relabelled.human_exposure, relabelled.gpt4_exposure) == (
        "text", "E2", "E1",
    )  # fmt: skip
    assert relabelled.gpt4_automation == 2
    assert relabelled.aei_share == pytest.approx(0.3014944430691457)
    assert fixture_kb.tasks_of("15-1252.00")[0].task_type == "Core"
    stats = fixture_kb.stats()
    assert (stats["tasks_labelled_by_id"], stats["tasks_labelled_by_text"]) == (148, 1)


def test_wages_national_state_metro_and_footnotes(fixture_kb: KnowledgeBase) -> None:
    dev = fixture_kb.wage("15-1252.00")
    assert dev is not None
    assert (dev.year, dev.area_type, dev.employment, dev.annual_median) == (
        2025,
        "N",
        1687890,
        135980.0,
    )
    ca = fixture_kb.wage("41-2011", "CA")
    assert ca is not None and (ca.area_name, ca.annual_median) == ("California", 37100.0)
    metro = fixture_kb.wage("15-1252", "41860")
    assert metro is not None and metro.annual_p90 == 273400.0
    actors = fixture_kb.wage("27-2011")
    assert actors is not None and actors.annual_median is None
    assert actors.notes == ("annual wages not released, hourly only",)
    hourly = (actors.hourly_p10, actors.hourly_p25, actors.hourly_median, actors.hourly_p75)
    assert (*hourly, actors.hourly_p90) == (16.50, 20.34, 29.05, 97.95, 143.68)
    sf_metro = fixture_kb.wage("27-2011", "41860")
    assert sf_metro is not None and sf_metro.hourly_p10 is None  # "-" with footnote 8
    assert sf_metro.notes[-1].endswith(
        "hourly median, hourly p10, hourly p25, hourly p75, hourly p90"
    )
    ceo = fixture_kb.wage("11-1011", year=2024)
    assert ceo is not None and ceo.annual_p90 is None and ceo.hourly_p90 is None
    assert ceo.hourly_p25 == 60.61
    assert ceo.notes == (
        "top-coded: annual p75, annual p90 ≥ $239,200/yr",
        "top-coded: hourly p75, hourly p90 ≥ $115.00/hr",
    )
    with pytest.raises(NotFoundError, match="Close matches: 'California'"):
        fixture_kb.wage("15-1252", "Calfornia")


def test_wages_by_industry_name_the_industries(fixture_kb: KnowledgeBase) -> None:
    rows = fixture_kb.wages_by_industry("15-1252", sectors_only=True)
    assert rows[0].industry_name == "Sector 54 - Professional, Scientific, and Technical Services"
    assert rows[0].employment == 698420


def test_descriptors_projection_and_adoption(fixture_kb: KnowledgeBase) -> None:
    # 15-1211.00 is related too but not in the fixture: that link is dropped, not left dangling.
    assert [r.code for r in fixture_kb.related("15-1252")] == ["15-1299.08"]
    assert fixture_kb.skills("15-1252")[0].importance is not None
    assert fixture_kb.technologies("15-1252")[0].in_demand
    assert fixture_kb.activities_of("15-1252")[0].gwa_title
    proj = fixture_kb.projection("29-1141.00")
    assert proj is not None and (proj.employment_2024, proj.change_pct) == (3391.0, 4.9)
    factors = fixture_kb.projection_factors("41-2011")
    assert factors[0].industry_title == "Total, all industries"
    assert "self-checkout systems become more common" in factors[0].factor
    adoption = fixture_kb.adoption("51")
    assert adoption is not None and (adoption.period, adoption.share_pct) == ("202520", 29.3)
    latest = fixture_kb.adoption_latest("51")
    assert latest is not None and (latest.share_pct, latest.comparable) == (41.0, False)
    assert [a.period for a in fixture_kb.adoption_trend("51")] == [
        "202401", "202519", "202520", "202524",
    ]  # fmt: skip
    assert {a.sector_code for a in fixture_kb.adoption_all()} == {"XX", "44", "51", "62"}


def test_sources_record_release_licence_checksum_and_rows(fixture_kb: KnowledgeBase) -> None:
    src = {s.key: s for s in fixture_kb.sources()}["occupations"]
    assert (src.release, src.vintage, src.licence, src.rows) == (
        "O*NET 30.3 (May 2026)", "May 2026", "CC BY 4.0 (USDOL/ETA)", 7,
    )  # fmt: skip
    assert len(src.sha256) == 64


def test_corrupt_file_is_refused_and_nothing_is_left(data_copy: Path, tmp_path: Path) -> None:
    target = data_copy / "onet/30.3/task_statements.csv.gz"
    target.write_bytes(target.read_bytes()[:-5])
    db = tmp_path / "kb.sqlite"
    expected = r"task_statements\.csv\.gz is corrupt: expected sha256"
    with pytest.raises(ChecksumError, match=expected):
        build_kb(Settings(data_dir=data_copy), db)
    assert list(tmp_path.glob("*.sqlite*")) == [tmp_path / "kb.sqlite.lock"]


def test_missing_file_is_named(data_copy: Path, tmp_path: Path) -> None:
    (data_copy / "bls/oews_may2024_national.csv.gz").unlink()
    with pytest.raises(
        DataError, match=r"oews_may2024_national\.csv\.gz listed in data/MANIFEST is missing"
    ):
        build_kb(Settings(data_dir=data_copy), tmp_path / "kb.sqlite")


def test_a_crash_mid_build_leaves_no_database(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(self: Loader) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Loader, "load_titles", boom)
    db = tmp_path / "kb.sqlite"
    with pytest.raises(RuntimeError, match="disk on fire"):
        build_kb(Settings(data_dir=data_copy), db)
    assert not db.exists()
    assert not list(tmp_path.glob(".kb.sqlite.*.tmp"))


def test_open_kb_builds_on_first_use_and_rebuilds_for_new_data(
    data_copy: Path, tmp_path: Path
) -> None:
    settings = Settings(data_dir=data_copy, cache_dir=tmp_path / "cache")
    path = default_db_path(settings)
    assert path.name == f"kb-{kb_key(data_copy)}.sqlite" and not path.exists()
    first = open_kb(settings)
    assert first.path == path and first.meta("kb_key") == kb_key(data_copy)
    pinned = Settings(data_dir=data_copy, db=tmp_path / "pinned.sqlite")
    assert open_kb(pinned).meta("kb_key") == kb_key(data_copy)
    # A change to the industry catalog changes the key: the pinned database is rebuilt.
    catalog = data_copy / "catalog/industries.toml"
    catalog.write_text(catalog.read_text() + "\n# edited\n")
    assert open_kb(pinned).meta("kb_key") == kb_key(data_copy)
    assert default_db_path(settings) != path


def test_concurrent_builds_are_safe(data_copy: Path, tmp_path: Path) -> None:
    settings = Settings(data_dir=data_copy)
    db = tmp_path / "kb.sqlite"
    errors: list[BaseException] = []

    def run() -> None:
        try:
            build_kb(settings, db)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(KnowledgeBase(db).occupations()) == 7


def test_knowledge_base_refuses_missing_or_foreign_files(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match="does not exist"):
        KnowledgeBase(tmp_path / "nope.sqlite")
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE x (y)").connection.close()
    with pytest.raises(KnowledgeBaseError, match="is not a knowledge base"):
        KnowledgeBase(other)


def test_first_use_build_is_announced_once(
    fixture_data_dir: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """open_kb says on the ai_impact.db logger that it builds; an up-to-date base is silent."""
    settings = Settings(data_dir=fixture_data_dir, cache_dir=tmp_path)
    with caplog.at_level("INFO", logger="ai_impact.db"):
        open_kb(settings)
        messages = [r.getMessage() for r in caplog.records]
        assert len(messages) == 1
        assert messages[0].startswith(f"Building the knowledge base from {fixture_data_dir}")
        caplog.clear()
        open_kb(settings)
        assert caplog.records == []


def test_a_user_file_at_the_db_path_is_never_overwritten(data_copy: Path, tmp_path: Path) -> None:
    """--db pointing at someone's own file or database: refused, the file left byte for byte."""
    notes = tmp_path / "notes.txt"
    notes.write_text("important notes\n")
    mine = tmp_path / "mine.sqlite"
    sqlite3.connect(mine).execute("CREATE TABLE important (x)").connection.close()
    before = mine.read_bytes()
    for path in (notes, mine):
        with pytest.raises(KnowledgeBaseError, match="not an ai-impact knowledge base"):
            open_kb(Settings(data_dir=data_copy, db=path))
        with pytest.raises(KnowledgeBaseError, match="left untouched"):
            build_kb(Settings(data_dir=data_copy), path, force=True)
    assert notes.read_text() == "important notes\n"
    assert mine.read_bytes() == before
