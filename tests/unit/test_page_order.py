"""The first page's order: articles that answer more of the question come first; the page itself never changes."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from assistant.search import page_order
from assistant.search.engine import SearchEngine
from assistant.search.score_table import QueryPart
from assistant.service import AssistantService
from tests.conftest import CORPUS

IDS = ["a", "b", "c", "d"]
# Which rows hold each term: "a" repeats consent everywhere, "b" matches consent and state organ and collect.
HOLDS = {("consent",): {0, 1, 2}, ("organ",): {1}, ("collect",): {1, 3}}
PARTS = [
    QueryPart("text_en", ("consent",), 1.0),
    QueryPart("questions_en", ("consent",), 0.8),
    QueryPart("text_en", ("organ",), 1.0),
    QueryPart("text_en", ("collect",), 1.0),
    QueryPart("text_en", ("state", "organ"), 1.6),  # a phrase: counted by the score, not by coverage
]


def _table() -> Any:
    def contains(part: QueryPart, rows: np.ndarray) -> np.ndarray:
        return np.array([row in HOLDS.get(part.tokens, set()) for row in rows], dtype=bool)

    return SimpleNamespace(ids=IDS, contains=contains)


def test_coverage_is_the_weighted_share_of_the_questions_single_terms() -> None:
    shares = page_order.coverage(_table(), PARTS, [0, 1, 3])
    assert shares == pytest.approx([1 / 3, 1.0, 1 / 3])


def test_an_article_answering_more_of_the_question_moves_ahead_within_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(page_order, "PAGE", 3)
    scores = np.array([100.0, 70.0, 60.0, 50.0])
    ranked = [(100.0, 0), (70.0, 1), (60.0, 2), (50.0, 3)]
    ordered = page_order.by_coverage(ranked, scores, _table(), PARTS)
    # b (70 x 1.0) passes a (100 x sqrt(1/3) = 57.7); d stays off the page although it covers as much as a.
    assert [IDS[row] for _, row in ordered] == ["b", "a", "c", "d"]
    assert ordered[0] == (70.0, 1)  # each keeps its own score: reordered, not rescored


def test_a_page_whose_articles_cover_the_question_alike_keeps_its_rank() -> None:
    scores = np.array([100.0, 70.0, 60.0, 50.0])
    ranked = [(100.0, 0), (70.0, 1), (60.0, 2)]
    parts = [QueryPart("text_en", ("unknown",), 1.0)]
    assert page_order.by_coverage(ranked, scores, _table(), parts) == ranked
    assert page_order.by_coverage(ranked, scores, _table(), []) == ranked


@pytest.fixture()
def engine(built_index_dir: Path) -> SearchEngine:
    return AssistantService(CORPUS, built_index_dir).search_engine()


@pytest.mark.parametrize(
    "query",
    ["政府部门能不能不经同意收集我的个人信息", "Can a government agency collect my personal data without my consent?"],
)
def test_the_page_holds_the_same_articles_with_or_without_the_page_order(
    engine: SearchEngine, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    ordered = [hit.id for hit in engine.search(query).hits]
    monkeypatch.setattr("assistant.search.engine.by_coverage", lambda ranked, *_: ranked)
    as_ranked = [hit.id for hit in engine.search(query).hits]
    assert sorted(ordered) == sorted(as_ranked)


def test_a_penalty_question_keeps_each_duty_before_its_penalties(
    engine: SearchEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    query = "重要数据没做风险评估会被罚多少"
    ordered = [hit.id for hit in engine.search(query).hits]
    monkeypatch.setattr("assistant.search.engine.by_coverage", lambda *_: pytest.fail("penalty pages keep their order"))
    assert [hit.id for hit in engine.search(query).hits] == ordered
