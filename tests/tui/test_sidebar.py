"""The side panel's tab bar: a click or a key shows results, contents or bookmarks; the contents tree is built then."""

from __future__ import annotations

from collections.abc import Callable

from assistant.tui.app import DataLawApp
from assistant.tui.widgets.sidebar import Sidebar
from assistant.tui.widgets.toc import ContentsTree
from tests.tui.conftest import SIZE, search_screen, settle, type_query


async def test_clicking_a_tab_shows_its_pane_and_typing_brings_the_results_back(
    make_app: Callable[[], DataLawApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = search_screen(pilot)
        sidebar = screen.query_one(Sidebar)
        tree = screen.query_one(ContentsTree)
        assert sidebar.active == "results-tab"
        assert not tree.populated  # not built for the first frame

        tabs = str(sidebar.query_one("#sidebar-tabs").render())
        await pilot.click("#sidebar-tabs", offset=(1 + tabs.index("Contents"), 0))
        await settle(pilot)
        assert sidebar.active == "contents-tab"
        assert tree.populated and tree.display
        assert app.focused is tree

        await pilot.click("#sidebar-tabs", offset=(1 + tabs.index("Bookmarks"), 0))
        await settle(pilot)
        assert sidebar.active == "bookmarks-tab"

        await type_query(pilot, "dsl:27")
        assert sidebar.active == "results-tab"
        assert [hit.id for hit in screen.results.hits] == ["dsl:27"]
