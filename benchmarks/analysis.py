"""Speed and spread of the analysis: cold analyze, warm reports, all 1,016 reports, categories.

    python benchmarks/analysis.py                 # timings (medians) with a baseline
    python benchmarks/analysis.py --distribution  # risk categories and reference occupations

Timings:
- cold analyze: a fresh process that imports ai_impact and analyzes one code (knowledge base
  and caches exist), median of 5; baseline: a fresh process that only looks the code up.
- warm report: in one process with the engine loaded, build each report (not cached) and
  report the median; cached: the median of a second ``report_for`` call (the LRU hit).
- all reports: the total time to build all 1,016 reports in one process, with and without the
  AI-tool and certification matchers (their share of the time is shown apart).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections import Counter

from ai_impact import api
from ai_impact.reports.build import build_report
from ai_impact.reports.engine import Engine
from ai_impact.settings import Settings

REFERENCE = {
    "Machine Learning Engineer": "moderate",
    "41-9041.00": "high / very high",
    "43-9081.00": "high / very high",
    "43-9021.00": "high / very high",
    "47-2181.00": "very low / low",
    "27-2031.00": "very low / low",
    "33-2011.00": "very low / low",
}


def _subprocess_seconds(code: str, runs: int = 5) -> float:
    """Median wall time of a fresh interpreter running ``code``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def timings() -> None:
    """Print cold, warm and all-report timings with their baselines."""
    cold = _subprocess_seconds("from ai_impact import api; api.analyze('15-1252.00')")
    base = _subprocess_seconds("from ai_impact import api; api.get_occupation('15-1252.00')")
    print(f"cold analyze (fresh process, median of 5): {cold * 1000:.0f} ms")
    print(f"  baseline: fresh process, get_occupation only: {base * 1000:.0f} ms")

    settings = Settings()
    kb = api.get_kb(settings)
    codes = [o.code for o in kb.occupations()]
    for catalogues in (True, False):
        engine = Engine(kb, settings, catalogues=catalogues)
        engine.table, engine.neighbours, engine.tools, engine.certifications  # noqa: B018
        per: list[float] = []
        start = time.perf_counter()
        for code in codes:
            t = time.perf_counter()
            build_report(engine, code)
            per.append(time.perf_counter() - t)
        total = time.perf_counter() - start
        label = "with" if catalogues else "without"
        print(
            f"all {len(codes)} reports {label} tool/cert matchers: {total:.1f} s total, "
            f"median {statistics.median(per) * 1000:.1f} ms, p90 "
            f"{sorted(per)[int(len(per) * 0.9)] * 1000:.1f} ms"
        )
    lookups = []
    for code in codes:
        t = time.perf_counter()
        kb.occupation(code)
        lookups.append(time.perf_counter() - t)
    hits = []
    for code in codes[:200]:
        api.report_for(code, settings=settings)
        t = time.perf_counter()
        api.report_for(code, settings=settings)
        hits.append(time.perf_counter() - t)
    print(f"warm report (cached, api.report_for): median {statistics.median(hits) * 1e6:.0f} µs")
    print(f"  baseline: kb.occupation lookup: median {statistics.median(lookups) * 1e6:.1f} µs")


def distribution() -> None:
    """Print the number of occupations per category and where reference occupations land."""
    rows = api.occupation_table()
    counts = Counter(r.risk_category for r in rows)
    for cat in ("very low", "low", "moderate", "high", "very high"):
        print(f"{cat:>10}: {counts[cat]:4d}")
    scores = sorted(r.risk_score for r in rows)
    print("score percentiles 5/25/50/75/95:", [scores[int(len(scores) * q)] for q in
                                               (0.05, 0.25, 0.5, 0.75, 0.95)])  # fmt: skip
    for query, expected in REFERENCE.items():
        r = api.analyze(query)
        print(
            f"{query:>28} → {r.header.title[:40]:40} {r.risk.score:4.1f} {r.risk.category:9}"
            f" (expected {expected})"
        )


def main() -> None:
    """Parse the flags and run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--distribution", action="store_true", help="categories, not timings")
    args = parser.parse_args()
    distribution() if args.distribution else timings()


if __name__ == "__main__":
    main()
