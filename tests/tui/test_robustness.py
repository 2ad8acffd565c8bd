"""The first frame comes before heavy work, errors become notifications, and stale results are dropped."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from textual.widgets import Static

from assistant.search.index_store import IndexHandle, Notify
from assistant.search.results import SearchResults
from assistant.service import AssistantService
from assistant.tui.app import DataLawApp, create_app
from assistant.tui.highlight import no_highlight
from assistant.tui.keys import APP_KEYS, READER_KEYS, SEARCH_KEYS
from assistant.tui.screens.help import HelpScreen
from assistant.tui.widgets.notice import LegalNotice
from tests.conftest import CORPUS
from tests.tui.conftest import SIZE, Notes, open_typed, search_screen, searching, settle, type_query


class SlowIndexService(AssistantService):
    """A service whose index "builds" until the test says so, reporting progress as a real build does."""

    def __init__(self, index_root: Path, release: threading.Event) -> None:
        super().__init__(CORPUS, index_root)
        self.release = release

    def index(self, notify: Notify | None = None, force: bool = False) -> IndexHandle:
        # The engine opens the index once, on first use: that is where a real build would take its time.
        if notify is not None:
            notify("search index missing: building it now")
        self.release.wait(timeout=30)
        return super().index(notify, force)


def status_text(pilot_app: DataLawApp) -> str:
    return str(search_screen_of(pilot_app).query_one("#search-status", Static).content)


def search_screen_of(app: DataLawApp):  # type: ignore[no-untyped-def]
    return app.screen_stack[0]


async def test_typing_works_while_the_index_builds_and_the_query_runs_when_it_is_ready(
    built_index_dir: Path,
) -> None:
    release = threading.Event()
    app = create_app(service=SlowIndexService(built_index_dir, release))
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = search_screen(pilot)
            for _ in range(200):  # the corpus loads in a thread; wait for the build to be reported
                if "Building search index" in status_text(app):
                    break
                await pilot.pause(0.01)
            assert "Building search index" in status_text(app)
            assert screen.results.loading  # a visible loading indicator over the results

            await pilot.press("d", "s", "l", "colon", "2", "7")
            await pilot.pause()
            assert screen.search_bar.query_text == "dsl:27"
            assert "as soon as it is ready" in status_text(app)

            release.set()
            await settle(pilot)
            assert not screen.results.loading
            assert screen.results.hits[0].id == "dsl:27"
    finally:
        release.set()


async def test_a_failing_search_becomes_a_notification_and_the_app_keeps_working(
    make_app: Callable[[], DataLawApp], monkeypatch: object
) -> None:
    app = make_app()
    notes = Notes(app)
    real_search = app.service.search

    def broken_search(query: str, **kwargs: object) -> SearchResults:
        if query == "boom":
            raise RuntimeError("index file vanished")
        return real_search(query, **kwargs)  # type: ignore[arg-type]

    app.service.search = broken_search  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_query(pilot, "boom")
        assert any("index file vanished" in message for message in notes.errors())
        assert app.is_running

        await type_query(pilot, "dsl:27")
        assert search_screen(pilot).results.hits[0].id == "dsl:27"


async def test_a_corpus_that_cannot_load_is_reported_without_a_traceback(tmp_path: Path) -> None:
    app = create_app(service=AssistantService(tmp_path / "no-corpus", tmp_path / "index"))
    notes = Notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.is_running
        assert any("could not load the corpus" in message for message in notes.errors())
        assert "unavailable" in status_text(app)

        await pilot.press("tab", "c")  # actions with nothing loaded explain themselves
        await pilot.pause()
        assert app.is_running


async def test_results_for_a_query_no_longer_in_the_box_are_dropped(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    async with searching(app, "dsl:27") as (_pilot, screen):
        stale = app.service.search("dsl:45")

        screen.show_results("dsl:45", None, stale, no_highlight)  # a slow search finishing late

        assert [hit.id for hit in screen.results.hits] == ["dsl:27"]


async def test_an_unknown_citation_is_a_notification(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    notes = Notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        opened = await search_screen(pilot).open_article("dsl:999")
        assert opened is False
        assert any("dsl:999" in message for message in notes.errors())


async def test_help_lists_every_key_and_the_full_notice(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = "\n".join(str(section) for section in app.screen.sections)
        for action in (*APP_KEYS, *SEARCH_KEYS, *READER_KEYS):
            assert action.display in {a.display for _, actions in app.screen.sections for a in actions}, shown
        # One digit key per instrument in the corpus, naming each law.
        assert [keys for keys, _ in app.screen.extra] == [str(n) for n in range(1, len(app.service.corpus.laws) + 1)]

        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_the_command_palette_offers_every_action(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        for action in (*SEARCH_KEYS, *READER_KEYS):
            if action.palette:
                assert action.label in titles
        assert {"Help", "Only DSL", "Only Blockchain Provisions", "Only Shenzhen Data Regulations"} <= titles

        command = next(c for c in app.get_system_commands(app.screen) if c.title == "Only DSL")
        await command.callback()
        await settle(pilot)
        assert search_screen(pilot).search_bar.law == "dsl"


async def test_the_app_fits_80_by_24_with_the_notice_visible(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_typed(pilot, "dsl:27")
        screen = search_screen(pilot)
        notice = screen.query_one(LegalNotice)
        assert notice.region.height == 1 and notice.region.bottom <= 23
        assert "not legal advice" in str(notice.content)
        assert screen.reader.region.width >= 40 and screen.reader.region.height >= 10
        assert screen.results.region.width >= 30


def test_the_app_module_loads_no_search_engine_before_the_first_frame() -> None:
    code = "import sys, assistant.tui.app; print(sorted(m for m in ('whoosh', 'spacy', 'jieba') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


async def test_letters_typed_in_the_search_box_are_text_not_commands(make_app: Callable[[], DataLawApp]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("w", "h", "o", "question_mark", "space", "b", "m", "c", "1", "t", "l")
        await settle(pilot)

        screen = search_screen(pilot)
        assert screen.search_bar.query_text == "who? bmc1tl"
        assert app.screen is screen  # "?" did not open help
        assert screen.reader.language == "both" and screen.search_bar.law is None
