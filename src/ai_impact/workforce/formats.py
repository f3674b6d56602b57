"""A :class:`WorkforceReport` as JSON (a stable shape), CSV (one row per role) or Markdown.

One import for every format; each lives in its own module: :mod:`~ai_impact.workforce.json_document`
(``to_dict``, ``to_json``, the ``SCHEMA`` and ``METHOD``), :mod:`~ai_impact.workforce.csv_table`
(``to_csv``), :mod:`~ai_impact.workforce.markdown_page` (``to_markdown``) and
:mod:`~ai_impact.workforce.counts` (how headcounts read).
"""

from __future__ import annotations

from ai_impact.workforce.counts import count_text, count_value, fte_text, headline, people
from ai_impact.workforce.csv_table import CSV_COLUMNS, to_csv
from ai_impact.workforce.json_document import METHOD, SCHEMA, to_dict, to_json
from ai_impact.workforce.markdown_page import to_markdown
from ai_impact.workforce.pay_text import hourly_market_note, market_text

__all__ = [
    "CSV_COLUMNS",
    "METHOD",
    "SCHEMA",
    "count_text",
    "count_value",
    "fte_text",
    "headline",
    "hourly_market_note",
    "market_text",
    "people",
    "to_csv",
    "to_dict",
    "to_json",
    "to_markdown",
]
