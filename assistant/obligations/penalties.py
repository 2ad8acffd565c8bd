"""Article-level duty-to-penalty links by number, for the search index's query data only.

Everything a reader sees (ask, obligations, the reader, the checklist) reads the clause- and actor-level
links of the obligation store (`assistant.obligations.store`); this coarse view stays until search stops
needing it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.corpus.store import Corpus
from assistant.models import ArticleRef
from assistant.obligations.crossrefs import find_references
from assistant.obligations.liability import is_liability_article


@dataclass
class PenaltyLinks:
    """Both directions of the duty-penalty relation, by citation id."""

    enforces: dict[str, list[str]] = field(default_factory=dict)  # penalty article -> duty refs
    penalized_by: dict[str, list[str]] = field(default_factory=dict)  # duty article -> penalty articles

    def penalties_for(self, ref: str) -> list[str]:
        """Penalty articles for a duty, whether cited by article or by paragraph."""
        return self.penalized_by.get(ArticleRef.parse(ref).article_id, [])


def build_penalty_links(corpus: Corpus) -> PenaltyLinks:
    """Read every liability article's references to duty provisions of the same instrument."""
    links = PenaltyLinks()
    for article in corpus.all_articles():
        if not is_liability_article(article):
            continue
        duties: list[str] = []
        for reference in find_references(article):
            if reference.kind != "article":
                continue
            for target in reference.targets:
                target_ref = ArticleRef.parse(target)
                if not corpus.exists(target_ref) or target_ref.article == article.number:
                    continue
                if is_liability_article(corpus.article(target_ref)):
                    continue
                if target not in duties:
                    duties.append(target)
        if duties:
            links.enforces[article.id] = duties
            for duty in duties:
                penalties = links.penalized_by.setdefault(ArticleRef.parse(duty).article_id, [])
                if article.id not in penalties:
                    penalties.append(article.id)
    return links
