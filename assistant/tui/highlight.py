"""Which characters of an article's text to highlight for the current query, using the search analyzers.

This reads the engine's glossary and citation recogniser so the reader highlights exactly what search
matched (offsets from the analyzers, never `str.find`). A `service.highlight_spans(query, text, lang)`
in the core would be the better home; until then this stays a thin adapter.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.search.engine import SearchEngine

Spans = list[tuple[int, int]]
Highlighter = Callable[[str, str], Spans]  # (text, "zh" | "en") -> character spans


def no_highlight(text: str, lang: str) -> Spans:
    """The highlighter for no query."""
    return []


def query_highlighter(engine: SearchEngine, query: str) -> Highlighter:
    """A highlighter for the terms of `query` (citations in it are left out: they are not words to mark)."""
    # Deferred: these pull in Whoosh, which the engine has already loaded by the time a query runs.
    from assistant.search.query_terms import clean_query, extract_terms
    from assistant.search.snippets import match_spans

    cleaned, _ = clean_query(query)
    matches = engine.recognizer.find(cleaned)
    remainder = engine.recognizer.remainder(cleaned, matches) if matches else cleaned
    terms = extract_terms(remainder, engine.glossary, engine.cues)
    if terms.empty:
        return no_highlight

    def spans(text: str, lang: str) -> Spans:
        return match_spans(text, terms, lang) if text else []

    return spans
