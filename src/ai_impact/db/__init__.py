"""The knowledge base: the only SQL of ai-impact.

``open_kb()`` returns a :class:`KnowledgeBase` over the SQLite file for the current data and
schema, building it first if it does not exist yet (about 15 s, once).
"""

from __future__ import annotations

import logging
from pathlib import Path

from ai_impact.db.build import build_kb, built_key, default_db_path, kb_key
from ai_impact.db.kb import KnowledgeBase
from ai_impact.db.schema import SCHEMA_VERSION
from ai_impact.settings import Settings

__all__ = ["SCHEMA_VERSION", "KnowledgeBase", "build_kb", "default_db_path", "open_kb"]

_log = logging.getLogger("ai_impact.db")


def open_kb(settings: Settings | None = None) -> KnowledgeBase:
    """Open the knowledge base, building (or rebuilding a stale one) on first use.

    A build is announced on the ``ai_impact.db`` logger (the CLI shows it on a terminal).
    """
    settings = settings or Settings()
    path = default_db_path(settings)
    if not path.exists():
        _log.info("Building the knowledge base from %s (first use, about 10 s)…", settings.data_dir)
        build_kb(settings, path)
    elif built_key(path) != kb_key(Path(settings.data_dir)):
        _log.info("Rebuilding the knowledge base: %s changed (about 10 s)…", settings.data_dir)
        build_kb(settings, path, force=True)
    return KnowledgeBase(path)
