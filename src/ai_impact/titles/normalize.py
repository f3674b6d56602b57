"""Turn a job title as employers write it into the plain readings the index is keyed on.

"Sr. ML Engineer II - Remote ($150k)" reads ``machine learning engineer``; "Mgr, Revenue Ops"
reads ``revenue operation manager``; "RN - ICU Nights" reads ``registered nurse intensive care
unit`` with the variant ``registered nurse``: a part after a dash is dropped only when it is pure
decoration (schedule, contract, level, number, place), otherwise it qualifies the title. Index
titles go through the same function, so both sides meet in one vocabulary (plain ASCII, lower
case, abbreviations expanded, words singular).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ai_impact.titles.abbreviations import Abbreviations
from ai_impact.titles.plain_text import plain_text

__all__ = ["Normalized", "normalize_title", "singular"]

_STATE_CODES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|"
    "NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR"
)
# A place after a separator at the end: "- Chicago, IL", "(Austin, TX)", "@ Boston, MA".
_LOCATION_TAIL = re.compile(
    r"\s*(?:[,\-–—(|@]|\bin\b)\s*[A-Z][A-Za-z.' ]{1,30},\s*(?:" + _STATE_CODES + r")\b\.?\)?\s*$"
)
# A whole dash part that is a place: "RN - Chicago, IL - Nights".
_PLACE = re.compile(r"^\s*[A-Z][A-Za-z.' ]{1,30},\s*(?:" + _STATE_CODES + r")\b\.?\s*$")
_PATTERNS = [
    re.compile(
        r"\$\s?\d[\d,.]*\s*[kK]?(?:\s*[-–]\s*\$?\s?\d[\d,.]*\s*[kK]?)?"
        r"(?:\s*(?:/|per)\s*(?:hr|hour|year|yr|week|wk|annum))?"
    ),
    re.compile(
        r"\b\d{1,2}(?::\d\d)?\s*[ap]\.?m?\.?\s*[-–]\s*\d{1,2}(?::\d\d)?\s*[ap]\.?m?\.?(?=\W|$)",
        re.IGNORECASE,
    ),
    re.compile(r"\b\d+\s*-?\s*(?:hrs?|hours?)\b", re.IGNORECASE),
    re.compile(
        r"\b(?:req(?:uisition)?|job)\s*(?:id|#|no\.?)?\s*[:#]?\s*[A-Za-z]*\d[\w-]*", re.IGNORECASE
    ),
    re.compile(r"#\s*\d+"),
]
_NEEDS_PATTERNS = re.compile(r"[$#\d]|\b(?:req|job)\b", re.IGNORECASE)
_JOIN_LETTERS = re.compile(r"\b([A-Za-z])\s?[/&]\s?([A-Za-z])\b")
# A slash written without spaces between two words: "Firefighter/EMT", "UI/UX", "Med/Surg";
# the second group runs on to the end of the words after it ("Bookkeeper/Office Manager").
_SLASH = re.compile(r"([A-Za-z][\w.'-]*)/(?=([A-Za-z][\w.'-]*(?: [A-Za-z][\w.'-]*)*))")
_PAREN = re.compile(r"[(\[{]([^)\]}]*)[)\]}]?")
# Segment separators, captured so that a dash ("RN - ICU") can be told from "|", "/" or ":".
_SEGMENT = re.compile(r"(\s+[-–—/]\s+|\s*[|:;–—•·]\s*|\s+-(?=\S)|(?<=\S)-\s+)")
_DASHES = frozenset("-–—")
# Words that, besides the table's noise and seniority words, only dress a title after a dash:
# "- Tier 2", "- Grade 7", "- Band 5", "- 13 Weeks", "- 2nd Shift" (the shift word is noise).
_DRESS_WORDS = frozenset(
    ["tier", "grade", "band", "step", "week", "wks", "month", "year", "yrs", "hour", "hrs"]
)
_NUMBER = re.compile(r"\d+(?:st|nd|rd|th|\+)?")
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#']*")
_KEEP_S = frozenset(
    [
        "sales",
        "news",
        "series",
        "species",
        "lens",
        "goods",
        "gas",
        "customs",
        "arms",
        "ethics",
        "means",
        "wages",
        "overseas",
        "always",
        "canvas",
        "chassis",
        "alias",
        "atlas",
        "bias",
        "status",
        "campus",
        "census",
        "corps",
    ]
)
_GLUE = frozenset({"and", "of", "the", "for", "in", "to", "a", "an"})


@dataclass(frozen=True, slots=True)
class Normalized:
    """A title's best reading (``primary``) and every reading worth matching, primary first;
    ``parts`` the other parts that name a role of their own ("Firefighter/EMT": "emergency
    medical technician"), each resolved on its own too."""

    primary: str
    variants: tuple[str, ...]
    parts: tuple[str, ...] = ()


def singular(word: str) -> str:
    """The singular of an English occupational noun ("secretaries" → "secretary")."""
    if len(word) <= 3 or word in _KEEP_S or not word.endswith("s"):
        return {"men": "man", "women": "woman"}.get(word, word)
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return word[:-2]
    if word.endswith(("ss", "us", "is", "ous", "'s")):
        return word[:-2] if word.endswith("'s") else word
    if word.endswith("men") or word.endswith("women"):
        return word
    return word[:-1]


_singular = lru_cache(maxsize=65536)(singular)


def _tokens(segment: str, all_caps: bool) -> list[tuple[str, bool]]:
    segment = segment.replace("&", " and ").replace(".", "").replace("’", "'")
    segment = segment.replace("-", " ").replace("/", " ").replace("_", " ")
    return [(t.lower().strip("'"), all_caps or t.isupper()) for t in _TOKEN.findall(segment)]


def _drop_phrases(words: list[tuple[str, bool]], abbr: Abbreviations) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    i = 0
    while i < len(words):
        for phrase in abbr.phrase_starts.get(words[i][0], ()):
            n = len(phrase)
            if tuple(w for w, _ in words[i : i + n]) == phrase:
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    return out


def _expand(words: list[tuple[str, bool]], abbr: Abbreviations) -> list[str]:
    out: list[str] = []
    alone = len(words) == 1
    i = 0
    while i < len(words):
        longest = abbr.expand_starts.get(words[i][0], 1)
        for n in range(min(longest, len(words) - i), 0, -1):
            key = tuple(w for w, _ in words[i : i + n])
            if key in abbr.expand:
                out.extend(abbr.expand[key])
                i += n
                break
        else:
            word, upper = words[i]
            if word in abbr.noise_words:
                pass  # a noise word outside a protected phrase ("Contract Manager" keeps it)
            elif upper and word in abbr.upper_only:
                out.extend(abbr.upper_only[word])
            elif word in abbr.alone_only:
                out.extend(abbr.alone_only[word] if alone else ())
            else:
                out.append(word)
            i += 1
    return out


def _segment_words(segment: str, all_caps: bool, abbr: Abbreviations) -> list[str]:
    tokens = _tokens(segment, all_caps)
    if abbr.special.isdisjoint(w for w, _ in tokens):
        words = [w for w, _ in tokens]  # fast path: nothing to expand or drop
    else:
        words = _expand(_drop_phrases(tokens, abbr), abbr)
    words = [w for w in words if not (w.isdigit() and len(w) > 3)]
    while len(words) > 1 and words[0] in abbr.leading:
        words.pop(0)
    while len(words) > 1 and words[-1] in abbr.trailing:
        words.pop()
    while words and words[0] in _GLUE:
        words.pop(0)
    while words and words[-1] in _GLUE:
        words.pop()
    seen: set[str] = set()
    out: list[str] = []
    for word in map(_singular, words):
        if word in seen and word not in _GLUE:
            continue
        seen.add(word)
        out.append(word)
    return out


def _of_reorder(words: list[str], roles: frozenset[str]) -> list[str] | None:
    # "director of nursing" → "nursing director"; only when a role noun precedes "of".
    if "of" in words:
        k = words.index("of")
        if 0 < k < len(words) - 1 and words[k - 1] in roles:
            return words[k + 1 :] + words[:k]
    return None


def _decoration(words: list[str], abbr: Abbreviations) -> bool:
    # What is left of a dash part once noise words are gone: only levels, numbers, units?
    return all(
        w in abbr.trailing or w in abbr.leading or w in _DRESS_WORDS or _NUMBER.fullmatch(w)
        for w in words
    )


@dataclass(slots=True)
class _Parts:
    segments: list[list[str]]  # one reading per part, a dash qualifier joined to its title
    inverted: list[list[str]]  # "Bus Drivers, School" → "school bus driver"
    bare: list[list[str]]  # the titles a dash qualifier was joined to ("registered nurse")


def _read_parts(split: list[str], all_caps: bool, abbr: Abbreviations) -> _Parts:
    # ``split`` alternates parts and the separators between them (``_SEGMENT.split``).
    out = _Parts([], [], [])
    segments = out.segments
    target = -1  # the segment a meaningful dash part qualifies
    target_raw = ""  # its text as typed
    for i, part in enumerate(split[::2]):
        dash = i > 0 and split[2 * i - 1].strip() in _DASHES
        if dash and _PLACE.match(part):
            continue  # "- Chicago, IL" in the middle
        if not dash:
            target = -1
        pieces = part.split(",")
        head = _segment_words(pieces[0], all_caps, abbr)
        tails = [w for w in (_segment_words(p, all_caps, abbr) for p in pieces[1:]) if w]
        if head and tails and all(w in abbr.roles or w in _GLUE for w in head):
            head = tails[0] + head  # "Manager, Sales" → "sales manager"
            tails = tails[1:]
        elif head and tails and i == 0:
            out.inverted.append(tails[0] + head)
        if dash and head and not tails and _decoration(head, abbr):
            continue  # "- Level II", "- Tier 1", "- 13 Weeks" (noise words are gone already)
        if dash and head and target >= 0:
            # "RN - ICU" reads "registered nurse intensive care unit", as "RN ICU" does.
            # The joined parts that name a role stay as secondary readings ("registered
            # nurse"); a qualifier alone ("intensive care unit") is no title.
            roles = [p for p in (segments[target], head) if not abbr.roles.isdisjoint(p)]
            out.bare.extend(roles or [segments[target]])
            qualifier = _qualifier(head, pieces[0], segments[target], target_raw, all_caps, abbr)
            # The qualifier in front reads as people say it: "RN - ICU" is an "ICU RN".
            out.inverted.append(qualifier + segments[target])
            segments[target] = segments[target] + qualifier
        elif head:
            segments.append(head)
            target = len(segments) - 1
            target_raw = pieces[0]
        if i == 0 or not head:
            segments.extend(tails)
    return out


def _qualifier(
    head: list[str], raw: str, title: list[str], title_raw: str, all_caps: bool, abbr: Abbreviations
) -> list[str]:
    """The words a dash part (``head``, typed ``raw``) adds to the title it qualifies, read in
    front of the title as people say it, so that shorthand the title decides is read with it:
    "RN - L&D" is an "L&D RN", labor and delivery ("l and d rn" in the table), not learning and
    development."""
    together = _segment_words(f"{raw} {title_raw}", all_caps, abbr)
    if together[len(together) - len(title) :] == title and together[: -len(title)]:
        # a seniority word of the title is no qualifier: "Principal Software Engineer -
        # Payments" read "payments principal software engineer"
        front = [w for w in together[: -len(title)] if w in head or w not in abbr.leading]
        return front or [w for w in head if w not in title]
    return [w for w in head if w not in title]


def _is_title(word: str, all_caps: bool, abbr: Abbreviations) -> bool:
    # One word of a slash pair read as a title on its own: a role noun once expanded, and no
    # status ("Owner/Operator" is one trucking title, not an owner and an operator).
    words = _segment_words(word, all_caps, abbr)
    return bool(words) and not abbr.roles.isdisjoint(words) and not abbr.generic & set(words)


def _split_slashes(raw: str, all_caps: bool, abbr: Abbreviations) -> str:
    """``raw`` with a slash between two titles spaced as a separator ("Firefighter/EMT" →
    "Firefighter / EMT", as "Welder / Fabricator"); a slash between qualifiers stays a
    compound ("UI/UX Designer", "Med/Surg", "AP/AR Specialist")."""

    def space(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        both = _is_title(left, all_caps, abbr) and _is_title(right, all_caps, abbr)
        return f"{left} / " if both else match.group(0)

    return _SLASH.sub(space, raw)


def normalize_title(text: str, abbr: Abbreviations) -> Normalized:
    """Read ``text`` as a job title: drop noise, expand abbreviations, pick the main segment."""
    raw = plain_text(text).strip()
    if "," in raw:
        raw = _LOCATION_TAIL.sub("", raw)
    if _NEEDS_PATTERNS.search(raw):
        for pattern in _PATTERNS:
            raw = pattern.sub(" ", raw)
    all_caps = raw.upper() == raw and raw.lower() != raw
    if "/" in raw or "&" in raw:
        raw = _JOIN_LETTERS.sub(r"\1\2", raw)
    if "/" in raw:
        raw = _split_slashes(raw, all_caps, abbr)
    parens = [p for p in _PAREN.findall(raw) if p.strip()]
    parts = _read_parts(_SEGMENT.split(_PAREN.sub(" | ", raw)), all_caps, abbr)
    segments = parts.segments
    extra = [w for w in (_segment_words(p, all_caps, abbr) for p in parens) if w] + parts.inverted
    if not segments:
        segments, extra = extra, []
    if not segments:
        return Normalized("", ())
    primary = next((s for s in segments if any(w in abbr.roles for w in s)), segments[0])
    variants = [primary, *segments, *extra]
    if len(segments) > 1:
        variants.append([w for s in segments for w in s])
    variants.extend(parts.bare)
    reordered = _of_reorder(primary, abbr.roles)
    if reordered:
        variants.append(reordered)
    out = dict.fromkeys(" ".join(v) for v in variants)
    others = [" ".join(s) for s in segments if s != primary and not abbr.roles.isdisjoint(s)]
    return Normalized(" ".join(primary), tuple(out), tuple(dict.fromkeys(others)))
