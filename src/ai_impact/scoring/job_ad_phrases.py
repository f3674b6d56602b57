"""Job-ad phrases a task model trained on O*NET statements misreads, in O*NET's words.

Part of steps 5 and 6 of :mod:`ai_impact.scoring.phrasing` (see its docs):

- :func:`spell_clinical` — hospital code names no O*NET statement uses: "code blue" is a
  cardiac arrest, a "rapid response" call a medical emergency ("Respond to rapid response and
  code blue events" read as answering messages, β 0.65; "Respond to medical emergency and
  cardiac arrest events" 0.04);
- :func:`keep_done` — "Keep <something> <done>" put as O*NET writes it, the verb first ("Keep
  the service van stocked and organized" → "Stock and organize the service van": β 0.38,
  read as software work, and 0.19);
- :func:`named_software` — a product named by a joined-up name at the end of a clause is said
  to be software ("… using ServiceTitan" → "… using ServiceTitan software": β 0.35 and 0.57),
  as O*NET writes "using computer software".
"""

from __future__ import annotations

import re

from ai_impact.scoring.verb_forms import base_verb, same_case

__all__ = ["keep_done", "named_software", "spell_clinical"]

# "Code blue" (any case): a cardiac arrest. "Rapid response" only as the hospital's call, before
# a team, event or call word or beside "code blue" ("provide rapid response to inquiries"
# stays).
_CODE_BLUE = re.compile(r"\b(code)\s+(blue)s?\b", re.IGNORECASE)
_RAPID = re.compile(
    r"\b(rapid)\s+(response)(?=\s+(?:teams?|events?|calls?|codes?|situations?|alerts?)\b|"
    r"\s*(?:,|/|\band\b|\bor\b)\s*code\s+blue)",
    re.IGNORECASE,
)


def spell_clinical(body: str) -> str:
    """``body`` with the hospital code names "code blue" and "rapid response" (a call) in
    O*NET's words: "cardiac arrest", "medical emergency"."""
    low = body.lower()
    if "code" not in low and "rapid" not in low:
        return body
    # lower case, as O*NET writes them (a statement's first letter is capitalised later)
    return _CODE_BLUE.sub("cardiac arrest", _RAPID.sub("medical emergency", body))


# What may stand between "Keep" and the done-form: a short object without a preposition
# ("Keep customers informed of delays"; "Keep records of completed work" stays).
_KEEP = re.compile(r"^(keep|keeps|kept|keeping)\s+", re.IGNORECASE)
_OBJECT_STOP = frozenset(
    [
        r"of",
        r"for",
        r"in",
        r"on",
        r"to",
        r"with",
        r"at",
        r"from",
        r"by",
        r"about",
        r"into",
        r"as",
        r"than",
        r"while",
        r"when",
        r"if",
        r"and",
        r"or",
        r"but",
        r"not",
    ]
)
_MAX_OBJECT = 5


# O*NET writes "Keep students informed of community events" itself: that phrase stays.
_ONET_KEEP = frozenset({"informed"})


def _done(word: str) -> str | None:
    """The base verb of a task verb's -ed form ("stocked" → "stock"), else None."""
    if word.lower() in _ONET_KEEP:
        return None
    found = base_verb(word)
    return found[0] if found is not None and found[1] == "ed" else None


def keep_done(body: str) -> str:
    """``body`` with "Keep <object> <done>[ and <done>]" as "<Do>[ and <do>] <object>"
    ("Keep the service van stocked and organized" → "Stock and organize the service van",
    "Keep the logs updated daily" → "Update the logs daily"; O*NET's own "Keep … informed"
    stays)."""
    opening = _KEEP.match(body)
    if opening is None:
        return body
    rest = body[opening.end() :]
    words = rest.split(" ")
    for j in range(1, min(_MAX_OBJECT, len(words) - 1) + 1):
        word = words[j].rstrip(".,;:")
        before = words[j - 1]
        if before.lower() in _OBJECT_STOP or not before[:1].isalnum() or before[-1] in ",;:":
            return body
        verb = _done(word)
        if verb is None:
            continue
        verbs = [verb]
        k, tail = j, words[j][len(word) :]
        while not tail and k + 2 < len(words) and words[k + 1].lower() in ("and", "or"):
            nxt = words[k + 2].rstrip(".,;:")
            if (more := _done(nxt)) is None:
                break
            verbs.append(words[k + 1].lower() + " " + more)
            k, tail = k + 2, words[k + 2][len(nxt) :]
        done = " ".join(verbs)
        after = " ".join(words[k + 1 :])
        return (
            same_case(done, opening.group(1))
            + " "
            + " ".join(words[:j])
            + tail
            + (" " + after if after else "")
        )
    return body


# A joined-up product name ("ServiceTitan", "QuickBooks", "NetSuite": a capital inside the
# word) after "using", "in", "on", "via" or "through", ending the clause; "software" follows it
# unless a word naming what it is does.
_NAMED = re.compile(
    r"\b(using|in|on|via|through|with)\s+((?:[A-Z][a-z]+){1,3}[A-Z][A-Za-z]*|"
    r"(?:[A-Z][a-z]+)+[A-Z]{2,}[a-z]*)(?=\s*(?:[.;,]|$))"
)


def named_software(body: str) -> str:
    """``body`` with "software" after a joined-up product name that ends a clause ("Complete
    invoices using ServiceTitan" → "… using ServiceTitan software")."""
    if body[1:].islower():  # no capital after the first letter (a C-speed test: every text)
        return body
    return _NAMED.sub(lambda m: f"{m.group(1)} {m.group(2)} software", body)
