"""Snippets and hits: the window of an article that best matches the query, with highlight spans from the analyzers."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from assistant.models import ArticleRef
from assistant.search.analysis import CJK_RUN, chinese_analyzer, english_analyzer, english_stems
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
    """Character spans of the text whose analyzer tokens match the query's tokens (offsets from the tokenizer).

    In Chinese a lone matching bigram is not shown: 数据 out of 重要数据 would light up every 数据 of
    the article. A match is a run of two or more overlapping bigrams (three characters or more), or a
    bigram that is a whole two-character word of the query.
    """
    if lang == "zh":
        chunks = [*terms.zh_chunks, *terms.zh_phrases]
        needles = {token for chunk in chunks for token, _, _ in _tokens(chunk, "zh")}
        # A two-character word stands alone when the user typed it, or when an expansion brings it that is no
        # part of a longer term of the query (数据 expanded from 重要数据 would mark every 数据 again).
        words = {chunk for chunk in terms.zh_chunks if len(chunk) <= 2} | {
            phrase
            for phrase in terms.zh_phrases
            if len(phrase) <= 2 and not any(phrase in longer for longer in chunks if len(longer) > len(phrase))
        }
        matched = [(start, end, token) for token, start, end in _tokens(text, "zh") if token in needles]
        return [(start, end) for start, end, size in _runs(matched) if size > 1 or text[start:end] in words]
    needles = set(terms.en_stems) | {stem for phrase in terms.en_phrases for stem in english_stems(phrase)}
    needles -= _stop_stems()  # "the" of "outside the territory" is no term of the question
    if not needles:
        return []
    return _merge([(start, end) for token, start, end in _tokens(text, lang) if token in needles])


@lru_cache(maxsize=1)
def _stop_stems() -> frozenset[str]:
    """Stems of English function words (Whoosh's stop list): never marked, though the index keeps them."""
    from whoosh.analysis import STOP_WORDS

    return frozenset(stem for word in STOP_WORDS for stem in english_stems(word))


def _runs(matched: list[tuple[int, int, str]]) -> list[tuple[int, int, int]]:
    """Overlapping or touching token spans joined: (start, end, number of tokens)."""
    runs: list[tuple[int, int, int]] = []
    for start, end, _ in sorted(matched):
        if runs and start < runs[-1][1]:
            first, last, size = runs[-1]
            runs[-1] = (first, max(end, last), size + 1)
        else:
            runs.append((start, end, 1))
    return runs


def _window(text: str, spans: list[tuple[int, int]], size: int) -> Snippet:
    flat = text.replace("\n", " ")
    if len(flat) <= size:
        start, end = 0, len(flat)
    else:
        # Spans come sorted and apart (`_merge`, `_runs`), so their ends rise with their starts: the spans inside a
        # window are counted by two binary searches, not by reading every span for every candidate window.
        starts, ends = [s for s, _ in spans], [e for _, e in spans]
        best_start, best_count = 0, -1
        for span_start, _ in spans or [(0, 0)]:
            candidate = max(0, min(span_start - int(size * LEAD_IN), len(flat) - size))
            count = bisect_right(ends, candidate + size) - bisect_left(starts, candidate)
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
