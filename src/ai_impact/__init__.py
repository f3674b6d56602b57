"""ai-impact: how AI changes every occupation, from pinned public data.

The public library lives in :mod:`ai_impact.api`; import from there.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
