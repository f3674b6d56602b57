"""Benchmark of the task-exposure model: grouped-CV accuracy, speed, load time, size.

    .venv-train/bin/python benchmarks/task_model.py            # CV (trains) + runtime part
    .venv/bin/python benchmarks/task_model.py --runtime-only   # shipped artefact only
    .venv-train/bin/python benchmarks/task_model.py --tradeoffs-only  # decision rules (OOF)
    .venv-train/bin/python benchmarks/task_model.py --transfer-only --transfer-work DIR
        # out-of-family experiments (scripts/task_model_transfer.py wrote DIR)
    .venv-train/bin/python benchmarks/task_model.py --styles-only   # tasks as people write them
    .venv-train/bin/python benchmarks/task_model.py --evidence-only  # vs observed AI usage (AEI)
    .venv/bin/python benchmarks/task_model.py --verbs-only [--artifact DIR [DIR ...]]
        # job-ad verbs on intangible vs physical objects (benchmarks/data/task_verbs_check.tsv)
    .venv-train/bin/python benchmarks/task_model.py --tails-only   # job-ad filler tails

The CV part re-uses the out-of-fold predictions that ``scripts/train_task_model.py --cv occ``
and ``--cv major`` saved in ``--work`` (and runs them when missing), so the table describes
exactly the pipeline that produced the shipped artefact. The hashed TF-IDF member alone is the
baseline, measured in the same run. Timings are medians of fresh processes.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTIFACT = ROOT / "src" / "ai_impact" / "scoring" / "artifacts" / "task_model"
LABELS = ROOT / "data" / "labels" / "gpts-are-gpts" / "full_labelset.tsv.gz"

# Runs in a fresh interpreter: wall time from interpreter start to the last probability.
_FULL = """
import time, sys, json
t0 = time.perf_counter()
sys.path.insert(0, {src!r})
texts = [l.rstrip("\\n") for l in open({tmp!r}, encoding="utf-8")]
t1 = time.perf_counter()
from ai_impact.scoring.model import load_model
from ai_impact.scoring.phrasing import task_statement
from ai_impact.scoring.score import predict_free_text
m = load_model()
task_statement("warm-up")  # reads the verb list: part of loading
t2 = time.perf_counter()
p = predict_free_text(texts)  # the free-text path of score_texts
t3 = time.perf_counter()
print(json.dumps({{"read": t1 - t0, "load": t2 - t1, "predict": t3 - t2, "total": t3 - t0,
                  "torch": "torch" in sys.modules}}))
"""
_BASELINE = """
import time, sys, json
t0 = time.perf_counter()
sys.path.insert(0, {src!r})
texts = [l.rstrip("\\n") for l in open({tmp!r}, encoding="utf-8")]
import numpy as np
from ai_impact.scoring.features import hashed_occurrences, linear_scores
z = np.load({art!r} + "/arrays.npz")
idf, coef, bias = z["idf"], z["coef"], z["bias"]
t2 = time.perf_counter()
s = linear_scores(hashed_occurrences(texts, 19), idf, coef, bias)
t3 = time.perf_counter()
print(json.dumps({{"load": t2 - t0, "predict": t3 - t2, "total": t3 - t0}}))
"""


def read_labels() -> tuple[list[str], list[str], list[str], list[int]]:
    """Task texts, human labels, GPT-4 labels and GPT-4 automation levels (csv only)."""
    with gzip.open(LABELS, "rt", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return (
        [r["Task"] for r in rows],
        [r["human_exposure_agg"] for r in rows],
        [r["gpt4_exposure"] for r in rows],
        [int(r["gpt4_automation"][1]) for r in rows],
    )


def _fresh(code: str) -> dict[str, float]:
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    wall = time.perf_counter() - t0  # interpreter start-up and exit included
    return {**json.loads(out.stdout.strip().splitlines()[-1]), "wall": wall}


def runtime(repeats: int = 3) -> dict[str, float]:
    """Speed, load time, size and in-sample agreement of the shipped artefact."""
    texts, human, gpt4, auto = read_labels()
    tmp = Path("/tmp/ai-impact-bench-tasks.txt")
    tmp.write_text("\n".join(" ".join(t.split()) for t in texts) + "\n", encoding="utf-8")
    fmt = {"src": str(ROOT / "src"), "tmp": str(tmp), "art": str(ARTIFACT)}
    full = [_fresh(_FULL.format(**fmt)) for _ in range(repeats)]
    base = [_fresh(_BASELINE.format(**fmt)) for _ in range(repeats)]
    med = {k: statistics.median(r[k] for r in full) for k in ("load", "predict", "total", "wall")}
    base_total = statistics.median(r["wall"] for r in base)
    sys.path.insert(0, str(ROOT / "src"))
    import numpy as np

    from ai_impact.scoring.model import load_model

    p = load_model().predict(texts)
    classes = np.array(["E0", "E1", "E2"])
    pred = classes[p.exposure.argmax(1)]
    expected = p.automation @ np.arange(5)
    size = sum(f.stat().st_size for f in ARTIFACT.iterdir())
    return {
        "n_tasks": len(texts),
        "tasks_per_s_incl_startup": len(texts) / med["wall"],
        "predict_tasks_per_s": len(texts) / med["predict"],
        "load_s": med["load"],
        "wall_s": med["wall"],
        "baseline_tfidf_tasks_per_s_incl_startup": len(texts) / base_total,
        "artifact_mb": size / 1e6,
        "imports_torch": any(r["torch"] for r in full),
        "in_sample_acc_human": float((pred == np.array(human)).mean()),
        "in_sample_acc_gpt4": float((pred == np.array(gpt4)).mean()),
        "in_sample_auto_mae": float(np.abs(expected - np.array(auto)).mean()),
    }


def cv_tables(work: Path) -> dict[str, dict[str, float]]:
    """Grouped-CV metrics of every member and of the mix (training venv only)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import numpy as np

    from task_model_data import automation_metrics, exposure_metrics, load_labels

    labels = load_labels()
    out: dict[str, dict[str, float]] = {}
    for group in ("occ", "major"):
        path = work / f"oof_{group}.npz"
        if not path.exists():
            script = ROOT / "scripts" / "train_task_model.py"
            cmd = [sys.executable, str(script), "--cv", group, "--work", str(work)]
            subprocess.run(cmd, check=True)
        with np.load(path) as z:
            oof = {k: z[k] for k in z.files}
        for name in ("tfidf", "static", "knn", "mix"):
            p = oof[name] if name == "mix" else np.exp(oof[name])
            hm = exposure_metrics(p, labels.human, labels.codes, labels.human_beta)
            gm = exposure_metrics(p, labels.gpt4, labels.codes, labels.gpt4_beta)
            row = out.setdefault(f"{group}:{name}", {})
            row.update({f"human_{k}": v for k, v in hm.items()})
            row.update({f"gpt4_{k}": v for k, v in gm.items()})
        g4 = exposure_metrics(np.exp(oof["gpt4"]), labels.gpt4, labels.codes, labels.gpt4_beta)
        out[f"{group}:static gpt4 head"] = {f"gpt4_{k}": v for k, v in g4.items()}
        out[f"{group}:automation"] = automation_metrics(np.exp(oof["auto"]), labels.auto)
    gpt = np.eye(3)[labels.gpt4]
    out["GPT-4 labels"] = {
        f"human_{k}": v
        for k, v in exposure_metrics(gpt, labels.human, labels.codes, labels.human_beta).items()
    }
    return out


