"""A citation in any form the search understands, resolved against the corpus, with useful suggestions."""

from __future__ import annotations

import difflib

from assistant.corpus.store import Corpus
from assistant.models import ArticleRef, CitationError
from assistant.search.citation_query import CitationRecognizer


def recognizer_for(corpus: Corpus) -> CitationRecognizer:
    """The search's own citation recogniser over the corpus's law ids and aliases (one rule, two front ends)."""
    return CitationRecognizer({law.id: list(law.info.aliases) for law in corpus.laws.values()})


def resolve_citation(corpus: Corpus, recognizer: CitationRecognizer, text: str) -> ArticleRef:
    """`dsl:27.2`, `数据安全法第三十六条`, `DSL Art. 36(2)` … as a ref to an existing provision; CitationError otherwise."""
    text = text.strip()
    try:
        ref = ArticleRef.parse(text)
    except CitationError as not_canonical:
        matches = recognizer.find(text)
        if len(matches) != 1 or matches[0].law is None or recognizer.remainder(text, matches):
            raise CitationError(
                f"not a citation: {text!r} (e.g. dsl:27.2, 数据安全法第二十七条, DSL Art. 27(2))",
                suggest_laws(corpus, text.split(":", 1)[0]) if ":" in text else (),
            ) from not_canonical
        match = matches[0]
        ref = ArticleRef(match.law, match.article, match.paragraph, match.item)  # type: ignore[arg-type]
    if ref.law not in corpus.laws:
        known = ", ".join(f"{law.id} ({law.info.citation_title_zh})" for law in corpus.laws.values())
        suggestions = tuple(f"{law}:{ref.id.split(':', 1)[1]}" for law in suggest_laws(corpus, ref.law))
        raise CitationError(f"unknown law {ref.law!r}; the corpus has {known}", suggestions)
    corpus.article(ref)  # CitationError with the nearest provisions when the number is out of range
    return ref


def suggest_laws(corpus: Corpus, name: str, limit: int = 3) -> tuple[str, ...]:
    """Law ids whose id or an alias is close to `name` (a typo such as `dls`, or `data security law`)."""
    names: dict[str, str] = {}
    for law in corpus.laws.values():
        for alias in (law.id, law.info.short_en, *law.info.aliases):
            names.setdefault(alias.lower(), law.id)
    close = difflib.get_close_matches(name.lower(), list(names), n=limit * 3, cutoff=0.6)
    found: list[str] = []
    for alias in close:
        if names[alias] not in found:
            found.append(names[alias])
    return tuple(found[:limit])
