"""Related occupations: recall of O*NET's related list, speed, and safer moves, old vs new.

    python benchmarks/related.py            # recall, ablation, timings, reference safer moves
    python benchmarks/related.py --grid     # also the weight grid (a few minutes)
    python benchmarks/related.py --moves    # only the safer moves, before and after

Safer moves: the current rule against "gap only" (a point lower, whatever the move's own
category: the rule before moves rated high or very high were ruled out) over all occupations —
how many get a move, the risk gap (occupation − move), the moves' categories, how many stay
rated high — with the moves and the no-move sentence of four QA examples.

Ground truth: O*NET's related list, tiers Primary-Short and Primary-Long (10 per occupation,
923 occupations have one). For each occupation, recall@k is the share of those found among its
k most similar occupations. The new similarity is evaluated WITHOUT the O*NET related prior it
uses in reports (that would be the answer itself). Weights were chosen on the even-numbered
occupations (code order), so recall is printed for the even half, the odd (held-out) half and
all. Baseline: the previous profile method (skills + knowledge + GWA-share blocks, each centred
and unit-scaled, cosine), computed in the same run.

Timings (medians of 5): building each similarity matrix from the knowledge base, and the
related section of all 1,016 reports (old: top-25 neighbour lists; new: full matrix rows).
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ai_impact import api
from ai_impact.reports.engine import Engine
from ai_impact.reports.model import RelatedEntry
from ai_impact.reports.related import (
    MAX_ZONE_STEP,
    MIN_RELATED_SIMILARITY,
    SAFER_MARGIN,
    NeighbourIndex,
    column,
    related_entries,
)
from ai_impact.reports.related_note import no_safer_move
from ai_impact.reports.similarity import WEIGHTS, combine, similarity_signals
from ai_impact.risk.formula import category_index
from ai_impact.settings import Settings

REFERENCE = {
    "15-1252.00": "software developers",
    "29-1141.00": "registered nurses",
    "13-2011.00": "accountants",
    "41-2011.00": "cashiers",
    "41-9041.00": "telemarketers",
    "43-9021.00": "data entry keyers",
    "53-3032.00": "truck drivers",
    "23-2011.00": "paralegals",
    "43-4051.00": "customer service reps",
    "27-1024.00": "graphic designers",
    "43-3031.00": "bookkeeping clerks",
    "43-9081.00": "proofreaders",
    "27-3091.00": "translators",
    "51-4041.00": "machinists",
    "41-2031.00": "retail salespersons",
    "15-2051.00": "data scientists",
    "23-1011.00": "lawyers",
    "53-7062.00": "laborers and material movers (warehouse associate)",
    "53-7065.00": "stockers and order fillers (warehouse associate)",
    "47-2111.00": "electricians",
    "25-2021.00": "elementary school teachers",
}
# Moves QA judged unrealistic (another degree, another field, or a step down that discards the
# occupation's own knowledge): the rule must not propose them.
BAD_MOVES = [
    ("15-1252.00", "17-2061.00"),  # software developers → computer hardware engineers
    ("15-1252.00", "17-2199.05"),  # → mechatronics engineers
    ("15-1252.00", "17-2141.00"),  # → mechanical engineers
    ("15-2051.00", "17-2061.00"),  # data scientists → computer hardware engineers
    ("15-2051.00", "17-2199.05"),
    ("15-2051.00", "17-2141.00"),
    ("23-1011.00", "11-1011.00"),  # lawyers → chief executives
    ("53-7065.00", "35-9011.00"),  # stockers → dining room attendants
    ("43-3031.00", "43-5051.00"),  # bookkeeping clerks → postal service clerks
    ("43-3031.00", "43-9051.00"),  # → mail clerks
]
Matrix = NDArray[np.float64]


# -- the previous method, kept here as the baseline ----------------------------------------------
def _legacy_block(rows: list[dict[str, float]]) -> Matrix:
    cols = sorted({k for r in rows for k in r})
    col = {c: j for j, c in enumerate(cols)}
    m = np.zeros((len(rows), len(cols)))
    for i, r in enumerate(rows):
        for k, v in r.items():
            m[i, col[k]] = v
    present = np.abs(m).sum(axis=1) > 0
    if present.any():
        m[present] -= m[present].mean(axis=0)
    norm = np.linalg.norm(m, axis=1, keepdims=True)
    return np.where(norm > 0, m / np.maximum(norm, 1e-12), 0.0)


def legacy_similarity(kb: Any, codes: Sequence[str]) -> Matrix:
    """The previous profile cosine: skills, knowledge and GWA-share blocks."""
    skills = [{e.element_id: e.importance or 0.0 for e in kb.skills(c)} for c in codes]
    knowledge = [{e.element_id: e.importance or 0.0 for e in kb.knowledge(c)} for c in codes]
    gwa: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for a in kb.all_activities():
        gwa[a.code][a.gwa_id] += 1.0
    acts = [dict(gwa.get(c, {})) for c in codes]
    p = np.hstack([_legacy_block(rows) for rows in (skills, knowledge, acts)])
    u = p / np.maximum(np.linalg.norm(p, axis=1, keepdims=True), 1e-12)
    return np.clip(u @ u.T, 0.0, 1.0)


def legacy_safer(code: str, codes: list[str], sim: Matrix, risk: dict[str, float]) -> list[str]:
    """The previous rule: among the 25 nearest, similarity ≥ 0.5 and risk ≥ 1 lower."""
    i = codes.index(code)
    row = sim[i].copy()
    row[i] = -1.0
    top = np.argsort(-row)[:25]
    out = [codes[j] for j in top if row[j] >= 0.5 and risk[codes[j]] <= risk[code] - 1.0]
    return out[:3]


def previous_safer(index: NeighbourIndex, code: str, risk: Matrix, pay: Matrix) -> list[str]:
    """The rule before knowledge fit: similarity ≥ 0.35, or O*NET primary related and ≥ 0.2."""
    bare = NeighbourIndex(index.codes, index.similarity, index.tiers, index.job_zones)
    i = bare.index[code]
    sim = bare.similarity[i].astype(np.float64)
    zones = bare.job_zones.astype(np.int64)
    step = np.abs(zones - int(zones[i]))
    same = bare.majors == bare.majors[i]
    reach = (zones > 0) & ((step <= MAX_ZONE_STEP) if zones[i] > 0 else same)
    close = (sim >= 0.35) | ((bare.tiers[i] >= 2) & (sim >= MIN_RELATED_SIMILARITY))
    ok = reach & close & (risk <= risk[i] - SAFER_MARGIN)
    ok[i] = False
    cand = np.flatnonzero(ok)
    score = sim[cand] + np.array([0.0, 0.05, 0.15, 0.2])[bare.tiers[i][cand]] + 0.1 * same[cand]
    score -= 0.1 * (step[cand] if zones[i] > 0 else 0)
    if pay[i] > 0:
        with np.errstate(invalid="ignore", divide="ignore"):
            cut = np.nan_to_num(np.maximum(0.0, -np.log2(pay[cand] / pay[i])))
        score -= 0.1 * np.minimum(cut, 2.0)
    return [bare.codes[j] for j in cand[np.argsort(-score, kind="stable")[:3]]]


def gap_only(index: NeighbourIndex, table: Any, code: str) -> list[str]:
    """The rule before the category floor: a point lower, whatever the move's own category."""
    risk, pay = column(table, index, "score"), column(table, index, "median_annual")
    ok = index.within_reach(code, pay, column(table, index, "change_pct"))
    ok &= risk <= risk[index.index[code]] - SAFER_MARGIN
    moves = [index.codes[j] for j in index.move_order(code, np.flatnonzero(ok), pay)]
    return [m for m in moves if m in table and not m.startswith("55-")][:3]


