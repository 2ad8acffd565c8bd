"""Highlights mark what the question is about, not every shared character pair."""

from __future__ import annotations

from assistant.search.query_terms import QueryTerms
from assistant.search.snippets import match_spans

TEXT = "数据处理者应当对重要数据进行风险评估，并保障数据安全。"


def marked(terms: QueryTerms, text: str = TEXT) -> list[str]:
    return [text[start:end] for start, end in match_spans(text, terms, "zh")]


def test_a_longer_chinese_term_is_marked_whole_and_its_common_part_is_not_marked_alone() -> None:
    assert marked(QueryTerms(zh_chunks=["重要数据"])) == ["重要数据"]


def test_a_two_character_word_the_user_typed_is_marked_wherever_it_stands() -> None:
    assert marked(QueryTerms(zh_chunks=["数据"])) == ["数据", "数据", "数据"]


def test_glossary_phrases_are_marked_like_the_question_words() -> None:
    assert marked(QueryTerms(zh_phrases={"风险评估": 1.0})) == ["风险评估"]


def test_english_words_are_marked_word_by_word_with_the_spaces_between_kept() -> None:
    text = "important data security review"
    spans = match_spans(text, QueryTerms(en_stems=["secur", "review"]), "en")
    assert [text[start:end] for start, end in spans] == ["security", "review"]


def test_a_two_character_expansion_inside_a_longer_query_term_is_not_marked_alone() -> None:
    # 重要数据 brings the glossary's 数据: marking it would light up every 数据 of the article again.
    assert marked(QueryTerms(zh_chunks=["重要数据"], zh_phrases={"数据": 2.0})) == ["重要数据"]


def test_a_two_character_expansion_of_its_own_is_marked() -> None:
    text = "重要数据向境外提供的，应当进行安全评估。"
    assert marked(QueryTerms(zh_chunks=["出境"], zh_phrases={"境外": 1.6}), text) == ["境外"]


def test_the_function_words_of_an_expanded_english_phrase_are_not_marked() -> None:
    text = "provide data outside the territory of the State"
    spans = match_spans(text, QueryTerms(en_phrases={"outside the territory": 1.5}), "en")
    assert [text[start:end] for start, end in spans] == ["outside", "territory"]
