"""The score table: every BM25F weight a query can use, computed when the index is written (the artefact).

How queries use it is documented in `assistant/search/scoring.py`, the one scoring path. Each
(field, term) weight uses the BM25F formula over the index's own statistics (idf, encoded field
lengths, average lengths); every phrase a query can score (glossary terms, query-cue phrases) is
known at build time and precomputed as the sum of its terms' weights where it occurs. A table
that is missing or fails its checksums is a damaged artefact: the index is rebuilt.
"""

from __future__ import annotations

import json
import math
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.search.filters import FILTER_NAMES, FilterValues

if TYPE_CHECKING:
    import numpy as np

TABLE_VERSION = 2  # 2: the section filter column
META_FILE = "score_table.json"
ARRAYS_FILE = "score_table.npz"
FIELDS = ("text_zh", "text_en", "heading_zh", "heading_en", "topics_zh", "topics_en", "questions_zh", "questions_en")


class ScoreTableError(RuntimeError):
    """A score table that is missing, truncated or does not match its checksum."""


@dataclass(frozen=True)
class QueryPart:
    """One clause of a plain query: a term (one token) or a phrase (several), in one field, with a boost."""

    field: str
    tokens: tuple[str, ...]
    boost: float = 1.0

    @property
    def key(self) -> str:
        """The table key: field and tokens (tokens never contain spaces)."""
        return table_key(self.field, self.tokens)


def table_key(field: str, tokens: Sequence[str]) -> str:
    """How terms and phrases are keyed in the table."""
    return field + "\t" + " ".join(tokens)


def contains_run(sequence: list[str], run: Sequence[str]) -> bool:
    """True when `run` occurs in `sequence` at consecutive positions (Whoosh phrase semantics, slop 1)."""
    first, size, wanted = run[0], len(run), list(run)
    return any(token == first and sequence[start : start + size] == wanted for start, token in enumerate(sequence))


def build_score_table(
    searcher: Any, documents: Sequence[dict[str, Any]], phrases: dict[str, set[tuple[str, ...]]]
) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """Metadata and arrays for the documents as indexed (document i is Whoosh docnum i)."""
    import numpy as np
    from whoosh.scoring import BM25F

    model = searcher.weighting
    if not isinstance(model, BM25F):
        raise ScoreTableError(f"the table reproduces BM25F only, not {type(model).__name__}")
    schema = searcher.schema
    count = len(documents)
    keys: list[str] = []
    rows_parts: list[np.ndarray] = []
    weight_parts: list[np.ndarray] = []
    for field in FIELDS:
        b = model._field_B.get(field, model.B)
        k1 = model.K1
        avgfl = searcher.avg_field_length(field) or 1
        sequences = [list(schema[field].process_text(doc.get(field, ""), mode="index")) for doc in documents]
        lengths = np.array([searcher.doc_field_length(row, field, 1) for row in range(count)], dtype=np.float64)
        postings: dict[str, list[tuple[int, int]]] = {}
        for row, sequence in enumerate(sequences):
            for token, tf in Counter(sequence).items():
                postings.setdefault(token, []).append((row, tf))
        weights: dict[str, dict[int, float]] = {}
        for token, entries in postings.items():
            rows = np.array([row for row, _ in entries], dtype=np.int32)
            tfs = np.array([tf for _, tf in entries], dtype=np.float64)
            idf = math.log(count / (len(entries) + 1)) + 1  # Whoosh's idf: log(N / (df + 1)) + 1
            values = idf * (tfs * (k1 + 1)) / (tfs + k1 * ((1 - b) + b * lengths[rows] / avgfl))
            keys.append(table_key(field, (token,)))
            rows_parts.append(rows)
            weight_parts.append(values)
            weights[token] = dict(zip(rows.tolist(), values.tolist(), strict=True))
        for run in sorted(phrases.get(field, set())):
            if len(run) < 2 or any(token not in weights for token in run):
                continue
            candidates = set(weights[run[0]])
            for token in run[1:]:
                candidates &= weights[token].keys()
            # A phrase scores as Whoosh scores it: the sum of its terms' weights where the phrase occurs.
            matched = sorted(row for row in candidates if contains_run(sequences[row], run))
            keys.append(table_key(field, run))
            rows_parts.append(np.array(matched, dtype=np.int32))
            weight_parts.append(np.array([sum(weights[t][row] for t in run) for row in matched], dtype=np.float64))
    offsets = np.zeros(len(keys) + 1, dtype=np.int64)
    np.cumsum([len(part) for part in rows_parts], out=offsets[1:])
    arrays = {
        "rows": np.concatenate(rows_parts) if rows_parts else np.zeros(0, dtype=np.int32),
        "weights": np.concatenate(weight_parts) if weight_parts else np.zeros(0, dtype=np.float64),
        "offsets": offsets,
    }
    meta = {
        "version": TABLE_VERSION,
        "documents": count,
        "ids": [doc["id"] for doc in documents],
        **{name: [doc.get(name, "") for doc in documents] for name in FILTER_NAMES},
        "keys": keys,
    }
    return meta, arrays


