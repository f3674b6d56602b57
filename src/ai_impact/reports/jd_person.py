"""The person a CV is about: its name line and contact details, neither of them a task nor the
job's title.

- :func:`contact_details` — a line with an e-mail address, a phone number or a web address and
  no verb ("jane.doe@example.com | +1 555 0100 | Columbus, OH"); "Apply at www.acme.com" has a
  verb and "Email your resume to jobs@acme.com" is a call to apply: the employer's lines.
- :func:`personal_name` — a first line of two to four capitalised words that names a person,
  not a job: a contact line follows and it holds no role noun of the title tables ("JANE DOE",
  not "Registered Nurse"), or no word of it is known from job titles at all (the O*NET titles
  index, when the caller passes it: "Jane Doe", not "Data Scientist").

The rules are those of :mod:`ai_impact.reports.jd_split` (rules 3 and 5).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from ai_impact.reports.jd_kinds import COMPANY
from ai_impact.reports.jd_post_lines import post_kind
from ai_impact.reports.jd_words import WORD, has_verb, opens_with_verb

__all__ = ["contact_details", "personal_name", "role_words"]

_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_URL = (
    r"https?://\S+|www\.\S+|"
    r"\b[a-z][\w-]*\.(?:com|org|net|io|dev|edu|gov|me|co\.uk)(?:/\S*)?(?![\w.])"
)
# "+1 555 0100", "+44 20 7946 0958", "(555) 123-4567", "555-123-4567", "Tel: 0161 496 0000";
# never a span of years ("2017-2020") or an amount.
_PHONE = (
    r"\+\d{1,3}[\s.-]?(?:\(\d{1,4}\)[\s.-]?)?\d{1,4}(?:[\s.-]?\d{2,4}){1,4}(?![\d.,])|"
    r"\(\d{3}\)\s?\d{3}[\s.-]\d{4}(?!\d)|(?<![\d.,$-])\d{3}[.-]\d{3}[.-]\d{4}(?!\d)|"
    r"(?i:\b(?:phone|tel|telephone|mobile|cell|ph)\b\.?\s*:?\s*)[(\d][\d\s().-]{6,}\d"
)
_CONTACT = re.compile(f"{_EMAIL}|{_URL}|{_PHONE}")
_LABELS = re.compile(
    r"\b(?:e-?mail|phone|tel|telephone|mobile|cell|ph|contact|linkedin|github|portfolio|"
    r"website|web|address)\b\s*:",
    re.IGNORECASE,
)
_TAGS = re.compile(r"<[^<>]{1,200}>")


def contact_details(line: str) -> bool:
    """Whether a line gives a way to reach someone (an e-mail address, a phone number, a web
    address) and does nothing else: no verb once those and their labels are left out."""
    if not _CONTACT.search(line):
        return False
    rest = _LABELS.sub(" ", _CONTACT.sub(" ", _TAGS.sub(" ", line))).strip(" |·•,;/-–—")
    # "Email your resume to jobs@acme.com" is a call to apply
    return not (opens_with_verb(rest) or has_verb(rest) or post_kind(rest) == COMPANY)


# A person's name: "JANE DOE", "Jane Q. Doe", "Mary-Jane O'Neil", "Ana de la Cruz", perhaps
# with letters after it ("Jane Doe, CPA"); no digit, no other punctuation.
_NAME_WORD = r"(?:[A-Z][a-z]*(?:[A-Z][a-z]+)*(?:['’-][A-Z]?[a-z]+)*|[A-Z]+(?:['’-][A-Z]+)*)"
_PARTICLE = r"(?:de|del|della|da|di|du|van|von|der|den|la|le|bin|al|el|dos|das|ter)"
_NAME = re.compile(
    rf"(?P<name>{_NAME_WORD}(?:\s+(?:[A-Z]\.|{_PARTICLE}(?:\s+{_PARTICLE})?))?"
    rf"(?:\s+{_NAME_WORD}){{1,2}})(?P<letters>(?:,\s*[A-Z][A-Za-z.]{{1,6}})*)"
)
_ROLES_FILE = ("catalog", "title_abbreviations.toml")


@lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    """The role nouns of the title tables ("manager", "nurse", "clerk", "associate", ...): a
    line holding one names a job. Empty when the tables cannot be read."""
    from ai_impact.errors import DataError
    from ai_impact.settings import default_data_dir
    from ai_impact.titles.abbreviations import load_abbreviations

    try:
        return load_abbreviations(default_data_dir().joinpath(*_ROLES_FILE)).roles
    except (DataError, OSError):
        return frozenset()


def _unaccented(text: str) -> str:
    """Letters without their accents, so the name pattern reads "MARÍA GONZÁLEZ-PÉREZ" and
    "José Álvarez" as it reads "Maria Gonzalez" (ß, Ø, Ł and the like stay and do not match)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def personal_name(lines: list[str], known_title_words: Callable[[str], bool] | None = None) -> bool:
    """Whether the first of ``lines`` is a person's name heading a CV (rules in the module
    docstring); ``known_title_words`` says whether a text holds a word known from job titles."""
    found = _NAME.fullmatch(_unaccented(lines[0].strip()))
    if found is None:
        return False
    name = found.group("name")
    words = [w.lower() for w in WORD.findall(name)]
    roles = role_words()  # without the tables, a contact line proves nothing
    if roles and len(lines) > 1 and contact_details(lines[1]) and not set(words) & roles:
        return True
    return known_title_words is not None and not known_title_words(name)
