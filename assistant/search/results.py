"""What a search returns: ranked hits and what the query was understood as (frozen; no Whoosh here)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SearchHit:
    """One ranked article, with a highlighted snippet."""

    id: str
    law: str
    article: int
    score: float
    snippet: str
    highlights: tuple[tuple[int, int], ...]
    snippet_lang: str
    citation_zh: str
    citation_en: str
    text_status: str
    chapter: str
    matched: str
    ref: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The `dla search --json` hit contract."""
        return {
            "id": self.id,
            "law": self.law,
            "article": self.article,
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "highlights": [list(span) for span in self.highlights],
            "snippet_lang": self.snippet_lang,
            "citation_zh": self.citation_zh,
            "citation_en": self.citation_en,
            "text_status": self.text_status,
            "chapter": self.chapter,
            "matched": self.matched,
            "ref": self.ref,
        }


@dataclass(frozen=True)
class SearchResults:
    """Hits for a query, what the query was understood as, and any notes for the user."""

    query: str
    hits: tuple[SearchHit, ...] = ()
    citations: tuple[str, ...] = ()
    expanded: tuple[str, ...] = ()
    messages: tuple[str, ...] = ()
    total: int = 0  # every article the query matches (cited or scored above zero), however many hits are shown

    def to_dict(self) -> dict[str, Any]:
        """The `dla search --json` result contract."""
        return {
            "query": self.query,
            "total": max(self.total, len(self.hits)),
            "hits": [hit.to_dict() for hit in self.hits],
            "citations": list(self.citations),
            "expanded": list(self.expanded),
            "messages": list(self.messages),
        }
