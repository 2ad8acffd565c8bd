"""See also: the reviewed related provisions of other instruments join the first page, after their source."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from assistant.corpus.store import Corpus
from assistant.indexing.artefacts import related_articles
from assistant.models import ArticleRef
from assistant.search import see_also
from assistant.service import AssistantService

IDS = ["pipl:31", "pipl:28", "pipl:2", "shenzhen:20", "ndsr:21", "dsl:1"]
RELATED = {"pipl:31": ("shenzhen:20", "ndsr:21", "dsl:1"), "shenzhen:20": ("pipl:31",), "ndsr:21": ("pipl:31",)}
VULNERABILITY = "发现系统漏洞以后要做什么"  # dsl:29 first; shenzhen:83 (risk monitoring, remedies) is its counterpart


def _table() -> Any:
    return SimpleNamespace(ids=IDS, row_of={article: row for row, article in enumerate(IDS)})


def _ranked(scores: np.ndarray, depth: int = 3) -> list[tuple[float, int]]:
    order = sorted(range(len(scores)), key=lambda row: (-scores[row], row))
    return [(float(scores[row]), row) for row in order[:depth] if scores[row] > 0]


def _ids(ranked: list[tuple[float, int]]) -> list[str]:
    return [IDS[row] for _, row in ranked]


def test_a_counterpart_the_question_matches_rises_but_stays_below_its_source() -> None:
    scores = np.array([100.0, 40.0, 30.0, 20.0, 0.0, 0.0])
    ranked = see_also.with_counterparts(_ranked(scores), scores, _table(), RELATED)
    assert _ids(ranked) == ["pipl:31", "shenzhen:20", "pipl:28", "pipl:2"]
    assert ranked[1][0] == pytest.approx(20.0 + see_also.COUNTERPART_SHARE * 100.0)
    # A counterpart that would gain more than the gap rises only to just below the hit that brought it in.
    scores = np.array([100.0, 40.0, 30.0, 90.0, 0.0, 0.0])
    ranked = see_also.with_counterparts(_ranked(scores), scores, _table(), RELATED)
    assert _ids(ranked)[:2] == ["pipl:31", "shenzhen:20"]
    assert ranked[0][0] == 100.0 and ranked[1][0] == pytest.approx(see_also.BELOW_SOURCE * 100.0)


def test_a_counterpart_the_question_does_not_match_is_never_brought_in() -> None:
    scores = np.array([100.0, 90.0, 80.0, 20.0, 0.0, 0.0])  # ndsr:21 and dsl:1 score 0: filtered out or unmatched
    ranked = see_also.with_counterparts(_ranked(scores), scores, _table(), RELATED)
    assert "ndsr:21" not in _ids(ranked) and "dsl:1" not in _ids(ranked)


def test_only_the_first_page_brings_in_counterparts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(see_also, "SOURCE_DEPTH", 1)
    scores = np.array([50.0, 100.0, 90.0, 5.0, 0.0, 0.0])  # pipl:31 is second: beyond a one-hit first page
    ranked = see_also.with_counterparts(_ranked(scores, depth=4), scores, _table(), RELATED)
    assert _ids(ranked) == ["pipl:28", "pipl:2", "pipl:31", "shenzhen:20"]
    assert ranked[-1][0] == 5.0


def test_a_counterpart_related_to_several_hits_gains_once() -> None:
    scores = np.array([100.0, 0.0, 0.0, 90.0, 80.0, 1.0])
    related = {**RELATED, "shenzhen:20": ("pipl:31", "dsl:1"), "ndsr:21": ("pipl:31", "dsl:1")}
    ranked = see_also.with_counterparts(_ranked(scores), scores, _table(), related)
    dsl_score = {IDS[row]: score for score, row in ranked}["dsl:1"]
    assert dsl_score == pytest.approx(1.0 + see_also.COUNTERPART_SHARE * 100.0)


def test_a_related_provision_of_another_instrument_joins_the_first_page(
    service: AssistantService, monkeypatch: pytest.MonkeyPatch
) -> None:
    hits = [hit.id for hit in service.search(VULNERABILITY).hits]
    assert hits[0] == "dsl:29" and "shenzhen:83" in hits[:10] and "ndsr:10" in hits[:10]
    monkeypatch.setattr(see_also, "COUNTERPART_SHARE", 0.0)
    monkeypatch.setattr(see_also, "PAGE_PLACES", 0)  # neither step: the question's own ranking
    without = [hit.id for hit in service.search(VULNERABILITY).hits]
    assert without[0] == "dsl:29" and "shenzhen:83" not in without[:10]  # the question alone ranks it lower


def test_the_best_hits_counterparts_get_the_last_places_of_the_first_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(see_also, "SOURCE_DEPTH", 3)
    scores = np.array([100.0, 90.0, 80.0, 5.0, 1.0, 0.0])  # shenzhen:20 and ndsr:21 rank 4th and 5th
    ranked = see_also.with_best_counterparts(_ranked(scores, depth=5), scores, _table(), RELATED)
    assert _ids(ranked) == ["pipl:31", "shenzhen:20", "ndsr:21", "pipl:28", "pipl:2"]
    assert [score for score, _ in ranked] == [100.0, 5.0, 1.0, 90.0, 80.0]  # each keeps its own score


def test_placing_counterparts_keeps_the_top_and_never_brings_in_an_unmatched_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(see_also, "SOURCE_DEPTH", 3)
    monkeypatch.setattr(see_also, "PAGE_PLACES", 1)
    scores = np.array([100.0, 90.0, 80.0, 5.0, 1.0, 0.0])
    ranked = see_also.with_best_counterparts(_ranked(scores, depth=5), scores, _table(), RELATED)
    assert _ids(ranked) == ["pipl:31", "pipl:28", "shenzhen:20", "pipl:2", "ndsr:21"]  # one place, the first
    scores = np.array([100.0, 90.0, 80.0, 0.0, 0.0, 0.0])  # no counterpart matches: nothing changes
    assert see_also.with_best_counterparts(_ranked(scores), scores, _table(), RELATED) == _ranked(scores)
    scores = np.array([0.0, 90.0, 80.0, 70.0, 0.0, 0.0])  # only the best hit brings its counterparts in
    assert see_also.with_best_counterparts(_ranked(scores), scores, _table(), RELATED) == _ranked(scores)


def test_counterparts_respect_the_law_filter(service: AssistantService) -> None:
    assert {hit.law for hit in service.search(VULNERABILITY, law="dsl").hits} == {"dsl"}


def test_a_citation_is_answered_by_its_article_first(service: AssistantService) -> None:
    assert service.search("个人信息保护法第三十一条").hits[0].id == "pipl:31"


def test_the_build_hands_search_every_related_provision_both_ways(corpus: Corpus) -> None:
    related = related_articles(corpus)
    assert "shenzhen:20" in related["pipl:31"] and "pipl:31" in related["shenzhen:20"]
    for article, others in related.items():
        assert all(other.split(":")[0] != article.split(":")[0] for other in others), article
        assert all(corpus.exists(ArticleRef.parse(other)) for other in others)
