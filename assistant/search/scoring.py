"""The one scoring path: how a query's words, expansions and hints become one score per article.

A query is a list of weighted parts (a term or a phrase, in one field). An article's score is the
sum over parts of `boost x w`, where `w` is the part's BM25F weight in that article, read from the
score table written with the index (see `score_table.py`; BM25F with Whoosh's statistics). The
boosts are the project's ranking policy, all here:

- the question's own words (CJK bigrams, English stems) count 1.0 against the article text, and
  `TOPIC_WEIGHT` / `QUESTION_WEIGHT` against the topic keywords and the question bank (search
  aids, never shown as law); a single term found in more than `COMMON_TERM_SHARE` of the articles
  (`AID_COMMON_SHARE` in an aid field) is dropped while other terms remain (near-zero weight,
  longest posting lists: they dominate the cost as the corpus grows);
- an expansion (a glossary term or cue phrase the question reached) carries its data weight,
  divided by its length in tokens (`specific`): a phrase scores as one specific term, so a generic
  word that expands into a long statutory phrase cannot outweigh the question's own words;
- a glossary or cue phrase found in more than `COMMON_PHRASE_SHARE` of the articles of a field counts
  `COMMON_PHRASE_FACTOR` of its weight, whether the question typed it or reached it: 个人信息 or
  "data" is in most articles of two instruments and otherwise lifts the articles that repeat it
  (definitions, scope) over the one the question is about (dev sets: cross-instrument every-gold@10
  0.771 -> 0.787, R@5 0.949 -> 0.952, MRR 0.840 -> 0.849; 0.05 and 0.1 did less well);
- a law the question names (深圳, "DSL", "blockchain") is a soft boost (`LAW_MENTION_BOOST`), never a
  filter; its English name is not a search word (it is in every article of its instrument), and it takes
  at most `named_law.NAMED_LAW_PLACES` of the first page while other instruments match (`named_law.py`);
  with the name out of the words the boost rose from 1.6 to 2.0 (dev sets: R@5 kept, 4 more
  cross-instrument answers);
- then, on the ranked list, the first page's reviewed counterparts in other instruments rank higher
  (`see_also.py`).

Filters (law, chapter, status) and what quotes or explicit query syntax require (the documents
Whoosh, the index of record, finds for them) only restrict which articles may score.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from assistant.search.analysis import chinese_analyzer, cjk_bigrams, english_stems
from assistant.search.filters import Filters
from assistant.search.query_terms import QueryTerms
from assistant.search.score_table import QueryPart, ScoreTable

if TYPE_CHECKING:
    import numpy as np

LAW_MENTION_BOOST = 2.0
TOPIC_WEIGHT = 0.75  # topic keywords are the project's words, not the law's: they count, but less
QUESTION_WEIGHT = 0.8  # bank questions: tuned on the dev sets only (0.3 with three instruments; see CHANGELOG)
COMMON_TERM_SHARE = 0.4  # a single term in more than this share of articles is too common to help ranking
AID_COMMON_SHARE = 0.1  # the same for the search aids (topics, bank questions): their words repeat more
COMMON_PHRASE_SHARE = 0.075  # a glossary or cue phrase in more than this share of articles (个人信息: 94 of 317) ...
COMMON_PHRASE_FACTOR = 0.5  # ... counts this much: it says little about which of them the question wants
AID_FIELDS = {"text_zh": ("topics_zh", "questions_zh"), "text_en": ("topics_en", "questions_en")}
_ZH = chinese_analyzer()


def _tokens(field: str, text: str) -> tuple[str, ...]:
    if field.endswith("_zh"):
        return tuple(token.text for token in _ZH(text))
    return tuple(english_stems(text))


def _aid_weight(field: str) -> float:
    return TOPIC_WEIGHT if field.startswith("topics") else QUESTION_WEIGHT


def query_parts(terms: QueryTerms, table: ScoreTable) -> list[QueryPart]:
    """The weighted parts of a query: its own words in every field, then its expansions."""
    size = max(1, table.size)
    single: dict[tuple[str, str], None] = {}
    for chunk in terms.zh_chunks:
        for bigram, _ in cjk_bigrams(chunk):
            single[("text_zh", bigram)] = None
    for stem in terms.en_stems:
        single[("text_en", stem)] = None
    keyed = [(field, text, 1.0) for field, text in single]
    keyed += [(aid, text, _aid_weight(aid)) for field, text in single for aid in AID_FIELDS[field]]
    rare = [
        key
        for key in keyed
        if table.document_frequency(key[0], key[1])
        <= (COMMON_TERM_SHARE if key[0].startswith("text") else AID_COMMON_SHARE) * size
    ]
    own_text = [key for key in rare if key[0].startswith("text")]
    chosen = rare if own_text else keyed  # keep common words only when nothing rarer is left
    parts = [QueryPart(field, (text,), weight) for field, text, weight in chosen]
    for field, phrases, factor in (
        ("text_zh", terms.zh_phrases, 1.0),
        ("text_en", terms.en_phrases, 1.0),
        ("heading_zh", terms.heading_zh, 1.0),
        ("heading_en", terms.heading_en, 1.0),
        *((aid, terms.zh_phrases, _aid_weight(aid)) for aid in AID_FIELDS["text_zh"]),
        *((aid, terms.en_phrases, _aid_weight(aid)) for aid in AID_FIELDS["text_en"]),
    ):
        for phrase, weight in phrases.items():
            tokens = _tokens(field, phrase)
            if tokens:
                boost = specific(weight, tokens) if phrase in terms.expansions else weight
                if table.phrase_frequency(field, tokens) > COMMON_PHRASE_SHARE * size:
                    boost *= COMMON_PHRASE_FACTOR
                parts.append(QueryPart(field, tokens, boost * factor))
    return parts


SPECIFICITY_EXPONENT = 1.0  # 1: an expansion counts as one term however long; 0: as all of its terms


def specific(weight: float, tokens: tuple[str, ...]) -> float:
    """An expansion's boost: its weight spread over its tokens, so a long phrase counts as one specific term."""
    return weight / len(tokens) ** SPECIFICITY_EXPONENT


def rank(
    table: ScoreTable,
    parts: list[QueryPart],
    filters: Filters,
    mentioned: list[str],
    limit: int,
    allowed: Collection[int] | None = None,
) -> list[tuple[float, int]]:
    """(score, row) best first; rows outside `allowed` (when given) never score."""
    if not parts and allowed is not None:
        # Syntax alone (law:dsl) with nothing to weigh: the required articles in corpus order.
        keep = [row for row in sorted(allowed) if filters.admits(table, row)]
        return [(1.0, row) for row in keep[:limit]]
    return table.rank(parts, filters.as_tuple(), mentioned, LAW_MENTION_BOOST, limit, allowed)


def article_scores(
    table: ScoreTable, parts: list[QueryPart], filters: Filters, mentioned: list[str], allowed: Collection[int] | None
) -> np.ndarray:
    """Every article's score for the parts, as `rank` orders them (0 where excluded)."""
    return table.final_scores(parts, filters.as_tuple(), mentioned, LAW_MENTION_BOOST, allowed)
