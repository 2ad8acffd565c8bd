"""Whoosh, the index of record, as the engine uses it: stored fields, and the articles that contain a
phrase or match explicit query syntax. The only search module that builds Whoosh queries."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from whoosh import query as wq
from whoosh.qparser import MultifieldParser, OrGroup

from assistant.search.analysis import chinese_analyzer, english_stems
from assistant.search.filters import Filters
from assistant.search.query_terms import QueryTerms

PHRASE_FIELDS = {"zh": ("text_zh", "heading_zh", "topics_zh"), "en": ("text_en", "topics_en")}
_ZH = chinese_analyzer()


def _clause(field: str, tokens: list[str]) -> wq.Query:
    return wq.Term(field, tokens[0]) if len(tokens) == 1 else wq.Phrase(field, tokens)


def phrase_query(phrase: QueryTerms, literal: str) -> wq.Query:
    """A quoted phrase as Whoosh sees it: the words in a row in either language, or a term they expand to."""
    clauses: list[wq.Query] = []
    texts = {"zh": {literal, *phrase.zh_phrases}, "en": {literal, *phrase.en_phrases}}
    for lang, fields in PHRASE_FIELDS.items():
        for text in texts[lang]:
            tokens = [t.text for t in _ZH(text)] if lang == "zh" else english_stems(text)
            if lang == "zh" and not any("\u3400" <= ch <= "\u9fff" for ch in text):
                continue  # Latin words are matched by the English fields
            clauses += [_clause(field, tokens) for field in fields if tokens]
    return wq.Or(clauses) if clauses else wq.NullQuery


class IndexReader:
    """One Whoosh searcher for the engine's life, opened on first use, shared by threads under a lock."""

    def __init__(self, whoosh_index: Any) -> None:
        self.index = whoosh_index
        self._searcher: Any = None
        self._lock = threading.Lock()

    @contextmanager
    def session(self) -> Iterator[IndexReader]:
        """Hold the searcher for one search (its file positions must not be shared by two threads at once)."""
        with self._lock:
            if self._searcher is None:
                # Opening reads the stored-field offsets, which grows with the corpus: do it once.
                self._searcher = self.index.searcher()
            yield self

    def close(self) -> None:
        """Release the index files (a later search opens them again)."""
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None

    def stored(self, docnum: int) -> dict[str, Any]:
        """The stored fields of a document."""
        return dict(self._searcher.stored_fields(docnum))

    def docnum(self, article_id: str) -> int | None:
        """The document number of an article id."""
        number = self._searcher.document_number(id=article_id)
        return None if number is None else int(number)

    def matching(self, query: wq.Query, filters: Filters) -> set[int]:
        """The documents a Whoosh query matches within the filters."""
        found = self._searcher.search(query, filter=filters.whoosh_query(), limit=None, scored=False)
        return {hit.docnum for hit in found}

    def syntax_query(self, text: str) -> wq.Query | None:
        """Explicit query syntax parsed by Whoosh; None when it does not parse into something usable."""
        parser = MultifieldParser(["text_zh", "text_en"], schema=self.index.schema, group=OrGroup)
        try:
            parsed = parser.parse(text)
        except Exception:
            return None
        if parsed is wq.NullQuery or any("Error" in type(q).__name__ for q in [parsed, *parsed.leaves()]):
            return None
        return parsed