def write_score_table(folder: Path, meta: dict[str, Any], arrays: dict[str, np.ndarray]) -> dict[str, int]:
    """Write the table into an index folder (itself built aside, so plain writes are safe); returns file sizes."""
    import numpy as np

    meta = {**meta, "checksums": {name: zlib.crc32(array.tobytes()) for name, array in arrays.items()}}
    (folder / META_FILE).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    with open(folder / ARRAYS_FILE, "wb") as handle:
        np.savez(handle, rows=arrays["rows"], weights=arrays["weights"], offsets=arrays["offsets"])
    return {name: (folder / name).stat().st_size for name in (META_FILE, ARRAYS_FILE)}


def phrases_for(query_data: dict[str, Any], schema: Any) -> dict[str, set[tuple[str, ...]]]:
    """Every phrase a plain query can contain, as token runs per field: glossary terms and query-cue phrases."""
    zh_texts: set[str] = set()
    en_texts: set[str] = set()
    for entry in query_data.get("glossary", []):
        zh_texts.add(entry["zh"])
        en_texts.add(entry["en"])
    for cue in query_data.get("cues", []):
        zh_texts.update(cue.get("zh", {}), cue.get("heading_zh", {}))
        en_texts.update(cue.get("en", {}), cue.get("heading_en", {}))
    texts = {field: zh_texts if field.endswith("_zh") else en_texts for field in FIELDS}
    return {
        field: {tuple(schema[field].process_text(text, mode="query")) for text in field_texts}
        for field, field_texts in texts.items()
    }