def tradeoff_tables(work: Path) -> dict[str, object]:
    """Nested-CV trade-off rows and exposed-rule agreement from the saved OOF predictions."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import numpy as np

    from task_model_data import load_labels
    from task_model_tradeoffs import exposed_rules, tradeoffs

    labels = load_labels()
    oof = {}
    for group in ("occ", "major"):
        with np.load(work / f"oof_{group}.npz") as z:
            oof[group] = {k: z[k] for k in z.files}
    rows = tradeoffs(labels, oof)
    print("| rule (nested CV) | occ exact | occ QWK | occ ρ | major exact | major QWK | major ρ |")
    print("|---|---|---|---|---|---|---|")
    for name, r in rows.items():
        cells = [r[s][k] for s in ("occ", "major") for k in ("acc", "qwk", "occ_rho")]
        print(f"| {name} | " + " | ".join(f"{c:.4f}" for c in cells) + " |")
    return {"tradeoffs": rows, "exposed_rules": exposed_rules(labels, oof)}


def transfer_table(work: Path, transfer_work: Path) -> dict[str, object]:
    """Nested-CV rows of the work-activity and soft-label experiments (saved OOF files)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from task_model_data import load_labels
    from task_model_transfer_table import transfer_rows

    rows = transfer_rows(load_labels(), work, transfer_work)
    keys = [f"{s}_{k}" for s in ("occ", "major") for k in ("acc", "qwk", "occ_rho")]
    print(
        "| variant (nested CV) | occ exact | occ QWK | occ ρ | major exact | major QWK | major ρ |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, r in rows.items():
        cells = ["–" if k not in r else f"{r[k]:.4f}" for k in keys]
        print(f"| {name} | " + " | ".join(cells) + " |")
    return {"transfer": rows}


def styles_table(work: Path) -> dict[str, object]:
    """The model on hand-written rewrites of labelled tasks (``task_model_styles``)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from task_model_data import load_labels
    from task_model_styles import style_table

    table = style_table(load_labels(), work)
    keys = ("exact", "qwk", "rho_human", "exposed_agree", "rho_original", "mean_abs_dbeta")
    print("| style | text | n | " + " | ".join(keys) + " |")
    print("|---|---|---|" + "---|" * len(keys))
    for style, variants in table.items():
        for name, m in variants.items():
            cells = " | ".join(f"{m[k]:.3f}" for k in keys)
            print(f"| {style} | {name} | {m['n']:.0f} | {cells} |")
    return {"styles": table}


def evidence_rows(work: Path) -> dict[str, object]:
    """Scores against observed AI usage, evidence the labels never saw (``task_model_evidence``)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from task_model_data import load_labels
    from task_model_evidence import evidence_table

    table = evidence_table(load_labels(), work)
    counts = table.pop("_counts")
    print(f"AEI: {counts['in_aei']:.0f} of {counts['rows']:.0f} label rows have usage")
    print("| score | AUC, task in the AEI | Spearman with the usage share, where present |")
    print("|---|---|---|")
    for name, m in table.items():
        print(f"| {name} | {m['auc']:.3f} | {m['rho_share']:.3f} |")
    return {"evidence": table, "evidence_counts": counts}


def tails_rows(work: Path) -> dict[str, object]:
    """Rewrites with a job-ad tail, filler kept vs dropped (``task_model_tails``)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from task_model_tails import tails_table

    table = tails_table(work)
    print("| tail | ρ vs human label | mean Δβ from the bare rewrite |")
    print("|---|---|---|")
    for name, m in table.items():
        print(f"| {name} | {m['rho']:.3f} | {m['shift']:+.3f} |")
    return {"tails": table}


def verbs_check(artifacts: list[Path]) -> dict[str, dict[str, float]]:
    """Each artefact on job-ad tasks that pair one verb with intangible and physical objects.

    The 56 texts of ``task_verbs_check.tsv`` ("Build ETL pipelines" / "Build brick walls",
    "Test APIs with Postman" / "Test brakes on customer vehicles") carry a curator's binary
    reading of the GPTs-are-GPTs rubric (exposed = E1 or E2). Scored through the runtime's
    free-text path (``task_statement``, then the model): AUC of β for exposed vs not, and the
    agreement of the exposed rule (P(E0) < 0.5) overall and on each side.
    """
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT / "scripts"))
    from ai_impact.scoring.model import load_model
    from ai_impact.scoring.score import predict_free_text
    from task_model_probe import check_figures, read_check

    texts, exposed = read_check()
    out: dict[str, dict[str, float]] = {}
    for folder in artifacts:
        meta = json.loads((folder / "model.json").read_text(encoding="utf-8"))
        p = predict_free_text(texts, load_model(folder)).exposure
        out[f"{meta['version']}, free-text path @ {folder}"] = check_figures(p, exposed)
    print("| artefact | AUC of β | exposed rule agrees | exposed found | unexposed kept |")
    print("|---|---|---|---|---|")
    for name, m in out.items():
        print(
            f"| {name} | {m['auc']:.3f} | {m['exposed_rule_agree']:.3f} "
            f"| {m['exposed_found']:.3f} | {m['unexposed_kept']:.3f} |"
        )
    return out


def main() -> None:
    """Command-line entry point: print JSON and a Markdown table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runtime-only", action="store_true")
    ap.add_argument("--work", type=Path, default=Path("/tmp/ai-impact-task-model"))
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--tradeoffs-only", action="store_true", help="only the OOF decision rules")
    ap.add_argument("--transfer-only", action="store_true", help="only the issue-4 experiments")
    ap.add_argument("--transfer-work", type=Path, default=Path("/tmp/ai-impact-task-model/ml3"))
    ap.add_argument("--styles-only", action="store_true", help="only the rewritten-task set")
    ap.add_argument("--styles-work", type=Path, default=Path("/tmp/ai-impact-styles"))
    ap.add_argument("--evidence-only", action="store_true", help="only the AEI usage check")
    ap.add_argument("--verbs-only", action="store_true", help="only the job-ad verbs check")
    ap.add_argument("--tails-only", action="store_true", help="only the job-ad filler tails")
    ap.add_argument(
        "--artifact", type=Path, nargs="+", default=[ARTIFACT], help="artefacts for --verbs-only"
    )
    args = ap.parse_args()
    if args.verbs_only:
        print(json.dumps(verbs_check(args.artifact), indent=2))
        return
    if args.tails_only:
        print(json.dumps(tails_rows(args.styles_work), indent=2))
        return
    if args.evidence_only:
        print(json.dumps(evidence_rows(args.work), indent=2))
        return
    if args.styles_only:
        print(json.dumps(styles_table(args.styles_work), indent=2))
        return
    if args.transfer_only:
        print(json.dumps(transfer_table(args.work, args.transfer_work), indent=2))
        return
    if args.tradeoffs_only:
        print(json.dumps(tradeoff_tables(args.work), indent=2))
        return
    result: dict[str, object] = {"runtime": runtime(args.repeats)}
    result["verbs"] = verbs_check([ARTIFACT])
    if not args.runtime_only:
        table = cv_tables(args.work)
        result["cv"] = table
        result.update(tradeoff_tables(args.work))
        result.update(evidence_rows(args.work))
        print("| model | human acc | macro-F1 | QWK | occ ρ | vs GPT-4 acc | GPT-4 ρ |")
        print("|---|---|---|---|---|---|---|")
        for name, m in table.items():
            cells = [
                m.get(k)
                for k in (
                    "human_acc",
                    "human_macro_f1",
                    "human_qwk",
                    "human_occ_rho",
                    "gpt4_acc",
                    "gpt4_occ_rho",
                )
            ]
            print(f"| {name} | " + " | ".join("–" if c is None else f"{c:.4f}" for c in cells))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