FLOOR_EXAMPLES = ("15-1252.00", "43-4051.00", "23-2011.00", "13-2011.00")


def floor_figures(kb: Any, codes: list[str], engine: Engine) -> None:
    """Safer moves with and without the category floor: coverage, gaps, categories, examples."""
    table, index = engine.table, engine.neighbours
    score = {c: table.row(c).score for c in codes}
    level = {c: category_index(score[c]) for c in codes}  # 0 very low … 4 very high

    def after(c: str) -> list[str]:
        entries = related_entries(c, table, [r.code for r in kb.related(c)], index, [])
        return [e.code for e in entries if e.relation == "safer move"]

    print(
        "\nsafer moves over all occupations: with ≥1 / moves / gap median (p25–p75) /"
        " moves by category (very low, low, moderate, high, very high) / rated high or"
        " very high / in the occupation's own category / high or very high occupations with ≥1"
    )
    runs = {"gap only (before)": lambda c: gap_only(index, table, c), "after": after}
    found = {}
    for name, rule in runs.items():
        moves = found[name] = {c: rule(c) for c in codes}
        gaps = [score[c] - score[m] for c, ms in moves.items() for m in ms]
        cats = [sum(1 for ms in moves.values() for m in ms if level[m] == k) for k in range(5)]
        own = sum(1 for c, ms in moves.items() for m in ms if level[m] == level[c])
        high = sum(1 for c, ms in moves.items() if ms and level[c] >= 3)
        q25, q75 = np.percentile(gaps, [25, 75])
        print(
            f"  {name:18} {sum(map(bool, moves.values()))} / {len(gaps)} /"
            f" {statistics.median(gaps):.2f} ({q25:.2f}–{q75:.2f}) / {cats} / {sum(cats[3:])}"
            f" / {own} / {high} of {sum(1 for c in codes if level[c] >= 3)}"
        )
    for c in FLOOR_EXAMPLES:
        print(f"\n{table.row(c).title} ({c}, risk {score[c]:.1f})")
        for name, moves in found.items():
            shown = [f"{table.row(m).title} {score[m]:.1f}" for m in moves[c]] or ["none"]
            print(f"  {name}: {'; '.join(shown)}")
        entries = related_entries(c, table, [r.code for r in kb.related(c)], index, [])
        print(f"  sentence: {no_safer_move(c, entries, table, index) or '—'}")


