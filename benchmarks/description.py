"""Pasted job descriptions: occupation found from text alone, risk agreement, speed.

    python benchmarks/description.py              # everything (about a minute)
    python benchmarks/description.py --grid       # also the coverage-weight / temperature grid

Pseudo job descriptions: for every occupation with at least 8 O*NET tasks, the odd-positioned
tasks (task id order) are held out — the matching index is rebuilt WITHOUT them — and up to 8
of them become a job ad: shuffled, lightly reworded (a few verbs swapped for synonyms, first
word lower-cased, trailing period dropped), bulleted, with a title-free company blurb,
requirements, benefits, pay and equal-opportunity lines around them. The text then goes through
the same splitter and matcher as ``analyze --description-file``.

(a) occupation top-1 / top-3 from text alone, on even-numbered occupations (where the coverage
weight and temperature were chosen) and odd-numbered ones (held out); baseline in the same run:
per-statement coverage alone (each pasted statement's best match among an occupation's own
statements, averaged), the first design. Also the calibration of the confidence.
(b) Spearman between the risk score / exposure β computed from the pasted statements (model
scores, same formula, figures of the true occupation) and the occupation's own table values
(published labels where they exist). (c) median time per description: the full report
(split + match + score + every section) against ``build_report`` of a code in the same run.
Plus the hand-written job descriptions of ``benchmarks/data/job_descriptions``, and (d) single
statements as people write them: the 363 hand-written rewrites of
``benchmarks/data/task_paraphrases.tsv`` ("Responsible for ...", "You'll ...", CV lines, first
person), each matched alone against an index without its original task; the occupation of the
original is the answer. Scored as typed (baseline) and through
``ai_impact.scoring.phrasing.task_statement`` (what the matcher does), in the same run.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
import statistics
import time
from pathlib import Path
from typing import Any

import numpy as np

from ai_impact import api
from ai_impact.reports import description_match as dm
from ai_impact.reports.build import build_report
from ai_impact.reports.description import describe_report, description_row
from ai_impact.reports.jd_split import split_description
from ai_impact.scoring import score_texts
from ai_impact.scoring.phrasing import task_statement
from ai_impact.titles.embed import load_embedder

DATA = Path(__file__).resolve().parent / "data" / "job_descriptions"
PARAPHRASES = DATA.parent / "task_paraphrases.tsv"
LABELS = DATA.parents[2] / "data" / "labels" / "gpts-are-gpts" / "full_labelset.tsv.gz"
SYNONYMS = {
    "Prepare": "Put together",
    "Maintain": "Keep up",
    "Review": "Look over",
    "Monitor": "Keep track of",
    "Develop": "Create",
    "Inspect": "Check",
    "Determine": "Work out",
    "Assist": "Help",
    "Direct": "Lead",
    "Perform": "Carry out",
    "Communicate": "Talk",
    "Analyze": "Study",
    "Coordinate": "Organize",
    "Conduct": "Run",
    "Record": "Log",
}
BOILERPLATE = [
    "About us: We are a growing company with offices in three states.",
    "Requirements:",
    "- 3+ years of relevant experience",
    "- Bachelor's degree or equivalent preferred",
    "Benefits",
    "- Medical, dental and vision coverage; 401(k) with match",
    "Salary: $48,000 - $65,000 per year",
    "We are an equal opportunity employer and value diversity.",
]


def _reword(text: str, rng: random.Random) -> str:
    words = text.split(" ", 1)
    if words[0] in SYNONYMS and rng.random() < 0.7:
        text = SYNONYMS[words[0]] + (" " + words[1] if len(words) > 1 else "")
    if rng.random() < 0.5:
        text = text[0].lower() + text[1:]
    return text.rstrip(".")


def pseudo_jds(kb: Any, seed: int = 7) -> tuple[list[tuple[str, str, list[str]]], set[int]]:
    """(code, job-ad text, held-out statements) per occupation, and the held-out task ids."""
    rng = random.Random(seed)
    by_code: dict[str, list[Any]] = {}
    for t in kb.all_tasks():
        by_code.setdefault(t.code, []).append(t)
    out, held = [], set()
    for code in sorted(by_code):
        tasks = sorted(by_code[code], key=lambda t: t.task_id)
        if len(tasks) < 8:
            continue
        picked = tasks[1::2]
        held.update(t.task_id for t in picked)
        chosen = rng.sample(picked, min(8, len(picked)))
        lines = [f"- {_reword(t.text, rng)}" for t in chosen]
        text = "\n".join(["Responsibilities:", *lines, *BOILERPLATE])
        out.append((code, text, [t.text for t in chosen]))
    return out, held


def _ranks(x: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    order = np.argsort(x, kind="stable")
    r = np.empty(len(x))
    r[order] = np.arange(len(x))
    return r


def spearman(a: list[float], b: list[float]) -> float:
    """Spearman rank correlation (no ties handling needed for continuous scores)."""
    return float(np.corrcoef(_ranks(np.asarray(a)), _ranks(np.asarray(b)))[0, 1])


def _scores_by(
    index: dm.DescriptionIndex,
    vecs: np.ndarray[Any, Any],
    texts: list[str],
    coverage: float,
    lexical: float,
) -> np.ndarray[Any, Any]:
    old = dm.COVERAGE_WEIGHT, dm.LEXICAL_WEIGHT
    dm.COVERAGE_WEIGHT, dm.LEXICAL_WEIGHT = coverage, lexical
    try:
        return index.scores(vecs, texts)
    finally:
        dm.COVERAGE_WEIGHT, dm.LEXICAL_WEIGHT = old


def matching(index: dm.DescriptionIndex, jds: list[Any], grid: bool) -> None:
    """Top-1/top-3 on even and odd occupations; earlier designs as baselines; calibration."""
    embed = load_embedder()
    pos = {c: i for i, c in enumerate(index.codes)}
    prepared = []
    leaks = 0
    for code, text, _ in jds:
        split = split_description(text)
        leaks += sum(1 for s in split.tasks if s.startswith(("About", "3+", "Bachelor", "Salary")))
        # As the matcher does: statements rewritten into O*NET form first.
        statements = [task_statement(t) for t in split.tasks]
        prepared.append((pos[code], embed.encode(statements), statements))
    print(f"pseudo job descriptions: {len(jds)}; boilerplate lines kept by the splitter: {leaks}")
    shipped = (dm.COVERAGE_WEIGHT, dm.LEXICAL_WEIGHT)
    settings = {
        f"shipped: lexical weight {dm.LEXICAL_WEIGHT}": shipped,
        "baseline: embedding centroid only": (0.0, 0.0),
        "baseline: coverage only": (1.0, 0.0),
        "lexical only": (0.0, 1.0),
    }
    if grid:
        for w in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
            settings.setdefault(f"lexical weight {w}", (0.0, w))
    for label, (cov, lex) in settings.items():
        ranks = []
        for true, vecs, texts in prepared:
            s = _scores_by(index, vecs, texts, cov, lex)
            ranks.append(int((s > s[true]).sum()))
        r = np.asarray(ranks)
        for name, part in (("even", r[0::2]), ("odd (held out)", r[1::2]), ("all", r)):
            print(
                f"  {label:36s} {name:15s} top-1 {np.mean(part == 0):.3f}  "
                f"top-3 {np.mean(part < 3):.3f}  (n={len(part)})"
            )
    temps = [0.01, 0.015, 0.02, 0.03, 0.05] if grid else [dm.TEMPERATURE]
    for temp in temps:
        for half, rows in (("even", prepared[0::2]), ("odd", prepared[1::2])):
            conf, hit = [], []
            for true, vecs, texts in rows:
                s = index.scores(vecs, texts)
                z = np.exp((s - s.max()) / temp)
                p = z / z.sum()
                conf.append(float(p.max()))
                hit.append(int(np.argmax(s)) == true)
            c, h = np.asarray(conf), np.asarray(hit)
            edges = np.linspace(0, 1, 11)
            which = np.clip(np.digitize(c, edges) - 1, 0, 9)
            ece = sum(
                abs(h[which == b].mean() - c[which == b].mean()) * (which == b).mean()
                for b in range(10)
                if (which == b).any()
            )
            bins = [(0.0, 0.3), (0.3, 0.6), (0.6, 1.01)]
            parts = [
                f"[{lo:.1f},{min(hi, 1):.1f}) n={m.sum()} acc={h[m].mean():.2f} "
                f"conf={c[m].mean():.2f}"
                for lo, hi in bins
                if (m := (c >= lo) & (c < hi)).sum()
            ]
            print(f"  calibration T={temp} ({half}): ECE {ece:.3f}; " + "; ".join(parts))


def agreement(engine: Any, jds: list[Any]) -> None:
    """Spearman of risk and β from the pasted statements vs the occupation's table values."""
    texts, owner = [], []
    for k, (_, text, _) in enumerate(jds):
        split = split_description(text)
        texts += split.tasks
        owner += [k] * len(split.tasks)
    scores = score_texts(texts)
    got_score, got_beta, ref_score, ref_beta = [], [], [], []
    own = np.asarray(owner)
    for k, (code, _, _) in enumerate(jds):
        base = engine.table.row(code)
        row = description_row(base, [scores[i] for i in np.flatnonzero(own == k)])
        got_score.append(row.score)
        got_beta.append(row.beta)
        ref_score.append(base.score)
        ref_beta.append(base.beta)
    diff = statistics.median(abs(a - b) for a, b in zip(got_score, ref_score, strict=True))
    rho_risk, rho_beta = spearman(got_score, ref_score), spearman(got_beta, ref_beta)
    print(
        f"Spearman vs the occupation's own values (n={len(jds)}): risk {rho_risk:.3f}, "
        f"exposure β {rho_beta:.3f}; median |risk difference| {diff:.2f}"
    )


