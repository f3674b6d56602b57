"""The human capability that protects a task, from its O*NET work activities.

Each of O*NET's Generalized Work Activities (GWA) is assigned to one of five capabilities (see
docs/methodology.md, "Protecting capabilities"). A task votes with the GWAs above its Detailed
Work Activities (DWA → IWA → GWA), a few IWAs on their own (:data:`IWA_CAPABILITY`); generic
activities (getting or recording information, working with computers) vote with half weight
because almost every task has them, and so do routine logistics (keeping stock, ordering or
handing out supplies, taking payments). Tasks
without activities get the capability predicted by the text model, which was trained on
these very votes.

Free text (a pasted job description) has no activities either; its evidence and the sanity
rule it obeys live in :mod:`ai_impact.scoring.capability_text`.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "CAPABILITIES",
    "CREATIVE",
    "DWA_CAPABILITY",
    "EMPATHY",
    "GWA_CAPABILITY",
    "HANDS_ON_GWAS",
    "IWA_CAPABILITY",
    "JUDGMENT",
    "LEADERSHIP",
    "PHYSICAL",
    "capability_from_gwas",
    "hands_on",
]

JUDGMENT = "judgment under ambiguity"
EMPATHY = "emotional intelligence and care"
CREATIVE = "creative problem solving"
PHYSICAL = "physical dexterity and presence"
LEADERSHIP = "leadership and stakeholder management"
CAPABILITIES: tuple[str, ...] = (JUDGMENT, EMPATHY, CREATIVE, PHYSICAL, LEADERSHIP)

GWA_CAPABILITY: dict[str, str] = {
    "4.A.1.a.1": JUDGMENT,  # Getting Information
    "4.A.1.a.2": PHYSICAL,  # Monitoring Processes, Materials, or Surroundings
    "4.A.1.b.1": PHYSICAL,  # Identifying Objects, Actions, and Events
    "4.A.1.b.2": PHYSICAL,  # Inspecting Equipment, Structures, or Materials
    "4.A.1.b.3": JUDGMENT,  # Estimating the Quantifiable Characteristics of Products...
    "4.A.2.a.1": JUDGMENT,  # Judging the Qualities of Objects, Services, or People
    "4.A.2.a.2": JUDGMENT,  # Processing Information
    "4.A.2.a.3": JUDGMENT,  # Evaluating Information to Determine Compliance with Standards
    "4.A.2.a.4": JUDGMENT,  # Analyzing Data or Information
    "4.A.2.b.1": JUDGMENT,  # Making Decisions and Solving Problems
    "4.A.2.b.2": CREATIVE,  # Thinking Creatively
    "4.A.2.b.3": JUDGMENT,  # Updating and Using Relevant Knowledge
    "4.A.2.b.4": CREATIVE,  # Developing Objectives and Strategies
    "4.A.2.b.5": JUDGMENT,  # Scheduling Work and Activities
    "4.A.2.b.6": JUDGMENT,  # Organizing, Planning, and Prioritizing Work
    "4.A.3.a.1": PHYSICAL,  # Performing General Physical Activities
    "4.A.3.a.2": PHYSICAL,  # Handling and Moving Objects
    "4.A.3.a.3": PHYSICAL,  # Controlling Machines and Processes
    "4.A.3.a.4": PHYSICAL,  # Operating Vehicles, Mechanized Devices, or Equipment
    "4.A.3.b.1": JUDGMENT,  # Working with Computers
    "4.A.3.b.2": CREATIVE,  # Drafting, Laying Out, and Specifying Technical Devices...
    "4.A.3.b.4": PHYSICAL,  # Repairing and Maintaining Mechanical Equipment
    "4.A.3.b.5": PHYSICAL,  # Repairing and Maintaining Electronic Equipment
    "4.A.3.b.6": JUDGMENT,  # Documenting/Recording Information
    "4.A.4.a.1": JUDGMENT,  # Interpreting the Meaning of Information for Others
    "4.A.4.a.2": LEADERSHIP,  # Communicating with Supervisors, Peers, or Subordinates
    "4.A.4.a.3": LEADERSHIP,  # Communicating with People Outside the Organization
    "4.A.4.a.4": EMPATHY,  # Establishing and Maintaining Interpersonal Relationships
    "4.A.4.a.5": EMPATHY,  # Assisting and Caring for Others
    "4.A.4.a.6": LEADERSHIP,  # Selling or Influencing Others
    "4.A.4.a.7": LEADERSHIP,  # Resolving Conflicts and Negotiating with Others
    "4.A.4.a.8": EMPATHY,  # Performing for or Working Directly with the Public
    "4.A.4.b.1": LEADERSHIP,  # Coordinating the Work and Activities of Others
    "4.A.4.b.2": LEADERSHIP,  # Developing and Building Teams
    "4.A.4.b.3": EMPATHY,  # Training and Teaching Others
    "4.A.4.b.4": LEADERSHIP,  # Guiding, Directing, and Motivating Subordinates
    "4.A.4.b.5": LEADERSHIP,  # Coaching and Developing Others
    "4.A.4.b.6": LEADERSHIP,  # Providing Consultation and Advice to Others
    "4.A.4.c.1": JUDGMENT,  # Performing Administrative Activities
    "4.A.4.c.2": LEADERSHIP,  # Staffing Organizational Units
    # Monitoring and Controlling Resources and Spending Money: ordering, stocking, handing out
    # supplies, collecting payments, prescribing. Until task model 1.4 leadership.
    "4.A.4.c.3": JUDGMENT,
}

# Some GWAs are too broad for one capability: what is monitored, identified or tested decides,
# and whom one trains, advises or supports. These IWAs vote on their own: "Monitor financial data
# or activities" and "Test performance of computer or information systems" need no physical
# presence; "Counsel others about personal matters" (comforting the bereaved, crisis
# interventions) is care, not the stakeholder management of its GWA; training workers on
# procedures or equipment is leadership, where teaching students or patients stays care.
# Since 1.4: operating office equipment (copiers, 10-key calculators) is desk work, not
# dexterity; treating patients with one's hands (cleaning teeth, injecting, dressing wounds,
# first aid, surgery, positioning and holding patients for a procedure, fitting devices) is
# physical dexterity and presence, not the care of "Assisting and Caring for Others" — which
# keeps counselling-like help, general assistance to customers and personal care.
# Since 1.5: intervening in emergencies (rescuing people, answering alarms, responding on scene,
# evacuating passengers) is physical presence, not care — a firefighter's "Rescue survivors from
# burning buildings" and a security guard's "Answer alarms and investigate disturbances" were
# called care (its DWA "Respond to transportation emergencies" is judgment, below). One of the 12
# tasks O*NET links to "Respond to emergencies to provide assistance" is a counsellor's "Perform
# crisis interventions", which the IWA now calls presence too.
IWA_CAPABILITY: dict[str, str] = {
    "4.A.1.a.2.I01": PHYSICAL,  # Monitor equipment operation.
    "4.A.1.a.2.I02": JUDGMENT,  # Monitor operations to ensure adequate performance.
    "4.A.1.a.2.I03": JUDGMENT,  # Monitor financial data or activities.
    "4.A.1.a.2.I04": PHYSICAL,  # Monitor traffic conditions.
    "4.A.1.a.2.I05": EMPATHY,  # Monitor health conditions of humans or animals.
    "4.A.1.a.2.I06": JUDGMENT,  # Monitor individual behavior or performance.
    "4.A.1.a.2.I07": PHYSICAL,  # Monitor safety or security of work areas, facilities, ...
    "4.A.1.a.2.I08": JUDGMENT,  # Monitor external affairs, trends, or events.
    "4.A.1.a.2.I09": PHYSICAL,  # Monitor environmental conditions.
    "4.A.1.a.2.I10": JUDGMENT,  # Monitor operation of computer or information technologies.
    "4.A.1.a.2.I11": JUDGMENT,  # Monitor operations to ensure compliance with regulations ...
    "4.A.1.b.1.I01": PHYSICAL,  # Mark materials or objects for identification.
    "4.A.1.b.3.I01": PHYSICAL,  # Measure physical characteristics of materials, products, ...
    "4.A.1.b.1.I02": CREATIVE,  # Identify business or organizational opportunities.
    "4.A.1.b.2.I02": JUDGMENT,  # Evaluate green technologies or processes.
    "4.A.1.b.2.I08": JUDGMENT,  # Test performance of computer or information systems.
    "4.A.2.b.2.I05": LEADERSHIP,  # Develop safety standards, policies, or procedures.
    "4.A.3.a.3.I01": PHYSICAL,  # Operate office equipment.
    "4.A.4.a.3.I01": JUDGMENT,  # Present information in legal proceedings.
    "4.A.4.a.5.I03": PHYSICAL,  # Administer basic health care or medical treatments.
    "4.A.4.a.5.I05": PHYSICAL,  # Intervene in crisis situations or emergencies.
    "4.A.4.a.5.I06": PHYSICAL,  # Fit assistive devices to patients or clients.
    "4.A.4.a.5.I07": PHYSICAL,  # Administer emergency medical treatment.
    "4.A.4.a.5.I11": PHYSICAL,  # Assist healthcare practitioners during medical procedures.
    "4.A.4.a.5.I12": PHYSICAL,  # Treat injuries, illnesses, or diseases.
    "4.A.4.b.3.I03": LEADERSHIP,  # Teach safety procedures or standards to others.
    "4.A.4.b.3.I04": LEADERSHIP,  # Train others on operational or work procedures.
    "4.A.4.b.3.I05": LEADERSHIP,  # Train others to use equipment or products.
    "4.A.4.b.5.I02": EMPATHY,  # Provide support or encouragement to others.
    "4.A.4.b.6.I01": EMPATHY,  # Advise patients or clients on medical issues.
    "4.A.4.b.6.I10": EMPATHY,  # Counsel others about personal matters.
    "4.A.4.c.1.I05": PHYSICAL,  # Process shipments or mail.
    "4.A.4.c.3.I04": PHYSICAL,  # Collect fares or payments.
}

# A few DWAs split an IWA: "Administer therapeutic treatments" holds psychological therapies
# (care) beside treatments given with the hands (QA10: a physical therapist's "Administer manual
# exercises, massage, or traction" was called care). They vote on their own when a task's DWA
# ids are given.
DWA_CAPABILITY: dict[str, str] = {
    "4.A.4.a.5.I02.D03": PHYSICAL,  # Administer therapy treatments ... using hands or aids.
    "4.A.4.a.5.I02.D04": PHYSICAL,  # Administer therapeutic massages.
    "4.A.4.a.5.I02.D05": PHYSICAL,  # Treat patients using physical therapy techniques.
    # Pilots', controllers' and engineers' in-flight or on-track emergencies: decisions, not
    # hands (1.5; "Provide flight path changes or directions to emergency landing fields").
    "4.A.4.a.5.I05.D03": JUDGMENT,  # Respond to transportation emergencies.
    # Since 1.6: money and paper handled by hand (QA: a teller's "Count currency, coins, and
    # checks" and "Sort and file deposit slips and checks", a hairdresser's "Operate cash
    # registers" were called judgment). A task that stays human with these activities is the
    # handling itself; the deciding is done elsewhere.
    "4.A.2.a.2.I04.D03": PHYSICAL,  # Prepare cash for deposit or disbursement.
    "4.A.4.c.1.I01.D02": PHYSICAL,  # File documents or records.
    "4.A.4.c.1.I03.D01": PHYSICAL,  # Operate cash registers.
    # Setting and enforcing the rules others live by is leadership (QA: a teacher's "Establish
    # and enforce rules for behavior" was creative problem solving).
    "4.A.1.a.2.I06.D05": LEADERSHIP,  # Enforce rules or policies governing student behavior.
}

# The physical GWAs that mean hands-on work: moving, handling, operating, repairing, inspecting
# equipment. Some IWAs of "Monitoring Processes, Materials, or Surroundings" and "Identifying
# Objects, Actions, and Events" also vote physical, but they are presence rather than hands.
HANDS_ON_GWAS = frozenset(
    {"4.A.1.b.2", "4.A.3.a.1", "4.A.3.a.2", "4.A.3.a.3", "4.A.3.a.4", "4.A.3.b.4", "4.A.3.b.5"}
)

# IWAs of a hands-on GWA that are desk work (testing software, evaluating technologies,
# operating office equipment).
_DESK_IWAS = frozenset({"4.A.1.b.2.I02", "4.A.1.b.2.I08", "4.A.3.a.3.I01"})

# Hands-on patient treatment, under "Assisting and Caring for Others" (see IWA_CAPABILITY).
_HANDS_ON_IWAS = frozenset(
    {"4.A.4.a.5.I03", "4.A.4.a.5.I06", "4.A.4.a.5.I07", "4.A.4.a.5.I11", "4.A.4.a.5.I12"}
)


def hands_on(activity_ids: Iterable[str]) -> bool:
    """Whether any of a task's activities (IWA or DWA ids) is hands-on work."""
    return any(
        (a[:9] in HANDS_ON_GWAS and a[:13] not in _DESK_IWAS)
        or a[:13] in _HANDS_ON_IWAS
        or DWA_CAPABILITY.get(a) == PHYSICAL
        for a in activity_ids
    )


