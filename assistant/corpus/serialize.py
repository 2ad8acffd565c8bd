"""Articles as plain JSON-ready dicts: the `dla corpus export` and `dla show --json` contract."""

from __future__ import annotations

from typing import Any

from assistant.corpus.store import Corpus
from assistant.corpus.validity import law_metadata
from assistant.models import Article, ArticleRef


def article_to_dict(corpus: Corpus, article: Article) -> dict[str, Any]:
    """One article with law, chapter, section, paragraphs in both languages and text status."""
    law = corpus.law(article.law)
    return {
        "id": article.id,
        "law": article.law,
        "article": article.number,
        "citation_zh": corpus.cite_zh(article.ref),
        "citation_en": corpus.cite_en(article.ref),
        "law_title_zh": law.info.title_zh,
        "law_title_en": law.info.title_en,
        "law_info": law_metadata(law.info),
        "chapter": article.chapter.label_zh if article.chapter else None,
        "chapter_en": article.chapter.title_en if article.chapter else None,
        "section": article.section.label_zh if article.section else None,
        "section_en": article.section.title_en if article.section else None,
        "paragraphs_zh": [p.full_zh for p in article.paragraphs],
        "paragraphs_en": [p.full_en for p in article.paragraphs] if article.has_english else [],
        "structure": [
            {
                "paragraph": p.number,
                "zh": p.zh,
                "en": p.en,
                "items": [{"item": i.number, "zh": i.zh, "en": i.en} for i in p.items],
            }
            for p in article.paragraphs
        ],
        "text_status": article.text_status,
        "status_note": article.status_note,
        "status_note_zh": article.status_note_zh,
        "english": "unofficial translation" if article.has_english else None,
    }


def ref_to_dict(corpus: Corpus, ref: ArticleRef) -> dict[str, Any]:
    """What a citation names: the article dict, narrowed to a paragraph or item where the ref is."""
    article = corpus.article(ref)
    data = article_to_dict(corpus, article)
    if ref.paragraph is not None:
        data.update(
            id=ref.id,
            paragraph=ref.paragraph,
            item=ref.item,
            citation_zh=corpus.cite_zh(ref),
            citation_en=corpus.cite_en(ref),
            text_zh=corpus.text_of(ref, "zh"),
            text_en=corpus.text_of(ref, "en"),
        )
    return data
