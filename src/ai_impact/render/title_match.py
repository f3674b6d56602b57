"""The line under a report's heading that says what was typed and how sure its occupation is:
"You asked for …", or for a best guess (:mod:`ai_impact.titles.best_guess`) "Best guess (54%
match) for …" with the other occupations the title may mean. Markdown and the CLI's note are
built here; the HTML page writes the same words with links (templates/occupation.html)."""

from __future__ import annotations

from collections.abc import Callable

from ai_impact.reports import figures as fx
from ai_impact.reports.model import Header, TitleMatch

__all__ = ["best_guess_note", "markdown_asked_for"]


def _guess(match: TitleMatch | None) -> TitleMatch | None:
    return match if match is not None and match.best_guess else None


def markdown_asked_for(h: Header, typed: str, esc: Callable[[str], str]) -> list[str]:
    """The quoted Markdown line for what was typed (``typed``, already escaped); ``esc``
    escapes an occupation title."""
    m = _guess(h.match)
    if m is None:
        return [f"> You asked for “{typed}”.", ""]
    line = f"> **Best guess ({fx.pct(m.confidence)} match) for “{typed}”.**"
    if m.alternatives:
        others = "; ".join(
            f"{esc(a.title)} ({a.code}, {fx.pct(a.confidence)})" for a in m.alternatives
        )
        line += f" It may also be: {others}. Analyze one by its code: `ai-impact analyze CODE`."
    return [line, ""]


def best_guess_note(h: Header, query: str) -> str | None:
    """One line for the CLI's stderr when the analysis is a best guess, naming the others;
    None when the match is sure (or the query was a code)."""
    m = _guess(h.match)
    if m is None:
        return None
    note = f"note: best guess ({fx.pct(m.confidence)} match) for {query!r}: {h.title} ({h.code})"
    if m.alternatives:
        others = ", ".join(f"{a.code} {a.title} ({fx.pct(a.confidence)})" for a in m.alternatives)
        note += f"; it may also be {others}. Run again with a code to analyze one."
    return note