# Activities nearly every desk task has: weak evidence of what protects it.
_GENERIC = frozenset({"4.A.1.a.1", "4.A.3.b.1", "4.A.3.b.6", "4.A.2.a.2"})

# Routine logistics on the side of a task (keeping stock, ordering or handing out supplies,
# taking payments): weak evidence too. Alone they vote judgment; beside a hands-on activity
# ("Restock IV supplies and add measured drugs to IV solutions") they do not outvote it.
_ROUTINE_IWAS = frozenset(
    {"4.A.4.c.3.I01", "4.A.4.c.3.I03", "4.A.4.c.3.I04", "4.A.4.c.3.I05", "4.A.4.c.3.I07"}
)


# Ties go to the more specific capability: judgment, which the generic desk activities vote
# for, comes last (until 1.6 it came first and won every tie, the catch-all QA saw).
_TIE_ORDER: tuple[str, ...] = (PHYSICAL, EMPATHY, LEADERSHIP, CREATIVE, JUDGMENT)


def capability_from_gwas(activity_ids: Iterable[str]) -> str | None:
    """The capability most of a task's work activities point to (None if none are known).

    Pass DWA (or IWA) ids: the DWAs of :data:`DWA_CAPABILITY` and the IWAs of
    :data:`IWA_CAPABILITY` vote on their own, every other activity by its GWA (a bare GWA id
    votes by :data:`GWA_CAPABILITY` alone).
    """
    votes = dict.fromkeys(CAPABILITIES, 0.0)
    for raw in activity_ids:
        gwa = raw[:9]  # the GWA element id of an IWA/DWA id
        cap = DWA_CAPABILITY.get(raw) or IWA_CAPABILITY.get(raw[:13]) or GWA_CAPABILITY.get(gwa)
        if cap is not None:
            votes[cap] += 0.5 if gwa in _GENERIC or raw[:13] in _ROUTINE_IWAS else 1.0
    best = max(_TIE_ORDER, key=lambda c: votes[c])  # ties: the first of _TIE_ORDER
    return best if votes[best] > 0 else None
