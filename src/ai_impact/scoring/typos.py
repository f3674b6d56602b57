"""Typing slips put right from the words of O*NET statements ("recieve", "palet" → "receive",
"pallet").

:class:`TypoFixer` respells a word that neither a vocabulary (word → count) nor English know
into the vocabulary's word one edit away. English is the set of words the all-MiniLM-L6-v2
WordPiece tokenizer holds whole (the task model's and the title model's tokenizer; about 21,400
plain words of three letters or more), so "wrangle" or "onboard" stay as typed. The shipped
vocabulary (:func:`statement_fixer`, ``data/statement_words.json``) is every word of four
letters or more of the O*NET 30.3 task statements and detailed work activities and of the
label set, with its count (``scripts/build_task_verbs.py``). Only the first letter is never
changed, and the task model's fixer looks at words of six letters or more.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from ai_impact.scoring.verb_forms import base_verb

__all__ = [
    "LETTERS",
    "TYPO_MIN_LETTERS",
    "TypoFixer",
    "edits",
    "english_stems",
    "is_english",
    "statement_fixer",
]

LETTERS = re.compile(r"[A-Za-z]+")
TYPO_MIN_LETTERS = 5
# The task model's fixer leaves five-letter words alone: too many of them are one edit from a
# statement word ("pivot" → "pilot", "admin" → "admit").
STATEMENT_MIN_LETTERS = 6
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
_WORDS_FILE = Path(__file__).with_name("data") / "statement_words.json"
_TOKENIZER_FILE = Path(__file__).resolve().parent / "artifacts" / "task_model" / "tokenizer.json"


def edits(word: str) -> tuple[set[str], set[str], set[str]]:
    """The words one edit from ``word`` after its first letter (slips rarely hit it, and a
    first letter dropped turns "vlogs" into "logs"): two neighbouring letters swapped; a letter
    left out or doubled (deleted or inserted); one letter replaced."""
    cuts = [(word[:i], word[i:]) for i in range(1, len(word) + 1)]  # the first letter stays
    swaps = {a + b[1] + b[0] + b[2:] for a, b in cuts if len(b) > 1 and b[0] != b[1]}
    gaps = {a + b[1:] for a, b in cuts if b} | {a + c + b for a, b in cuts for c in _ALPHABET}
    wrong = {a + c + b[1:] for a, b in cuts if b for c in _ALPHABET if c != b[0]}
    return swaps, gaps, wrong


class TypoFixer:
    """Respells words one edit away from the words of ``vocab`` (word → count), remembering
    every answer; ``is_word`` says whether a word not in ``vocab`` is English as it stands."""

    def __init__(
        self,
        vocab: dict[str, int],
        is_word: Callable[[str], bool],
        min_letters: int = TYPO_MIN_LETTERS,
    ) -> None:
        self.vocab = vocab
        self.is_word = is_word
        self.min_letters = min_letters
        self._worth = re.compile(rf"[a-z]{{{min_letters},}}")
        self._fixes: dict[str, str | None] = {}

    def respelled(self, text: str) -> str:
        """``text`` with its typing slips put right ("recieve incomming shipments" → "receive
        incoming shipments").

        Only a word of ``min_letters`` letters or more (five by default, six for the task
        model) in lower case (or capitalised, opening the text) that neither ``vocab`` nor
        English know is respelled, into the vocabulary's word one edit away — two neighbouring
        letters swapped back first, then a letter missing or doubled, then one letter wrong;
        the most frequent such word wins. Brand names and acronyms ("Dentrix", "HIPAA")
        stay."""
        if self.vocab.keys() >= set(self._worth.findall(text.lower())):
            return text  # the common case, decided without a callback per word

        def fix(match: re.Match[str]) -> str:
            word = match.group(0)
            if len(word) < self.min_letters:
                return word
            if not (word.islower() or (match.start() == 0 and word[1:].islower())):
                return word
            low = word.lower()
            if low in self.vocab:
                return word
            if low not in self._fixes:
                self._fixes[low] = self._nearest(low)
            found = self._fixes[low]
            if found is None:
                return word
            return found.capitalize() if word[0].isupper() else found

        return LETTERS.sub(fix, text)

    def _nearest(self, word: str) -> str | None:
        """The vocabulary's word one edit from ``word`` (see :meth:`respelled`)."""
        if self.is_word(word):
            return None
        for group in edits(word):
            known = [w for w in group if w in self.vocab]
            if known:
                return max(sorted(known), key=lambda w: self.vocab[w])
        return None


# A word the tokenizer does not hold whole is still English when it is one it holds with a common
# prefix or ending ("retrained", "upskilled", "preprocessing", "classifier" ← "classify").
_PREFIXES: tuple[str, ...] = ("re", "pre", "un", "up", "de", "co", "e", "non", "sub", "over")
_PREFIXES += ("under", "out", "mis", "dis", "multi", "micro", "tele", "cyber")
_ENDINGS = (
    ("s", ""),
    ("es", ""),
    ("ed", ""),
    ("ed", "e"),
    ("d", ""),
    ("ing", ""),
    ("ing", "e"),
    ("er", ""),
    ("er", "e"),
    ("ers", ""),
    ("ers", "e"),
    ("r", ""),
    ("rs", ""),
    ("ly", ""),
    ("ier", "y"),
    ("iers", "y"),
    ("ies", "y"),
    ("ied", "y"),
    ("ment", ""),
    ("ments", ""),
)


def english_stems(word: str) -> set[str]:
    """``word`` and what it is without a common prefix, ending or both (stems of three letters
    or more): the forms :func:`is_english` looks up."""
    out = {word}
    for pre in _PREFIXES:
        if word.startswith(pre) and len(word) - len(pre) >= 3:
            out.add(word[len(pre) :])
    for form in list(out):
        for end, repair in _ENDINGS:
            if form.endswith(end) and len(form) - len(end) + len(repair) >= 3:
                out.add(form[: len(form) - len(end)] + repair)
    return out


@lru_cache(maxsize=1)
def _wordpiece() -> frozenset[str]:
    """The plain words the shipped WordPiece tokenizer holds whole (loaded on first use: only a
    word that no O*NET statement has needs them)."""
    vocab = json.loads(_TOKENIZER_FILE.read_text(encoding="utf-8"))["model"]["vocab"]
    return frozenset(w for w in vocab if len(w) >= 3 and w.isascii() and w.isalpha())


def is_english(word: str) -> bool:
    """Whether a lower-case word is English as typed: the tokenizer holds it whole, or holds it
    without a common prefix or ending (see :func:`english_stems`)."""
    words = _wordpiece()
    return any(stem in words for stem in english_stems(word))


@lru_cache(maxsize=1)
def statement_fixer() -> TypoFixer:
    """The fixer with the words of the O*NET statements and the label set."""
    counts: dict[str, int] = json.loads(_WORDS_FILE.read_text(encoding="utf-8"))["counts"]

    def known(word: str) -> bool:
        """English; a form of a task verb the rewrite reads itself ("analysed"); or another form
        of a statement word ("backlog" of "backlogs", "chainsaws" of "chainsaw")."""
        if base_verb(word) is not None or is_english(word):
            return True
        forms = english_stems(word) | {word + "s", word + "es"}
        return any(form in counts for form in forms)

    return TypoFixer(counts, known, STATEMENT_MIN_LETTERS)
