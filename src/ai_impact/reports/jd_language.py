"""Whether a pasted job description in the Latin alphabet is written in English.

The task model, the title index and O*NET are English; a French or Spanish duty line is read
from the few words it shares with English ("clients", "administration") and matched to an
unrelated occupation. The test is deliberately conservative, so English is never refused: it
counts the function words that mark French, Spanish, Portuguese, Italian, German and Dutch
("les", "des", "und", "para") against English ones ("the", "and", "for"). A terse English task
list has few function words of either kind and passes; text is refused only when at least
:data:`MIN_FOREIGN` foreign function words occur and they outnumber the English ones
:data:`RATIO` to one. Words that are also English ("a", "die", "do", "per", "as", "on") are not
counted as foreign.
"""

from __future__ import annotations

import re

from ai_impact.errors import InputError

__all__ = ["MIN_FOREIGN", "RATIO", "check_language", "function_words"]

MIN_FOREIGN = 3
RATIO = 2.0


def _words(*groups: str) -> frozenset[str]:
    return frozenset(" ".join(groups).split())


_ENGLISH = _words(
    "the and of to for with in on an or by from at is are be your our you we will all that",
    "this using such into within their its including",
)
_FOREIGN = (
    _words(
        "les des et du avec sur une dans aux nous vous votre vos leur cette sont qui ainsi",
        "los del y por una su sus el al que nuestro como con",  # Spanish
        "dos uma não seu sua ao pelo pela",  # Portuguese
        "della delle che nel gli sono alla",  # Italian
        "und der das für von zu ein eine ist auf den dem sie wir nicht bei oder",  # German
        "het een en voor zijn wij niet",  # Dutch
    )
    - _ENGLISH
)
# Left out though they mark another language: words that are English too or common English
# abbreviations ("pour", "met", "van", "para", "pas", "mit", "dei", "os", "com", "un", "au").
_WORD = re.compile(r"[^\W\d_]+")


def function_words(text: str) -> tuple[int, int]:
    """How many English and how many foreign function words the text holds."""
    words = [w.casefold() for w in _WORD.findall(text)]
    return sum(w in _ENGLISH for w in words), sum(w in _FOREIGN for w in words)


def check_language(text: str) -> None:
    """Refuse a description whose function words are clearly not English's."""
    english, foreign = function_words(text)
    if foreign >= MIN_FOREIGN and foreign > RATIO * english:
        raise InputError(
            "The job description does not read as English (it has "
            f"{foreign} French, Spanish, German, Portuguese, Italian or Dutch function words and "
            f"{english} English ones); ai-impact reads job descriptions written in English "
            "(O*NET's language).",
            hint="Paste an English version of the duties.",
        )
