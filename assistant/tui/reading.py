"""What the reader needs besides the article itself, computed once per session (never per keystroke)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assistant.corpus.store import Corpus
from assistant.models import Article, ArticleRef

if TYPE_CHECKING:
    from assistant.obligations.crossrefs import CrossReference
    from assistant.service import AssistantService


@dataclass
class ReadingData:
    """The corpus, chapter membership, a cache of cross-references, and the service that holds the penalty links."""

    corpus: Corpus
    service: AssistantService | None
    chapter_articles: dict[tuple[str, int], list[int]]
    _references: dict[str, list[CrossReference]] = field(default_factory=dict)

    @classmethod
    def build(cls, corpus: Corpus, service: AssistantService | None = None) -> ReadingData:
        """Read which articles each chapter holds; penalty links come from the service's store (built once)."""
        chapters: dict[tuple[str, int], list[int]] = {}
        for article in corpus.all_articles():
            if article.chapter is not None:
                chapters.setdefault((article.law, article.chapter.number), []).append(article.number)
        return cls(corpus, service, chapters)

    def references(self, article: Article) -> list[CrossReference]:
        """The article's cross-references (本法第X条, 前款, 本章 …), resolved once and then cached."""
        cached = self._references.get(article.id)
        if cached is None:
            from assistant.obligations.crossrefs import find_references  # when the first article is read, not at start

            members = self.chapter_articles.get((article.law, article.chapter.number)) if article.chapter else None
            cached = find_references(article, members)
            self._references[article.id] = cached
        return cached

    def penalties_for(self, article_id: str) -> list[str]:
        """Liability articles that punish a duty of the article (from the service's link store, once it is built)."""
        if self.service is None or not self.service.links_ready():
            return []  # never build the index on the UI thread; links appear once the build is done
        return list(
            dict.fromkeys(ArticleRef.parse(link.penalty).article_id for link in self.service.penalties_for(article_id))
        )

    def enforces(self, article_id: str) -> list[str]:
        """Duty provisions a liability article punishes, as it cites them (articles for scope links), from the service."""
        if self.service is None or not self.service.links_ready():
            return []
        links = self.service.enforced_by(article_id)
        return list(dict.fromkeys(link.cited or ArticleRef.parse(link.duty).article_id for link in links))

    def neighbour(self, article_id: str, step: int) -> str | None:
        """The id of the article `step` places away in the same instrument, or None past either end."""
        ref = ArticleRef.parse(article_id)
        count = len(self.corpus.law(ref.law).articles)
        number = ref.article + step
        return ArticleRef(ref.law, number).id if 1 <= number <= count else None
