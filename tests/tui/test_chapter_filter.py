"""The chapter filter (F8): type-ahead over chapters, the core's own filter, and Enter that acts on the text typed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from assistant.service import AssistantService
from assistant.tui.app import DataLawApp, create_app
from assistant.tui.highlight import no_highlight
from assistant.tui.screens.chapters import ChapterPicker
from tests.conftest import CORPUS
from tests.tui.conftest import (
    SIZE,
    Notes,
    open_typed,
    pick_in_f8,
    search_screen,
    search_status,
    searching,
    settle,
    type_query,
)

# The DSL's fourth chapter, 数据安全保护义务, holds arts. 27-36 (corpus/laws/dsl).
DSL_CHAPTER_4 = {f"dsl:{number}" for number in range(27, 37)}


def chapter_of(app: DataLawApp, article_id: str) -> tuple[str, int | None]:
    """(law, chapter number) of an article, read from the loaded corpus."""
    assert app.reading is not None
    article = app.reading.corpus.article(article_id)
    return article.law, article.chapter.number if article.chapter else None


def search_screen_of(app: DataLawApp) -> Any:
    return app.screen_stack[0]


async def open_picker(pilot: Pilot[None]) -> ChapterPicker:
    await pilot.press("f8")  # an F-key: works with the cursor in the search box
    await pilot.pause()
    picker = pilot.app.screen
    assert isinstance(picker, ChapterPicker)
    return picker


async def test_f8_typed_fast_with_enter_at_once_limits_the_results_to_that_chapter(
    make_app: Callable[[], DataLawApp],
) -> None:
    app = make_app()
    async with searching(app, "security") as (pilot, screen):
        assert len({chapter_of(app, hit.id) for hit in screen.results.hits}) > 1

        await pick_in_f8(pilot, "dsl chapter 4")

        assert app.screen is screen
        assert screen.chapter_filter is not None and screen.chapter_filter.key == "dsl:4"
        assert screen.search_bar.law == "dsl"
        assert screen.results.hits and {hit.id for hit in screen.results.hits} <= DSL_CHAPTER_4
        assert search_status(app).startswith("Only DSL 第四章")

        # Enter in the search box opens the top hit of the limited search, for the text typed now.
        await open_typed(pilot, "important data")
        assert screen.reader.article_id in DSL_CHAPTER_4


async def test_a_pasted_chapter_title_and_enter_pick_that_chapter(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    async with searching(app, "数据") as (pilot, screen):
        picker = await open_picker(pilot)

        box = picker.query_one("#chapter-filter", Input)
        box.post_message(events.Paste("重要数据安全"))  # NDSR ch. 4; Enter follows at once
        await pilot.press("enter")
        await settle(pilot)

        assert screen.chapter_filter is not None and screen.chapter_filter.key == "ndsr:4"
        assert screen.search_bar.law == "ndsr"
        assert screen.results.hits
        assert {chapter_of(app, hit.id) for hit in screen.results.hits} == {("ndsr", 4)}


async def test_with_a_law_filter_f8_offers_only_that_laws_chapters(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = search_screen(pilot)
        screen.reader.focus()  # out of the search box: digits pick a law
        await pilot.press("3")
        await settle(pilot)
        law = screen.search_bar.law
        assert law is not None

        picker = await open_picker(pilot)
        assert picker.shown and {entry.law for entry in picker.shown} == {law}
        assert any(entry.is_section for entry in picker.shown)  # and its sections: the core filters by either
        await pilot.press("escape")
        await settle(pilot)
        assert screen.chapter_filter is None and screen.search_bar.law == law


async def test_a_law_key_0_or_the_clear_choice_lift_the_chapter_limit(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    async with searching(app, "security") as (pilot, screen):
        await pick_in_f8(pilot, "dsl chapter 4")
        assert screen.chapter_filter is not None

        # F8 again: with the box empty, the first choice lifts the limit and keeps the law.
        picker = await open_picker(pilot)
        assert picker.clear_label is not None and "All chapters of DSL" in picker.clear_label
        await pilot.press("enter")
        await settle(pilot)
        assert screen.chapter_filter is None and screen.search_bar.law == "dsl"
        assert {hit.id for hit in screen.results.hits} - DSL_CHAPTER_4  # other DSL chapters are back
        assert not search_status(app).startswith("Only")

        # The same law's digit means the whole law; 0 means every law.
        await pick_in_f8(pilot, "chapter 4")
        assert screen.chapter_filter is not None
        screen.reader.focus()
        await pilot.press("1")  # DSL, the law already filtered on
        await settle(pilot)
        assert screen.chapter_filter is None and screen.search_bar.law == "dsl"

        await pick_in_f8(pilot, "chapter 4")
        assert screen.chapter_filter is not None
        screen.reader.focus()
        await pilot.press("0")
        await settle(pilot)
        assert screen.chapter_filter is None and screen.search_bar.law is None
        assert len({hit.law for hit in screen.results.hits}) > 1


@pytest.mark.parametrize(
    ("query", "typed", "law", "stale_chapter"),
    [("security", "dsl chapter 4", "dsl", "1"), ("数据", "shenzhen 第四章 第二节", "shenzhen", "4")],
    ids=["another chapter", "the whole chapter under a section"],
)
async def test_results_from_before_the_pick_are_dropped(
    make_app: Callable[[], DataLawApp], query: str, typed: str, law: str, stale_chapter: str
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_query(pilot, query)
        screen = search_screen(pilot)
        await pick_in_f8(pilot, typed)
        shown = [hit.id for hit in screen.results.hits]

        stale = app.service.search(query, law=law, chapter=stale_chapter)  # a slow search from before the pick
        screen.show_results(query, law, stale, no_highlight, stale_chapter)

        assert [hit.id for hit in screen.results.hits] == shown


def test_snapshot_search_limited_to_a_chapter(snap_compare: Callable[..., bool], built_index_dir: Path) -> None:
    """Results for "security" limited to DSL chapter 4: the limit named at the head of the status line."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await type_query(pilot, "security")
        await pilot.press("f8")
        await pilot.pause()
        await pilot.press(*"dsl", "space", *"chapter", "space", "4", "enter")
        await settle(pilot)
        for box in pilot.app.screen.query(Input):
            box.cursor_blink = False

    app = create_app(service=AssistantService(CORPUS, built_index_dir))
    assert snap_compare(app, terminal_size=(100, 30), run_before=run_before)


async def test_an_instrument_without_chapters_says_so_and_keeps_its_law_filter(
    make_app: Callable[[], DataLawApp],
) -> None:
    app = make_app()
    notes = Notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = search_screen(pilot)
        screen.reader.focus()
        await pilot.press("2")  # the blockchain provisions: articles without chapters
        await settle(pilot)
        assert screen.search_bar.law == "blockchain"
        await pilot.press("f8")
        await settle(pilot)
        assert app.screen is screen and screen.chapter_filter is None
        assert any("no chapters" in note for note in notes.messages())
        assert screen.search_bar.law == "blockchain"
