"""Verb forms of task statements: which words open O*NET statements, and their inflections.

The verbs come from ``data/task_verbs.json`` (built from O*NET 30.3 and the label set by
``scripts/build_task_verbs.py``). :func:`base_verb` turns "Prepared", "prepares", "analysing"
or "Cold-called" into the base verb O*NET writes; :func:`is_task_verb` says whether a word is
one. :mod:`ai_impact.scoring.phrasing` uses both to rewrite a task into O*NET's form (step 3 of
its docs); the job-description reader uses them to tell tasks from titles.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

__all__ = ["EXTRA_VERBS", "JOB_AD_VERBS", "base_verb", "is_task_verb", "keep_ing", "same_case"]

_VERBS_FILE = Path(__file__).with_name("data") / "task_verbs.json"

# Common irregular past forms of verbs that open O*NET statements (CVs are in the past tense).
_IRREGULAR_PAST = {
    "bought": "buy",
    "brought": "bring",
    "built": "build",
    "caught": "catch",
    "chose": "choose",
    "dealt": "deal",
    "drew": "draw",
    "drove": "drive",
    "dug": "dig",
    "fed": "feed",
    "fought": "fight",
    "found": "find",
    "froze": "freeze",
    "gave": "give",
    "grew": "grow",
    "held": "hold",
    "kept": "keep",
    "laid": "lay",
    "led": "lead",
    "lent": "lend",
    "made": "make",
    "met": "meet",
    "oversaw": "oversee",
    "paid": "pay",
    "ran": "run",
    "rode": "ride",
    "sent": "send",
    "shot": "shoot",
    "sold": "sell",
    "sought": "seek",
    "spent": "spend",
    "spoke": "speak",
    "stood": "stand",
    "struck": "strike",
    "swept": "sweep",
    "taught": "teach",
    "thought": "think",
    "threw": "throw",
    "told": "tell",
    "took": "take",
    "understood": "understand",
    "undertook": "undertake",
    "underwent": "undergo",
    "won": "win",
    "wore": "wear",
    "wrote": "write",
}
# Verbs of job ads and CVs that open no O*NET statement (fewer than two), and the O*NET verb
# that says the same: "Partnered with payroll to ..." is O*NET's "Collaborate with ...".
# Their forms become that verb (kind as :func:`base_verb` gives it; the base form 'base'), so
# a CV's "Spearheaded ..." is a duty and the task model reads the verb it learnt.
JOB_AD_VERBS = {
    "partner": "collaborate",
    "liaise": "coordinate",
    "spearhead": "lead",
    "orchestrate": "coordinate",
    "onboard": "orient",
    "leverage": "use",
    "titrate": "adjust",
    "escalate": "refer",
    "champion": "promote",
}
# Verbs of job ads and CVs that open no O*NET statement and have no O*NET synonym: they are
# verbs all the same ("Launched", "Migrated 40 servers", "Triage patients"). Words as often a
# noun heading a title or a line ("head", "field", "source", "author", "target") are left out.
EXTRA_VERBS = frozenset(
    {"achieve", "boost", "deploy", "expedite", "foster", "grow", "launch", "migrate"}
    | {"mobilize", "motivate", "navigate", "nurture", "remediate", "restructure", "revamp"}
    | {"streamline", "strengthen", "transform", "triage", "upsell", "accrue", "amortize"}
)


def _inflections(verb: str) -> dict[str, str]:
    """Surface forms of a base verb, each with its kind: 's', 'ing' or 'ed'."""
    out: dict[str, str] = {}
    stem_y = verb[:-1] if verb.endswith("y") and verb[-2:-1] not in "aeiou" else None
    if verb.endswith(("s", "x", "z", "ch", "sh", "o")):
        out[verb + "es"] = "s"
    elif stem_y:
        out[stem_y + "ies"] = "s"
    else:
        out[verb + "s"] = "s"
    if verb.endswith("ie"):
        out[verb[:-2] + "ying"] = "ing"
    elif verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        out[verb[:-1] + "ing"] = "ing"
    else:
        out[verb + "ing"] = "ing"
    out[verb + verb[-1] + "ing"] = "ing"  # plan → planning, submit → submitting
    if verb.endswith("e"):
        out[verb + "d"] = "ed"
    elif stem_y:
        out[stem_y + "ied"] = "ed"
    else:
        out[verb + "ed"] = "ed"
    out[verb + verb[-1] + "ed"] = "ed"
    if verb.endswith("c"):
        out[verb + "king"] = "ing"  # traffic → trafficking
        out[verb + "ked"] = "ed"
    return out


@lru_cache(maxsize=1)
def _data() -> dict[str, list[str]]:
    data: dict[str, list[str]] = json.loads(_VERBS_FILE.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def keep_ing() -> frozenset[str]:
    """-ing words O*NET statements often use as they are ("training sessions")."""
    return frozenset(_data()["keep_ing"])


@lru_cache(maxsize=1)
def as_written() -> frozenset[str]:
    """O*NET statements (lower case, no final full stop) that a job-ad sense would rewrite:
    O*NET's own wording is kept ("Set up database clusters, ...")."""
    return frozenset(_data().get("as_written", ()))


