"""Duty-to-penalty links: each liability article linked to the duties it enforces, both ways."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.corpus.store import Corpus
from assistant.models import Article, ArticleRef
from assistant.obligations.crossrefs import find_references

LIABILITY_HEADING = "法律责任"
# In an instrument without chapters, a liability article names a breach and a sanction.
_BREACH = re.compile(r"违反(?:本法|本规定|本条例|本办法)")
_SANCTION = re.compile(r"罚款|处罚|予以处理|追究|警告|责令")


def is_liability_article(article: Article) -> bool:
    """True for articles in a 法律责任 chapter, or (no chapters) articles that punish a breach of this instrument."""
    if article.chapter is not None:
        return LIABILITY_HEADING in article.chapter.title_zh
    return bool(_BREACH.search(article.text_zh) and _SANCTION.search(article.text_zh))


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
