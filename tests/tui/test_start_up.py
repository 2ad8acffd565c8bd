"""Paint first: the first frame needs none of the core, loading waits a moment after it, and any need starts it."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from textual.widgets import Static

from assistant.service import AssistantService
from assistant.tui.app import LOAD_PAUSE_SECONDS, DataLawApp, create_app
from assistant.tui.screens.search import EMPTY_QUERY_HINT
from assistant.tui.widgets.search_bar import QueryInput
from tests.conftest import CORPUS
from tests.tui.conftest import SIZE, search_screen, settle

LONG_PAUSE = 30.0  # longer than any test: loading that finishes did not wait for the pause


def status(app: DataLawApp) -> str:
    return str(app.screen_stack[0].query_one("#search-status", Static).content)


def test_the_first_frame_imports_none_of_the_core_data_or_other_screens() -> None:
    code = (
        "import sys, assistant.tui.app;"
        "print(sorted(m for m in sys.modules if m in ('yaml', 'numpy', 'whoosh', 'assistant.corpus.store',"
        " 'assistant.models', 'assistant.bookmarks', 'assistant.tui.screens.ask', 'assistant.tui.screens.checklist',"
        " 'assistant.tui.render_article', 'assistant.tui.reading')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


async def test_the_first_frame_is_the_search_screen_and_loading_follows_without_any_input(
    built_index_dir: Path,
) -> None:
    app = create_app(service=AssistantService(CORPUS, built_index_dir))
    async with app.run_test(size=SIZE) as pilot:
        screen = search_screen(pilot)
        assert app.current_mode == "search" and app.screen is screen
        assert isinstance(app.focused, QueryInput)  # the cursor is in the search box
        assert app.reading is None and "Loading the corpus" in status(app)

        started = time.monotonic()
        await settle(pilot)
        assert app.reading is not None and app.core_status.search_ready
        assert time.monotonic() - started >= LOAD_PAUSE_SECONDS * 0.8  # it waited for the app to settle
        assert status(app) == EMPTY_QUERY_HINT

        # The first screen is a mode like the others: F6 leaves it, F5 comes back to the same screen.
        await pilot.press("f6")
        await pilot.pause()
        assert app.current_mode == "ask"
        await pilot.press("f5")
        await pilot.pause()
        assert app.current_mode == "search" and app.screen is screen


async def test_a_key_during_the_pause_starts_loading_at_once(built_index_dir: Path) -> None:
    app = create_app(service=AssistantService(CORPUS, built_index_dir), load_pause=LONG_PAUSE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.reading is None
        await pilot.press("d", "a", "t", "a")
        await settle(pilot)
        assert app.reading is not None and app.core_status.search_ready
        assert search_screen(pilot).results.hits  # the query typed during the pause ran once the index was open


async def test_a_query_put_in_the_box_during_the_pause_starts_loading_at_once(built_index_dir: Path) -> None:
    app = create_app(service=AssistantService(CORPUS, built_index_dir), load_pause=LONG_PAUSE)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = search_screen(pilot)
        screen.query_one(QueryInput).value = "重要数据"  # a paste or a program, with no key event
        await settle(pilot)
        assert app.core_status.search_ready
        assert screen.results.hits


async def test_quitting_during_the_pause_loads_nothing_and_does_not_wait_for_it(built_index_dir: Path) -> None:
    app = create_app(service=AssistantService(CORPUS, built_index_dir), load_pause=LONG_PAUSE)
    started = time.monotonic()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")  # a key, which would start loading, that quits
    assert time.monotonic() - started < LONG_PAUSE / 2
    assert app.reading is None and not app.core_status.corpus_ready
