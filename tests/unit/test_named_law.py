"""A law the question names is boosted, never given the whole first page, and its English name is no search word."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from assistant.search import named_law
from assistant.service import AssistantService

IDS = [f"blockchain:{n}" for n in range(1, 10)] + ["dsl:35", "dsl:48", "pipl:13"]


def _table() -> Any:
    return SimpleNamespace(ids=IDS, row_of={article: row for row, article in enumerate(IDS)})


def _ranked(order: list[str]) -> list[tuple[float, int]]:
    return [(100.0 - step, IDS.index(article)) for step, article in enumerate(order)]


def _ids(ranked: list[tuple[float, int]]) -> list[str]:
    return [IDS[row] for _, row in ranked]


def test_a_named_law_leaves_places_on_the_first_page_for_other_instruments(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(named_law, "PAGE", 5)
    monkeypatch.setattr(named_law, "NAMED_LAW_PLACES", 3)
    ranked = _ranked([*IDS[:6], "dsl:35", "dsl:48"])  # six blockchain hits before the first DSL hit
    page = named_law.share_with_others(ranked, _table(), ("blockchain",))
    assert _ids(page) == [*IDS[:3], "dsl:35", "dsl:48", *IDS[3:6]]
    assert named_law.share_with_others(ranked, _table(), ()) == ranked  # no law named: as ranked
    assert named_law.share_with_others(ranked, _table(), ("blockchain", "dsl")) == ranked  # several: as ranked


def test_with_nothing_else_matching_the_named_laws_hits_keep_their_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(named_law, "NAMED_LAW_PLACES", 2)
    ranked = _ranked(IDS[:6])
    assert named_law.share_with_others(ranked, _table(), ("blockchain",)) == ranked


def test_an_english_law_name_boosts_its_law_but_is_not_a_search_word(service: AssistantService) -> None:
    results = service.search("blockchain platform: the police want our user logs, do we have to hand them over?")
    hits = [hit.id for hit in results.hits]
    assert hits[0] == "blockchain:17"  # the named law's log rule first
    assert "dsl:35" in hits[:10]  # and the DSL's rule on police requests for data on the same page
    assert sum(hit.startswith("blockchain:") for hit in hits[:10]) <= named_law.NAMED_LAW_PLACES
