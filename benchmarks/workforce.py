"""Benchmark ``ai-impact workforce`` on a 10,000-row roster against title resolution alone.

    .venv/bin/python benchmarks/workforce.py [--rows 10000] [--repeats 3]

The roster is synthetic and reproducible (seed 0): employer-style titles from
``benchmarks/data/titles_messy.csv`` plus O*NET alternate titles with seniority and shift
decorations, drawn with Zipf-like weights (a few big roles, a long tail), twelve teams, states
(some blank, some unknown), and pay on 80 % of rows.

Each measurement is a fresh process (Python start, imports, opening the knowledge base and the
cached resolver index / risk table), timed from the parent; median of ``--repeats`` after one
untimed warm-up that fills the on-disk caches:

- ``resolve only`` (baseline): read the roster, resolve its unique titles in one batch;
- ``full, no reskilling``: the whole analysis without the per-occupation reports;
- ``full``: the whole analysis with safer moves and skills (one report per occupation), rendered
  to JSON — what ``ai-impact workforce ROSTER.csv --format json`` does.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

TEAMS = (
    "Engineering", "Finance", "People", "Support", "Sales", "Marketing", "Legal", "Operations",
    "Warehouse", "Logistics", "Facilities", "Clinical",
)  # fmt: skip
STATES = ("CA", "TX", "NY", "OH", "WA", "AZ", "FL", "IL", "GA", "PA", "", "", "Atlantis")
PREFIXES = ("", "", "", "Sr. ", "Senior ", "Jr. ", "Lead ", "Principal ", "Associate ")
SUFFIXES = ("", "", "", " II", " III", " - Nights", " (Contract)", " I", " - Remote")


def make_roster(path: Path, rows: int, seed: int = 0) -> dict[str, int]:
    """Write a synthetic roster CSV; return its row and unique-title counts."""
    from ai_impact.api import get_kb

    rng = random.Random(seed)
    with (ROOT / "benchmarks" / "data" / "titles_messy.csv").open(encoding="utf-8") as f:
        base = [r["title"] for r in csv.DictReader(f)]
    alternates = sorted({t.title for t in get_kb().titles() if t.kind == "alternate"})
    base += rng.sample(alternates, 900)
    pool = sorted({rng.choice(PREFIXES) + t + rng.choice(SUFFIXES) for t in base for _ in (0, 1)})
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(pool))]
    rng.shuffle(pool)
    titles = rng.choices(pool, weights=weights, k=rows)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(("Job Title", "Headcount", "Salary", "Department", "State"))
        for title in titles:
            pay = f"{rng.lognormvariate(11.0, 0.4):.0f}" if rng.random() < 0.8 else ""
            count = rng.choice((1, 1, 1, 1, 2, 3, 5))
            w.writerow((title, count, pay, rng.choice(TEAMS), rng.choice(STATES)))
    return {"rows": rows, "unique_titles": len(set(titles))}


def stage(name: str, roster: Path) -> dict[str, float | int]:
    """Run one stage in this process and return what it produced (for the parent to check)."""
    from ai_impact.workforce import FacadeLibrary, read_roster, workforce_report
    from ai_impact.workforce.formats import to_json

    if name == "resolve":
        parsed = read_roster(roster.read_bytes())
        titles = list(dict.fromkeys(r.title for r in parsed.rows))
        res = FacadeLibrary().resolve_batch(titles)
        return {"titles": len(titles), "resolved": sum(1 for r in res if r.candidates)}
    report = workforce_report(roster, reskilling=name == "full")
    text = to_json(report)
    t = report.totals
    return {
        "roles": t.roles,
        "roles_review": t.roles_review,
        "occupations": len({r.code for r in report.roles if r.code}),
        "hours_at_risk": round(t.hours_at_risk),
        "json_bytes": len(text),
    }


def timed(name: str, roster: Path) -> tuple[float, dict[str, float | int]]:
    """Wall time of one fresh process running ``name``, and its output."""
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, __file__, "--stage", name, str(roster)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return time.perf_counter() - start, json.loads(out)


def main() -> None:
    """Build the roster, warm the caches, time each stage ``--repeats`` times, print a table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=10_000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--stage", help=argparse.SUPPRESS)
    ap.add_argument("roster", nargs="?", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.stage:
        print(json.dumps(stage(args.stage, args.roster)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        roster = Path(tmp) / "roster.csv"
        info = make_roster(roster, args.rows)
        print(f"roster: {info['rows']:,} rows, {info['unique_titles']:,} unique titles")
        stages = (("resolve only (baseline)", "resolve"), ("full, no reskilling", "lean"),
                  ("full", "full"))  # fmt: skip
        for _, name in stages:
            timed(name, roster)  # warm-up: on-disk caches (index, risk table) exist afterwards
        width = 7 * args.repeats  # "12.34, " a run: the runs never touch the median
        print(f"{'stage':<26}{'median s':>10}  {'runs':<{width}}  output")
        base = None
        for label, name in stages:
            runs = [timed(name, roster) for _ in range(args.repeats)]
            times = [t for t, _ in runs]
            med = statistics.median(times)
            base = base or med
            shown = ", ".join(f"{t:.2f}" for t in times)
            print(f"{label:<26}{med:>10.2f}  {shown:<{width}}  {runs[-1][1]}  (×{med / base:.2f})")


if __name__ == "__main__":
    main()
