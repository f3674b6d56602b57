"""Lookup tables of an AI tool catalogue: which tools each work activity and wording reaches.

Built once per catalogue and used by :mod:`ai_impact.reports.match_tools`; they give the same
answers as testing every tool against every task.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ai_impact.sources.catalog_tools import ToolCatalog
from ai_impact.sources.regex_literals import LiteralIndex, required_literals

__all__ = ["GENERAL_PURPOSE", "SINGLE_PURPOSE", "ToolIndex", "inverted", "tool_index"]

# Assistants made for any desk work: one exposed task of theirs is reason enough to list them,
# since the 5% coverage floor already asks that it be a real part of the work.
GENERAL_PURPOSE = frozenset({"general-assistant", "office-productivity"})
# Kinds of work whose products do one job of one line of work, or serve one company's or
# consumers' needs: a delivery drone, a truck-unloading robot, a CT triage algorithm, a bank's
# app assistant, a shopping assistant, an insurer's claims bot. The O*NET activities they map
# to are broader than the product ('Deliver items' covers a stocker carrying bags to cars,
# 'Process x-rays or other medical images' a veterinary technician, 'Discuss account status or
# activity with customers' a meter reader), so an occupation is in their line of work only if
# its own statements name the job (the tool's wording, in any task) or it uses the tool's
# software. Physical tools (robots, vehicles, drones) and machine perception of any category are
# held to the same rule.
SINGLE_PURPOSE = frozenset(
    {
        "customer-service",
        "medical-imaging",
        "healthcare-care",
        "transportation",
        "logistics",
        "agriculture",
        "construction",
        "retail-hospitality",
        "personal-services",
        "insurance-real-estate",
        "public-safety",
        "manufacturing-robotics",
        "maintenance-inspection",
    }
)


class ToolIndex:
    """Which tools each DWA, open IWA and task wording hits, for one (immutable) catalogue.

    Matching used to test every tool against every task (about 5,000 regex searches per
    occupation). The index turns that around: a task's DWAs and IWAs look up their tools, and
    its text is tested only against the patterns one of whose required literals it contains
    (:func:`~ai_impact.sources.regex_literals.required_literals`), each distinct pattern once
    for all the tools sharing it. The answer per text is cached: donors, blends and repeated
    reports meet the same statements again.
    """

    _CACHE_LIMIT = 100_000

    def __init__(self, catalog: ToolCatalog) -> None:
        self.tools = catalog.tools
        self.outside_exposure = frozenset(
            pos for pos, t in enumerate(self.tools) if t.outside_exposure
        )
        self.single_purpose = frozenset(
            pos
            for pos, t in enumerate(self.tools)
            if t.outside_exposure or t.category in SINGLE_PURPOSE
        )
        self.dwas = tuple(frozenset(t.dwas) for t in self.tools)
        self.open_iwas = tuple(t.open_iwas for t in self.tools)
        # Office software a general-purpose assistant works with (Word, Excel, Outlook...) is
        # used in most occupations: it earns a specialised tool the software bonus, but it is
        # no sign that an occupation does the tool's kind of work.
        office = frozenset(
            s for t in self.tools if t.category in GENERAL_PURPOSE for s in t.software
        )
        self.evidence_software = tuple(frozenset(t.software) - office for t in self.tools)
        # The broad kinds of work of each tool: its IWAs, narrowed ones included, and those of
        # its DWAs. An occupation with one of them on any task is in the product's line of work.
        self.domains = tuple(
            frozenset(t.iwas) | {d.rsplit(".", 1)[0] for d in t.dwas} for t in self.tools
        )
        self.by_dwa = inverted(self.dwas)
        self.by_iwa = inverted(self.open_iwas)
        users: dict[str, list[int]] = {}
        for pos, tool in enumerate(self.tools):
            for p in tool.task_patterns:
                users.setdefault(p, []).append(pos)
        self._sources = tuple(users)
        self._pid = {source: pid for pid, source in enumerate(self._sources)}
        self._users = tuple(tuple(v) for v in users.values())
        self._regex: dict[int, re.Pattern[str]] = {}
        by_literal: dict[str, list[int]] = {}
        always: list[int] = []
        for pid, source in enumerate(self._sources):
            literals = required_literals(source)
            if literals is None:
                always.append(pid)
            for lit in literals or ():
                by_literal.setdefault(lit, []).append(pid)
        self._by_literal = {lit: tuple(pids) for lit, pids in by_literal.items()}
        self._literals = LiteralIndex(by_literal)
        self._always = tuple(always)
        self._worded: dict[str, frozenset[int]] = {}
        self._not_for = tuple(
            (pos, re.compile("|".join(f"(?:{p})" for p in t.not_for)))
            for pos, t in enumerate(self.tools)
            if t.not_for
        )

    def ruled_out(self, lowered: str) -> frozenset[int]:
        """Positions of the tools one of whose ``not_for`` patterns is found in ``lowered``."""
        return frozenset(pos for pos, regex in self._not_for if regex.search(lowered))

    def patterns_in(self, lowered: str, pos: int) -> frozenset[str]:
        """The task patterns of the tool at ``pos`` found in ``lowered``."""
        return frozenset(
            p for p in self.tools[pos].task_patterns if self._compiled(p).search(lowered)
        )

    def _compiled(self, source: str) -> re.Pattern[str]:
        pid = self._pid[source]
        regex = self._regex.get(pid)
        if regex is None:  # compiled on first need: most patterns never pass the literals
            regex = self._regex.setdefault(pid, re.compile(source))
        return regex

    def worded(self, lowered: str) -> frozenset[int]:
        """Positions of the tools one of whose task patterns is found in ``lowered``."""
        found = self._worded.get(lowered)
        if found is not None:
            return found
        candidates = set(self._always)
        for lit in self._literals.found_in(lowered):
            candidates.update(self._by_literal[lit])
        hits: set[int] = set()
        for pid in candidates:
            if self._compiled(self._sources[pid]).search(lowered):
                hits.update(self._users[pid])
        found = frozenset(hits)
        if len(self._worded) >= self._CACHE_LIMIT:
            self._worded.clear()
        self._worded[lowered] = found
        return found


def inverted(keys: Sequence[frozenset[str]]) -> dict[str, frozenset[int]]:
    """Key -> positions of the entries listing it."""
    out: dict[str, set[int]] = {}
    for pos, entry in enumerate(keys):
        for key in entry:
            out.setdefault(key, set()).add(pos)
    return {k: frozenset(v) for k, v in out.items()}


_INDEXES: dict[int, tuple[ToolCatalog, ToolIndex]] = {}


def tool_index(catalog: ToolCatalog) -> ToolIndex:
    """The index of a catalogue, built on first use (kept for the last few catalogues)."""
    held = _INDEXES.get(id(catalog))
    if held is not None and held[0] is catalog:
        return held[1]
    index = ToolIndex(catalog)
    if len(_INDEXES) >= 4:
        _INDEXES.clear()
    _INDEXES[id(catalog)] = (catalog, index)
    return index
