"""A penalty question's page: linked duties and their penalties first, then duties alternate with penalties."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from assistant.search.penalty_order import DUTY_SHARE, duties_then_penalties
from assistant.search.query_cues import Cue, without_cue_words

IDS = ["x:1", "x:2", "x:9", "y:3", "y:8", "z:7"]  # x:9, y:8 and z:7 are liability articles
PENALIZED_BY = {"x:1": ("x:9",)}


def _table() -> Any:
    return SimpleNamespace(ids=IDS, row_of={article: row for row, article in enumerate(IDS)})


def _ids(ranked: list[tuple[float, int]]) -> list[str]:
    return [IDS[row] for _, row in ranked]


def _rows(*articles: str, top: float = 100.0) -> list[tuple[float, int]]:
    return [(top - step, IDS.index(article)) for step, article in enumerate(articles)]


def test_a_linked_duty_comes_first_with_its_penalty_then_duties_alternate_with_penalties() -> None:
    ranked = _rows("y:8", "z:7", "x:9", "x:2")  # the penalty words rank every liability article first
    duties = _rows("x:1", "y:3", "x:2", top=60.0)
    page = duties_then_penalties(ranked, duties, _table(), PENALIZED_BY, None, ())
    assert _ids(page) == ["x:1", "x:9", "y:3", "y:8", "x:2", "z:7"]
    assert [score for score, _ in page] == sorted((score for score, _ in page), reverse=True)


def test_a_question_about_the_penalty_alone_keeps_the_penalty_ranking() -> None:
    ranked = _rows("y:8", "z:7", "x:9", "x:2")
    weak = [(DUTY_SHARE * 100.0 / 2, IDS.index("y:3"))]  # "what's the max fine?": hardly any duty words
    assert _ids(duties_then_penalties(ranked, weak, _table(), PENALIZED_BY, None, ())) == ["y:8", "z:7", "x:9", "x:2"]


def test_each_instruments_best_liability_article_comes_first() -> None:
    table = SimpleNamespace(ids=["x:9", "z:7", "z:8", "y:8"], row_of={})
    ranked = [(100.0 - step, row) for step, row in enumerate([1, 2, 0, 3])]  # z:7, z:8, x:9, y:8
    page = duties_then_penalties(ranked, [], table, {}, None, ())
    assert [table.ids[row] for _, row in page] == ["z:7", "x:9", "y:8", "z:8"]


def test_the_duty_query_leaves_out_the_words_that_signal_a_penalty() -> None:
    cue = Cue("penalty", when_zh=("罚款", "会被罚"), when_en=("fine", "what happens if"))
    assert without_cue_words("what's the fine for not reporting a breach", cue).split() == [
        "what's",
        "the",
        "for",
        "not",
        "reporting",
        "a",
        "breach",
    ]
    assert without_cue_words("不报告数据泄露会被罚款吗", cue).split() == ["不报告数据泄露", "吗"]
    assert without_cue_words("how to define refined data", cue).split() == ["how", "to", "define", "refined", "data"]
