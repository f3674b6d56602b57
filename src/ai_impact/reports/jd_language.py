"""Whether a pasted job description in the Latin alphabet is written in English.

The task model, the title index and O*NET are English; a French or Spanish duty line is read
from the few words it shares with English ("clients", "administration") and matched to an
unrelated occupation. The test is deliberately conservative, so English is never refused: it
counts the function words that mark French, Spanish, Portuguese, Italian, German, Dutch,
Polish, the Scandinavian languages, Romanian, Turkish and Indonesian ("les", "des", "und",
"oraz", "och") against English ones ("the", "and", "for"); and a text of accented words with
no English function word (a Polish list of noun phrases has none of either) is refused too. A
terse English task list has few function words of either kind and no accents, and passes; by
function words a text is refused only when at least :data:`MIN_FOREIGN` foreign ones occur and
they outnumber the English ones :data:`RATIO` to one. Words that are also English ("a", "die",
"do", "per", "as", "on") are not counted as foreign.
"""

from __future__ import annotations

import re

from ai_impact.errors import InputError

__all__ = [
    "ACCENTED_SHARE",
    "MIN_ACCENTED",
    "MIN_FOREIGN",
    "RATIO",
    "accented_words",
    "check_language",
    "function_words",
]

MIN_FOREIGN = 3
RATIO = 2.0
MIN_ACCENTED = 3
ACCENTED_SHARE = 0.15


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
        "się oraz dla przez jest są lub",  # Polish
        "och att det som för og til på",  # Swedish, Danish, Norwegian
        "și pentru în sau",  # Romanian
        "bir ile için veya",  # Turkish
        "yang untuk dengan atau",  # Indonesian, Malay
    )
    - _ENGLISH
)
# Left out though they mark another language: words that are English too or common English
# abbreviations ("pour", "met", "van", "para", "pas", "mit", "dei", "os", "com", "un", "au",
# "med", "av", "ve", "dan", "cu").
_WORD = re.compile(r"[^\W\d_]+")


def function_words(text: str) -> tuple[int, int]:
    """How many English and how many foreign function words the text holds."""
    words = [w.casefold() for w in _WORD.findall(text)]
    return sum(w in _ENGLISH for w in words), sum(w in _FOREIGN for w in words)


def accented_words(text: str) -> tuple[int, int]:
    """How many words hold a letter outside ASCII ("Obsługa", "zamówień"), of how many."""
    words = _WORD.findall(text)
    return sum(not w.isascii() for w in words), len(words)


def check_language(text: str) -> None:
    """Refuse a description whose function words are clearly not English's, or whose words
    are often accented (:data:`MIN_ACCENTED` of them, :data:`ACCENTED_SHARE` or more) while
    it holds at most one English function word (a Polish or Czech duty list)."""
    english, foreign = function_words(text)
    accented, n_words = accented_words(text)
    unlike_english = english <= 1 and accented >= MIN_ACCENTED
    if unlike_english and accented >= ACCENTED_SHARE * n_words:
        raise InputError(
            "The job description does not read as English (many of its words are accented and "
            "it has no English function words); ai-impact reads job descriptions written in "
            "English (O*NET's language).",
            hint="Paste an English version of the duties.",
        )
    if foreign >= MIN_FOREIGN and foreign > RATIO * english:
        raise InputError(
            "The job description does not read as English (it has "
            f"{foreign} French, Spanish, German, Portuguese, Italian or Dutch function words and "
            f"{english} English ones); ai-impact reads job descriptions written in English "
            "(O*NET's language).",
            hint="Paste an English version of the duties.",
        )
