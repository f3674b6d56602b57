"""Cache a built :class:`~ai_impact.titles.index.TitleIndex` in ``settings.cache_dir`` so that
start-up loads arrays (~0.1 s) instead of normalising every title again (seconds)."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

from ai_impact.titles.index import OccupationRef, TitleIndex

__all__ = ["load_or_build"]

_ARRAYS = (
    "key_ptr", "key_occ", "key_weight", "key_alias", "key_spec", "proto", "proto_start",
    "word_ptr", "word_occ", "word_delta", "nb_base", "prior",
)  # fmt: skip


def _save(index: TitleIndex, folder: Path) -> None:
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".titles-", dir=folder.parent))
    try:
        for name in _ARRAYS:
            np.save(tmp / f"{name}.npy", getattr(index, name))
        meta = {
            "occupations": [[o.code, o.soc, o.title, o.employment] for o in index.occupations],
            "keys": list(index.keys),
            "words": list(index.words),
            "fingerprint": index.fingerprint,
        }
        (tmp / "index.json").write_text(json.dumps(meta), encoding="utf-8")
        os.replace(tmp, folder)  # atomic: a crash never leaves a half-written index
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)


def _load(folder: Path) -> TitleIndex:
    meta = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    arrays = {name: np.load(folder / f"{name}.npy") for name in _ARRAYS}
    return TitleIndex(
        occupations=tuple(OccupationRef(*o) for o in meta["occupations"]),
        keys=tuple(meta["keys"]),
        words=tuple(meta["words"]),
        fingerprint=str(meta["fingerprint"]),
        **arrays,
    )


def load_or_build(
    fingerprint: str, cache_dir: Path | None, build: Callable[[], TitleIndex]
) -> TitleIndex:
    """The index cached under ``fingerprint``, building (and caching) it when absent."""
    folder = cache_dir / "titles" / fingerprint if cache_dir else None
    if folder is not None and (folder / "index.json").exists():
        try:
            return _load(folder)
        except (OSError, ValueError, KeyError, TypeError):
            shutil.rmtree(folder, ignore_errors=True)  # corrupt cache: rebuild below
    index = build()
    if folder is not None:
        _save(index, folder)
    return index
