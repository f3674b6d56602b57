"""Pasted job descriptions: occupation found from text alone, risk agreement, speed.

    python benchmarks/description.py              # everything (about a minute)
    python benchmarks/description.py --grid       # also the coverage-weight / temperature grid
    .venv-train/bin/python benchmarks/description.py --capability-oof   # (f)'s input, see below

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
``ai_impact.reports.description_match.matcher_text`` (what the matcher does: O*NET form,
American spelling), in the same run.

(e) The splitter: every O*NET 30.3 task statement and every hand-written rewrite, pasted as a
duty line, must stay a task (without a heading and under "Responsibilities:"); the hand-labelled
lines of ``lines.tsv`` (requirements, skills, benefits, company lines and duties as job ads and
task lists write them) must be read as what they are with no heading to help; each hand-written
ad must give the number of statements ``expected.json`` records.

(f) The protecting capability of free text (``ai_impact.scoring.capability_text``) against the
work-activity vote of the 17,238 O*NET 29.3 task texts the capability head was trained on. The
head's probabilities are out of fold, grouped by occupation exactly as the trainer's
``capability_cv`` (``capability_oof.npz``, written by ``--capability-oof`` in the training venv);
the neighbours come from the other folds only, with the matcher's vectors. Reported: agreement
on even- and odd-numbered occupations (settings chosen on the even ones: the strictest
physical gate that keeps the even agreement at or above the head's), the share of physical
calls on desk occupations (SOC 11, 13, 15, 23, 41, 43) and the share of physical calls whose
task has a hands-on work activity.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

try:  # the runtime venv; the training venv (scikit-learn, no web stack) runs --capability-oof
    from ai_impact import api
    from ai_impact.reports import description_match as dm
    from ai_impact.reports.build import build_report
    from ai_impact.reports.description import describe_report, description_row
    from ai_impact.reports.description_lines import line_kind, role_summary
    from ai_impact.reports.jd_kinds import DUTY, SUMMARY
    from ai_impact.reports.jd_split import split_description
    from ai_impact.scoring import CAPABILITIES, score_texts
    from ai_impact.scoring.capability import PHYSICAL, capability_from_gwas, hands_on
    from ai_impact.scoring.capability_text import NEIGHBOURS, SHARPNESS, pooled_capabilities
    from ai_impact.titles.embed import load_embedder
except ModuleNotFoundError:
    if "--capability-oof" not in sys.argv:
        raise

DATA = Path(__file__).resolve().parent / "data" / "job_descriptions"
PARAPHRASES = DATA.parent / "task_paraphrases.tsv"
ROOT = DATA.parents[2]
LABELS = ROOT / "data" / "labels" / "gpts-are-gpts" / "full_labelset.tsv.gz"
CAP_OOF = DATA / "capability_oof.npz"
DWA_LINKS = ROOT / "data" / "onet" / "29.3" / "tasks_to_dwas.csv.gz"
DESK_MAJOR = ("11", "13", "15", "23", "41", "43")
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
        # As the matcher does: statements rewritten into O*NET form and US spelling first.
        statements = [dm.matcher_text(t) for t in split.tasks]
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
        print(
            f"  {name:26s} statements {len(split.tasks)} (expected {exp['statements']}), "
            f"{sum(a.kind != 'heading' for a in split.set_aside)} lines not scored"
        )
        # (a one-paragraph text names its job in prose: it has no title line to drop)
        lines = text.splitlines()
        body = "\n".join(lines[1:]) if split.title and len(lines) > 1 else text
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
    rewritten = map(dm.matcher_text, typed)
    for label, texts in (("as typed (baseline)", typed), ("rewritten", rewritten)):
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


def splitting(kb: Any) -> None:
    """(e) Duties kept, and non-duty lines recognised, by the splitter."""
    statements = sorted({t.text for t in kb.all_tasks()})
    with PARAPHRASES.open(encoding="utf-8", newline="") as fh:
        rewrites = [r["paraphrase"] for r in csv.DictReader(fh, delimiter="\t")]
    anchor = "- Prepare monthly reports for managers"
    for label, texts in (("O*NET statements", statements), ("hand-written rewrites", rewrites)):
        for heading in ("", "Responsibilities:\n"):
            lost = sum(
                len(split_description(f"{heading}{anchor}\n- {t}").tasks) != 2 for t in texts
            )
            where = "under a duties heading" if heading else "without a heading"
            print(f"  {label:22s} {where:24s} kept {len(texts) - lost} of {len(texts)}")
    with (DATA / "lines.tsv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))

    def prose_kind(text: str) -> str:
        """A line's kind as a prose line reads it: a duty-shaped summary of the role aside."""
        kind = line_kind(text)
        return SUMMARY if kind == DUTY and role_summary(text) else kind

    for want in ("not a duty", "duty"):
        part = [r for r in rows if (r["kind"] == DUTY) == (want == "duty")]
        right = sum((prose_kind(r["text"]) == DUTY) == (want == "duty") for r in part)
        print(f"  lines.tsv, {want:10s}: read right {right} of {len(part)}")
    exact = sum(prose_kind(r["text"]) == r["kind"] for r in rows)
    print(f"  lines.tsv, kind exactly right: {exact} of {len(rows)}")


