"""Job title → ranked O*NET occupations with calibrated confidence: :class:`Resolver`.

The pieces: what an answer is (:mod:`.resolution`), a typed code (:mod:`.codes`), the fuzzy
step (:mod:`.respell`), the alias table's order (:mod:`.alias_order`), the signals and the
calibrated ranker (:mod:`.rank`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ai_impact.errors import InputError
from ai_impact.settings import Settings, default_data_dir
from ai_impact.titles.abbreviations import Abbreviations, load_abbreviations
from ai_impact.titles.alias_order import follow_table, named_by
from ai_impact.titles.aliases import AliasTable, load_aliases
from ai_impact.titles.codes import CodeTable, digit_run, not_a_code, read_code
from ai_impact.titles.embed import ARTIFACTS, StaticEmbedder, load_embedder
from ai_impact.titles.employment import break_tie, log_employment, occupation_refs, tie_of
from ai_impact.titles.index import (
    INDEX_FORMAT,
    VARIANT_FACTOR,
    OccupationRef,
    TitleIndex,
    build_index,
    index_fingerprint,
    terms,
)
from ai_impact.titles.language import evidence, reads_foreign
from ai_impact.titles.normalize import Normalized, normalize_title, singular
from ai_impact.titles.owner import as_runner, runs_work
from ai_impact.titles.rank import RankerParams, combine, load_params, score, signals
from ai_impact.titles.resolution import (
    MAX_TITLE_CHARS,
    Candidate,
    Resolution,
    far_fetched,
    input_problem,
    no_match,
    not_a_job,
    not_english,
    scaled,
    with_parts,
)
from ai_impact.titles.respell import RESPELL_CAP as RESPELL_CAP  # read from here by the tests
from ai_impact.titles.respell import Speller, respell_cap
from ai_impact.titles.store import load_or_build

if TYPE_CHECKING:
    from ai_impact.db import KnowledgeBase

__all__ = ["MAX_TITLE_CHARS", "Candidate", "Resolution", "Resolver"]

_CHUNK = 1024
PROTOTYPES = 4  # k-means prototypes per occupation: as good as 8, 16 or all titles, 4x cheaper
# With no exact key and no word any title uses, only a near-identical embedding counts: word
# pieces of gibberish ("asdfgh") land at cosine 0.5-0.7 of some title.
_NONSENSE_SEM = 0.9
# A title that is one generic word ("Associate", "Owner": see GENERIC_SHARE in index.py) is
# less likely right than the ranker, fitted on real titles, says: its confidences are scaled by
# the word's specificity, at least by this (a curated generic word has specificity 0).
GENERIC_FLOOR = 0.2
# Digits alone that are no code, this many or more, are answered as such without ranking
# ("1520511"); fewer may be a title's shorthand ("911": Public Safety Telecommunicators) and
# get that answer only when no title fits ("2024").
CODE_LIKE_DIGITS = 5


@dataclass(frozen=True, slots=True)
class _Reading:
    """One input as the ranker reads it: after the fuzzy step, its exact keys, its index
    words, and the alias-table title it holds (-1 for none) with the words outside it."""

    norm: Normalized
    respelled: tuple[tuple[str, str], ...]
    keys: list[tuple[int, float]]
    alias: int
    rest: frozenset[str]
    word_ids: list[int]
    owner: bool = False  # read "X owner" as "X manager" (:func:`.owner.as_runner`)


class Resolver:
    """Resolve job titles against an index of O*NET titles and the alias table."""

    def __init__(
        self,
        index: TitleIndex,
        abbr: Abbreviations,
        aliases: AliasTable,
        embedder: StaticEmbedder,
        params: RankerParams,
    ) -> None:
        self.index = index
        self.abbr = abbr
        self.aliases = aliases
        self.embedder = embedder
        self.params = params
        self._key_id = index.key_id()
        self._word_id = index.word_id()
        self._codes = CodeTable(index.occupations)
        occ_of = self._codes.occ_of
        self._alias_codes = [frozenset(c for c, _ in e.candidates) for e in aliases.entries]
        self._alias_occs = [
            (
                np.array([occ_of[c] for c, _ in e.candidates if c in occ_of], dtype=np.int64),
                np.array([w for c, w in e.candidates if c in occ_of], dtype=np.float32),
            )
            for e in aliases.entries
        ]
        self._norm_cache: dict[str, Normalized] = {}
        # Normalised O*NET occupation titles: typed in full they name that occupation, and the
        # alias table (which may blend it with others) does not apply.
        self._onet_titles = frozenset(
            normalize_title(o.title, abbr).primary for o in index.occupations
        )
        self._speller = Speller(index.words, self._word_id, embedder)
        self._log_emp = log_employment(index)
        # managers and first-line supervisors: who runs a business an owner owns
        self._runs_work = runs_work(index.occupations)
        self._owner_key = self._key_id.get(abbr.owner_fallback, -1)

    # -- construction ---------------------------------------------------------------------
    @classmethod
    def from_entries(
        cls,
        occupations: Sequence[OccupationRef],
        entries: Sequence[tuple[str, str, str]],
        *,
        data_dir: Path,
        cache_dir: Path | None = None,
        params: RankerParams | None = None,
        artifacts: Path = ARTIFACTS,
        prototypes: int = PROTOTYPES,
    ) -> Resolver:
        """Build from ``(title, code, kind)`` entries (the benchmark passes a held-out list)."""
        abbr, aliases, embedder = _tables(data_dir, artifacts)
        fp = index_fingerprint(occupations, entries, aliases, abbr, embedder, prototypes)
        index = load_or_build(
            fp,
            cache_dir,
            lambda: build_index(occupations, entries, aliases, abbr, embedder, prototypes),
        )
        return cls(index, abbr, aliases, embedder, params or load_params(artifacts / "ranker.json"))

    @classmethod
    def from_kb(cls, kb: KnowledgeBase, settings: Settings | None = None) -> Resolver:
        """The resolver over every title in the knowledge base, cached beside the KB file.

        The index is keyed by the KB file (path, size, modification time) and the versions of
        the tables and the model, so a warm start reads arrays and never touches the titles.
        """
        path = Path(kb.path)
        cached = _FROM_KB.get(str(path))
        if cached is not None:
            return cached
        data_dir = settings.data_dir if settings else default_data_dir()
        if not (Path(data_dir) / "catalog" / "title_aliases.toml").exists():
            data_dir = default_data_dir()  # a fixture data folder without the catalog
        cache_dir = settings.cache_dir if settings else path.parent
        abbr, aliases, embedder = _tables(Path(data_dir), ARTIFACTS)
        stat = path.stat()
        key = "|".join(
            map(str, (path.resolve(), stat.st_size, stat.st_mtime_ns, INDEX_FORMAT, PROTOTYPES,
                      embedder.version, abbr.digest, aliases.digest))
        )  # fmt: skip
        fp = "kb-" + hashlib.sha256(key.encode()).hexdigest()[:20]

        def build() -> TitleIndex:
            occupations = occupation_refs(kb)
            entries = [(t.title, t.code, t.kind) for t in kb.titles() if t.kind != "onet"]
            return build_index(occupations, entries, aliases, abbr, embedder, PROTOTYPES)

        index = load_or_build(fp, cache_dir, build)
        resolver = cls(index, abbr, aliases, embedder, load_params(ARTIFACTS / "ranker.json"))
        _FROM_KB[str(path)] = resolver
        return resolver

    # -- resolving ------------------------------------------------------------------------
    def known_words(self, text: str) -> list[str]:
        """The words of ``text``, normalised as a title is, that some indexed title holds
        ("Registered Nurses" → ["registered", "nurse"]; "Jane Doe" → [])."""
        return [w for w in terms(self._normalize(text).primary) if w in self._word_id]

    def resolve(self, text: str, top: int = 5) -> Resolution:
        """Resolve one title; raise :class:`InputError` for empty, blank or overlong input."""
        problem = input_problem(text)
        if problem:
            raise InputError(problem)
        return self.resolve_batch([text], top=top)[0]

    def resolve_batch(self, texts: Sequence[str], top: int = 5) -> list[Resolution]:
        """Resolve many titles at once; bad input yields no candidates and a message."""
        top = max(1, min(int(top), 50))
        unique = list(dict.fromkeys(texts))
        done: dict[str, Resolution] = {}
        pending: list[str] = []
        for text in unique:
            problem = input_problem(text)
            code = read_code(text)
            if problem:
                done[text] = Resolution(text, "", (), False, None, problem)
            elif code:
                done[text] = self._codes.resolve(text, *code, top)
            elif len(digit_run(text) or "") >= CODE_LIKE_DIGITS:
                done[text] = not_a_code(text)  # "1520511": no title, and no code either
            else:
                pending.append(text)
        for start in range(0, len(pending), _CHUNK):
            chunk = pending[start : start + _CHUNK]
            for text, res in zip(chunk, self._rank(chunk, top), strict=True):
                done[text] = res
        return [done[t] for t in texts]

    def _normalize(self, text: str) -> Normalized:
        norm = self._norm_cache.get(text)
        if norm is None:
            norm = normalize_title(text, self.abbr)
            if len(self._norm_cache) < 200_000:
                self._norm_cache[text] = norm
        return norm

    def _known_word(self, word: str) -> bool:
        """Whether ``word`` (lower case, ASCII) is one the resolver reads: a word of the
        index's titles (or its plural), of English, or of the abbreviation table."""
        return (
            word in self._word_id
            or singular(word) in self._word_id
            or self.embedder.is_english_word(word)
            or word in self.abbr.special
        )

    def _specificity(self, reading: str) -> float:
        """How far a reading that is one generic word can be trusted, 0..1: 0 for a word of
        the curated generic list ("owner", "student"), else the index's ``key_spec``
        ("associate" 0.2); 1 for any other reading."""
        if not reading or " " in reading:
            return 1.0
        if reading in self.abbr.generic:
            return 0.0
        k = self._key_id.get(reading)
        return 1.0 if k is None else float(self.index.key_spec[k])

    def _read(self, texts: list[str]) -> list[_Reading]:
        """Each input normalised, its unknown words respelled (:class:`Speller`), and its
        exact keys, index words and alias-table title looked up."""
        norms = [self._normalize(t) for t in texts]
        self._speller.spell({w for n in norms for w in n.primary.split() if w not in self._word_id})
        fixes = self._speller.fixes
        out: list[_Reading] = []
        for norm in norms:
            words = norm.primary.split()
            repl = self._speller.respell(words)
            respelled: tuple[tuple[str, str], ...] = ()
            if repl != words:
                primary = " ".join(repl)
                respelled = tuple(
                    (w, fix)
                    for w in dict.fromkeys(words)
                    if w not in self._word_id and (fix := fixes.get(w))
                )
                norm = Normalized(primary, (primary, *norm.variants))
            norm, owner = as_runner(norm, self.abbr, self._key_id)
            keys: list[tuple[int, float]] = []
            alias = -1
            # the input's words outside the alias-table title it holds ("Lab Technician -
            # Chemistry")
            rest: frozenset[str] = frozenset()
            for j, variant in enumerate(norm.variants):
                k = self._key_id.get(variant)
                if k is not None:
                    # an owner's second reading ("restaurant supervisor") is a step further
                    factor = VARIANT_FACTOR ** (2 if owner and j == 1 else 1)
                    keys.append((k, 1.0 if j == 0 else factor))
                    if alias < 0 and self.index.key_alias[k] >= 0:
                        alias = int(self.index.key_alias[k])
                        rest = frozenset(norm.primary.split()) - set(variant.split())
            if norm.primary in self._onet_titles:
                alias = -1
            if owner and self._owner_key >= 0:
                keys.append((self._owner_key, VARIANT_FACTOR))  # no alias: a floor, not a blend
            word_ids = [self._word_id[w] for w in terms(norm.primary) if w in self._word_id]
            out.append(_Reading(norm, respelled, keys, alias, rest, word_ids, owner))
        return out

    def _rank(self, texts: list[str], top: int, whole: bool = True) -> list[Resolution]:
        readings = self._read(texts)
        # A title with no words left (only markup, decoration or another script) is not
        # embedded from its raw text: word pieces of "<script>" or of unknown letters would land
        # near some title and be reported with confidence. It gets the no-match message.
        vectors = self.embedder.encode([r.norm.primary for r in readings])
        parts = signals(
            self.index, vectors, [r.keys for r in readings], [r.word_ids for r in readings]
        )
        total = combine(parts, self.params)
        for row, r in enumerate(readings):
            if r.alias >= 0:
                occs, weights = self._alias_occs[r.alias]
                named = named_by(self.index, self._word_id, r.rest, occs, weights)
                follow_table(total[row], occs, weights, named)
            elif r.keys and r.keys[0][1] == 1.0 and r.norm.primary not in self._onet_titles:
                # an O*NET title several occupations share: the one more people hold leads
                tie = tie_of(self.index, r.keys[0][0])
                if tie.size:
                    break_tie(total[row], tie, self._log_emp)
            if r.owner:
                total[row] += self._runs_work
        best, _raw, conf = score(total, self.params, top)
        # Plain Python lists: indexing numpy scalars in this loop costs more than the maths.
        nearness = parts[2].max(axis=1)
        nonsense, near_l = (nearness < _NONSENSE_SEM).tolist(), nearness.tolist()
        hit = (np.take_along_axis(parts[0], best, axis=1) > 0).tolist()
        best_l = best.tolist()
        conf_l = np.round(conf.astype(np.float64), 4).tolist()
        occupations = self.index.occupations
        out: list[Resolution] = []
        for row, (text, r) in enumerate(zip(texts, readings, strict=True)):
            primary = r.norm.primary
            whole = bool(r.keys) and r.keys[0][1] == 1.0  # the index holds the reading whole
            known, function = self._known_word, self.abbr.foreign
            if not whole and reads_foreign(text, known, function, self.abbr.roles):
                out.append(not_english(text, primary))  # "Ingeniero de software"
                continue
            if not primary or (not r.keys and not r.word_ids and nonsense[row]):
                words = evidence(text, known, function)
                unknown = not words.known and words.unknown > 0  # "Enfermera"
                no = no_match(text, primary, no_english=unknown)
                out.append(not_a_code(text) if digit_run(text) else no)
                continue
            spec = self._specificity(primary)
            if spec == 0.0 and r.alias < 0:
                out.append(not_a_job(text, primary))
                continue
            alias_codes = self._alias_codes[r.alias] if r.alias >= 0 else frozenset()
            # American spellings are no guess ("organisation"), a respelling or a split is
            corrected = any(w not in self._speller.american_fixes for w, _ in r.respelled)
            cands = []
            for occ, c, is_hit in zip(best_l[row], conf_l[row], hit[row], strict=True):
                ref = occupations[occ]
                if ref.code in alias_codes:
                    via = "alias"
                elif is_hit:
                    via = "fuzzy" if corrected else "exact"
                else:
                    via = "semantic"
                cands.append(Candidate(ref.code, ref.soc, ref.title, c, via))
            if any(w in self._speller.letter_fixes for w, _ in r.respelled):
                weak = any(w in self._speller.weak_fixes for w, _ in r.respelled)
                cands = respell_cap(cands, weak=weak)
            if spec < 1.0:
                cands = scaled(cands, max(spec, GENERIC_FLOOR))
            if not r.keys and far_fetched(cands[0].confidence, near_l[row]):
                out.append(no_match(text, primary))  # "purple elephant": no title is near it
                continue
            note = None
            if r.alias >= 0:
                entry = self.aliases.entries[r.alias]
                note = f"{entry.title}: {entry.note}"
            needs = cands[0].confidence < self.params.threshold
            out.append(Resolution(text, primary, tuple(cands), needs, note, None, r.respelled))
        return self._with_parts(readings, out, top) if whole else out

    def _with_parts(
        self, readings: list[_Reading], out: list[Resolution], top: int
    ) -> list[Resolution]:
        """Each title with other parts that name a role ("Firefighter/EMT") gets their best
        occupations too, each at the confidence of its own reading (:func:`with_parts`)."""
        rows = [i for i, r in enumerate(readings) if r.norm.parts and out[i].candidates]
        if not rows:
            return out
        parts = list(dict.fromkeys(p for i in rows for p in readings[i].norm.parts))
        done = dict(zip(parts, self._rank(parts, top, whole=False), strict=True))
        for i in rows:
            part_res = [done[p] for p in readings[i].norm.parts]
            res = with_parts(out[i], part_res, VARIANT_FACTOR, self.params.threshold, top)
            out[i] = replace(res, needs_choice=res.candidates[0].confidence < self.params.threshold)
        return out


_FROM_KB: dict[str, Resolver] = {}


def _tables(data_dir: Path, artifacts: Path) -> tuple[Abbreviations, AliasTable, StaticEmbedder]:
    abbr = load_abbreviations(data_dir / "catalog" / "title_abbreviations.toml")
    aliases = load_aliases(data_dir / "catalog" / "title_aliases.toml")
    return abbr, aliases, load_embedder(artifacts)
