"""The precomputed score table ranks exactly as Whoosh does, falls back where it cannot, and repairs itself."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import yaml

from assistant.corpus.store import load_corpus
from assistant.indexing import ensure_index, index_status
from assistant.search.engine import SearchEngine
from assistant.search.query_terms import clean_query, extract_terms
from assistant.search.score_table import ARRAYS_FILE, QueryPart, _contains_run
from assistant.service import AssistantService
from tests.conftest import CORPUS, PROJECT

QUESTIONS = [
    q["query"] for q in yaml.safe_load((PROJECT / "tests/eval/search_questions.yaml").read_text())["questions"]
]
FILTERS = [(None, None, None), ("shenzhen", None, None), ("dsl", "4", None), (None, None, "unverified")]


@pytest.fixture()
def engine(built_index_dir: Path) -> SearchEngine:
    return AssistantService(CORPUS, built_index_dir).search_engine()


def _both_ways(engine: SearchEngine, query: str, filters: tuple, mentioned: list[str]) -> tuple[list, list]:
    searcher = engine._open_searcher()
    terms = extract_terms(clean_query(query)[0], engine.glossary, engine.cues)
    parts = engine._plain_parts(terms, engine.score_table(), searcher)
    table = engine._rank(parts, searcher, filters, mentioned, 30)
    whoosh = engine._rank(parts, searcher, filters, mentioned, 30, use_table=False)
    return table, whoosh


@pytest.mark.parametrize("filters", FILTERS)
def test_the_table_ranks_every_dev_question_exactly_as_whoosh(engine: SearchEngine, filters: tuple) -> None:
    compared = 0
    for query in QUESTIONS:
        table, whoosh = _both_ways(engine, query, filters, [])
        assert [docnum for _, docnum in table] == [docnum for _, docnum in whoosh], query
        assert [score for score, _ in table] == pytest.approx([score for score, _ in whoosh], rel=1e-9), query
        compared += bool(table)
    assert compared > len(QUESTIONS) // 2  # most questions rank something under every filter tried


def test_the_law_mention_boost_is_applied_before_the_cut(engine: SearchEngine) -> None:
    table, whoosh = _both_ways(engine, "数据安全 风险评估", (None, None, None), ["blockchain"])
    # Whoosh boosts only within the hits it returned; the table boosts every article, so it may add
    # articles Whoosh cut, but never reorders those both found.
    common = [docnum for _, docnum in table if docnum in {d for _, d in whoosh}]
    assert common == [docnum for _, docnum in whoosh if docnum in set(common)]


def test_phrases_match_consecutive_tokens_only() -> None:
    assert _contains_run(["个人", "人信", "信息"], ("人信", "信息"))
    assert not _contains_run(["个人", "信息", "人信"], ("人信", "信息"))
    assert not _contains_run(["个人"], ("个人", "人信"))


def test_a_phrase_the_table_lacks_is_answered_by_whoosh(engine: SearchEngine) -> None:
    table = engine.score_table()
    assert table is not None
    searcher = engine._open_searcher()
    tokens = ("安全", "全保", "保护")  # "安全保护": all bigrams occur, but it is no glossary or cue phrase
    part = QueryPart("text_zh", tokens, 2.0)
    assert all(table.document_frequency("text_zh", token) for token in tokens)
    assert not table.knows(part)
    ranked = engine._rank([part], searcher, (None, None, None), [], 30)
    assert ranked
    assert ranked == engine._rank([part], searcher, (None, None, None), [], 30, use_table=False)
    for _, docnum in ranked:
        assert "安全保护" in searcher.stored_fields(docnum)["text_zh"]


def test_a_phrase_with_an_unknown_term_matches_nothing_without_whoosh(engine: SearchEngine) -> None:
    table = engine.score_table()
    assert table is not None
    part = QueryPart("text_zh", ("区块", "块茶"), 1.0)
    assert table.knows(part)
    assert not table.scores([part]).any()


def test_a_truncated_table_is_caught_when_opening_and_rebuilt(tmp_path: Path) -> None:
    handle = ensure_index(load_corpus(CORPUS), tmp_path)
    arrays = handle.folder / ARRAYS_FILE
    arrays.write_bytes(arrays.read_bytes()[:100])
    assert index_status(CORPUS, tmp_path).startswith("corrupt (search: search/score_table.npz")
    messages: list[str] = []
    rebuilt = ensure_index(load_corpus(CORPUS), tmp_path, messages.append)
    assert len(messages) == 1 and messages[0].startswith("search index corrupt") and "building it now" in messages[0]
    assert SearchEngine(rebuilt).score_table() is not None


def test_a_damaged_table_still_answers_then_repairs_itself(tmp_path: Path) -> None:
    intact = AssistantService(CORPUS, tmp_path).search("personal information of minors").to_dict()
    folder = AssistantService(CORPUS, tmp_path).index().folder
    arrays = folder / ARRAYS_FILE
    data = bytearray(arrays.read_bytes())
    data[len(data) // 2] ^= 0xFF  # same size, so only the checksum can tell
    arrays.write_bytes(bytes(data))
    service = AssistantService(CORPUS, tmp_path)
    messages: list[str] = []
    damaged = service.search("personal information of minors", notify=messages.append).to_dict()
    assert damaged == intact  # the manifest's checksum caught the damage on open: rebuilt before answering
    assert any(message.startswith("search index corrupt") for message in messages)
    assert index_status(CORPUS, tmp_path) == "ok"
    repaired = service.search_engine()
    assert repaired.score_table() is not None and repaired.damage is None
    assert service.search("personal information of minors").to_dict() == intact


def test_threads_sharing_one_engine_get_the_serial_answers(engine: SearchEngine) -> None:
    queries = QUESTIONS[::6]
    expected = {query: engine.search(query).to_dict() for query in queries}
    failures: list[str] = []

    def worker() -> None:
        for query in queries:
            if engine.search(query).to_dict() != expected[query]:
                failures.append(query)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
