"""The workforce face: a team roster's exposure to AI, by role, team and risk category.

    >>> from pathlib import Path
    >>> from ai_impact.workforce import workforce_report
    >>> report = workforce_report(Path("examples/roster.csv"))  # doctest: +SKIP
    >>> report.totals.hours_at_risk  # doctest: +SKIP

Like the CLI and the web, it sits on top of :mod:`ai_impact.api` (see docs/architecture.md);
:func:`workforce_report` is its one entry point, :mod:`~ai_impact.workforce.formats` renders it.
"""

from ai_impact.workforce.analysis import RoleResult, WorkforceReport, analyze_roster
from ai_impact.workforce.library import FacadeLibrary, workforce_report
from ai_impact.workforce.roster import RosterParse, RosterRow, parse_roster, read_roster

__all__ = [
    "FacadeLibrary",
    "RoleResult",
    "RosterParse",
    "RosterRow",
    "WorkforceReport",
    "analyze_roster",
    "parse_roster",
    "read_roster",
    "workforce_report",
]
