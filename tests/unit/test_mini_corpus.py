"""The mini corpus the build tests use stays a valid corpus: it passes `corpus verify` against its own sources."""

from __future__ import annotations

from pathlib import Path

from assistant.corpus.store import load_corpus
from assistant.service import AssistantService
from tests.conftest import CORPUS, MINI_CORPUS, MINI_SOURCES


def test_the_mini_corpus_verifies_against_its_fictional_sources() -> None:
    # If the corpus format changes, this fails first, before the build tests that rely on the mini corpus.
    report = AssistantService(MINI_CORPUS).verify(MINI_SOURCES)
    assert report.problems == []


def test_the_mini_corpus_has_what_the_build_tests_need(mini_index_dir: Path) -> None:
    corpus = load_corpus(MINI_CORPUS)
    laws = list(corpus.laws.values())
    assert len(laws) == 2
    assert any(article.section is not None for law in laws for article in law.articles)  # chapters with sections
    assert any(all(article.chapter is None for article in law.articles) for law in laws)  # and a law without
    assert {article.text_status for law in laws for article in law.articles} >= {"cross-checked", "unverified"}
    service = AssistantService(MINI_CORPUS, mini_index_dir)
    assert service.search("数据安全").hits and service.search("personal information of minors").hits
    obligations = service.obligation_store().obligations
    assert {duty.law for duty in obligations if duty.penalties} == set(corpus.laws)  # each law: duties and penalties


def test_no_mini_instrument_shares_an_id_or_a_title_with_a_real_one() -> None:
    # Fictional test data must never be mistaken for, or shadow, an instrument of the real corpus.
    real, mini = load_corpus(CORPUS), load_corpus(MINI_CORPUS)
    assert not set(real.laws) & set(mini.laws)
    real_titles = {law.info.title_zh for law in real.laws.values()}
    assert all(
        law.info.title_zh.startswith("示例") and law.info.title_zh not in real_titles for law in mini.laws.values()
    )
