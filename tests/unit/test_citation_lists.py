"""Liability clauses that cite duties by number: every citation-list shape of the five instruments resolves whole."""

from __future__ import annotations

import pytest

from assistant.corpus.store import Corpus
from assistant.obligations.crossrefs import citation_list
from assistant.obligations.linking import cited_by_number
from assistant.service import AssistantService


@pytest.mark.parametrize(
    ("text", "provisions"),
    [
        ("第十条", [(10,)]),
        ("第十一条第一款", [(11, 1)]),
        ("第八条、第十六条", [(8,), (16,)]),
        ("第五条、第九条、第十一条第二款、第十三条", [(5,), (9,), (11, 2), (13,)]),
        ("第十六条至第二十条", [(16,), (17,), (18,), (19,), (20,)]),
        ("第十二条、第十六条至第二十条、第二十二条", [(12,), (16,), (17,), (18,), (19,), (20,), (22,)]),
        ("第四十条第一款和第二款", [(40, 1), (40, 2)]),
        ("第四十条第一款和第二款、第四十一条", [(40, 1), (40, 2), (41,)]),
        ("第三十条第二款和第三款、第三十一条", [(30, 2), (30, 3), (31,)]),
        ("第二十九条第二款、第三十条第二款", [(29, 2), (30, 2)]),
        ("第十一条第一款第二项、第三项", [(11, 1, 2), (11, 1, 3)]),
        ("第十八条第一款、第三十五条", [(18, 1), (35,)]),
        ("第六十八条、第六十九条", [(68,), (69,)]),
    ],
)
def test_each_shape_of_citation_list(text: str, provisions: list[tuple[int, ...]]) -> None:
    assert citation_list(text) == provisions


# Every liability paragraph of the five instruments that cites duties by number, and all it cites (read from
# /work/shared/sources): a citation dropped here is a penalty missing from every duty it punishes.
CITED_BY_LIABILITY = {
    "blockchain:19.1": ["blockchain:5", "blockchain:6", "blockchain:7", "blockchain:9", "blockchain:11.2",
                        "blockchain:13", "blockchain:15", "blockchain:17", "blockchain:18"],
    "blockchain:20.1": ["blockchain:8", "blockchain:16"],
    "blockchain:21.1": ["blockchain:10"],
    "blockchain:21.2": ["blockchain:10"],
    "blockchain:22.1": ["blockchain:11.1"],
    "dsl:45.1": ["dsl:27", "dsl:29", "dsl:30"],
    "dsl:46.1": ["dsl:31"],
    "dsl:47.1": ["dsl:33"],
    "dsl:48.1": ["dsl:35"],
    "dsl:48.2": ["dsl:36"],
    "shenzhen:94.1": ["shenzhen:67"],
    "shenzhen:95.1": ["shenzhen:68", "shenzhen:69"],
    "shenzhen:95.2": ["shenzhen:70"],
    "ndsr:55.1": ["ndsr:12", "ndsr:16", "ndsr:17", "ndsr:18", "ndsr:19", "ndsr:20", "ndsr:22", "ndsr:40.1",
                  "ndsr:40.2", "ndsr:41", "ndsr:42"],
    "ndsr:56.1": ["ndsr:13"],
    "ndsr:57.1": ["ndsr:29.2", "ndsr:30.2", "ndsr:30.3", "ndsr:31", "ndsr:32"],
}  # fmt: skip


def test_every_liability_paragraph_cites_exactly_what_its_text_lists(corpus: Corpus) -> None:
    cited = {penalty: targets for penalty, targets in cited_by_number(corpus).items() if targets}
    assert cited == CITED_BY_LIABILITY


def test_a_range_and_a_second_paragraph_inside_a_list_are_linked(service: AssistantService) -> None:
    def penalties(duty: str) -> set[str]:
        return {link.penalty for link in service.penalties_for(duty)}

    for duty in ("ndsr:12.1", "ndsr:16.1", "ndsr:18.1", "ndsr:20.1", "ndsr:22.1", "ndsr:40.1", "ndsr:41.1",
                 "ndsr:42.1"):  # fmt: skip
        assert "ndsr:55.1" in penalties(duty), duty
    for duty in ("ndsr:29.2", "ndsr:30.2", "ndsr:30.3", "ndsr:31.1", "ndsr:32.1"):
        assert "ndsr:57.1" in penalties(duty), duty
    # 57 cites 30(2) and 30(3), not 30(1): that paragraph falls to the residual clause 58.
    assert penalties("ndsr:30.1") == {"ndsr:58.1"}
