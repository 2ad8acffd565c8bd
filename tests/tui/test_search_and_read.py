"""Searching, reading and following links in the search & read screen, driven as a user would."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from assistant.tui.app import DataLawApp
from assistant.tui.screens.choose_target import ChooseTargetScreen
from assistant.tui.widgets.reader import ArticleReader, ReaderBlock
from assistant.tui.widgets.results import ResultsList
from tests.tui.conftest import SIZE, open_typed, reader_text, search_screen, searching, settle, type_query


async def open_by_citation(pilot: Pilot[None], citation: str) -> ArticleReader:
    """Search for a citation and open the top result with Enter, as a user would."""
    await open_typed(pilot, citation)
    reader = search_screen(pilot).reader
    assert reader.article_id == citation
    return reader


def link_targets(reader: ArticleReader) -> list[tuple[str, ...]]:
    assert reader.rendered is not None
    return [link.targets for link in reader.rendered.links]


async def test_typing_a_query_lists_matching_articles(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_query(pilot, "important data", keys=True)

        results = app.screen.query_one(ResultsList)
        ids = [hit.id for hit in results.hits]
        assert ids, "no results for a query the corpus answers"
        # The important-data articles: the DSL's catalogue and duties, and the NDSR's that implement them.
        assert {"dsl:21", "dsl:30", "ndsr:29", "ndsr:30", "ndsr:31", "ndsr:32", "ndsr:33"} & set(ids[:5])
        assert results.highlighted == 0


async def test_a_chinese_query_finds_articles_and_the_reader_highlights_its_terms(
    make_app: Callable[[], DataLawApp],
) -> None:
    app = make_app()
    async with searching(app, "重要数据") as (pilot, screen):
        top = screen.results.hits[0].id
        # The important-data catalogue (DSL, and the NDSR's implementing article), or the processor's duties.
        assert top in {"dsl:21", "dsl:30", "ndsr:29"}

        await pilot.press("enter")
        await settle(pilot)

        assert screen.reader.article_id == top
        assert screen.reader.display_data is not None
        spans = screen.reader.display_data.highlight("重要数据的处理者", "zh")
        assert spans == [(0, 4)]


async def test_following_a_cross_reference_then_back_and_forward(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reader = await open_by_citation(pilot, "dsl:45")
        assert link_targets(reader)[:3] == [("dsl:27",), ("dsl:29",), ("dsl:30",)]

        await pilot.press("n", "enter")  # select the first link (本法第二十七条) and follow it
        await settle(pilot)
        assert reader.article_id == "dsl:27"

        await pilot.press("b")
        await settle(pilot)
        assert reader.article_id == "dsl:45"

        await pilot.press("alt+right")
        await settle(pilot)
        assert reader.article_id == "dsl:27"

        await pilot.press("alt+left")
        await settle(pilot)
        assert reader.article_id == "dsl:45"


async def test_clicking_a_cross_reference_follows_it(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reader = await open_by_citation(pilot, "blockchain:19")
        assert link_targets(reader)[0] == ("blockchain:5",)  # 本规定第五条

        block = next(b for b in reader.query(ReaderBlock) if b.has_class("block-paragraph"))
        region = block.content_region
        link_at = next(
            (x, y)
            for y in range(region.y, region.bottom)
            for x in range(region.x, region.right)
            if app.screen.get_style_at(x, y).meta.get("@click") == "follow(0)"
        )
        await pilot.click(offset=link_at)
        await settle(pilot)

        assert reader.article_id == "blockchain:5"
        await pilot.press("b")
        await settle(pilot)
        assert reader.article_id == "blockchain:19"


async def test_a_reference_to_a_paragraph_opens_the_article_at_that_paragraph(
    make_app: Callable[[], DataLawApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reader = await open_by_citation(pilot, "blockchain:19")
        index = link_targets(reader).index(("blockchain:11.2",))  # 第十一条第二款

        await pilot.press(*["n"] * (index + 1), "enter")
        await settle(pilot)

        assert reader.article_id == "blockchain:11"
        focused = [b for b in reader.query(ReaderBlock) if b.has_class("focused")]
        assert len(focused) == 1


async def test_a_duty_links_to_its_penalty_and_the_penalty_back_to_its_duties(
    make_app: Callable[[], DataLawApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reader = await open_by_citation(pilot, "dsl:27")
        assert reader.rendered is not None
        penalty = [i for i, link in enumerate(reader.rendered.links) if link.kind == "penalty"]
        assert [reader.rendered.links[i].targets for i in penalty] == [("dsl:45",)]
        assert "Penalties: Art. 45" in reader_text(reader).replace("\u00a0", " ")

        await pilot.press(*["n"] * (penalty[0] + 1), "enter")
        await settle(pilot)

        assert reader.article_id == "dsl:45"
        assert reader.rendered is not None
        enforces = [link.targets for link in reader.rendered.links if link.kind == "enforces"]
        # 45(1) cites arts. 27, 29 and 30; 45(2) punishes the national core data regime of art. 21(2).
        assert enforces == [("dsl:27",), ("dsl:29",), ("dsl:30",), ("dsl:21",)]


async def test_the_language_key_cycles_chinese_english_both(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reader = await open_by_citation(pilot, "dsl:27")
        assert reader.language == "both"

        await pilot.press("f2")
        await settle(pilot)
        assert reader.language == "zh"
        text = reader_text(reader)
        assert "开展数据处理活动" in text and "Those carrying out" not in text

        await pilot.press("l")
        await settle(pilot)
        assert reader.language == "en"
        text = reader_text(reader)
        assert "unofficial translation" in text and "Those carrying out" in text
        assert "开展数据处理活动" not in text

        await pilot.press("f2")
        await settle(pilot)
        assert reader.language == "both"


async def test_a_reference_to_several_articles_asks_which_one(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reader = await open_by_citation(pilot, "dsl:43")  # 本章: every article of chapter V
        index = next(i for i, targets in enumerate(link_targets(reader)) if len(targets) > 1)

        await pilot.press(*["n"] * (index + 1), "enter")
        await pilot.pause()
        assert isinstance(app.screen, ChooseTargetScreen)

        await pilot.press("enter")  # the first choice is highlighted
        await settle(pilot)
        assert not isinstance(app.screen, ChooseTargetScreen)
        assert reader.article_id == "dsl:37"


async def test_other_screens_can_open_an_article_in_the_reader(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert await app.open_in_reader("shenzhen:10.1.3")
        await settle(pilot)
        reader = search_screen(pilot).reader
        assert reader.article_id == "shenzhen:10"
        assert [b for b in reader.query(ReaderBlock) if b.has_class("focused")]
