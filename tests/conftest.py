"""Shared fixtures: settings with a temporary cache, the real knowledge base built once per
session, and the tiny fixture data set (tests/fixtures/kb, real file formats) with its own base."""

from __future__ import annotations

from pathlib import Path

import pytest

from ai_impact.db import KnowledgeBase, open_kb
from ai_impact.settings import Settings, default_data_dir
from ai_impact.titles import Resolver
from ai_impact.titles.abbreviations import Abbreviations, load_abbreviations

FIXTURE_DATA = Path(__file__).resolve().parent / "fixtures" / "kb"


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings over the repository's data/ with a throwaway cache directory."""
    return Settings(cache_dir=tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def kb(settings: Settings) -> KnowledgeBase:
    """The real knowledge base, built once per test session (about 10 s)."""
    return open_kb(settings)


@pytest.fixture(scope="session")
def fixture_data_dir() -> Path:
    """The tiny data folder in the real formats (read-only: copy it before changing files)."""
    return FIXTURE_DATA


@pytest.fixture(scope="session")
def fixture_settings(tmp_path_factory: pytest.TempPathFactory, fixture_data_dir: Path) -> Settings:
    """Settings over the fixture data folder with a throwaway cache directory."""
    return Settings(data_dir=fixture_data_dir, cache_dir=tmp_path_factory.mktemp("fx-cache"))


@pytest.fixture(scope="session")
def fixture_kb(fixture_settings: Settings) -> KnowledgeBase:
    """A knowledge base of seven occupations built from the fixture data (a few ms)."""
    return open_kb(fixture_settings)


@pytest.fixture(scope="session")
def abbr() -> Abbreviations:
    """The title normaliser's abbreviation and noise-word tables of the shipped catalogue."""
    return load_abbreviations(default_data_dir() / "catalog" / "title_abbreviations.toml")


@pytest.fixture(scope="session")
def resolver(kb: KnowledgeBase, settings: Settings) -> Resolver:
    """The title resolver over the real knowledge base (index cached in the session's cache)."""
    return Resolver.from_kb(kb, settings)
