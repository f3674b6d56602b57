"""Is a title written in another language than English? O*NET is an American English
classification and the resolver reads English titles; a title in Spanish, German or French
("Ingeniero de software", "Développeur web", "Kaufmann im Einzelhandel") was read word by word
into whatever English title its pieces landed near ("Técnico de mantenimiento": Cooks,
Restaurant 0.40; "Asistente de enfermería" the same at 0.35).

The evidence, per word of the title as typed (:func:`reads_foreign`):

- *known*: the word (accents folded) is a word of the index's titles, a singular of one, a word of
  English (the title model's WordPiece vocabulary, :meth:`StaticEmbedder.is_english_word`:
  "angeles", "vegas", "cafe", "resume") or a key of the abbreviation table ("rn");
- a *function word* of another language (``[foreign]`` in the abbreviation table: "de",
  "der", "la", "und", "im", "et"…), whatever the vocabularies say ("de" is an index word
  through "Chef de Cuisine");
- *unknown*: any other word of three letters or more; *accented* when it was typed with a
  diacritic or a letter English does not use ("développeur", "técnico", "verkäufer").

A title reads as foreign when a function word goes with at least one unknown word and the
unknown words are at least as many as the known ones ("Ingeniero de software"; not "Sales
Manager - Los Angeles", whose words are all known), or when accented unknown words are at least
as many as the known ones ("Développeur web", "Médico"; not "Café Manager", "Señor Software
Engineer"). A title the index holds whole is never foreign ("Chef de Cuisine", "Chef de Partie",
"Au Pair", "Maître d'"). Words of other scripts are not words here: "医生" alone reads as nothing
and gets the no-match message.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from ai_impact.titles.normalize import singular
from ai_impact.titles.plain_text import fold_letters, strip_markup

__all__ = ["Evidence", "evidence", "reads_foreign"]

# A word: letters with their marks ("d'hôtel" is two words).
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# The parts of a title: "Cashier - Del Taco", "Cook | Taqueria", "Server (Le Bistro)".
_PART = re.compile(r"\s[-–—/]\s|[|:;,()\[\]{}•·]")


class Evidence:
    """Counts of a title's words: known, unknown, accented unknown, function words."""

    __slots__ = ("accented", "function", "known", "roles", "unknown")

    def __init__(self) -> None:
        self.known = 0
        self.unknown = 0
        self.accented = 0
        self.function = 0
        self.roles = 0  # known words that are role nouns ("cashier")

    def foreign(self) -> bool:
        """Whether the counts read as another language (see the module)."""
        by_function = self.function > 0 and self.unknown > 0 and self.unknown >= self.known
        by_letters = self.accented > 0 and self.accented >= self.known
        return by_function or by_letters


def _latin(word: str) -> bool:
    return all(unicodedata.name(c, "").startswith("LATIN") for c in word)


def evidence(
    text: str,
    known: Callable[[str], bool],
    function_words: frozenset[str],
    roles: frozenset[str] = frozenset(),
) -> Evidence:
    """Count the words of ``text`` (see :class:`Evidence`); ``known`` tells a word of the
    resolver's vocabulary, lower case and folded to ASCII; ``roles`` the role nouns."""
    out = Evidence()
    for typed in _WORD.findall(text):
        if not _latin(typed):
            continue  # another script: not read at all
        word = fold_letters(typed).lower()
        if word in function_words:
            out.function += 1
        elif known(word):
            out.known += len(word) >= 3
            out.roles += word in roles or singular(word) in roles
        elif len(word) >= 3:
            out.unknown += 1
            out.accented += not typed.isascii()
    return out


def reads_foreign(
    text: str,
    known: Callable[[str], bool],
    function_words: frozenset[str],
    roles: frozenset[str] = frozenset(),
) -> bool:
    """Whether ``text`` reads as a title in another language than English. A part of the
    title (between dashes, bars, commas or brackets) that names a role in known words only
    keeps it English: "Cashier - Del Taco" is a cashier at a restaurant chain ("del" and
    "taco" would read as Spanish)."""
    raw = unicodedata.normalize("NFKC", strip_markup(text))
    words = _WORD.findall(raw)
    if raw.isascii() and function_words.isdisjoint(w.lower() for w in words):
        return False  # no evidence of another language: the usual title, read fast
    if not function_words or not evidence(raw, known, function_words).foreign():
        return False
    for part in _PART.split(raw):
        ev = evidence(part, known, function_words, roles)
        if ev.roles and not (ev.unknown or ev.function):
            return False
    return True
