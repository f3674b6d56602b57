"""Benchmark (and fit) the job-title resolver against a plain exact + fuzzy baseline.

    .venv/bin/python benchmarks/titles.py            # accuracy + speed table
    .venv/bin/python benchmarks/titles.py --fit      # also refit artifacts/ranker.json

Dev sets, none of which the evaluated index contains:

- ``reported``: a random 20 % of O*NET 30.3 "sample of reported titles" (seed 0). Every index
  entry whose lower-cased title equals a held-out title is removed (whatever its kind), so the
  resolver cannot look the answer up. The hold-out is split in three: ``fit`` (weights),
  ``calib`` (confidence curve) and ``eval`` (the figures below).
- ``messy``: ``benchmarks/data/titles_messy.csv``, employer-style titles written by hand with
  their accepted O*NET-SOC codes (``;``-separated) and a kind (plain, messy, modern, abbrev,
  owner...).
- ``foreign``: ``benchmarks/data/titles_foreign.csv``, job titles in Spanish, German, French,
  Portuguese, Italian and Dutch. No answer is right (the resolver reads English): counted are
  those answered with no candidates and those given a confident one (0.5 or more), and, for
  the English sets, the titles answered with no candidates at all.

Metrics: top-1 / top-3 (an accepted code among the first 1 / 3 candidates), SOC top-1 (same
6-digit SOC), major group (the first candidate's 2-digit SOC major group is right), titles/s.
Speed: a batch of 13,000 titles through ``ai-impact resolve --batch`` including start-up (median
of 3 runs, warm cache), and in-process ``resolve_batch``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from ai_impact.titles.best_guess import (  # noqa: E402
    BEST_GUESS_CONFIDENCE,
    is_best_guess,
    match_confidence,
    page_basis,
)
from ai_impact.titles.embed import ARTIFACTS  # noqa: E402
from ai_impact.titles.employment import occupation_refs  # noqa: E402
from ai_impact.titles.index import OccupationRef, terms  # noqa: E402
from ai_impact.titles.rank import RankerParams, feature_stack  # noqa: E402
from ai_impact.titles.resolution import Resolution  # noqa: E402
from ai_impact.titles.resolver import Resolver  # noqa: E402

DATA = ROOT / "data"
Case = tuple[str, frozenset[str], str]  # title, accepted codes, kind


def _rows(path: Path) -> list[dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def load_sources() -> tuple[list[OccupationRef], list[tuple[str, str, str]], list[tuple[str, str]]]:
    """Occupations, index entries (without reported titles) and reported titles, from the KB."""
    from ai_impact.db import open_kb

    kb = open_kb()
    occ = occupation_refs(kb)
    titles = kb.titles()
    entries = [(t.title, t.code, t.kind) for t in titles if t.kind in ("alternate", "short")]
    reported = [(t.title, t.code) for t in titles if t.kind == "reported"]
    return occ, entries, reported


def decorated_known(entries: list[tuple[str, str, str]], n: int) -> list[Case]:
    """``n`` index titles dressed the way employers dress them (level, place, shift), each with
    the one occupation it was listed under: teaches the ranker how far an exact hit can be
    trusted when the same spelling names several occupations."""
    rng = random.Random(7)
    picks = rng.sample(sorted(set(entries)), n)
    dress = ["Sr. {}", "{} II", "{} - Remote", "{} (Nights)", "Lead {}", "{} - Austin, TX", "{}"]
    return [(rng.choice(dress).format(t), frozenset({c}), "known") for t, c, _ in picks]


def split_reported(
    reported: list[tuple[str, str]],
) -> tuple[list[tuple[str, str]], dict[str, list[Case]]]:
    """Kept reported titles and the held-out ones (fit / calib / eval)."""
    rng = random.Random(0)
    order = list(range(len(reported)))
    rng.shuffle(order)
    n_out = len(order) // 5
    out = [reported[i] for i in order[:n_out]]
    keep = [reported[i] for i in order[n_out:]]
    cases: dict[str, list[Case]] = {"fit": [], "calib": [], "eval": []}
    by_title: dict[str, set[str]] = {}
    for title, code in out:
        by_title.setdefault(title, set()).add(code)
    titles = sorted(by_title)
    rng.shuffle(titles)
    for i, title in enumerate(titles):
        part = "fit" if i % 5 < 2 else "calib" if i % 5 == 2 else "eval"
        cases[part].append((title, frozenset(by_title[title]), "reported"))
    return keep, cases


def load_messy() -> list[Case]:
    """The hand-written employer-style dev set."""
    with (ROOT / "benchmarks/data/titles_messy.csv").open(encoding="utf-8") as fh:
        return [
            (r["title"], frozenset(r["codes"].split(";")), r["kind"]) for r in csv.DictReader(fh)
        ]


def load_foreign() -> list[str]:
    """Titles in other languages than English."""
    with (ROOT / "benchmarks/data/titles_foreign.csv").open(encoding="utf-8") as fh:
        return [r["title"] for r in csv.DictReader(fh)]


def language_report(resolver: Resolver, english: dict[str, list[Case]]) -> None:
    """How titles in other languages are answered, and how many English ones get nothing."""
    foreign = resolver.resolve_batch(load_foreign())
    empty = sum(not r.candidates for r in foreign)
    sure = [r.input for r in foreign if r.candidates and not r.needs_choice]
    print(f"\ntitles in other languages: {len(foreign)}; no candidates {empty}; "
          f"a confident candidate (0.5 or more) {len(sure)}: {sure}")  # fmt: skip
    for name, cases in english.items():
        res = resolver.resolve_batch([c[0] for c in cases])
        none = [r.input for r in res if not r.candidates]
        print(f"English titles with no candidates, {name}: {len(none)} of {len(res)} {none}")


def best_guess_report(results: Sequence[Resolution], cases: Sequence[Case]) -> None:
    """How many titles an analysis would call a best guess (titles/best_guess.py), and how
    often the first candidate is right under and over the threshold (a blend counts as right
    when one of its occupations is accepted)."""
    sure: list[bool] = []
    guess: list[bool] = []
    for res, case in zip(results, cases, strict=True):
        if not res.candidates:
            continue
        right = any(c.code in case[1] for c in page_basis(res))
        (guess if is_best_guess(res) else sure).append(right)
    n = len(sure) + len(guess)
    print(f"best guess (analysis match under {BEST_GUESS_CONFIDENCE}): {len(guess)} of {n}, "
          f"right {100 * sum(guess) / max(len(guess), 1):.1f} %; at or over it: {len(sure)}, "
          f"right {100 * sum(sure) / max(len(sure), 1):.1f} %")  # fmt: skip
    for lo, hi in [(0.0, 0.5), (0.5, BEST_GUESS_CONFIDENCE), (BEST_GUESS_CONFIDENCE, 1.01)]:
        sel = [
            any(c.code in case[1] for c in page_basis(res))
            for res, case in zip(results, cases, strict=True)
            if res.candidates and lo <= match_confidence(res) < hi
        ]
        print(f"  analysis match {lo:.1f}–{min(hi, 1.0):.1f}: {len(sel)} titles, "
              f"right {100 * sum(sel) / max(len(sel), 1):.1f} %")  # fmt: skip


def metrics(ranked: Sequence[Sequence[str]], cases: Sequence[Case]) -> dict[str, float]:
    """top1, top3, soc1, major accuracy (%) of ranked code lists."""
    n = max(len(cases), 1)
    top1 = sum(bool(r[:1] and r[0] in c[1]) for r, c in zip(ranked, cases, strict=True))
    top3 = sum(bool(set(r[:3]) & c[1]) for r, c in zip(ranked, cases, strict=True))
    soc1 = sum(
        bool(r[:1] and r[0][:7] in {x[:7] for x in c[1]})
        for r, c in zip(ranked, cases, strict=True)
    )
    major = sum(
        bool(r[:1] and r[0][:2] in {x[:2] for x in c[1]})
        for r, c in zip(ranked, cases, strict=True)
    )
    return {"top1": 100 * top1 / n, "top3": 100 * top3 / n, "soc1": 100 * soc1 / n,
            "major": 100 * major / n, "n": float(len(cases))}  # fmt: skip


class Baseline:
    """Plain exact lookup of the lower-cased title, else rapidfuzz WRatio over every title."""

    def __init__(self, occ: list[OccupationRef], entries: list[tuple[str, str, str]]) -> None:
        self.codes: dict[str, list[str]] = {}
        for title, code, _ in [*entries, *((o.title, o.code, "onet") for o in occ)]:
            self.codes.setdefault(title.lower(), []).append(code)
        self.choices = list(self.codes)

    def rank(self, titles: list[str]) -> list[list[str]]:
        """Ranked codes per title."""
        out: list[list[str]] = []
        for title in titles:
            key = title.lower().strip()
            if key in self.codes:
                out.append(list(dict.fromkeys(self.codes[key]))[:5])
                continue
            hits = process.extract(key, self.choices, scorer=fuzz.WRatio, limit=10)
            out.append(list(dict.fromkeys(c for h in hits for c in self.codes[h[0]]))[:5])
        return out


def _isotonic(x: np.ndarray, y: np.ndarray) -> tuple[list[float], list[float]]:
    order = np.argsort(x)
    xs, ys = x[order], y[order].astype(float)
    blocks: list[list[float]] = []  # [sum_y, count, max_x]
    for xi, yi in zip(xs, ys, strict=True):
        blocks.append([yi, 1.0, float(xi)])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]:
            s, c, mx = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += c
            blocks[-1][2] = mx
    bx = [0.0] + [b[2] for b in blocks] + [1.0]
    by = [0.0] + [b[0] / b[1] for b in blocks] + [blocks[-1][0] / blocks[-1][1]]
    return bx, by


def fit(resolver: Resolver, fit_cases: list[Case], calib_cases: list[Case]) -> RankerParams:
    """Fit weights (conditional logit over all occupations) then the isotonic confidence curve."""
    feats, target = _features(resolver, fit_cases)
    w = np.array(resolver.params.weights, dtype=np.float64)
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for step in range(1, 601):  # Adam on the mean negative log-likelihood
        s = np.tensordot(w, feats, axes=1)
        s -= s.max(axis=1, keepdims=True)
        p = np.exp(s)
        p /= p.sum(axis=1, keepdims=True)
        pc = p * target
        pc /= np.maximum(pc.sum(axis=1, keepdims=True), 1e-12)
        grad = np.einsum("fnk,nk->f", feats, p - pc) / feats.shape[1] + 1e-3 * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        w -= 0.05 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    params = RankerParams(weights=tuple(round(float(x), 4) for x in w))
    resolver.params = params
    probs, hits = [], []
    feats_c, target_c = _features(resolver, calib_cases)
    s = np.tensordot(w, feats_c, axes=1)
    s -= s.max(axis=1, keepdims=True)
    p = np.exp(s)
    p /= p.sum(axis=1, keepdims=True)
    best = np.argsort(-p, axis=1)[:, :5]
    probs = np.take_along_axis(p, best, axis=1).ravel()
    hits = np.take_along_axis(target_c, best, axis=1).ravel()
    ix, iy = _isotonic(probs, hits)
    return RankerParams(
        weights=params.weights, temperature=1.0,
        iso_x=tuple(round(x, 5) for x in ix), iso_y=tuple(round(y, 5) for y in iy),
        threshold=0.5,
        fitted_on=f"{len(fit_cases)} held-out reported titles (weights), "
        f"{len(calib_cases)} others (confidence); half unseen held-out reported titles, "
        "half decorated index titles; seed 0",
    )  # fmt: skip


def _features(resolver: Resolver, cases: list[Case]) -> tuple[np.ndarray, np.ndarray]:
    texts = [c[0] for c in cases]
    # Reuse the resolver's own preparation by ranking once, then recompute features directly.
    norms = [resolver._normalize(t) for t in texts]
    key_sets = [[(k, 1.0 if j == 0 else 0.8) for j, v in enumerate(n.variants)
                 if (k := resolver._key_id.get(v)) is not None] for n in norms]  # fmt: skip
    word_ids = [
        [resolver._word_id[w] for w in terms(n.primary) if w in resolver._word_id] for n in norms
    ]
    vectors = resolver.embedder.encode([n.primary or t for n, t in zip(norms, texts, strict=True)])
    feats = feature_stack(resolver.index, vectors, key_sets, word_ids).astype(np.float64)
    occ = {o.code: i for i, o in enumerate(resolver.index.occupations)}
    target = np.zeros(feats.shape[1:], dtype=np.float64)
    for row, case in enumerate(cases):
        for code in case[1]:
            if code in occ:
                target[row, occ[code]] = 1.0
    return feats, target


def _cli_seconds(titles: list[str]) -> float:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
        fh.write("\n".join(titles) + "\n")
    exe = ROOT / ".venv/bin/ai-impact"
    cmd = [str(exe), "resolve", "--batch", fh.name, "--top", "5", "--format", "jsonl"]
    subprocess.run(cmd, check=True, capture_output=True)  # warm the caches
    runs = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def main() -> None:
    """Run the benchmark (and the fit)."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--fit", action="store_true", help="refit artifacts/ranker.json")
    ap.add_argument("--no-cli", action="store_true", help="skip the CLI start-up timing")
    ap.add_argument("--no-baseline", action="store_true")
    args = ap.parse_args()
    occ, entries, reported = load_sources()
    keep, held = split_reported(reported)
    banned = {c[0].lower() for part in held.values() for c in part}
    index_entries = [e for e in entries if e[0].lower() not in banned]
    index_entries += [(t, c, "reported") for t, c in keep if t.lower() not in banned]
    removed = len(entries) + len(keep) - len(index_entries)
    sizes = [len(v) for v in held.values()]
    print(f"index: {len(index_entries)} entries ({removed} removed as held out); "
          f"held out {sizes} fit/calib/eval")  # fmt: skip
    t0 = time.perf_counter()
    cache = Path(tempfile.gettempdir()) / "ai-impact-bench-cache"
    resolver = Resolver.from_entries(occ, index_entries, data_dir=DATA, cache_dir=cache)
    print(f"resolver ready in {time.perf_counter() - t0:.2f} s")
    if args.fit:
        known = decorated_known(index_entries, len(held["fit"]))
        params = fit(resolver, held["fit"] + known, held["calib"] + known[: len(held["calib"])])
        params.save(ARTIFACTS / "ranker.json")
        resolver.params = params
        print("fitted:", params.weights)
    messy = load_messy()
    sets: dict[str, list[Case]] = {"reported (held out)": held["eval"], "messy: all": messy}
    for kind in sorted({c[2] for c in messy}):
        sets[f"messy: {kind}"] = [c for c in messy if c[2] == kind]
    baseline = None if args.no_baseline else Baseline(occ, index_entries)
    print("\n| set | n | method | top-1 | top-3 | SOC top-1 | major | titles/s |")
    print("|---|---|---|---|---|---|---|---|")
    for name, cases in sets.items():
        titles = [c[0] for c in cases]
        methods: list[tuple[str, object]] = [("resolver", None)]
        if baseline:
            methods.append(("baseline", baseline))
        for label, base in methods:
            t = time.perf_counter()
            if base is None:
                ranked = [[c.code for c in r.candidates] for r in resolver.resolve_batch(titles)]
            else:
                ranked = Baseline.rank(base, titles)  # type: ignore[arg-type]
            rate = len(titles) / (time.perf_counter() - t)
            m = metrics(ranked, cases)
            print(f"| {name} | {len(cases)} | {label} | {m['top1']:.1f} | {m['top3']:.1f} | "
                  f"{m['soc1']:.1f} | {m['major']:.1f} | {rate:,.0f} |")  # fmt: skip
    print("\nconfidence of the first candidate vs how often it is right (held-out eval + messy):")
    print("| confidence | n | mean confidence | top-1 right |")
    print("|---|---|---|---|")
    pool = held["eval"] + messy
    results = resolver.resolve_batch([c[0] for c in pool])
    pairs = [(r.candidates[0].confidence, r.candidates[0].code in c[1])
             for r, c in zip(results, pool, strict=True) if r.candidates]  # fmt: skip
    for lo, hi in [(0.0, 0.2), (0.2, 0.5), (0.5, 0.8), (0.8, 1.01)]:
        sel = [(p, ok) for p, ok in pairs if lo <= p < hi]
        if sel:
            mean = sum(p for p, _ in sel) / len(sel)
            right = 100 * sum(ok for _, ok in sel) / len(sel)
            print(f"| {lo:.1f}–{min(hi, 1.0):.1f} | {len(sel)} | {mean:.2f} | {right:.0f} % |")
    asked = sum(r.needs_choice for r in results)
    print(f"needs_choice (confidence < {resolver.params.threshold}): {asked} of {len(results)}")
    best_guess_report(results, pool)
    language_report(resolver, {"held out (all)": held["fit"] + held["calib"] + held["eval"],
                               "messy": messy})  # fmt: skip
    batch = [c[0] for c in messy + held["eval"]]
    rng = random.Random(1)
    batch13 = [rng.choice(batch) + rng.choice(["", " - Remote", " II", ", Sr.", " (Nights)"])
               for _ in range(13000)]  # fmt: skip
    fresh = Resolver(
        resolver.index, resolver.abbr, resolver.aliases, resolver.embedder, resolver.params
    )
    t = time.perf_counter()
    fresh.resolve_batch(batch13)
    rate = 13000 / (time.perf_counter() - t)
    print(f"\nin-process resolve_batch, 13,000 titles: {rate:,.0f} titles/s")
    if not args.no_cli:
        distinct = rng.sample(sorted({t for t, _, _ in entries}), 13000)
        for label, titles in [(f"dev-set titles ({len(set(batch13)):,} distinct)", batch13),
                              ("distinct O*NET titles", distinct)]:  # fmt: skip
            secs = _cli_seconds(titles)
            print(f"CLI `ai-impact resolve --batch`, 13,000 {label}, incl. start-up: "
                  f"{secs:.2f} s = {13000 / secs:,.0f} titles/s (median of 3)")  # fmt: skip


if __name__ == "__main__":
    main()
