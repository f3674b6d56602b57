"""Building the knowledge base: verify checksums, load every source, rename into place.

The database is written to a temporary file next to its target and renamed only when complete,
so a crash never leaves a half-built file; a lock file keeps two processes from building the
same database at once (the second one waits, then finds it built).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from ai_impact import __version__
from ai_impact.db.files import FILES, INDUSTRY_CATALOG, source_key, vintage_of
from ai_impact.db.load import Loader
from ai_impact.db.schema import INDEXES, SCHEMA_VERSION, TABLES
from ai_impact.errors import KnowledgeBaseError
from ai_impact.settings import Settings
from ai_impact.sources.industries import load_industries
from ai_impact.sources.manifest import read_manifest, verify_manifest

__all__ = ["build_kb", "built_key", "default_db_path", "kb_key"]


def kb_key(data_dir: Path) -> str:
    """First 12 hex of sha256(MANIFEST + schema version + industry catalog)."""
    digest = hashlib.sha256()
    manifest = data_dir / "MANIFEST"
    digest.update(manifest.read_bytes() if manifest.exists() else b"")
    digest.update(str(SCHEMA_VERSION).encode())
    catalog = data_dir / INDUSTRY_CATALOG
    # The curated catalog is not a vendored file, but changing it must rebuild too.
    digest.update(catalog.read_bytes() if catalog.exists() else b"")
    return digest.hexdigest()[:12]


def default_db_path(settings: Settings) -> Path:
    """``settings.db`` if set, else ``cache_dir/kb-<key>.sqlite``."""
    if settings.db is not None:
        return Path(settings.db)
    return Path(settings.cache_dir) / f"kb-{kb_key(Path(settings.data_dir))}.sqlite"


@contextlib.contextmanager
def _lock(target: Path) -> Iterator[None]:
    """An exclusive advisory lock on ``target.lock`` (no-op where fcntl is unavailable)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: the atomic rename alone keeps it safe
        yield
        return
    lock_path = target.with_name(target.name + ".lock")
    with lock_path.open("w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _stats(con: sqlite3.Connection, loader: Loader) -> dict[str, int | float]:
    """Coverage figures reported by ``ai-impact data info`` and checked by the tests."""

    def one(sql: str) -> int:
        """The single integer a count query returns."""
        return int(con.execute(sql).fetchone()[0])

    occ = one("SELECT count(*) FROM occupation")
    with_oews = one("SELECT count(*) FROM occupation WHERE oews_code IS NOT NULL")
    with_wage = one(
        "SELECT count(*) FROM occupation o JOIN wage w ON w.occ_code = o.oews_code"
        " AND w.year = 2025 AND w.area_code = '0000000' AND w.industry_code = '000000'"
        " WHERE w.annual_median IS NOT NULL OR w.hourly_median IS NOT NULL"
    )
    with_proj = one(
        "SELECT count(*) FROM occupation o JOIN projection p ON p.nem_code = o.nem_code"
    )
    stats: dict[str, int | float] = {
        "occupations": occ,
        "occupations_with_tasks": one("SELECT count(*) FROM occupation WHERE has_tasks"),
        "occupations_without_tasks_residual": one(
            "SELECT count(*) FROM occupation WHERE NOT has_tasks AND is_residual"
        ),
        "occupations_with_oews_code": with_oews,
        "occupations_with_wage": with_wage,
        "wage_coverage": round(with_wage / with_oews, 4) if with_oews else 0.0,
        "occupations_with_projection": with_proj,
        "projection_coverage": round(with_proj / occ, 4) if occ else 0.0,
        "occupations_with_titles_beyond_onet": one(
            "SELECT count(DISTINCT code) FROM title WHERE kind != 'onet'"
        ),
        "wage_rows": one("SELECT count(*) FROM wage"),
        "areas": one("SELECT count(*) FROM oews_area"),
        "adoption_periods": one("SELECT count(DISTINCT period) FROM adoption"),
        **loader.stats,
    }
    tasks = stats.get("tasks", 0)
    stats["label_coverage"] = round(stats.get("tasks_labelled", 0) / tasks, 4) if tasks else 0.0
    stats["aei_coverage"] = round(stats.get("tasks_with_aei", 0) / tasks, 4) if tasks else 0.0
    return stats


def _write(tmp: Path, data_dir: Path, key: str) -> None:
    entries = read_manifest(data_dir)
    verify_manifest(data_dir, entries)
    catalog = load_industries(data_dir / INDUSTRY_CATALOG)
    con = sqlite3.connect(tmp, isolation_level=None)
    try:
        # Speed over durability: the file is renamed into place only after a clean finish.
        con.execute("PRAGMA journal_mode=OFF")
        con.execute("PRAGMA synchronous=OFF")
        con.execute("PRAGMA page_size=8192")
        con.executescript(TABLES)
        con.execute("BEGIN")
        loader = Loader(con, data_dir, catalog)
        loader.load_all()
        used = set(FILES.values())
        con.executemany(
            "INSERT INTO source VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (source_key(e.file), e.file, e.release, vintage_of(e.release), e.licence,
                 e.sha256, loader.rows.get(source_key(e.file), 0) if e.file in used else 0)
                for e in entries
            ],
        )  # fmt: skip
        for statement in filter(None, (s.strip() for s in INDEXES.split(";"))):
            con.execute(statement)
        meta = {
            "schema_version": str(SCHEMA_VERSION),
            "kb_key": key,
            "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "ai_impact_version": __version__,
            "stats": json.dumps(_stats(con, loader), sort_keys=True),
        }
        con.executemany("INSERT INTO meta VALUES (?, ?)", list(meta.items()))
        con.execute("COMMIT")
        con.execute("ANALYZE")
    finally:
        con.close()


def built_key(path: Path) -> str | None:
    """The data key a knowledge base at ``path`` was built from; None if it is not one of ours.

    Only an SQLite file with our meta table counts: anything else at a knowledge-base path (a
    user's own file or database) is never replaced.
    """
    try:
        with path.open("rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                return None
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'kb_key'").fetchone()
        finally:
            con.close()
    except (OSError, sqlite3.DatabaseError):
        return None
    return None if row is None else str(row[0])


def build_kb(settings: Settings, db_path: Path | None = None, *, force: bool = False) -> Path:
    """Build the knowledge base at ``db_path`` (default: :func:`default_db_path`); return it.

    An existing database is kept unless ``force``; every MANIFEST checksum is verified first.
    """
    data_dir = Path(settings.data_dir)
    target = Path(db_path) if db_path is not None else default_db_path(settings)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KnowledgeBaseError(
            f"Cannot create the folder {target.parent} for the knowledge base: {exc}.",
            hint="Pass --db PATH in a writable folder or set AI_IMPACT_CACHE_DIR.",
        ) from exc
    with _lock(target):
        if target.exists() and not force:
            return target
        if target.exists() and built_key(target) is None:
            raise KnowledgeBaseError(
                f"{target} exists and is not an ai-impact knowledge base; it was left untouched.",
                hint="Pass --db with a new file name (it will be built there) or an existing "
                "ai-impact knowledge base.",
            )
        tmp = target.with_name(f".{target.name}.{os.getpid()}.{time.monotonic_ns()}.tmp")
        try:
            _write(tmp, data_dir, kb_key(data_dir))
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
    return target
