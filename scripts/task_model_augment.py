"""Verb-swap augmentation of the training texts: an experiment, not shipped (issue 4).

The label set's opening verbs are lopsided: "Build" opens 24 labelled tasks, 83% of them E0
(forms, walls, scaffolds), while "Develop" opens 574, 89% exposed. The members learnt the verb
as a class prior, so "Build ETL pipelines" or "Build React components" — how job ads and CVs
describe software work — scored as unexposed hands-on work (β 0.02 and 0.05), and "Develop
cabinets" as exposed. People use these verbs interchangeably; what makes a task exposed is
what is worked on.

With ``--augment`` (``train_task_model.py``, ``task_model_styles.py``), for every training row
whose statement opens with a verb of one of :data:`GROUPS`, one copy is added with the opening
verb replaced by another verb of the same group (chosen by a fixed hash of the text, so runs
are reproducible), carrying the row's labels. The copies train the
TF-IDF and static members only; the neighbour vote keeps the original statements (its keys ship
in the artefact), and every evaluation scores original texts. A fold's copies come only from
that fold's training rows.

Measured (docs/model-card.md, "Making verbs"): retraining this way costs a little in every
CV figure and takes the occupation ρ below 0.93, so the shipped model keeps its members and
the runtime reads a making verb with each verb of the group instead
(``ai_impact.scoring.phrasing.verb_readings``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# Verbs O*NET statements use for the same act on different objects: only swaps a job ad makes
# without changing the duty. Measured and dropped (docs/model-card.md, "Making verbs"): a
# checking group (test, verify, check, validate) changed nothing; set-up (install, configure,
# set up, deploy) and mending (repair, fix, troubleshoot) groups taught the rare verbs the
# physical prior of the common one ("Configure firewall rules" β 0.29 → 0.10).
GROUPS: tuple[tuple[str, ...], ...] = (("build", "develop", "create", "construct", "produce"),)

_GROUP_OF = {verb: group for group in GROUPS for verb in group}


@dataclass(frozen=True)
class Augmented:
    """Extra training texts: ``source[i]`` is the label row that ``texts[i]`` copies."""

    source: list[int]
    texts: list[str]


def _opening(text: str) -> str | None:
    words = text.split()
    if len(words) >= 2 and f"{words[0]} {words[1]}".lower() in _GROUP_OF:
        return f"{words[0]} {words[1]}"
    if words and words[0].lower() in _GROUP_OF:
        return words[0]
    return None


def swap_verb(text: str) -> str | None:
    """The statement with its opening verb swapped within its group, or None."""
    verb = _opening(text)
    if verb is None:
        return None
    others = [v for v in _GROUP_OF[verb.lower()] if v != verb.lower()]
    pick = others[int(hashlib.sha1(text.encode()).hexdigest(), 16) % len(others)]
    new = pick[0].upper() + pick[1:] if verb[0].isupper() else pick
    return new + text[len(verb) :]


def augment(texts: list[str]) -> Augmented:
    """One verb-swapped copy of every text that opens with a grouped verb."""
    source, out = [], []
    for i, text in enumerate(texts):
        if (swapped := swap_verb(text)) is not None:
            source.append(i)
            out.append(swapped)
    return Augmented(source, out)


# ---------------------------------------------------------------- reading a verb as its group
# The runtime alternative to retraining: score a statement that opens with a grouped verb once
# with each verb of its group and average the probabilities. Measured by ``main`` below; not
# shipped (it costs accuracy on O*NET statements, where the verb carries the sense).


def readings(statement: str) -> list[str]:
    """``statement`` with its opening grouped verb replaced by each verb of the group (itself
    first), or ``[statement]``."""
    verb = _opening(statement)
    if verb is None:
        return [statement]
    rest = statement[len(verb) :]
    others = [v for v in _GROUP_OF[verb.lower()] if v != verb.lower()]
    return [statement] + [(v[0].upper() + v[1:] if verb[0].isupper() else v) + rest for v in others]


def _mean_readings(texts: list[str], predict: Callable[[list[str]], Any]) -> tuple[Any, Any]:
    """(probabilities of each text as it is, mean probabilities over its readings)."""
    import numpy as np

    groups = [readings(t) for t in texts]
    p = np.asarray(predict([r for g in groups for r in g]))
    ends = np.cumsum([len(g) for g in groups])
    one = np.array([p[e - len(g)] for g, e in zip(groups, ends, strict=True)])
    mean = np.array([p[e - len(g) : e].mean(axis=0) for g, e in zip(groups, ends, strict=True)])
    return one, mean


def main() -> None:
    """Print the reading-as-a-group experiment: label rows opening with a grouped verb (out of
    fold), the hand-written rewrites, and the job-ad verbs check (shipped artefact)."""
    import argparse
    import json
    import pickle
    import sys
    from pathlib import Path

    import numpy as np
    from scipy.special import log_softmax
    from scipy.stats import spearmanr
    from sklearn.metrics import cohen_kappa_score

    from task_model_data import BETA_RANK, BETA_WEIGHT, ROOT, folds, load_labels
    from task_model_members import MEMBERS, predict_members
    from task_model_probe import check_figures, read_check
    from task_model_static import load_distilled, token_ids
    from task_model_styles import read_paraphrases
    from train_task_model import distilled

    sys.path.insert(0, str(ROOT / "src"))
    from ai_impact.scoring.model import load_model
    from ai_impact.scoring.phrasing import task_statement

    ap = argparse.ArgumentParser(description=main.__doc__)
    ap.add_argument("--work", type=Path, required=True, help="task_model_styles.py --work DIR")
    args = ap.parse_args()
    labels = load_labels()
    tok, _ = load_distilled(distilled(args.work))
    meta = ROOT / "src" / "ai_impact" / "scoring" / "artifacts" / "task_model" / "model.json"
    weights = json.loads(meta.read_text(encoding="utf-8"))["weights"]
    para = read_paraphrases()
    para_rows = np.array([int(r["row"]) for r in para])
    sets: dict[str, tuple[list[int], list[Any], list[Any]]] = {}
    for k, (_, te) in enumerate(folds(labels.codes)):
        members = pickle.loads((args.work / f"members_fold{k}.pkl").read_bytes())

        def predict(texts: list[str], m: Any = members) -> Any:
            pred = predict_members(m, texts, token_ids(tok, texts))
            z = sum(w * pred[n] for w, n in zip(weights, MEMBERS, strict=True))
            return np.exp(log_softmax(z, axis=1))

        grouped = [int(i) for i in te if len(readings(labels.texts[i])) > 1]
        sel = np.flatnonzero(np.isin(para_rows, te))
        for name, rows, texts in (
            ("label rows opening with a grouped verb", grouped, [labels.texts[i] for i in grouped]),
            (
                "rewrites (task_statement)",
                [int(para_rows[j]) for j in sel],
                [task_statement(para[j]["paraphrase"]) for j in sel],
            ),
        ):
            one, mean = _mean_readings(texts, predict)
            got = sets.setdefault(name, ([], [], []))
            got[0].extend(rows)
            got[1].extend(one)
            got[2].extend(mean)
    out: dict[str, dict[str, float]] = {}
    for name, (rows, one, mean) in sets.items():
        y = labels.human[rows]
        for how, p in (("one reading", np.array(one)), ("mean of readings", np.array(mean))):
            pred = p.argmax(1)
            out[f"{name}: {how}"] = {
                "n": float(len(y)),
                "exact": float((pred == y).mean()),
                "qwk": float(cohen_kappa_score(BETA_RANK[y], BETA_RANK[pred], weights="quadratic")),
                "rho": float(spearmanr(p @ BETA_WEIGHT, BETA_WEIGHT[y]).statistic),
                "exposed_agree": float(((p[:, 0] < 0.5) == (y > 0)).mean()),
            }
    texts_v, exposed = read_check()
    model = load_model()
    one, mean = _mean_readings(
        [task_statement(t) for t in texts_v], lambda t: model.predict(t).exposure
    )
    for how, p in (("one reading", one), ("mean of readings", mean)):
        out[f"job-ad verbs check (shipped artefact): {how}"] = check_figures(p, exposed)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
