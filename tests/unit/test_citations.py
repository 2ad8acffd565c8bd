"""Citation ids are parsed, validated against the corpus and rendered in one place."""

from __future__ import annotations

import pytest

from assistant.corpus.store import Corpus
from assistant.models import ArticleRef, CitationError


def test_parse_and_format_round_trip() -> None:
    for text in ["dsl:27", "dsl:27.2", "shenzhen:10.1.3", "blockchain:8"]:
        assert ArticleRef.parse(text).id == text


@pytest.mark.parametrize(
    "bad", ["dsl", "dsl:", "dsl:0", "DSL:27", "dsl:27.", "dsl:a", "dsl:27.2.3.4", ":27", "dsl:27.0"]
)
def test_malformed_ids_are_rejected(bad: str) -> None:
    with pytest.raises(CitationError):
        ArticleRef.parse(bad)


def test_chinese_and_english_renderings(corpus: Corpus) -> None:
    assert corpus.cite_zh("dsl:27.2") == "《数据安全法》第二十七条第二款"
    assert corpus.cite_en("dsl:27.2") == "DSL Art. 27(2)"
    assert corpus.cite_zh("blockchain:8") == "《区块链信息服务管理规定》第八条"
    # A one-paragraph article's item is cited without 款, as Chinese legal writing does.
    assert corpus.cite_zh("shenzhen:10.1.3") == "《深圳经济特区数据条例》第十条第三项"
    assert corpus.cite_en("shenzhen:10.1.3") == "Shenzhen Data Regulations Art. 10, item (3)"


def test_resolution_checks_every_level(corpus: Corpus) -> None:
    assert corpus.exists("dsl:55") and not corpus.exists("dsl:56")
    assert corpus.exists("dsl:27.2") and not corpus.exists("dsl:27.3")
    assert corpus.exists("shenzhen:10.1.5") and not corpus.exists("shenzhen:10.1.6")
    assert not corpus.exists("csl:1")


def test_unknown_ids_come_with_close_suggestions(corpus: Corpus) -> None:
    with pytest.raises(CitationError) as caught:
        corpus.article("dsl:72")
    assert caught.value.suggestions
    assert all(corpus.exists(s) for s in caught.value.suggestions)


def test_text_of_narrows_to_paragraph_and_item(corpus: Corpus) -> None:
    item = corpus.text_of("shenzhen:10.1.1", "zh")
    assert item is not None and item.startswith("（一）")
    assert corpus.text_of(
        "shenzhen:10.1.1",
        "en",
    ).startswith("(1) ")  # type: ignore[union-attr]
