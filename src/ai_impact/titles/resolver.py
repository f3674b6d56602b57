"""Job title → ranked O*NET occupations with calibrated confidence: :class:`Resolver`."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from ai_impact.errors import InputError
from ai_impact.settings import Settings, default_data_dir
from ai_impact.titles.abbreviations import Abbreviations, load_abbreviations
from ai_impact.titles.aliases import AliasTable, load_aliases
from ai_impact.titles.embed import ARTIFACTS, StaticEmbedder, load_embedder
from ai_impact.titles.index import (
    INDEX_FORMAT,
    VARIANT_FACTOR,
    OccupationRef,
    TitleIndex,
    build_index,
    index_fingerprint,
    terms,
)
from ai_impact.titles.normalize import Normalized, normalize_title, singular
from ai_impact.titles.rank import RankerParams, combine, load_params, score, signals
from ai_impact.titles.store import load_or_build

if TYPE_CHECKING:
    from ai_impact.db import KnowledgeBase

__all__ = ["MAX_TITLE_CHARS", "Candidate", "Resolution", "Resolver"]

MAX_TITLE_CHARS = 200
# An O*NET-SOC code as people type it: "15-2051.00", "15-2051", "SOC 15-2051", "O*NET
# 15-2051.00", "ONET-SOC: 15-2051", "15–2051" (any dash), "15 2051", "152051", "15-2051.0".
_DASH = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_CODE = re.compile(
    r"^\s*(?:(?:o\s*\*?\s*-?\s*net(?:[\s" + _DASH + r"]*soc)?|soc)(?:\s*code)?\s*[:#]?\s*)?"
    r"(\d{2})(?:\s*[" + _DASH + r"]\s*|\s+)?(\d{4})(?:\s*\.\s*(\d{1,2}))?\s*$",
    re.IGNORECASE,
)
_CHUNK = 1024
PROTOTYPES = 4  # k-means prototypes per occupation: as good as 8, 16 or all titles, 4x cheaper
_EXAMPLES = "a job title such as 'Registered Nurse' or an O*NET-SOC code such as 15-2051.00"
# With no exact key and no word any title uses, only a near-identical embedding counts: word
# pieces of gibberish ("asdfgh") land at cosine 0.5-0.7 of some title.
_NONSENSE_SEM = 0.9
# Score penalty per unit of alias-table weight below the table's first, and the least gap below
# every occupation the table weights higher: 0.95 vs 0.5 costs 1.8 (about 6 to 1 in
# confidence, other signals equal), 0.95 vs 0.9 costs 0.2.
ALIAS_STEP = 4.0
# How far the best occupation an alias names leads every occupation it does not name: a title
# of the curated table is that table's ("Cleaner" is Janitors and Cleaners before Cleaners of
# Vehicles and Equipment, which O*NET also calls "Cleaner").
ALIAS_LEAD = 1.0
# A title read with a word respelled (letters changed: "acocuntant" → "accountant") whose best
# candidate no title of the index names exactly (only the embedding and the title words point
# to it) is a guess on a guess: its confidences are scaled so that the best is at most this.
RESPELL_CAP = 0.45
# A title that is one generic word ("Associate", "Owner": see GENERIC_SHARE in index.py) is
# less likely right than the ranker, fitted on real titles, says: its confidences are scaled by
# the word's specificity, at least by this (a curated generic word has specificity 0).
GENERIC_FLOOR = 0.2
# British spellings O*NET writes the American way, tried on a word of English the index lacks
# ("organisation", "neighbourhood", "theatre", "jeweller", "anaesthetist", "catalogue").
_AMERICAN = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"isation", "ization"), (r"is(e|er|ed|ing)$", r"iz\1"), (r"ys(e|er|ed|ing)$", r"yz\1"),
        (r"our", "or"), (r"tre$", "ter"), (r"ogue$", "og"), (r"ae", "e"), (r"oe", "e"),
        (r"ence$", "ense"), (r"ll(er|or|ing|ed)$", r"l\1"), (r"mme$", "m"),
    )
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Candidate:
    """One occupation an input may mean; ``via`` says which signal found it."""

    code: str
    soc: str
    title: str
    confidence: float
    via: str  # 'code' | 'exact' | 'alias' | 'fuzzy' | 'semantic'


@dataclass(frozen=True, slots=True)
class Resolution:
    """The ranked candidates for one input, best first, and whether the user must choose."""

    input: str
    normalized: str
    candidates: tuple[Candidate, ...]
    needs_choice: bool
    alias_note: str | None
    message: str | None
    # Words the fuzzy step replaced, (as typed, as read): ("acocuntant", "accountant")
    respelled: tuple[tuple[str, str], ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The PRODUCT.md batch line: input and candidates (code, soc, title, confidence), and
        ``reads_as`` (the reading the candidates are for) when a word was respelled, so that a
        reader of the line sees the guess ("Acocuntant" reads as "accountant")."""
        body: dict[str, Any] = {
            "input": self.input,
            "candidates": [
                {"code": c.code, "soc": c.soc, "title": c.title, "confidence": c.confidence}
                for c in self.candidates
            ],
        }
        if self.respelled:
            body["reads_as"] = self.normalized
        return body


