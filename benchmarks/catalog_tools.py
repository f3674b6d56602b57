"""Benchmark and coverage report of the AI tools matcher over every O*NET occupation.

    .venv/bin/python benchmarks/catalog_tools.py          # coverage, timing, audit precision
    .venv/bin/python benchmarks/catalog_tools.py --scan   # each tool's occupations, for review

Prints: how many tools each occupation gets (top 8, minimum score applied), the tools listed
most often, and the median time to match one occupation, against a baseline measured in the
same run (the same loop with only the DWA-overlap test, no patterns, weights or software).
β per task is the published human label (E0 = 0, E1 = 1, E2 = 0.5). Then the precision of the
tools and certifications shown on the analyses of the hand-labelled audit set
``benchmarks/data/catalog_audit.csv`` (items shown that a curator marked relevant); items shown
but not in the file count as unlabelled.

``--scan`` analyses every occupation page (all 1,016, the ones resting on related occupations'
tasks included) and prints, for each tool, the SOC major groups and occupations it is listed
for, widest spread first: a list spanning unrelated families is where a curator looks for
pairings the product is not made for.
"""

from __future__ import annotations

import csv
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from ai_impact import api
from ai_impact.db import open_kb
from ai_impact.reports.match_tools import match_tools
from ai_impact.reports.tool_inputs import link_activities, technology_terms
from ai_impact.settings import Settings
from ai_impact.sources.catalog_tools import load_tools

_BETA = {"E0": 0.0, "E1": 1.0, "E2": 0.5}
FALLBACK_OPENING = "No product in the catalogue is made for this work"  # match_general
AUDIT = Path(__file__).parent / "data" / "catalog_audit.csv"


def audit_precision() -> None:
    """Precision of the tools and certifications the analyses show, on the labelled audit set."""
    with AUDIT.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    label = {(r["code"], r["kind"], r["item"]): r["relevant"] == "yes" for r in rows}
    for kind in ("tool", "cert"):
        good = bad = unlabelled = 0
        for code in sorted({r["code"] for r in rows}):
            report = api.report_for(code)
            shown = report.ai_tools if kind == "tool" else report.certifications
            for item in shown:
                verdict = label.get((code, kind, item.name))
                if verdict is None:
                    unlabelled += 1
                elif verdict:
                    good += 1
                else:
                    bad += 1
        n = good + bad
        print(
            f"audit {kind}s: {good}/{n} relevant = {good / max(n, 1):.0%} precision "
            f"({unlabelled} shown but unlabelled)"
        )


def scan() -> None:
    """Each tool's occupations and SOC major groups over every occupation page."""
    listed: defaultdict[str, list[str]] = defaultdict(list)
    occupations = api.list_occupations()
    beta = {r.code: r.exposure for r in api.occupation_table()}
    empty = exposed_empty = fallback = 0
    for occ in occupations:
        tools = api.report_for(occ.code).ai_tools
        empty += not tools
        exposed_empty += not tools and (beta.get(occ.code) or 0.0) >= 0.4
        fallback += bool(tools) and tools[0].reason.startswith(FALLBACK_OPENING)
        for tool in tools:
            listed[tool.name].append(f"{occ.code} {occ.title}")
    print(
        f"{len(occupations)} occupation pages, {empty} without a tool ({exposed_empty} of them "
        f"with β ≥ 0.4); {fallback} list the chat assistants because no product fits"
    )
    by_spread = sorted(listed.items(), key=lambda kv: (-len({o[:2] for o in kv[1]}), kv[0]))
    for name, occs in by_spread:
        groups = Counter(o[:2] for o in occs)
        spread = ", ".join(f"{g}-xxxx {n}" for g, n in groups.most_common())
        print(f"\n{name}: {len(occs)} pages; major groups {spread}")
        for o in occs:
            print(f"    {o}")


def main() -> None:
    """Match every occupation with tasks and print coverage and timing."""
    settings = Settings()
    kb = open_kb(settings)
    catalog = load_tools(settings.data_dir)
    inputs = []
    for occ in kb.occupations():
        tasks = kb.tasks_of(occ.code)
        if not tasks:
            continue
        pairs = [
            (t.text, _BETA.get(t.human_exposure or t.gpt4_exposure or "E0", 0.0)) for t in tasks
        ]
        links = link_activities(tasks, kb.activities_of(occ.code))
        inputs.append((occ, pairs, links, technology_terms(kb.technologies(occ.code))))

    counts: Counter[int] = Counter()
    listed: Counter[str] = Counter()
    timings, baseline = [], []
    for _occ, pairs, links, tech in inputs:
        t0 = time.perf_counter()
        matches = match_tools(catalog, pairs, links, tech)
        timings.append(time.perf_counter() - t0)
        counts[len(matches)] += 1
        listed.update(m.tool.name for m in matches)
        t0 = time.perf_counter()
        dwas = {a.dwa_id for a in links}
        _ = [t.id for t in catalog.tools if dwas.intersection(t.dwas)]
        baseline.append(time.perf_counter() - t0)

    n = len(inputs)
    print(f"catalogue {catalog.version}: {len(catalog)} tools; {n} occupations with tasks")
    for k in sorted(counts):
        print(f"  {k} tools: {counts[k]:4d} occupations ({counts[k] / n:.0%})")
    never = [t.name for t in catalog.tools if t.name not in listed]
    print(f"tools listed for at least one occupation: {len(catalog) - len(never)}")
    print("most often listed:", ", ".join(f"{name} ({c})" for name, c in listed.most_common(8)))
    print(
        f"median match time per occupation: {statistics.median(timings) * 1e3:.2f} ms "
        f"(baseline DWA-only loop {statistics.median(baseline) * 1e3:.3f} ms)"
    )
    audit_precision()


if __name__ == "__main__":
    scan() if "--scan" in sys.argv[1:] else main()