def capability_oof() -> None:
    """Write (f)'s input: out-of-fold capability-head probabilities (training venv only)."""
    import scipy.sparse as sp
    from sklearn.linear_model import LogisticRegression

    sys.path[:0] = [str(ROOT / "scripts"), str(ROOT / "src")]
    from ai_impact.scoring.features import hashed_occurrences, occurrence_weights
    from ai_impact.scoring.model import load_model
    from task_model_data import folds, load_labels  # type: ignore[import-not-found]
    from train_task_model import CAP_BITS, capability_targets  # type: ignore[import-not-found]

    model = load_model()
    texts, y, codes = capability_targets(load_labels())
    emb, _ = model._static(texts)
    occ = hashed_occurrences(texts, int(model.meta["bits"]))
    vals = occurrence_weights(occ, model._a["idf"].astype(np.float32))
    words = occ.block == 0
    folded = sp.csr_matrix(
        (vals[words], (occ.rows[words], occ.buckets[words] & ((1 << CAP_BITS) - 1))),
        shape=(len(texts), 1 << CAP_BITS),
    )
    x = sp.hstack([sp.csr_matrix(emb), folded]).tocsr()
    oof = np.zeros((len(y), 5))
    fold = np.zeros(len(y), dtype=np.int8)
    for k, (tr, te) in enumerate(folds(codes)):
        lr = LogisticRegression(C=10.0, max_iter=3000).fit(x[tr], y[tr])  # as the trainer
        oof[np.ix_(te, lr.classes_)] = lr.predict_proba(x[te])
        fold[te] = k
    print(f"head out of fold: {np.mean(oof.argmax(1) == y):.4f} agreement (n={len(y)})")
    # The texts are not stored: (f) rebuilds them from the links file and checks this digest.
    digest = hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()
    np.savez_compressed(
        CAP_OOF, digest=np.asarray([digest]), codes=codes, fold=fold, oof=oof.astype(np.float16)
    )


def capability() -> None:
    """(f) The capability of free text against the work-activity vote, held out."""
    if not CAP_OOF.exists():
        print("  (no capability_oof.npz: run --capability-oof in the training venv)")
        return
    z = np.load(CAP_OOF)
    codes, fold, head = z["codes"].astype(str), z["fold"], z["oof"].astype(np.float64)
    gwas: dict[str, list[str]] = {}  # one vote per linked activity, as the trainer counts
    with gzip.open(DWA_LINKS, "rt", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            gwas.setdefault(r["Task"], []).append(r["DWA ID"][:13])  # IWA ids
    # The trainer's capability_targets: texts in sorted order, those whose activities vote.
    texts = [t for t in sorted(gwas) if capability_from_gwas(gwas[t]) is not None]
    if hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest() != str(z["digest"][0]):
        print("  (capability_oof.npz was made from other texts: run --capability-oof again)")
        return
    y = np.asarray([CAPABILITIES.index(str(capability_from_gwas(gwas[t]))) for t in texts])
    hands = np.asarray([hands_on(gwas[t]) for t in texts], dtype=float)
    occ = np.unique(codes, return_inverse=True)[1]
    even = occ % 2 == 0
    desk = np.asarray([c[:2] in DESK_MAJOR for c in codes])
    vecs = load_embedder().encode(texts)
    n, k = len(y), len(CAPABILITIES)
    votes, share = np.zeros((n, k)), np.zeros(n)
    onehot = np.eye(k)[y]
    for s in range(0, n, 2000):
        rows = np.arange(s, min(s + 2000, n))
        sims = vecs[rows] @ vecs.T
        sims[fold[rows][:, None] == fold[None, :]] = -np.inf  # neighbours of other folds only
        best = np.argpartition(-sims, NEIGHBOURS - 1, axis=1)[:, :NEIGHBOURS]
        w = np.exp(SHARPNESS * (np.take_along_axis(sims, best, axis=1) - 1.0))
        votes[rows] = np.einsum("rk,rkc->rc", w, onehot[best]) / w.sum(1, keepdims=True)
        share[rows] = (w * hands[best]).sum(1) / w.sum(1)
    phys = CAPABILITIES.index(PHYSICAL)
    ways = {
        "head alone (the artefact's capability head)": head.argmax(1),
        "head + physical-wording rule": pooled_capabilities(texts, head),
        "head + neighbours, no rule": pooled_capabilities(texts, head, votes, np.ones(n)),
        "shipped: head + neighbours + rule": pooled_capabilities(texts, head, votes, share),
    }
    for label, got in ways.items():
        pred = np.asarray([CAPABILITIES.index(c) if isinstance(c, str) else c for c in got])
        ok, p = pred == y, pred == phys
        print(
            f"  {label:35s} agreement even {ok[even].mean():.3f} odd {ok[~even].mean():.3f} "
            f"all {ok.mean():.3f} | physical on desk occupations {p[desk].mean():.3f}, "
            f"physical backed by hands-on activities {hands[p].mean():.3f}"
        )


def main() -> None:
    """Run every measurement and print it."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--grid", action="store_true", help="weight and temperature grid")
    parser.add_argument(
        "--capability-oof", action="store_true", help="write (f)'s input (training venv)"
    )
    args = parser.parse_args()
    if args.capability_oof:
        capability_oof()
        return
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
    print("splitter: duties kept, other lines recognised:")
    splitting(kb)
    print("protecting capability of free text vs the work-activity vote (held out):")
    capability()


if __name__ == "__main__":
    main()
