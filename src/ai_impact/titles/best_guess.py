"""How sure the occupation an analysis rests on is, for a typed title: the occupations the
analysis rests on (:func:`page_basis`), their confidence together (:func:`match_confidence`),
whether that is a best guess to be named as one (:func:`is_best_guess`), and the next
candidates to offer beside it (:func:`alternatives`).

The threshold, :data:`BEST_GUESS_CONFIDENCE`, is where the titles benchmark's accuracy breaks
(``benchmarks/titles.py``, held-out reported titles and the messy set, 1,187 titles with a
candidate): a first candidate at 0.8 or more is right 95 % of the time (510 titles), one from
0.5 to 0.8 only 81 % (361 titles: 79-82 % in each tenth of that range, no better near 0.8), one
under 0.5 about half the time (the resolver asks for a choice there, ``needs_choice``). Under
0.8 about one answer in five is another occupation: the page says it guessed, and names the
others.
"""

from __future__ import annotations

from ai_impact.titles.resolution import Candidate, Resolution

__all__ = [
    "ALTERNATIVES",
    "BEST_GUESS_CONFIDENCE",
    "BLEND_FLOOR",
    "MIN_ALTERNATIVE",
    "alternatives",
    "is_best_guess",
    "match_confidence",
    "page_basis",
]

BEST_GUESS_CONFIDENCE = 0.8
BLEND_FLOOR = 0.25  # a blend member's confidence, as a share of the lead's
ALTERNATIVES = 3  # the next candidates a best guess names
# A candidate under this (shown as 0 %, or 1 % at most) is noise beside a guess, not a choice.
MIN_ALTERNATIVE = 0.015


def page_basis(res: Resolution) -> tuple[Candidate, ...]:
    """The candidates the analysis of ``res`` rests on: the alias table's occupations when the
    title is the table's and two or more of them reach BLEND_FLOOR of the lead (a blend), else
    the lead alone; () when there is no candidate.

    A member far below the lead is left out: it would fill the task lists with work the title
    hardly has ("Software Developers" typed in full is Software Developers, not 2.5 % Computer
    Programmers)."""
    if not res.candidates:
        return ()
    best = res.candidates[0]
    blend = tuple(
        c
        for c in res.candidates
        if c.via == "alias" and c.confidence >= BLEND_FLOOR * best.confidence
    )
    return blend if best.via == "alias" and len(blend) >= 2 else (best,)


def match_confidence(res: Resolution) -> float:
    """How likely the analysis of ``res`` is about the right occupation: the lead's calibrated
    confidence, or for a blend its members' together (at most 1), rounded to 4 places."""
    return round(min(1.0, sum(c.confidence for c in page_basis(res))), 4)


def is_best_guess(res: Resolution) -> bool:
    """Whether the analysis of ``res`` is a best guess: a title (not a code) whose match is
    under BEST_GUESS_CONFIDENCE."""
    basis = page_basis(res)
    if not basis or basis[0].via == "code":
        return False
    return match_confidence(res) < BEST_GUESS_CONFIDENCE


def alternatives(res: Resolution, n: int = ALTERNATIVES) -> tuple[Candidate, ...]:
    """The next ``n`` candidates of ``res`` outside the analysis's basis, best first, each of
    MIN_ALTERNATIVE or more."""
    basis = {c.code for c in page_basis(res)}
    rest = [c for c in res.candidates if c.code not in basis and c.confidence >= MIN_ALTERNATIVE]
    return tuple(rest[:n])
