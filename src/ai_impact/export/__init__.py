"""The static-site export: ``build_site(DIR)`` writes every page, JSON and a search index."""

from __future__ import annotations

from ai_impact.export.site import SiteStats, build_site

__all__ = ["SiteStats", "build_site"]
