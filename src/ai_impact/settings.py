"""Settings, declared once: built at the edge (CLI, web app) and passed down, never at import."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "default_data_dir"]


def default_data_dir() -> Path:
    """The vendored ``data/`` folder at the root of the source checkout."""
    return Path(__file__).resolve().parents[2] / "data"


def _default_cache_dir() -> Path:
    return Path.home() / ".cache" / "ai-impact"


class Settings(BaseSettings):
    """Every setting of ai-impact; environment variables use the prefix ``AI_IMPACT_``."""

    model_config = SettingsConfigDict(env_prefix="AI_IMPACT_", extra="forbid")

    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="Folder holding the vendored source files and data/MANIFEST.",
    )
    db: Path | None = Field(
        default=None,
        description=(
            "Path of the SQLite knowledge base. Default: a file in cache_dir named after the "
            "data checksums and schema version, built on first use."
        ),
    )
    cache_dir: Path = Field(
        default_factory=_default_cache_dir,
        description="Where the knowledge base and other build artifacts are kept.",
    )
