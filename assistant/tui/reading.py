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
    """The corpus, the service that reads it (cross-references, penalty links), and a cache of references."""

    corpus: Corpus
    service: AssistantService
    _references: dict[str, list[CrossReference]] = field(default_factory=dict)

    def references(self, article: Article) -> list[CrossReference]:
        """The article's cross-references (本法第X条, 前款, 本章 …), resolved by the core once and then cached."""
        cached = self._references.get(article.id)
        if cached is None:
            cached = self._references[article.id] = self.service.references(article.id)
        return cached

    def penalties_for(self, article_id: str) -> list[str]:
        """Liability articles that punish a duty of the article (from the service's link store, once it is built)."""
        if not self.service.links_ready():
            return []  # never build the index on the UI thread; links appear once the build is done
        return list(
            dict.fromkeys(ArticleRef.parse(link.penalty).article_id for link in self.service.penalties_for(article_id))
        )

    def enforces(self, article_id: str) -> list[str]:
        """Duty provisions a liability article punishes, as it cites them (articles for scope links), from the service."""
        if not self.service.links_ready():
            return []
        links = self.service.enforced_by(article_id)
        return list(dict.fromkeys(link.cited or ArticleRef.parse(link.duty).article_id for link in links))

    def neighbour(self, article_id: str, step: int) -> str | None:
        """The id of the article `step` places away in the same instrument, or None past either end."""
        ref = ArticleRef.parse(article_id)
        count = len(self.corpus.law(ref.law).articles)
        number = ref.article + step
        return ArticleRef(ref.law, number).id if 1 <= number <= count else None
