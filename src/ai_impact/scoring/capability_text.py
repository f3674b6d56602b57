"""The protecting capability of free text: the capability head, the nearest O*NET statements,
and one sanity rule.

A pasted statement has no O*NET work activities, so its capability is read from two kinds of
evidence (docs/methodology.md, "Protecting capabilities"):

- the task model's capability head (:mod:`ai_impact.scoring.model`), a classifier of the text;
- the capabilities the work activities give to the most similar O*NET statements
  (:data:`NEIGHBOURS` of them, weighted by ``exp(SHARPNESS·(cos − 1))``; the caller finds
  them, e.g. :meth:`ai_impact.reports.description_match.DescriptionIndex.capability_evidence`).

The two are pooled in log space (the neighbours with weight :data:`NEIGHBOUR_WEIGHT`).
Sanity rule: *physical dexterity and presence* needs physical evidence — the statement uses
hands-on wording (:func:`physical_wording`: lift, weld, forklift, pallets, bedside, ...) or at
least :data:`MIN_HANDS_ON` of the neighbours' weight carries hands-on work activities
(:func:`ai_impact.scoring.capability.hands_on`). Without it the next likeliest capability
is named. The head alone called "Prepare weekly check runs, ACH and wire payments" physical:
its training votes count "Monitoring Processes, Materials, or Surroundings" as physical, and
many finance tasks carry that activity.

Measured (``benchmarks/description.py --capability``; grouped 5-fold out-of-fold head
probabilities by occupation, neighbours from the other folds only; settings chosen on the
even-numbered occupations) — see docs/model-card.md.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from ai_impact.scoring.capability import CAPABILITIES, PHYSICAL
from ai_impact.scoring.phrasing import base_verb

__all__ = [
    "MIN_HANDS_ON",
    "NEIGHBOURS",
    "NEIGHBOUR_WEIGHT",
    "SHARPNESS",
    "desk_sense",
    "physical_wording",
    "pooled_capabilities",
]

NEIGHBOURS = 40
SHARPNESS = 20.0
NEIGHBOUR_WEIGHT = 0.5
MIN_HANDS_ON = 0.3
_PHYSICAL_INDEX = CAPABILITIES.index(PHYSICAL)

# Words of hands-on work, in base form: mostly words whose O*NET 30.3 statements carry a
# hands-on work activity at least 70% of the time. Words that also name desk work are left
# out on purpose ("wire payments", "clean data", "load testing", "cut costs", "drive growth",
# "tech stack", "install software", "financial instruments", "marketing materials").
_PHYSICAL_WORDS = frozenset(
    " ".join(
        (
            "lift unload climb repair assemble disassemble reassemble construct wash scrub sweep",
            "mop vacuum polish wax sand grind drill weld solder bolt screw nail glue fasten clamp",
            "mount dismantle demolish dig excavate pour paint spray plaster erect hoist rig",
            "lubricate cook bake grill fry chop slice peel garnish butcher slaughter harvest",
            "prune mow rake shovel groom bathe bandage splint suture inject intubate suction",
            "massage transport pack unpack restock shelve wrap sew stitch iron tow steer patrol",
            "restrain rescue extinguish escort frisk handcuff apprehend arrest inspect haul",
            "sterilize disinfect sanitize resuscitate equipment machine machinery vehicle truck",
            "forklift crane tractor pump valve hose pipe piping wiring battery brake tire wheel",
            "motor generator compressor boiler furnace conveyor pallet box shelf cart ladder",
            "scaffold scaffolding roof wall floor ceiling window door tile concrete cement mortar",
            "asphalt brick lumber wood metal steel glass stone fabric garment furniture fixture",
            "appliance dish utensil knife oven kitchen food meat ingredient bed linen bedside",
            "wound catheter ventilator specimen blood warehouse dock lawn garden livestock animal",
            "snow debris trash manually heavy workpiece refrigerant",
        )
    ).split()
)
_PHYSICAL_PHRASES = re.compile(
    r"\b(?:by hand|hand tools?|power tools?|(?:job|work|construction) sites?|"
    r"vital signs|physical(?:ly)?|IV|at the bedside|on foot)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z]+")

# Office and software senses of wording whose nearest O*NET statements are hands-on work: an
# on-call rotation (the neighbours rotate tyres and table axes), escalations (escalators),
# production systems and deploying to production (factory production), software and code.
# A statement that uses one needs hands-on wording of its own to rest on physical presence.
_DESK_SENSES = re.compile(
    r"\b(?:on[- ]?call (?:rotations?|schedules?|support|shifts?|dut(?:y|ies)|weeks?)|"
    r"(?:pagers?|pager duty)|escalat(?!or)[a-z]*|deploy(?:s|ed|ing|ments?)?|"
    r"production (?:systems?|environments?|servers?|infrastructure|issues?|incidents?|"
    r"outages?|alerts?|code|databases?|support|releases?|traffic)|software|code ?base|"
    r"post-?mortems?|post-incident|incident (?:response|reviews?|reports?|tickets?)|"
    r"pull requests?|APIs?|cloud|stakeholders?|sprints?|backlogs?|roadmaps?|uptime|DevOps)\b",
    re.IGNORECASE,
)


def _forms(word: str) -> set[str]:
    """A word with its plural or verb inflection undone (a small, safe normalisation)."""
    low = word.lower()
    out = {low}
    if low.endswith("ies"):
        out.add(low[:-3] + "y")
    if low.endswith("es"):
        out.add(low[:-2])
    if low.endswith("s"):
        out.add(low[:-1])
    found = base_verb(low)
    if found is not None:
        out.add(found[0])
    return out


def physical_wording(text: str) -> bool:
    """Whether the text names hands-on work: a physical verb, object, place or phrase."""
    if _PHYSICAL_PHRASES.search(text):
        return True
    return any(_forms(w) & _PHYSICAL_WORDS for w in _WORD.findall(text))


def desk_sense(text: str) -> bool:
    """Whether the text uses office or software wording that O*NET's hands-on statements share
    in another sense (on-call rotation, escalations, production systems, deploy, software)."""
    return _DESK_SENSES.search(text) is not None


def pooled_capabilities(
    texts: Sequence[str],
    head: NDArray[np.floating],
    votes: NDArray[np.floating] | None = None,
    hands_on: NDArray[np.floating] | None = None,
) -> list[str]:
    """One capability per text from the head's probabilities (texts × 5), the neighbours'
    capability votes (texts × 5, rows summing to 1) and their hands-on share (0–1)."""
    z = np.log(np.asarray(head, dtype=np.float64) + 1e-4)
    if votes is not None:
        z = z + NEIGHBOUR_WEIGHT * np.log(np.asarray(votes, dtype=np.float64) + 1e-3)
    out = []
    for i, text in enumerate(texts):
        row = z[i].copy()
        neighbours = hands_on is not None and float(hands_on[i]) >= MIN_HANDS_ON
        if not ((neighbours and not desk_sense(text)) or physical_wording(text)):
            row[_PHYSICAL_INDEX] = -np.inf
        out.append(CAPABILITIES[int(np.argmax(row))])
    return out
