"""A statutory phrase found in many articles weighs less: it says little about which of them a question wants."""

from __future__ import annotations

from assistant.search import scoring
from assistant.search.analysis import cjk_bigrams
from assistant.search.query_terms import QueryTerms
from assistant.service import AssistantService


def _boost(parts: list[scoring.QueryPart], phrase: str) -> float:
    tokens = tuple(bigram for bigram, _ in cjk_bigrams(phrase))
    return next(part.boost for part in parts if part.field == "text_zh" and part.tokens == tokens)


def test_a_phrase_in_many_articles_counts_less_than_a_rare_one(service: AssistantService) -> None:
    table = service.search_engine().score_table()
    terms = QueryTerms(zh_phrases={"个人信息": 2.0, "单独同意": 2.0})  # both typed by the user, same weight
    parts = scoring.query_parts(terms, table)
    assert table.phrase_frequency("text_zh", ("个人", "人信", "信息")) > scoring.COMMON_PHRASE_SHARE * table.size
    assert table.phrase_frequency("text_zh", ("单独", "独同", "同意")) < scoring.COMMON_PHRASE_SHARE * table.size
    assert _boost(parts, "个人信息") == 2.0 * scoring.COMMON_PHRASE_FACTOR
    assert _boost(parts, "单独同意") == 2.0


def test_a_question_about_a_leak_lawsuit_reaches_every_instruments_civil_liability(service: AssistantService) -> None:
    hits = [hit.id for hit in service.search("个人信息泄露以后，用户去法院起诉要求赔偿").hits[:10]]
    assert "pipl:69" in hits and "shenzhen:99" in hits and "dsl:52" in hits
