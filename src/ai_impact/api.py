"""The ai-impact library: the functions every face (CLI, web, static site) calls.

Each function opens the default knowledge base lazily (building it on first use); pass
``settings`` to use another data folder or database::

    >>> from ai_impact import api
    >>> api.get_occupation("15-1252").title
    'Software Developers'
"""

from __future__ import annotations

import threading
from dataclasses import asdict
from typing import Any

from ai_impact.db import KnowledgeBase, open_kb
from ai_impact.db.models import Occupation, Task, Wage
from ai_impact.settings import Settings

__all__ = [
    "data_info",
    "get_kb",
    "get_occupation",
    "list_occupations",
    "tasks_of",
    "wages",
]

_lock = threading.Lock()
_cache: dict[str, KnowledgeBase] = {}


def get_kb(settings: Settings | None = None) -> KnowledgeBase:
    """The knowledge base for ``settings`` (default settings if None), opened once per process."""
    settings = settings or Settings()
    key = settings.model_dump_json()
    with _lock:
        if key not in _cache:
            _cache[key] = open_kb(settings)
        return _cache[key]


def get_occupation(code: str, *, settings: Settings | None = None) -> Occupation:
    """The occupation with an O*NET-SOC code ('15-1252.00') or SOC code ('15-1252')."""
    return get_kb(settings).occupation(code)


def list_occupations(*, settings: Settings | None = None) -> list[Occupation]:
    """Every O*NET 30.3 occupation, by code."""
    return get_kb(settings).occupations()


def tasks_of(code: str, *, settings: Settings | None = None) -> list[Task]:
    """The occupation's task statements with their exposure labels, Core first."""
    return get_kb(settings).tasks_of(code)


def wages(
    code: str, area: str | None = None, *, year: int = 2025, settings: Settings | None = None
) -> Wage | None:
    """OEWS wages of the occupation, national or in a state / metro area; None if unpublished."""
    return get_kb(settings).wage(code, area, year)


def data_info(*, settings: Settings | None = None) -> dict[str, Any]:
    """Sources (release, vintage, licence, rows), coverage figures and build metadata."""
    kb = get_kb(settings)
    return {
        "database": str(kb.path),
        "schema_version": kb.meta("schema_version"),
        "built_at": kb.meta("built_at"),
        "sources": [asdict(s) for s in kb.sources()],
        "coverage": kb.stats(),
    }
