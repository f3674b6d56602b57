"""The literal text a catalogue pattern cannot match without: a cheap, exact prefilter.

The AI tool and certification catalogues hold about 1,500 regular expressions that the matchers
search in every occupation's task statements. Most of them fail on most texts, and a plain
substring test (``"summariz" in text``) fails about a hundred times faster than the regex search.
:func:`required_literals` reads a pattern's syntax tree and returns strings of which at least one
occurs in every match, so a matcher runs the regex only when one of them is in the text; the
answer is the same as searching every time, only cheaper.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from typing import Any

__all__ = ["MIN_LITERAL", "LiteralIndex", "required_clauses", "required_literals"]

# The parser behind `re.compile`; typeshed has no stub for it, hence the dynamic import.
_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

# Shorter literals occur in nearly every text: not worth testing.
MIN_LITERAL = 3
# Case-insensitive or locale matching makes literal text an unsafe test.
_CASE_FLAGS = re.IGNORECASE | re.LOCALE
_REPEATS = {str(_c.MAX_REPEAT), str(_c.MIN_REPEAT), str(getattr(_c, "POSSESSIVE_REPEAT", ""))}

_Need = frozenset[str]


def _better(a: _Need | None, b: _Need | None) -> _Need | None:
    """The cheaper, more selective requirement: literals of 4+ characters beat 3 beat shorter,
    then fewer alternatives (fewer substring tests), then a longer shortest literal."""
    if a is None:
        return b
    if b is None:
        return a
    return b if _rank(b) > _rank(a) else a


def _rank(need: _Need) -> tuple[int, int, int]:
    shortest = min(map(len, need))
    return (min(shortest, 4) if shortest >= MIN_LITERAL else 0, -len(need), shortest)


def _leading(items: Any) -> str:
    """The literal text a sequence of nodes starts with ("" if it starts otherwise)."""
    out = []
    for op, arg in items:
        if str(op) != "LITERAL":
            break
        out.append(chr(arg))
    return "".join(out)


def _best(clauses: Iterable[_Need]) -> _Need | None:
    best: _Need | None = None
    for clause in clauses:
        best = _better(best, clause)
    return best


def _branch(alternatives: Any, prefix: str) -> _Need | None:
    """A requirement of a branch: the union of every alternative's best requirement, or the
    literal prefix glued to each alternative's leading text (the parser moves a prefix shared
    by all alternatives out of the branch: "cad|computer" becomes "c" + ("ad"|"omputer"))."""
    glued = frozenset(prefix + _leading(alt) for alt in alternatives) if prefix else None
    needs = [_best(_sequence(alt)) for alt in alternatives]
    if not needs or any(n is None for n in needs):
        return glued
    return _better(glued, frozenset().union(*(n for n in needs if n is not None)))


def _sequence(items: Any) -> list[_Need]:
    """The requirements of a sequence of nodes, all of which hold: its literal runs and the
    requirements of its groups, branches and repeated parts."""
    clauses: list[_Need] = []
    run: list[str] = []
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            run.append(chr(arg))
            continue
        prefix = "".join(run)
        if run:
            clauses.append(frozenset({prefix}))
            run = []
        if name == "BRANCH":
            if (need := _branch(arg[1], prefix)) is not None:
                clauses.append(need)
        elif name == "SUBPATTERN":
            _group, add_flags, del_flags, sub = arg
            if not (add_flags | del_flags) & _CASE_FLAGS:
                clauses += _sequence(sub)
        elif name in _REPEATS and arg[0] >= 1:
            clauses += _sequence(arg[2])
        # Anything else (classes, anchors, lookarounds, back-references) requires no literal.
    if run:
        clauses.append(frozenset({"".join(run)}))
    return clauses


def required_clauses(pattern: str) -> tuple[frozenset[str], ...]:
    """Sets of strings such that every text ``pattern`` matches holds one string of each set.

    Only sets whose strings all have ``MIN_LITERAL`` characters or more are kept. No set (an
    empty tuple) means unknown: always run the regex; so does a pattern with case-insensitive
    flags or one the parser rejects. ``\\brecords? (manag|retention)`` gives
    ``({"record"}, {"manag", "retention"})``: the regex need not run on a text that has
    "record" but neither "manag" nor "retention".
    """
    try:
        tree = _parser.parse(pattern)
    except Exception:  # any parser failure means "no prefilter", never an error
        return ()
    if tree.state.flags & _CASE_FLAGS:
        return ()
    clauses = (c for c in _sequence(tree.data) if min(map(len, c)) >= MIN_LITERAL)
    return tuple(dict.fromkeys(clauses))


def required_literals(pattern: str) -> frozenset[str] | None:
    """The most selective of :func:`required_clauses` (None if there is none)."""
    return _best(required_clauses(pattern))


class LiteralIndex:
    """A fixed set of literals, filed under their first characters, to list those in a text.

    Testing hundreds of literals one by one against a text costs more than cutting the text
    into its distinct trigrams and testing only the literals that start with one of them and
    whose every trigram is among them (a set operation in C).
    """

    def __init__(self, literals: Iterable[str]) -> None:
        n = MIN_LITERAL
        by_gram: dict[str, list[tuple[str, frozenset[str]]]] = {}
        for lit in dict.fromkeys(literals):
            if len(lit) < n:
                raise ValueError(f"literal {lit!r} is shorter than {n} characters")
            grams = frozenset(lit[k : k + n] for k in range(len(lit) - n + 1))
            by_gram.setdefault(lit[:n], []).append((lit, grams))
        self._by_gram = {g: tuple(v) for g, v in by_gram.items()}

    def found_in(self, text: str) -> list[str]:
        """The literals that occur in ``text``."""
        n = MIN_LITERAL
        grams = {text[k : k + n] for k in range(len(text) - n + 1)}
        return [
            lit
            for g in grams.intersection(self._by_gram)
            for lit, needs in self._by_gram[g]
            if grams.issuperset(needs) and lit in text
        ]