def legacy_entries(
    code: str,
    table: Any,
    onet_related: Sequence[str],
    near: list[tuple[str, float]],
    same_industry: Sequence[str],
) -> list[RelatedEntry]:
    """The previous section builder over a top-25 neighbour list (for the timing baseline)."""
    own, sim_of, seen = table.row(code), dict(near), {code}
    out: list[RelatedEntry] = []

    def add(c: str, relation: str, limit: int, bucket: list[RelatedEntry]) -> None:
        if c in seen or c not in table or len(bucket) >= limit:
            return
        seen.add(c)
        r = table.row(c)
        bucket.append(RelatedEntry(r.code, r.title, relation, sim_of.get(c), r.score,
                                   r.category, r.median_annual, r.change_pct))  # fmt: skip

    buckets: list[list[RelatedEntry]] = [[], [], [], []]
    for c, s in near:
        if s >= 0.5 and table.row(c).score <= own.score - 1.0:
            add(c, "safer move", 3, buckets[0])
    for c in onet_related:
        add(c, "O*NET related", 4, buckets[1])
    for c, _ in near:
        add(c, "similar skills and activities", 3, buckets[2])
    for c in sorted(same_industry, key=lambda c: -sim_of.get(c, 0.0)):
        add(c, "same industry", 3, buckets[3])
    for b in buckets:
        out += b
    return out


# -- evaluation ------------------------------------------------------------------------------------
def recall_at(sim: Matrix, truth: list[set[int]], k: int, rows: NDArray[np.bool_]) -> float:
    """Mean share of each row's true related occupations among its k most similar."""
    s = sim.astype(np.float64, copy=True)
    np.fill_diagonal(s, -np.inf)
    top = np.argpartition(-s, k, axis=1)[:, :k]
    hits = [len(truth[i] & set(top[i].tolist())) / len(truth[i]) for i in np.flatnonzero(rows)]
    return float(np.mean(hits))


