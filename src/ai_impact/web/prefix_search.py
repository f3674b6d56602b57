"""The static export's search (``searchIndex`` in ``render/static/app.js``), on the server.

The served site's suggestions use it for a half-typed last word ("data sci", "mech eng"),
which the title resolver reads as a whole (misspelt) word. It reads the same entries as the
export's ``search-index.js`` (:func:`ai_impact.export.site.search_entries`) and ranks them the
same way, so both faces suggest alike:

* every query word must match a word of a name (the O*NET title or one of the occupation's
  other names): a whole word counts 1, a prefix 0.7, a near spelling 0.5 and the prefix of a
  short word that is itself a name's word ("swe", "dev") 0.35; the last two are weak, shown
  only when nothing matches well;
* a name scores its weight times the strengths over its length in words;
* a code typed as the query ranks above any title: the code, its ``.00`` occupation, then the
  codes it starts.

Keep the two in step: ``tests/test_web_suggest.py`` holds the cases of the export's browser
test.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz.distance import OSA

__all__ = ["IndexMatch", "PrefixIndex", "fold", "words_of"]

EXACT, PREFIX, TYPO, SHORT_PREFIX = 1.0, 0.7, 0.5, 0.35
OTHER_NAME_WEIGHT = 0.8  # a name without a weight of its own (app.js: the same default)
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower case without accents, as ``fold`` in app.js."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not "\u0300" <= c <= "\u036f")


def words_of(text: str) -> list[str]:
    """The folded words of ``text`` (runs of ASCII letters and digits)."""
    return [w for w in _NOT_WORD.split(fold(text)) if w]


@dataclass(frozen=True, slots=True)
class IndexMatch:
    """One occupation found: ``also_called`` is the other name it matched through, if any;
    ``weak`` when only near spellings or short prefixes matched."""

    code: str
    title: str
    also_called: str | None
    score: float
    weak: bool


@dataclass(frozen=True, slots=True)
class _Entry:
    code: str
    title: str
    names: tuple[str, ...]  # the other names, in the index's order
    weights: tuple[float, ...]  # one per name: the title's 1, then each other name's
    words: tuple[tuple[int, ...], ...]  # one per name: its word ids


class PrefixIndex:
    """The export's search entries, prepared once: each name's words as ids into one
    vocabulary, so that a query word is compared with each distinct word once."""

    def __init__(self, entries: Iterable[Mapping[str, Any]]) -> None:
        self._ids: dict[str, int] = {}
        self._vocab: list[str] = []
        self._entries: list[_Entry] = []
        self._postings: list[set[int]] = []  # word id -> the entries that have it in a name
        for e in entries:
            names = tuple(e.get("a") or ())
            weights = tuple(e.get("p") or ())
            weights = (1.0, *(weights[i] if i < len(weights) else 0.0 for i in range(len(names))))
            words = tuple(self._word_ids(n, len(self._entries)) for n in (e["t"], *names))
            self._entries.append(_Entry(e["c"], e["t"], names, weights, words))

    def __len__(self) -> int:
        return len(self._entries)

    def _word_ids(self, name: str, entry: int) -> tuple[int, ...]:
        out = []
        for w in words_of(name):
            if w not in self._ids:
                self._ids[w] = len(self._vocab)
                self._vocab.append(w)
                self._postings.append(set())
            i = self._ids[w]
            self._postings[i].add(entry)
            out.append(i)
        return tuple(out)

    def knows(self, word: str) -> bool:
        """Whether ``word`` (folded) is a whole word of some name."""
        return word in self._ids

    def strengths(self, word: str) -> dict[int, float]:
        """How well ``word`` matches each vocabulary word it matches at all (app.js
        ``strengths``): whole 1, prefix 0.7 (0.35 when ``word`` is a short word of its own),
        within 1 edit from 4 letters and 2 from 8 (a 3-letter word: one letter short of a
        4-letter word with the same first letter) 0.5."""
        out: dict[int, float] = {}
        short_known = len(word) < 4 and word in self._ids
        edits = 2 if len(word) >= 8 else 1 if len(word) >= 3 else 0
        for i, v in enumerate(self._vocab):
            if v == word:
                out[i] = EXACT
            elif v.startswith(word):
                out[i] = SHORT_PREFIX if short_known else PREFIX
            elif (
                edits
                and abs(len(v) - len(word)) <= edits
                and (len(word) >= 4 or (len(v) == 4 and v[0] == word[0]))
                and OSA.distance(word, v, score_cutoff=edits) <= edits
            ):
                out[i] = TYPO
        return out

    def search(self, query: str) -> list[IndexMatch]:
        """Every occupation the query matches, best first (app.js ``searchIndex``)."""
        words = words_of(query)
        if not words:
            return []
        per = [self.strengths(w) for w in words]
        code = query.strip()
        found = self._with_every_word(per)
        found |= {i for i, e in enumerate(self._entries) if _code_score(e.code, code)}
        out = [m for i in sorted(found) if (m := self._match(self._entries[i], per, code))]
        if any(not m.weak for m in out):
            out = [m for m in out if not m.weak]
        out.sort(key=lambda m: (-m.score, m.title.casefold(), m.title))
        return out

    def _with_every_word(self, per: Sequence[Mapping[int, float]]) -> set[int]:
        """The entries with some name word matching each query word (the rest cannot match)."""
        found: set[int] | None = None
        for strengths in per:
            has = set().union(*(self._postings[i] for i in strengths)) if strengths else set()
            found = has if found is None else found & has
        return found or set()

    def _match(self, e: _Entry, per: Sequence[Mapping[int, float]], code: str) -> IndexMatch | None:
        best, best_weak, also = 0.0, True, None
        for i, name_words in enumerate(e.words):
            strength, weak = 0.0, False
            for strengths in per:
                s = max((strengths.get(w, 0.0) for w in name_words), default=0.0)
                if not s:
                    break
                weak = weak or s < PREFIX
                strength += s
            else:
                weight = e.weights[i] or OTHER_NAME_WEIGHT
                score = weight * strength / max(len(name_words), len(per))
                if (best_weak and not weak) or (weak == best_weak and score > best):
                    best, best_weak = score, weak
                    also = None if i == 0 else e.names[i - 1]
        by_code = _code_score(e.code, code)
        if by_code:
            best, best_weak, also = by_code, False, None
        if best <= 0:
            return None
        return IndexMatch(e.code, e.title, also, best, best_weak)


def _code_score(code: str, typed: str) -> float:
    """A typed code's rank: the code 3, its ``.00`` occupation 2, a code it starts 1."""
    if code == typed:
        return 3.0
    if code == typed + ".00":
        return 2.0
    return 1.0 if typed and code.startswith(typed) else 0.0
