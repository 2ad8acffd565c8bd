"""Keys typed in one burst after a key that opens a screen (F8, Ctrl+P …) go to that screen, not to the query."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Input

from assistant.tui.app import DataLawApp
from assistant.tui.widgets.palette import CommandPalette
from tests.tui.conftest import SIZE, search_screen, searching, settle, type_query
from tests.tui.keys import burst, keys_for

# The DSL's fourth chapter, 数据安全保护义务, holds arts. 27-36 (corpus/laws/dsl).
DSL_CHAPTER_4 = {f"dsl:{number}" for number in range(27, 37)}


async def test_f8_then_a_chapter_and_enter_in_one_burst_pick_that_chapter_and_leave_the_query(
    make_app: Callable[[], DataLawApp],
) -> None:
    app = make_app()
    async with searching(app, "security") as (pilot, screen):
        for _ in range(3):  # again and again: never the first chapter, never the typed words in the search box
            await burst(pilot, "f8", *keys_for("dsl chapter 4"), "enter")
            await settle(pilot)
            assert app.screen is screen
            assert screen.search_bar.query_text == "security"
            assert screen.chapter_filter is not None and screen.chapter_filter.key == "dsl:4"
            assert screen.results.hits and {hit.id for hit in screen.results.hits} <= DSL_CHAPTER_4
            await burst(pilot, "f8", "enter")  # F8 and Enter on the empty box: lift the limit
            await settle(pilot)
            assert screen.chapter_filter is None


async def test_ctrl_p_then_words_in_one_burst_type_in_the_palette(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    async with searching(app, "dsl:27") as (pilot, screen):
        await burst(pilot, "ctrl+p", *keys_for("help"))
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(Input).value == "help"
        assert screen.search_bar.query_text == "dsl:27"


async def test_keys_after_a_key_that_opens_nothing_stay_in_the_search_box(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = search_screen(pilot)
        await type_query(pilot, "data")
        await burst(pilot, "f5", *keys_for(" law"))  # F5 on the search screen: it is already there
        await settle(pilot)
        assert app.screen is screen
        assert screen.search_bar.query_text == "data law"


async def test_g_then_a_chapter_and_enter_in_one_burst_from_the_reader_and_every_list(
    make_app: Callable[[], DataLawApp],
) -> None:
    from assistant.tui.screens.chapters import ChapterScreen

    app = make_app()
    async with searching(app, "security") as (pilot, screen):
        await pilot.press("f3")  # the contents tree, built when first shown
        await settle(pilot)
        for widget in (screen.reader, screen.results, screen.toc, screen.query_one("#bookmarks"), screen.reader):
            if widget is screen.toc:
                await pilot.press("f3")
            elif widget.id == "bookmarks":
                await pilot.press("f4")
            else:
                widget.focus()
            await pilot.pause()
            assert app.focused is widget
            await burst(pilot, "g", *keys_for("dsl chapter 4"), "enter")  # "l" alone would change the language
            await settle(pilot)
            assert isinstance(app.screen, ChapterScreen) and app.screen.entry.key == "dsl:4"
            await pilot.press("escape")
            await settle(pilot)
            assert app.screen is screen and screen.reader.language == "both"


async def test_f6_then_a_question_and_enter_from_the_search_box_ask_it(make_app: Callable[[], DataLawApp]) -> None:
    from assistant.tui.screens.ask import AskScreen

    app = make_app()
    async with searching(app, "dsl:27") as (pilot, screen):
        await burst(pilot, "f6", *keys_for("what must a data processor do"), "enter")
        await settle(pilot)
        assert isinstance(app.screen, AskScreen)
        assert app.screen.query_one("#question", Input).value == "what must a data processor do"
        assert app.screen.current_question == "what must a data processor do"
        assert screen.search_bar.query_text == "dsl:27"


async def test_f5_then_a_citation_and_enter_from_the_ask_box_open_that_article(
    make_app: Callable[[], DataLawApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = search_screen(pilot)  # the search box is empty
        await pilot.press("f6")
        await settle(pilot)
        question = app.screen.query_one("#question", Input)
        question.insert_text_at_cursor("who keeps logs")
        await burst(pilot, "f5", *keys_for("dsl:27"), "enter")  # back to search, a citation, Enter: one burst
        await settle(pilot)
        assert app.screen is screen
        assert screen.reader.article_id == "dsl:27"
        assert question.value == "who keeps logs"  # nothing typed after F5 landed in the question box


async def test_g_then_a_chapter_and_enter_from_the_law_filter_go_to_that_chapter(
    make_app: Callable[[], DataLawApp],
) -> None:
    from assistant.tui.screens.chapters import ChapterScreen
    from assistant.tui.widgets.law_filter import LawFilter

    app = make_app()
    async with searching(app, "security") as (pilot, screen):
        law_filter = screen.query_one(LawFilter)
        law_filter.focus()
        await pilot.pause()
        before = law_filter.value
        await burst(pilot, "g", *keys_for("dsl chapter 4"), "enter")  # the 4 would pick a law on the filter
        await settle(pilot)
        assert isinstance(app.screen, ChapterScreen) and app.screen.entry.key == "dsl:4"
        assert law_filter.value == before


async def test_f5_then_a_citation_from_the_checklist_changes_no_answer(make_app: Callable[[], DataLawApp]) -> None:
    from assistant.tui.screens.checklist import ChecklistScreen

    app = make_app()
    async with searching(app, "security") as (pilot, screen):
        await pilot.press("f7")
        await settle(pilot)
        checklist = app.screen
        assert isinstance(checklist, ChecklistScreen) and checklist.current is not None
        first = checklist.current.id
        answers = dict(checklist.session.answers) if checklist.session else {}
        # y, n, u, s, d … are the checklist's own keys: typed after F5 in one burst they belong to the search box.
        await burst(pilot, "f5", *keys_for("dsl:27 yes no unsure"))
        await settle(pilot)
        assert app.screen is screen
        assert screen.search_bar.query_text == "security" + "dsl:27 yes no unsure"  # typed on, in the search box
        assert checklist.current is not None and checklist.current.id == first
        assert (dict(checklist.session.answers) if checklist.session else {}) == answers