def _median_seconds(fn: Callable[[], Any], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def _recall_line(name: str, sim: Matrix, truth: list[set[int]], halves: dict[str, Any]) -> str:
    parts = [f"{h} {recall_at(sim, truth, 10, rows):.3f}" for h, rows in halves.items()]
    every = halves["all"]
    extra = f"@5 {recall_at(sim, truth, 5, every):.3f}  @20 {recall_at(sim, truth, 20, every):.3f}"
    return f"{name:34} recall@10 {'  '.join(parts)}   {extra}"


def evaluate(kb: Any, codes: list[str], grid: bool) -> dict[str, Any]:
    """Print recall of old and new similarity, the ablation and (optionally) the grid."""
    pos = {c: i for i, c in enumerate(codes)}
    truth = [
        {pos[r.code] for r in kb.related(c) if r.tier != "Supplemental" and r.code in pos}
        for c in codes
    ]
    has = np.asarray([bool(t) for t in truth])
    even = (np.arange(len(codes)) % 2 == 0) & has
    halves = {"even": even, "odd(held-out)": has & ~even, "all": has}
    print(f"ground truth: O*NET Primary related, {int(has.sum())} occupations with a list")
    old = legacy_similarity(kb, codes)
    signals = similarity_signals(kb, codes)
    new = combine(signals)
    print(_recall_line("baseline: profile cosine (old)", old, truth, halves))
    print(_recall_line("new: combined similarity", new, truth, halves))
    print("\nablation (each signal alone / the combination without it), recall@10 all:")
    for name in WEIGHTS:
        alone = combine(signals, {name: 1.0})
        without = combine(signals, {k: v for k, v in WEIGHTS.items() if k != name})
        print(
            f"  {name:12} alone {recall_at(alone, truth, 10, has):.3f}   "
            f"without {recall_at(without, truth, 10, has):.3f}"
        )
    if grid:
        results = []
        names = list(WEIGHTS)
        choices = [(0, 1, 2, 3), (0, 1, 2), (0, 1, 2), (0, 1, 2), (0, 1, 2, 3)]
        for ws in itertools.product(*choices):
            if sum(ws):
                weights = dict(zip(names, map(float, ws), strict=True))
                results.append((recall_at(combine(signals, weights), truth, 10, even), ws))
        results.sort(reverse=True)
        print(f"\nweight grid on the even half ({names}), best 5:")
        for r, ws in results[:5]:
            held = recall_at(combine(signals, dict(zip(names, map(float, ws), strict=True))),
                             truth, 10, has & ~even)  # fmt: skip
            print(f"  {ws}  even {r:.3f}  odd {held:.3f}")
    return {"old": old, "new": new}


def timings(kb: Any, codes: list[str], engine: Engine, old: Matrix) -> None:
    """Build times of both similarities and the related section over all reports."""
    t_old = _median_seconds(lambda: legacy_similarity(kb, codes), 3)
    t_new = _median_seconds(lambda: NeighbourIndex.build(kb, codes), 3)
    print(f"\nbuild from the knowledge base (median of 3): old {t_old:.2f} s, new {t_new:.2f} s")
    print("  (once per knowledge base / model / method version; saved in the analysis-index .npz)")
    table, index = engine.table, engine.neighbours
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "index.npz"
        np.savez_compressed(path, **index.arrays())
        t_load = _median_seconds(lambda: dict(np.load(path)))
        print(f"load the saved index: {t_load * 1000:.1f} ms ({path.stat().st_size / 1e6:.1f} MB)")
    related = {c: [r.code for r in kb.related(c)] for c in codes}
    industry = {c: engine.by_industry.get(table.row(c).industry_slug, []) for c in codes}
    old_top = np.argsort(-np.where(np.eye(len(codes), dtype=bool), -1.0, old), axis=1)[:, :25]
    old_near = [[(codes[j], float(old[i, j])) for j in old_top[i]] for i in range(len(codes))]

    def run_old() -> None:
        for i, c in enumerate(codes):
            legacy_entries(c, table, related[c], old_near[i], industry[c])

    def run_new() -> None:
        for c in codes:
            related_entries(c, table, related[c], index, industry[c])

    t_run_old, t_run_new = _median_seconds(run_old), _median_seconds(run_new)
    print(
        f"related section of all {len(codes)} reports (median of 5): new {t_run_new:.3f} s,"
        f" baseline old {t_run_old:.3f} s"
    )


def safer_moves(kb: Any, codes: list[str], engine: Engine, old: Matrix) -> None:
    """Print the previous and current safer moves of the reference occupations, and statistics.

    Agreement: the share of moves O*NET lists as related (primary either way / any tier);
    knowledge: mean field and need of the moves; bad: moves of :data:`BAD_MOVES` proposed.
    """
    table, index = engine.table, engine.neighbours
    risk = {c: table.row(c).score for c in codes}
    zone = {c: kb.occupation(c).job_zone for c in codes}
    risk_col = np.asarray([risk[c] for c in index.codes])
    pay_col = np.asarray([table.row(c).median_annual or np.nan for c in index.codes])

    def describe(c: str) -> str:
        r = table.row(c)
        pay = f"${r.median_annual / 1000:.0f}k" if r.median_annual else "n/a"
        return f"{r.title[:44]} (risk {r.score:.1f}, zone {zone[c]}, {pay})"

    def new_moves(c: str) -> list[str]:
        entries = related_entries(c, table, [r.code for r in kb.related(c)], index, [])
        return [e.code for e in entries if e.relation == "safer move"]

    rules: dict[str, Callable[[str], list[str]]] = {
        "profile (sim-1)": lambda c: legacy_safer(c, codes, old, risk),
        "before": lambda c: previous_safer(index, c, risk_col, pay_col),
        "after": new_moves,
    }
    for code in REFERENCE:
        print(f"\n{describe(code)}")
        for name in ("before", "after"):
            moves = rules[name](code)
            print(f"  {name}:")
            for m in moves or []:
                i, j = index.index[code], index.index[m]
                print(
                    f"    {describe(m)}  similarity {float(index.similarity[i, j]):.2f},"
                    f" field {float(index.field[i, j]):.2f}, need {float(index.need[i, j]):.1f}"
                )
            if not moves:
                print("    none")
    print(
        "\nover all occupations: with ≥1 move / moves / O*NET related primary either way, any"
        " / other major group / job-zone step > 1 / mean field, need / bad moves"
    )
    for name, rule in rules.items():
        all_moves = {c: rule(c) for c in codes}
        pairs = [(index.index[c], index.index[m]) for c, ms in all_moves.items() for m in ms]
        both = [max(int(index.tiers[i, j]), int(index.tiers[j, i])) for i, j in pairs]
        far = sum(
            1
            for c, ms in all_moves.items()
            for m in ms
            if zone[c] and (not zone[m] or abs(zone[m] - zone[c]) > 1)
        )
        other = sum(1 for c, ms in all_moves.items() for m in ms if m[:2] != c[:2])
        field = np.mean([float(index.field[i, j]) for i, j in pairs])
        need = np.mean([float(index.need[i, j]) for i, j in pairs])
        bad = sum(1 for c, m in BAD_MOVES if m in all_moves[c])
        print(
            f"  {name:16} {sum(map(bool, all_moves.values()))} / {len(pairs)} /"
            f" {np.mean([b >= 2 for b in both]):.2f}, {np.mean([b >= 1 for b in both]):.2f} /"
            f" {other} / {far} / {field:.2f}, {need:.2f} / {bad} of {len(BAD_MOVES)}"
        )
    dev = index.similarity_of("15-1252.00")
    print(
        "software developers vs emergency medicine physicians / substitute teachers: "
        f"old {old[codes.index('15-1252.00'), codes.index('29-1214.00')]:.2f} / "
        f"{old[codes.index('15-1252.00'), codes.index('25-3031.00')]:.2f}, "
        f"new {dev['29-1214.00']:.2f} / {dev['25-3031.00']:.2f}"
    )


def main() -> None:
    """Parse the flags and run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grid", action="store_true", help="also search the weight grid")
    parser.add_argument("--moves", action="store_true", help="only the safer moves")
    args = parser.parse_args()
    settings = Settings()
    kb = api.get_kb(settings)
    engine = Engine(kb, settings, catalogues=False)
    codes = engine.table.codes
    if args.moves:
        safer_moves(kb, codes, engine, legacy_similarity(kb, codes))
        floor_figures(kb, codes, engine)
        return
    sims = evaluate(kb, codes, args.grid)
    timings(kb, codes, engine, sims["old"])
    safer_moves(kb, codes, engine, sims["old"])
    floor_figures(kb, codes, engine)


if __name__ == "__main__":
    main()
