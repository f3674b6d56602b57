"""Coverage and stability of the adaptation strategy's skills and knowledge to build.

    .venv/bin/python benchmarks/adaptation.py            # coverage, stability, timing
    .venv/bin/python benchmarks/adaptation.py --list 20  # also 20 pages' picks, for review

For every O*NET occupation (the ratings each page uses, borrowed ones included) the section is
built twice in the same run: with the across-occupation correlation only (the baseline, as
before ``ai_impact.reports.local_skills``) and with the neighbourhood correlations filling in;
the page as shipped (``report_for``) adds the important elements least tied to exposure in the
neighbourhood, then the skill a safer move asks for, where both find none. Prints pages with no
skill to build, with neither a skill nor knowledge, how often each element is picked by the
neighbourhood, fallback and move rules, the consumer platforms (Facebook, Zoom; see
``ai_impact.reports.consumer_tech``) pages offer to learn, and the stability of the picks: for
each page's first neighbourhood pick, the share of 200 bootstrap resamples of its neighbourhood
in which the correlation stays negative. Then the median time to build the section, both ways.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter

import numpy as np

from ai_impact import api
from ai_impact.reports.adaptation import adaptation_items
from ai_impact.reports.consumer_tech import consumer_platform
from ai_impact.reports.local_skills import LOCAL_K, LocalSkills
from ai_impact.reports.report_basis import rated_profile

RESAMPLES = 200


def _stability(local: LocalSkills, code: str, element: str, rng: np.random.Generator) -> float:
    """Share of bootstrap resamples of ``code``'s neighbourhood where the element's correlation
    with β stays negative."""
    i, j = local.index[code], local.ids.index(element)
    group = np.concatenate(([i], local.nb[i][local.nb[i] >= 0]))
    x, y = local.imp[group, j].astype(float), local.beta[group]
    hits = 0
    for _ in range(RESAMPLES):
        pick = rng.integers(0, len(group), len(group))
        xs, ys = x[pick], y[pick]
        if xs.std() > 0 and np.corrcoef(xs, ys)[0, 1] < 0:
            hits += 1
    return hits / RESAMPLES


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--list", type=int, default=0, help="print this many pages' picks")
    args = ap.parse_args()
    an = api.Analyses(api.get_kb(), api.Settings())
    engine = an.engine
    table, local = engine.table, engine.local_skills
    counts: Counter[str] = Counter()
    picks: Counter[str] = Counter()
    platforms: Counter[str] = Counter()
    stable: list[float] = []
    t_base: list[float] = []
    t_local: list[float] = []
    rng = np.random.default_rng(0)
    listed = 0
    for code in table.codes:
        row = table.row(code)
        occ = engine.kb.occupation(code)
        rated = rated_profile(engine, occ, row)
        techs = engine.kb.technologies(code)
        common = (rated.skills, rated.knowledge, techs, engine.correlations, [], row.score, None)
        t0 = time.perf_counter()
        base = adaptation_items(*common, rated.rated_from)
        t1 = time.perf_counter()
        near = engine.neighbours.index.get(rated.code or "")
        sim = None if near is None else engine.neighbours.similarity[near]
        evidence = local.evidence(rated.code, similarity=sim)
        titles = {c: table.row(c).title for e in evidence.values() for c in e.examples}
        after = adaptation_items(*common, rated.rated_from, local=evidence, titles=titles)
        t2 = time.perf_counter()
        t_base.append(t1 - t0)
        t_local.append(t2 - t1)
        counts["pages"] += 1
        page = an.report_for(code).adaptation
        for label, items in (("before", base), ("after", after), ("page", page)):
            kinds = Counter(i.kind for i in items)
            counts[f"{label}: no skill to build"] += kinds["skill"] == 0
            counts[f"{label}: neither skill nor knowledge"] += (
                not kinds["skill"] + kinds["knowledge"]
            )
        for item in page:
            if item.kind == "technology" and consumer_platform(item.name, item.element_id or ""):
                platforms[item.name] += 1
        moved = [i for i in page if i.kind == "skill" and i.why.startswith("Rated higher in")]
        for item in moved:
            picks[f"skill for a move: {item.name}"] += 1
        for item in (i for i in page if "least tied to AI exposure: the less" in i.why):
            picks[f"{item.kind}, least tied: {item.name}"] += 1
        added = [i for i in after if i.kind in ("skill", "knowledge") and i not in base]
        for item in added:
            picks[f"{item.kind}: {item.name}"] += 1
        if added and rated.code is not None and added[0].element_id is not None:
            stable.append(_stability(local, rated.code, added[0].element_id, rng))
        if added and listed < args.list:
            listed += 1
            print(f"{code} {row.title}: " + "; ".join(i.name for i in added))
    n = counts["pages"]
    print(f"\nOccupation pages: {n} (neighbourhood: {LOCAL_K} occupations by rating profile)")
    print(f"  {'':<28} {'baseline':>9} {'+ kind':>7} {'+ move':>7}")
    for label in ("no skill to build", "neither skill nor knowledge"):
        b, a, p = (counts[f"{k}: {label}"] for k in ("before", "after", "page"))
        print(f"  {label:<28} {b:>9} {a:>7} {p:>7}")
    print("\nElements the neighbourhood, least-tied and move rules add (most frequent):")
    for name, c in picks.most_common(20):
        print(f"  {c:>4}  {name}")
    listed_platforms = ", ".join(f"{n} {c}" for n, c in platforms.most_common()) or "none"
    print(f"\nConsumer platforms offered to learn (pages): {listed_platforms}")
    if stable:
        arr = np.array(stable)
        print(
            f"\nFirst neighbourhood pick of {len(arr)} pages: correlation negative in "
            f"{np.median(arr):.1%} of {RESAMPLES} resamples (median), 10th percentile "
            f"{np.percentile(arr, 10):.1%}; pages at ≥95%: {(arr >= 0.95).mean():.1%}"
        )
    mb, ml = statistics.median(t_base) * 1e3, statistics.median(t_local) * 1e3
    print(f"\nSection build, median per page: baseline {mb:.3f} ms, with neighbourhood {ml:.3f} ms")
    print(f"  ratio {ml / mb:.2f}× (evidence lookup and example titles included)")


if __name__ == "__main__":
    main()
