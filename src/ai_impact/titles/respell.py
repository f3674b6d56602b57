"""The fuzzy step: words of a title the index does not know, read as index words
(:class:`Speller`), and how far a candidate found that way is trusted (:func:`respell_cap`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from ai_impact.titles.embed import StaticEmbedder
from ai_impact.titles.normalize import singular
from ai_impact.titles.resolution import Candidate, scaled

__all__ = ["RESPELL_CAP", "Speller", "respell_cap"]

# A title read with a word respelled (letters changed: "acocuntant" → "accountant") whose best
# candidate no title of the index names exactly (only the embedding and the title words point
# to it) is a guess on a guess: its confidences are scaled so that the best is at most this.
RESPELL_CAP = 0.45
# A nearest-word respelling this far from the word typed (rapidfuzz ratio under this) changes
# more than about one letter in ten: a foreign word near an English one ("maestra" → "maestro",
# 86; "avocat" → "advocate", 86: Music Directors 0.91, Social and Human Service Assistants
# 0.92) rather than a slip ("acountant" → "accountant" 95, "recepcionist" 92, "electritian"
# 91). Its candidates are capped at RESPELL_CAP whatever they are.
WEAK_RATIO = 90
# A word this long one letter away (changed, added or dropped) from exactly one index word is a
# slip of that word before it is two words run together: "kindergarden" is "kindergarten", not
# "kinder garden" (Grounds Maintenance Workers). Shorter words are often one letter from
# another word ("bellperson" is no "salesperson"; "baker" / "biker").
NEAR_MISS_LETTERS = 8
# British spellings O*NET writes the American way, tried on a word of English the index lacks
# ("organisation", "neighbourhood", "theatre", "jeweller", "anaesthetist", "catalogue").
_AMERICAN = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"isation", "ization"), (r"is(e|er|ed|ing)$", r"iz\1"), (r"ys(e|er|ed|ing)$", r"yz\1"),
        (r"our", "or"), (r"tre$", "ter"), (r"ogue$", "og"), (r"ae", "e"), (r"oe", "e"),
        (r"ence$", "ense"), (r"ll(er|or|ing|ed)$", r"l\1"), (r"mme$", "m"),
    )
)  # fmt: skip


class Speller:
    """Reads unknown title words as the words of one index, remembering every reading."""

    def __init__(
        self, words: Sequence[str], word_id: dict[str, int], embedder: StaticEmbedder
    ) -> None:
        self.words = words  # the index's words, in its order (the edit-ratio choices)
        self.word_id = word_id
        self.embedder = embedder
        self.fixes: dict[str, str | None] = {}
        self.letter_fixes: set[str] = set()  # words fixed by changing letters (swap, ratio)
        self.american_fixes: set[str] = set()  # words read in American spelling
        self.weak_fixes: set[str] = set()  # nearest-word fixes under WEAK_RATIO
        # the index's words by first letter and length, for the near-miss step (built on use)
        self._by_start: dict[tuple[str, int], list[str]] = {}

    def spell(self, words: set[str]) -> None:
        """Fuzzy step: a word the index does not know is replaced by index words.

        A word of English (:meth:`StaticEmbedder.is_english_word`: "retired", "tired") is never
        respelled into another word: "Retired" read as "retread" was Tire Builders at 0.77. It
        may only be read in American spelling ("organisation" → "organization"), without a
        feminine ending ("actress" → "actor"), or split into
        two index words of four and three letters or more that it is written as, letter for
        letter ("songwriter" → "song writer"; "tapestry" is no "tapes try").

        Any other word, in this order: an activity in -ing read as who does it ("bartending"
        → "bartender"); two neighbouring letters swapped back ("acocuntant" →
        "accountant", "regsitered" → "registered"; edit ratio alone takes "cheif" to "chef"); a
        word of NEAR_MISS_LETTERS or more one letter from exactly one index word
        ("kindergarden" → "kindergarten"); a compound of two index words split ("lorrydriver"
        → "lorry driver", "bellperson" → "bell person"); else the nearest index word by edit
        ratio (≥ 84, words of five letters or more) with the same first letter. Words with a
        digit are never respelled (see :meth:`respell`).
        """
        unknown = sorted(
            w for w in words if w not in self.fixes and not any(c.isdigit() for c in w)
        )
        rest: list[str] = []
        for word in unknown:
            if self.embedder.is_english_word(word):
                american = self._american(word) or self._unmarked(word)
                fix = american or self._compound(word, english=True)
                self.fixes[word] = fix
                if american:
                    self.american_fixes.add(word)
                continue
            doer = self._doer(word)
            if doer:
                self.fixes[word] = doer
                continue
            swapped = self._swapped(word) or self._near_miss(word)
            fix = swapped or self._compound(word)
            if fix:
                self.fixes[word] = fix
                if swapped:
                    self.letter_fixes.add(word)
            else:
                rest.append(word)
        if not rest:
            return
        choices = self.words
        matrix = process.cdist(
            rest, choices, scorer=fuzz.ratio, score_cutoff=84, dtype=np.uint8, workers=-1
        )
        # The first letter is kept (as in ``ai_impact.scoring.typos``): slips fall inside words,
        # and a changed first letter makes another word ("grooming" → "rooming", "bartending"
        # → "attending": Emergency Medicine Physicians).
        initials = np.array([c[:1] for c in choices])
        for row, word in enumerate(rest):
            matrix[row, initials != word[:1]] = 0
        best = matrix.argmax(axis=1)
        for row, word in enumerate(rest):
            ratio = int(matrix[row, best[row]])
            good = len(word) >= 5 and ratio > 0
            self.fixes[word] = choices[int(best[row])] if good else None
            if good:
                self.letter_fixes.add(word)
            if good and ratio < WEAK_RATIO:
                self.weak_fixes.add(word)

    def respell(self, words: list[str]) -> list[str]:
        """``words`` with the fuzzy step's fixes; a word with a digit that the index does not
        know (an aircraft type "A320", a version "J2EE") is dropped when other words remain."""
        out: list[str] = []
        for word in words:
            if word in self.word_id:
                out.append(word)
            elif not any(c.isdigit() for c in word):
                out.append(self.fixes.get(word) or word)
        return out if out else words

    def _american(self, word: str) -> str | None:
        """The index word ``word`` is in American spelling ("organisation" → "organization",
        "neighbourhood" → "neighborhood", "theatre" → "theater"), if any: words of five letters
        or more ("four" is not "for")."""
        if len(word) < 5:
            return None
        for pattern, repl in _AMERICAN:
            american = pattern.sub(repl, word)
            if american != word and american in self.word_id:
                return american
        return None

    def _unmarked(self, word: str) -> str | None:
        """The index word for a role named in a feminine form the index lacks ("actress" →
        "actor", "hostess" → "host", "stewardess" → "steward"), if any."""
        if not word.endswith("ess") or len(word) < 6:
            return None
        stem = word[:-3]
        for plain in (stem[:-1] + "or" if stem.endswith("tr") else "", stem):
            if plain and plain in self.word_id:
                return plain
        return None

    def _doer(self, word: str) -> str | None:
        """The index's word for who does the work ``word`` names, for an activity in -ing that
        the index lacks ("bartending" → "bartender", "grooming" → "groomer", "tutoring" →
        "tutor"), if any."""
        if len(word) < 7 or not word.endswith("ing"):
            return None
        stem = word[:-3]
        for doer in (stem + "er", stem + "or", stem + "e" + "r", stem):
            if doer in self.word_id:
                return doer
        return None

    def _swapped(self, word: str) -> str | None:
        """The index word ``word`` is with two neighbouring letters swapped, if any."""
        if len(word) < 4:
            return None
        for i in range(len(word) - 1):
            if word[i] != word[i + 1]:
                swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
                if swapped in self.word_id:
                    return swapped
        return None

    def _near_miss(self, word: str) -> str | None:
        """The one index word with the first letter of ``word`` one letter from it (changed,
        added or dropped), for a word of NEAR_MISS_LETTERS or more; None when none or several."""
        if len(word) < NEAR_MISS_LETTERS:
            return None
        if not self._by_start:
            for w in self.words:
                self._by_start.setdefault((w[:1], len(w)), []).append(w)
        near = {
            hit
            for size in (len(word) - 1, len(word), len(word) + 1)
            for hit in self._by_start.get((word[:1], size), ())
            if Levenshtein.distance(word, hit, score_cutoff=1) <= 1
        }
        return near.pop() if len(near) == 1 else None

    def _compound(self, word: str, *, english: bool = False) -> str | None:
        """Two index words of three letters or more that ``word`` is written as, the most
        even split first ("storeperson" → "store person"). A word of English is split only
        into a first part of four letters or more, both parts as written ("songwriter" →
        "song writer", not "tapestry" → "tape try" through the plural "tapes")."""
        if len(word) < 6:
            return None
        splits = sorted(range(3, len(word) - 2), key=lambda i: -min(i, len(word) - i))
        for i in splits:
            head, tail = word[:i], word[i:]
            if english and len(head) < 4:
                continue
            head = head if english else singular(head)
            if head in self.word_id and tail in self.word_id:
                return f"{head} {tail}"
        return None


def respell_cap(cands: list[Candidate], *, weak: bool = False) -> list[Candidate]:
    """Candidates of a reading with a respelled word, scaled so that the best is at most
    RESPELL_CAP, unless the best is an index title of the respelled reading ("Acocuntant" reads
    "accountant", an O*NET title: via ``fuzzy``) or the alias table's; whatever the best is
    when the respelling was ``weak`` (see WEAK_RATIO)."""
    best = cands[0]
    if (best.via in ("fuzzy", "alias") and not weak) or best.confidence <= RESPELL_CAP:
        return cands
    return scaled(cands, RESPELL_CAP / best.confidence)
