"""Query planning: one meaning for everything a user types, whatever its punctuation.

Every query goes the same way: citations are recognised and cut out, question scaffolding is
dropped, the glossary and cues expand the rest. Quoted text keeps that meaning and must also occur
as a phrase (or as the statutory term it expands to). Whoosh query syntax is used only for explicit
operators (AND / OR / NOT in capitals) or field prefixes (law:dsl), or when the caller asks for it;
never because of `?`, `(` or `*`, which NFKC makes of ordinary Chinese question punctuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.search.citations import CitationResolver, Citations
from assistant.search.query_data import QueryData
from assistant.search.query_terms import QueryTerms, extract_terms

SYNTAX_FIELDS = ("text_zh", "text_en", "law", "chapter", "section", "status", "heading_zh", "heading_en")
_OPERATOR = re.compile(r"(?<![A-Za-z])(?:AND|OR|NOT)(?![A-Za-z])")
_FIELD_PREFIX = re.compile(rf"(?<![A-Za-z0-9_])(?:{'|'.join(SYNTAX_FIELDS)}):")
_QUOTED = re.compile(r'"([^"]+)"')


@dataclass(frozen=True)
class QueryPlan:
    """How a query will be answered."""

    citations: Citations
    words: str  # the query without citations and syntax: what the terms were drawn from
    terms: QueryTerms  # what to score: the question's words and their expansions
    quoted: tuple[str, ...]  # each quoted phrase as typed: all must occur
    phrases: tuple[QueryTerms, ...]  # the same phrases' terms (with the glossary terms they stand for)
    syntax: str | None  # Whoosh query syntax to require, when explicitly asked for
    mentioned: tuple[str, ...]  # corpus laws the query names: soft boosts


def wants_syntax(text: str) -> bool:
    """True when the text uses explicit query syntax: capitalised operators or a field prefix."""
    return bool(_OPERATOR.search(text) or _FIELD_PREFIX.search(text))


def _words_only(text: str) -> str:
    """The query's words, with operators, field prefixes, quotes and syntax characters taken out."""
    text = _FIELD_PREFIX.sub(" ", _OPERATOR.sub(" ", text))
    return re.sub(r'["()*?\[\]{}^~:+]', " ", text)


def plan_query(
    query: str, data: QueryData, resolver: CitationResolver, law_filter: str | None, syntax: bool | None
) -> QueryPlan:
    """Plan a cleaned query: citations, terms, required phrases, explicit syntax, named laws."""
    citations = resolver.resolve(query, law_filter)
    remainder = citations.remainder
    use_syntax = wants_syntax(remainder) if syntax is None else syntax
    words = resolver.without_titles(_words_only(remainder))
    # A one-word English law name (blockchain, Shenzhen) is in every article of its instrument (translation and
    # question bank): as a search word it filled the page with that instrument. Naming the law boosts it instead.
    names = resolver.name_words
    terms = extract_terms(words, data.glossary_index, data.cues, skip_words=names) if words.strip() else QueryTerms()
    quoted = () if use_syntax else tuple(q.strip() for q in _QUOTED.findall(remainder) if q.strip())
    # A quote requires its words in a row, or the glossary term they stand for (not a cue's wording).
    phrases = tuple(extract_terms(q, data.glossary_index) for q in quoted)
    mentioned = () if citations.refs or citations.outside else tuple(resolver.mentioned_laws(query))
    return QueryPlan(
        citations, words, terms, quoted, phrases, remainder if use_syntax and remainder.strip() else None, mentioned
    )
