"""Snippets and hits: the window of an article that best matches the query, with highlight spans from the analyzers."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from assistant.models import ArticleRef
from assistant.search.analysis import CJK_RUN, chinese_analyzer, cjk_bigrams, english_analyzer, english_stems
from assistant.search.query_terms import QueryTerms
from assistant.search.results import SearchHit

ZH_WINDOW = 90
EN_WINDOW = 220
LEAD_IN = 0.2  # share of the window shown before the first match


@dataclass(frozen=True)
class Snippet:
    """A one-line excerpt and the [start, end) spans to highlight in it."""

    text: str
    highlights: tuple[tuple[int, int], ...]
    lang: str


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


_ANALYZERS = {"zh": chinese_analyzer(), "en": english_analyzer()}


@lru_cache(maxsize=4096)
def _tokens(text: str, lang: str) -> tuple[tuple[str, int, int], ...]:
    """(token, start, end) of a text; cached because the same articles come back query after query."""
    return tuple((t.text, t.startchar, t.endchar) for t in _ANALYZERS[lang](text, chars=True))


def match_spans(text: str, terms: QueryTerms, lang: str) -> list[tuple[int, int]]:
    """Character spans of the text whose analyzer tokens match the query's tokens (offsets from the tokenizer)."""
    if lang == "zh":
        needles = {bigram for chunk in terms.zh_chunks for bigram, _ in cjk_bigrams(chunk)}
        needles |= {token for phrase in terms.zh_phrases for token, _, _ in _tokens(phrase, "zh")}
    else:
        needles = set(terms.en_stems) | {stem for phrase in terms.en_phrases for stem in english_stems(phrase)}
    if not needles:
        return []
    return _merge([(start, end) for token, start, end in _tokens(text, lang) if token in needles])


def _window(text: str, spans: list[tuple[int, int]], size: int) -> Snippet:
    flat = text.replace("\n", " ")
    if len(flat) <= size:
        start, end = 0, len(flat)
    else:
        best_start, best_count = 0, -1
        for span_start, _ in spans or [(0, 0)]:
            candidate = max(0, min(span_start - int(size * LEAD_IN), len(flat) - size))
            count = sum(1 for s, e in spans if s >= candidate and e <= candidate + size)
            if count > best_count:
                best_start, best_count = candidate, count
        start, end = best_start, best_start + size
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(flat) else ""
    shift = len(prefix) - start
    highlights = tuple((s + shift, e + shift) for s, e in spans if s >= start and e <= end)
    return Snippet(prefix + flat[start:end] + suffix, highlights, "")


def make_snippet(text_zh: str, text_en: str, terms: QueryTerms, prefer_zh: bool) -> Snippet:
    """The best snippet, in the query's language where it has matches, else in the other."""
    order = ["zh", "en"] if prefer_zh or not text_en else ["en", "zh"]
    texts = {"zh": text_zh, "en": text_en}
    for lang in order:
        spans = match_spans(texts[lang], terms, lang) if texts[lang] else []
        if spans:
            snippet = _window(texts[lang], spans, ZH_WINDOW if lang == "zh" else EN_WINDOW)
            return Snippet(snippet.text, snippet.highlights, lang)
    lang = order[0]
    snippet = _window(texts[lang], [], ZH_WINDOW if lang == "zh" else EN_WINDOW)
    return Snippet(snippet.text, (), lang)


def make_hit(
    doc: dict[str, Any], score: float, terms: QueryTerms, matched: str, ref: ArticleRef | None, query: str
) -> SearchHit:
    """A ranked article as a hit: its snippet in the query's language where it matches."""
    prefer_zh = terms.is_chinese if not terms.empty else bool(CJK_RUN.search(query))
    snippet = make_snippet(doc["text_zh"], doc["text_en"], terms, prefer_zh)
    return SearchHit(
        id=doc["id"],
        law=doc["law"],
        article=doc["article"],
        score=score,
        snippet=snippet.text,
        highlights=snippet.highlights,
        snippet_lang=snippet.lang,
        citation_zh=doc["citation_zh"],
        citation_en=doc["citation_en"],
        text_status=doc["status"],
        chapter=doc["chapter_label"],
        matched=matched,
        ref=ref.id if ref is not None and ref.paragraph is not None else None,
    )
