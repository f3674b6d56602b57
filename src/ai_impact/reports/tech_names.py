"""Display names of O*NET technology and tool names in sentences.

O*NET writes many software examples and commodity titles as "Full name ACRONYM" ("Structured
query language SQL", "Customer relationship management CRM software", "Amazon Web Services AWS
software"), some product names repeat their vendor's word ("Orion Law Management Systems
Orion"), and its Tools Used list two examples of one class that a sentence would join with "or"
("handheld hair dryers or hooded hair dryers"). The rules here turn these into the names people
use; the ids (commodity codes, element ids) are never touched, so matching is unaffected.

- An acronym after the words it abbreviates (its letters, in order, found in those words, its
  first letter the first word's): a generic name in lower case ("Structured query language") is
  known by its acronym ("SQL", "CRM software"); a proper name ("Amazon Web Services") keeps its
  words and gives the acronym in brackets ("Amazon Web Services (AWS)"), unless
  :data:`IRREGULAR` names it otherwise.
- A last word repeating the first ("Orion ... Orion") ends the product of that vendor: the
  product name alone (:func:`_product`).
- Two examples of one class: the words they end on together ("hair dryers"), else the one the
  class is named after, else the first.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["IRREGULAR", "display_name", "one_example"]

# Names the rules would leave long where one short name is what people use.
IRREGULAR: dict[str, str] = {
    "Amazon Web Services AWS software": "AWS",
    "Structure query language SQL": "SQL",  # O*NET's misspelt duplicate of "Structured ..."
}

_TRAILING = frozenset({"software", "systems", "system"})
# A word ending a vendor's name in "Vendor Product": what follows it is the product.
_VENDOR_END = frozenset(
    {
        *("software", "systems", "system", "markets", "group", "inc", "corporation"),
        *("technologies", "solutions", "products", "experts"),
    }
)


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and word.isalnum()


def _abbreviates(acronym: str, words: Sequence[str]) -> bool:
    """Whether ``acronym`` abbreviates ``words``: same first letter, its letters in order."""
    text = "".join(words).lower()
    if not text or text[0] != acronym[0].lower():
        return False
    pos = 0
    for c in acronym.lower():
        pos = text.find(c, pos) + 1
        if pos == 0:
            return False
    return True


def _expansion(words: Sequence[str], at: int) -> int:
    """Index of the first word the acronym at ``at`` abbreviates, or -1: the most words (at
    least two, at most one per letter) whose initials start it and whose letters hold it."""
    acronym = words[at]
    best = -1
    for k in range(2, min(len(acronym), at) + 1):
        span = words[at - k : at]
        if any(_is_acronym(w) for w in span):  # "... DATAS for SAS": no expansion
            break
        if _abbreviates(acronym, span):
            best = at - k
    return best


def _product(words: Sequence[str]) -> str:
    """The product of "Vendor Product" whose last word repeats the vendor's first: the words
    after the vendor's name ("Advantage Software Chiropractic Advantage" → "Chiropractic
    Advantage"), else the repeated word ("Orion Law Management Systems Orion" → "Orion")."""
    ends = [i for i, w in enumerate(words[1:-1], 1) if w.lower() in _VENDOR_END]
    return " ".join(words[ends[-1] + 1 :]) if ends else words[-1]


def display_name(name: str) -> str:
    """How an O*NET technology name or commodity title reads on a page (see the module)."""
    name = " ".join(name.split())
    if name in IRREGULAR:
        return IRREGULAR[name]
    words = name.split()
    if len(words) > 2 and words[-1] == words[0]:
        return _product(words)
    at = len(words) - 1
    if at >= 1 and words[at].lower() in _TRAILING:
        at -= 1
    if at < 2 or not _is_acronym(words[at]):
        return name
    start = _expansion(words, at)
    if start < 0:
        return name
    span, before, after = words[start:at], words[:start], words[at + 1 :]
    if all(w[:1].islower() for w in span[1:]):  # a generic name: known by its acronym
        return " ".join([*before, words[at], *after])
    return " ".join([*before, *span, f"({words[at]})", *after])


def one_example(names: Sequence[str], title: str = "") -> str:
    """One name for two or more examples of a tool class (see the module)."""
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    split = [n.split() for n in names]
    tail: list[str] = []
    for group in zip(*(reversed(w) for w in split), strict=False):
        if len({g.lower() for g in group}) != 1:
            break
        tail.insert(0, group[0])
    if tail and len(tail) < min(len(w) for w in split):
        return " ".join(tail)
    for n in names:
        if n.casefold() == title.strip().casefold():
            return n
    return names[0]