@lru_cache(maxsize=1)
def _forms() -> tuple[frozenset[str], dict[str, tuple[str, str]]]:
    """The base verbs and a map from inflected form to (base verb, kind)."""
    # A prefix is no verb on its own ("Re-cover" gave "re"; "ring" was read as "re" + "-ing").
    verbs = (frozenset(_data()["verbs"]) | EXTRA_VERBS) - _PREFIXES
    forms: dict[str, tuple[str, str]] = {}
    for verb in sorted(verbs):
        for surface, kind in _inflections(verb).items():
            if surface not in verbs:
                forms.setdefault(surface, (verb, kind))
    for surface, verb in _IRREGULAR_PAST.items():
        if verb in verbs:
            forms[surface] = (verb, "ed")
    for verb in sorted(verbs):
        # CVs and ads written in British English: "Analysed", "organising", "prioritise".
        if verb.endswith(("ize", "yze")) and verb != "seize":
            british = verb[:-2] + "se"
            forms.setdefault(british, (verb, "base"))
            for surface, kind in _inflections(british).items():
                if surface not in verbs:
                    forms.setdefault(surface, (verb, kind))
    return verbs, forms


@lru_cache(maxsize=1)
def _job_ad_forms() -> dict[str, tuple[str, str]]:
    """Every form of a job-ad verb of :data:`JOB_AD_VERBS`, with the O*NET verb and the kind
    ('base' for the base form); a hyphenated verb is never one ("De-escalate" stays)."""
    forms: dict[str, tuple[str, str]] = {}
    for word, verb in JOB_AD_VERBS.items():
        forms[word] = (verb, "base")
        for surface, kind in _inflections(word).items():
            forms.setdefault(surface, (verb, kind))
    return forms


# Hyphenated verbs (step 3). A prefix makes a verb of a task verb ("Re-sew", "Pre-screen") or of
# a word shaped like a verb ("De-escalate"); O*NET's own hyphenated openings use co-, de-, pre-
# and re-.
_PREFIXES = frozenset({"co", "de", "dis", "mis", "pre", "re", "un"})
# Words that modify a task verb before a hyphen: the first parts of O*NET's hyphenated openings
# ("Date-stamp", "Hand-form", "Heat-treat", "Shrink-fit", "Sight-read", "Steam-clean",
# "Tack-weld") and of job ads ("Cold-call", "Cross-train", "Deep-clean", "Double-check",
# "Fact-check", "Fine-tune", "Pressure-wash", "Spot-check", "Up-sell"). Adjectives before a noun
# ("Full-time", "Part-time", "Real-time") are none of them.
_MODIFIERS = _PREFIXES | {"date", "hand", "heat", "shrink", "sight", "steam", "tack"}
_MODIFIERS |= {"cold", "cross", "deep", "double", "dry", "fact", "fine", "power", "pressure"}
_MODIFIERS |= {"spot", "triple", "up"}
# A verb by its shape, with its ending: "escalate", "escalated", "classifying".
_VERB_SHAPE = re.compile(r"([a-z]{2,}(?:at|iz|is|yz))(e|es|ed|ing)|([a-z]{2,}if)(y|ies|ied|ying)")
_SHAPE_KIND = {"e": "base", "y": "base", "es": "s", "ies": "s", "ed": "ed", "ied": "ed"}


def _shaped_verb(word: str) -> tuple[str, str] | None:
    """(base form, kind) of a word shaped like a verb: "escalating" → ("escalate", "ing")."""
    found = _VERB_SHAPE.fullmatch(word)
    if found is None:
        return None
    stem, end = (found.group(1), found.group(2)) if found.group(1) else found.group(3, 4)
    return stem + ("y" if found.group(3) else "e"), _SHAPE_KIND.get(end, "ing")


@lru_cache(maxsize=4096)
def _hyphenated(low: str) -> tuple[str, str] | None:
    """(base verb, kind) of a lower-case hyphenated verb: kind 'base' with the word itself when
    it is in base form as written ("cold-call"), else as :func:`base_verb` ("cold-called" →
    ("cold-call", "ed")); None for any other word ("full-time", "follow-up", "up-to-date")."""
    first, _, last = low.partition("-")
    if not (first.isalpha() and last.isalpha() and first.isascii() and last.isascii()):
        return None
    verbs, forms = _forms()
    joined = first + last  # "co-ordinate", "proof-read", "re-stocking"
    if joined in verbs:
        return low, "base"
    if joined in forms and forms[joined][0].startswith(first):
        verb, kind = forms[joined]
        return f"{first}-{verb[len(first) :]}", kind
    if first not in _MODIFIERS:
        return None
    if last in verbs:
        return low, "base"
    found = forms.get(last)
    if found is not None and (first in _PREFIXES or last not in _IRREGULAR_PAST):
        return f"{first}-{found[0]}", found[1]
    shaped = _shaped_verb(last) if first in _PREFIXES else None
    return None if shaped is None else (f"{first}-{shaped[0]}", shaped[1])


def base_verb(word: str) -> tuple[str, str] | None:
    """(base verb, kind) when ``word`` is an inflected form of a task verb, else None (kind
    's', 'ing' or 'ed'; 'base' for a British spelling of the base form, "analyse", and for a
    job-ad verb of :data:`JOB_AD_VERBS`, "partner" → "collaborate")."""
    verbs, forms = _forms()
    low = word.lower()
    if low in verbs:
        return None
    if "-" in low:
        found = _hyphenated(low)
        return None if found == (low, "base") else found
    return forms.get(low) or _job_ad_forms().get(low)


def is_task_verb(word: str) -> bool:
    """Whether ``word`` (any case) is a base-form verb that opens O*NET statements, or a
    hyphenated one ("Cold-call", "De-grease"; see the module docs)."""
    low = word.lower()
    return low in _forms()[0] or ("-" in low and _hyphenated(low) == (low, "base"))


def same_case(word: str, like: str) -> str:
    """``word`` capitalised when ``like`` starts with a capital."""
    return word.capitalize() if like[:1].isupper() else word
