"""Law filter, table of contents, bookmarks that survive a restart, and copying citations."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from assistant.bookmarks import BOOKMARKS_FILE
from assistant.tui.app import DataLawApp
from assistant.tui.widgets.bookmarks_list import BookmarksList
from assistant.tui.widgets.law_filter import LawFilter
from assistant.tui.widgets.sidebar import Sidebar
from assistant.tui.widgets.toc import ContentsTree
from tests.tui.conftest import SIZE, Notes, open_typed, search_screen, searching, settle


async def test_a_digit_key_limits_the_search_to_one_law_and_0_lifts_it(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    async with searching(app, "security") as (pilot, screen):
        assert len({hit.law for hit in screen.results.hits}) > 1

        screen.results.focus()
        await pilot.press("2")  # the second instrument in corpus order
        await settle(pilot)
        assert screen.query_one(LawFilter).value == "blockchain"
        assert screen.results.hits and {hit.law for hit in screen.results.hits} == {"blockchain"}

        await pilot.press("0")
        await settle(pilot)
        assert screen.search_bar.law is None
        assert len({hit.law for hit in screen.results.hits}) > 1


async def test_choosing_a_law_in_the_filter_narrows_the_results(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    async with searching(app, "personal data") as (pilot, screen):
        screen.query_one(LawFilter).value = "shenzhen"
        await settle(pilot)

        assert screen.results.hits and {hit.law for hit in screen.results.hits} == {"shenzhen"}


async def test_the_table_of_contents_opens_an_article(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = search_screen(pilot)

        await pilot.press("tab")  # leave the search box so letters are keys, not text
        await pilot.press("t")
        assert screen.query_one(Sidebar).active == "contents-tab"
        assert app.focused is screen.query_one(ContentsTree)

        # The cursor starts on the first law: open it, open chapter 1, open its first article.
        await pilot.press("enter", "down", "enter", "down", "enter")
        await settle(pilot)
        assert screen.reader.article_id == "dsl:1"

        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert screen.reader.article_id == "dsl:2"


async def test_a_bookmark_survives_a_restart(make_app: Callable[[], DataLawApp]) -> None:
    first = make_app()
    async with first.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_typed(pilot, "dsl:27")
        await pilot.press("m")
        await settle(pilot)
        assert first.bookmarks is not None and first.bookmarks.ids() == ["dsl:27"]

    assert (Path(os.environ["DLA_DATA_DIR"]) / BOOKMARKS_FILE).exists()

    second = make_app()
    async with second.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = search_screen(pilot)
        await pilot.press("tab", "M")
        listed = screen.query_one(BookmarksList)
        assert [option.id for option in listed.options] == ["dsl:27"]

        await pilot.press("enter")
        await settle(pilot)
        assert screen.reader.article_id == "dsl:27"
        assert screen.reader.display_data is not None and screen.reader.display_data.bookmarked

        await pilot.press("x")  # remove it from the list
        await settle(pilot)
        assert second.bookmarks is not None and second.bookmarks.ids() == []


async def test_copy_citation_puts_both_renderings_on_the_clipboard(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    notes = Notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_typed(pilot, "dsl:27")
        await pilot.press("c")

        assert copied == ["《数据安全法》第二十七条 / DSL Art. 27"]
        assert any("Copied" in message for message, _ in notes.seen)


async def test_a_corrupt_bookmarks_file_is_reported_and_the_app_keeps_working(
    make_app: Callable[[], DataLawApp],
) -> None:
    data_dir = Path(os.environ["DLA_DATA_DIR"])
    (data_dir / BOOKMARKS_FILE).write_text("{ this is not json", encoding="utf-8")
    app = make_app()
    notes = Notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert any("unreadable" in message and "moved to" in message for message in notes.errors())
        assert list(data_dir.glob(f"{BOOKMARKS_FILE}.corrupt-*"))

        await open_typed(pilot, "dsl:27")
        await pilot.press("m")
        await settle(pilot)

        screen = search_screen(pilot)
        assert screen.reader.article_id == "dsl:27"
        assert app.bookmarks is not None and app.bookmarks.ids() == ["dsl:27"]