def timing(engine: Any, jds: list[Any], n: int = 60) -> None:
    """Median time of a full report on a pasted text, and of a code's report (baseline)."""
    sample = jds[:: max(1, len(jds) // n)][:n]
    describe_report(engine, sample[0][1])  # warm: model, index, catalogues
    t_jd, t_code = [], []
    for code, text, _ in sample:
        t0 = time.perf_counter()
        describe_report(engine, text)
        t_jd.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        build_report(engine, code)
        t_code.append(time.perf_counter() - t0)
    print(
        f"time per description (median of {len(sample)}): {statistics.median(t_jd) * 1000:.1f} ms; "
        f"baseline build_report(code): {statistics.median(t_code) * 1000:.1f} ms"
    )


def handwritten(engine: Any) -> None:
    """The hand-written job descriptions: occupation found with and without their title line."""
    expected = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
    for name, exp in expected.items():
        text = (DATA / name).read_text(encoding="utf-8")
        split = split_description(text)
        body = "\n".join(text.splitlines()[1:]) if split.title else text
        for label, t in (("text + title", text), ("text only", body)):
            r = describe_report(engine, t)
            codes = [c.code for c in r.candidates]
            rank = next((i + 1 for i, c in enumerate(codes) if c in exp["expected"]), None)
            print(
                f"  {name:26s} {label:13s} -> {r.header.code} {r.header.title[:40]:40s} "
                f"conf {r.candidates[0].confidence:.2f}  expected at rank {rank}  "
                f"risk {r.risk.score:.1f}"
            )


def rewritten_statements(kb: Any) -> None:
    """(d) One rewritten statement → the occupation of its original, as typed vs rewritten."""
    with gzip.open(LABELS, "rt", encoding="utf-8", newline="") as fh:
        codes = [r["O*NET-SOC Code"] for r in csv.DictReader(fh, delimiter="\t")]
    with PARAPHRASES.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    originals = {" ".join(r["original"].split()) for r in rows}
    held = {t.task_id for t in kb.all_tasks() if " ".join(t.text.split()) in originals}
    index = dm.DescriptionIndex.build(kb, exclude_tasks=held)
    pos = {c: i for i, c in enumerate(index.codes)}
    embed = load_embedder()
    typed = [r["paraphrase"] for r in rows]
    truth = [pos.get(codes[int(r["row"])], -1) for r in rows]
    for label, texts in (("as typed (baseline)", typed), ("rewritten", map(task_statement, typed))):
        texts = list(texts)
        vecs = embed.encode(texts)
        ranks = []
        for true, v, text in zip(truth, vecs, texts, strict=True):
            if true < 0:
                continue
            s = index.scores(v[None, :], [text])
            ranks.append(int((s > s[true]).sum()))
        r = np.asarray(ranks)
        print(
            f"  {label:20s} top-1 {np.mean(r == 0):.3f}  top-5 {np.mean(r < 5):.3f}  "
            f"top-20 {np.mean(r < 20):.3f}  median rank {int(np.median(r)) + 1}  (n={len(r)})"
        )


def main() -> None:
    """Run every measurement and print it."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--grid", action="store_true", help="weight and temperature grid")
    args = parser.parse_args()
    engine = api._analyses_for(None).engine
    kb = engine.kb
    jds, held = pseudo_jds(kb)
    t0 = time.perf_counter()
    index = dm.DescriptionIndex.build(kb, exclude_tasks=held)
    print(f"index without held-out tasks built in {time.perf_counter() - t0:.1f} s")
    matching(index, jds, args.grid)
    agreement(engine, jds)
    timing(engine, jds)
    print("hand-written job descriptions:")
    handwritten(engine)
    print("single rewritten statements -> occupation of the original task:")
    rewritten_statements(kb)


if __name__ == "__main__":
    main()
