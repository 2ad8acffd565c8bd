"""The score table, the one scoring path: phrases score where they occur, damage means rebuild, threads agree."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import yaml

from assistant.corpus.store import load_corpus
from assistant.indexing import ensure_index, index_status
from assistant.search.engine import SearchEngine
from assistant.search.score_table import ARRAYS_FILE, QueryPart, contains_run
from assistant.service import AssistantService
from tests.conftest import CORPUS, PROJECT

QUESTIONS = [
    q["query"] for q in yaml.safe_load((PROJECT / "tests/eval/search_questions.yaml").read_text())["questions"]
]


@pytest.fixture()
def engine(built_index_dir: Path) -> SearchEngine:
    return AssistantService(CORPUS, built_index_dir).search_engine()


def test_phrases_match_consecutive_tokens_only() -> None:
    assert contains_run(["个人", "人信", "信息"], ("人信", "信息"))
    assert not contains_run(["个人", "信息", "人信"], ("人信", "信息"))
    assert not contains_run(["个人"], ("个人", "人信"))


def test_a_phrase_with_an_unknown_term_matches_nothing(engine: SearchEngine) -> None:
    part = QueryPart("text_zh", ("区块", "块茶"), 1.0)
    assert not engine.score_table().scores([part]).any()


def test_a_precomputed_phrase_scores_only_where_it_occurs(engine: SearchEngine) -> None:
    table = engine.score_table()
    tokens = ("重要", "要数", "数据")  # 重要数据: a glossary term, so precomputed
    rows = {row for row, score in enumerate(table.scores([QueryPart("text_zh", tokens)])) if score > 0}
    assert rows
    searcher = engine.handle.whoosh_index.searcher()
    try:
        assert all("重要数据" in searcher.stored_fields(row)["text_zh"] for row in rows)
    finally:
        searcher.close()


def test_contains_tells_which_of_the_asked_rows_hold_a_term_or_phrase(engine: SearchEngine) -> None:
    import numpy as np

    table = engine.score_table()
    for part in (QueryPart("text_zh", ("重要", "要数", "数据")), QueryPart("text_en", ("consent",))):
        scored = table.scores([part]) > 0
        rows = np.arange(table.size)
        assert (table.contains(part, rows) == scored).all()
        assert (table.contains(part, rows[::-1]) == scored[::-1]).all()  # any order of rows
    unknown = QueryPart("text_zh", ("区块", "块茶"))
    assert not table.contains(unknown, np.arange(table.size)).any()
    assert len(table.contains(unknown, np.zeros(0, dtype=np.int64))) == 0


def test_a_truncated_table_is_caught_when_opening_and_rebuilt(tmp_path: Path, mini_corpus: Path) -> None:
    handle = ensure_index(load_corpus(mini_corpus), tmp_path)
    arrays = handle.folder / ARRAYS_FILE
    arrays.write_bytes(arrays.read_bytes()[:100])
    assert index_status(mini_corpus, tmp_path).startswith("corrupt (search: search/score_table.npz")
    messages: list[str] = []
    rebuilt = ensure_index(load_corpus(mini_corpus), tmp_path, messages.append)
    assert len(messages) == 1 and messages[0].startswith("search index corrupt") and "building it now" in messages[0]
    assert SearchEngine(rebuilt).score_table() is not None


def test_a_damaged_table_is_rebuilt_and_the_answer_comes_from_the_new_index(tmp_path: Path, mini_corpus: Path) -> None:
    intact = AssistantService(mini_corpus, tmp_path).search("personal information of minors").to_dict()
    folder = AssistantService(mini_corpus, tmp_path).index().folder
    arrays = folder / ARRAYS_FILE
    data = bytearray(arrays.read_bytes())
    data[len(data) // 2] ^= 0xFF  # same size, so only the checksum can tell
    arrays.write_bytes(bytes(data))
    service = AssistantService(mini_corpus, tmp_path)
    messages: list[str] = []
    repaired = service.search("personal information of minors", notify=messages.append).to_dict()
    assert repaired == intact  # the manifest's checksum caught the damage on open: rebuilt before answering
    assert any(message.startswith("search index corrupt") for message in messages)
    assert index_status(mini_corpus, tmp_path) == "ok"
    assert service.search_engine().score_table() is not None
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