class ScoreTable:
    """The loaded table: score a list of query parts over every document at once."""

    def __init__(self, meta: dict[str, Any], arrays: dict[str, np.ndarray]) -> None:
        import numpy as np

        self._np = np
        self.size: int = meta["documents"]
        self.ids: list[str] = meta["ids"]
        self.row_of = {doc_id: row for row, doc_id in enumerate(self.ids)}
        self._columns = {name: np.array(meta[name]) for name in FILTER_NAMES}
        self._position = {key: i for i, key in enumerate(meta["keys"])}
        self._rows = arrays["rows"]
        self._weights = arrays["weights"]
        self._offsets = arrays["offsets"]
        self.mask = lru_cache(maxsize=64)(self._mask)

    def document_frequency(self, field: str, token: str) -> int:
        """How many documents contain the term."""
        return self.phrase_frequency(field, (token,))

    def phrase_frequency(self, field: str, tokens: Sequence[str]) -> int:
        """How many documents contain the phrase (one token: the term), as listed in the table."""
        position = self._position.get(table_key(field, tokens))
        return 0 if position is None else int(self._offsets[position + 1] - self._offsets[position])

    def scores(self, parts: Iterable[QueryPart]) -> np.ndarray:
        """The summed, boosted BM25F score of every document (0 where nothing matched).

        A part the table lacks matches nothing: single terms are all listed, and a phrase is listed
        wherever it occurs (it is absent only when one of its terms occurs nowhere)."""
        np = self._np
        rows, weights = [], []
        for part in parts:
            position = self._position.get(part.key)
            if position is None:
                continue
            start, end = self._offsets[position], self._offsets[position + 1]
            rows.append(self._rows[start:end])
            weights.append(self._weights[start:end] * part.boost)
        if not rows:
            return np.zeros(self.size, dtype=np.float64)
        # One pass over every posting: bincount adds each document's weights in the parts' order, the same sums
        # as adding part after part (in double precision), without a gather and a scatter of the table per part.
        return np.bincount(np.concatenate(rows), np.concatenate(weights), minlength=self.size)

    def contains(self, part: QueryPart, rows: np.ndarray) -> np.ndarray:
        """For each of `rows`, whether the part (term or phrase) occurs in that document's field.

        A posting lists its rows in ascending order (documents are read in order; phrase rows are sorted), so
        a binary search per row is enough: the cost grows with the rows asked about, not with the corpus."""
        np = self._np
        position = self._position.get(part.key)
        if position is None or not len(rows):
            return np.zeros(len(rows), dtype=bool)
        posting = self._rows[self._offsets[position] : self._offsets[position + 1]]
        if not len(posting):
            return np.zeros(len(rows), dtype=bool)
        found = np.minimum(np.searchsorted(posting, rows), len(posting) - 1)
        return np.asarray(posting[found] == rows)

    def rank(
        self,
        parts: Iterable[QueryPart],
        filters: FilterValues,
        boosted_laws: Sequence[str],
        boost: float,
        limit: int,
        allowed: Iterable[int] | None = None,
    ) -> list[tuple[float, int]]:
        """The best (score, row) pairs for the parts, within the (law, chapter, status, section) filters and, when
        given, the `allowed` rows (what a phrase or query syntax requires); named laws boosted."""
        return self.top(self.final_scores(parts, filters, boosted_laws, boost, allowed), limit)

    def final_scores(
        self,
        parts: Iterable[QueryPart],
        filters: FilterValues,
        boosted_laws: Sequence[str],
        boost: float,
        allowed: Iterable[int] | None = None,
    ) -> np.ndarray:
        """Every document's score as `rank` orders them: 0 outside the filters and the `allowed` rows."""
        scores = self.scores(parts)
        mask = self.mask(*filters)
        if mask is not None:
            scores *= mask
        if allowed is not None:
            keep = self._np.zeros(self.size, dtype=bool)
            keep[list(allowed)] = True
            scores *= keep
        if boosted_laws:
            scores[self._np.isin(self._columns["law"], list(boosted_laws))] *= boost
        return scores

    def _mask(
        self, law: str | None, chapter: str | None, status: str | None, section: str | None = None
    ) -> np.ndarray | None:
        mask = None
        for name, value in zip(FILTER_NAMES, (law, chapter, status, section), strict=True):
            if value:
                column = self._columns[name] == value
                mask = column if mask is None else mask & column
        return mask

    def top(self, scores: np.ndarray, limit: int) -> list[tuple[float, int]]:
        """The best `limit` (score, row) pairs with a positive score: higher first, ties by lower row (as Whoosh)."""
        np = self._np
        candidates = np.flatnonzero(scores > 0)
        if len(candidates) > limit:
            cutoff = np.partition(scores[candidates], len(candidates) - limit)[len(candidates) - limit]
            candidates = candidates[scores[candidates] >= cutoff]
        order = np.lexsort((candidates, -scores[candidates]))[:limit]
        return [(float(scores[row]), int(row)) for row in candidates[order]]


def load_score_table(folder: Path) -> ScoreTable:
    """Load and check a table; ScoreTableError when it is missing, unreadable or fails its checksums."""
    import numpy as np

    try:
        meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
        with np.load(folder / ARRAYS_FILE, allow_pickle=False) as archive:
            arrays = {name: archive[name] for name in ("rows", "weights", "offsets")}
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as error:
        raise ScoreTableError(f"score table unreadable: {error}") from error
    if meta.get("version") != TABLE_VERSION:
        raise ScoreTableError("score table has another version")
    for name, array in arrays.items():
        if zlib.crc32(array.tobytes()) != meta.get("checksums", {}).get(name):
            raise ScoreTableError(f"score table {name} fails its checksum")
    if len(arrays["offsets"]) != len(meta["keys"]) + 1 or len(meta["ids"]) != meta["documents"]:
        raise ScoreTableError("score table is inconsistent")
    return ScoreTable(meta, arrays)
