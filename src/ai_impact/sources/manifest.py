"""data/MANIFEST: the list of vendored files with release, licence and sha256, and its checks."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ai_impact.errors import ChecksumError, DataError
from ai_impact.sources.tables import read_table

__all__ = ["ManifestEntry", "file_sha256", "read_manifest", "verify_manifest"]

_COLUMNS = ("file", "source", "release", "licence", "sha256", "bytes")


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    """One vendored file as recorded in data/MANIFEST."""

    file: str
    source: str
    release: str
    licence: str
    sha256: str
    bytes: int


def read_manifest(data_dir: Path) -> list[ManifestEntry]:
    """Entries of ``data_dir/MANIFEST`` (tab-separated), checked for shape."""
    path = data_dir / "MANIFEST"
    if not path.exists():
        raise DataError(
            f"{path} is missing: the data folder has no MANIFEST.",
            hint="Point AI_IMPACT_DATA_DIR at the repository's data/ folder.",
        )
    rows = read_table(path, _COLUMNS, delimiter="\t")
    entries: list[ManifestEntry] = []
    bad: list[str] = []
    for i, row in enumerate(rows, start=1):
        digest = row["sha256"].strip().lower()
        if len(digest) != 64 or not row["bytes"].strip().isdigit():
            bad.append(f"row {i} ({row['file']!r})")
            continue
        entries.append(
            ManifestEntry(
                file=row["file"].strip(),
                source=row["source"].strip(),
                release=row["release"].strip(),
                licence=row["licence"].strip(),
                sha256=digest,
                bytes=int(row["bytes"]),
            )
        )
    if bad:
        raise DataError(
            f"data/MANIFEST has malformed rows: {', '.join(bad)}.",
            hint="Regenerate it with scripts/vendor_data.py.",
        )
    return entries


def file_sha256(path: Path) -> str:
    """Hex sha256 of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_manifest(data_dir: Path, entries: list[ManifestEntry]) -> None:
    """Check that every listed file exists and matches its sha256; raise on the first failure."""
    for entry in entries:
        path = data_dir / entry.file
        if not path.is_file():
            raise DataError(
                f"Data file {entry.file} listed in data/MANIFEST is missing "
                f"(expected sha256 {entry.sha256}).",
                hint="Restore it with `git checkout data/` or scripts/vendor_data.py.",
            )
        actual = file_sha256(path)
        if actual != entry.sha256:
            raise ChecksumError(
                f"Data file {entry.file} is corrupt: expected sha256 {entry.sha256}, got {actual}.",
                hint="Restore it with `git checkout data/` or scripts/vendor_data.py.",
            )