def _problem(text: str) -> str | None:
    stripped = text.strip()
    if not stripped:
        return f"The title is empty. Type {_EXAMPLES}."
    if len(stripped) > MAX_TITLE_CHARS:
        return (
            f"The title is {len(stripped)} characters long; a title has at most "
            f"{MAX_TITLE_CHARS}. Type just the job title, or analyse a whole job description "
            "with `ai-impact analyze --description-file FILE`."
        )
    if not any(c.isalnum() for c in stripped):
        return f"'{stripped}' has no letters or digits. Type {_EXAMPLES}."
    return None


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
        self._occ_of = {o.code: i for i, o in enumerate(index.occupations)}
        self._by_soc: dict[str, list[int]] = {}
        for i, o in enumerate(index.occupations):
            self._by_soc.setdefault(o.soc, []).append(i)
        self._alias_codes = [frozenset(c for c, _ in e.candidates) for e in aliases.entries]
        self._alias_occs = [
            (
                np.array([self._occ_of[c] for c, _ in e.candidates if c in self._occ_of]),
                np.array([w for c, w in e.candidates if c in self._occ_of], dtype=np.float32),
            )
            for e in aliases.entries
        ]
        self._norm_cache: dict[str, Normalized] = {}
        # Normalised O*NET occupation titles: typed in full they name that occupation, and the
        # alias table (which may blend it with others) does not apply.
        self._onet_titles = frozenset(
            normalize_title(o.title, abbr).primary for o in index.occupations
        )
        self._fix_cache: dict[str, str | None] = {}
        self._letter_fixes: set[str] = set()  # words fixed by changing letters (swap, ratio)
        self._american_fixes: set[str] = set()  # words read in American spelling

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
            occupations = [OccupationRef(o.code, o.soc, o.title) for o in kb.occupations()]
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
        problem = _problem(text)
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
            problem = _problem(text)
            match = _CODE.match(text)
            if problem:
                done[text] = Resolution(text, "", (), False, None, problem)
            elif match:
                soc = f"{match.group(1)}-{match.group(2)}"
                suffix = match.group(3)
                done[text] = self._by_code(text, soc, suffix and self._suffix(soc, suffix), top)
            else:
                pending.append(text)
        for start in range(0, len(pending), _CHUNK):
            chunk = pending[start : start + _CHUNK]
            for text, res in zip(chunk, self._rank(chunk, top), strict=True):
                done[text] = res
        return [done[t] for t in texts]

    def _suffix(self, soc: str, digits: str) -> str:
        """The ``.NN`` of a typed suffix: ".0" is ".00"; ".1" is ".10" when that exists, else
        ".01"."""
        if len(digits) == 2:
            return "." + digits
        right, left = f".{digits}0", f".0{digits}"
        return left if soc + right not in self._occ_of and soc + left in self._occ_of else right

    def _by_code(self, text: str, soc: str, suffix: str | None, top: int) -> Resolution:
        occs = [self._occ_of[soc + suffix]] if suffix and soc + suffix in self._occ_of else []
        if not suffix:
            occs = sorted(self._by_soc.get(soc, []), key=lambda i: self.index.occupations[i].code)
        if not occs:
            msg = (
                f"No occupation has the code '{text.strip()}'. Check it, or type a job title; "
                "`ai-impact occupations` lists every code."
            )
            return Resolution(text, text.strip(), (), False, None, msg)
        first = (
            1.0 if len(occs) == 1 or self.index.occupations[occs[0]].code.endswith(".00") else 0.0
        )
        cands = tuple(
            Candidate(o.code, o.soc, o.title, 1.0 if i == 0 and first else 1.0 / len(occs), "code")
            for i, o in enumerate(self.index.occupations[j] for j in occs[:top])
        )
        return Resolution(text, soc + (suffix or ""), cands, not first, None, None)

    def _normalize(self, text: str) -> Normalized:
        norm = self._norm_cache.get(text)
        if norm is None:
            norm = normalize_title(text, self.abbr)
            if len(self._norm_cache) < 200_000:
                self._norm_cache[text] = norm
        return norm

    def _spell(self, words: set[str]) -> None:
        """Fuzzy step: a word the index does not know is replaced by index words.

        A word of English (:meth:`StaticEmbedder.is_english_word`: "retired", "tired") is never
        respelled into another word: "Retired" read as "retread" was Tire Builders at 0.77. It
        may only be read in American spelling ("organisation" → "organization") or split into
        two index words of four and three letters or more that it is written as, letter for
        letter ("songwriter" → "song writer"; "tapestry" is no "tapes try").

        Any other word, in this order: two neighbouring letters swapped back ("acocuntant" →
        "accountant", "regsitered" → "registered"; edit ratio alone takes "cheif" to "chef"); a
        compound of two index words split ("lorrydriver" → "lorry driver", "bellperson" → "bell
        person"); else the nearest index word by edit ratio (≥ 84, words of five letters or
        more). Words with a digit are never respelled (see :meth:`_respell`).
        """
        unknown = sorted(
            w for w in words if w not in self._fix_cache and not any(c.isdigit() for c in w)
        )
        rest: list[str] = []
        for word in unknown:
            if self.embedder.is_english_word(word):
                american = self._american(word)
                fix = american or self._compound(word, english=True)
                self._fix_cache[word] = fix
                if american:
                    self._american_fixes.add(word)
                continue
            swapped = self._swapped(word)
            fix = swapped or self._compound(word)
            if fix:
                self._fix_cache[word] = fix
                if swapped:
                    self._letter_fixes.add(word)
            else:
                rest.append(word)
        if not rest:
            return
        choices = self.index.words
        matrix = process.cdist(
            rest, choices, scorer=fuzz.ratio, score_cutoff=84, dtype=np.uint8, workers=-1
        )
        best = matrix.argmax(axis=1)
        for row, word in enumerate(rest):
            good = len(word) >= 5 and matrix[row, best[row]] > 0
            self._fix_cache[word] = choices[int(best[row])] if good else None
            if good:
                self._letter_fixes.add(word)

    def _american(self, word: str) -> str | None:
        """The index word ``word`` is in American spelling ("organisation" → "organization",
        "neighbourhood" → "neighborhood", "theatre" → "theater"), if any: words of five letters
        or more ("four" is not "for")."""
        if len(word) < 5:
            return None
        for pattern, repl in _AMERICAN:
            american = pattern.sub(repl, word)
            if american != word and american in self._word_id:
                return american
        return None

    def _swapped(self, word: str) -> str | None:
        """The index word ``word`` is with two neighbouring letters swapped, if any."""
        if len(word) < 4:
            return None
        for i in range(len(word) - 1):
            if word[i] != word[i + 1]:
                swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
                if swapped in self._word_id:
                    return swapped
        return None

    def _compound(self, word: str, *, english: bool = False) -> str | None:
        """Two index words of three letters or more that ``word`` is written as, the most
        even split first ("storeperson" → "store person"). A word of English is split only
        into a first part of four letters or more, both parts as written ("songwriter" →
        "song writer", not "tapestry" → "tape try" through the plural "tapes")."""
        if len(word) < 6:
            return None
        splits = sorted(range(3, len(word) - 2), key=lambda i: -min(i, len(word) - i))
        for i in splits:
            head, tail = word[:i], word[i:]
            if english and len(head) < 4:
                continue
            head = head if english else singular(head)
            if head in self._word_id and tail in self._word_id:
                return f"{head} {tail}"
        return None

    def _respell(self, words: list[str]) -> list[str]:
        """``words`` with the fuzzy step's fixes; a word with a digit that the index does not
        know (an aircraft type "A320", a version "J2EE") is dropped when other words remain."""
        out: list[str] = []
        for word in words:
            if word in self._word_id:
                out.append(word)
            elif not any(c.isdigit() for c in word):
                out.append(self._fix_cache.get(word) or word)
        return out if out else words

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

    def _follow_table(
        self, total: npt.NDArray[np.float32], alias: int, rest: frozenset[str]
    ) -> None:
        """Order the occupations an alias-table title names by the table's weights.

        The ranker's other signals may disagree with the curated order (the word "manager"
        pulls "Customer Success Manager" to Sales Managers, the table ranks Sales
        Representatives of Services first; "Call Centre Agent" reads nearer Telemarketers
        than Customer Service Representatives): each named occupation loses ALIAS_STEP per
        unit of weight below the table's first, and scores at least that much below every
        occupation the table weights higher, so the table's order holds. The named ones are
        then lifted together so that the best of them keeps the best score they had and leads
        every occupation the table does not name by ALIAS_LEAD. Where the table gives equal
        weights the ranker decides.

        ``rest`` holds the input's words outside the table's title ("chemistry" in "Lab
        Technician - Chemistry"). A named occupation whose titles use one of them that the
        titles of the table's first choice do not is the field the input names: it keeps the
        step but not the cap, so the words can put it first (Chemical Technicians).
        """
        occs, weights = self._alias_occs[alias]
        if not occs.size:
            return
        adjusted = total[occs] + ALIAS_STEP * (weights - weights.max())
        named = self._named_by(rest, occs, weights)
        order = np.argsort(-weights, kind="stable")
        for n, i in enumerate(order[1:], start=1):
            caps = [
                adjusted[j] - ALIAS_STEP * (weights[j] - weights[i])
                for j in order[:n]
                if weights[j] > weights[i]
            ]
            if caps and not named[i]:
                adjusted[i] = min(adjusted[i], min(caps))
        top = float(total[occs].max())
        others = np.delete(total, occs)
        if others.size:
            # the table's first choice leads any occupation it does not name
            top = max(top, float(others.max()) + ALIAS_LEAD)
        total[occs] = adjusted + (top - float(adjusted.max()))

    def _named_by(
        self, rest: frozenset[str], occs: npt.NDArray[np.int64], weights: npt.NDArray[np.float32]
    ) -> npt.NDArray[np.bool_]:
        """Which of ``occs`` a word of ``rest`` names and the table's first choice does not."""
        named = np.zeros(occs.size, dtype=bool)
        first = occs[weights == weights.max()]
        ptr, occ = self.index.word_ptr, self.index.word_occ
        for word in rest:
            w = self._word_id.get(word)
            if w is not None:
                users = occ[ptr[w] : ptr[w + 1]]
                if not np.isin(first, users).any():
                    named |= np.isin(occs, users)
        return named

    def _rank(self, texts: list[str], top: int) -> list[Resolution]:
        norms = [self._normalize(t) for t in texts]
        oov = {w for n in norms for w in n.primary.split() if w not in self._word_id}
        self._spell(oov)
        fixed: list[Normalized] = []
        # the words the fuzzy step replaced, (as typed, as read), per input
        respelled: list[tuple[tuple[str, str], ...]] = []
        for norm in norms:
            words = norm.primary.split()
            repl = self._respell(words)
            if repl != words:
                primary = " ".join(repl)
                fixed.append(Normalized(primary, (primary, *norm.variants)))
                respelled.append(
                    tuple(
                        (w, fix)
                        for w in dict.fromkeys(words)
                        if w not in self._word_id and (fix := self._fix_cache.get(w))
                    )
                )
            else:
                fixed.append(norm)
                respelled.append(())
        key_sets: list[list[tuple[int, float]]] = []
        alias_keys: list[int] = []
        # the input's words outside the alias-table title it holds ("Lab Technician - Chemistry")
        rests: list[frozenset[str]] = []
        for norm in fixed:
            keys: list[tuple[int, float]] = []
            alias = -1
            rest: frozenset[str] = frozenset()
            for j, variant in enumerate(norm.variants):
                k = self._key_id.get(variant)
                if k is not None:
                    keys.append((k, 1.0 if j == 0 else VARIANT_FACTOR))
                    if alias < 0 and self.index.key_alias[k] >= 0:
                        alias = int(self.index.key_alias[k])
                        rest = frozenset(norm.primary.split()) - set(variant.split())
            key_sets.append(keys)
            alias_keys.append(-1 if norm.primary in self._onet_titles else alias)
            rests.append(rest)
        word_ids = [
            [self._word_id[w] for w in terms(n.primary) if w in self._word_id] for n in fixed
        ]
        # A title with no words left (only markup, decoration or another script) is not
        # embedded from its raw text: word pieces of "<script>" or of unknown letters would land
        # near some title and be reported with confidence. It gets the no-match message.
        vectors = self.embedder.encode([n.primary for n in fixed])
        parts = signals(self.index, vectors, key_sets, word_ids)
        total = combine(parts, self.params)
        for row, alias in enumerate(alias_keys):
            if alias >= 0:
                self._follow_table(total[row], alias, rests[row])
        best, _raw, conf = score(total, self.params, top)
        # Plain Python lists: indexing numpy scalars in this loop costs more than the maths.
        nonsense = (parts[2].max(axis=1) < _NONSENSE_SEM).tolist()
        hit = (np.take_along_axis(parts[0], best, axis=1) > 0).tolist()
        best_l = best.tolist()
        conf_l = np.round(conf.astype(np.float64), 4).tolist()
        occupations = self.index.occupations
        out: list[Resolution] = []
        for row, text in enumerate(texts):
            if not fixed[row].primary or (
                not key_sets[row] and not word_ids[row] and nonsense[row]
            ):
                msg = (
                    f"No occupation matches '{text.strip()}'. Try a broader title (for example "
                    "'nurse', 'software developer', 'truck driver'), or check the spelling."
                )
                out.append(Resolution(text, fixed[row].primary, (), False, None, msg))
                continue
            alias = alias_keys[row]
            spec = self._specificity(fixed[row].primary)
            if spec == 0.0 and alias < 0:
                # "Owner", "Student", "Retired": a status, not a job; any candidate would be
                # a neighbour of the word's embedding (Owner: Probation Officers).
                msg = (
                    f"'{text.strip()}' alone names no occupation. Type the work the person "
                    "does, such as 'Retail Store Manager' or 'Software Developer', or an "
                    "O*NET-SOC code such as 15-2051.00."
                )
                out.append(Resolution(text, fixed[row].primary, (), False, None, msg))
                continue
            alias_codes = self._alias_codes[alias] if alias >= 0 else frozenset()
            # American spellings are no guess ("organisation"), a respelling or a split is
            corrected = any(w not in self._american_fixes for w, _ in respelled[row])
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
            if any(w in self._letter_fixes for w, _ in respelled[row]):
                cands = _respell_cap(cands)
            if spec < 1.0:
                cands = _scaled(cands, max(spec, GENERIC_FLOOR))
            note = None
            if alias >= 0:
                entry = self.aliases.entries[alias]
                note = f"{entry.title}: {entry.note}"
            needs = cands[0].confidence < self.params.threshold
            out.append(
                Resolution(
                    text, fixed[row].primary, tuple(cands), needs, note, None, respelled[row]
                )
            )
        return out


_FROM_KB: dict[str, Resolver] = {}


def _scaled(cands: list[Candidate], factor: float) -> list[Candidate]:
    return [replace(c, confidence=round(c.confidence * factor, 4)) for c in cands]


def _respell_cap(cands: list[Candidate]) -> list[Candidate]:
    """Candidates of a reading with a respelled word, scaled so that the best is at most
    RESPELL_CAP, unless the best is an index title of the respelled reading ("Acocuntant" reads
    "accountant", an O*NET title: via ``fuzzy``) or the alias table's."""
    best = cands[0]
    if best.via in ("fuzzy", "alias") or best.confidence <= RESPELL_CAP:
        return cands
    return _scaled(cands, RESPELL_CAP / best.confidence)


def _tables(data_dir: Path, artifacts: Path) -> tuple[Abbreviations, AliasTable, StaticEmbedder]:
    abbr = load_abbreviations(data_dir / "catalog" / "title_abbreviations.toml")
    aliases = load_aliases(data_dir / "catalog" / "title_aliases.toml")
    return abbr, aliases, load_embedder(artifacts)
