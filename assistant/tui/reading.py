"""What the reader needs besides the article itself, computed once per session (never per keystroke)."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.corpus.store import Corpus
from assistant.models import Article, ArticleRef
from assistant.obligations.crossrefs import CrossReference, find_references
from assistant.obligations.penalties import PenaltyLinks, build_penalty_links


@dataclass
class ReadingData:
    """The corpus with its duty/penalty links, chapter membership and a cache of cross-references."""

    corpus: Corpus
    penalty_links: PenaltyLinks
    chapter_articles: dict[tuple[str, int], list[int]]
    _references: dict[str, list[CrossReference]] = field(default_factory=dict)

    @classmethod
    def build(cls, corpus: Corpus) -> ReadingData:
        """Read the whole corpus once: duty/penalty links and which articles each chapter holds."""
        chapters: dict[tuple[str, int], list[int]] = {}
        for article in corpus.all_articles():
            if article.chapter is not None:
                chapters.setdefault((article.law, article.chapter.number), []).append(article.number)
        return cls(corpus, build_penalty_links(corpus), chapters)

    def references(self, article: Article) -> list[CrossReference]:
        """The article's cross-references (本法第X条, 前款, 本章 …), resolved once and then cached."""
        cached = self._references.get(article.id)
        if cached is None:
            members = self.chapter_articles.get((article.law, article.chapter.number)) if article.chapter else None
            cached = find_references(article, members)
            self._references[article.id] = cached
        return cached

    def penalties_for(self, article_id: str) -> list[str]:
        """Penalty articles that enforce a duty article."""
        return self.penalty_links.penalties_for(article_id)

    def enforces(self, article_id: str) -> list[str]:
        """Duty provisions a penalty article enforces."""
        return self.penalty_links.enforces.get(article_id, [])

    def neighbour(self, article_id: str, step: int) -> str | None:
        """The id of the article `step` places away in the same instrument, or None past either end."""
        ref = ArticleRef.parse(article_id)
        count = len(self.corpus.law(ref.law).articles)
        number = ref.article + step
        return ArticleRef(ref.law, number).id if 1 <= number <= count else None
